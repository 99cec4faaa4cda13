//! Property tests over the parser, the validator and the derived figures.
//!
//! Cases per property come from proptest's configuration: `PROPTEST_CASES`
//! (256 when unset, which keeps the unit layer fast); `cargo xtask fuzz`
//! runs them in release mode with 100 000 each. A failing case is shrunk and
//! saved under `proptest-regressions/`, so it is replayed first next time.
//! Native only: proptest's random source does not build for wasm32.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

use super::dataset::{Beneficiary, Contribution, Dataset, Region, Source, Status, Theme};
use super::derive;
use super::load::read_dataset;
use super::share::{Stated, StatedAmount, StatedShare, PPM};
use super::text::Text;
use super::validate::{validate, Problem};
use crate::chart::donut;
use crate::describe::Describer;
use crate::i18n::Locale;

/// The native load path, as check-data runs it: size, BOM, serde_json with
/// path tracking, nothing after the value, the readers, validation.
fn load(text: &str) -> Result<Dataset, Vec<Problem>> {
    read_dataset(text)
}

fn load_bytes(bytes: &[u8]) -> Result<Dataset, Vec<Problem>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load(text),
        Err(_) => Err(Vec::new()),
    }
}

/// A rejection must say something; an acceptance must be fit to show.
fn outcome_is_sound(result: &Result<Dataset, Vec<Problem>>) -> Result<(), TestCaseError> {
    match result {
        Ok(ds) => {
            prop_assert!(validate(ds).is_empty());
            marks_are_within_the_total(ds)?;
            describes_and_draws(ds);
        }
        Err(problems) => {
            for p in problems {
                prop_assert!(!p.to_string().trim().is_empty(), "empty message: {p:?}");
            }
        }
    }
    Ok(())
}

/// Every mark of an accepted dataset: amount in [0, total], share in [0, 100 %].
fn marks_are_within_the_total(ds: &Dataset) -> Result<(), TestCaseError> {
    let total = derive::total(ds).0;
    for marks in [derive::region_marks(ds), derive::theme_marks(ds)] {
        for m in &marks {
            let (amount, share) = (m.amount.value.0, m.share.value);
            prop_assert!(
                (0..=total).contains(&amount),
                "{} has amount {amount} of a total of {total}",
                m.id()
            );
            prop_assert!(
                (0..=PPM).contains(&share),
                "{} has share {share} ppm",
                m.id()
            );
        }
    }
    Ok(())
}

/// The phrases and the chart geometry of every mark, in every language: they
/// must not panic, whatever the figures.
fn describes_and_draws(ds: &Dataset) {
    for marks in [derive::region_marks(ds), derive::theme_marks(ds)] {
        let fractions: Vec<f64> = marks.iter().map(|m| m.drawn_ppm() as f64 / 1e6).collect();
        let _ = donut::segments(&fractions);
        for locale in Locale::ALL {
            let d = Describer::new(ds, locale);
            for m in &marks {
                let _ = (d.share(m.share), d.amount(m.amount), d.announce(m));
            }
        }
    }
    for locale in Locale::ALL {
        let _ = Describer::new(ds, locale).summary();
    }
}

// ---- arbitrary input ----

/// Object keys: mostly the schema's own, so generated documents get past the
/// first field and into the deeper code.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "id", "$schema", "contribution", "donor", "recipient", "recipient_short",
            "operations_year", "currency", "total", "announced", "status", "regions",
            "name", "share", "amount", "value", "stated", "countries", "description",
            "themes", "beneficiaries", "sources", "publisher", "title", "date", "url", "title_translated",
            "language", "en", "fr", "ja",
        ])
        .prop_map(str::to_owned),
        1 => ".{0,8}",
    ]
}

