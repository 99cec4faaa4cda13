//! A parsed JSON document, and the pieces every data type's hand-written
//! reader and writer is made of.
//!
//! Whatever parses the text (the browser's `JSON.parse`, serde_json natively)
//! only builds a [`Json`]; every type is read from that by the same code, so the
//! widget and `check-data` accept, reject and word problems alike. Readers
//! report the first value that does not fit, with its path, in serde's frame
//! ("missing field `total`") but a data editor's words ("expected a number,
//! found the text \"1 million\"", not serde's "string … expected f64"). In
//! the wasm this replaces serde's derives and serde_path_to_error, whose
//! visitors were tens of KB.

use std::cell::Cell;
use std::fmt;

use super::validate::{Problem, ProblemKind};

/// A JSON value. An object keeps its members in document order, and natively
/// its repeated keys too (the browser's parser keeps the last), so a reader
/// can name the first unknown or repeated field.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::String(s.to_owned())
    }
}

impl From<f64> for Json {
    fn from(n: f64) -> Json {
        Json::Number(n)
    }
}

/// Where a value is in the document: a chain on the stack, written out
/// (`regions[2].share.value`) only for a problem. Its root holds the first
/// problem found.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root(&'a Cell<Option<Problem>>),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root(_) => Ok(()),
            Path::Key(Path::Root(_), key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

impl Path<'_> {
    /// Notes a problem with the document's shape here, unless one was found
    /// before: only the first is reported, as a parser stops at the first.
    pub fn fail(&self, kind: ProblemKind) {
        let mut at = self;
        let first = loop {
            match at {
                Path::Root(first) => break first,
                Path::Key(parent, _) | Path::Index(parent, _) => at = parent,
            }
        };
        let earlier = first.take();
        first.set(earlier.or_else(|| {
            Some(Problem {
                path: self.to_string(),
                kind,
            })
        }));
    }

    /// `v` is not the `expected` kind of value.
    pub fn invalid(&self, v: &Json, expected: Expected) {
        self.fail(ProblemKind::WrongType {
            expected,
            found: found(v),
        });
    }
}

/// A reader of one type: the value and where it is. A reader never stops
/// early: on a problem it notes it ([`Path::fail`]) and goes on with a
/// default, so it is one straight path with no cleanup of half-read values
/// at every field (which, measured, doubled the readers' size in the wasm).
pub type Read<T> = fn(&Json, &Path<'_>) -> T;

/// `read` applied to a whole document: the value, or the first problem.
pub fn read_document<T>(doc: &Json, read: Read<T>) -> Result<T, Problem> {
    let first = Cell::new(None);
    let value = read(doc, &Path::Root(&first));
    match first.into_inner() {
        Some(problem) => Err(problem),
        None => Ok(value),
    }
}

/// What a reader wanted, in a data file editor's words ("a number", not
/// serde's "f64"); each is a message of its own in every catalogue.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    Number,
    Whole,
    WholeNotNegative,
    /// A text map: `{"en": "…"}`.
    Texts,
    List,
    Text,
    Bool,
    Object,
    /// One of these names (a way of stating, a status), comma-separated.
    OneOf(String),
}

/// What a value is, in the same words ("the text \"1 million\"", not
/// "string"; "a list", not "sequence").
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Null,
    Bool(bool),
    /// A whole number, written out.
    Whole(i64),
    /// A number with decimals, unnamed: printing a float would bring core's
    /// float formatting into the wasm.
    Decimal,
    Text(String),
    List,
    Object,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::Number => "a number",
            Expected::Whole => "a whole number",
            Expected::WholeNotNegative => "a whole number, 0 or more",
            Expected::Texts => "texts by language, such as {\"en\":\"…\"}",
            Expected::List => "a list ([…])",
            Expected::Text => "text in quotes",
            Expected::Bool => "true or false",
            Expected::Object => "an object ({…})",
            Expected::OneOf(names) => return write!(f, "one of {names}"),
        })
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Null => f.write_str("null (no value)"),
            Found::Bool(b) => write!(f, "{b}"),
            Found::Whole(n) => write!(f, "the number {n}"),
            Found::Decimal => f.write_str("a number with decimals"),
            Found::Text(s) => write!(f, "the text \"{s}\""),
            Found::List => f.write_str("a list"),
            Found::Object => f.write_str("an object"),
        }
    }
}

