//! From text to a checked dataset. The widget and `cargo xtask check-data`
//! both come through here, so they accept and reject exactly the same files.

use super::dataset::Dataset;
use super::json::Json;
use super::series::{validate_series, Series};
use super::validate::{validate, Excerpt, Problem, ProblemKind, SyntaxHint, EXCERPT_CHARS};

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
        Some(kind) => Err(Problem {
            path: String::new(),
            kind,
        }),
        None => Ok(text),
    }
}

/// The bytes as text, or where they stop being UTF-8 (as an editor shows
/// it: line and column in characters): a file saved as Windows-1252 or
/// Latin-1 is the usual cause, and saving it as UTF-8 the cure.
pub fn utf8(bytes: &[u8]) -> Result<&str, Problem> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
        // Valid up to there, so this replaces nothing.
        let before = String::from_utf8_lossy(valid);
        let line = before.matches('\n').count() + 1;
        let column = before
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count()
            + 1;
        Problem {
            path: String::new(),
            kind: ProblemKind::NotUtf8 { line, column },
        }
    })
}

/// Why `text` cannot be JSON at all, when that is plain from its start. A
/// parser would say "expected value at line 1 column 1"; the reader needs to
/// hear that the address gave a web page (often a server's "not found" page).
pub fn not_json(text: &str) -> Option<ProblemKind> {
    let start = text.trim_start();
    if start.is_empty() {
        return Some(ProblemKind::EmptyFile);
    }
    if let Some((_, line)) = too_deep(text) {
        return Some(ProblemKind::TooDeep { line });
    }
    if start.starts_with('<') {
        let first_line = start.lines().next().unwrap_or_default().trim_end();
        let shown: String = first_line.chars().take(40).collect();
        let more = if shown.len() < first_line.len() {
            "…"
        } else {
            ""
        };
        return Some(ProblemKind::Html(format!("{shown}{more}")));
    }
    None
}

/// Deepest nesting of arrays and objects accepted. Datasets need about five;
/// refusing deeper input up front keeps every recursion over a document
/// (the parsers, `web::from_js`, the readers) far from the stack limit.
pub const MAX_DEPTH: usize = 64;

/// The characters of JSON text outside its strings (a string's opening
/// quote included), each with its 1-based line and column: what a scan for
/// brackets and commas sees without a parser.
fn outside_strings(text: &str) -> impl Iterator<Item = (char, usize, usize)> + '_ {
    let (mut line, mut column, mut in_string, mut escaped) = (1, 0, false, false);
    text.chars().filter_map(move |c| {
        if c == '\n' {
            line += 1;
            column = 0;
        } else {
            column += 1;
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            return None;
        }
        in_string = c == '"';
        Some((c, line, column))
    })
}

