//! The series file as the Years view and the opened years show it: every
//! partial year keeps exactly what its source states, with honest qualifiers.

use super::*;
use crate::model::derive::{self, MarkKind};
use crate::model::load::{read_dataset, read_series};
use crate::model::{Dataset, Stated, DEFAULT_DATA};

const SERIES: &str = include_str!("../../../static/data/japan-iom-series.json");

fn series() -> Series {
    read_series(SERIES).unwrap()
}

fn year(y: i32) -> Dataset {
    series().year(y).cloned().unwrap()
}

fn en(ds: &Dataset) -> Describer<'_> {
    Describer::new(ds, Locale::En)
}

fn part<'a>(parts: &[Part<'a>], id: &str) -> Part<'a> {
    *parts.iter().find(|p| p.id() == id).unwrap()
}

fn ids(parts: &[Part<'_>]) -> Vec<String> {
    parts.iter().map(|p| p.id().to_owned()).collect()
}

#[test]
fn the_series_has_every_year_of_the_facts_and_2020_as_a_gap() {
    let s = series();
    let years: Vec<i32> = s
        .years
        .iter()
        .map(|d| d.contribution.operations_year)
        .collect();
    assert_eq!(years, [2018, 2019, 2021, 2022, 2023, 2024, 2025]);
    let slots = s.slots();
    assert_eq!(slots.len(), 8);
    assert_eq!(slots.get(2), Some(&Slot::Gap(2020)));
    assert!(s.years.iter().all(|d| d.contribution.currency == "USD"));
    // Every total but 2021's is a rounded figure in its source.
    for ds in &s.years {
        let exact = ds.contribution.operations_year == 2021;
        assert_eq!(ds.total_is_exact(), exact, "{}", ds.id);
    }
}

#[test]
fn the_2021_entry_is_the_bundled_dataset() {
    let mut bundled = read_dataset(DEFAULT_DATA).unwrap();
    bundled.schema = None;
    assert_eq!(year(2021), bundled);
}

#[test]
fn year_2018_says_almost_half_in_every_language() {
    let ds = year(2018);
    let parts = derive::region_parts(&ds);
    let ssa = part(&parts, "sub-saharan-africa");
    assert_eq!(ssa.share.stated, Stated::Almost);
    assert_eq!(ssa.share.value, 500_000);
    assert!(ssa.words && ssa.share_is_stated && ssa.amount_is_stated);
    assert_eq!(ssa.amount.stated, Stated::About);
    let want = [
        (Locale::En, "almost half", "about USD\u{a0}14\u{a0}million"),
        (
            Locale::Fr,
            "presque la moitié",
            "environ 14\u{a0}millions\u{a0}USD",
        ),
        (
            Locale::Es,
            "casi la mitad",
            "alrededor de 14\u{a0}millones\u{a0}USD",
        ),
        (Locale::Ja, "半分近く", "約1,400万米ドル"),
    ];
    for (locale, share, amount) in want {
        let d = Describer::new(&ds, locale);
        assert_eq!(d.part_share(&ssa), share, "{locale:?}");
        // Natively as the browser's Intl writes it (tests/i18n_browser.rs).
        assert_eq!(d.part_amount(&ssa), amount, "{locale:?}");
    }
    // Below half, so the rest is at least half; Asia, MENA and Europe are
    // named without figures and get no mark.
    let marks = derive::region_marks(&ds);
    assert_eq!(ids(&marks), ["sub-saharan-africa", "unattributed"]);
    assert_eq!(marks[1].share.value, 500_000);
    assert_eq!(marks[1].share.stated, Stated::AtLeast);
    // Half of about USD 30.5 million is 15.25 million: a lower bound shown
    // rounded is rounded down, in every language, never up past the source;
    // and of a rounded total, it is itself approximate.
    for (locale, want) in [
        (Locale::En, "at least about USD\u{a0}15.2\u{a0}million"),
        (Locale::Fr, "au moins environ 15,2\u{a0}millions\u{a0}USD"),
        (Locale::Ja, "約1,520万米ドル以上"),
    ] {
        let d = Describer::new(&ds, locale);
        assert_eq!(d.part_amount(&marks[1]), want, "{locale:?}");
    }
    let d = en(&ds);
    assert_eq!(d.total_phrase(), "about USD\u{a0}30.5\u{a0}million");
    assert_eq!(
        d.total_fact(),
        "Total, rounded in the source: about USD\u{a0}30.5\u{a0}million"
    );
    assert!(!d.total_cell().contains("30,500,000"));
    assert_eq!(
        d.facts_line(),
        "Sub-Saharan Africa: almost half, about USD\u{a0}14\u{a0}million; Asia (named, no figure); \
         Middle East and North Africa (named, no figure); Europe (named, no figure)"
    );
    assert!(d.summary().starts_with(
        "Donor: Government of Japan. Recipient: IOM. Contributed to its operations in 2018: about USD\u{a0}30.5\u{a0}million."
    ));
}

#[test]
fn the_rest_says_what_its_bound_allows() {
    // 2018: an upper bound ("almost half") may leave more unattributed, and
    // the tenth below half is the open end of its mark.
    let ds = year(2018);
    let marks = derive::region_marks(&ds);
    assert_eq!(marks[0].open_ppm(), 50_000);
    assert!(
        !marks[0].wholly_open(),
        "almost: only its last tenth is open"
    );
    assert_eq!(
        marks[1].open_ppm(),
        0,
        "the rest is hatched whole, not striped"
    );
    let rest = en(&ds).description(&marks[1]).unwrap().text;
    assert!(rest.contains("may be larger than drawn"), "{rest}");
    assert!(!rest.contains("lower bound"), "{rest}");
    // 2021: a lower bound ("more than 40%") may have taken some of it.
    let ds = year(2021);
    let marks = derive::region_marks(&ds);
    assert!(marks.iter().all(|m| m.open_ppm() == 0));
    let rest = marks.iter().find(|m| m.is_remainder()).unwrap();
    let text = en(&ds).description(rest).unwrap().text;
    assert!(text.contains("given only as a lower bound"), "{text}");
    // "At most": all of it is open.
    let mut ds = year(2021);
    if let Some(s) = ds
        .regions
        .iter_mut()
        .find(|r| r.id == "asia")
        .and_then(|r| r.share.as_mut())
    {
        s.stated = Stated::AtMost;
    }
    let asia = *derive::region_marks(&ds)
        .iter()
        .find(|m| m.id() == "asia")
        .unwrap();
    assert!(asia.open_ppm() == asia.share.value && asia.wholly_open());
    // Approximate figures only: it says no more than that it is not attributed.
    let mut ds = year(2021);
    for r in &mut ds.regions {
        if let Some(s) = r.share.as_mut() {
            s.stated = Stated::About;
        }
    }
    let marks = derive::region_marks(&ds);
    let rest = marks.iter().find(|m| m.is_remainder()).unwrap();
    assert_eq!(rest.share.stated, Stated::About);
    assert_eq!(
        en(&ds).description(rest).unwrap().text,
        "The source does not say where this part of the total goes."
    );
}

#[test]
fn year_2019_states_a_share_and_an_amount() {
    let ds = year(2019);
    let d = en(&ds);
    let parts = derive::region_parts(&ds);
    let ssa = part(&parts, "sub-saharan-africa");
    assert_eq!(
        d.stated_figures(&ssa),
        "58%, about USD\u{a0}15.6\u{a0}million"
    );
    assert_eq!(
        ds.region("sub-saharan-africa").map(|r| r.countries.len()),
        Some(13)
    );
    assert_eq!(ds.named_regions.len(), 2);
}

#[test]
fn year_2022_is_a_lower_bound_and_two_named_regions() {
    let ds = year(2022);
    let d = en(&ds);
    let marks = derive::region_marks(&ds);
    assert_eq!(ids(&marks), ["sub-saharan-africa", "unattributed"]);
    let ssa = marks[0];
    assert_eq!(
        (ssa.share.value, ssa.share.stated),
        (600_000, Stated::MoreThan)
    );
    // Derived from a rounded total: shown rounded, and an approximate lower bound.
    assert_eq!(ssa.amount.stated, Stated::AtLeastAbout);
    assert_eq!(
        d.part_amount(&ssa),
        "at least about USD\u{a0}11.9\u{a0}million"
    );
    assert_eq!(d.part_share(&ssa), "more than 60%");
    assert_eq!(marks[1].share.stated, Stated::AtMost);
    assert_eq!(d.share(marks[1].share), "at most 40%");
    // 40 % of about USD 19.9 million (19.99 in the Japanese source): about 8
    // million at most, to the same digits in Japanese as in English.
    assert_eq!(
        d.part_amount(&marks[1]),
        "at most about USD\u{a0}8\u{a0}million"
    );
    assert_eq!(
        Describer::new(&ds, Locale::Ja).part_amount(&marks[1]),
        "約800万米ドル以下"
    );
    let named: Vec<&str> = ds.named_regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(named, ["asia", "mena"]);
    assert!(ds.named_regions.iter().all(|r| r.countries.is_empty()));
    // Both versions of the total: the one cited, and the Japanese one in a note.
    assert_eq!(d.total_phrase(), "about USD\u{a0}19.9\u{a0}million");
    let note = ds.contribution.total_note.as_ref().map(|t| d.data(t).text);
    assert!(note.is_some_and(|n| n.contains("19.99 million")));
    assert_eq!(
        d.facts_line(),
        "Sub-Saharan Africa: more than 60%; Asia (named, no figure); \
         Middle East and North Africa (named, no figure)"
    );
}

#[test]
fn year_2023_is_one_third_for_ukraine_and_three_named_regions() {
    let ds = year(2023);
    let d = en(&ds);
    let marks = derive::region_marks(&ds);
    assert_eq!(ids(&marks), ["ukraine-response", "unattributed"]);
    let ukraine = marks[0];
    assert_eq!(d.part_share(&ukraine), "one third");
    assert_eq!(
        Describer::new(&ds, Locale::Fr).part_share(&ukraine),
        "un tiers"
    );
    assert_eq!(
        Describer::new(&ds, Locale::Ja).part_share(&ukraine),
        "3分の1"
    );
    assert_eq!(ukraine.amount.stated, Stated::About);
    assert_eq!(d.part_amount(&ukraine), "about USD\u{a0}12.1\u{a0}million");
    assert_eq!(marks[1].share.value, 666_667);
    assert_eq!(ds.named_regions.len(), 3);
    assert_eq!(
        ds.contribution
            .country_count
            .map(|c| d.country_count(c))
            .as_deref(),
        Some("25 countries")
    );
    assert_eq!(
        d.facts_line(),
        "Response to the crisis in Ukraine: one third; Asia (named, no figure); \
         Middle East and North Africa (named, no figure); Sub-Saharan Africa (named, no figure)"
    );
}

#[test]
fn year_2024_has_a_combined_group_and_an_amount_only_country() {
    let ds = year(2024);
    let d = en(&ds);
    let marks = derive::region_marks(&ds);
    // The rest sits after the group whose "more than" may have taken it.
    assert_eq!(ids(&marks), ["africa-and-mena", "unattributed", "ukraine"]);
    assert_eq!(d.part_share(&marks[0]), "more than half");
    assert_eq!(
        Describer::new(&ds, Locale::Es).part_share(&marks[0]),
        "más de la mitad"
    );
    let ukraine = marks[2];
    assert!(!ukraine.share_is_stated && ukraine.amount_is_stated);
    assert_eq!(
        (ukraine.share.value, ukraine.share.stated),
        (203_125, Stated::About)
    );
    // 6.5 of 32 is 20.3 %, from two rounded figures: "about 20%".
    assert_eq!(d.part_share(&ukraine), "about 20%");
    assert_eq!(d.part_amount(&ukraine), "about USD\u{a0}6.5\u{a0}million");
    // "More than half" and Ukraine's "about" share leave at most about the
    // rest: the bound is no finer than the figure it was worked out from.
    assert_eq!(
        (marks[1].share.value, marks[1].share.stated),
        (296_875, Stated::AtMostAbout)
    );
    assert_eq!(d.part_share(&marks[1]), "at most about 30%");
    assert_eq!(
        d.part_amount(&marks[1]),
        "at most about USD\u{a0}9.5\u{a0}million"
    );
    for (locale, share) in [
        (Locale::Fr, "au plus environ 30\u{a0}%"),
        (Locale::Es, "como máximo alrededor del 30\u{a0}%"),
        (Locale::Ja, "約30%以下"),
    ] {
        assert_eq!(
            Describer::new(&ds, locale).part_share(&marks[1]),
            share,
            "{locale:?}"
        );
    }
    let ssa = ds.named_region("sub-saharan-africa").unwrap();
    assert_eq!(ssa.country_count, Some(12));
    assert_eq!(
        d.part_of(ssa).map(|t| t.text).as_deref(),
        Some("part of: Sub-Saharan Africa and the Middle East and North Africa, together")
    );
    // Without a gender, which the group's name ("Moyen-Orient…") may not share.
    let mena = ds.named_region("mena").unwrap();
    for (locale, start) in [
        (Locale::Fr, "partie de\u{a0}: "),
        (Locale::Es, "parte de: "),
    ] {
        let text = Describer::new(&ds, locale).part_of(mena).map(|t| t.text);
        assert!(
            text.as_deref().is_some_and(|t| t.starts_with(start)),
            "{text:?}"
        );
    }
    assert_eq!(ds.named_region("mena").unwrap().countries.len(), 4);
    assert_eq!(ds.named_region("asia").unwrap().part_of, None);
}

#[test]
fn year_2025_has_no_regional_split_and_a_theme_share() {
    let ds = year(2025);
    let d = en(&ds);
    assert!(ds.regions.is_empty());
    // By region, nothing: the source gives no split by region, so no mark
    // (not a whole ring "not attributed"); the view says so.
    assert!(derive::region_marks(&ds).is_empty());
    // By theme: about 60 % linked to TICAD 9, the rest about 40 %.
    let themes = derive::theme_marks(&ds);
    assert_eq!(ids(&themes), ["ticad-9", "unattributed"]);
    assert!(matches!(themes[0].kind, MarkKind::Theme(_)));
    assert_eq!(d.part_share(&themes[0]), "about 60%");
    assert_eq!(d.share(themes[1].share), "about 40%");
    assert!(ds.has_theme_amounts());
    assert_eq!(d.facts_line(), "Linked to TICAD 9: about 60%");
    assert_eq!(ds.contribution.country_count, Some(33));
    // Not "leaves 100% … unattributed" (in French "une part du total (100 %)").
    let summary = d.summary();
    assert!(
        summary.contains(". The source gives no breakdown of the total by region. "),
        "{summary}"
    );
    assert!(!summary.contains("100%"));
    // The theme split it does give follows.
    assert!(
        summary.ends_with(
            "By theme: Linked to TICAD 9, about 60%. The source leaves about 40% of the total \
             unattributed to any theme."
        ),
        "{summary}"
    );
    let fr = Describer::new(&ds, Locale::Fr).summary();
    assert!(
        fr.contains("La source ne donne aucune répartition du total par région. "),
        "{fr}"
    );
    assert!(fr.contains("Par thème\u{a0}: "), "{fr}");
}

#[test]
fn the_rest_of_figures_in_words_is_in_words() {
    // 2023: "one third" to the response in Ukraine leaves two thirds.
    let ds = year(2023);
    let marks = derive::region_marks(&ds);
    let rest = part(&marks, "unattributed");
    assert_eq!(rest.share.value, 666_667);
    assert!(rest.words);
    assert_eq!(en(&ds).part_share(&rest), "two thirds");
    assert_eq!(
        Describer::new(&ds, Locale::Fr).part_share(&rest),
        "les deux tiers"
    );
    assert_eq!(Describer::new(&ds, Locale::Ja).part_share(&rest), "3分の2");
    // 2023 names Asia and two other regions without a figure: they may hold
    // some of the rest, so it is not "unattributed to any region".
    let summary = en(&ds).summary();
    assert!(
        summary.contains("The source's figures leave two thirds of the total without a region; the regions it names without a figure may have some of it."),
        "{summary}"
    );
    assert!(!summary.contains("unattributed"), "{summary}");
    // 2018: "almost half" leaves "at least half".
    let ds = year(2018);
    let marks = derive::region_marks(&ds);
    assert_eq!(
        en(&ds).part_share(&part(&marks, "unattributed")),
        "at least half"
    );
    // 2021: figures in numbers leave a number.
    let ds = year(2021);
    let marks = derive::region_marks(&ds);
    assert!(!part(&marks, "unattributed").words);
    assert_eq!(
        en(&ds).part_share(&part(&marks, "unattributed")),
        "at most 5%"
    );
}

/// The share of an amount-only part takes its qualifier from the amount: a
/// rounded or exact amount gives an approximate percentage; a bound stays
/// the same bound.
#[test]
fn amount_only_parts_get_the_qualifier_their_amount_allows() {
    let base = year(2024);
    let cases = [
        (Stated::About, Stated::About),
        (Stated::Exact, Stated::About),
        // Of a total the source rounds (about USD 32 million), a bound on
        // the amount bounds the share only roughly.
        (Stated::MoreThan, Stated::AtLeastAbout),
        (Stated::AtLeast, Stated::AtLeastAbout),
        (Stated::AtMost, Stated::AtMostAbout),
        (Stated::LessThan, Stated::AtMostAbout),
        (Stated::Almost, Stated::Almost),
    ];
    for (amount, share) in cases {
        let mut ds = base.clone();
        if let Some(a) = ds
            .regions
            .iter_mut()
            .find(|r| r.id == "ukraine")
            .and_then(|r| r.amount.as_mut())
        {
            a.stated = amount;
        }
        let parts = derive::region_parts(&ds);
        let ukraine = part(&parts, "ukraine");
        assert_eq!(ukraine.share.stated, share, "{amount:?}");
        assert_eq!(ukraine.amount.stated, amount);
        assert_eq!(ukraine.share.value, 203_125);
    }
    // A rounded amount is shown rounded even where the total is exact.
    let mut ds = year(2021);
    if let Some(asia) = ds.regions.iter_mut().find(|r| r.id == "asia") {
        asia.share = None;
        asia.amount = Some(crate::model::StatedAmount {
            value: 7_400_000.0,
            stated: Stated::About,
        });
    }
    let parts = derive::region_parts(&ds);
    let asia = part(&parts, "asia");
    // Worked out from a rounded amount: to two significant digits.
    assert_eq!(en(&ds).part_share(&asia), "about 20%");
    assert_eq!(
        en(&ds).part_amount(&asia),
        "about USD\u{a0}7.4\u{a0}million"
    );
}

#[test]
fn the_series_reads_as_one_paragraph() {
    let s = series();
    let text = summary(&s, Locale::En);
    assert!(
        text.starts_with(
            "Contributions by operations year: \
         2018, about USD\u{a0}30.5\u{a0}million; 2019, about USD\u{a0}27\u{a0}million; 2021, USD\u{a0}37.1\u{a0}million; "
        ),
        "{text}"
    );
    assert!(
        text.ends_with("2025, about USD\u{a0}55\u{a0}million. No announcement was found for 2020."),
        "{text}"
    );
    // Donor and recipient are the headline's, said just above it.
    assert!(
        summary(&s, Locale::Fr).starts_with("Contributions par année d’opérations\u{a0}: 2018"),
        "{}",
        summary(&s, Locale::Fr)
    );
    assert!(!text.contains("Donor"), "{text}");
    let ja = summary(&s, Locale::Ja);
    assert!(
        ja.contains("2020年については発表が見つかっていません。"),
        "{ja}"
    );
    let slots = s.slots();
    assert_eq!(
        slot_phrase(&slots[2], Locale::En),
        "2020: No announcement found"
    );
    assert_eq!(
        slot_phrase(&slots[0], Locale::En),
        "2018: about USD\u{a0}30.5\u{a0}million"
    );
}

#[test]
fn bars_are_proportional_to_the_totals() {
    let s = series();
    let max = max_total(&s);
    assert_eq!(max, Minor(5_500_000_000));
    assert_eq!(bar_length(max, max), BAR_FULL);
    assert_eq!(bar_length(derive::total(&year(2018)), max), 555);
    assert_eq!(bar_length(Minor(0), max), 0);
    assert_eq!(bar_length(max, Minor(0)), 0);
}

#[test]
fn japanese_amounts_are_no_more_precise_than_the_other_languages() {
    let ds = year(2021);
    let marks = derive::region_marks(&ds);
    let ja = Describer::new(&ds, Locale::Ja);
    let en = en(&ds);
    let short = |d: &Describer<'_>, id: &str| d.amount_short(part(&marks, id).amount);
    // 7.42 million is "7.4 million": in 万, 740, not 742 (three digits
    // of a figure worked out from a rounded 20 %).
    assert_eq!(short(&en, "asia"), "about USD\u{a0}7.4\u{a0}million");
    assert_eq!(short(&ja, "asia"), "約740万米ドル");
    // Bounds keep their direction: more than 14.84 million is more than
    // 1,480万; at most 1.855 million is at most 190万.
    assert_eq!(short(&ja, "sub-saharan-africa"), "1,480万米ドル超");
    assert_eq!(short(&ja, "unattributed"), "190万米ドル以下");
    assert_eq!(ja.total_short(), "3,710万米ドル");
}

#[test]
fn the_rest_says_that_named_regions_may_hold_it() {
    // 2018 names Asia, the Middle East and Europe without a figure: "the source
    // does not say where this goes" must not read as "to none of them".
    let note = en(&year(2018))
        .rest_named_note()
        .expect("2018 names regions");
    assert!(note.contains("names regions without"), "{note}");
    assert_eq!(en(&year(2021)).rest_named_note(), None);
}
