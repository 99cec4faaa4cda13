//! Model tests on the bundled dataset and on one failing fixture per
//! validation rule, each asserting the JSON path and the message.

use serde_json::{json, Value};

use super::derive::{self, MarkKind, Part};
use super::load::{read_dataset, read_series, MAX_BYTES};
use super::share::{to_ppm, Minor, Stated, PPM};
use super::validate::{validate, Problem, ProblemKind};
use super::{Dataset, DEFAULT_DATA};
use crate::describe::Describer;
use crate::i18n::Locale;

fn default_value() -> Value {
    serde_json::from_str(DEFAULT_DATA).unwrap()
}

fn parse(text: &str) -> Result<Dataset, Vec<Problem>> {
    read_dataset(text)
}

fn default_dataset() -> Dataset {
    parse(DEFAULT_DATA).unwrap()
}

/// Problems of the default dataset after `edit`.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut v = default_value();
    edit(&mut v);
    match parse(&v.to_string()) {
        Ok(_) => Vec::new(),
        Err(p) => p,
    }
}

/// Asserts exactly one problem, at `path`, whose message contains `message`.
fn assert_one(problems: &[Problem], path: &str, message: &str) {
    assert_eq!(problems.len(), 1, "expected one problem, got {problems:#?}");
    assert_eq!(problems[0].path, path);
    let text = problems[0].to_string();
    assert!(
        text.contains(message),
        "{text:?} should contain {message:?}"
    );
    assert!(
        text.starts_with(path),
        "{text:?} should start with its path"
    );
}

#[test]
fn bundled_dataset_is_valid() {
    let ds = default_dataset();
    assert!(validate(&ds).is_empty());
    assert_eq!(ds.contribution.total, 37_100_767.0);
    assert_eq!(ds.regions.len(), 3);
    assert!(
        ds.themes.iter().all(|t| t.amount.is_none()),
        "the source gives no theme amounts"
    );
}

#[test]
fn bundled_dataset_round_trips() {
    let ds = default_dataset();
    let text = serde_json::to_string_pretty(&ds.to_json()).unwrap();
    let again = parse(&text).unwrap();
    assert_eq!(ds, again);
    // Same JSON document, too: nothing is added or dropped by the model.
    assert_eq!(
        serde_json::to_value(again.to_json()).unwrap(),
        default_value()
    );
}

#[test]
fn the_series_file_round_trips() {
    // It has what the bundled file lacks: named regions, words, notes, counts.
    let text = include_str!("../../static/data/japan-iom-series.json");
    let series = read_series(text).unwrap();
    let written = serde_json::to_string_pretty(&series.to_json()).unwrap();
    // Nothing is dropped (empty `themes` are written, as before, where the
    // file leaves them out).
    assert_eq!(read_series(&written).unwrap(), series);
}

#[test]
fn remainder_is_not_stored_in_the_file() {
    let ds = default_dataset();
    assert!(ds.regions.iter().all(|r| r.id != super::REMAINDER_ID));
}

#[test]
fn lower_bound_share_derives_a_lower_bound_amount() {
    let ds = default_dataset();
    let d = Describer::new(&ds, Locale::En);
    let parts = derive::region_parts(&ds);
    let ssa = &parts[0];
    assert_eq!(ssa.share.stated, Stated::MoreThan);
    assert_eq!(ssa.amount.value, Minor(1_484_030_680));
    assert_eq!(d.share(ssa.share), "more than 40%");
    assert_eq!(d.amount(ssa.amount), "more than USD\u{a0}14,840,306.80");
    assert_eq!(
        d.amount_short(ssa.amount),
        "more than USD\u{a0}14.8\u{a0}million"
    );
}

#[test]
fn exact_shares_derive_approximate_amounts() {
    let ds = default_dataset();
    let d = Describer::new(&ds, Locale::En);
    let parts = derive::region_parts(&ds);
    assert_eq!(d.share(parts[1].share), "35%");
    assert_eq!(d.amount(parts[1].amount), "about USD\u{a0}12,985,268.45");
    assert_eq!(d.amount(parts[2].amount), "about USD\u{a0}7,420,153.40");
}

#[test]
fn remainder_is_an_upper_bound_when_a_share_is_a_lower_bound() {
    let ds = default_dataset();
    let d = Describer::new(&ds, Locale::En);
    let parts = derive::region_parts(&ds);
    let rest = derive::remainder(&ds, &parts).unwrap();
    assert_eq!(rest.share.stated, Stated::AtMost);
    assert_eq!(d.share(rest.share), "at most 5%");
    assert_eq!(d.amount(rest.amount), "at most USD\u{a0}1,855,038.35");
}

#[test]
fn the_rest_beside_both_kinds_of_bound_says_the_most_it_can_be() {
    // "More than 40 %", 35 %, "at most 20 %": the lower bound may have taken
    // all that is left, and Asia may have nothing, so the rest is anywhere
    // from 0 to 25 %. It was said "about 5%", which nothing supports.
    let mut v = default_value();
    v["regions"][2]["share"]["stated"] = json!("at_most");
    let ds = Dataset::from_json(&serde_json::from_value(v).unwrap()).unwrap();
    let marks = derive::region_marks(&ds);
    let rest = marks.iter().find(|m| m.is_remainder()).unwrap();
    assert_eq!(rest.share.stated, Stated::AtMost);
    assert_eq!(rest.share.value, 250_000);
    // Drawn at what is left, so the chart still makes the whole.
    assert_eq!(rest.drawn_ppm(), 50_000);
    assert_eq!(marks.iter().map(|m| m.drawn_ppm()).sum::<i64>(), 1_000_000);
    let d = Describer::new(&ds, Locale::En);
    assert_eq!(d.part_share(rest), "at most 25%");
    assert_eq!(d.amount(rest.amount), "at most USD\u{a0}9,275,191.75");
    let text = d.description(rest).unwrap().text;
    assert!(text.contains("may be larger than drawn"), "{text}");
    // The CSV says the bound too.
    let csv = crate::export::csv::regions(&d);
    assert!(csv.contains("unattributed,"), "{csv}");
    assert!(
        csv.lines()
            .any(|l| l.starts_with("unattributed,") && l.contains("0.25") && l.contains("at_most")),
        "{csv}"
    );
}