/// The depth and line at which `text` first nests deeper than [`MAX_DEPTH`]
/// (brackets inside strings do not count).
pub fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (c, line, _) in outside_strings(text) {
        match c {
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

/// A syntax error of the browser's `JSON.parse`, whose `message` (English,
/// and worded by each browser) is kept only as the detail for the console:
/// the reader gets plain words in their language, at the line and column
/// the message gives ("position N", counted in UTF-16 code units as
/// JavaScript strings are, so the column in characters is worked out here:
/// an emoji is two units; else "line L column C"), else where
/// [`syntax_slip`] finds a slip editors make, else none.
pub fn parse_failure(text: &str, message: &str) -> Problem {
    // V8 names no place for a file that ends too soon: its end.
    let ends_early = message.contains("end of JSON input");
    let place = position_in(message)
        .or_else(|| ends_early.then(|| text.encode_utf16().count()))
        .map(|at| line_column(text, at))
        .or_else(|| line_column_in(message))
        .map(|place| at_trailing_comma(text, place))
        .or_else(|| syntax_slip(text));
    Problem {
        path: String::new(),
        kind: syntax_problem(message, text, place),
    }
}

/// A syntax error `detail` at `place` in `text`, as both tools give it: the
/// words for what is there, the place moved to the character to fix where
/// the parsers stop after it, the line for the widget to show.
pub fn syntax_problem(detail: &str, text: &str, place: Option<(usize, usize)>) -> ProblemKind {
    let (hint, place) = syntax_hint(text, place);
    placed(
        ProblemKind::Syntax {
            detail: detail.to_owned(),
            hint,
            excerpt: place.map(|p| excerpt(text, p)),
        },
        place,
    )
}

/// What the text shows at a syntax error's `place`: a missing or extra comma, a missing colon,
/// where the file ends, a comment, a quote JSON does not take, a value it
/// does not have, a line break or tab (inside a string: the parsers stop
/// there only then). Where the parsers stop past the character to fix, the
/// place moves to it: just after the value or name a comma or colon must
/// follow, the straight quote that ended a text, the backslash of a bad
/// escape, the end of the last line with something on it.
pub fn syntax_hint(
    text: &str,
    place: Option<(usize, usize)>,
) -> (SyntaxHint, Option<(usize, usize)>) {
    let Some(place) = place else {
        return (SyntaxHint::Punctuation, None);
    };
    let (mut line, mut column) = (1, 1);
    let mut chars = text.chars().peekable();
    let mut prev = ' ';
    // Just after the last character that is not white space, and that one.
    let (mut end, mut ended) = ((1, 1), ' ');
    while let Some(c) = chars.next() {
        if (line, column) == place {
            let next = chars.peek().copied().unwrap_or(' ');
            // After a field's name, the colon is missing; after a value's
            // end, a value or a field where a comma belongs (the commonest
            // slip). Either goes just after the one before. Not at the top
            // level, where a second value is no list's, nor between digits,
            // which are one number (`02021`).
            let (depth, after_name) = context(text, place);
            if after_name {
                return (SyntaxHint::Colon, Some(end));
            }
            let after_value = matches!(ended, '"' | '}' | ']' | '0'..='9' | 'e' | 'l');
            let comma = match c {
                '"' | '{' | '[' => after_value,
                '0'..='9' | '-' => after_value && ended != '"' && end != place,
                _ => false,
            };
            if comma && depth > 0 {
                return (SyntaxHint::Comma, Some(end));
            }
            // A comma before a closing bracket or after another comma or an
            // opening bracket: one too many.
            let then = chars.clone().find(|c| !c.is_whitespace()).unwrap_or(' ');
            let hint = match c {
                ',' if matches!(then, ']' | '}' | ',') || matches!(ended, ',' | '[' | '{') => {
                    SyntaxHint::ExtraComma
                }
                '#' => SyntaxHint::Comment,
                '/' if matches!(next, '/' | '*') => SyntaxHint::Comment,
                '\'' | '‘' | '’' | '“' | '”' | '„' | '«' | '»' | '`' | '´' | '「' | '」' | '＂' => {
                    SyntaxHint::Quote
                }
                // Typed with a Japanese input method: "："、"，"、"｛".
                '\u{ff01}'..='\u{ff5e}' => SyntaxHint::Punctuation,
                '\n' | '\r' | '\t' => SyntaxHint::Control,
                // The parsers stop at the letter after it.
                _ if prev == '\\' => return (SyntaxHint::Escape, Some((line, column - 1))),
                c if c.is_whitespace() => SyntaxHint::Punctuation,
                // Text after a string's closing quote: a `"` inside a text
                // ended it (`"the "best" region"`, `"so-called " Africa"`).
                c if ended == '"'
                    && end.0 == line
                    && (c.is_ascii_alphanumeric() || !c.is_ascii()) =>
                {
                    return (SyntaxHint::QuoteInText, Some((line, end.1 - 1)))
                }
                // A bare word (also one in Japanese), `+1`, `.35`, `40%`, `2023/24`.
                c if c.is_ascii_alphabetic() || !c.is_ascii() => SyntaxHint::Value,
                '+' | '.' | '%' | '/' => SyntaxHint::Value,
                _ => SyntaxHint::Punctuation,
            };
            return (hint, Some(place));
        }
        prev = c;
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            if !c.is_whitespace() {
                (end, ended) = ((line, column + 1), c);
            }
            column += 1;
        }
    }
    if (line, column) == place {
        (SyntaxHint::EndsEarly, Some(end))
    } else {
        (SyntaxHint::Punctuation, Some(place))
    }
}

/// Before `place`: how many brackets are open, and whether the last thing
/// is a field's name (a string in an object, after `{` or `,`).
fn context(text: &str, place: (usize, usize)) -> (usize, bool) {
    // Which open brackets are objects' (one bit each, innermost lowest):
    // `prepare` refuses a file nested deeper than 64.
    let (mut depth, mut objects, mut prev, mut name) = (0usize, 0u64, ' ', false);
    for (c, line, column) in outside_strings(text) {
        if (line, column) >= place {
            break;
        }
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            continue;
        }
        match c {
            '{' | '[' => {
                objects = objects << 1 | u64::from(c == '{');
                depth += 1;
            }
            '}' | ']' => {
                objects >>= 1;
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        name = c == '"' && objects & 1 == 1 && matches!(prev, '{' | ',');
        prev = c;
    }
    (depth, name)
}

/// The line of `text` around `(line, column)`, tabs as spaces.
pub fn excerpt(text: &str, (line, column): (usize, usize)) -> Box<Excerpt> {
    let at = column.saturating_sub(1);
    let mut e = Excerpt::default();
    let (mut l, mut i) = (1, 0);
    for c in text.chars() {
        match c {
            '\n' if l == line => break,
            '\n' => l += 1,
            '\r' => {}
            _ if l != line => {}
            c => {
                let c = if c == '\t' { ' ' } else { c };
                match i {
                    i if i + EXCERPT_CHARS < at => e.before = "…".into(),
                    i if i < at => e.before.push(c),
                    i if i == at => e.at.push(c),
                    i if i <= at + EXCERPT_CHARS => e.after.push(c),
                    _ => {
                        e.after.push('…');
                        break;
                    }
                }
                i += 1;
            }
        }
    }
    // An indentation is no help on a narrow card.
    if !e.before.starts_with('…') {
        e.before = e.before.trim_start().into();
    }
    Box::new(e)
}

/// `kind` at a line and column, when known.
pub fn placed(kind: ProblemKind, place: Option<(usize, usize)>) -> ProblemKind {
    match place {
        Some((line, column)) => ProblemKind::At {
            kind: Box::new(kind),
            line,
            column,
        },
        None => kind,
    }
}

/// N in "… in JSON at position N …" or "… after JSON at position N"
/// (trailing content). Only there: V8's "Unexpected token" messages quote
/// the reader's own text, which may say "position 9".
fn position_in(message: &str) -> Option<usize> {
    number_after(message, "in JSON at position ")
        .or_else(|| number_after(message, "after JSON at position "))
}

/// L and C in "… (line L column C)", for a browser that gives no position.
fn line_column_in(message: &str) -> Option<(usize, usize)> {
    Some((
        number_after(message, "line ")?,
        number_after(message, "column ")?,
    ))
}

fn number_after(message: &str, word: &str) -> Option<usize> {
    let (_, rest) = message.split_once(word)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The line and column of the first slip that a parser's message may not
/// place (V8's "Unexpected token 'X'" names none): a comma where a value
/// belongs (`[,`, `,,`, `: ,`) or before a closing bracket (a trailing
/// comma, placed at the comma), a bracket closing after a colon, a bare word
/// that is not `true`, `false` or `null` (`NaN`, `undefined`, `tru`), and
/// any character JSON has no use for outside a string (a comment's `/` or
/// `#`, a single or typographic quote, `+`, `.35`, a no-break space). A scan
/// of the text, not a parser: it finds what editors slip on.
pub fn syntax_slip(text: &str) -> Option<(usize, usize)> {
    let mut comma: Option<(usize, usize)> = None;
    // The last character outside strings and white space.
    let mut prev = ' ';
    // The bare word being read (its first letters: no longer ones matter),
    // its length and where it started.
    let mut word: Option<([u8; 6], usize, (usize, usize))> = None;
    // Inside a number, whose exponent's `e` is no word.
    let mut number = false;
    let mut end = (1, 1);
    for (c, line, column) in outside_strings(text) {
        end = (line, column + 1);
        let here = Some((line, column));
        if let Some((letters, len, start)) = &mut word {
            if c.is_ascii_alphabetic() {
                if let Some(l) = letters.get_mut(*len) {
                    *l = c as u8;
                }
                *len += 1;
                continue;
            }
            if let Some(place) = bare_word(letters, *len, *start, (line, column)) {
                return Some(place);
            }
            word = None;
        }
        if number && (c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-')) {
            continue;
        }
        number = false;
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            continue;
        }
        match c {
            ',' if matches!(prev, ',' | '[' | '{' | ':') => return here,
            ',' => comma = here,
            ']' | '}' if comma.is_some() => return comma,
            ']' | '}' if prev == ':' => return here,
            '{' | '}' | '[' | ']' | ':' | '"' => comma = None,
            c if c.is_ascii_digit() || c == '-' => {
                comma = None;
                number = true;
            }
            c if c.is_ascii_alphabetic() => {
                comma = None;
                word = Some(([c as u8, 0, 0, 0, 0, 0], 1, (line, column)));
            }
            _ => return here,
        }
        prev = c;
    }
    word.and_then(|(letters, len, start)| bare_word(&letters, len, start, end))
}

/// Where a parser stops at a bare word that is not a JSON literal: just
/// after a literal cut short ("tru"), where it wanted the next letter, else
/// at the word's start. None for `true`, `false` and `null`.
fn bare_word(
    letters: &[u8; 6],
    len: usize,
    start: (usize, usize),
    after: (usize, usize),
) -> Option<(usize, usize)> {
    const LITERALS: [&[u8]; 3] = [b"true", b"false", b"null"];
    let word = letters.get(..len).unwrap_or(letters);
    if LITERALS.contains(&word) {
        None
    } else if LITERALS.iter().any(|l| l.starts_with(word)) {
        Some(after)
    } else {
        Some(start)
    }
}

/// `place`, or where a parser stopped at the bracket after a trailing comma
/// (Chromium for an object's, serde_json for both kinds), the comma's: the
/// character the editor must delete, and one place for the widget and
/// check-data whichever parser found it.
fn at_trailing_comma(text: &str, place: (usize, usize)) -> (usize, usize) {
    let mut comma = None;
    for (c, line, column) in outside_strings(text) {
        if (line, column) >= place {
            return match c {
                ']' | '}' if (line, column) == place => comma.unwrap_or(place),
                _ => place,
            };
        }
        match c {
            ',' => comma = Some((line, column)),
            c if c.is_whitespace() => {}
            _ => comma = None,
        }
    }
    place
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
            kind: native_syntax(text, &e.into_inner()),
        }
    })?;
    de.end().map_err(|e| Problem {
        path: String::new(),
        kind: native_syntax(text, &e),
    })?;
    Ok(doc)
}

