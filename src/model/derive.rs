//! Derived figures: amounts from shares, shares from amounts, and the part of
//! the total the source does not attribute. Computed on demand, never stored.

use super::dataset::{Dataset, Region, Theme};
use super::share::{to_ppm, word_fraction, Minor, Stated, PPM};

/// A derived or stated figure with the qualifier that honestly applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Qualified<T> {
    pub value: T,
    pub stated: Stated,
}

/// What a chart mark stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MarkKind<'a> {
    Region(&'a Region),
    Theme(&'a Theme),
    /// The part of the total no stated figure accounts for.
    Remainder,
}

/// One slice of the total: a region (or theme) or the unattributed remainder.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Part<'a> {
    pub kind: MarkKind<'a>,
    /// Share in parts per million.
    pub share: Qualified<i64>,
    pub amount: Qualified<Minor>,
    /// True when the share was stated by the source, false when derived from the amount.
    pub share_is_stated: bool,
    /// True when the amount was stated by the source, false when derived from the share.
    pub amount_is_stated: bool,
    /// The source put the share in words ("almost half"); say it so.
    pub words: bool,
    /// The share it is drawn at, when not its figure: the rest beside both
    /// lower and upper bounds is drawn as what is left, but its figure is
    /// the bound it can reach ("at most 25%", drawn at 5%).
    pub drawn: Option<i64>,
}

impl Part<'_> {
    /// Stable id for URLs and DOM ids: the region's or theme's id, or "unattributed".
    pub fn id(&self) -> &str {
        match self.kind {
            MarkKind::Region(r) => &r.id,
            MarkKind::Theme(t) => &t.id,
            MarkKind::Remainder => REMAINDER_ID,
        }
    }

    pub fn is_remainder(&self) -> bool {
        matches!(self.kind, MarkKind::Remainder)
    }

    /// Its size in the chart (ppm): its share, but for the rest beside both
    /// kinds of bound (see `drawn`).
    pub fn drawn_ppm(&self) -> i64 {
        self.drawn.unwrap_or(self.share.value)
    }

    /// The span of its share (ppm) the source leaves open below the figure
    /// it is drawn at ([`Stated::open_below`]). 0 for the remainder, which
    /// is hatched whole.
    /// Scaled as the part is when drawn smaller than its figure.
    pub fn open_ppm(&self) -> i64 {
        if self.is_remainder() {
            return 0;
        }
        let open = self.share.stated.open_below(self.share.value);
        match self.drawn {
            Some(drawn) if self.share.value > 0 => {
                (i128::from(open) * i128::from(drawn) / i128::from(self.share.value)) as i64
            }
            _ => open,
        }
    }

    /// All of its share is open (an "at most" or "less than"): its legend
    /// swatch is striped whole, else its right half.
    pub fn wholly_open(&self) -> bool {
        let open = self.open_ppm();
        open > 0 && open >= self.drawn_ppm()
    }
}

/// Id of the derived remainder; validation forbids it as a region or theme id.
pub const REMAINDER_ID: &str = "unattributed";

pub fn total(ds: &Dataset) -> Minor {
    Minor::from_major(ds.contribution.total, ds.minor_digits())
}

fn part_from<'a>(
    ds: &Dataset,
    kind: MarkKind<'a>,
    share: Option<super::share::StatedShare>,
    amount: Option<super::share::StatedAmount>,
) -> Option<Part<'a>> {
    let total = total(ds);
    let digits = ds.minor_digits();
    // A total the source rounds makes every figure worked out from it rough.
    let rough = !ds.total_is_exact();
    let words = share.is_some_and(|s| s.words);
    let (share, amount, share_is_stated, amount_is_stated) = match (share, amount) {
        (Some(s), Some(a)) => (
            Qualified {
                value: to_ppm(s.value),
                stated: s.stated,
            },
            Qualified {
                value: Minor::from_major(a.value, digits),
                stated: a.stated,
            },
            true,
            true,
        ),
        (Some(s), None) => {
            let ppm = to_ppm(s.value);
            (
                Qualified {
                    value: ppm,
                    stated: s.stated,
                },
                Qualified {
                    // "One third" is a third of the total, not 333,333 ppm of it.
                    value: total.times_share(ppm, s.words),
                    stated: s.stated.for_derived(rough),
                },
                true,
                false,
            )
        }
        (None, Some(a)) => {
            let minor = Minor::from_major(a.value, digits);
            // A percentage of a stated amount is rounded, so at best
            // approximate; a bound on the amount bounds it the same way. But
            // EUR 500,000 of an exact EUR 1,000,000 is 50 %, not about 50 %:
            // exact where the division is, to what a percentage shows.
            let stated = if a.stated == Stated::Exact && !rough && shows_exactly(minor, total) {
                Stated::Exact
            } else {
                a.stated.for_derived(rough)
            };
            (
                Qualified {
                    value: minor.ppm_of(total),
                    stated,
                },
                Qualified {
                    value: minor,
                    stated: a.stated,
                },
                false,
                true,
            )
        }
        (None, None) => return None,
    };
    Some(Part {
        kind,
        share,
        amount,
        share_is_stated,
        amount_is_stated,
        words,
        drawn: None,
    })
}

