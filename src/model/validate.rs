//! Checks a parsed dataset against the rules its schema cannot express. Returns
//! every problem found, each with the JSON path of the value at fault.

use std::collections::BTreeSet;
use std::fmt;

use super::dataset::{minor_digits, Dataset};
use super::derive::REMAINDER_ID;
use super::json::{Expected, Found};
use super::share::{
    share_fits_amount, to_ppm, word_share, Minor, Stated, StatedAmount, StatedShare, PPM,
};
use super::text::{Text, FALLBACK_LOCALE};
use crate::i18n::format::{decimal, number, percent_decimals};

/// One problem in a data file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// JSON path such as `regions[2].share.value`; empty for the whole document.
    pub path: String,
    pub kind: ProblemKind,
}

/// What a syntax error's place shows (`load::syntax_hint`): the widget and
/// check-data find one place, then both look at the text there, so they say
/// the same words whichever parser stopped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SyntaxHint {
    /// A comma, quote or bracket, or nothing more telling.
    #[default]
    Punctuation,
    /// The file ends there.
    EndsEarly,
    /// A comment: `//`, `/*` or `#`.
    Comment,
    /// A single or typographic quote where JSON wants `"`.
    Quote,
    /// A value JSON does not have: a bare word (NaN, None), `+1`, `.35`, `40%`.
    Value,
    /// A line break or tab inside a string.
    Control,
    /// A straight double quote inside a text, which ended it.
    QuoteInText,
    /// A backslash in a text that starts no escape (`C:\data`).
    Escape,
    /// A comma missing between two values or fields (placed after the first).
    Comma,
    /// A colon missing after a field's name (placed after it).
    Colon,
    /// A comma before a closing bracket or after another comma.
    ExtraComma,
}

/// A syntax error's line around its place: `at` is the character there
/// (empty at the end of a line or of the file), `before` and `after` up to
/// [`EXCERPT_CHARS`] characters each, "…" where the line goes on. A web team
/// fixing its file in a CMS field without line numbers sees what to fix.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Excerpt {
    pub before: String,
    pub at: String,
    pub after: String,
}

/// Characters of the line shown on each side of a syntax error's place.
pub const EXCERPT_CHARS: usize = 30;

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The text is not JSON. `detail` is the parser's own English message
    /// (the browser's `JSON.parse`, or serde_json's): for the console and
    /// check-data, not for the reader, who gets plain words in their language.
    Syntax {
        detail: String,
        /// What the text shows at the error's place, for words that fit it.
        hint: SyntaxHint,
        /// The place's line, for the widget to show (`load::excerpt`).
        excerpt: Option<Box<Excerpt>>,
    },
    /// A problem at a line and column of the text: check-data finds it for
    /// any shape problem, the widget for a syntax error where it can.
    At {
        kind: Box<ProblemKind>,
        line: usize,
        column: usize,
    },
    /// Nothing but white space.
    EmptyFile,
    /// Nested deeper than `load::MAX_DEPTH`, first at this line.
    TooDeep {
        line: usize,
    },
    /// The text starts like an HTML page (the start shown).
    Html(String),
    /// The bytes are not UTF-8 from this line and column on.
    NotUtf8 {
        line: usize,
        column: usize,
    },
    /// A required field is absent (the path names it).
    MissingField,
    /// A field the object cannot have (the path names it); `allowed`, the
    /// ones it can, comma-separated.
    UnknownField {
        field: String,
        allowed: String,
    },
    /// A field given twice in one object.
    DuplicateField(String),
    /// A name that is not one of `allowed`; `stated`: the names are ways of
    /// stating a figure.
    UnknownValue {
        value: String,
        allowed: String,
        stated: bool,
    },
    /// A value of the wrong kind.
    WrongType {
        expected: Expected,
        found: Found,
    },
    /// The file is larger than the widget accepts.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotPositive(f64),
    NotFinite,
    Negative(f64),
    ShareAboveOne(f64),
    /// The least the shares can stand for adds up to more than the whole
    /// (ppm): this is their sum as stated.
    SharesSumAboveOne(i64),
    AmountAboveTotal,
    AmountsSumAboveTotal,
    /// A part's amount, which is this share of the total (ppm), cannot be
    /// true together with the share stated for the same part.
    ShareAmountDisagree {
        amount_ppm: i64,
        share_ppm: i64,
        stated: Stated,
    },
    UnknownCurrency(String),
    BadDate(String),
    /// In the form YYYY-MM-DD, but no such day (2023-02-30).
    NoSuchDate(String),
    BadYear(i32),
    Empty,
    MissingEnglish,
    BadLocaleTag(String),
    BadId(String),
    DuplicateId(String),
    ReservedId,
    UnknownRegion(String),
    UnknownBeneficiary(String),
    NoFigure,
    BadUrl(String),
    /// `words` on a share the widget has no words for.
    NoWords(f64),
    // Series files: several datasets, one per operations year.
    DuplicateYear(i32),
    YearsOutOfOrder,
    OtherCurrency(String),
    /// A series file where one year's dataset is wanted (an element's `src`).
    IsSeries,
    /// An amount with more decimals than its currency's minor unit (a yen
    /// has none): shown, it would be rounded without saying so.
    TooPrecise {
        value: f64,
        digits: u32,
    },
    /// A total or amount past 2^53 of its currency's minor unit: money is
    /// counted in whole minor units, which a larger figure cannot hold
    /// exactly (a typo with extra zeros); `max` is the most, in the currency.
    TooBig {
        value: f64,
        max: f64,
    },
}

