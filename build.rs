//! Compiles the bundled dataset in without its indentation: every reader
//! downloads it inside the wasm (2 KB raw less than the pretty-printed
//! file, which stays the one people edit).

// A build script fails by panicking: that is how Cargo reports it.
#![allow(clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::{env, fs};

const DATA: &str = "static/data/japan-iom-2021.json";

/// `json` without the whitespace between tokens; strings (and escapes in
/// them) are kept as they are. Text that is not JSON passes through with
/// its whitespace outside strings removed, and fails where it is read.
fn strip_whitespace(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed={DATA}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(DATA).unwrap_or_else(|e| panic!("cannot read {DATA}: {e}"));
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(
        Path::new(&out).join("default-data.json"),
        strip_whitespace(&text),
    )
    .unwrap_or_else(|e| panic!("cannot write the bundled dataset: {e}"));
}