/// A serde_json syntax error at its line and column (in characters, as the
/// widget counts them; a trailing comma at the comma), its own words as the
/// detail ("trailing comma"), which check-data prints after the message.
#[cfg(any(test, not(target_arch = "wasm32")))]
fn native_syntax(text: &str, e: &serde_json::Error) -> ProblemKind {
    let message = e.to_string();
    // serde_json ends its message with " at line L column C".
    let detail = match message.rfind(" at line ") {
        Some(at) => message.get(..at).unwrap_or_default(),
        None => &message,
    };
    // A number too large for a float (1e999) is JSON all the same: the
    // browser reads it as Infinity, which the widget then refuses as not
    // finite. check-data says that too, at the number's start (serde_json
    // places its last digit).
    let out_of_range = detail == "number out of range";
    let place = (e.line() > 0).then(|| {
        // serde_json places a file that ends too soon at its last character,
        // and a newline in a string at the start of the next line; the
        // browser, like an editor's cursor, just after the last character and
        // at the newline. The widget and check-data say the browser's places.
        if e.classify() == serde_json::error::Category::Eof {
            return line_column(text, text.encode_utf16().count());
        }
        if out_of_range {
            return number_start(text, (e.line(), e.column()));
        }
        let (line, column) = match (e.line(), e.column()) {
            (line, 0) if line > 1 => {
                let before = text.split('\n').nth(line - 2).unwrap_or_default();
                (line - 1, before.len() + 1)
            }
            place => place,
        };
        // serde_json counts the column in bytes.
        let text_line = text.split('\n').nth(line - 1).unwrap_or_default();
        let before = text_line
            .get(..column.saturating_sub(1))
            .unwrap_or(text_line);
        let column = before.chars().count() + 1;
        at_trailing_comma(text, (line, column))
    });
    if out_of_range {
        placed(ProblemKind::NotFinite, place)
    } else {
        syntax_problem(detail, text, place)
    }
}