/// A percentage as `Fmt` writes English ones (`percent_decimals`), without
/// bringing the native formatter into the wasm.
pub fn english_percent(ppm: i64) -> String {
    format!("{}%", decimal(ppm as f64 / 1e4, percent_decimals(ppm)))
}

/// A sum of shares, to one decimal at most: 221.7 %, not 221.6667 %.
pub fn sum_percent_ppm(ppm: i64) -> i64 {
    (ppm + 500).div_euclid(1_000) * 1_000
}

/// A share written as a percentage by mistake (45 for 45 %): what it would
/// be, in percent, and the fraction that means it.
pub fn as_percent(v: f64) -> (String, String) {
    let round = |x: f64| (x * 1e9).round() / 1e9;
    (number(round(v * 100.0)), number(round(v / 100.0)))
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind::*;
        match self {
            Syntax { .. } => write!(
                f,
                "the file is not valid JSON: a comma, quote or bracket is wrong or missing \
                 (cargo xtask check-data FILE names the place)"
            ),
            At { kind, line, column } => match **kind {
                Syntax { hint, .. } => write!(
                    f,
                    "the file is not valid JSON at line {line} column {column}: {}",
                    match hint {
                        SyntaxHint::Punctuation => "a comma, quote or bracket is wrong or missing",
                        SyntaxHint::EndsEarly =>
                            "the file ends there with a bracket or quote still open; \
                             add what is missing, or check that the whole file was saved",
                        SyntaxHint::Comment =>
                            "JSON does not allow comments (//, /* */ or #); remove the comment",
                        SyntaxHint::Quote =>
                            "texts and field names go between straight double quotes (\"), \
                             not ' or “ ”",
                        SyntaxHint::Comma =>
                            "a comma is missing here: values and fields are separated by commas",
                        SyntaxHint::Colon =>
                            "a colon (:) is missing here, between the field's name and its value",
                        SyntaxHint::ExtraComma =>
                            "this comma is one too many: none goes before a closing bracket \
                             or after another comma; remove it",
                        SyntaxHint::Escape =>
                            "a backslash (\\) in a text must start an escape such as \\n or \\\"; \
                             write a backslash itself as \\\\",
                        SyntaxHint::QuoteInText =>
                            "a straight double quote (\") inside a text ends it too early; \
                             write it as \\\" or use “ ”",
                        SyntaxHint::Value =>
                            "numbers are plain figures such as 0.35 or 1200 (no + or %), \
                             texts and field names go in double quotes, and outside quotes \
                             the only words allowed are true, false and null",
                        SyntaxHint::Control =>
                            "a text in quotes runs on to the next line or contains a tab; \
                             keep each text on one line up to its closing quote \
                             (write a line break as \\n, a tab as \\t)",
                    }
                ),
                ref kind => write!(f, "{kind} (line {line}, column {column})"),
            },
            EmptyFile => write!(f, "the file is empty"),
            TooDeep { line } => write!(
                f,
                "the JSON is nested more than {} levels deep (line {line}); \
                 a funding dataset needs fewer than 10",
                super::load::MAX_DEPTH
            ),
            Html(start) => write!(
                f,
                "the file looks like an HTML page, not JSON (it starts with \"{start}\"); \
                 check the address: servers often answer a wrong one with a web page"
            ),
            NotUtf8 { line, column } => write!(
                f,
                "the file is not valid UTF-8 text: line {line} column {column} is not UTF-8; \
                 save the file as UTF-8 (in your editor's Save As or encoding menu)"
            ),
            MissingField => write!(f, "this field is required but missing"),
            UnknownField { field, allowed } => write!(
                f,
                "\"{field}\" is not a field here (check its spelling); the fields here are: {allowed}"
            ),
            DuplicateField(field) => {
                write!(f, "\"{field}\" is given twice in this object; keep one")
            }
            UnknownValue {
                value,
                allowed,
                stated: true,
            } => write!(
                f,
                "\"{value}\" is not a way the source can state a figure: use one of {allowed}"
            ),
            UnknownValue { value, allowed, .. } => {
                write!(f, "\"{value}\" is not allowed here: use one of {allowed}")
            }
            WrongType { expected, found } => write!(f, "expected {expected}, found {found}"),
            TooLarge { bytes, limit } => {
                write!(f, "the file has {bytes} bytes; the limit is {limit} bytes")
            }
            NotPositive(v) => write!(f, "{} must be more than 0", number(*v)),
            NotFinite => write!(f, "must be a finite number"),
            Negative(v) => write!(f, "{} must not be negative", number(*v)),
            ShareAboveOne(v) => {
                let (percent, fraction) = as_percent(*v);
                write!(
                    f,
                    "{} would be {percent}%: shares are fractions, so write {fraction} for {}%",
                    number(*v),
                    number(*v)
                )
            }
            SharesSumAboveOne(ppm) => write!(
                f,
                "the shares, stated or worked out from amounts, add up to {}, more than 100% \
                 even with the rounding their qualifiers allow; correct a figure, or mark \
                 rounded ones as about",
                english_percent(sum_percent_ppm(*ppm))
            ),
            AmountAboveTotal => write!(f, "the amount is more than the total"),
            AmountsSumAboveTotal => write!(f, "the stated amounts add up to more than the total"),
            ShareAmountDisagree {
                amount_ppm,
                share_ppm,
                stated,
            } => {
                let share = crate::i18n::Locale::En.fill(
                    crate::i18n::share_msg(*stated),
                    &[("share", &english_percent(*share_ppm))],
                );
                write!(
                    f,
                    "the amount is {} of the total, which does not agree with the stated share, {share}",
                    english_percent(*amount_ppm)
                )
            }
            UnknownCurrency(c) => write!(f, "unknown currency \"{c}\" (use an ISO 4217 code such as \"USD\")"),
            BadDate(d) => write!(f, "\"{d}\" is not a date in the form YYYY-MM-DD"),
            NoSuchDate(d) => write!(f, "\"{d}\" is not a day that exists (check the month and day)"),
            BadYear(y) => write!(f, "{y} is not a plausible year"),
            Empty => write!(f, "must not be empty"),
            MissingEnglish => write!(f, "English text (\"en\") is required"),
            BadLocaleTag(t) => write!(f, "\"{t}\" is not a language tag such as \"en\" or \"pt-BR\""),
            BadId(id) => write!(
                f,
                "\"{id}\" is not a valid id (lowercase letters, digits and hyphens, starting with a letter)"
            ),
            DuplicateId(id) => write!(f, "the id \"{id}\" is used more than once"),
            ReservedId => write!(f, "the id \"{REMAINDER_ID}\" is reserved for the unattributed remainder"),
            UnknownRegion(id) => write!(f, "no region has the id \"{id}\""),
            UnknownBeneficiary(id) => write!(f, "no beneficiary group has the id \"{id}\""),
            NoFigure => write!(f, "a region needs a share, an amount or both"),
            BadUrl(u) => write!(f, "\"{u}\" is not an http(s) URL"),
            NoWords(v) => write!(
                f,
                "{} has no words: only half, one third and two thirds are said in words \
                 (write them as 0.5, 0.333333 and 0.666667, or to fewer digits such as 0.33)",
                number(*v)
            ),
            DuplicateYear(y) => write!(f, "the year {y} is in the series more than once"),
            YearsOutOfOrder => write!(f, "the years must be in ascending order"),
            IsSeries => write!(
                f,
                "this file is a series of years, not one year's data: src takes one year's \
                 dataset (the year attribute shows a year of the bundled series)"
            ),
            OtherCurrency(c) => write!(
                f,
                "every year must be in the currency of the first (\"{c}\"), so totals compare"
            ),
            TooPrecise { value, digits } => write!(
                f,
                "{} has more decimal places than the currency has ({digits})",
                number(*value)
            ),
            TooBig { value, max } => write!(
                f,
                "{} is too large: the widget counts money exactly only up to {}",
                number(*value),
                number(*max)
            ),
        }
    }
}

