//! Properties of the CSV writer (`cargo xtask fuzz` runs them at length):
//! any text, any number of fields, comes back field for field through an
//! RFC 4180 reader, and formula-like text always comes back defused.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

use super::csv::push_text;

/// A small RFC 4180 reader for one record (no line break outside quotes).
fn read_record(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        let field = fields.last_mut().expect("a field");
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => fields.push(String::new()),
            (_, c) => field.push(c),
        }
    }
    fields
}

fn formula_like(s: &str) -> bool {
    s.starts_with([
        '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ])
}

proptest! {
    #[test]
    fn csv_fields_round_trip(values in proptest::collection::vec(any::<String>(), 1..6)) {
        let mut line = String::new();
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            push_text(&mut line, v);
        }
        let back = read_record(&line);
        prop_assert_eq!(back.len(), values.len());
        for (got, want) in back.iter().zip(&values) {
            if formula_like(want) {
                // Defused: the same text behind a quote mark, never a bare formula.
                prop_assert_eq!(got, &format!("'{want}"));
            } else {
                prop_assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn csv_never_starts_a_field_with_a_formula(value in "[=+@\\-][a-zA-Z0-9(),\"]{0,20}") {
        let mut field = String::new();
        push_text(&mut field, &value);
        prop_assert!(field.starts_with("\"'"), "{}", field);
    }
}