fn json_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (0.0..=1.5f64).prop_map(Value::from),
        prop::sample::select(vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            1e-300,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE
        ])
        .prop_map(Value::from),
    ]
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        json_number(),
        any::<String>().prop_map(Value::String),
        prop::sample::select(vec![
            "en",
            "exact",
            "about",
            "more_than",
            "at_most",
            "USD",
            "JPY",
            "allocated",
            "2021-03-12",
            "2024-02-29",
            "https://example.org",
            "asia",
            "unattributed",
            "",
            "<script>alert(1)</script>",
            "\u{feff}",
            "\u{202e}",
            "💶",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Raw bytes, text, and JSON text, with and without a BOM.
fn input_bytes() -> impl Strategy<Value = Vec<u8>> {
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        any::<String>().prop_map(String::into_bytes),
        json_value().prop_map(|v| v.to_string().into_bytes()),
    ];
    (any::<bool>(), bytes).prop_map(|(bom, bytes)| {
        if bom {
            [&b"\xef\xbb\xbf"[..], &bytes].concat()
        } else {
            bytes
        }
    })
}

/// One change to a valid document: a value replaced, a key or element
/// removed, or an element repeated.
#[derive(Clone, Debug)]
enum Edit {
    Replace(Index, Value),
    Remove(Index),
    Repeat(Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), json_value()).prop_map(|(at, v)| Edit::Replace(at, v)),
        1 => any::<Index>().prop_map(Edit::Remove),
        1 => any::<Index>().prop_map(Edit::Repeat),
    ]
}

/// JSON pointers of every value in `v` except the root.
fn pointers(v: &Value, at: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match v {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, x)| (i.to_string(), x))
            .collect(),
        Value::Object(map) => map
            .iter()
            .map(|(k, x)| (k.replace('~', "~0").replace('/', "~1"), x))
            .collect(),
        _ => Vec::new(),
    };
    for (key, child) in children {
        let here = format!("{at}/{key}");
        out.push(here.clone());
        pointers(child, &here, out);
    }
}

fn apply(doc: &mut Value, edit: &Edit) {
    let mut all = Vec::new();
    pointers(doc, "", &mut all);
    let at = match edit {
        Edit::Replace(i, _) | Edit::Remove(i) | Edit::Repeat(i) => i.get(&all).clone(),
    };
    match edit {
        Edit::Replace(_, value) => {
            if let Some(slot) = doc.pointer_mut(&at) {
                *slot = value.clone();
            }
        }
        Edit::Remove(_) | Edit::Repeat(_) => {
            let (parent, key) = at.rsplit_once('/').unwrap();
            let key = key.replace("~1", "/").replace("~0", "~");
            let repeat = matches!(edit, Edit::Repeat(_));
            match doc.pointer_mut(parent) {
                Some(Value::Object(map)) if !repeat => {
                    map.remove(&key);
                }
                Some(Value::Array(items)) => {
                    let i: usize = key.parse().unwrap();
                    if repeat {
                        let copy = items[i].clone();
                        items.insert(i, copy);
                    } else {
                        items.remove(i);
                    }
                }
                _ => {}
            }
        }
    }
}

// ---- valid datasets ----

const LOCALES: &[&str] = &["fr", "es", "ja", "ar", "he", "pt-BR", "zh-Hant"];

/// Any text, including markup, right-to-left and control characters.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::sample::select(vec![
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "أفريقيا \u{202e}RLO",
            "👨‍👩‍👧‍👦 🇯🇵",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Text with something visible in it (validation wants non-blank English).
fn visible() -> impl Strategy<Value = String> {
    ("\\S", any_text()).prop_map(|(first, rest)| first + &rest)
}

fn text() -> impl Strategy<Value = Text> {
    (
        visible(),
        prop::collection::btree_map(prop::sample::select(LOCALES.to_vec()), any_text(), 0..3),
    )
        .prop_map(|(en, others)| {
            let mut map: BTreeMap<String, String> =
                others.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            map.insert("en".to_owned(), en);
            Text(map)
        })
}

fn slug() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,20}"
}

