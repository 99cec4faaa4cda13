//! Phrases for the Years view: what each year's source states, in the words
//! and precision it used, and the series as a sentence for screen readers.
//! Pure, like the rest of `describe`.

use super::{DataText, Describer};
use crate::i18n::{LocalFmt, Locale, Msg};
use crate::model::derive::{self, Part};
use crate::model::{Minor, NamedRegion, Series, Slot};

/// Length of the longest bar, in the bar's own units.
pub const BAR_FULL: u32 = 1000;

/// The length of a bar for `total` when the largest total is `max`, in
/// `0..=BAR_FULL` (rounded, exact integer arithmetic).
pub fn bar_length(total: Minor, max: Minor) -> u32 {
    if max.0 <= 0 || total.0 <= 0 {
        return 0;
    }
    let full = i128::from(BAR_FULL);
    let len = (i128::from(total.0) * full + i128::from(max.0) / 2) / i128::from(max.0);
    len.clamp(0, full) as u32
}

/// The largest total of the series, the bars' scale.
pub fn max_total(series: &Series) -> Minor {
    series
        .years
        .iter()
        .map(derive::total)
        .max()
        .unwrap_or(Minor(0))
}

impl Describer<'_> {
    /// The figures the source states for a part, as it states them ("almost
    /// half, about USD 14 million"); figures worked out by the widget are
    /// left out.
    pub fn stated_figures(&self, part: &Part<'_>) -> String {
        let share = part.share_is_stated.then(|| self.part_share(part));
        let amount = part.amount_is_stated.then(|| self.part_amount(part));
        match (share, amount) {
            (Some(share), Some(amount)) => self.locale.fill(
                Msg::StatedFigures,
                &[("share", &share), ("amount", &amount)],
            ),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => String::new(),
        }
    }

    /// Regions and themes with a stated figure, in data order.
    pub fn stated_parts(&self) -> Vec<Part<'_>> {
        let mut parts = derive::region_parts(self.ds);
        parts.extend(derive::theme_parts(self.ds));
        parts
    }

    /// A named region without figures: "Asia (named, no figure)".
    pub fn named(&self, r: &NamedRegion) -> String {
        let name = self.data(&r.name).text;
        self.locale.fill(Msg::FactNamed, &[("name", &name)])
    }

    /// Everything the source states about the split, on one line: "Sub-Saharan
    /// Africa: almost half, about USD 14 million; Asia (named, no figure)".
    pub fn facts_line(&self) -> String {
        let mut facts: Vec<String> = self
            .stated_parts()
            .iter()
            .map(|p| {
                self.locale.fill(
                    Msg::Fact,
                    &[
                        ("name", &self.name(p).text),
                        ("figures", &self.stated_figures(p)),
                    ],
                )
            })
            .collect();
        facts.extend(self.ds.named_regions.iter().map(|r| self.named(r)));
        if facts.is_empty() {
            return self.text(Msg::NoFacts).to_owned();
        }
        facts.join(self.text(Msg::ListSeparator))
    }

    /// The group a named region belongs to, by name.
    pub fn part_of(&self, r: &NamedRegion) -> Option<DataText> {
        let group = self.ds.region(r.part_of.as_deref()?)?;
        let name = self.data(&group.name);
        Some(DataText {
            text: self.locale.fill(Msg::PartOf, &[("name", &name.text)]),
            lang: name.lang,
        })
    }

    /// "25 countries".
    pub fn country_count(&self, count: u32) -> String {
        self.locale
            .fill(Msg::CountryCount, &[("count", &count.to_string())])
    }
}

/// What a bar of the Years view says: "2018: about USD 30.5 million", or
/// that no announcement was found.
pub fn slot_phrase(slot: &Slot<'_>, locale: Locale) -> String {
    let year = LocalFmt::new(locale).year(slot.year());
    let total = match slot {
        Slot::Year(ds) => Describer::new(ds, locale).total_phrase(),
        Slot::Gap(_) => locale.text(Msg::YearGap).to_owned(),
    };
    locale.fill(Msg::YearAnnounce, &[("year", &year), ("total", &total)])
}

/// The series in one paragraph, for screen readers and as the view's
/// summary: every year's total as stated, then the years without one.
pub fn summary(series: &Series, locale: Locale) -> String {
    let Some(first) = series.years.first() else {
        return String::new();
    };
    // Donor and recipient are the headline's, just above: not said twice.
    let d = Describer::new(first, locale);
    let slots = series.slots();
    let list: Vec<String> = slots
        .iter()
        .filter_map(|slot| match slot {
            Slot::Year(ds) => Some(locale.fill(
                Msg::YearsSummaryItem,
                &[
                    ("year", &d.fmt.year(ds.contribution.operations_year)),
                    ("total", &Describer::new(ds, locale).total_phrase()),
                ],
            )),
            Slot::Gap(_) => None,
        })
        .collect();
    let mut out = locale.fill(
        Msg::YearsSummary,
        &[("list", &list.join(locale.text(Msg::ListSeparator)))],
    );
    let gaps: Vec<String> = slots
        .iter()
        .filter_map(|slot| match slot {
            Slot::Gap(y) => Some(d.fmt.year(*y)),
            Slot::Year(_) => None,
        })
        .collect();
    if !gaps.is_empty() {
        out.push_str(locale.text(Msg::SentenceSeparator));
        out.push_str(&locale.fill(
            Msg::YearsSummaryGaps,
            &[("years", &gaps.join(locale.text(Msg::ListSeparator)))],
        ));
    }
    out
}

#[cfg(test)]
mod tests;
