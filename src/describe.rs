//! Turns figures into reader-facing phrases through the message catalogue:
//! qualified shares and amounts, names of marks, the generated summary.
//! Pure, so every sentence the widget states is tested natively.

pub mod years;

use crate::i18n::format::{
    approximate_small, directed_ppm, directed_short, two_significant_percent, western_short, Toward,
};
use crate::i18n::{amount_msg, pieces, share_msg, word_share_msg, LocalFmt, Locale, Msg, Piece};
use crate::model::derive::{self, Part, Qualified};
use crate::model::validate::SyntaxHint;
use crate::model::{Dataset, MarkKind, Minor, ProblemKind, Stated, Status};

/// Everything needed to phrase figures of one dataset in one locale.
#[derive(Clone, Copy)]
pub struct Describer<'a> {
    pub ds: &'a Dataset,
    pub locale: Locale,
    /// `Intl` in the browser, `format::Fmt`'s rules natively.
    pub fmt: LocalFmt,
}

/// A piece of dataset text and the language it is really in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataText {
    pub text: String,
    /// Some("en") when the text fell back to another language than the widget's.
    pub lang: Option<String>,
}

impl<'a> Describer<'a> {
    pub fn new(ds: &'a Dataset, locale: Locale) -> Self {
        Describer {
            ds,
            locale,
            fmt: LocalFmt::new(locale),
        }
    }

    fn digits(&self) -> u32 {
        self.ds.minor_digits()
    }

    fn currency(&self) -> &str {
        &self.ds.contribution.currency
    }