#[test]
fn the_rest_beside_both_kinds_of_bound_stays_when_the_figures_fill_the_whole() {
    // "More than 40 %", 35 %, "at most 25 %": 100 % as stated, yet Asia may
    // have nothing, so up to 25 % has no region. Drawn at nothing.
    let mut v = default_value();
    v["regions"][2]["share"] = json!({"value": 0.25, "stated": "at_most"});
    let ds = Dataset::from_json(&serde_json::from_value(v).unwrap()).unwrap();
    let marks = derive::region_marks(&ds);
    let rest = marks.iter().find(|m| m.is_remainder()).expect("a rest");
    assert_eq!(rest.share.stated, Stated::AtMost);
    assert_eq!(rest.share.value, 250_000);
    assert_eq!(rest.drawn_ppm(), 0);
    assert_eq!(marks.iter().map(|m| m.drawn_ppm()).sum::<i64>(), 1_000_000);
    assert_eq!(
        Describer::new(&ds, Locale::En).part_share(rest),
        "at most 25%"
    );
    // Figures past the whole count against what the upper bound may leave:
    // "more than 40 %", 35 % and "at most 30 %" leave at most 25 %, though
    // the figures say 105 %; drawn scaled to a whole that still closes.
    let mut v = default_value();
    v["regions"][2]["share"] = json!({"value": 0.3, "stated": "at_most"});
    let ds = Dataset::from_json(&serde_json::from_value(v).unwrap()).unwrap();
    let marks = derive::region_marks(&ds);
    let rest = marks.iter().find(|m| m.is_remainder()).expect("a rest");
    assert_eq!(rest.share.value, 250_000);
    assert_eq!(rest.drawn_ppm(), 0);
    assert_eq!(marks.iter().map(|m| m.drawn_ppm()).sum::<i64>(), 1_000_000);
    // "More than 40 %", 33 % and "almost 30 %" (27 % at least), which
    // validation accepts: nothing can be left.
    let mut v = default_value();
    v["regions"][1]["share"] = json!({"value": 0.33, "stated": "exact"});
    v["regions"][2]["share"] = json!({"value": 0.3, "stated": "almost"});
    let ds = parse(&v.to_string()).expect("valid");
    assert!(!derive::region_marks(&ds).iter().any(|m| m.is_remainder()));
    // Without a lower bound the rest would be "at least 0%", which says
    // nothing: figures that fill the whole then leave no rest.
    let mut v = default_value();
    v["regions"][0]["share"] = json!({"value": 0.4, "stated": "exact"});
    v["regions"][2]["share"] = json!({"value": 0.25, "stated": "at_most"});
    let ds = Dataset::from_json(&serde_json::from_value(v).unwrap()).unwrap();
    assert!(!derive::region_marks(&ds).iter().any(|m| m.is_remainder()));
}

#[test]
fn remainder_qualifier_follows_the_bounds() {
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut v = default_value();
        edit(&mut v);
        let ds = Dataset::from_json(&serde_json::from_value(v).unwrap()).unwrap();
        let parts = derive::region_parts(&ds);
        derive::remainder(&ds, &parts).map(|r| r.share.stated)
    };
    // All exact: the rest is exact too.
    assert_eq!(
        with(&|v| v["regions"][0]["share"]["stated"] = json!("exact")),
        Some(Stated::Exact)
    );
    // An upper bound alone leaves at least the rest.
    assert_eq!(
        with(&|v| {
            v["regions"][0]["share"]["stated"] = json!("exact");
            v["regions"][2]["share"]["stated"] = json!("at_most");
        }),
        Some(Stated::AtLeast)
    );
    // Both kinds of bound: at most what the upper-bounded parts may leave
    // (see `the_rest_beside_both_kinds_of_bound_says_the_most_it_can_be`).
    assert_eq!(
        with(&|v| v["regions"][2]["share"]["stated"] = json!("less_than")),
        Some(Stated::AtMost)
    );
    // About alone: about.
    assert_eq!(
        with(&|v| {
            v["regions"][0]["share"]["stated"] = json!("about");
        }),
        Some(Stated::About)
    );
    // A bound worked out with an approximate figure is approximate itself:
    // "more than 40 %" and "about 35 %" leave at most about the rest.
    assert_eq!(
        with(&|v| v["regions"][1]["share"]["stated"] = json!("about")),
        Some(Stated::AtMostAbout)
    );
    assert_eq!(
        with(&|v| {
            v["regions"][0]["share"]["stated"] = json!("about");
            v["regions"][2]["share"]["stated"] = json!("at_most");
        }),
        Some(Stated::AtLeastAbout)
    );
    // A part stated as an approximate bound counts as both.
    assert_eq!(
        with(&|v| v["regions"][0]["share"]["stated"] = json!("at_least_about")),
        Some(Stated::AtMostAbout)
    );
    // Shares that cover the whole total leave no remainder.
    assert_eq!(
        with(&|v| v["regions"][0]["share"]["value"] = json!(0.45)),
        None
    );
}

#[test]
fn remainder_sits_next_to_the_lower_bound_region() {
    let ds = default_dataset();
    let ids: Vec<_> = derive::region_marks(&ds)
        .iter()
        .map(|p| p.id().to_owned())
        .collect();
    assert_eq!(
        ids,
        ["sub-saharan-africa", "unattributed", "mena-europe", "asia"]
    );
    assert!(matches!(
        derive::region_marks(&ds)[1].kind,
        MarkKind::Remainder
    ));
}

