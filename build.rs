//! Compiles the bundled dataset in without its indentation: every reader
//! downloads it inside the wasm (2 KB raw less than the pretty-printed
//! file, which stays the one people edit). And names this build's message
//! catalogues: `FB_I18N_KEY`, a hash of their sources, is in the names of
//! the files the wasm loads French, Spanish and Japanese from
//! (`i18n::Locale::catalogue_file`), so a build asks only for the
//! catalogues it was built with and no cache serves it another build's.

// A build script fails by panicking: that is how Cargo reports it.
#![allow(clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::{env, fs};

const DATA: &str = "static/data/japan-iom-2021.json";

/// Every file that decides a catalogue's entries or their order.
const CATALOGUES: [&str; 5] = [
    "src/i18n/mod.rs",
    "src/i18n/en.rs",
    "src/i18n/fr.rs",
    "src/i18n/es.rs",
    "src/i18n/ja.rs",
];

/// FNV-1a, 64 bits: enough to tell builds apart, and no dependency.
fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

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

    let mut key = 0xcbf2_9ce4_8422_2325;
    for file in CATALOGUES {
        println!("cargo:rerun-if-changed={file}");
        let text = fs::read(file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
        key = fnv1a(key, &text);
    }
    println!("cargo:rustc-env=FB_I18N_KEY={key:016x}");
}