    pub fn text(&self, msg: Msg) -> &'static str {
        self.locale.text(msg)
    }

    pub fn data(&self, t: &crate::model::Text) -> DataText {
        let l = t.get(self.locale.tag());
        DataText {
            text: l.text.to_owned(),
            lang: l.is_fallback(self.locale.tag()).then(|| l.lang.to_owned()),
        }
    }

    /// "more than 40%".
    pub fn share(&self, q: Qualified<i64>) -> String {
        self.locale.fill(
            share_msg(q.stated),
            &[(
                "share",
                &self
                    .fmt
                    .percent(directed_ppm(q.value, Toward::of(q.stated))),
            )],
        )
    }

    /// "more than USD 14,840,306.80".
    pub fn amount(&self, q: Qualified<Minor>) -> String {
        let amount = self.fmt.money(q.value, self.digits(), self.currency());
        self.locale
            .fill(amount_msg(q.stated), &[("amount", &amount)])
    }

    /// A part's share as the source put it: in words where it used words
    /// ("almost half"), else as a percentage ("more than 40%").
    /// A share worked out from rounded figures (Ukraine's USD 6.5 million
    /// of about USD 32 million, or the rest beside it) is shown to two
    /// significant digits: "about 20%", "at most about 30%", not 20.3 and
    /// 29.7; a small one keeps its digits ("about 0.09%", never 0).
    pub fn part_share(&self, part: &Part<'_>) -> String {
        // Only a share the source put in words is said in words: a share
        // worked out to exactly 333,333 ppm is rounded as any other.
        let word = match part.share.value {
            500_000 if part.words => Msg::FractionHalf,
            333_333 if part.words => Msg::FractionThird,
            666_667 if part.words => Msg::FractionTwoThirds,
            _ if !part.share_is_stated && part.share.stated.is_approximate() => {
                let toward = Toward::of(part.share.stated);
                return self.share(Qualified {
                    value: two_significant_percent(part.share.value, toward),
                    stated: part.share.stated,
                });
            }
            _ => return self.share(part.share),
        };
        self.locale.fill(
            word_share_msg(part.share.stated),
            &[("share", self.text(word))],
        )
    }

    /// What the stripes on a part's mark mean, for its detail: the figure
    /// the source gives only as an upper bound, its share or, where it
    /// states no share, its amount ("almost EUR 9,990,000"). None when
    /// nothing of the mark is open.
    pub fn open_note(&self, part: &Part<'_>) -> Option<&'static str> {
        (part.open_ppm() > 0).then(|| {
            self.text(if part.share_is_stated {
                Msg::OpenEndNote
            } else {
                Msg::OpenEndNoteAmount
            })
        })
    }

    /// A part's amount in full, except where that would claim a precision
    /// the source does not have: anything approximate, stated so ("about USD
    /// 14 million") or worked out (35 % of the total is about USD 13 million,
    /// not about USD 12,985,268.45), bound or not, and anything worked out
    /// from a rounded total is shown rounded. A bound stays exact: 40 % of
    /// the total is exactly USD 14,840,306.80, so "more than" that is what
    /// the source says, and a bound the source states is its figure.
    pub fn part_amount(&self, part: &Part<'_>) -> String {
        // A bound the source states ("at least USD 76,543.21") is its figure.
        let rounded = !self.ds.total_is_exact() || part.amount.stated.is_approximate();
        if rounded {
            self.amount_short(part.amount)
        } else {
            self.amount(part.amount)
        }
    }

    /// "more than USD 14.8 million".
    pub fn amount_short(&self, q: Qualified<Minor>) -> String {
        let toward = Toward::of(q.stated);
        // "About EUR 765,000", not 765,432; an exact amount keeps its units.
        let value = if q.stated.is_approximate() {
            approximate_small(q.value, self.digits(), toward)
        } else {
            q.value
        };
        let value = if self.locale == Locale::Ja {
            western_short(value, self.digits(), toward)
        } else {
            directed_short(value, self.digits(), toward)
        };
        let amount = self.fmt.money_short(value, self.digits(), self.currency());
        self.locale
            .fill(amount_msg(q.stated), &[("amount", &amount)])
    }

    pub fn total(&self) -> Minor {
        derive::total(self.ds)
    }

    pub fn total_short(&self) -> String {
        let total = if self.locale == Locale::Ja {
            western_short(self.total(), self.digits(), Toward::Nearest)
        } else {
            self.total()
        };
        self.fmt.money_short(total, self.digits(), self.currency())
    }

    pub fn total_exact(&self) -> String {
        self.fmt.money(self.total(), self.digits(), self.currency())
    }

    /// The caption under the total in the donut's hole, which has no room
    /// for "about": "Total", or "Total, rounded" when the source rounds it.
    pub fn hole_caption(&self) -> &'static str {
        self.text(if self.ds.total_is_exact() {
            Msg::TotalLabel
        } else {
            Msg::TotalRoundedLabel
        })
    }

    /// The total as the headline shows it: "USD 37.1 million", or "about
    /// USD 30.5 million" when the source itself gives a rounded total.
    pub fn total_phrase(&self) -> String {
        self.amount_short(Qualified {
            value: self.total(),
            stated: self.ds.contribution.total_stated,
        })
    }

    /// The total in full where the source gives it in full ("Exact total:
    /// USD 37,100,767"), else as the rounded figure it is: a rounded
    /// "USD 30.5 million" is never written out as "USD 30,500,000".
    pub fn total_fact(&self) -> String {
        if self.ds.total_is_exact() {
            self.locale
                .fill(Msg::ExactTotal, &[("amount", &self.total_exact())])
        } else {
            self.locale
                .fill(Msg::TotalRounded, &[("amount", &self.total_phrase())])
        }
    }

    /// The total in a table cell or file: in full when exact, else rounded.
    pub fn total_cell(&self) -> String {
        if self.ds.total_is_exact() {
            self.total_exact()
        } else {
            self.total_phrase()
        }
    }

    pub fn name(&self, part: &Part<'_>) -> DataText {
        match part.kind {
            MarkKind::Region(r) => self.data(&r.name),
            MarkKind::Theme(t) => self.data(&t.name),
            MarkKind::Remainder => DataText {
                text: self.text(Msg::RemainderName).to_owned(),
                lang: None,
            },
        }
    }

    pub fn description(&self, part: &Part<'_>) -> Option<DataText> {
        match part.kind {
            MarkKind::Region(r) => r.description.as_ref().map(|d| self.data(d)),
            MarkKind::Theme(t) => Some(self.data(&t.description)),
            // What the rest may hold follows from how it is bounded
            // (`derive::remainder_qualifier`): "at most" when lower bounds may
            // have taken some of it, "at least" when upper bounds may leave more.
            MarkKind::Remainder => Some(DataText {
                text: self
                    .text(match part.share.stated {
                        // Beside upper bounds too: drawn at what is left, it may be more.
                        _ if part.drawn.is_some() => Msg::RemainderDescriptionUpper,
                        Stated::AtMost | Stated::AtMostAbout => Msg::RemainderDescription,
                        Stated::AtLeast | Stated::AtLeastAbout => Msg::RemainderDescriptionUpper,
                        _ => Msg::RemainderDescriptionPlain,
                    })
                    .to_owned(),
                lang: None,
            }),
        }
    }

    /// For the regions' rest, when the source also names regions without a
    /// figure: "it does not say where this goes" must not read as "nowhere".
    pub fn rest_named_note(&self) -> Option<&'static str> {
        (!self.ds.named_regions.is_empty()).then(|| self.text(Msg::RemainderNamedNote))
    }

    /// The stage of the money, where the source says.
    pub fn status(&self) -> Option<&'static str> {
        let msg = match self.ds.contribution.status? {
            Status::Pledged => Msg::StatusPledged,
            Status::Allocated => Msg::StatusAllocated,
            Status::Committed => Msg::StatusCommitted,
            Status::Paid => Msg::StatusPaid,
        };
        Some(self.text(msg))
    }

    /// The note under the sources: "allocations" only where the source
    /// says so, and "not payments" never of payments.
    pub fn sources_note(&self) -> &'static str {
        self.text(match self.ds.contribution.status {
            Some(Status::Allocated) => Msg::SourcesNote,
            Some(Status::Paid) => Msg::SourcesNotePaid,
            _ => Msg::SourcesNoteNeutral,
        })
    }

    /// How a part's share came to be, for the table: as its source stated
    /// it, else worked out from its amount, or (the rest) from the other
    /// rows; never a way of stating for a share no source stated.
    pub fn share_origin(&self, part: &Part<'_>) -> Msg {
        if part.is_remainder() {
            Msg::StatedRemainder
        } else if part.share_is_stated {
            crate::i18n::stated_msg(part.share.stated)
        } else {
            Msg::StatedFromAmount
        }
    }

    fn recipient(&self) -> DataText {
        let c = &self.ds.contribution;
        self.data(c.recipient_short.as_ref().unwrap_or(&c.recipient))
    }

    /// A one-line title naming the widget and the contribution, for the
    /// iframe snippet and the SVG export: "Funding breakdown: Government of
    /// Japan to IOM, 2021": words, not an arrow, which screen readers read
    /// out ("right arrow") in the page's and the iframe's titles.
    pub fn title(&self) -> String {
        let c = &self.ds.contribution;
        self.locale.fill(
            Msg::TitleLine,
            &[
                ("widget", self.text(Msg::WidgetLabel)),
                ("donor", &self.data(&c.donor).text),
                ("recipient", &self.recipient().text),
                ("year", &c.operations_year.to_string()),
            ],
        )
    }

    /// What selecting a mark shows and announces (share, amount,
    /// announcement), for up to `max` marks of each breakdown. The widget
    /// has these formatted while the browser is idle after mounting: in the
    /// browser that fills `Intl`'s memo and has the engine compile this
    /// code before the reader's first click, instead of during it (~3 ms of
    /// the first click's ~8 ms of script, on the bench machine).
    pub fn selection_phrases(&self, max: usize) -> Vec<[String; 3]> {
        derive::region_marks(self.ds)
            .into_iter()
            .take(max)
            .chain(derive::theme_marks(self.ds).into_iter().take(max))
            .map(|p| [self.part_share(&p), self.part_amount(&p), self.announce(&p)])
            .collect()
    }

    /// What the announcement to screen readers says when a part is selected.
    pub fn announce(&self, part: &Part<'_>) -> String {
        self.locale.fill(
            Msg::Announce,
            &[
                ("name", &self.name(part).text),
                ("share", &self.part_share(part)),
                ("amount", &self.amount_short(part.amount)),
            ],
        )
    }

    /// One plain-language paragraph generated from the data: who gave how much
    /// to whom, the split by region with its qualifiers, and what is not attributed.
    pub fn summary(&self) -> String {
        self.summary_parts().into_iter().map(|t| t.text).collect()
    }

    /// The summary in pieces, so dataset names that fell back to English can
    /// be marked `lang="en"` inside a sentence in another language.
    pub fn summary_parts(&self) -> Vec<DataText> {
        let c = &self.ds.contribution;
        let mut out = Parts::default();
        let total = self.total_phrase();
        let year = self.fmt.year(c.operations_year);
        // The stage the source gives: a pledge is not yet contributed.
        let lead = match c.status {
            Some(Status::Allocated) => Msg::SummaryLead,
            Some(Status::Pledged) => Msg::SummaryLeadPledged,
            Some(Status::Committed) => Msg::SummaryLeadCommitted,
            Some(Status::Paid) => Msg::SummaryLeadPaid,
            None => Msg::SummaryLeadNeutral,
        };
        for p in pieces(
            self.text(lead),
            &["donor", "recipient"],
            &[("total", &total), ("year", &year)],
        ) {
            match p {
                Piece::Text(t) => out.text(t),
                Piece::Slot("donor") => out.push(self.data(&c.donor)),
                Piece::Slot(_) => out.push(self.recipient()),
            }
        }
        let parts = derive::region_parts(self.ds);
        if parts.is_empty() {
            // The whole total "unattributed" would read as a part of it.
            out.text(self.text(Msg::SentenceSeparator).to_owned());
            out.text(self.text(Msg::SummaryNoRegions).to_owned());
        } else {
            // Regions named without a figure may hold some of the rest: it is
            // not "unattributed to any region" then.
            let rest = if self.ds.named_regions.is_empty() {
                Msg::SummaryRemainder
            } else {
                Msg::SummaryRemainderNamed
            };
            self.split(&parts, Msg::SummaryRegions, rest, &mut out);
        }
        // Where the source splits the total by theme too, the summary says so:
        // it is the text alternative of both charts.
        let themes = derive::theme_parts(self.ds);
        if !themes.is_empty() {
            self.split(
                &themes,
                Msg::SummaryThemes,
                Msg::SummaryThemeRemainder,
                &mut out,
            );
        }
        out.0
    }

    /// " By region: …. The source leaves … unattributed to any region." for
    /// `parts` (regions or themes): the list sentence, then the rest's.
    fn split(&self, parts: &[Part<'_>], list: Msg, rest: Msg, out: &mut Parts) {
        out.text(self.text(Msg::SentenceSeparator).to_owned());
        for p in pieces(self.text(list), &["list"], &[]) {
            match p {
                Piece::Text(t) => out.text(t),
                Piece::Slot(_) => self.summary_list(parts, out),
            }
        }
        if let Some(r) = derive::remainder(self.ds, parts) {
            out.text(self.text(Msg::SentenceSeparator).to_owned());
            out.text(self.locale.fill(rest, &[("share", &self.part_share(&r))]));
        }
    }

    /// "Sub-Saharan Africa, more than 40%; …" for the summary (themes too). A long list is
    /// cut to its largest parts and a count of the rest: the summary is read
    /// first by screen readers, and 200 parts would bury the sentence after it.
    fn summary_list(&self, parts: &[Part<'_>], out: &mut Parts) {
        let (parts, more): (Vec<Part<'_>>, usize) = if parts.len() > SUMMARY_MAX_PARTS {
            let shares: Vec<(i64, bool)> = parts.iter().map(|p| (p.share.value, false)).collect();
            let listed = crate::chart::bars::order(&shares)
                .into_iter()
                .take(SUMMARY_MAX_PARTS - 1)
                .filter_map(|i| parts.get(i).copied())
                .collect();
            (listed, parts.len() - (SUMMARY_MAX_PARTS - 1))
        } else {
            (parts.to_vec(), 0)
        };
        if more > 0 {
            let rest = self
                .locale
                .fill(Msg::SummaryMore, &[("count", &more.to_string())]);
            self.parts_list(&parts, out);
            out.text(self.text(Msg::ListSeparator).to_owned());
            out.text(rest);
        } else {
            self.parts_list(&parts, out);
        }
    }

    fn parts_list(&self, parts: &[Part<'_>], out: &mut Parts) {
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                out.text(self.text(Msg::ListSeparator).to_owned());
            }
            let share = self.part_share(part);
            for p in pieces(self.text(Msg::SummaryItem), &["name"], &[("share", &share)]) {
                match p {
                    Piece::Text(t) => out.text(t),
                    Piece::Slot(_) => out.push(self.name(part)),
                }
            }
        }
    }
}