impl ProblemKind {
    /// A value that does not fit the schema's shape (what the readers find),
    /// which check-data places at a line and column.
    pub fn is_shape(&self) -> bool {
        use ProblemKind::*;
        matches!(
            self,
            MissingField
                | UnknownField { .. }
                | DuplicateField(_)
                | UnknownValue { .. }
                | WrongType { .. }
        )
    }

    /// The parser's own words for a syntax error, for the console and
    /// check-data (the reader sees plain words).
    pub fn parser_detail(&self) -> Option<&str> {
        match self {
            ProblemKind::Syntax { detail, .. } => Some(detail),
            ProblemKind::At { kind, .. } => kind.parser_detail(),
            _ => None,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}

/// Tolerance for sums of shares: shares are compared in ppm, so 1 ppm of slack
/// absorbs rounding in hand-written fractions such as 1/3.
const SUM_SLACK_PPM: i64 = 1;

/// What a part takes of the total for the sum that must not pass 100 %: its
/// figure (ppm) as stated, and the least it can stand for
/// (`Stated::range_ppm`: half a point of rounding, a tenth of the figure for
/// "about" and "almost", nothing for "at most"). Published splits are rounded ("about 34 %,
/// about 34 %, about 33 %"), so the sum is refused only when even the least
/// of each is more than the whole.
fn counted(ppm: i64, stated: Stated) -> (i64, i64) {
    let least = stated.range_ppm(ppm).0.clamp(0, ppm);
    // A part that may be nothing ("at most") is left out of the sum said too.
    let figure = if stated.is_upper_bound() && least == 0 {
        0
    } else {
        ppm
    };
    (figure, least)
}

/// What an amount stated this way counts for in the sum of amounts, which
/// must not pass the total: its figure, but nothing for an "at most" and nine
/// tenths for an "almost", the least they can stand for (as in `counted`).
fn least_amount(minor: Minor, stated: Stated) -> Minor {
    match stated {
        Stated::Almost => Minor(minor.0 - minor.0 / 10),
        s if s.is_upper_bound() => Minor(0),
        _ => minor,
    }
}

/// The contribution's total, as the parts are measured against it.
struct Total {
    /// Whether it can be counted: when not, it has been reported, and
    /// nothing is measured against it.
    ok: bool,
    major: f64,
    minor: Minor,
    /// The currency's minor digits.
    digits: u32,
}

/// What the parts of one list (regions, or themes) take of the total, in
/// exact units (ppm, minor units), never floats: 0.1 + 0.2 must not come out
/// above 0.3. Their figures are checked first, so the sums cannot overflow;
/// they saturate anyway, a guard (check-data once panicked on an amount of
/// 1e19 beside another).
#[derive(Default)]
struct Sums {
    /// The parts' figures, from their share or, failing that, their
    /// amount: what the chart lays end to end (`counted`).
    used_ppm: i64,
    /// The least the parts can stand for: what must not pass 100 %.
    least_ppm: i64,
    /// The amounts, each the least it can stand for (`least_amount`), in
    /// minor units.
    amounts: i64,
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem {
            path: path.into(),
            kind,
        });
    }

