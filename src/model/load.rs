//! From text to a checked dataset. The widget and `cargo xtask check-data`
//! both come through here, so they accept and reject exactly the same files.

use super::dataset::Dataset;
use super::json::Json;
use super::series::{validate_series, Series};
use super::validate::{validate, Problem, ProblemKind};

/// Largest data file accepted, checked before parsing so a huge file cannot
/// stall the reader's page. Real datasets are a few KB.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Size check, BOM removal and the failures no parser explains well (an empty
/// file, an HTML page), before any parser sees the text.
pub fn prepare(text: &str) -> Result<&str, Problem> {
    if text.len() > MAX_BYTES {
        return Err(Problem {
            path: String::new(),
            kind: ProblemKind::TooLarge {
                bytes: text.len(),
                limit: MAX_BYTES,
            },
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match not_json(text) {
        Some(message) => Err(Problem {
            path: String::new(),
            kind: ProblemKind::Parse(message),
        }),
        None => Ok(text),
    }
}

/// Why `text` cannot be JSON at all, when that is plain from its start. A
/// parser would say "expected value at line 1 column 1"; the reader needs to
/// hear that the address gave a web page (often a server's "not found" page).
pub fn not_json(text: &str) -> Option<String> {
    let start = text.trim_start();
    if start.is_empty() {
        return Some("the file is empty".to_owned());
    }
    if let Some((_, line)) = too_deep(text) {
        return Some(format!(
            "the JSON is nested more than {MAX_DEPTH} levels deep (line {line}); \
             a funding dataset needs fewer than 10"
        ));
    }
    if start.starts_with('<') {
        let first_line = start.lines().next().unwrap_or_default().trim_end();
        let shown: String = first_line.chars().take(40).collect();
        let more = if shown.len() < first_line.len() {
            "…"
        } else {
            ""
        };
        return Some(format!(
            "the file looks like an HTML page, not JSON (it starts with {shown:?}{more}); \
             check the address: servers often answer a wrong one with a web page"
        ));
    }
    None
}

/// Deepest nesting of arrays and objects accepted. Datasets need about five;
/// refusing deeper input up front keeps every recursion over a document
/// (the parsers, `web::from_js`, the readers) far from the stack limit.
pub const MAX_DEPTH: usize = 64;

/// The depth and line at which `text` first nests deeper than [`MAX_DEPTH`]
/// (brackets inside strings do not count).
pub fn too_deep(text: &str) -> Option<(usize, usize)> {
    let (mut depth, mut line, mut in_string, mut escaped) = (0usize, 1usize, false, false);
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((depth, line));
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A JSON parser's message for `text`, with the line and column added when the
/// parser gives only a position (some browsers' `JSON.parse` say "at position
/// 42"). The position counts UTF-16 code units, as JavaScript strings do.
pub fn parse_failure(text: &str, message: &str) -> Problem {
    let says_where = message.contains("line ") && message.contains("column ");
    let message = match (says_where, position_in(message)) {
        (false, Some(at)) => {
            let (line, column) = line_column(text, at);
            format!("{message} (line {line} column {column})")
        }
        _ => message.to_owned(),
    };
    Problem {
        path: String::new(),
        kind: ProblemKind::Parse(message),
    }
}

/// N in "… at position N …".
fn position_in(message: &str) -> Option<usize> {
    let (_, rest) = message.split_once("position ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// 1-based line and column (in characters) of the UTF-16 offset `at` in `text`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let (mut line, mut column, mut units) = (1, 1, 0);
    for c in text.chars() {
        if units >= at {
            break;
        }
        units += c.len_utf16();
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

/// A dataset read from a parsed document and validated, or its problems:
/// the first value that does not fit the schema, else every rule it breaks.
pub fn dataset(doc: &Json) -> Result<Dataset, Vec<Problem>> {
    // The widget's own series given as `src`: say what it is, not which of
    // a dataset's fields it lacks.
    if is_series(doc) {
        return Err(vec![Problem {
            path: String::new(),
            kind: ProblemKind::IsSeries,
        }]);
    }
    checked(Dataset::from_json(doc).map_err(|p| vec![p])?)
}

/// A series read from a parsed document and validated, or its problems.
pub fn series(doc: &Json) -> Result<Series, Vec<Problem>> {
    checked_series(Series::from_json(doc).map_err(|p| vec![p])?)
}

/// Whether a document is a series: an object with `years` and no
/// `contribution`. Anything else, a broken file too, is read as a dataset,
/// so a dataset's messages are the same as before series existed.
pub fn is_series(doc: &Json) -> bool {
    let Json::Object(members) = doc else {
        return false;
    };
    members
        .iter()
        .any(|(k, v)| k == "years" && matches!(v, Json::Array(_)))
        && !members.iter().any(|(k, _)| k == "contribution")
}

/// `prepare`, then the text parsed natively (check-data, tests, the
/// build-time pre-render) by serde_json: a syntax error is named with its path
/// (serde_path_to_error), and text after the value is refused, as
/// `JSON.parse` refuses it. The browser parses with `JSON.parse` (`web.rs`).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn parse(text: &str) -> Result<Json, Problem> {
    let text = prepare(text)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let doc = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        Problem {
            path: known_path(&path).to_owned(),
            kind: ProblemKind::Parse(e.into_inner().to_string()),
        }
    })?;
    de.end().map_err(|e| parse_failure(text, &e.to_string()))?;
    Ok(doc)
}

/// A dataset from JSON text, natively: [`parse`], then [`dataset`].
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn read_dataset(text: &str) -> Result<Dataset, Vec<Problem>> {
    dataset(&parse(text).map_err(|p| vec![p])?).map_err(|p| located(text, p))
}

/// A series from JSON text, natively: [`parse`], then [`series`].
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn read_series(text: &str) -> Result<Series, Vec<Problem>> {
    series(&parse(text).map_err(|p| vec![p])?).map_err(|p| located(text, p))
}

/// `problems` of `text` with the line and column added to a shape problem
/// (as serde_json gave them while it read the types itself): check-data's
/// readers open the file in an editor. The browser has no positions to give.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn located(text: &str, mut problems: Vec<Problem>) -> Vec<Problem> {
    let text = prepare(text).unwrap_or(text);
    for p in &mut problems {
        if let (ProblemKind::Parse(message), Some((line, column))) =
            (&mut p.kind, locate::position(text, &p.path))
        {
            message.push_str(&format!(" at line {line} column {column}"));
        }
    }
    problems
}

/// Finds the value at a path by letting serde_json walk the text to it again
/// and refuse it there with an error, which serde_json gives the position
/// of.
#[cfg(any(test, not(target_arch = "wasm32")))]
mod locate {
    use std::fmt;

    use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess};

    /// The error that marks the place.
    const HERE: &str = "funding-breakdown: here";

    enum Step<'a> {
        Key(&'a str),
        Index(usize),
    }

    /// `regions[2].name` → `regions`, 2, `name`; None for what a path never
    /// holds. (A key with `.` or `[` in it splits wrongly and is not found.)
    fn steps(path: &str) -> Option<Vec<Step<'_>>> {
        let mut steps = Vec::new();
        for part in path.split('.') {
            let (key, indices) = part.split_once('[').unwrap_or((part, ""));
            if !key.is_empty() {
                steps.push(Step::Key(key));
            }
            if !indices.is_empty() {
                for index in indices.strip_suffix(']')?.split("][") {
                    steps.push(Step::Index(index.parse().ok()?));
                }
            }
        }
        Some(steps)
    }

    pub fn position(text: &str, path: &str) -> Option<(usize, usize)> {
        let steps = steps(path)?;
        let mut de = serde_json::Deserializer::from_str(text);
        let e = Seek(&steps).deserialize(&mut de).err()?;
        (e.to_string().contains(HERE) && e.line() > 0).then(|| (e.line(), e.column()))
    }

    struct Seek<'a>(&'a [Step<'a>]);

    impl<'de> DeserializeSeed<'de> for Seek<'_> {
        type Value = ();

        fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
            if self.0.is_empty() {
                de.deserialize_any(Here)
            } else {
                de.deserialize_any(self)
            }
        }
    }

    /// Refuses any value, so serde_json places the error as it placed its
    /// own type errors: at the end of a number or string, at an object's
    /// first member.
    struct Here;

    impl de::Visitor<'_> for Here {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(HERE)
        }
    }

    // Anything but the next step's object or array ends the search unfound.
    impl<'de> de::Visitor<'de> for Seek<'_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("the value at a path")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let Some((Step::Key(want), rest)) = self.0.split_first() else {
                return Ok(());
            };
            while let Some(key) = map.next_key::<String>()? {
                if key == *want {
                    return map.next_value_seed(Seek(rest));
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let Some((Step::Index(want), rest)) = self.0.split_first() else {
                return Ok(());
            };
            for _ in 0..*want {
                if seq.next_element::<IgnoredAny>()?.is_none() {
                    return Ok(());
                }
            }
            seq.next_element_seed(Seek(rest)).map(drop)
        }
    }
}