/// Whether `part / total` is a percentage shown without rounding: a whole
/// number of the tenths (from 1 %) or hundredths (below) that
/// `format::percent_decimals` keeps at most.
fn shows_exactly(part: Minor, total: Minor) -> bool {
    if total.0 <= 0 {
        return false;
    }
    let scaled = i128::from(part.0) * i128::from(PPM);
    let total = i128::from(total.0);
    if scaled % total != 0 {
        return false;
    }
    let ppm = scaled / total;
    ppm % if ppm >= 10_000 { 1_000 } else { 100 } == 0
}

/// Regions with their figures, in data order.
pub fn region_parts(ds: &Dataset) -> Vec<Part<'_>> {
    ds.regions
        .iter()
        .filter_map(|r| part_from(ds, MarkKind::Region(r), r.share, r.amount))
        .collect()
}

/// Themes that have a stated amount or share; empty when the source gives no theme split.
pub fn theme_parts(ds: &Dataset) -> Vec<Part<'_>> {
    ds.themes
        .iter()
        .filter_map(|t| part_from(ds, MarkKind::Theme(t), t.share, t.amount))
        .collect()
}

/// The qualifier of what is left when `parts` are taken from the total.
/// Lower bounds may have absorbed some of the rest, so the rest is at most
/// what is left; upper bounds may leave more, so it is at least that; with
/// both, it is at most what the upper-bounded parts may leave (its figure
/// then differs from what is drawn, see [`remainder`]); with approximate
/// figures only, it is approximate. A bound worked out with an approximate
/// figure is approximate too ("at most about").
pub fn remainder_qualifier(parts: &[Part<'_>]) -> Stated {
    let lower = parts.iter().any(|p| p.share.stated.is_lower_bound());
    let upper = parts.iter().any(|p| p.share.stated.is_upper_bound());
    let about = parts.iter().any(|p| p.share.stated.is_approximate());
    match (lower, upper) {
        (true, false) if about => Stated::AtMostAbout,
        (true, false) => Stated::AtMost,
        (false, true) if about => Stated::AtLeastAbout,
        (false, true) => Stated::AtLeast,
        (true, true) if about => Stated::AtMostAbout,
        (true, true) => Stated::AtMost,
        (false, false) if about => Stated::About,
        (false, false) => Stated::Exact,
    }
}

/// The unattributed remainder of `parts`, or None when they account for the whole
/// total (or more: validation lets them pass it only by their rounding).
pub fn remainder<'a>(ds: &Dataset, parts: &[Part<'a>]) -> Option<Part<'a>> {
    let used: i64 = parts.iter().map(|p| p.share.value).sum();
    let left = PPM - used;
    // Shares all in words are exact fractions: three thirds leave nothing,
    // though 3 × 333,333 ppm leave a millionth (a rest of USD 0.00).
    let sixths: Option<i64> = parts
        .iter()
        .map(|p| {
            word_fraction(p.share.value)
                .filter(|_| p.words)
                .map(|(n, d)| n * 6 / d)
        })
        .sum();
    // Beside both kinds of bound the rest is not about what is left: the
    // lower bounds may have taken all of it, and the upper-bounded parts may
    // be as small as nothing. Its figure is the most it can be.
    let mixed = parts.iter().any(|p| p.share.stated.is_lower_bound())
        && parts.iter().any(|p| p.share.stated.is_upper_bound());
    // An upper-bounded part may leave what its figure leaves open below it
    // (`Stated::open_below`): all of an "at most", a tenth of an "almost"
    // (just under: at least 0.9 of the figure, as it is drawn).
    let upper: i64 = parts
        .iter()
        .filter(|p| mixed && p.share.stated.is_upper_bound())
        .map(|p| p.share.stated.open_below(p.share.value))
        .sum();
    // Figures that fill the whole leave nothing, unless upper bounds beside
    // lower ones may leave some ("more than 60 %" and "at most 40 %": the
    // rest is at most 40 %, drawn at nothing). What the figures take past
    // the whole counts against that ("more than 60 %" and "at most 45 %"
    // leave at most 40 %; "more than 55 %" and "almost 50 %", nothing).
    let most = if mixed { left + upper } else { left };
    if most <= 0 || sixths.is_some_and(|s| s >= 6) {
        return None;
    }
    let stated = remainder_qualifier(parts);
    let (drawn, left) = if mixed {
        (Some(left.max(0)), most.min(PPM))
    } else {
        (None, left)
    };
    // The amount is worked out in money, not from the share in ppm: a
    // millionth of EUR 120 million is EUR 120, which would put an "at most"
    // below the most the figures allow. Each part counts with its exact
    // amount where the source gives one, else its share of the total (the
    // exact fraction of a share in words: the rest of "one third" of USD
    // 36,300,000 is USD 24,200,000.00).
    let total = total(ds);
    let counted = |p: &Part<'_>| {
        if p.amount_is_stated && (p.amount.stated == Stated::Exact || !p.share_is_stated) {
            p.amount.value.0
        } else {
            total.times_share(p.share.value, p.words).0
        }
    };
    let used: i64 = parts.iter().map(counted).sum();
    // Beside both kinds of bound, what the upper-bounded parts may leave too.
    let upper: i64 = parts
        .iter()
        .filter(|p| mixed && p.share.stated.is_upper_bound() && p.share.value > 0)
        .map(|p| {
            let open = p.share.stated.open_below(p.share.value);
            (i128::from(counted(p)) * i128::from(open) / i128::from(p.share.value)) as i64
        })
        .sum();
    let amount = Minor((total.0 - used + upper).clamp(0, total.0.max(0)));
    Some(Part {
        kind: MarkKind::Remainder,
        share: Qualified {
            value: left,
            stated,
        },
        amount: Qualified {
            value: amount,
            stated: stated.for_derived(!ds.total_is_exact()),
        },
        share_is_stated: false,
        amount_is_stated: false,
        // What is left of figures the source put in words ("one third") is
        // said in words too ("two thirds"), where there is a word for it.
        words: !parts.is_empty() && parts.iter().all(|p| p.words),
        drawn,
    })
}