/// The place of the first character of the number that ends at `last` (a
/// line and a byte column, as serde_json counts), in characters.
#[cfg(any(test, not(target_arch = "wasm32")))]
fn number_start(text: &str, (line, last): (usize, usize)) -> (usize, usize) {
    let text_line = text
        .split('\n')
        .nth(line.saturating_sub(1))
        .unwrap_or_default();
    let upto = text_line.get(..last).unwrap_or(text_line);
    let digits = upto
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-'))
        .count();
    (line, upto.chars().count() - digits + 1)
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
        if !p.kind.is_shape() {
            continue;
        }
        // A missing field has no place of its own: its object's.
        let path = match (&p.kind, p.path.rsplit_once('.')) {
            (ProblemKind::MissingField, Some((object, _))) => object,
            (ProblemKind::MissingField, None) => "",
            _ => &p.path,
        };
        if let Some(place) = locate::position(text, path) {
            let kind = std::mem::replace(&mut p.kind, ProblemKind::EmptyFile);
            p.kind = placed(kind, Some(place));
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
        assert!(message(prepare(&long)).contains("…\")"));
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
                problem("regions[1].name", ProblemKind::MissingField),
                problem("id", ProblemKind::BadId("x".into())),
            ],
        );
        assert_eq!(
            problems[0].to_string(),
            "regions[1].name: this field is required but missing (line 3, column 19)"
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
    fn browser_syntax_errors_are_plain_words_at_a_line_and_column() {
        let text = "{\n  \"id\": \"é\",\n  x\n}";
        let at = text
            .find('x')
            .map(|i| text[..i].encode_utf16().count())
            .unwrap();
        let raw = format!("Unexpected token 'x' in JSON at position {at}");
        let p = parse_failure(text, &raw);
        assert_eq!(
            p.to_string(),
            "the file is not valid JSON at line 3 column 3: numbers are plain figures \
             such as 0.35 or 1200 (no + or %), texts and field names go in double quotes, \
             and outside quotes the only words allowed are true, false and null"
        );
        // The browser's words stay for the console.
        assert_eq!(p.kind.parser_detail(), Some(raw.as_str()));
        // A line and column without a position (Firefox's words) are taken
        // as they are.
        let m = "JSON.parse: expected ',' or '}' after property value in object at line 2 column 7 of the JSON data";
        assert!(parse_failure(text, m)
            .to_string()
            .contains("line 2 column 7"));
        // Nowhere said: the slips editors make are found, else check-data is named.
        let m = "Unexpected token ']', \"...\" is not valid JSON";
        let trailing = "{\"a\": [1,\n  2,\n]}";
        assert!(parse_failure(trailing, m)
            .to_string()
            .contains("line 2 column 4"));
        let quotes = "{\"a\": \"it's\", 'b': 1}";
        assert!(parse_failure(quotes, m)
            .to_string()
            .contains("line 1 column 15"));
        assert_eq!(
            parse_failure("{\"a\": [1}", m).to_string(),
            "the file is not valid JSON: a comma, quote or bracket is wrong or missing \
             (cargo xtask check-data FILE names the place)"
        );
        assert_eq!(line_column("ab", 99), (1, 3));
        assert_eq!(line_column("😀x", 2), (1, 2));
    }

    /// The widget (the browser's message) and check-data (serde_json) give a
    /// file's syntax error one place.
    #[test]
    fn the_widget_and_check_data_place_a_syntax_error_alike() {
        let place = |p: Problem| match p.kind {
            ProblemKind::At { line, column, .. } => (line, column),
            other => panic!("not placed: {other:?}"),
        };
        let native = |text: &str| place(parse(text).unwrap_err());
        // A trailing comma is placed at the comma, whichever bracket follows
        // it and whether the browser's message names a place (V8's words).
        let array = "{\"a\": [1,\n  2,\n]}";
        let m = "Unexpected token ']', \"...\" is not valid JSON";
        assert_eq!(native(array), (2, 4));
        assert_eq!(place(parse_failure(array, m)), (2, 4));
        let object = "{\"名前\": 1,\n}";
        let m = "Expected double-quoted property name in JSON at position 10 (line 2 column 1)";
        assert_eq!(native(object), (1, 9));
        assert_eq!(place(parse_failure(object, m)), (1, 9));
        assert_eq!(
            place(parse_failure(object, "… in JSON at position 10")),
            (1, 9)
        );
        // Not a trailing comma: the parser's place, in characters (serde_json
        // counts bytes: "名" is three).
        let text = "{\"名\": x}";
        assert_eq!(native(text), (1, 7));
        let at = text.find('x').map(|i| text[..i].encode_utf16().count());
        let m = format!("Unexpected token 'x' in JSON at position {}", at.unwrap());
        assert_eq!(place(parse_failure(text, &m)), (1, 7));
        // A position in the reader's own text, which V8 quotes, is not the
        // parser's: `NaN` at column 15, not "position 9" (column 10).
        let text = "[\"position 9\",NaN]";
        let m = "Unexpected token 'N', \"[\"position 9\",NaN]\" is not valid JSON";
        assert_eq!(place(parse_failure(text, m)), (1, 15));
        // Content after the JSON, as V8 without line and column says it.
        let text = "{\"a\": 1}\n{\"b\": 2}";
        let m = "Unexpected non-whitespace character after JSON at position 9";
        assert_eq!(place(parse_failure(text, m)), (2, 1));
        let text = "{\"a\": [1, ]";
        assert_eq!(native(text), (1, 9));
        // Chromium's own messages (156), which count UTF-16 code units.
        let cases = [
            // An emoji is two units, one character.
            (
                "{\n  \"a\": \"😀😀\", \"b\": 1 \"c\": 2\n}",
                "Expected ',' or '}' after property value in JSON at position 24 (line 2 column 23)",
                // A comma missing: just after the value before it.
                (2, 20),
            ),
            // A file that ends too soon: just after its last character.
            (
                "{\n  \"a\": [1, 2",
                "Expected ',' or ']' after array element in JSON at position 14 (line 2 column 13)",
                (2, 13),
            ),
            (
                "{\n  \"a\": \"xy",
                "Unterminated string in JSON at position 12 (line 2 column 11)",
                (2, 11),
            ),
            (
                "{\n  \"a\": \"x\"\n",
                "Expected ',' or '}' after property value in JSON at position 13 (line 3 column 1)",
                // After the last character, not on the empty line after it.
                (2, 11),
            ),
            // A newline in a string: at the newline.
            (
                "{\n  \"a\": \"abc\ndef\"\n}",
                "Bad control character in string literal in JSON at position 13 (line 2 column 12)",
                (2, 12),
            ),
            (
                "{\n  \"a\": \"ab\tc\"\n}",
                "Bad control character in string literal in JSON at position 12 (line 2 column 11)",
                (2, 11),
            ),
        ];
        // No place in V8's message: the scan finds the word where serde_json
        // stops, at its start or, cut short, just after it.
        let m = |c: char| format!("Unexpected token '{c}', \"…\" is not valid JSON");
        let cases = cases
            .into_iter()
            .map(|(t, m, at)| (t, m.to_owned(), at))
            .chain([
                ("{\n  \"a\": NaN}", m('N'), (2, 8)),
                ("{\n  \"a\": [1e5, undefined]}", m('u'), (2, 14)),
                ("{\n  \"a\": [true, Infinity]}", m('I'), (2, 15)),
                ("{\n  \"a\": [null, tru]}", m(']'), (2, 18)),
                ("{\n  \"é\": nul", m('n'), (2, 11)),
                // Commas where a value belongs, a value left out.
                ("{\n  \"a\": [\"x\",, \"y\"]}", m(','), (2, 13)),
                ("{\n  \"a\": [, 1]}", m(','), (2, 9)),
                ("{\n  \"a\": ,\n  \"b\": 1}", m(','), (2, 8)),
                ("{\n  \"a\":\n}", m('}'), (3, 1)),
                // Characters JSON has no use for: the first of them.
                ("{\n  \"名\": +1}", m('+'), (2, 8)),
                ("{\n  \"a\": .35}", m('.'), (2, 8)),
                ("{\n  \"a\": “難民”}", m('“'), (2, 8)),
                ("{\n  \"a\": ‘x’}", m('‘'), (2, 8)),
                ("{\n  \"a\": 1 /* it's 1 */}", m('/'), (2, 10)),
                ("{\n  # Asia first\n  \"a\": 1}", m('#'), (2, 3)),
                ("{\n  \"a\":\u{a0}1}", m('\u{a0}'), (2, 7)),
                // A file cut short: its end.
                (
                    "{\n  \"a\": [",
                    "Unexpected end of JSON input".to_owned(),
                    (2, 9),
                ),
                (
                    "{\n  \"a\":\n",
                    "Unexpected end of JSON input".to_owned(),
                    (2, 7),
                ),
            ]);
        let hint = |p: Problem| match p.kind {
            ProblemKind::At { kind, .. } => match *kind {
                ProblemKind::Syntax { hint, .. } => hint,
                other => panic!("not a syntax error: {other:?}"),
            },
            other => panic!("not placed: {other:?}"),
        };
        for (text, message, at) in cases {
            // The same words, since the same place.
            assert_eq!(
                hint(parse(text).unwrap_err()),
                hint(parse_failure(text, &message)),
                "{text:?}"
            );
            assert_eq!(native(text), at, "check-data, {text:?}");
            assert_eq!(place(parse_failure(text, &message)), at, "widget, {text:?}");
        }
    }

    /// The words fit what the text shows at the place.
    #[test]
    fn a_syntax_error_is_worded_for_what_is_at_its_place() {
        use SyntaxHint::*;
        let hint = |text: &str| match parse(text).unwrap_err().kind {
            ProblemKind::At { kind, .. } => match *kind {
                ProblemKind::Syntax { hint, .. } => hint,
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        };
        for (text, want) in [
            ("{\"a\": 1\n \"b\": 2}", Comma),
            ("{\"a\": [1 2]}", Comma),
            ("{\"a\": [\"x\"\n  {\"b\": true}]}", Comma),
            // Two values at the top level: no comma makes that JSON.
            ("{\"a\": 1} {\"b\": 2}", Punctuation),
            ("{\"a\": [1, 2,\n]}", ExtraComma),
            ("{\"a\": 1,\n}", ExtraComma),
            ("{\"a\": [1,, 2]}", ExtraComma),
            ("{\"a\": [, 2]}", ExtraComma),
            ("{\"a\": [1, 2}", Punctuation),
            ("{\"a\": [1, 2", EndsEarly),
            ("{\"a\": \"x", EndsEarly),
            ("{\"a\":\n", EndsEarly),
            ("{\"a\": 1, // why\n \"b\": 2}", Comment),
            ("{\n  # why\n \"b\": 2}", Comment),
            ("{\"a\": /* why */ 1}", Comment),
            ("{\"a\": 'x'}", Quote),
            ("{\"a\": “x”}", Quote),
            ("{\"a\": 「難民」}", Quote),
            ("{\"a\": NaN}", Value),
            ("{\"a\": None}", Value),
            ("{\"a\": +1}", Value),
            ("{\"a\": .35}", Value),
            ("{\"a\": 40%}", Value),
            ("{\"a\": 難民}", Value),
            ("{\"a\": \"x\ny\"}", Control),
            ("{\"a\": \"x\ty\"}", Control),
            ("{\"a\": \"the \"best\" region\"}", QuoteInText),
            ("{\"a\": \"x\"\"b\": 1}", Comma),
            ("{\"a\": 02021}", Punctuation),
            ("{\"a\" \"x\"}", Colon),
            ("{\"a\": {\"b\" 1}}", Colon),
            ("[\"a\" \"b\"]", Comma),
            // A full-width colon is no colon.
            ("{\"a\"：1}", Colon),
            ("[1，2]", Punctuation),
            ("{\"a\": ＂x＂}", Quote),
            ("{\"a\": 2023/24}", Value),
            ("{\"a\": \"C:\\data\"}", Escape),
            ("{\"a\": \"2023\"/24}", Value),
        ] {
            assert_eq!(hint(text), want, "{text:?}");
        }
        assert_eq!(syntax_hint("{}", None), (Punctuation, None));
    }

    /// Where the parsers stop past the character to fix, both tools name it.
    #[test]
    fn the_place_is_the_character_to_fix() {
        let at = |text: &str| match parse(text).unwrap_err().kind {
            ProblemKind::At { line, column, .. } => (line, column),
            other => panic!("not placed: {other:?}"),
        };
        // The straight quote that ended the text, also before a space.
        assert_eq!(at("{\"a\": \"the \"best\" one\"}"), (1, 12));
        assert_eq!(at("{\"a\": \"so-called \" Africa\"}"), (1, 18));
        let m =
            "Expected ',' or '}' after property value in JSON at position 19 (line 1 column 20)";
        let p = parse_failure("{\"a\": \"so-called \" Africa\"}", m);
        assert!(
            p.to_string()
                .contains("line 1 column 18: a straight double quote"),
            "{p}"
        );
        // The backslash of a bad escape.
        assert_eq!(at("{\"a\": \"C:\\data\"}"), (1, 10));
        // A file cut short: just after its last character, not on the empty
        // lines after it.
        assert_eq!(at("{\n  \"a\": [1]\n\n"), (2, 11));
    }

    /// The place's line for the widget to show: its character marked, up to
    /// 30 characters on each side, "…" where the line goes on.
    #[test]
    fn a_syntax_error_shows_its_line_around_the_place() {
        let e = |before: &str, at: &str, after: &str| Excerpt {
            before: before.into(),
            at: at.into(),
            after: after.into(),
        };
        let text = "{\r\n\t\"a\": 1 // why\r\n}";
        // Without the line's indentation.
        assert_eq!(*excerpt(text, (2, 9)), e("\"a\": 1 ", "/", "/ why"));
        assert_eq!(*excerpt(text, (2, 1)), e("", " ", "\"a\": 1 // why"));
        // At the end of the line, or of the file: nothing to mark.
        assert_eq!(*excerpt(text, (2, 15)), e("\"a\": 1 // why", "", ""));
        assert_eq!(*excerpt("{\"a\": [", (1, 8)), e("{\"a\": [", "", ""));
        assert_eq!(*excerpt("{\n", (2, 1)), e("", "", ""));
        // A long line (a file without line breaks): 30 characters each side.
        let long = format!("{}x{}", "a".repeat(40), "é".repeat(40));
        assert_eq!(
            *excerpt(&long, (1, 41)),
            e(
                &format!("…{}", "a".repeat(30)),
                "x",
                &format!("{}…", "é".repeat(30))
            )
        );
        // Both tools carry it.
        let text = "{\"a\": 'x'}";
        let m = "Unexpected token ''', \"…\" is not valid JSON";
        for p in [parse(text).unwrap_err(), parse_failure(text, m)] {
            let ProblemKind::At { kind, .. } = p.kind else {
                panic!("not placed")
            };
            let ProblemKind::Syntax { excerpt, .. } = *kind else {
                panic!("not syntax")
            };
            assert_eq!(excerpt, Some(Box::new(e("{\"a\": ", "'", "x'}"))));
        }
    }

    /// A number too large for a float is JSON, not a syntax error: the
    /// browser reads Infinity and the widget says "must be a finite number";
    /// check-data says so too, at the number's start.
    #[test]
    fn a_number_out_of_range_is_not_finite_at_its_start() {
        let p = parse("{\n  \"é\": [1, -1.5e999]}").unwrap_err();
        assert_eq!(p.path, "é[1]");
        assert_eq!(
            p.kind,
            ProblemKind::At {
                kind: Box::new(ProblemKind::NotFinite),
                line: 2,
                column: 12
            }
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_placed() {
        let p = utf8(b"{\n  \"a\": \"caf\xe9\"}").unwrap_err();
        assert_eq!(
            p.kind,
            ProblemKind::NotUtf8 {
                line: 2,
                column: 12
            }
        );
        assert!(p.to_string().contains("save the file as UTF-8"));
        assert_eq!(utf8("é".as_bytes()), Ok("é"));
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