/// The path without what serde_path_to_error could not name: `.` for the
/// whole document, and a trailing `?` for a key a syntax error cut off
/// (`contribution.?` is `contribution`).
#[cfg(any(test, not(target_arch = "wasm32")))]
fn known_path(path: &str) -> &str {
    let mut path = path;
    while let Some(rest) = path.strip_suffix('?') {
        path = rest.strip_suffix('.').unwrap_or(rest);
    }
    if path == "." {
        ""
    } else {
        path
    }
}

/// A parsed dataset that passed validation, or every problem it has.
pub fn checked(ds: Dataset) -> Result<Dataset, Vec<Problem>> {
    let problems = validate(&ds);
    if problems.is_empty() {
        Ok(ds)
    } else {
        Err(problems)
    }
}

/// A parsed series that passed validation, or every problem it has.
pub fn checked_series(series: Series) -> Result<Series, Vec<Problem>> {
    let problems = validate_series(&series);
    if problems.is_empty() {
        Ok(series)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(p: Result<&str, Problem>) -> String {
        match p {
            Ok(text) => panic!("accepted {text:?}"),
            Err(p) => p.to_string(),
        }
    }

    #[test]
    fn html_is_named_as_html() {
        let m = message(prepare(
            "\u{feff}\n  <!DOCTYPE html>\n<html><body>Not Found</body></html>",
        ));
        assert!(m.contains("looks like an HTML page, not JSON"), "{m}");
        assert!(m.contains("\"<!DOCTYPE html>\""), "{m}");
        let long = format!("<html>{}", "x".repeat(100));
        assert!(message(prepare(&long)).contains("…)"));
    }

    #[test]
    fn empty_text_is_named_as_empty() {
        assert_eq!(message(prepare("")), "the file is empty");
        assert_eq!(message(prepare("\u{feff} \n\t")), "the file is empty");
    }

    #[test]
    fn json_passes_with_its_bom_removed() {
        assert_eq!(prepare("\u{feff}{}"), Ok("{}"));
        assert_eq!(prepare(" [1]"), Ok(" [1]"));
    }

    #[test]
    fn shape_problems_natively_say_where_the_value_is() {
        let text = "{\n  \"id\": \"x\",\n  \"regions\": [{}, {\"name\": 5}]\n}";
        let at = |path: &str| locate::position(text, path);
        // The end of a string or number, the start of an object's members.
        assert_eq!(at("id"), Some((2, 11)));
        assert_eq!(at("regions[1].name"), Some((3, 28)));
        assert_eq!(at("regions[1]"), Some((3, 19)));
        assert_eq!(at(""), Some((2, 2)));
        // Not there, or not a path: no position rather than a wrong one.
        assert_eq!(at("regions[2]"), None);
        assert_eq!(at("regions.name"), None);
        assert_eq!(at("id[0"), None);
        let problem = |path: &str, kind| Problem {
            path: path.into(),
            kind,
        };
        let problems = located(
            text,
            vec![
                problem("regions[1].name", ProblemKind::Parse("invalid type".into())),
                problem("id", ProblemKind::BadId("x".into())),
            ],
        );
        assert_eq!(
            problems[0].to_string(),
            "regions[1].name: invalid type at line 3 column 28"
        );
        assert_eq!(problems[1], problem("id", ProblemKind::BadId("x".into())));
    }

    #[test]
    fn unknown_path_segments_are_dropped() {
        assert_eq!(known_path("."), "");
        assert_eq!(known_path("?"), "");
        assert_eq!(known_path("contribution.?"), "contribution");
        assert_eq!(known_path("regions[2].name.?.?"), "regions[2].name");
        assert_eq!(
            known_path("regions[2].share.value"),
            "regions[2].share.value"
        );
    }

    #[test]
    fn browser_positions_get_a_line_and_column() {
        let text = "{\n  \"id\": \"é\",\n  x\n}";
        let at = text
            .find('x')
            .map(|i| text[..i].encode_utf16().count())
            .unwrap();
        let p = parse_failure(
            text,
            &format!("Unexpected token 'x' in JSON at position {at}"),
        );
        assert_eq!(
            p.to_string(),
            format!("Unexpected token 'x' in JSON at position {at} (line 3 column 3)")
        );
        // A message that already says where is left alone.
        let m = "Expected ',' in JSON at position 12 (line 2 column 4)";
        assert_eq!(parse_failure(text, m).to_string(), m);
        assert_eq!(
            parse_failure(text, "Unexpected end of JSON input").to_string(),
            "Unexpected end of JSON input"
        );
        assert_eq!(line_column("ab", 99), (1, 3));
        assert_eq!(line_column("😀x", 2), (1, 2));
    }

    #[test]
    fn nesting_is_limited_before_parsing() {
        let deep = format!("{{\"id\": {}{}}}", "[".repeat(100), "]".repeat(100));
        assert_eq!(too_deep(&deep), Some((MAX_DEPTH + 1, 1)));
        assert!(prepare(&deep)
            .unwrap_err()
            .to_string()
            .contains("nested more than 64 levels"));
        let shallow = format!("{{\"id\": {}{}}}", "[".repeat(10), "]".repeat(10));
        assert_eq!(too_deep(&shallow), None);
        // Brackets inside strings are text, not nesting.
        let quoted = format!("{{\"id\": \"{}\\\"\"}}", "[".repeat(100));
        assert_eq!(too_deep(&quoted), None);
    }
}
