//! `check-data` and `schema`: both go through the root crate's model, so the
//! command line accepts, rejects and describes exactly what the widget does.

use std::fs;
use std::path::Path;

use funding_breakdown::model::load::{checked, from_deserializer, prepare};
use funding_breakdown::model::Dataset;

use crate::cmd::root;

/// Where the schema lives, next to the data files whose `$schema` points at it.
pub const SCHEMA_PATH: &str = "static/data/schema.json";

/// Every problem in a data file's bytes, as `path: message`; empty when valid.
pub fn check_bytes(bytes: &[u8]) -> Vec<String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return vec![format!("the file is not valid UTF-8 text ({e})")],
    };
    let text = match prepare(text) {
        Ok(text) => text,
        Err(p) => return vec![p.to_string()],
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let ds = match from_deserializer(&mut de) {
        Ok(ds) => ds,
        Err(p) => return vec![p.to_string()],
    };
    // The browser's JSON.parse rejects text after the value; serde_json only does on `end()`.
    if let Err(e) = de.end() {
        return vec![e.to_string()];
    }
    match checked(ds) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

/// Every problem in a data file, including not being able to read it.
pub fn check_file(path: &Path) -> Vec<String> {
    match fs::read(path) {
        Ok(bytes) => check_bytes(&bytes),
        Err(e) => vec![format!("cannot read the file ({e})")],
    }
}

/// `cargo xtask check-data FILE…`: prints `FILE: ok` or one line per problem.
pub fn check_data(files: &[String]) -> Result<(), String> {
    if files.is_empty() {
        return Err("usage: cargo xtask check-data FILE...".into());
    }
    let mut bad = 0;
    for file in files {
        let problems = check_file(Path::new(file));
        if problems.is_empty() {
            println!("{file}: ok");
        } else {
            bad += 1;
            for p in problems {
                println!("{file}: {p}");
            }
        }
    }
    match bad {
        0 => Ok(()),
        n => Err(format!("{n} of {} files have problems", files.len())),
    }
}

/// The JSON Schema of a dataset, pretty-printed with a trailing newline.
pub fn schema_json() -> Result<String, String> {
    let schema = schemars::schema_for!(Dataset);
    serde_json::to_string_pretty(&schema)
        .map(|s| s + "\n")
        .map_err(|e| format!("cannot serialise the schema: {e}"))
}

/// Whether the committed schema equals what the code generates now.
pub fn schema_is_fresh() -> Result<bool, String> {
    let want = schema_json()?;
    // A missing file is simply stale.
    let have = fs::read_to_string(root().join(SCHEMA_PATH)).unwrap_or_default();
    Ok(have == want)
}

pub const STALE: &str = "static/data/schema.json is stale: run cargo xtask schema";

/// `cargo xtask schema [--check]`.
pub fn schema(check: bool) -> Result<(), String> {
    if check {
        return if schema_is_fresh()? {
            println!("{SCHEMA_PATH} is up to date");
            Ok(())
        } else {
            Err(STALE.into())
        };
    }
    let path = root().join(SCHEMA_PATH);
    fs::write(&path, schema_json()?)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("wrote {SCHEMA_PATH}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLED: &str = "static/data/japan-iom-2021.json";

    #[test]
    fn committed_schema_is_fresh() {
        assert!(schema_is_fresh().unwrap(), "{STALE}");
    }

    #[test]
    fn bundled_data_passes() {
        assert_eq!(check_file(&root().join(BUNDLED)), Vec::<String>::new());
    }

    #[test]
    fn share_above_one_is_named() {
        let text = fs::read_to_string(root().join(BUNDLED)).unwrap();
        let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
        json["regions"][0]["share"]["value"] = serde_json::json!(1.4);
        let tmp = std::env::temp_dir().join(format!("xtask-share-{}.json", std::process::id()));
        fs::write(&tmp, serde_json::to_string(&json).unwrap()).unwrap();
        let problems = check_file(&tmp);
        let _ = fs::remove_file(&tmp);
        assert!(
            problems.iter().any(|p| p.starts_with("regions[0].share")),
            "{problems:?}"
        );
    }

    #[test]
    fn unreadable_input_is_a_problem_not_a_panic() {
        assert_eq!(check_bytes(b"\xff\xfe{").len(), 1);
        assert!(!check_bytes(b"{").is_empty());
        let text = fs::read_to_string(root().join(BUNDLED)).unwrap();
        let trailing = format!("{text} x");
        assert!(check_bytes(trailing.as_bytes())
            .first()
            .is_some_and(|p| p.contains("trailing")));
        // A BOM, as some editors write, is accepted.
        let bom = format!("\u{feff}{text}");
        assert_eq!(check_bytes(bom.as_bytes()), Vec::<String>::new());
    }
}