#[test]
fn the_rest_is_worked_out_in_money_and_shown_as_precise_as_its_figures() {
    // Exact amounts beside "more than 5 %" of an exact EUR total: the rest is
    // at most the total less the amounts and 5 %, EUR 5,725,000.22. Taken
    // from its share in ppm it was EUR 5,724,955.02, under the most the
    // figures allow, and with "about" in it the table showed it to the cent.
    let mut v = default_value();
    v["contribution"]["currency"] = json!("EUR");
    v["contribution"]["total"] = json!(120_500_000.50);
    let amount = |id: &str, value: f64| json!({"id": id, "name": {"en": id}, "amount": {"value": value, "stated": "exact"}});
    v["regions"] = json!([
        amount("africa", 48_250_000.25),
        amount("asia", 30_500_000.0),
        amount("europe", 18_000_000.0),
        amount("americas", 12_000_000.0),
        {"id": "mena", "name": {"en": "MENA"}, "share": {"value": 0.05, "stated": "more_than"}},
    ]);
    v["themes"] = json!([]);
    let ds = parse(&v.to_string()).unwrap();
    let parts = derive::region_parts(&ds);
    let rest = derive::remainder(&ds, &parts).unwrap();
    assert_eq!(rest.amount.value, Minor(572_500_022));
    assert_eq!(rest.amount.stated, Stated::AtMostAbout);
    let d = Describer::new(&ds, Locale::En);
    // An approximate bound is shown rounded, and up: never to the cent.
    assert_eq!(
        d.part_amount(&rest),
        "at most about EUR\u{a0}5.8\u{a0}million"
    );
    // An exact amount stays in full.
    assert_eq!(d.part_amount(&parts[0]), "EUR\u{a0}48,250,000.25");
}

#[test]
fn amount_only_region_derives_its_share() {
    let mut v = default_value();
    v["regions"][0] = json!({
        "id": "sub-saharan-africa", "name": {"en": "Sub-Saharan Africa"},
        "amount": {"value": 14000000, "stated": "exact"}
    });
    let ds = parse(&v.to_string()).unwrap();
    let d = Describer::new(&ds, Locale::En);
    let p = &derive::region_parts(&ds)[0];
    assert!(p.amount_is_stated && !p.share_is_stated);
    assert_eq!(d.amount(p.amount), "USD\u{a0}14,000,000");
    assert_eq!(d.share(p.share), "about 37.7%");
    // A share that divides exactly, to what a percentage shows, is exact:
    // USD 9,275,191.75 is a quarter of the total.
    v["regions"][0]["amount"]["value"] = json!(9_275_191.75);
    let ds = parse(&v.to_string()).unwrap();
    let p = &derive::region_parts(&ds)[0];
    assert_eq!(p.share.stated, Stated::Exact);
    assert_eq!(Describer::new(&ds, Locale::En).share(p.share), "25%");
    // Not from a rounded total, nor from a bound.
    v["regions"][0]["amount"]["stated"] = json!("at_least");
    let ds = parse(&v.to_string()).unwrap();
    assert_eq!(derive::region_parts(&ds)[0].share.stated, Stated::AtLeast);
}

#[test]
fn summary_is_generated_with_qualifiers() {
    let ds = default_dataset();
    let s = Describer::new(&ds, Locale::En).summary();
    assert_eq!(
        s,
        "Donor: Government of Japan. Recipient: IOM. Allocated to its operations in 2021: USD\u{a0}37.1\u{a0}million. \
         By region: Sub-Saharan Africa, more than 40%; Middle East and North Africa, and Europe, 35%; \
         Asia, 20%. The source leaves at most 5% of the total unattributed to any region."
    );
}

#[test]
fn theme_marks_are_empty_without_theme_amounts() {
    let ds = default_dataset();
    assert!(derive::theme_marks(&ds).is_empty());
}

#[test]
fn theme_amounts_make_theme_marks() {
    let mut v = default_value();
    v["themes"][0]["amount"] = json!({"value": 20000000, "stated": "exact"});
    v["themes"][1]["amount"] = json!({"value": 10000000, "stated": "about"});
    let ds = parse(&v.to_string()).unwrap();
    let marks = derive::theme_marks(&ds);
    assert_eq!(marks.len(), 3, "two themes and the unattributed rest");
    assert!(marks[2].is_remainder());
    // The summary, the charts' text alternative, says the theme split too.
    let summary = Describer::new(&ds, Locale::En)
        .summary()
        .replace('\u{a0}', " ");
    assert!(
        summary.ends_with(
            "By theme: Life-saving assistance, about 54%; Humanitarian and integrated border \
             management, about 27%. The source leaves about 19% of the total unattributed to any theme."
        ),
        "{summary}"
    );
    let bundled = Describer::new(&default_dataset(), Locale::En).summary();
    assert!(!bundled.contains("By theme"), "{bundled}");
}

#[test]
fn linked_ids_go_both_ways() {
    let mut v = default_value();
    v["themes"][0]["regions"] = json!(["asia"]);
    let ds = parse(&v.to_string()).unwrap();
    assert_eq!(derive::linked_ids(&ds, "asia"), ["life-saving-assistance"]);
    assert_eq!(derive::linked_ids(&ds, "life-saving-assistance"), ["asia"]);
    assert!(derive::linked_ids(&ds, "mena-europe").is_empty());
}

// ---- one failing fixture per validation rule ----

#[test]
fn rule_share_above_one() {
    let p = problems_after(|v| v["regions"][1]["share"]["value"] = json!(1.4));
    assert!(p.iter().any(|p| p.path == "regions[1].share.value"
        && p.to_string()
            .contains("1.4 would be 140%: shares are fractions")));
}

