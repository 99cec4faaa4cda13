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
    pub fn fail(&self, message: String) {
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
                kind: ProblemKind::Parse(message),
            })
        }));
    }

    /// `v` is not the `expected` kind of value.
    pub fn invalid(&self, v: &Json, expected: &str) {
        self.fail(format!("expected {}, found {}", wanted(expected), found(v)));
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

/// What a value is, for a message: `string "x"`, `integer `5``, `map`.
/// What a value is, in the words of a data file's editor, not of serde
/// ("the text \"1 million\"", not "string"; "a list", not "sequence").
fn found(v: &Json) -> String {
    match v {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => format!("`{b}`"),
        Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e18 => {
            format!("the number {}", *n as i64)
        }
        // Unnamed: printing a float would bring core's float formatting into the wasm.
        Json::Number(_) => "a number with decimals".to_owned(),
        Json::String(s) => format!("the text {s:?}"),
        Json::Array(_) => "a list".to_owned(),
        Json::Object(_) => "an object".to_owned(),
    }
}

/// What a reader wanted, in the same words: "a number", not "f64".
fn wanted(expected: &str) -> &str {
    match expected {
        "f64" => "a number",
        "i32" => "a whole number",
        "u32" => "a whole number, 0 or more",
        "a map" => "texts by language, such as {\"en\": \"…\"}",
        "a sequence" => "a list ([…])",
        "a string" => "text in quotes",
        "a boolean" => "true or false",
        s if s.starts_with("struct ") => "an object ({…})",
        s => s,
    }
}

/// "one of `a`, `b`, `c`".
fn one_of(names: &[&str]) -> String {
    let mut out = String::from("one of ");
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(name);
        out.push('`');
    }
    out
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
    pub fn members<'a>(&'a self, at: &'a Path<'a>, what: &str, names: &[&str]) -> Members<'a> {
        let none = Members { members: &[], at };
        let Json::Object(members) = self else {
            at.invalid(self, what);
            return none;
        };
        let mut seen = 0u64;
        for (key, _) in members {
            let Some(i) = names.iter().position(|n| n == key) else {
                let message = format!("unknown field `{key}`, expected {}", one_of(names));
                Path::Key(at, key).fail(message);
                return none;
            };
            if seen & (1 << i) != 0 {
                at.fail(format!("duplicate field `{key}`"));
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
                self.at.fail(format!("missing field `{key}`"));
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
            at.invalid(v, "a string");
            String::new()
        }
    }
}

pub fn number(v: &Json, at: &Path<'_>) -> f64 {
    match v {
        Json::Number(n) => *n,
        _ => {
            at.invalid(v, "f64");
            0.0
        }
    }
}

pub fn boolean(v: &Json, at: &Path<'_>) -> bool {
    match v {
        Json::Bool(b) => *b,
        _ => {
            at.invalid(v, "a boolean");
            false
        }
    }
}

/// A whole number in `min..=max`; `what` names the type. JSON has one kind
/// of number, so `2021.0` is the year 2021, as `JSON.parse` reads it.
fn whole(v: &Json, at: &Path<'_>, what: &str, min: f64, max: f64) -> f64 {
    match v {
        Json::Number(n) if n.fract() == 0.0 => {
            if (min..=max).contains(n) {
                return *n;
            }
            at.fail(format!("expected {}, found {}", wanted(what), found(v)));
        }
        _ => at.invalid(v, what),
    }
    0.0
}

pub fn int(v: &Json, at: &Path<'_>) -> i32 {
    whole(v, at, "i32", i32::MIN.into(), i32::MAX.into()) as i32
}

pub fn uint(v: &Json, at: &Path<'_>) -> u32 {
    whole(v, at, "u32", 0.0, u32::MAX.into()) as u32
}

/// An array, each item read by `read` under its index.
pub fn list<T>(v: &Json, at: &Path<'_>, read: Read<T>) -> Vec<T> {
    let Json::Array(items) = v else {
        at.invalid(v, "a sequence");
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read(item, &Path::Index(at, i)))
        .collect()
}

/// The position in `names` of a string naming a unit enum variant (0 after
/// a problem).
pub fn variant(v: &Json, at: &Path<'_>, names: &[&str]) -> usize {
    let Json::String(s) = v else {
        at.invalid(v, &one_of(names));
        return 0;
    };
    names.iter().position(|n| n == s).unwrap_or_else(|| {
        at.fail(format!("unknown variant `{s}`, expected {}", one_of(names)));
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
            "expected true or false, found null"
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
        let ab: Read<usize> = |v, at| variant(v, at, &["a", "b"]);
        assert_eq!(
            problem("true", ab),
            "expected one of `a`, `b`, found `true`"
        );
        assert_eq!(
            problem("\"c\"", ab),
            "unknown variant `c`, expected one of `a`, `b`"
        );
        assert_eq!(read_document(&doc("\"b\""), ab), Ok(1));
    }

    #[test]
    fn members_are_checked_against_the_fields_of_the_type() {
        let t = |v: &Json, at: &Path<'_>| {
            v.members(at, "struct T", &["a", "b", "c"])
                .get("a")
                .is_some()
        };
        assert_eq!(read_document(&doc(r#"{"a": 1, "c": null}"#), t), Ok(true));
        assert_eq!(
            problem(r#"{"a": 1, "x": 2}"#, t),
            "x: unknown field `x`, expected one of `a`, `b`, `c`"
        );
        assert_eq!(problem(r#"{"a": 1, "a": 2}"#, t), "duplicate field `a`");
        assert_eq!(problem("[]", t), "expected an object ({…}), found a list");
        let fields = |v: &Json, at: &Path<'_>| {
            let m = v.members(at, "struct T", &["a", "b", "c"]);
            (m.opt("b", uint), m.opt("c", uint), m.or_default("b", uint))
        };
        assert_eq!(
            read_document(&doc(r#"{"c": null}"#), fields),
            Ok((None, None, 0))
        );
        let c: Read<u32> = |v, at| v.members(at, "struct T", &["c"]).or_default("c", uint);
        assert_eq!(
            problem(r#"{"c": null}"#, c),
            "c: expected a whole number, 0 or more, found null"
        );
        let b: Read<u32> = |v, at| v.members(at, "struct T", &["b"]).req("b", uint);
        assert_eq!(problem("{}", b), "missing field `b`");
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
