//! Languages in headless Chromium: what the browser's `Intl` makes of our
//! figures in each locale, and the widget mounted in each language.
#![cfg(target_arch = "wasm32")]
// Test code may panic: a panic is how a test fails.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funding_breakdown::i18n::intl::IntlFmt;
use funding_breakdown::i18n::Locale;
use funding_breakdown::model::Minor;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::*;

async fn mount_lang(id: &str, lang: &str, data: Option<String>) -> web_sys::Element {
    mount_with(id, Some(lang), data).await
}

wasm_bindgen_test_configure!(run_in_browser);

const NBSP: char = '\u{a0}';

/// What `Intl` gives for the 2021 figures, per locale: share, full total,
/// full 40 % amount, compact total, compact 40 % amount, announcement date.
const EXPECTED: [(Locale, [&str; 6]); 4] = [
    (
        Locale::En,
        [
            "40%",
            "USD 37,100,767",
            "USD 14,840,306.80",
            "USD 37.1 million",
            "USD 14.8 million",
            "12 March 2021",
        ],
    ),
    (
        Locale::Fr,
        [
            "40 %",
            "37 100 767 USD",
            "14 840 306,80 USD",
            "37,1 millions USD",
            "14,8 millions USD",
            "12 mars 2021",
        ],
    ),
    (
        Locale::Es,
        [
            "40 %",
            "37.100.767 USD",
            "14.840.306,80 USD",
            "37,1 millones USD",
            "14,8 millones USD",
            "12 de marzo de 2021",
        ],
    ),
    (
        Locale::Ja,
        [
            "40%",
            "37,100,767米ドル",
            "14,840,306.80米ドル",
            "3,710万米ドル",
            "1,480万米ドル",
            "2021年3月12日",
        ],
    ),
];

#[wasm_bindgen_test]
fn intl_formats_the_2021_figures_in_each_locale() {
    for (locale, want) in EXPECTED {
        let f = IntlFmt::new(locale);
        let got = [
            f.percent(400_000),
            f.money(Minor(3_710_076_700), 2, "USD"),
            f.money(Minor(1_484_030_680), 2, "USD"),
            f.money_short(Minor(3_710_076_700), 2, "USD"),
            f.money_short(Minor(1_484_030_680), 2, "USD"),
            f.date("2021-03-12"),
        ];
        let got: Vec<String> = got.iter().map(|s| plain(s)).collect();
        assert_eq!(got, want, "{locale:?}");
    }
}