fn date() -> impl Strategy<Value = String> {
    (1900..2200u32, 1..=12u32, 1..=28u32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn stated() -> impl Strategy<Value = Stated> {
    prop::sample::select(Stated::ALL.to_vec())
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(vec![
        Status::Pledged,
        Status::Allocated,
        Status::Committed,
        Status::Paid,
    ])
}

/// Which figures a region states.
#[derive(Clone, Copy, Debug)]
enum Figures {
    Share,
    Amount,
    Both,
}

#[derive(Clone, Debug)]
struct RegionSeed {
    slug: String,
    name: Text,
    figures: Figures,
    share_stated: Stated,
    amount_stated: Stated,
    weight: u32,
    countries: Vec<Text>,
    description: Option<Text>,
}

fn region_seed() -> impl Strategy<Value = RegionSeed> {
    (
        slug(),
        text(),
        prop::sample::select(vec![Figures::Share, Figures::Amount, Figures::Both]),
        stated(),
        stated(),
        prop_oneof![Just(0u32), 0..1000u32],
        prop::collection::vec(text(), 0..3),
        prop::option::of(text()),
    )
        .prop_map(
            |(slug, name, figures, share_stated, amount_stated, weight, countries, description)| {
                RegionSeed {
                    slug,
                    name,
                    figures,
                    share_stated,
                    amount_stated,
                    weight,
                    countries,
                    description,
                }
            },
        )
}

#[derive(Clone, Debug)]
struct ThemeSeed {
    slug: String,
    name: Text,
    description: Text,
    /// A weight for a stated amount, or None where the source gives none.
    amount: Option<(u32, Stated)>,
    regions: Vec<Index>,
    beneficiaries: Vec<Index>,
}

fn theme_seed() -> impl Strategy<Value = ThemeSeed> {
    (
        slug(),
        text(),
        text(),
        prop::option::of((0..1000u32, stated())),
        prop::collection::vec(any::<Index>(), 0..3),
        prop::collection::vec(any::<Index>(), 0..3),
    )
        .prop_map(
            |(slug, name, description, amount, regions, beneficiaries)| ThemeSeed {
                slug,
                name,
                description,
                amount,
                regions,
                beneficiaries,
            },
        )
}

fn source() -> impl Strategy<Value = Source> {
    (
        visible(),
        visible(),
        prop::option::of(date()),
        "https?://[a-z0-9][a-z0-9.-]{0,20}(/[a-zA-Z0-9/_.%-]{0,20})?",
        prop::sample::select(vec!["en", "fr", "ja", "pt-BR"]),
        prop::option::of(prop::sample::select(LOCALES.to_vec())),
        prop::option::of(text()),
    )
        .prop_map(
            |(publisher, title, date, url, language, title_language, title_translated)| Source {
                publisher,
                title,
                date,
                url,
                language: language.to_owned(),
                title_language: title_language.map(str::to_owned),
                title_translated,
            },
        )
}

/// Totals from one minor unit up to the most validation accepts (2^53 - 1),
/// small ones often (coarse rounding).
fn total_minor() -> impl Strategy<Value = i64> {
    prop_oneof![
        1..=1_000i64,
        1..=10_000_000_000_000i64,
        10_000_000_000_000..=9_007_199_254_740_991i64
    ]
}

/// Parts of a million for `weights`, adding up to at most a million (exactly
/// when `rest` is 0 and some weight is not).
fn split(weights: &[u32], rest: u32) -> Vec<i64> {
    let sum: u64 = weights.iter().map(|&w| u64::from(w)).sum::<u64>() + u64::from(rest);
    weights
        .iter()
        .map(|&w| (u64::from(w) * PPM as u64).checked_div(sum).unwrap_or(0) as i64)
        .collect()
}

/// Amounts in minor units for parts of a million of `total`. Amounts that add
/// up to exactly the total are made one minor unit smaller: validation adds
/// amounts as floats, and 0.1 + 0.2 > 0.3 (see the report of issue 8).
fn amounts_for(total: i64, ppm: &[i64], counted: &[bool]) -> Vec<i64> {
    let mut minor: Vec<i64> = ppm
        .iter()
        .map(|&p| (i128::from(total) * i128::from(p) / i128::from(PPM)) as i64)
        .collect();
    let sum: i64 = minor
        .iter()
        .zip(counted)
        .filter(|(_, c)| **c)
        .map(|(m, _)| m)
        .sum();
    if sum == total {
        if let Some(m) = minor
            .iter_mut()
            .zip(counted)
            .filter(|(m, c)| **c && **m > 0)
            .map(|(m, _)| m)
            .next_back()
        {
            *m -= 1;
        }
    }
    minor
}

/// A dataset validation must accept: figures from one split of the total
/// (so shares and amounts agree), ids unique, links to what exists.
fn valid_dataset() -> impl Strategy<Value = Dataset> {
    (
        (
            prop::option::of(any::<String>()),
            slug(),
            text(),
            text(),
            prop::option::of(text()),
            1900..=2200i32,
            prop::sample::select(super::dataset::currencies().collect::<Vec<_>>()),
            total_minor(),
            date(),
            status(),
        ),
        prop::collection::vec(region_seed(), 1..8),
        prop_oneof![Just(0u32), 0..1000u32],
        prop::collection::vec(theme_seed(), 0..5),
        prop_oneof![Just(0u32), 0..1000u32],
        prop::collection::vec((slug(), text()), 0..3),
        prop::collection::vec(source(), 1..3),
    )
        .prop_map(
            |(
                (
                    schema,
                    id,
                    donor,
                    recipient,
                    recipient_short,
                    year,
                    currency,
                    total,
                    announced,
                    status,
                ),
                region_seeds,
                region_rest,
                theme_seeds,
                theme_rest,
                beneficiary_seeds,
                sources,
            )| {
                let (code, digits) = currency;
                let major = |minor: i64| minor as f64 / 10f64.powi(digits as i32);
                let weights: Vec<u32> = region_seeds.iter().map(|r| r.weight).collect();
                let ppm = split(&weights, region_rest);
                let counted: Vec<bool> = region_seeds
                    .iter()
                    .map(|r| {
                        !matches!(r.figures, Figures::Share) && !r.amount_stated.is_upper_bound()
                    })
                    .collect();
                let amounts = amounts_for(total, &ppm, &counted);
                let regions: Vec<Region> = region_seeds
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let share = StatedShare {
                            value: ppm[i] as f64 / PPM as f64,
                            stated: r.share_stated,
                            words: false,
                        };
                        let amount = StatedAmount {
                            value: major(amounts[i]),
                            stated: r.amount_stated,
                        };
                        Region {
                            id: format!("{}-{i}", r.slug),
                            name: r.name,
                            share: (!matches!(r.figures, Figures::Amount)).then_some(share),
                            amount: (!matches!(r.figures, Figures::Share)).then_some(amount),
                            countries: r.countries,
                            country_count: None,
                            description: r.description,
                        }
                    })
                    .collect();
                let beneficiaries: Vec<Beneficiary> = beneficiary_seeds
                    .into_iter()
                    .enumerate()
                    .map(|(i, (slug, name))| Beneficiary {
                        id: format!("{slug}-{i}"),
                        name,
                    })
                    .collect();
                let theme_weights: Vec<u32> = theme_seeds
                    .iter()
                    .map(|t| t.amount.map_or(0, |(w, _)| w))
                    .collect();
                let theme_ppm = split(&theme_weights, theme_rest);
                let theme_counted: Vec<bool> = theme_seeds
                    .iter()
                    .map(|t| t.amount.is_some_and(|(_, s)| !s.is_upper_bound()))
                    .collect();
                let theme_amounts = amounts_for(total, &theme_ppm, &theme_counted);
                let n = regions.len();
                let themes: Vec<Theme> = theme_seeds
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| Theme {
                        id: format!("{}-{}", t.slug, n + i),
                        name: t.name,
                        description: t.description,
                        beneficiaries: if beneficiaries.is_empty() {
                            Vec::new()
                        } else {
                            t.beneficiaries
                                .iter()
                                .map(|b| b.get(&beneficiaries).id.clone())
                                .collect()
                        },
                        amount: t.amount.map(|(_, stated)| StatedAmount {
                            value: major(theme_amounts[i]),
                            stated,
                        }),
                        share: None,
                        regions: t
                            .regions
                            .iter()
                            .map(|r| r.get(&regions).id.clone())
                            .collect(),
                    })
                    .collect();
                Dataset {
                    schema,
                    id,
                    contribution: Contribution {
                        donor,
                        recipient,
                        recipient_short,
                        operations_year: year,
                        currency: code.to_owned(),
                        total: major(total),
                        total_stated: Stated::Exact,
                        total_note: None,
                        country_count: None,
                        announced: Some(announced),
                        status: Some(status),
                    },
                    regions,
                    named_regions: Vec::new(),
                    themes,
                    beneficiaries,
                    sources,
                }
            },
        )
}

