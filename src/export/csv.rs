//! CSV files of the figures (RFC 4180): comma-separated, CRLF line ends,
//! fields quoted when they hold a quote, comma or line break, quotes doubled.
//! UTF-8 with a byte order mark, so spreadsheet programs read Japanese
//! names correctly. Text that a spreadsheet would run as a formula is
//! defused as OWASP recommends: quoted, with a `'` in front.

use crate::describe::Describer;
use crate::i18n::format::fraction;
use crate::i18n::{Locale, Msg};
use crate::model::derive::{self, Part};
use crate::model::{Minor, Series, Slot};

/// Columns of both files. Machine names, the same in every language, so a
/// script can read any of them; the names of the parts are in the reader's.
/// `*_origin` says whether the source states the figure (`stated`) or the
/// widget worked it out (`derived`: an amount from a share, a share from an
/// amount, the rest), which the table says in words; last, so the columns
/// before them keep their places.
pub const HEADER: &str =
    "id,name,share,share_stated,amount,amount_stated,currency,source_url,share_origin,amount_origin";

/// The `*_origin` value of a figure.
fn origin(stated: bool) -> &'static str {
    if stated {
        "stated"
    } else {
        "derived"
    }
}

/// Starts of text a spreadsheet program may take for a formula (OWASP's
/// list, plus the full-width forms Japanese input produces).
const FORMULA_STARTS: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
];

/// Appends `value` as one CSV text field.
pub fn push_text(out: &mut String, value: &str) {
    let formula = value.starts_with(FORMULA_STARTS);
    if !formula && !value.contains(['"', ',', '\r', '\n']) {
        out.push_str(value);
        return;
    }
    out.push('"');
    if formula {
        out.push('\'');
    }
    for c in value.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

/// An amount in major units with the currency's minor digits: "14840306.80".
pub fn major(amount: Minor, digits: u32) -> String {
    let scale = 10i64.pow(digits);
    let sign = if amount.0 < 0 { "-" } else { "" };
    let whole = (amount.0 / scale).unsigned_abs();
    if digits == 0 {
        return format!("{sign}{whole}");
    }
    let frac = (amount.0 % scale).unsigned_abs();
    format!("{sign}{whole}.{frac:0width$}", width = digits as usize)
}

/// A CSV file of `parts`, one row each.
fn table(d: &Describer<'_>, parts: &[Part<'_>]) -> String {
    let ds = d.ds;
    let digits = ds.minor_digits();
    let source = ds.sources.first().map_or("", |s| s.url.as_str());
    let mut out = String::with_capacity(128 * (parts.len() + 1));
    out.push('\u{feff}');
    out.push_str(HEADER);
    out.push_str("\r\n");
    for p in parts {
        push_text(&mut out, p.id());
        out.push(',');
        push_text(&mut out, &d.name(p).text);
        out.push(',');
        out.push_str(&fraction(p.share.value));
        out.push(',');
        out.push_str(p.share.stated.as_str());
        out.push(',');
        out.push_str(&major(p.amount.value, digits));
        out.push(',');
        out.push_str(p.amount.stated.as_str());
        out.push(',');
        push_text(&mut out, &ds.contribution.currency);
        out.push(',');
        push_text(&mut out, source);
        out.push(',');
        out.push_str(origin(p.share_is_stated));
        out.push(',');
        out.push_str(origin(p.amount_is_stated));
        out.push_str("\r\n");
    }
    out
}

/// Regions and the unattributed rest, in the donut's order (data order, the
/// rest after the last lower bound); past nine parts the chart's bars are
/// sorted by size, the file keeps this order.
pub fn regions(d: &Describer<'_>) -> String {
    table(d, &derive::region_marks(d.ds))
}

/// Columns of the series file: one row per operations year, gaps included
/// with empty figures (never a zero). `facts` is what the source states
/// about the split, in the reader's language, as the Years table shows it.
pub const YEARS_HEADER: &str = "year,total,total_stated,currency,country_count,facts,source_url";