#[test]
fn rule_negative_share() {
    let p = problems_after(|v| v["regions"][2]["share"]["value"] = json!(-0.2));
    assert_one(&p, "regions[2].share.value", "-0.2 must not be negative");
}

#[test]
fn rule_shares_sum_above_one() {
    let p = problems_after(|v| v["regions"][2]["share"]["value"] = json!(0.3));
    assert_one(&p, "regions", "add up to 105%, more than 100%");
}

#[test]
fn almost_counts_in_the_sums_with_the_least_it_can_stand_for() {
    // "Almost 90 %" is at least 81 %: beside 35 % and 20 % that is 136 %
    // at the least; the figures said add up to 145 %.
    let p = problems_after(|v| {
        v["regions"][0]["share"] = json!({"value": 0.9, "stated": "almost"});
    });
    assert_one(&p, "regions", "add up to 145%, more than 100%");
    // An "at most" beside figures past the whole is not in the sum said: the
    // other two are what is wrong (110 %), whatever it holds.
    let p = problems_after(|v| {
        v["regions"][0]["share"] = json!({"value": 0.55, "stated": "exact"});
        v["regions"][2]["share"] = json!({"value": 0.5, "stated": "at_most"});
        v["regions"][1]["share"] = json!({"value": 0.55, "stated": "exact"});
    });
    assert_one(&p, "regions", "add up to 110%, more than 100%");
    // "Almost 50 %" (45 % at least) beside 35 % and 20 % may be true.
    let p = problems_after(|v| {
        v["regions"][0]["share"] = json!({"value": 0.5, "stated": "almost"});
    });
    assert!(p.is_empty(), "{p:#?}");
    // "At most" still counts for nothing: it may stand for none of the total.
    let p = problems_after(|v| {
        v["regions"][0]["share"] = json!({"value": 0.9, "stated": "at_most"});
    });
    assert!(p.is_empty(), "{p:#?}");
    // Amounts too: almost USD 30 million (27 at least) beside USD 13 million
    // is more than the total of USD 37.1 million; almost 26 (23.4) is not.
    for (almost, above) in [(30_000_000, true), (26_000_000, false)] {
        let p = problems_after(|v| {
            v["themes"][0]["amount"] = json!({"value": almost, "stated": "almost"});
            v["themes"][1]["amount"] = json!({"value": 13000000, "stated": "exact"});
        });
        let said: Vec<_> = p.iter().map(ToString::to_string).collect();
        assert_eq!(
            said.iter()
                .any(|s| s.contains("add up to more than the total")),
            above,
            "{almost}: {said:#?}"
        );
    }
}

#[test]
fn a_total_is_exact_or_about_never_a_bound() {
    for (stated, ok) in [
        ("exact", true),
        ("about", true),
        ("more_than", false),
        ("almost", false),
    ] {
        let p = problems_after(|v| v["contribution"]["total_stated"] = json!(stated));
        if ok {
            assert!(p.is_empty(), "{stated}: {p:#?}");
        } else {
            assert_one(
                &p,
                "contribution.total_stated",
                &format!("\"{stated}\" is not allowed here: use one of exact, about"),
            );
        }
    }
}

#[test]
fn rule_total_positive() {
    let p = problems_after(|v| v["contribution"]["total"] = json!(0));
    assert_one(&p, "contribution.total", "0 must be more than 0");
}

#[test]
fn rule_known_currency() {
    let p = problems_after(|v| v["contribution"]["currency"] = json!("XYZ"));
    assert_one(&p, "contribution.currency", "unknown currency \"XYZ\"");
    // Any active ISO 4217 code, in either case, with its minor digits.
    for (code, digits) in [
        ("INR", 2),
        ("kes", 2),
        ("XOF", 0),
        ("KWD", 3),
        ("BRL", 2),
        ("VED", 2),
        ("XDR", 2),
        ("HRK", 2),
    ] {
        let mut v = default_value();
        v["contribution"]["currency"] = json!(code);
        let ds = parse(&v.to_string()).unwrap_or_else(|p| panic!("{code}: {p:#?}"));
        assert_eq!(ds.contribution.currency, code.to_ascii_uppercase());
        assert_eq!(ds.minor_digits(), digits, "{code}");
    }
    let all: Vec<_> = super::dataset::currencies().collect();
    assert!(all.len() > 150, "{}", all.len());
    assert!(all
        .iter()
        .all(|(c, _)| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())));
    // Every code with other digits is a code at all.
    for code in ["JPY", "KRW", "CLP", "BHD", "TND"] {
        assert!(all.iter().any(|(c, d)| *c == code && *d != 2), "{code}");
    }
}

#[test]
fn rule_amounts_in_the_currency_units() {
    // A franc CFA has no cents: 1,234,567.89 would be shown as 1,234,568.
    let p = problems_after(|v| {
        v["contribution"]["currency"] = json!("XOF");
        v["contribution"]["total"] = json!(1_234_567.89);
    });
    assert_one(
        &p,
        "contribution.total",
        "1234567.89 has more decimal places than the currency has (0)",
    );
    let p = problems_after(|v| {
        v["regions"][0] = json!({"id": "a", "name": {"en": "A"}, "amount": {"value": 1000.005, "stated": "exact"}});
    });
    assert_one(&p, "regions[0].amount.value", "(2)");
    // Cents are cents, whatever their binary fractions.
    for cents in [0.1, 14_840_306.8, 0.29, 1_234_567.01] {
        let p = problems_after(|v| {
            v["regions"][0] = json!({"id": "a", "name": {"en": "A"}, "amount": {"value": cents, "stated": "exact"}});
        });
        assert!(p.is_empty(), "{cents}: {p:#?}");
    }
}