fn found(v: &Json) -> Found {
    match v {
        Json::Null => Found::Null,
        Json::Bool(b) => Found::Bool(*b),
        Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e18 => Found::Whole(*n as i64),
        Json::Number(_) => Found::Decimal,
        Json::String(s) => Found::Text(s.clone()),
        Json::Array(_) => Found::List,
        Json::Object(_) => Found::Object,
    }
}

/// "a, b, c": the names an editor may write.
pub fn names_list(names: &[&str]) -> String {
    names.join(", ")
}

/// The members of an object whose type allows only some fields.
pub struct Members<'a> {
    members: &'a [(String, Json)],
    at: &'a Path<'a>,
}

impl Json {
    /// The members of an object of type `what` ("struct Region") with the
    /// fields `names` only: any other field, or one given twice, is a problem
    /// (serde's `deny_unknown_fields` and its duplicate check).
    pub fn members<'a>(&'a self, at: &'a Path<'a>, names: &[&str]) -> Members<'a> {
        let none = Members { members: &[], at };
        let Json::Object(members) = self else {
            at.invalid(self, Expected::Object);
            return none;
        };
        let mut seen = 0u64;
        for (key, _) in members {
            let Some(i) = names.iter().position(|n| n == key) else {
                Path::Key(at, key).fail(ProblemKind::UnknownField {
                    field: key.clone(),
                    allowed: names_list(names),
                });
                return none;
            };
            if seen & (1 << i) != 0 {
                at.fail(ProblemKind::DuplicateField(key.clone()));
                return none;
            }
            seen |= 1 << i;
        }
        Members { members, at }
    }
}

impl<'a> Members<'a> {
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// A field that must be there.
    pub fn req<T: Default>(&self, key: &str, read: Read<T>) -> T {
        match self.get(key) {
            Some(v) => read(v, &Path::Key(self.at, key)),
            None => {
                Path::Key(self.at, key).fail(ProblemKind::MissingField);
                T::default()
            }
        }
    }

    /// An `Option` field: absent or `null` is `None`.
    pub fn opt<T>(&self, key: &str, read: Read<T>) -> Option<T> {
        match self.get(key) {
            None | Some(Json::Null) => None,
            Some(v) => Some(read(v, &Path::Key(self.at, key))),
        }
    }

    /// A `#[serde(default)]` field: absent is the default, `null` is no value.
    pub fn or_default<T: Default>(&self, key: &str, read: Read<T>) -> T {
        match self.get(key) {
            None => T::default(),
            Some(v) => read(v, &Path::Key(self.at, key)),
        }
    }
}

pub fn string(v: &Json, at: &Path<'_>) -> String {
    match v {
        Json::String(s) => s.clone(),
        _ => {
            at.invalid(v, Expected::Text);
            String::new()
        }
    }
}

pub fn number(v: &Json, at: &Path<'_>) -> f64 {
    match v {
        Json::Number(n) => *n,
        _ => {
            at.invalid(v, Expected::Number);
            0.0
        }
    }
}

pub fn boolean(v: &Json, at: &Path<'_>) -> bool {
    match v {
        Json::Bool(b) => *b,
        _ => {
            at.invalid(v, Expected::Bool);
            false
        }
    }
}

/// A whole number in `min..=max`; `what` names the type. JSON has one kind
/// of number, so `2021.0` is the year 2021, as `JSON.parse` reads it.
fn whole(v: &Json, at: &Path<'_>, what: Expected, min: f64, max: f64) -> f64 {
    match v {
        Json::Number(n) if n.fract() == 0.0 && (min..=max).contains(n) => *n,
        _ => {
            at.invalid(v, what);
            0.0
        }
    }
}

pub fn int(v: &Json, at: &Path<'_>) -> i32 {
    whole(v, at, Expected::Whole, i32::MIN.into(), i32::MAX.into()) as i32
}

pub fn uint(v: &Json, at: &Path<'_>) -> u32 {
    whole(v, at, Expected::WholeNotNegative, 0.0, u32::MAX.into()) as u32
}

/// An array, each item read by `read` under its index.
pub fn list<T>(v: &Json, at: &Path<'_>, read: Read<T>) -> Vec<T> {
    let Json::Array(items) = v else {
        at.invalid(v, Expected::List);
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read(item, &Path::Index(at, i)))
        .collect()
}