/// Most parts the summary names one by one; past it, the largest and a count.
pub const SUMMARY_MAX_PARTS: usize = 6;

/// Pieces of text, neighbours in the same language joined.
#[derive(Default)]
struct Parts(Vec<DataText>);

impl Parts {
    fn push(&mut self, t: DataText) {
        match self.0.last_mut() {
            Some(last) if last.lang == t.lang => last.text.push_str(&t.text),
            _ => self.0.push(t),
        }
    }

    fn text(&mut self, text: String) {
        self.push(DataText { text, lang: None });
    }
}

/// A data problem in the reader's language (every problem, a parser's too,
/// has words of its own in every catalogue).
pub fn problem_text(locale: Locale, kind: &ProblemKind) -> String {
    use crate::i18n::format::number;
    use crate::model::validate::{as_percent, sum_percent_ppm};
    use ProblemKind::*;
    let fmt = LocalFmt::new(locale);
    let text = |msg: Msg, args: &[(&str, &str)]| locale.fill(msg, args);
    let value = |msg: Msg, v: &dyn std::fmt::Display| text(msg, &[("value", &v.to_string())]);
    // Figures from the file, without core's float printing (see `format::number`).
    let figure = |msg: Msg, v: f64| text(msg, &[("value", &number(v))]);
    match kind {
        Syntax { .. } => text(Msg::ProblemSyntax, &[]),
        At {
            kind: inner,
            line,
            column,
        } => {
            let (line, column) = (line.to_string(), column.to_string());
            match **inner {
                Syntax { hint, .. } => {
                    let why = locale.text(match hint {
                        SyntaxHint::Punctuation => Msg::SyntaxPunctuation,
                        SyntaxHint::EndsEarly => Msg::SyntaxEndsEarly,
                        SyntaxHint::Comment => Msg::SyntaxComment,
                        SyntaxHint::Quote => Msg::SyntaxQuote,
                        SyntaxHint::Value => Msg::SyntaxValue,
                        SyntaxHint::Control => Msg::SyntaxControl,
                        SyntaxHint::QuoteInText => Msg::SyntaxQuoteInText,
                        SyntaxHint::Escape => Msg::SyntaxEscape,
                        SyntaxHint::Comma => Msg::SyntaxComma,
                        SyntaxHint::Colon => Msg::SyntaxColon,
                        SyntaxHint::ExtraComma => Msg::SyntaxExtraComma,
                    });
                    text(
                        Msg::ProblemSyntaxAt,
                        &[("line", &line), ("column", &column), ("why", why)],
                    )
                }
                ref inner => text(
                    Msg::ProblemLineColumn,
                    &[
                        ("problem", &problem_text(locale, inner)),
                        ("line", &line),
                        ("column", &column),
                    ],
                ),
            }
        }
        EmptyFile => text(Msg::ProblemEmptyFile, &[]),
        TooDeep { line } => text(
            Msg::ProblemTooDeep,
            &[
                ("depth", &crate::model::load::MAX_DEPTH.to_string()),
                ("line", &line.to_string()),
            ],
        ),
        Html(start) => value(Msg::ProblemHtml, start),
        NotUtf8 { line, column } => text(
            Msg::ProblemNotUtf8,
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        MissingField => text(Msg::ProblemMissingField, &[]),
        UnknownField { field, allowed } => text(
            Msg::ProblemUnknownField,
            &[("field", field), ("allowed", allowed)],
        ),
        DuplicateField(field) => text(Msg::ProblemDuplicateField, &[("field", field)]),
        UnknownValue {
            value: v,
            allowed,
            stated,
        } => text(
            if *stated {
                Msg::ProblemUnknownStated
            } else {
                Msg::ProblemUnknownValue
            },
            &[("value", v), ("allowed", allowed)],
        ),
        WrongType { expected, found } => text(
            Msg::ProblemWrongType,
            &[
                ("expected", &expected_text(locale, expected)),
                ("found", &found_text(locale, found)),
            ],
        ),
        TooLarge { bytes, limit } => text(
            Msg::ProblemTooLarge,
            &[("bytes", &bytes.to_string()), ("limit", &limit.to_string())],
        ),
        NotPositive(v) => figure(Msg::ProblemNotPositive, *v),
        NotFinite => text(Msg::ProblemNotFinite, &[]),
        Negative(v) => figure(Msg::ProblemNegative, *v),
        // The value as written in the file, so its author can find it.
        ShareAboveOne(v) => {
            let (hundred, fraction) = as_percent(*v);
            text(
                Msg::ProblemShareAboveOne,
                &[
                    ("value", &number(*v)),
                    ("hundred", &hundred),
                    ("fraction", &fraction),
                ],
            )
        }
        SharesSumAboveOne(ppm) => text(
            Msg::ProblemSharesSumAboveOne,
            &[("sum", &fmt.percent(sum_percent_ppm(*ppm)))],
        ),
        AmountAboveTotal => text(Msg::ProblemAmountAboveTotal, &[]),
        AmountsSumAboveTotal => text(Msg::ProblemAmountsSumAboveTotal, &[]),
        ShareAmountDisagree {
            amount_ppm,
            share_ppm,
            stated,
        } => {
            let stated = locale.fill(share_msg(*stated), &[("share", &fmt.percent(*share_ppm))]);
            text(
                Msg::ProblemShareAmountDisagree,
                &[("share", &fmt.percent(*amount_ppm)), ("stated", &stated)],
            )
        }
        UnknownCurrency(c) => value(Msg::ProblemUnknownCurrency, c),
        BadDate(d) => value(Msg::ProblemBadDate, d),
        NoSuchDate(d) => value(Msg::ProblemNoSuchDate, d),
        BadYear(y) => value(Msg::ProblemBadYear, y),
        Empty => text(Msg::ProblemEmpty, &[]),
        MissingEnglish => text(Msg::ProblemMissingEnglish, &[]),
        BadLocaleTag(t) => value(Msg::ProblemBadLocaleTag, t),
        BadId(id) => value(Msg::ProblemBadId, id),
        DuplicateId(id) => value(Msg::ProblemDuplicateId, id),
        ReservedId => value(Msg::ProblemReservedId, &derive::REMAINDER_ID),
        UnknownRegion(id) => value(Msg::ProblemUnknownRegion, id),
        UnknownBeneficiary(id) => value(Msg::ProblemUnknownBeneficiary, id),
        NoFigure => text(Msg::ProblemNoFigure, &[]),
        BadUrl(u) => value(Msg::ProblemBadUrl, u),
        NoWords(v) => figure(Msg::ProblemNoWords, *v),
        DuplicateYear(y) => value(Msg::ProblemDuplicateYear, y),
        YearsOutOfOrder => text(Msg::ProblemYearsOutOfOrder, &[]),
        IsSeries => text(Msg::ProblemIsSeries, &[]),
        OtherCurrency(c) => value(Msg::ProblemOtherCurrency, c),
        TooPrecise { value: v, digits } => text(
            Msg::ProblemTooPrecise,
            &[("value", &number(*v)), ("digits", &digits.to_string())],
        ),
        TooBig { value: v, max } => text(
            Msg::ProblemTooBig,
            &[("value", &number(*v)), ("max", &number(*max))],
        ),
    }
}

/// What a reader of the file wanted, in the reader's language.
fn expected_text(locale: Locale, expected: &crate::model::json::Expected) -> String {
    use crate::model::json::Expected::*;
    let msg = match expected {
        Number => Msg::ExpectNumber,
        Whole => Msg::ExpectWhole,
        WholeNotNegative => Msg::ExpectWholeNotNegative,
        Texts => Msg::ExpectTexts,
        List => Msg::ExpectList,
        Text => Msg::ExpectText,
        Bool => Msg::ExpectBool,
        Object => Msg::ExpectObject,
        OneOf(names) => return locale.fill(Msg::ExpectOneOf, &[("list", names)]),
    };
    locale.text(msg).to_owned()
}

/// What the file has there, in the reader's language.
fn found_text(locale: Locale, found: &crate::model::json::Found) -> String {
    use crate::model::json::Found::*;
    let (msg, value) = match found {
        Null => (Msg::FoundNull, String::new()),
        Bool(b) => (Msg::FoundBool, b.to_string()),
        Whole(n) => (Msg::FoundNumber, n.to_string()),
        Decimal => (Msg::FoundDecimal, String::new()),
        Text(t) => (Msg::FoundText, t.clone()),
        List => (Msg::FoundList, String::new()),
        Object => (Msg::FoundObject, String::new()),
    };
    locale.fill(msg, &[("value", &value)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Stated, Text, DEFAULT_DATA};

    fn bundled() -> Dataset {
        crate::model::load::read_dataset(DEFAULT_DATA).expect("the bundled dataset parses")
    }

    #[test]
    fn the_title_is_punctuated_as_each_language_writes() {
        let ds = bundled();
        let title = |l| Describer::new(&ds, l).title();
        assert_eq!(
            title(Locale::En),
            "Funding breakdown: Government of Japan to IOM, 2021"
        );
        // French puts a no-break space before its colon; Japanese writes
        // full-width punctuation and counts the year.
        assert_eq!(
            title(Locale::Fr),
            "Répartition du financement\u{a0}: Gouvernement du Japon vers OIM, 2021"
        );
        assert_eq!(
            title(Locale::Ja),
            "資金配分の内訳：日本政府からIOMへ、2021年"
        );
    }

    #[test]
    fn part_amounts_are_exact_only_where_the_source_allows() {
        let ds = bundled();
        let d = Describer::new(&ds, Locale::En);
        let amounts: Vec<String> = derive::region_marks(&ds)
            .iter()
            .map(|p| d.part_amount(p).replace('\u{a0}', " "))
            .collect();
        // Bounds from a share of an exact total are exact; "about" figures,
        // from rounded percentages, are rounded.
        assert_eq!(
            amounts,
            [
                "more than USD 14,840,306.80",
                "at most USD 1,855,038.35",
                "about USD 13 million",
                "about USD 7.4 million",
            ]
        );
    }

    #[test]
    fn small_amounts_are_rounded_only_where_they_are_approximate() {
        let mut ds = bundled();
        ds.contribution.total = 7_654_320.0;
        // A bound the source states, below a million: its figure, in the table.
        ds.regions[2].share = None;
        ds.regions[2].amount = Some(crate::model::share::StatedAmount {
            value: 76_543.21,
            stated: Stated::AtLeast,
        });
        let d = Describer::new(&ds, Locale::En);
        let marks = derive::region_marks(&ds);
        let plain = |s: String| s.replace('\u{a0}', " ");
        let asia = marks.iter().find(|p| p.id() == "asia").unwrap();
        assert_eq!(plain(d.part_amount(asia)), "at least USD 76,543.21");
        assert_eq!(plain(d.amount_short(asia.amount)), "at least USD 76,543");
        // 35 % of it, from a rounded percentage: about, and rounded.
        let mena = marks.iter().find(|p| p.id() == "mena-europe").unwrap();
        assert_eq!(mena.amount.value, Minor(267_901_200));
        assert_eq!(plain(d.part_amount(mena)), "about USD 2.7 million");
        let about = Qualified {
            value: Minor(76_543_202),
            stated: Stated::About,
        };
        assert_eq!(plain(d.amount_short(about)), "about USD 765,000");
        // Exact, it keeps its units: "USD 765,000" would read as exact.
        let exact = Qualified {
            value: Minor(76_543_202),
            stated: Stated::Exact,
        };
        assert_eq!(plain(d.amount_short(exact)), "USD 765,432");
    }

    #[test]
    fn the_summary_names_the_stage_the_source_gives() {
        let mut ds = bundled();
        let lead = |ds: &Dataset| Describer::new(ds, Locale::En).summary();
        assert!(lead(&ds).contains("Allocated to its operations in 2021"));
        for (status, words) in [
            (Some(Status::Pledged), "Pledged to its operations in 2021"),
            (
                Some(Status::Committed),
                "Committed to its operations in 2021",
            ),
            (Some(Status::Paid), "Paid for its operations in 2021"),
            (None, "Contributed to its operations in 2021"),
        ] {
            ds.contribution.status = status;
            assert!(lead(&ds).contains(words), "{status:?}: {}", lead(&ds));
        }
    }

    #[test]
    fn the_sources_note_never_calls_payments_not_payments() {
        let mut ds = bundled();
        let note = |ds: &Dataset| Describer::new(ds, Locale::En).sources_note();
        assert!(note(&ds).starts_with("These figures are allocations as announced, not payments."));
        for (status, not_paid) in [
            (Status::Pledged, true),
            (Status::Committed, true),
            (Status::Paid, false),
        ] {
            ds.contribution.status = Some(status);
            assert_eq!(note(&ds).contains("not payments"), not_paid, "{status:?}");
        }
        assert!(note(&ds).starts_with("These figures are payments"));
    }

    #[test]
    fn the_table_says_where_a_share_came_from() {
        let mut ds = bundled();
        // Asia by amount only: its share is worked out, not "as stated".
        ds.regions[2].share = None;
        ds.regions[2].amount = Some(crate::model::share::StatedAmount {
            value: 7_400_000.0,
            stated: Stated::Exact,
        });
        let d = Describer::new(&ds, Locale::En);
        let origins: Vec<Msg> = derive::region_marks(&ds)
            .iter()
            .map(|p| d.share_origin(p))
            .collect();
        assert_eq!(
            origins,
            [
                Msg::StatedMoreThan,
                Msg::StatedRemainder,
                Msg::StatedExact,
                Msg::StatedFromAmount,
            ]
        );
    }

    #[test]
    fn selection_phrases_are_what_a_selection_shows_for_each_mark() {
        let ds = bundled();
        let d = Describer::new(&ds, Locale::Fr);
        let marks: Vec<_> = derive::region_marks(&ds)
            .into_iter()
            .chain(derive::theme_marks(&ds))
            .collect();
        let phrases = d.selection_phrases(usize::MAX);
        assert_eq!(phrases.len(), marks.len());
        for (p, [share, amount, announce]) in marks.iter().zip(&phrases) {
            assert_eq!(share, &d.part_share(p));
            assert_eq!(amount, &d.part_amount(p));
            assert_eq!(announce, &d.announce(p));
        }
        // Capped per breakdown, so a large dataset costs a bounded idle moment.
        // (The bundled themes have no figures, so no marks.)
        assert!(marks.len() > 1);
        assert_eq!(d.selection_phrases(1).len(), 1);
        assert_eq!(d.selection_phrases(0), Vec::<[String; 3]>::new());
        let ds = crate::model::load::read_dataset(include_str!(
            "../tests/data/good/jpy-amounts-and-themes.json"
        ))
        .expect("a good corpus file");
        let d = Describer::new(&ds, Locale::Ja);
        let (regions, themes) = (derive::region_marks(&ds), derive::theme_marks(&ds));
        assert!(regions.len() > 1 && themes.len() > 1);
        assert_eq!(
            d.selection_phrases(1),
            vec![
                [
                    d.part_share(&regions[0]),
                    d.part_amount(&regions[0]),
                    d.announce(&regions[0])
                ],
                [
                    d.part_share(&themes[0]),
                    d.part_amount(&themes[0]),
                    d.announce(&themes[0])
                ],
            ]
        );
    }

    #[test]
    fn qualified_figures_use_each_locale_own_message() {
        let ds = bundled();
        for locale in Locale::ALL {
            let d = Describer::new(&ds, locale);
            for stated in Stated::ALL {
                let share = d.share(Qualified {
                    value: 400_000,
                    stated,
                });
                let want = locale.fill(share_msg(stated), &[("share", &d.fmt.percent(400_000))]);
                assert_eq!(share, want, "{locale:?} {stated:?}");
                let amount = d.amount(Qualified {
                    value: Minor(1_484_030_680),
                    stated,
                });
                let figure = d.fmt.money(Minor(1_484_030_680), 2, "USD");
                assert_eq!(
                    amount,
                    locale.fill(amount_msg(stated), &[("amount", &figure)]),
                    "{locale:?} {stated:?}"
                );
            }
        }
    }

    #[test]
    fn a_long_split_is_summarised_by_its_largest_parts_and_a_count() {
        let ds =
            crate::model::load::read_dataset(include_str!("../tests/data/good/many-regions.json"))
                .unwrap();
        let en = Describer::new(&ds, Locale::En).summary();
        // The five largest of 24, largest first, then the other 19 counted.
        let andean = en.find("Andean countries").unwrap();
        let baltic = en.find("Baltic states").unwrap();
        assert!(andean < baltic, "{en}");
        assert!(
            en.contains("Central Africa") && en.contains("Central America"),
            "{en}"
        );
        assert!(
            !en.contains("Central Asia") && !en.contains("Western Europe"),
            "{en}"
        );
        assert!(en.contains("; and 19 smaller parts."), "{en}");
        // Exact amounts of an exact total: the shares, and so the rest, are exact.
        assert!(en.contains("leaves 2% of the total unattributed"), "{en}");
        for locale in Locale::ALL {
            let s = Describer::new(&ds, locale).summary();
            assert!(s.contains("19"), "{locale:?}: {s}");
            assert!(!s.contains("Western Europe"), "{locale:?}: {s}");
        }
        // Six parts or fewer are all named: the bundled data's four.
        let bundled = Describer::new(&bundled(), Locale::En).summary();
        assert!(bundled.contains("Asia, 20%") && !bundled.contains("smaller parts"));
    }

    #[test]
    fn summaries_are_whole_sentences_in_each_language() {
        let ds = bundled();
        let summary = |l: Locale| Describer::new(&ds, l).summary();
        let ja = summary(Locale::Ja);
        assert!(ja.starts_with("日本政府は、IOMの2021年の活動に"), "{ja}");
        assert!(
            ja.contains("サブサハラ・アフリカが40%超、中東・北アフリカ・欧州が35%"),
            "{ja}"
        );
        assert!(ja.contains("総額のうち5%以下は"), "{ja}");
        let fr = summary(Locale::Fr);
        assert!(
            fr.starts_with("Donateur\u{a0}: Gouvernement du Japon."),
            "{fr}"
        );
        assert!(
            fr.contains("Afrique subsaharienne (plus de 40\u{a0}%)"),
            "{fr}"
        );
        let es = summary(Locale::Es);
        assert!(
            es.contains("África subsahariana (más del 40\u{a0}%); Oriente Medio"),
            "{es}"
        );
        assert!(es.contains("(como máximo el 5\u{a0}%)"), "{es}");
        // The unattributed share is the sentence's subject, not a general claim.
        assert!(
            fr.contains("Une part du total (au plus 5\u{a0}%) n’est attribuée par la source à aucune région."),
            "{fr}"
        );
        assert!(
            es.contains("Una parte del total (como máximo el 5\u{a0}%) no está asignada por la fuente a ninguna región."),
            "{es}"
        );
    }

    #[test]
    fn summary_marks_names_that_fell_back_to_english() {
        let mut ds = bundled();
        if let Some(asia) = ds.regions.iter_mut().find(|r| r.id == "asia") {
            asia.name = Text::en("Asia");
        }
        let parts = Describer::new(&ds, Locale::Fr).summary_parts();
        let english: Vec<&str> = parts
            .iter()
            .filter(|t| t.lang.as_deref() == Some("en"))
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(english, ["Asia"]);
        assert_eq!(
            parts.iter().map(|t| t.text.as_str()).collect::<String>(),
            Describer::new(&ds, Locale::Fr).summary()
        );
        // Everything in the reader's language comes as one piece around it.
        assert_eq!(parts.len(), 3, "{parts:?}");
    }

    #[test]
    fn dataset_text_falls_back_to_english_and_says_so() {
        let ds = bundled();
        let d = Describer::new(&ds, Locale::Fr);
        assert_eq!(
            d.data(&Text::en("Asia")),
            DataText {
                text: "Asia".into(),
                lang: Some("en".into())
            }
        );
        let asia = ds.region("asia").map(|r| d.data(&r.name));
        assert_eq!(
            asia,
            Some(DataText {
                text: "Asie".into(),
                lang: None
            })
        );
    }

    #[test]
    fn the_bundled_dataset_speaks_every_language() {
        let ds = bundled();
        let c = &ds.contribution;
        let mut texts: Vec<(&str, &Text)> = vec![("donor", &c.donor), ("recipient", &c.recipient)];
        texts.extend(c.recipient_short.iter().map(|t| ("recipient_short", t)));
        for r in &ds.regions {
            texts.push((&r.id, &r.name));
            texts.extend(r.description.iter().map(|t| (r.id.as_str(), t)));
            texts.extend(r.countries.iter().map(|t| (r.id.as_str(), t)));
        }
        for t in &ds.themes {
            texts.push((&t.id, &t.name));
            texts.push((&t.id, &t.description));
        }
        for b in &ds.beneficiaries {
            texts.push((&b.id, &b.name));
        }
        for locale in Locale::ALL {
            for (at, text) in &texts {
                let got = text.get(locale.tag());
                assert!(!got.is_fallback(locale.tag()), "{at} lacks {locale:?}");
            }
        }
    }

    /// One problem of every kind.
    fn every_problem() -> Vec<ProblemKind> {
        use crate::model::json::{Expected, Found};
        use ProblemKind::*;
        let syntax = |hint| Syntax {
            detail: "Unexpected token ']'".into(),
            hint,
            excerpt: None,
        };
        let mut kinds = vec![syntax(SyntaxHint::Punctuation)];
        // Every hint, each with its own words.
        for hint in [
            SyntaxHint::Punctuation,
            SyntaxHint::EndsEarly,
            SyntaxHint::Comment,
            SyntaxHint::Quote,
            SyntaxHint::Value,
            SyntaxHint::Control,
            SyntaxHint::QuoteInText,
            SyntaxHint::Escape,
            SyntaxHint::Comma,
            SyntaxHint::Colon,
            SyntaxHint::ExtraComma,
        ] {
            kinds.push(At {
                kind: Box::new(syntax(hint)),
                line: 69,
                column: 3,
            });
        }
        kinds.extend([
            At {
                kind: Box::new(MissingField),
                line: 2,
                column: 3,
            },
            EmptyFile,
            TooDeep { line: 4 },
            Html("<!DOCTYPE html>".into()),
            NotUtf8 {
                line: 20,
                column: 19,
            },
            MissingField,
            UnknownField {
                field: "shares".into(),
                allowed: "id, name".into(),
            },
            DuplicateField("total".into()),
            UnknownValue {
                value: "approximately".into(),
                allowed: "exact, about".into(),
                stated: true,
            },
            UnknownValue {
                value: "given".into(),
                allowed: "pledged, paid".into(),
                stated: false,
            },
            TooLarge { bytes: 3, limit: 2 },
            NotPositive(0.0),
            NotFinite,
            Negative(-1.0),
            ShareAboveOne(1.4),
            ShareAboveOne(45.0),
            SharesSumAboveOne(2_216_667),
            SharesSumAboveOne(1_010_000),
            AmountAboveTotal,
            AmountsSumAboveTotal,
            ShareAmountDisagree {
                amount_ppm: 270_000,
                share_ppm: 200_000,
                stated: Stated::About,
            },
            UnknownCurrency("XXX".into()),
            BadDate("2021-13-01".into()),
            NoSuchDate("2023-02-30".into()),
            BadYear(3000),
            Empty,
            MissingEnglish,
            BadLocaleTag("e".into()),
            BadId("Bad".into()),
            DuplicateId("asia".into()),
            ReservedId,
            UnknownRegion("atlantis".into()),
            UnknownBeneficiary("nobody".into()),
            NoFigure,
            BadUrl("ftp://x".into()),
            NoWords(0.4),
            DuplicateYear(2019),
            YearsOutOfOrder,
            OtherCurrency("USD".into()),
            IsSeries,
            TooPrecise {
                value: 1_234_567.89,
                digits: 0,
            },
            TooBig {
                value: 1e17,
                max: 90_071_992_547_409.0,
            },
        ]);
        let expected = [
            Expected::Number,
            Expected::Whole,
            Expected::WholeNotNegative,
            Expected::Texts,
            Expected::List,
            Expected::Text,
            Expected::Bool,
            Expected::Object,
            Expected::OneOf("a, b".into()),
        ];
        let found = [
            Found::Null,
            Found::Bool(true),
            Found::Whole(-3),
            Found::Decimal,
            Found::Text("1 million".into()),
            Found::List,
            Found::Object,
        ];
        for (i, e) in expected.into_iter().enumerate() {
            let found = found.get(i % found.len()).cloned().unwrap_or(Found::Null);
            kinds.push(WrongType { expected: e, found });
        }
        kinds
    }

    #[test]
    fn english_problems_read_as_the_model_states_them() {
        for kind in every_problem() {
            assert_eq!(problem_text(Locale::En, &kind), kind.to_string());
        }
    }

    #[test]
    fn problems_are_worded_in_every_language_without_english_left() {
        use ProblemKind::*;
        for locale in [Locale::Fr, Locale::Es, Locale::Ja] {
            for kind in every_problem() {
                let text = problem_text(locale, &kind);
                assert_ne!(text, kind.to_string(), "{locale:?} {kind:?}");
                // The browser's words go to the console, not to the reader.
                assert!(!text.contains("Unexpected"), "{text}");
            }
        }
        let syntax = Syntax {
            detail: "Unexpected token ']', \"...\" is not valid JSON".into(),
            hint: SyntaxHint::Punctuation,
            excerpt: None,
        };
        assert_eq!(
            problem_text(Locale::Fr, &syntax),
            "le fichier n’est pas du JSON valide\u{a0}: une virgule, une accolade, un crochet ou \
             un guillemet est en trop, mal placé ou manquant (cargo xtask check-data FICHIER \
             indique où)"
        );
        let missing = MissingField;
        assert_eq!(
            problem_text(Locale::Ja, &missing),
            "この項目は必須ですが、ありません"
        );
        // Sums at one decimal at most, and what to do.
        let sum = SharesSumAboveOne(2_216_667).to_string();
        assert!(sum.contains("add up to 221.7%, more than 100%"), "{sum}");
        assert!(sum.contains("mark rounded ones as about"), "{sum}");
        assert_eq!(
            ShareAboveOne(45.0).to_string(),
            "45 would be 4500%: shares are fractions, so write 0.45 for 45%"
        );
        assert_eq!(
            problem_text(Locale::Fr, &ShareAboveOne(45.0)),
            "45 ferait 4500\u{a0}%\u{a0}: les parts sont des fractions, écrivez donc 0.45 pour 45\u{a0}%"
        );
        assert_eq!(
            ShareAboveOne(1.4).to_string(),
            "1.4 would be 140%: shares are fractions, so write 0.014 for 1.4%"
        );
        assert_eq!(
            ShareAmountDisagree {
                amount_ppm: 270_000,
                share_ppm: 200_000,
                stated: Stated::About,
            }
            .to_string(),
            "the amount is 27% of the total, which does not agree with the stated share, about 20%"
        );
    }
}