/// The marks of the region chart in drawing order: regions in data order, with
/// the remainder placed right after the last lower-bound region (the part the
/// "more than" may have taken), else at the end.
/// Empty when the source gives no figure by region: no rest is made of
/// nothing (the view says the source gives no breakdown by region).
pub fn region_marks(ds: &Dataset) -> Vec<Part<'_>> {
    let mut parts = region_parts(ds);
    if parts.is_empty() {
        return parts;
    }
    if let Some(rest) = remainder(ds, &parts) {
        let at = parts
            .iter()
            .rposition(|p| p.share.stated.is_lower_bound())
            .map_or(parts.len(), |i| i + 1);
        parts.insert(at, rest);
    }
    fit_drawing(&mut parts);
    parts
}

/// Rounded figures may add up to a little more than the whole ("about 34 %,
/// about 34 %, about 33 %", which validation accepts as rounding): each mark
/// is then drawn scaled down in proportion, so every drawing is a whole of
/// 100 %, while the figures said stay the ones stated.
fn fit_drawing(parts: &mut [Part<'_>]) {
    let sum: i64 = parts.iter().map(Part::drawn_ppm).sum();
    if sum <= PPM {
        return;
    }
    for p in parts.iter_mut() {
        let scaled = i128::from(p.drawn_ppm()) * i128::from(PPM) / i128::from(sum);
        p.drawn = Some(scaled as i64);
    }
    // What the rounding down left goes to the largest mark: the ring closes.
    let short = PPM - parts.iter().map(Part::drawn_ppm).sum::<i64>();
    if let Some(largest) = parts.iter_mut().max_by_key(|p| p.drawn_ppm()) {
        largest.drawn = Some(largest.drawn_ppm() + short);
    }
}

/// Marks for the theme chart; empty when no theme has an amount or a share.
pub fn theme_marks(ds: &Dataset) -> Vec<Part<'_>> {
    let mut parts = theme_parts(ds);
    if parts.is_empty() {
        return parts;
    }
    if let Some(rest) = remainder(ds, &parts) {
        parts.push(rest);
    }
    fit_drawing(&mut parts);
    parts
}