/// The position in `names` of a string naming a unit enum variant (0 after
/// a problem). `stated`: the names are ways a source states a figure, which
/// a problem says in those words.
pub fn variant(v: &Json, at: &Path<'_>, names: &[&str], stated: bool) -> usize {
    let Json::String(s) = v else {
        at.invalid(v, Expected::OneOf(names_list(names)));
        return 0;
    };
    names.iter().position(|n| n == s).unwrap_or_else(|| {
        at.fail(ProblemKind::UnknownValue {
            value: s.clone(),
            allowed: names_list(names),
            stated,
        });
        0
    })
}

/// An object of the members given as `Some`, in order: a `None` is a field
/// serde's `skip_serializing_if` would leave out.
pub fn object(members: Vec<(&str, Option<Json>)>) -> Json {
    Json::Object(
        members
            .into_iter()
            .filter_map(|(key, v)| Some((key.to_owned(), v?)))
            .collect(),
    )
}

pub fn array<T>(items: &[T], write: fn(&T) -> Json) -> Json {
    Json::Array(items.iter().map(write).collect())
}

/// The array, or nothing when it is empty (`skip_serializing_if = "Vec::is_empty"`).
pub fn non_empty<T>(items: &[T], write: fn(&T) -> Json) -> Option<Json> {
    (!items.is_empty()).then(|| array(items, write))
}

/// Natively (check-data, tests, the build-time pre-render) serde_json parses
/// the text into a `Json` and writes one back out; neither is in the wasm.
#[cfg(any(test, not(target_arch = "wasm32")))]
mod native {
    use std::fmt;

    use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use serde::ser::{Serialize, Serializer};

    use super::Json;

    impl<'de> Deserialize<'de> for Json {
        fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Json, D::Error> {
            de.deserialize_any(JsonVisitor)
        }
    }

    struct JsonVisitor;

    impl<'de> Visitor<'de> for JsonVisitor {
        type Value = Json;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }

        fn visit_unit<E>(self) -> Result<Json, E> {
            Ok(Json::Null)
        }

        fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
            Ok(Json::Bool(b))
        }

        // JSON.parse makes every number an f64; so does this.
        fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
            Ok(Json::Number(n as f64))
        }

        fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
            Ok(Json::Number(n as f64))
        }

        fn visit_f64<E>(self, n: f64) -> Result<Json, E> {
            Ok(Json::Number(n))
        }

        fn visit_str<E>(self, s: &str) -> Result<Json, E> {
            Ok(Json::String(s.to_owned()))
        }

        fn visit_string<E>(self, s: String) -> Result<Json, E> {
            Ok(Json::String(s))
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(Json::Array(items))
        }

        // Repeated keys are kept: the reader of a struct refuses them, a
        // `Text` map keeps the last, as serde's derive and BTreeMap did.
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
            let mut members = Vec::new();
            while let Some(member) = map.next_entry::<String, Json>()? {
                members.push(member);
            }
            Ok(Json::Object(members))
        }
    }

    impl Serialize for Json {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Json::Null => s.serialize_unit(),
                Json::Bool(b) => s.serialize_bool(*b),
                // Whole numbers without ".0", as JSON.stringify writes them.
                Json::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => s.serialize_i64(*n as i64),
                Json::Number(n) => s.serialize_f64(*n),
                Json::String(text) => s.serialize_str(text),
                Json::Array(items) => s.collect_seq(items),
                Json::Object(members) => s.collect_map(members.iter().map(|(k, v)| (k, v))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Json {
        serde_json::from_str(text).unwrap()
    }

    /// The problem `read` finds in `text`, as shown.
    fn problem<T>(text: &str, read: Read<T>) -> String {
        match read_document(&doc(text), read) {
            Ok(_) => panic!("{text} was read"),
            Err(p) => p.to_string(),
        }
    }

    #[test]
    fn numbers_are_read_correctly_rounded_as_json_parse_reads_them() {
        // Rust's own parse is correctly rounded, as JavaScript's is.
        for text in [
            "9001041188798316.0",
            "9007199254740991",
            "123456789012345.67",
            "0.1",
            "0.30000000000000004",
            "1.7976931348623157e308",
            "2.2250738585072011e-308",
            "37100767.000000001",
        ] {
            let expected: f64 = text.parse().unwrap();
            match doc(text) {
                Json::Number(n) => assert_eq!(n.to_bits(), expected.to_bits(), "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn paths_are_written_as_in_javascript() {
        let first = Cell::new(None);
        let root = Path::Root(&first);
        let regions = Path::Key(&root, "regions");
        let second = Path::Index(&regions, 2);
        let share = Path::Key(&second, "share");
        assert_eq!(
            Path::Key(&share, "value").to_string(),
            "regions[2].share.value"
        );
        assert_eq!(Path::Index(&root, 0).to_string(), "[0]");
        assert_eq!(root.to_string(), "");
    }

    #[test]
    fn only_the_first_problem_is_kept() {
        let read: Read<Vec<String>> = |v, at| list(v, at, string);
        assert_eq!(
            problem(r#"["a", 1, null]"#, read),
            "[1]: expected text in quotes, found the number 1"
        );
        assert_eq!(read_document(&doc(r#"["a"]"#), read), Ok(vec!["a".into()]));
    }

    #[test]
    fn kinds_of_value_are_named_in_a_data_editors_words() {
        assert_eq!(
            problem("5", string),
            "expected text in quotes, found the number 5"
        );
        assert_eq!(
            problem("\"1 million\"", number),
            "expected a number, found the text \"1 million\""
        );
        assert_eq!(
            problem("{}", |v, at| list(v, at, string)),
            "expected a list ([…]), found an object"
        );
        assert_eq!(
            problem("null", boolean),
            "expected true or false, found null (no value)"
        );
        assert_eq!(
            problem("2021.5", int),
            "expected a whole number, found a number with decimals"
        );
        assert_eq!(
            problem("-1", uint),
            "expected a whole number, 0 or more, found the number -1"
        );
        assert_eq!(read_document(&doc("2021.0"), int), Ok(2021));
        assert_eq!(read_document(&doc("4294967295"), uint), Ok(u32::MAX));
        assert!(read_document(&doc("4294967296"), uint).is_err());
        let ab: Read<usize> = |v, at| variant(v, at, &["a", "b"], false);
        assert_eq!(problem("true", ab), "expected one of a, b, found true");
        assert_eq!(
            problem("\"c\"", ab),
            "\"c\" is not allowed here: use one of a, b"
        );
        assert_eq!(read_document(&doc("\"b\""), ab), Ok(1));
    }

    #[test]
    fn members_are_checked_against_the_fields_of_the_type() {
        let t = |v: &Json, at: &Path<'_>| v.members(at, &["a", "b", "c"]).get("a").is_some();
        assert_eq!(read_document(&doc(r#"{"a": 1, "c": null}"#), t), Ok(true));
        assert_eq!(
            problem(r#"{"a": 1, "x": 2}"#, t),
            "x: \"x\" is not a field here (check its spelling); the fields here are: a, b, c"
        );
        assert_eq!(
            problem(r#"{"a": 1, "a": 2}"#, t),
            "\"a\" is given twice in this object; keep one"
        );
        assert_eq!(problem("[]", t), "expected an object ({…}), found a list");
        let fields = |v: &Json, at: &Path<'_>| {
            let m = v.members(at, &["a", "b", "c"]);
            (m.opt("b", uint), m.opt("c", uint), m.or_default("b", uint))
        };
        assert_eq!(
            read_document(&doc(r#"{"c": null}"#), fields),
            Ok((None, None, 0))
        );
        let c: Read<u32> = |v, at| v.members(at, &["c"]).or_default("c", uint);
        assert_eq!(
            problem(r#"{"c": null}"#, c),
            "c: expected a whole number, 0 or more, found null (no value)"
        );
        let b: Read<u32> = |v, at| v.members(at, &["b"]).req("b", uint);
        assert_eq!(problem("{}", b), "b: this field is required but missing");
    }

    #[test]
    fn native_text_round_trips_with_whole_numbers_whole() {
        let text = r#"{"b":[1,2.5,-0.0,true,null],"a":"\u00e9\n","b":{}}"#;
        let v = doc(text);
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"b":[1,2.5,0,true,null],"a":"é\n","b":{}}"#
        );
    }
}