#[test]
fn rule_announced_date() {
    let p = problems_after(|v| v["contribution"]["announced"] = json!("2021-02-30"));
    assert_one(
        &p,
        "contribution.announced",
        "\"2021-02-30\" is not a day that exists (check the month and day)",
    );
    for form in ["2021-2-3", "03/02/2021", "2021-02-30x"] {
        let p = problems_after(|v| v["contribution"]["announced"] = json!(form));
        assert_one(
            &p,
            "contribution.announced",
            "is not a date in the form YYYY-MM-DD",
        );
    }
}

#[test]
fn rule_plausible_year() {
    let p = problems_after(|v| v["contribution"]["operations_year"] = json!(21));
    assert_one(
        &p,
        "contribution.operations_year",
        "21 is not a plausible year",
    );
}

#[test]
fn rule_regions_not_empty() {
    let p = problems_after(|v| v["regions"] = json!([]));
    assert_one(&p, "regions", "must not be empty");
}

#[test]
fn rule_unique_ids() {
    let p = problems_after(|v| v["regions"][2]["id"] = json!("asia-x"));
    assert!(p.is_empty());
    let p = problems_after(|v| v["regions"][2]["id"] = json!("mena-europe"));
    assert_one(
        &p,
        "regions[2].id",
        "the id \"mena-europe\" is used more than once",
    );
    let p = problems_after(|v| v["themes"][0]["id"] = json!("asia"));
    assert_one(&p, "themes[0].id", "used more than once");
}

#[test]
fn rule_id_format() {
    let p = problems_after(|v| v["regions"][0]["id"] = json!("Sub Saharan"));
    assert_one(&p, "regions[0].id", "is not a valid id");
    let p = problems_after(|v| v["id"] = json!(""));
    assert_one(&p, "id", "is not a valid id");
}

#[test]
fn rule_reserved_remainder_id() {
    let p = problems_after(|v| v["regions"][0]["id"] = json!("unattributed"));
    assert_one(
        &p,
        "regions[0].id",
        "reserved for the unattributed remainder",
    );
}

#[test]
fn rule_english_required() {
    let p = problems_after(|v| v["regions"][0]["name"] = json!({"fr": "Afrique subsaharienne"}));
    assert_one(&p, "regions[0].name", "English text (\"en\") is required");
}

#[test]
fn rule_locale_tags() {
    let p = problems_after(|v| v["regions"][0]["name"]["French"] = json!("Afrique"));
    assert_one(&p, "regions[0].name.French", "is not a language tag");
}

#[test]
fn rule_region_needs_a_figure() {
    let p = problems_after(|v| {
        v["regions"][2].as_object_mut().unwrap().remove("share");
    });
    assert_one(&p, "regions[2]", "needs a share, an amount or both");
}

#[test]
fn rule_amount_not_above_total() {
    let p = problems_after(|v| {
        v["themes"][0]["amount"] = json!({"value": 50000000, "stated": "exact"})
    });
    assert!(p.iter().any(
        |p| p.path == "themes[0].amount.value" && p.to_string().contains("more than the total")
    ));
}

/// The problems when the second region has only an amount of `value` and the
/// third an amount as well, so that the two meet in the sums.
fn amount_beside_another(value: f64) -> Vec<Problem> {
    problems_after(|v| {
        v["regions"][1]["amount"] = json!({"value": value, "stated": "exact"});
        v["regions"][1].as_object_mut().map(|r| r.remove("share"));
        v["regions"][2]["amount"] = json!({"value": 7400000, "stated": "about"});
    })
}

#[test]
fn an_amount_with_extra_zeros_is_one_problem() {
    // Above the total: said once, not again by the sums it would break.
    let p = amount_beside_another(740_000_000_000.0);
    assert_one(&p, "regions[1].amount.value", "more than the total");
    let p = problems_after(|v| {
        v["themes"][0]["amount"] = json!({"value": 740_000_000_000.0, "stated": "exact"});
        v["themes"][1]["amount"] = json!({"value": 10000000, "stated": "about"});
    });
    assert_one(&p, "themes[0].amount.value", "more than the total");
}

#[test]
fn figures_past_what_money_is_counted_in_are_refused() {
    // 1e20 saturated in cents, and beside another amount its sum overflowed
    // (a panic in check-data); past 2^53 cents no figure is exact anyway.
    let p = amount_beside_another(1e20);
    assert_one(
        &p,
        "regions[1].amount.value",
        "100000000000000000000 is too large: the widget counts money exactly only up to 90071992547409",
    );
    // A negative one is negative first.
    let p =
        problems_after(|v| v["regions"][2]["amount"] = json!({"value": -1e20, "stated": "exact"}));
    assert_one(&p, "regions[2].amount.value", "must not be negative");
    // A total past it: said once, and nothing is measured against it.
    let p = problems_after(|v| v["contribution"]["total"] = json!(1e17));
    assert_one(&p, "contribution.total", "is too large");
    // The limit is in the currency's minor unit: a yen has none.
    let p = problems_after(|v| {
        v["contribution"]["currency"] = json!("JPY");
        v["contribution"]["total"] = json!(9_007_199_254_740_992.0);
    });
    assert_one(&p, "contribution.total", "only up to 9007199254740991");
    let p = problems_after(|v| {
        v["contribution"]["currency"] = json!("JPY");
        v["contribution"]["total"] = json!(9_007_199_254_740_990.0);
    });
    assert!(
        p.iter().all(|p| !p.to_string().contains("too large")),
        "{p:#?}"
    );
}