/// Themes linked to a region, and regions linked to a theme (for highlighting).
pub fn linked_ids(ds: &Dataset, id: &str) -> Vec<String> {
    if ds.region(id).is_some() {
        return ds
            .themes
            .iter()
            .filter(|t| t.regions.iter().any(|r| r == id))
            .map(|t| t.id.clone())
            .collect();
    }
    ds.theme(id).map(|t| t.regions.clone()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::read_dataset;
    use crate::model::{StatedShare, DEFAULT_DATA};

    /// The bundled dataset with one region, `share` of `total` (major units,
    /// exact), no amount.
    fn one_region(total: f64, share: StatedShare) -> Dataset {
        let mut ds = read_dataset(DEFAULT_DATA).unwrap();
        ds.contribution.total = total;
        ds.regions.truncate(1);
        ds.regions[0].share = Some(share);
        ds.regions[0].amount = None;
        ds
    }

    fn in_words(value: f64) -> StatedShare {
        StatedShare {
            value,
            stated: Stated::Exact,
            words: true,
        }
    }

    /// The region's amount and the rest's, in minor units.
    fn amounts(ds: &Dataset) -> (i64, i64) {
        let marks = region_marks(ds);
        assert_eq!(marks.len(), 2, "{marks:?}");
        let rest = marks.iter().find(|p| p.is_remainder()).unwrap();
        let part = marks.iter().find(|p| !p.is_remainder()).unwrap();
        (part.amount.value.0, rest.amount.value.0)
    }

    #[test]
    fn a_third_in_words_is_a_third_of_the_total_to_the_cent() {
        // Not 333,333 ppm of it: USD 12,099,987.90 and 24,200,012.10.
        let ds = one_region(36_300_000.0, in_words(1.0 / 3.0));
        assert_eq!(amounts(&ds), (1_210_000_000, 2_420_000_000));
        // Written 0.33 by the editor, it is the same third.
        let ds = one_region(36_300_000.0, in_words(0.333_333));
        assert_eq!(amounts(&ds), (1_210_000_000, 2_420_000_000));
        // Rounded to the cent once: a third of USD 100 is 33.33, the rest 66.67.
        let ds = one_region(100.0, in_words(1.0 / 3.0));
        assert_eq!(amounts(&ds), (3_333, 6_667));
    }

    #[test]
    fn two_thirds_in_words_are_two_thirds_of_the_total_to_the_cent() {
        let ds = one_region(36_300_000.0, in_words(2.0 / 3.0));
        assert_eq!(amounts(&ds), (2_420_000_000, 1_210_000_000));
        let ds = one_region(100.0, in_words(2.0 / 3.0));
        assert_eq!(amounts(&ds), (6_667, 3_333));
        // A yen has no cents: two thirds of JPY 100 is 67, the rest 33.
        let mut ds = one_region(100.0, in_words(2.0 / 3.0));
        ds.contribution.currency = "JPY".into();
        assert_eq!(amounts(&ds), (67, 33));
    }

    #[test]
    fn shares_in_words_that_make_the_whole_leave_no_rest() {
        // Three thirds, or a third and two thirds: 999,999 ppm, but the whole.
        let mut ds = read_dataset(DEFAULT_DATA).unwrap();
        ds.regions.truncate(3);
        for r in &mut ds.regions {
            r.share = Some(in_words(1.0 / 3.0));
            r.amount = None;
        }
        let marks = region_marks(&ds);
        assert_eq!(marks.len(), 3, "{marks:?}");
        assert!(marks.iter().all(|p| !p.is_remainder()));
        ds.regions.truncate(2);
        ds.regions[1].share = Some(in_words(2.0 / 3.0));
        assert!(region_marks(&ds).iter().all(|p| !p.is_remainder()));
        // Two thirds alone leave a third, in words too.
        ds.regions.truncate(1);
        ds.regions[0].share = Some(in_words(2.0 / 3.0));
        let rest = remainder(&ds, &region_parts(&ds)).unwrap();
        assert_eq!(rest.share.value, 333_333);
        assert!(rest.words);
    }

    #[test]
    fn a_share_not_in_words_stays_the_millionths_it_is_written_with() {
        // 0.333333 written as a figure is 33.3333 %, not one third.
        let share = StatedShare {
            words: false,
            ..in_words(0.333_333)
        };
        let ds = one_region(36_300_000.0, share);
        assert_eq!(amounts(&ds), (1_209_998_790, 2_420_001_210));
        // Half in words is half either way.
        let ds = one_region(37_100_767.0, in_words(0.5));
        assert_eq!(amounts(&ds), (1_855_038_350, 1_855_038_350));
    }

    #[test]
    fn a_third_in_words_beside_an_approximate_amount_counts_as_a_third_in_the_rest() {
        // The rest counts a share's amount, not the "about" amount beside it.
        let mut ds = one_region(36_300_000.0, in_words(1.0 / 3.0));
        ds.regions[0].amount = Some(crate::model::StatedAmount {
            value: 12_000_000.0,
            stated: Stated::About,
        });
        let marks = region_marks(&ds);
        let rest = marks.iter().find(|p| p.is_remainder()).unwrap();
        assert_eq!(rest.amount.value, Minor(2_420_000_000));
        // The stated amount stays the source's.
        assert_eq!(marks[0].amount.value, Minor(1_200_000_000));
    }
}