proptest! {
    /// (a) Any bytes: no panic, and every rejection says something.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in input_bytes()) {
        outcome_is_sound(&load_bytes(&bytes))?;
    }

    /// (a) A valid document with one thing changed anywhere in it: no panic,
    /// and what is accepted keeps its marks within the total.
    #[test]
    fn edited_datasets_never_panic(ds in valid_dataset(), edits in prop::collection::vec(edit(), 1..4)) {
        let mut doc = serde_json::to_value(ds.to_json()).unwrap();
        for e in &edits {
            apply(&mut doc, e);
        }
        outcome_is_sound(&load(&doc.to_string()))?;
    }

    /// (b) Validation accepts every well-formed dataset.
    #[test]
    fn valid_datasets_are_accepted(ds in valid_dataset()) {
        let problems = validate(&ds);
        prop_assert!(problems.is_empty(), "{:#?}", problems);
    }

    /// (c) Derived figures: every amount within [0, total], every share within
    /// [0, 100 %], and all the marks of a chart together not above 100 %.
    #[test]
    fn derived_figures_stay_within_the_total(ds in valid_dataset()) {
        marks_are_within_the_total(&ds)?;
        for marks in [derive::region_marks(&ds), derive::theme_marks(&ds)] {
            // As drawn: the rest beside both kinds of bound says more than it is drawn at.
            let sum: i64 = marks.iter().map(|m| m.drawn_ppm()).sum();
            prop_assert!(sum <= PPM, "marks add up to {} ppm: {:#?}", sum, marks);
            let has_rest = marks.iter().any(|m| m.is_remainder());
            if has_rest {
                prop_assert_eq!(sum, PPM, "with the remainder the marks make the whole");
            }
        }
        describes_and_draws(&ds);
    }

    /// (d) parse → serialise → parse gives the same dataset and the same text.
    #[test]
    fn parse_serialise_parse_is_stable(ds in valid_dataset(), pretty in any::<bool>()) {
        let write = |ds: &Dataset| if pretty {
            serde_json::to_string_pretty(&ds.to_json()).unwrap()
        } else {
            serde_json::to_string(&ds.to_json()).unwrap()
        };
        let text = write(&ds);
        let once = load(&text).unwrap();
        prop_assert_eq!(&once, &ds);
        let again = write(&once);
        prop_assert_eq!(&again, &text);
        prop_assert_eq!(load(&again).unwrap(), once);
    }
}