/// The series as CSV, one row per year from the first to the last.
pub fn years(series: &Series, locale: Locale) -> String {
    let mut out = String::with_capacity(256 * (series.years.len() + 2));
    out.push('\u{feff}');
    out.push_str(YEARS_HEADER);
    out.push_str("\r\n");
    for slot in series.slots() {
        out.push_str(&slot.year().to_string());
        match slot {
            Slot::Year(ds) => {
                let d = Describer::new(ds, locale);
                let c = &ds.contribution;
                out.push(',');
                out.push_str(&major(derive::total(ds), ds.minor_digits()));
                out.push(',');
                out.push_str(c.total_stated.as_str());
                out.push(',');
                push_text(&mut out, &c.currency);
                out.push(',');
                if let Some(n) = c.country_count {
                    out.push_str(&n.to_string());
                }
                out.push(',');
                push_text(&mut out, &d.facts_line());
                out.push(',');
                push_text(&mut out, ds.sources.first().map_or("", |s| s.url.as_str()));
            }
            Slot::Gap(_) => {
                out.push_str(",,,,,");
                push_text(&mut out, locale.text(Msg::YearGap));
                out.push(',');
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// Themes with stated amounts or shares and their rest; None when the data
/// states no theme figure (there is then nothing to put in the file).
pub fn themes(d: &Describer<'_>) -> Option<String> {
    let parts = derive::theme_marks(d.ds);
    (!parts.is_empty()).then(|| table(d, &parts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::model::{Dataset, Stated, StatedAmount, Text, DEFAULT_DATA};

    fn bundled() -> Dataset {
        crate::model::load::read_dataset(DEFAULT_DATA).expect("the bundled dataset parses")
    }

    fn field(value: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, value);
        out
    }

    /// A small RFC 4180 reader, to check what the writer writes reads back.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') if cell.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        assert!(!quoted, "unterminated quoted field");
        if !cell.is_empty() || !row.is_empty() {
            row.push(cell);
            rows.push(row);
        }
        rows
    }

    #[test]
    fn plain_text_is_written_as_is() {
        assert_eq!(field("Asia"), "Asia");
        assert_eq!(field("サブサハラ・アフリカ"), "サブサハラ・アフリカ");
        assert_eq!(field(""), "");
    }

    #[test]
    fn quotes_commas_and_line_breaks_are_quoted() {
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(
            field("Middle East, and Europe"),
            "\"Middle East, and Europe\""
        );
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("two\r\nlines"), "\"two\r\nlines\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(field("=1+2"), "\"'=1+2\"");
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(field("+1"), "\"'+1\"");
        assert_eq!(field("-1"), "\"'-1\"");
        assert_eq!(field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(field("\tx"), "\"'\tx\"");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("＝1+2"), "\"'＝1+2\"");
        // Only the start matters: a formula sign inside text is harmless.
        assert_eq!(field("a=b"), "a=b");
        assert_eq!(field("e-mail"), "e-mail");
    }

    #[test]
    fn escaped_fields_read_back_to_what_was_written_after_the_guard() {
        let nasty = ["=cmd|' /C calc'!A0", "a,b", "\"q\"", "x\r\ny", "-2+3"];
        let mut line = String::new();
        for (i, v) in nasty.iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            push_text(&mut line, v);
        }
        line.push_str("\r\n");
        let rows = parse(&line);
        assert_eq!(
            rows,
            [vec![
                "'=cmd|' /C calc'!A0".to_owned(),
                "a,b".into(),
                "\"q\"".into(),
                "x\r\ny".into(),
                "'-2+3".into(),
            ]]
        );
    }

    #[test]
    fn amounts_keep_the_currency_minor_digits() {
        assert_eq!(major(Minor(1_484_030_680), 2), "14840306.80");
        assert_eq!(major(Minor(3_710_076_700), 2), "37100767.00");
        assert_eq!(major(Minor(5), 2), "0.05");
        assert_eq!(major(Minor(1234), 0), "1234");
        assert_eq!(major(Minor(-150), 2), "-1.50");
    }

    #[test]
    fn the_regions_file_has_every_region_and_the_rest_with_qualifiers() {
        let ds = bundled();
        let csv = regions(&Describer::new(&ds, Locale::En));
        assert!(csv.starts_with('\u{feff}'), "BOM first");
        assert!(csv.ends_with("\r\n"));
        assert!(!csv.replace("\r\n", "").contains('\n'), "CRLF only");
        let rows = parse(&csv);
        let url =
            "https://www.iom.int/news/japan-provides-usd-371-million-support-iom-operations-2021";
        let row = |cells: [&str; 7], share: &str, amount: &str| {
            let mut r: Vec<String> = cells.iter().map(|c| (*c).to_owned()).collect();
            r.extend([url, share, amount].map(str::to_owned));
            r
        };
        assert_eq!(rows[0].join(","), HEADER);
        assert_eq!(
            rows[1..],
            [
                row(
                    [
                        "sub-saharan-africa",
                        "Sub-Saharan Africa",
                        "0.4",
                        "more_than",
                        "14840306.80",
                        "more_than",
                        "USD"
                    ],
                    "stated",
                    "derived"
                ),
                row(
                    [
                        "unattributed",
                        "Not attributed by the source",
                        "0.05",
                        "at_most",
                        "1855038.35",
                        "at_most",
                        "USD"
                    ],
                    "derived",
                    "derived"
                ),
                row(
                    [
                        "mena-europe",
                        "Middle East and North Africa, and Europe",
                        "0.35",
                        "exact",
                        "12985268.45",
                        "about",
                        "USD"
                    ],
                    "stated",
                    "derived"
                ),
                row(
                    ["asia", "Asia", "0.2", "exact", "7420153.40", "about", "USD"],
                    "stated",
                    "derived"
                ),
            ]
        );
    }

    #[test]
    fn a_third_in_words_is_a_third_of_the_total_to_the_cent() {
        // 2023: "one third" of about USD 36.3 million to the response in
        // Ukraine. The share is written to six decimals, as every share is;
        // the amounts are those of the exact third, not of 0.333333.
        let series = crate::model::load::read_series(include_str!(
            "../../static/data/japan-iom-series.json"
        ))
        .expect("the series parses");
        let ds = series.year(2023).expect("2023 is in the series");
        let rows = parse(&regions(&Describer::new(ds, Locale::En)));
        let figures = |r: &[String]| r[2..6].join(",");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1][0], "ukraine-response");
        assert_eq!(figures(&rows[1]), "0.333333,exact,12100000.00,about");
        assert_eq!(rows[1][8..], ["stated", "derived"]);
        assert_eq!(rows[2][0], "unattributed");
        assert_eq!(figures(&rows[2]), "0.666667,exact,24200000.00,about");
        assert_eq!(rows[2][8..], ["derived", "derived"]);
    }

    #[test]
    fn names_are_in_the_reader_language() {
        let ds = bundled();
        let rows = parse(&regions(&Describer::new(&ds, Locale::Ja)));
        let names: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
        assert_eq!(names[0], "サブサハラ・アフリカ");
        assert_eq!(names[3], "アジア");
        // Figures and machine values stay the same in every language.
        assert_eq!(rows[1][2], "0.4");
        assert_eq!(rows[1][3], "more_than");
    }

    #[test]
    fn hostile_names_cannot_become_formulas() {
        let mut ds = bundled();
        ds.regions[1].name = Text::en("=HYPERLINK(\"http://evil\",\"click\")");
        ds.regions[2].name = Text::en("@SUM(1,2)\nnext");
        let csv = regions(&Describer::new(&ds, Locale::En));
        let rows = parse(&csv);
        assert_eq!(rows.len(), 5, "the line break stays inside its field");
        assert_eq!(rows[3][1], "'=HYPERLINK(\"http://evil\",\"click\")");
        assert_eq!(rows[4][1], "'@SUM(1,2)\nnext");
        for r in &rows {
            for cell in r {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@']),
                    "a cell starts a formula: {cell}"
                );
            }
        }
    }

    #[test]
    fn every_way_of_stating_has_its_machine_value() {
        let values: Vec<&str> = Stated::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            values,
            [
                "exact",
                "about",
                "more_than",
                "at_least",
                "at_most",
                "less_than",
                "almost",
                "at_most_about",
                "at_least_about"
            ]
        );
    }

    #[test]
    fn themes_get_a_file_only_when_the_data_states_their_amounts() {
        let mut ds = bundled();
        let d = Describer::new(&ds, Locale::En);
        assert_eq!(themes(&d), None);
        ds.themes[0].amount = Some(StatedAmount {
            value: 1_000_000.0,
            stated: Stated::AtLeast,
        });
        let csv = themes(&Describer::new(&ds, Locale::En)).expect("a themes file");
        let rows = parse(&csv);
        assert_eq!(rows[0].join(","), HEADER);
        assert_eq!(rows[1][0], ds.themes[0].id);
        assert_eq!(rows[1][4], "1000000.00");
        assert_eq!(rows[1][5], "at_least");
        // The amount is the source's; its share is worked out from it.
        assert_eq!(rows[1][8..], ["derived", "stated"]);
        assert_eq!(rows.last().map(|r| r[0].as_str()), Some("unattributed"));
    }
}