#[test]
fn rule_amounts_sum_not_above_total() {
    let p = problems_after(|v| {
        v["themes"][0]["amount"] = json!({"value": 20000000, "stated": "exact"});
        v["themes"][1]["amount"] = json!({"value": 20000000, "stated": "exact"});
    });
    // Without shares, the amounts are also the themes' shares (107.8%), as for regions.
    let said: Vec<_> = p.iter().map(|p| (p.path.as_str(), p.to_string())).collect();
    assert_eq!(said.len(), 2, "{said:#?}");
    assert!(said.iter().all(|(path, _)| *path == "themes"));
    assert!(said[0].1.contains("add up to 107.8%"), "{said:#?}");
    assert!(
        said[1].1.contains("add up to more than the total"),
        "{said:#?}"
    );
}

#[test]
fn rule_share_and_amount_of_one_part_agree() {
    // Asia: 20 % of USD 37,100,767. USD 7.4\u{a0}million is 19.95 %: rounding.
    let p = problems_after(|v| {
        v["regions"][2]["amount"] = json!({"value": 7400000, "stated": "exact"})
    });
    assert!(p.is_empty(), "{p:#?}");
    // USD 10\u{a0}million is 27 %: the two figures cannot both be true.
    let p = problems_after(|v| {
        v["regions"][2]["amount"] = json!({"value": 10000000, "stated": "exact"})
    });
    assert_one(
        &p,
        "regions[2].amount.value",
        "the amount is 27% of the total, which does not agree with the stated share",
    );
    // "More than 40 %" agrees with USD 20\u{a0}million (54 %), not with 10\u{a0}million.
    let p = problems_after(|v| {
        v["regions"][0]["amount"] = json!({"value": 20000000, "stated": "exact"})
    });
    assert!(p.is_empty(), "{p:#?}");
    let p = problems_after(|v| {
        v["regions"][0]["amount"] = json!({"value": 10000000, "stated": "about"})
    });
    assert_one(&p, "regions[0].amount.value", "27% of the total");
    // Themes too.
    let p = problems_after(|v| {
        v["themes"][0]["share"] = json!({"value": 0.5, "stated": "almost"});
        v["themes"][0]["amount"] = json!({"value": 30000000, "stated": "exact"});
    });
    assert_one(&p, "themes[0].amount.value", "80.9% of the total");
}

#[test]
fn rule_theme_links_resolve() {
    let p = problems_after(|v| v["themes"][1]["regions"] = json!(["asia", "atlantis"]));
    assert_one(
        &p,
        "themes[1].regions[1]",
        "no region has the id \"atlantis\"",
    );
    let p = problems_after(|v| v["themes"][1]["beneficiaries"] = json!(["martians"]));
    assert_one(
        &p,
        "themes[1].beneficiaries[0]",
        "no beneficiary group has the id \"martians\"",
    );
}

#[test]
fn rule_sources_not_empty_and_urls() {
    let p = problems_after(|v| v["sources"] = json!([]));
    assert_one(&p, "sources", "must not be empty");
    let p = problems_after(|v| v["sources"][0]["url"] = json!("javascript:alert(1)"));
    assert_one(&p, "sources[0].url", "is not an http(s) URL");
    let p = problems_after(|v| v["sources"][0]["date"] = json!("12/03/2021"));
    assert_one(&p, "sources[0].date", "not a date");
    let p = problems_after(|v| v["sources"][0]["title"] = json!(" "));
    assert_one(&p, "sources[0].title", "must not be empty");
    let p = problems_after(|v| v["sources"][2]["title_translated"]["French"] = json!("Titre"));
    assert_one(
        &p,
        "sources[2].title_translated.French",
        "not a language tag",
    );
    // A translated title needs no English: the title itself is that.
    let p = problems_after(|v| v["sources"][0]["title_translated"] = json!({ "fr": "Titre" }));
    assert!(p.is_empty(), "{p:#?}");
    let p = problems_after(|v| v["sources"][0]["title_translated"] = json!("Titre"));
    assert_one(
        &p,
        "sources[0].title_translated",
        "expected texts by language",
    );
}

#[test]
fn a_source_title_is_shown_in_the_readers_language_where_one_is_given() {
    let ds = default_dataset();
    // Our words for the Japanese page, given in every language the widget offers.
    let ours = &ds.sources[2];
    let fr = ours.title_for("fr");
    assert_eq!((fr.text, fr.lang), ("Version japonaise de l’annonce", "fr"));
    let ja = ours.title_for("ja");
    assert_eq!((ja.text, ja.lang), ("発表の日本語版", "ja"));
    // English, and a language without a translation, get the title as given,
    // marked with its language (English here, though the page is Japanese).
    for locale in ["en", "de"] {
        let t = ours.title_for(locale);
        assert_eq!(
            (t.text, t.lang),
            ("Japanese version of the announcement", "en")
        );
    }
    // A published title stays as published, in the source's language.
    let published = ds.sources[0].title_for("ja");
    assert_eq!(published.lang, "en");
    assert!(published
        .text
        .starts_with("Japan Provides USD 37.1 Million"));
    // A blank translation falls back to the title.
    let mut blank = ours.clone();
    if let Some(t) = blank.title_translated.as_mut() {
        t.0.insert("fr".into(), " ".into());
    }
    assert_eq!(blank.title_for("fr").lang, "en");
}

#[test]
fn rule_types_and_missing_fields_name_their_path() {
    let p = problems_after(|v| v["regions"][1]["share"]["value"] = json!("35%"));
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].path, "regions[1].share.value");
    assert!(
        p[0].kind
            .to_string()
            .starts_with("expected a number, found the text \"35%\""),
        "{}",
        p[0]
    );
    let p = problems_after(|v| {
        v["contribution"].as_object_mut().unwrap().remove("total");
    });
    assert_eq!(p[0].path, "contribution.total");
    assert!(
        p[0].to_string()
            .starts_with("contribution.total: this field is required but missing (line "),
        "{}",
        p[0]
    );
    let p = problems_after(|v| v["regions"][0]["share"]["stated"] = json!("roughly"));
    assert_eq!(p[0].path, "regions[0].share.stated");
    assert_eq!(
        p[0].kind
            .to_string()
            .split(" (line")
            .next()
            .unwrap_or_default(),
        "\"roughly\" is not a way the source can state a figure: use one of exact, about, \
         more_than, at_least, at_most, less_than, almost, at_most_about, at_least_about"
    );
}