/// Text like a data file with a slip in it: JSON's punctuation, letters,
/// digits, line ends of both kinds, and characters that are more than one
/// byte (é, 日, a no-break space, typographic quotes) or two UTF-16 units (an emoji).
fn slipped_text() -> impl Strategy<Value = String> {
    let chars: Vec<char> = "{}[]\",:  \n\r\t0123456789.-+eEaNtrufl#/*'\\\u{a0}é日“”😀"
        .chars()
        .collect();
    prop::collection::vec(prop::sample::select(chars), 0..80).prop_map(|v| v.into_iter().collect())
}

/// What a browser's `JSON.parse` may say, at any position: V8's wordings,
/// Firefox's, and anything else.
fn browser_message() -> impl Strategy<Value = String> {
    let n = prop_oneof![0usize..120, Just(usize::MAX), Just(usize::MAX / 2)];
    let big = "[0-9]{1,25}";
    prop_oneof![
        (n.clone(), 0usize..9, 0usize..90).prop_map(|(n, l, c)| format!(
            "Expected ',' or '}}' after property value in JSON at position {n} (line {l} column {c})"
        )),
        n.clone().prop_map(|n| format!("Unterminated string in JSON at position {n}")),
        n.prop_map(|n| format!("Bad control character in string literal in JSON at position {n}")),
        big.prop_map(|n| format!("Unexpected non-whitespace character after JSON at position {n}")),
        "[a-z,'\\[{ ]{0,3}".prop_map(|t| format!("Unexpected token '{t}', \"...\" is not valid JSON")),
        Just("Unexpected end of JSON input".to_owned()),
        (0usize..12, 0usize..120).prop_map(|(l, c)| format!(
            "JSON.parse: expected ',' or '}}' after property value in object at line {l} column {c} of the JSON data"
        )),
        ".{0,40}",
    ]
}

proptest! {
    /// The widget's path for a syntax error (the browser's message about the
    /// text, worded any way, its position right, wrong or absurd): no panic,
    /// in the words of every language, with the line shown.
    #[test]
    fn browser_syntax_messages_never_panic(text in slipped_text(), message in browser_message()) {
        let problem = super::load::parse_failure(&text, &message);
        for locale in [Locale::En, Locale::Fr, Locale::Es, Locale::Ja] {
            prop_assert!(!crate::describe::problem_text(locale, &problem.kind).is_empty());
        }
        prop_assert!(!problem.to_string().is_empty());
    }

    /// The line under a message, for any place, in any text.
    #[test]
    fn excerpts_never_panic(text in slipped_text(), line in 0usize..12, column in 0usize..120) {
        let e = super::load::excerpt(&text, (line, column));
        prop_assert!(e.before.chars().count() <= 40 && e.after.chars().count() <= 40);
    }
}
