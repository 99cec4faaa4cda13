//! From text to a checked dataset. The widget and `cargo xtask check-data`
//! both come through here, so they accept and reject exactly the same files.

use serde::Deserializer;

use super::dataset::Dataset;
use super::validate::{validate, Problem, ProblemKind};

/// Largest data file accepted, checked before parsing so a huge file cannot
/// stall the reader's page. Real datasets are a few KB.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Size check and BOM removal, before any parser sees the text.
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
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Reads a dataset from any serde deserializer (serde_json natively,
/// serde-wasm-bindgen over `JSON.parse` in the browser), naming the path of
/// the first value that does not fit the schema.
pub fn from_deserializer<'de, D: Deserializer<'de>>(de: D) -> Result<Dataset, Problem> {
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        Problem {
            path: if path == "." { String::new() } else { path },
            kind: ProblemKind::Parse(e.into_inner().to_string()),
        }
    })
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