#[test]
fn a_dataset_may_leave_out_regions_when_a_theme_states_a_figure() {
    let p = problems_after(|v| {
        v.as_object_mut().unwrap().remove("regions");
    });
    assert_eq!(p[0].to_string(), "regions: must not be empty");
    let mut v: serde_json::Value = serde_json::from_str(DEFAULT_DATA).unwrap();
    v.as_object_mut().unwrap().remove("regions");
    v["themes"][0]["share"] = json!({"value": 0.5, "stated": "about"});
    let ds = crate::model::load::read_dataset(&v.to_string()).unwrap();
    assert!(ds.regions.is_empty());
}

#[test]
fn rule_unknown_fields_are_rejected() {
    let p = problems_after(|v| v["regions"][0]["shares"] = json!(0.4));
    assert_eq!(p.len(), 1);
    assert!(
        p[0].to_string()
            .contains("\"shares\" is not a field here (check its spelling)"),
        "{}",
        p[0]
    );
}

#[test]
fn syntax_errors_give_line_and_column() {
    // A comma missing at a line's end: where it goes, not at the next field.
    let p = parse("{\n  \"id\": \"x\"\n  \"oops\": 1\n}").unwrap_err();
    assert_eq!(
        p[0].to_string(),
        "the file is not valid JSON at line 2 column 12: a comma is missing here: \
         values and fields are separated by commas"
    );
    assert_eq!(p[0].kind.parser_detail(), Some("expected `,` or `}`"));
}

#[test]
fn size_limit_applies_before_parsing_and_bom_is_accepted() {
    let big = " ".repeat(MAX_BYTES + 1);
    let p = parse(&big).unwrap_err();
    assert!(matches!(p[0].kind, ProblemKind::TooLarge { .. }));
    let with_bom = format!("\u{feff}{DEFAULT_DATA}");
    assert!(parse(&with_bom).is_ok());
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let p = problems_after(|v| {
        v["contribution"]["currency"] = json!("XYZ");
        v["regions"][0]["share"]["value"] = json!(1.4);
        v["sources"][0]["url"] = json!("ftp://x");
    });
    assert!(p.len() >= 3, "{p:#?}");
}

#[test]
fn rule_sums_are_exact_not_floating_point() {
    // 0.1 + 0.2 > 0.3 in floating point; in cents it is equal and valid.
    let p = problems_after(|v| {
        v["contribution"]["total"] = json!(0.3);
        v["regions"] = json!([
            {"id": "a", "name": {"en": "A"}, "amount": {"value": 0.1, "stated": "exact"}},
            {"id": "b", "name": {"en": "B"}, "amount": {"value": 0.2, "stated": "exact"}}
        ]);
        v["themes"] = json!([]);
    });
    assert!(p.is_empty(), "{p:#?}");
}

#[test]
fn rule_shares_and_amounts_together_stay_within_the_total() {
    // 90 % by share plus 90 % of the total by amount: the parts overlap.
    let p = problems_after(|v| {
        v["regions"][0]["share"] = json!({"value": 0.9, "stated": "exact"});
        v["regions"][1] = json!({
            "id": "mena-europe", "name": {"en": "MENA"},
            "amount": {"value": 33390690.3, "stated": "exact"}
        });
        v["regions"][2]["share"] = json!({"value": 0.05, "stated": "at_most"});
    });
    assert!(
        p.iter()
            .any(|p| p.path == "regions" && p.to_string().contains("more than 100%")),
        "{p:#?}"
    );
}

#[test]
fn the_bundled_data_is_the_file_without_its_indentation() {
    let file = include_str!("../../static/data/japan-iom-2021.json");
    let pretty: Value = serde_json::from_str(file).unwrap();
    assert_eq!(default_value(), pretty);
    // The same values (strings keep their own spaces), on one line, shorter.
    assert!(!DEFAULT_DATA.contains('\n'));
    assert!(!DEFAULT_DATA.contains("\": "));
    assert!(DEFAULT_DATA.len() + 1_500 < file.len());
}

#[test]
fn a_series_given_as_one_dataset_is_named_for_what_it_is() {
    // An embedder pointing `src` at the widget's own series file got "unknown
    // field `years`, expected one of …".
    let problems = read_dataset(include_str!("../../static/data/japan-iom-series.json"))
        .expect_err("a series is not one dataset");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::IsSeries);
    assert!(
        problems[0].to_string().contains("series of years"),
        "{}",
        problems[0]
    );
}

/// A file of the corpus's good datasets, compiled in (as the describe tests
/// do): a path from `env!("CARGO_MANIFEST_DIR")` pointed at the checkout that
/// built the test binary, which cargo may reuse for another checkout of the
/// same sources.
fn good(name: &str) -> Dataset {
    let text = match name {
        "about-shares-add-to-101" => {
            include_str!("../../tests/data/good/about-shares-add-to-101.json")
        }
        "amount-bounds" => include_str!("../../tests/data/good/amount-bounds.json"),
        "third-in-words-033" => include_str!("../../tests/data/good/third-in-words-033.json"),
        "themes-only-empty-regions" => {
            include_str!("../../tests/data/good/themes-only-empty-regions.json")
        }
        "themes-only-no-regions-key" => {
            include_str!("../../tests/data/good/themes-only-no-regions-key.json")
        }
        _ => panic!("no good dataset {name} here"),
    };
    crate::model::load::read_dataset(text).unwrap()
}