/// The native formatter, which writes the pre-rendered pages at build time,
/// writes what the browser's `Intl` writes, in every language: the static
/// page reads exactly as the live widget that replaces it.
#[wasm_bindgen_test]
fn the_native_formatter_writes_what_intl_writes() {
    use funding_breakdown::i18n::format::Fmt;
    let percents = [
        400_000, 350_000, 50_000, 333_333, 2_500, 1_000_000, 12_345, 999_600,
    ];
    // Minor units, with the currency's minor digits.
    let usd = [
        3_710_076_700,
        1_484_030_680,
        185_503_835,
        1_298_526_845,
        742_015_340,
        85_000_000,
        123_400,
        1_234_567,
        100_000_000,
        190_000_000,
        250_000_000_000,
        100_000_000_000,
        150_000_000_000,
        999_000_000,
        // Rounding carries into the next unit: 999.96 million, 9,999.6万.
        99_996_000_000,
        9_999_600_000,
    ]
    .map(|minor| (minor, 2, "USD"));
    let amounts = usd.iter().copied().chain([(3_710_076_700, 0, "JPY")]);
    for locale in Locale::ALL {
        let (native, intl) = (Fmt::new(locale), IntlFmt::new(locale));
        for ppm in percents {
            assert_eq!(native.percent(ppm), intl.percent(ppm), "{locale:?} {ppm}");
        }
        for (minor, digits, currency) in amounts.clone() {
            let m = Minor(minor);
            let at = format!("{locale:?} {minor} {currency}");
            assert_eq!(
                native.money(m, digits, currency),
                intl.money(m, digits, currency),
                "{at}"
            );
            assert_eq!(
                native.money_short(m, digits, currency),
                intl.money_short(m, digits, currency),
                "{at}"
            );
        }
        for date in ["2021-03-12", "2019-01-01", "2024-12-31", "2021-13-01"] {
            assert_eq!(native.date(date), intl.date(date), "{locale:?} {date}");
        }
        for tag in ["en", "fr", "es", "ja"] {
            assert_eq!(
                native.language_name(tag),
                intl.language_name(tag),
                "{locale:?} {tag}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn intl_keeps_a_number_and_its_currency_together() {
    // Deliberate: the no-break space `Intl` puts after "USD" stays, so a
    // line never ends between the code and its number.
    let en = IntlFmt::new(Locale::En);
    assert!(en
        .money_short(Minor(3_710_076_700), 2, "USD")
        .starts_with(&format!("USD{NBSP}37.1")));
    let fr = IntlFmt::new(Locale::Fr);
    assert!(fr
        .money(Minor(3_710_076_700), 2, "USD")
        .ends_with(&format!("{NBSP}USD")));
}

#[wasm_bindgen_test]
fn intl_follows_the_shared_rounding_rules() {
    let en = IntlFmt::new(Locale::En);
    // Decimals: none when whole, one, two below 1 %.
    assert_eq!(en.percent(333_333), "33.3%");
    assert_eq!(en.percent(2_500), "0.25%");
    assert_eq!(plain(&IntlFmt::new(Locale::Fr).percent(333_333)), "33,3 %");
    // Compact: three significant digits, at most one decimal; whole units below a million.
    assert_eq!(
        plain(&en.money_short(Minor(185_503_835), 2, "USD")),
        "USD 1.9 million"
    );
    assert_eq!(
        plain(&en.money_short(Minor(12_345_600_000), 2, "USD")),
        "USD 123 million"
    );
    assert_eq!(
        plain(&en.money_short(Minor(85_000_000), 2, "USD")),
        "USD 850,000"
    );
    assert_eq!(
        IntlFmt::new(Locale::Ja).money_short(Minor(185_503_835), 2, "USD"),
        "186万米ドル"
    );
    // A value that is not a date is shown as it is, not as "Invalid Date".
    assert_eq!(en.date("2021-02-30x"), "2021-02-30x");
    assert_eq!(en.year(2021), "2021");
}

#[wasm_bindgen_test]
fn intl_names_languages_in_the_reader_language() {
    assert_eq!(IntlFmt::new(Locale::En).language_name("ja"), "Japanese");
    assert_eq!(IntlFmt::new(Locale::Fr).language_name("en"), "anglais");
    assert_eq!(IntlFmt::new(Locale::Es).language_name("ja"), "japonés");
    assert_eq!(IntlFmt::new(Locale::Ja).language_name("en"), "英語");
    // A tag Intl rejects is shown as it is.
    assert_eq!(IntlFmt::new(Locale::En).language_name("x"), "x");
}

/// Per locale: the region name, the legend's qualified amount and the tab labels.
const SEEN: [(&str, &str, &str, [&str; 5]); 4] = [
    (
        "en",
        "Sub-Saharan Africa",
        "more than USD 14.8 million",
        ["By region", "By theme", "Table", "Sources", "Years"],
    ),
    (
        "fr",
        "Afrique subsaharienne",
        "plus de 14,8 millions USD",
        ["Par région", "Par thème", "Tableau", "Sources", "Années"],
    ),
    (
        "es",
        "África subsahariana",
        "más de 14,8 millones USD",
        ["Por región", "Por tema", "Tabla", "Fuentes", "Años"],
    ),
    (
        "ja",
        "サブサハラ・アフリカ",
        "1,480万米ドル超",
        ["地域別", "テーマ別", "表", "出典", "年別"],
    ),
];

#[wasm_bindgen_test]
async fn the_widget_speaks_the_language_asked_for() {
    for (i, (tag, region, amount, tabs)) in SEEN.into_iter().enumerate() {
        let root = mount_lang(&format!("l{i}"), tag, None).await;
        let widget = one(&root, ".fb-root");
        assert_eq!(widget.get_attribute("lang").as_deref(), Some(tag));
        let ssa = one(&root, ".fb-legend button[data-id=sub-saharan-africa]");
        assert_eq!(text(&one(&ssa, ".fb-legend-name")), region);
        assert_eq!(text(&one(&ssa, ".fb-legend-amount")), amount);
        let labels: Vec<String> = all(&root, "[role=tab]").iter().map(text).collect();
        assert_eq!(labels, tabs, "{tag}");
        // The switch shows the current language, every language under its own name.
        let names: Vec<String> = all(&root, ".fb-lang-select option")
            .iter()
            .map(text)
            .collect();
        assert_eq!(names, ["English", "Français", "Español", "日本語"]);
        let select = one(&root, ".fb-lang-select");
        let select = select.dyn_ref::<web_sys::HtmlSelectElement>().unwrap();
        assert_eq!(select.value(), tag);
        // No dataset text fell back: nothing inside is marked as another language.
        assert!(
            all(&root, ".fb-head [lang], .fb-legend [lang]").is_empty(),
            "{tag}"
        );
    }
}

#[wasm_bindgen_test]
async fn japanese_qualifiers_follow_the_figure() {
    let root = mount_lang("lja", "ja", None).await;
    let summary = text(&one(&root, ".fb-summary"));
    assert!(
        summary.starts_with("日本政府は、IOMの2021年の活動に3,710万米ドルを配分しました。"),
        "{summary}"
    );
    assert!(summary.contains("サブサハラ・アフリカが40%超"), "{summary}");
    let rest = one(&root, ".fb-legend button[data-id=unattributed]");
    assert!(text(&rest).contains("5%以下"), "{}", text(&rest));
    assert!(text(&one(&root, ".fb-head")).contains("2021年3月12日発表"));
    // The total in the donut hole, as Intl writes it.
    let hole: String = all(&root, ".fb-donut-total").iter().map(text).collect();
    assert_eq!(hole, "3,710万米ドル");
    click(&one(&root, "[role=tab][data-view=table]"));
    yew::scheduler::flush().await;
    let row = text(&one(&root, "table tr[data-id=sub-saharan-africa]"));
    assert!(row.contains("14,840,306.80米ドル超"), "{row}");
    assert!(row.contains("下限（超）"), "{row}");
}

#[wasm_bindgen_test]
async fn dataset_text_missing_in_the_language_falls_back_to_marked_english() {
    // Asia without its French name or description.
    let data = data_with(&[
        ("\"fr\": \"Asie\",", ""),
        (
            "\"fr\": \"Un cinquième du total, en pourcentage arrondi\\u202f; aucun pays n’est cité.\",",
            "",
        ),
    ]);
    let root = mount_lang("lfb", "fr", Some(data)).await;
    let name = one(&root, ".fb-legend button[data-id=asia] .fb-legend-name");
    let english = one(&name, "[lang=en]");
    assert_eq!(text(&english), "Asia");
    // Its neighbours are in French and unmarked.
    let ssa = one(
        &root,
        ".fb-legend button[data-id=sub-saharan-africa] .fb-legend-name",
    );
    assert_eq!(text(&ssa), "Afrique subsaharienne");
    assert!(ssa.query_selector("[lang]").unwrap().is_none());
    // Inside the French summary too.
    assert_eq!(text(&one(&root, ".fb-summary [lang=en]")), "Asia");
    assert!(text(&one(&root, ".fb-summary")).contains("; Asia (20 %)."));
    click(&one(&root, ".fb-legend button[data-id=asia]"));
    yew::scheduler::flush().await;
    let detail = one(&root, ".fb-detail");
    assert_eq!(text(&one(&detail, ".fb-detail-name [lang=en]")), "Asia");
    assert!(text(&one(&detail, ".fb-detail-description [lang=en]")).starts_with("One fifth"));
    assert!(text(&detail).contains("Part"), "labels stay French");
}

#[wasm_bindgen_test]
async fn sources_name_languages_and_keep_the_link_in_the_sentence() {
    let root = mount_lang("lsrc", "fr", None).await;
    click(&one(&root, "[role=tab][data-view=sources]"));
    yew::scheduler::flush().await;
    let items = all(&root, ".fb-source");
    assert_eq!(items.len(), 3);
    let first = text(&items[0]);
    assert!(
        first.starts_with("IOM : Japan Provides USD 37.1 Million"),
        "{first}"
    );
    assert!(
        first.ends_with("(publié le 12 mars 2021 ; en anglais)"),
        "{first}"
    );
    assert!(text(&items[2]).contains("date non renseignée ; en japonais"));
    let links = all(&root, ".fb-source a");
    assert_eq!(links.len(), 3);
    // A published title stays as published, marked as English.
    assert_eq!(links[0].get_attribute("lang").as_deref(), Some("en"));
    // Our words for the Japanese page are in French, marked so, and the link
    // says it opens a Japanese page.
    // It opens a new tab, which screen readers are told in the reader's
    // language (visually hidden).
    assert_eq!(
        text(&links[2]),
        "Version japonaise de l’annonce (s’ouvre dans un nouvel onglet)"
    );
    let hidden = one(&links[2], ".fb-sr-only");
    assert_eq!(hidden.get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(links[2].get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(links[2].get_attribute("hreflang").as_deref(), Some("ja"));
}

#[wasm_bindgen_test]
async fn data_problems_are_explained_in_the_reader_language() {
    let data = data_with(&[("\"value\": 0.4", "\"value\": 1.4")]);
    let root = mount_lang("lerr", "ja", Some(data)).await;
    let alert = text(&one(&root, "[role=alert]"));
    assert!(
        alert.contains("この資金配分の内訳を表示できません"),
        "{alert}"
    );
    assert!(
        alert.contains("regions[0].share.value：1.4は140%になります"),
        "{alert}"
    );
    assert_eq!(
        one(&root, ".fb-root").get_attribute("lang").as_deref(),
        Some("ja")
    );

    // A syntax error in the reader's words, with its place; the browser's
    // own English message is left to the console.
    let root = mount_lang("lerr2", "es", Some("{ not json".to_owned())).await;
    let alert = text(&one(&root, "[role=alert]"));
    assert!(
        alert.contains("el archivo no es JSON válido en la línea 1, columna "),
        "{alert}"
    );
    assert!(
        !alert.contains("Unexpected") && !alert.contains("JSON.parse"),
        "{alert}"
    );
    assert!(one(&root, "[role=alert]")
        .query_selector("li [lang=en]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
fn figures_quoted_in_messages_are_javascripts_shortest_text() {
    use funding_breakdown::i18n::format::number;
    // What Rust's `{}` writes too, without core's float printing in the wasm.
    assert_eq!(number(1.4), "1.4");
    assert_eq!(number(-3.0), "-3");
    assert_eq!(number(0.1 + 0.2), "0.30000000000000004");
    assert_eq!(number(37_100_767.0), "37100767");
    // Where the two differ: JavaScript switches to exponent notation.
    assert_eq!(number(1e21), "1e+21");
    assert_eq!(number(1e-7), "1e-7");
}

#[wasm_bindgen_test]
async fn what_a_selection_shows_is_formatted_while_the_browser_is_idle() {
    use funding_breakdown::describe::Describer;
    use funding_breakdown::i18n::intl::formatted_len;
    // A dataset and language no other test formats, so what changes is this widget's.
    let json = include_str!("data/good/jpy-amounts-and-themes.json");
    let root = mount_lang("idle", "es", Some(json.to_owned())).await;
    assert!(!all(&root, "path.fb-mark").is_empty());
    let mounted = formatted_len();
    // requestIdleCallback's deadline is 2 s.
    gloo_timers::future::TimeoutFuture::new(2_500).await;
    let idle = formatted_len();
    assert!(
        idle > mounted,
        "nothing formatted ahead: {mounted} -> {idle}"
    );
    // Everything a selection of the first marks needs is there already.
    let ds = funding_breakdown::web::read_dataset(json).unwrap();
    Describer::new(&ds, Locale::Es).selection_phrases(12);
    assert_eq!(formatted_len(), idle);
}
