//! Turns figures into reader-facing phrases through the message catalogue:
//! qualified shares and amounts, names of marks, the generated summary.
//! Pure, so every sentence the widget states is tested natively.

use crate::i18n::format::Fmt;
use crate::i18n::{amount_msg, share_msg, Locale, Msg};
use crate::model::derive::{self, Part, Qualified};
use crate::model::{Dataset, MarkKind, Minor, Status};

/// Everything needed to phrase figures of one dataset in one locale.
#[derive(Clone, Copy)]
pub struct Describer<'a> {
    pub ds: &'a Dataset,
    pub locale: Locale,
    pub fmt: Fmt,
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
            fmt: Fmt::new(locale),
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
            &[("share", &self.fmt.percent(q.value))],
        )
    }

    /// "more than USD 14,840,306.80".
    pub fn amount(&self, q: Qualified<Minor>) -> String {
        let amount = self.fmt.money(q.value, self.digits(), self.currency());
        self.locale
            .fill(amount_msg(q.stated), &[("amount", &amount)])
    }

    /// "more than USD 14.8 million".
    pub fn amount_short(&self, q: Qualified<Minor>) -> String {
        let amount = self
            .fmt
            .money_short(q.value, self.digits(), self.currency());
        self.locale
            .fill(amount_msg(q.stated), &[("amount", &amount)])
    }

    pub fn total(&self) -> Minor {
        derive::total(self.ds)
    }

    pub fn total_short(&self) -> String {
        self.fmt
            .money_short(self.total(), self.digits(), self.currency())
    }

    pub fn total_exact(&self) -> String {
        self.fmt.money(self.total(), self.digits(), self.currency())
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
            MarkKind::Remainder => Some(DataText {
                text: self.text(Msg::RemainderDescription).to_owned(),
                lang: None,
            }),
        }
    }

    pub fn status(&self) -> &'static str {
        self.text(match self.ds.contribution.status {
            Status::Pledged => Msg::StatusPledged,
            Status::Allocated => Msg::StatusAllocated,
            Status::Committed => Msg::StatusCommitted,
            Status::Paid => Msg::StatusPaid,
        })
    }

    fn recipient(&self) -> DataText {
        let c = &self.ds.contribution;
        self.data(c.recipient_short.as_ref().unwrap_or(&c.recipient))
    }

    /// What the announcement to screen readers says when a part is selected.
    pub fn announce(&self, part: &Part<'_>) -> String {
        self.locale.fill(
            Msg::Announce,
            &[
                ("name", &self.name(part).text),
                ("share", &self.share(part.share)),
                ("amount", &self.amount_short(part.amount)),
            ],
        )
    }

    /// One plain-language paragraph generated from the data: who gave how much
    /// to whom, the split by region with its qualifiers, and what is not attributed.
    pub fn summary(&self) -> String {
        let c = &self.ds.contribution;
        let mut out = self.locale.fill(
            Msg::SummaryLead,
            &[
                ("donor", &self.data(&c.donor).text),
                ("total", &self.total_short()),
                ("recipient", &self.recipient().text),
                ("year", &self.fmt.year(c.operations_year)),
            ],
        );
        let parts = derive::region_parts(self.ds);
        let items: Vec<String> = parts
            .iter()
            .map(|p| {
                self.locale.fill(
                    Msg::SummaryItem,
                    &[
                        ("name", &self.name(p).text),
                        ("share", &self.share(p.share)),
                    ],
                )
            })
            .collect();
        if !items.is_empty() {
            out.push(' ');
            out.push_str(&self.locale.fill(
                Msg::SummaryRegions,
                &[("list", &items.join(self.text(Msg::ListSeparator)))],
            ));
        }
        if let Some(rest) = derive::remainder(self.ds, &parts) {
            out.push(' ');
            out.push_str(
                &self
                    .locale
                    .fill(Msg::SummaryRemainder, &[("share", &self.share(rest.share))]),
            );
        }
        out
    }
}