#[test]
fn rounded_shares_a_little_over_the_whole_are_drawn_as_a_whole() {
    // "about 34 %, about 34 %, about 33 %": 101 %, within the rounding "about" allows.
    let ds = good("about-shares-add-to-101");
    let marks = derive::region_marks(&ds);
    assert_eq!(marks.len(), 3, "no rest is left");
    let figures: Vec<i64> = marks.iter().map(|p| p.share.value).collect();
    assert_eq!(
        figures,
        [340_000, 340_000, 330_000],
        "the figures stay as stated"
    );
    let drawn: i64 = marks.iter().map(Part::drawn_ppm).sum();
    assert!((PPM - 3..=PPM).contains(&drawn), "{drawn}");
    // Past the rounding, it is refused with what to do.
    let p = problems_after(|v| {
        v["regions"][0]["share"] = json!({"value": 0.7, "stated": "exact"});
        v["regions"][1]["share"] = json!({"value": 0.4, "stated": "about"});
    });
    assert!(
        p.iter()
            .any(|p| p.to_string().contains("mark rounded ones as about")),
        "{p:?}"
    );
}

#[test]
fn themes_only_make_no_region_rest_and_say_so() {
    for name in ["themes-only-empty-regions", "themes-only-no-regions-key"] {
        let ds = good(name);
        assert!(
            derive::region_marks(&ds).is_empty(),
            "{name}: no 100 % rest"
        );
        assert!(!derive::theme_marks(&ds).is_empty());
        let csv = crate::export::csv::regions(&Describer::new(&ds, Locale::En));
        assert!(!csv.contains(derive::REMAINDER_ID), "{csv}");
        let summary = Describer::new(&ds, Locale::En).summary();
        assert!(
            summary.contains("The source gives no breakdown of the total by region."),
            "{summary}"
        );
        assert!(!summary.contains("unattributed to any region"), "{summary}");
        // The region view's picture says so too, rather than showing a lone total.
        let d = Describer::new(&ds, Locale::En);
        let svg = crate::export::svg::render(&d, crate::export::Breakdown::Region, true).svg;
        // (On its lines: the start of `Msg::NoRegionBreakdown`.)
        assert!(
            svg.contains("The source gives no breakdown of the money by region"),
            "{svg}"
        );
        assert!(!svg.contains("<path"), "{svg}");
    }
}

#[test]
fn the_rest_beside_almost_is_bounded_by_the_tenth_almost_leaves() {
    // Amounts of EUR 30 million: at least 4.25, more than 2.36, at most 1.24,
    // exactly 1.234567, almost 9.99, less than 0.149999, about 7.777777.
    let ds = good("amount-bounds");
    let marks = derive::region_marks(&ds);
    let rest = marks.iter().find(|p| p.is_remainder()).unwrap();
    let left = rest.drawn_ppm();
    // "Almost" leaves at most a tenth of its figure; "at most" and "less
    // than" all of theirs.
    let e = to_ppm(9_990_000.0 / 30_000_000.0);
    let open = e / 10 + to_ppm(1_240_000.0 / 30_000_000.0) + to_ppm(149_999.0 / 30_000_000.0);
    assert!((rest.share.value - (left + open)).abs() <= 2, "{rest:?}");
    assert!(
        rest.share.value < 200_000,
        "not about 48 %: {}",
        rest.share.value
    );
    let e = marks.iter().find(|p| p.id() == "e").unwrap();
    let d = Describer::new(&ds, Locale::En);
    assert_eq!(
        d.open_note(e),
        Some("The source gives this amount only as an upper bound: the striped part of its mark may not belong to it.")
    );
}

#[test]
fn a_third_in_words_may_be_written_to_the_digits_the_editor_chose() {
    let ds = good("third-in-words-033");
    assert_eq!(ds.regions[0].share.map(|s| s.value), Some(1.0 / 3.0));
    let part = derive::region_parts(&ds)[0];
    assert_eq!(part.share.value, 333_333);
    let d = Describer::new(&ds, Locale::En);
    assert_eq!(d.part_share(&part), "about one third");
}

#[test]
fn a_share_worked_out_to_a_third_is_rounded_not_said_in_words() {
    // About USD 12.37 million of USD 37,100,767 is 333,333 ppm: a share the
    // source did not give, rounded to two digits as any other worked out
    // from an approximate figure, not "one third" nor "33.3%".
    let mut v = default_value();
    v["regions"][0] = json!({
        "id": "sub-saharan-africa", "name": {"en": "Sub-Saharan Africa"},
        "amount": {"value": 12366922, "stated": "about"}
    });
    let ds = parse(&v.to_string()).unwrap();
    let part = derive::region_parts(&ds)[0];
    assert_eq!(part.share.value, 333_333);
    assert!(!part.words);
    assert_eq!(
        Describer::new(&ds, Locale::En).part_share(&part),
        "about 33%"
    );
}

#[test]
fn themes_are_held_to_the_sum_rule_of_regions() {
    // 80 % stated as a share, half of the total as an amount: 130 % of the
    // whole, which the chart by theme scaled down to one and then stated as
    // 80 % and 50 %. The amount counts where there is no share, for themes
    // as for regions.
    let p = problems_after(|v| {
        v["themes"][0]["share"] = json!({"value": 0.8, "stated": "exact"});
        v["themes"][1]["amount"] = json!({"value": 18550383.5, "stated": "exact"});
    });
    assert_one(&p, "themes", "add up to 130%");
    let p = problems_after(|v| {
        v["regions"][0]["share"] = json!({"value": 0.8, "stated": "exact"});
        v["regions"][1]["amount"] = json!({"value": 18550383.5, "stated": "exact"});
        v["regions"][1].as_object_mut().map(|r| r.remove("share"));
    });
    assert_one(&p, "regions", "add up to 150%");
}
