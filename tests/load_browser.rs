//! The browser's loader in headless Chromium: `JSON.parse`, then the same
//! readers and validation as `check-data`, so a data file's problem reads the
//! same in the widget as on the command line (tests/data/bad, whose
//! `.expect` files check-data's corpus test holds to).
#![cfg(target_arch = "wasm32")]
// Test code may panic: a panic is how a test fails.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funding_breakdown::components::export::dataset_json;
use funding_breakdown::web::{parse_dataset, parse_series};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

macro_rules! corpus {
    ($($name:literal),* $(,)?) => {
        [$((
            $name,
            include_str!(concat!("data/bad/", $name, ".json")),
            include_str!(concat!("data/bad/", $name, ".expect")),
        )),*]
    };
}

fn first_problem(text: &str) -> String {
    match parse_dataset(text) {
        Ok(_) => panic!("accepted"),
        Err(problems) => problems[0].to_string(),
    }
}

#[wasm_bindgen_test]
fn shape_problems_read_as_check_data_words_them() {
    for (name, text, expected) in corpus!(
        "missing-currency",
        "missing-regions",
        "type-name-not-a-map",
        "type-not-an-object",
        "type-regions-object",
        "type-total-string",
        "unknown-field",
        "unknown-stated",
        "share-above-one",
        "share-amount-disagree",
        "amount-extra-zeros",
    ) {
        let problem = first_problem(text);
        assert!(
            problem.contains(expected.trim_end()),
            "{name}: {problem:?} does not contain {expected:?}"
        );
    }
}

#[wasm_bindgen_test]
fn what_json_parse_reads_differently_is_still_said() {
    let [(_, duplicate, _), (_, infinite, _)] = corpus!("duplicate-json-key", "non-finite-total");
    // JSON.parse keeps the last of a repeated key; only check-data can see it.
    assert!(parse_dataset(duplicate).is_ok());
    // JSON.parse reads 1e999 as Infinity, which validation refuses.
    assert_eq!(
        first_problem(infinite),
        "contribution.total: must be a finite number"
    );
}

#[wasm_bindgen_test]
fn json_syntax_errors_are_plain_words_with_a_place_in_every_language() {
    use funding_breakdown::describe::problem_text;
    use funding_breakdown::i18n::{install_bundled, Locale};
    install_bundled();
    let [(_, trailing, _), (_, quotes, _)] =
        corpus!("syntax-trailing-comma", "syntax-single-quotes");
    for text in [trailing, quotes] {
        let problems = parse_dataset(text).unwrap_err();
        let en = problems[0].to_string();
        assert!(
            en.starts_with("the file is not valid JSON at line "),
            "{en:?}: Chromium's JSON.parse words, or no place"
        );
        // The browser's own words are kept for the console only.
        assert!(problems[0].kind.parser_detail().is_some());
        for locale in [Locale::Fr, Locale::Ja] {
            let shown = problem_text(locale, &problems[0].kind);
            assert!(
                !shown.contains("JSON.parse") && !shown.contains("Unexpected"),
                "{shown}"
            );
            assert!(!shown.contains("is not valid JSON"), "{shown}");
        }
    }
    // The comma (Chromium's position, or the scan of the text), or what
    // follows it (check-data's).
    let shown = first_problem(trailing);
    assert!(
        shown.contains("at line 79 column 6") || shown.contains("at line 80 column"),
        "{shown}"
    );
}

#[wasm_bindgen_test]
fn a_series_names_problems_under_their_year() {
    let problems = parse_series(r#"{"id": "s", "years": [{"id": "bad"}]}"#).unwrap_err();
    assert_eq!(
        problems[0].to_string(),
        "years[0].contribution: this field is required but missing"
    );
    let problems = parse_series(r#"{"id": "s", "years": [], "extra": 1}"#).unwrap_err();
    assert_eq!(
        problems[0].to_string(),
        "extra: \"extra\" is not a field here (check its spelling); the fields here are: \
         $schema, id, years"
    );
    let problems = parse_series("[]").unwrap_err();
    assert_eq!(
        problems[0].to_string(),
        "expected an object ({…}), found a list"
    );
}

#[wasm_bindgen_test]
fn the_series_download_reads_back_as_the_same_series() {
    let series = parse_series(include_str!("../static/data/japan-iom-series.json")).unwrap();
    let text = dataset_json(&series.to_json()).unwrap();
    assert!(text.starts_with("{\n  \"$schema\": "), "{text}");
    assert_eq!(parse_series(&text).unwrap(), series);
}