    /// The texts of a region or a named region at `at`: name, description, countries.
    fn place_texts(
        &mut self,
        at: &str,
        name: &Text,
        description: Option<&Text>,
        countries: &[Text],
    ) {
        self.text(&format!("{at}.name"), name);
        if let Some(d) = description {
            self.text(&format!("{at}.description"), d);
        }
        for (j, country) in countries.iter().enumerate() {
            self.text(&format!("{at}.countries[{j}]"), country);
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        match text.0.get(FALLBACK_LOCALE) {
            Some(t) if !t.trim().is_empty() => {}
            _ => self.push(path, ProblemKind::MissingEnglish),
        }
        self.tags(path, text);
    }

    /// Every language a text is given in must be a language tag.
    fn tags(&mut self, path: &str, text: &Text) {
        for tag in text.0.keys() {
            if !is_locale_tag(tag) {
                self.push(
                    format!("{path}.{tag}"),
                    ProblemKind::BadLocaleTag(tag.clone()),
                );
            }
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut BTreeSet<String>) {
        if id == REMAINDER_ID {
            self.push(path, ProblemKind::ReservedId);
        } else if !is_id(id) {
            self.push(path, ProblemKind::BadId(id.to_owned()));
        } else if !seen.insert(id.to_owned()) {
            self.push(path, ProblemKind::DuplicateId(id.to_owned()));
        }
    }

    /// An amount given to no more decimals than its currency has, and not
    /// past 2^53 of its minor unit; false after saying so: it cannot be counted.
    fn in_units(&mut self, path: &str, v: f64, digits: u32) -> bool {
        // The most minor units an f64 holds exactly (2^53 - 1).
        const MOST: f64 = 9_007_199_254_740_991.0;
        let scaled = v * 10f64.powi(digits as i32);
        if v.is_finite() && scaled.abs() > MOST {
            // In whole units of the currency: a figure with a fraction would print rounded.
            let max = (MOST / 10f64.powi(digits as i32)).floor();
            self.push(path, ProblemKind::TooBig { value: v, max });
            return false;
        }
        // Room for binary fractions (0.1 is not exactly a tenth), a few ulps.
        let slack = 64.0 * f64::EPSILON * scaled.abs().max(1.0);
        if v.is_finite() && (scaled - scaled.round()).abs() > slack {
            self.push(path, ProblemKind::TooPrecise { value: v, digits });
        }
        true
    }

    /// A number that must be finite and non-negative; returns whether it is.
    fn non_negative(&mut self, path: &str, v: f64) -> bool {
        if !v.is_finite() {
            self.push(path, ProblemKind::NotFinite);
            false
        } else if v < 0.0 {
            self.push(path, ProblemKind::Negative(v));
            false
        } else {
            true
        }
    }

    fn share(&mut self, path: &str, v: f64) -> bool {
        if !self.non_negative(path, v) {
            return false;
        }
        if v > 1.0 {
            self.push(path, ProblemKind::ShareAboveOne(v));
            return false;
        }
        true
    }

    /// A stated share: in [0, 1], with words only where there are words for it.
    fn stated_share(&mut self, path: &str, s: &StatedShare) -> bool {
        let ok = self.share(&format!("{path}.value"), s.value);
        if ok && s.words && word_share(s.value).is_none() {
            self.push(format!("{path}.words"), ProblemKind::NoWords(s.value));
        }
        ok
    }

    /// A part with both a share and an amount: both must be able to be true,
    /// or the widget would state two figures that contradict each other.
    fn agree(
        &mut self,
        path: &str,
        share: Option<StatedShare>,
        amount: &StatedAmount,
        part: Minor,
        total: Minor,
    ) {
        let ppm = part.ppm_of(total);
        let unit = Minor(1).ppm_of(total);
        if let Some(s) = share.filter(|s| !share_fits_amount(s, ppm, amount.stated, unit)) {
            self.push(
                path,
                ProblemKind::ShareAmountDisagree {
                    amount_ppm: ppm,
                    share_ppm: to_ppm(s.value),
                    stated: s.stated,
                },
            );
        }
    }

    /// The share and the amount of the part at `at` (a region or a theme):
    /// each checked, the two against each other and the total, and what the
    /// part takes of the total added to `sums`. Regions and themes are drawn
    /// alike (`derive::part_from`), so they are held to the same rules.
    fn part_figures(
        &mut self,
        at: &str,
        share: Option<StatedShare>,
        amount: Option<StatedAmount>,
        total: &Total,
        sums: &mut Sums,
    ) {
        let mut used = None;
        let mut share_ok = None;
        if let Some(s) = share {
            // Each part counts towards the sum that must not pass 100 % with
            // the least it can stand for: nothing for "at most", but nine
            // tenths for "almost" (`counted`).
            if self.stated_share(&format!("{at}.share"), &s) {
                share_ok = Some(s);
                used = Some(counted(to_ppm(s.value), s.stated));
            }
        }
        if let Some(a) = amount {
            let path = format!("{at}.amount.value");
            if self.non_negative(&path, a.value) && self.in_units(&path, a.value, total.digits) {
                let minor = Minor::from_major(a.value, total.digits);
                let above = total.ok && a.value > total.major;
                if above {
                    self.push(path.clone(), ProblemKind::AmountAboveTotal);
                } else if total.ok {
                    self.agree(&path, share_ok, &a, minor, total.minor);
                }
                // An amount above the total is reported on its own: in the
                // sums it would only add two more messages about one typo.
                if !above {
                    sums.amounts = sums.amounts.saturating_add(least_amount(minor, a.stated).0);
                    if share.is_none() && total.ok {
                        used = Some(counted(minor.ppm_of(total.minor), a.stated));
                    }
                }
            }
        }
        let (figure, least) = used.unwrap_or_default();
        sums.used_ppm = sums.used_ppm.saturating_add(figure);
        sums.least_ppm = sums.least_ppm.saturating_add(least);
    }

    /// The sums of the list `list` (regions or themes): its parts may not take
    /// more than the whole, nor its amounts add up to more than the total.
    fn sums(&mut self, list: &str, sums: &Sums, total: &Total) {
        if sums.least_ppm > PPM + SUM_SLACK_PPM {
            self.push(list, ProblemKind::SharesSumAboveOne(sums.used_ppm));
        }
        if total.ok && sums.amounts > total.minor.0 {
            self.push(list, ProblemKind::AmountsSumAboveTotal);
        }
    }

    fn date(&mut self, path: &str, d: &str) {
        if !is_date_form(d) {
            self.push(path, ProblemKind::BadDate(d.to_owned()));
        } else if !is_date(d) {
            self.push(path, ProblemKind::NoSuchDate(d.to_owned()));
        }
    }
}

/// Every problem in `ds`; empty when the dataset is fit to show.
pub fn validate(ds: &Dataset) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    if !is_id(&ds.id) {
        c.push("id", ProblemKind::BadId(ds.id.clone()));
    }

    let k = &ds.contribution;
    c.text("contribution.donor", &k.donor);
    c.text("contribution.recipient", &k.recipient);
    if let Some(short) = &k.recipient_short {
        c.text("contribution.recipient_short", short);
    }
    if !(1900..=2200).contains(&k.operations_year) {
        c.push(
            "contribution.operations_year",
            ProblemKind::BadYear(k.operations_year),
        );
    }
    if minor_digits(&k.currency).is_none() {
        c.push(
            "contribution.currency",
            ProblemKind::UnknownCurrency(k.currency.clone()),
        );
    }
    let mut total_ok = if !k.total.is_finite() {
        c.push("contribution.total", ProblemKind::NotFinite);
        false
    } else if k.total <= 0.0 {
        c.push("contribution.total", ProblemKind::NotPositive(k.total));
        false
    } else {
        true
    };
    if let Some(d) = &k.announced {
        c.date("contribution.announced", d);
    }
    if let Some(note) = &k.total_note {
        c.text("contribution.total_note", note);
    }

    let mut ids = BTreeSet::new();
    // A dataset needs some split of its total; a theme's figure is one (a
    // source may state nothing by region).
    let theme_figures = ds
        .themes
        .iter()
        .any(|t| t.share.is_some() || t.amount.is_some());
    if ds.regions.is_empty() && !theme_figures {
        c.push("regions", ProblemKind::Empty);
    }
    let digits = minor_digits(&k.currency).unwrap_or(2);
    // A total that cannot be counted is said once; what is measured against it is not.
    if total_ok {
        total_ok = c.in_units("contribution.total", k.total, digits);
    }
    let total = Total {
        ok: total_ok,
        major: k.total,
        minor: Minor::from_major(k.total, digits),
        digits,
    };
    let mut sums = Sums::default();
    for (i, r) in ds.regions.iter().enumerate() {
        let at = format!("regions[{i}]");
        c.id(&format!("{at}.id"), &r.id, &mut ids);
        c.place_texts(&at, &r.name, r.description.as_ref(), &r.countries);
        if r.share.is_none() && r.amount.is_none() {
            c.push(at.clone(), ProblemKind::NoFigure);
        }
        c.part_figures(&at, r.share, r.amount, &total, &mut sums);
    }
    c.sums("regions", &sums, &total);

    for (i, r) in ds.named_regions.iter().enumerate() {
        let at = format!("named_regions[{i}]");
        c.id(&format!("{at}.id"), &r.id, &mut ids);
        c.place_texts(&at, &r.name, r.description.as_ref(), &r.countries);
        if let Some(group) = r.part_of.as_ref().filter(|g| ds.region(g).is_none()) {
            c.push(
                format!("{at}.part_of"),
                ProblemKind::UnknownRegion(group.clone()),
            );
        }
    }

    let mut beneficiary_ids = BTreeSet::new();
    for (i, b) in ds.beneficiaries.iter().enumerate() {
        c.id(
            &format!("beneficiaries[{i}].id"),
            &b.id,
            &mut beneficiary_ids,
        );
        c.text(&format!("beneficiaries[{i}].name"), &b.name);
    }

    let mut sums = Sums::default();
    for (i, t) in ds.themes.iter().enumerate() {
        let at = format!("themes[{i}]");
        c.id(&format!("{at}.id"), &t.id, &mut ids);
        c.text(&format!("{at}.name"), &t.name);
        c.text(&format!("{at}.description"), &t.description);
        for (j, b) in t.beneficiaries.iter().enumerate() {
            if ds.beneficiary(b).is_none() {
                c.push(
                    format!("{at}.beneficiaries[{j}]"),
                    ProblemKind::UnknownBeneficiary(b.clone()),
                );
            }
        }
        for (j, r) in t.regions.iter().enumerate() {
            if ds.region(r).is_none() {
                c.push(
                    format!("{at}.regions[{j}]"),
                    ProblemKind::UnknownRegion(r.clone()),
                );
            }
        }
        c.part_figures(&at, t.share, t.amount, &total, &mut sums);
    }
    c.sums("themes", &sums, &total);

    if ds.sources.is_empty() {
        c.push("sources", ProblemKind::Empty);
    }
    for (i, s) in ds.sources.iter().enumerate() {
        let at = format!("sources[{i}]");
        if s.publisher.trim().is_empty() {
            c.push(format!("{at}.publisher"), ProblemKind::Empty);
        }
        if s.title.trim().is_empty() {
            c.push(format!("{at}.title"), ProblemKind::Empty);
        }
        if let Some(d) = &s.date {
            c.date(&format!("{at}.date"), d);
        }
        if !is_http_url(&s.url) {
            c.push(format!("{at}.url"), ProblemKind::BadUrl(s.url.clone()));
        }
        if let Some(t) = s.title_language.as_deref().filter(|t| !is_locale_tag(t)) {
            c.push(
                format!("{at}.title_language"),
                ProblemKind::BadLocaleTag(t.to_owned()),
            );
        }
        // Translations need no English: `title` is the text every reader
        // without one sees.
        if let Some(t) = &s.title_translated {
            c.tags(&format!("{at}.title_translated"), t);
        }
        if !is_locale_tag(&s.language) {
            c.push(
                format!("{at}.language"),
                ProblemKind::BadLocaleTag(s.language.clone()),
            );
        }
    }
    c.problems
}

/// Lowercase ASCII slug starting with a letter: safe in URLs, DOM ids and file names.
pub fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && s.len() <= 64
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-'))
}

/// A BCP 47-ish tag: 2–3 letter language, optional subtags of 2–8 alphanumerics.
pub fn is_locale_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_lowercase()));
    lang_ok
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Four digits, a hyphen, two digits, a hyphen, two digits.
pub fn is_date_form(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// YYYY-MM-DD with a month 1–12 and a day that exists in that month.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn is_http_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty() && !r.starts_with('/') && !r.chars().any(char::is_whitespace)
    })
}
