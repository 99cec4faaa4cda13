//! How a figure was stated by its source, and fixed-point arithmetic for
//! shares and money so derived amounts are reproducible to the cent.

use super::json::{self, Json, Path};

/// How the source stated a figure. Every share and amount carries one, and
/// every derived figure carries the one that honestly follows from it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "snake_case"))]
pub enum Stated {
    /// Stated as is ("35 per cent").
    #[default]
    Exact,
    /// Approximate ("about 60 %").
    About,
    /// A strict lower bound ("more than 40 %").
    MoreThan,
    /// A lower bound ("at least 40 %").
    AtLeast,
    /// An upper bound ("at most 5 %").
    AtMost,
    /// A strict upper bound ("less than 5 %").
    LessThan,
    /// Just under the figure ("almost half"): an upper bound that the source
    /// says is close. "Less than half" would drop the closeness, "about half"
    /// the direction, so neither quotes the source.
    Almost,
    /// An upper bound that is itself approximate ("at most about 30 %"): what
    /// is left of a total once a lower bound and an approximate figure are
    /// taken from it. "At most 29.7 %" would claim a bound the source never
    /// gives to the tenth of a point.
    AtMostAbout,
    /// A lower bound that is itself approximate ("at least about 30 %"), the
    /// same for an upper bound and an approximate figure.
    AtLeastAbout,
}

impl Stated {
    pub const ALL: [Stated; 9] = [
        Stated::Exact,
        Stated::About,
        Stated::MoreThan,
        Stated::AtLeast,
        Stated::AtMost,
        Stated::LessThan,
        Stated::Almost,
        Stated::AtMostAbout,
        Stated::AtLeastAbout,
    ];

    pub fn is_exact(&self) -> bool {
        *self == Stated::Exact
    }

    pub fn is_lower_bound(self) -> bool {
        matches!(
            self,
            Stated::MoreThan | Stated::AtLeast | Stated::AtLeastAbout
        )
    }

    pub fn is_upper_bound(self) -> bool {
        matches!(
            self,
            Stated::AtMost | Stated::LessThan | Stated::Almost | Stated::AtMostAbout
        )
    }

    /// Whether the figure itself is approximate, bound or not.
    pub fn is_approximate(self) -> bool {
        matches!(
            self,
            Stated::About | Stated::AtMostAbout | Stated::AtLeastAbout
        )
    }

    /// The machine name used in the JSON and in CSV exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Stated::Exact => "exact",
            Stated::About => "about",
            Stated::MoreThan => "more_than",
            Stated::AtLeast => "at_least",
            Stated::AtMost => "at_most",
            Stated::LessThan => "less_than",
            Stated::Almost => "almost",
            Stated::AtMostAbout => "at_most_about",
            Stated::AtLeastAbout => "at_least_about",
        }
    }

    /// The fractions of the total (ppm) that a figure of `ppm` stated this way
    /// can stand for, with `ROUNDING_SLACK_PPM` on each open side: a share
    /// written "35 %" or an amount written "USD 13 million" is rounded.
    /// "About" spans a tenth of the figure either way, "almost" a tenth below;
    /// an approximate bound reaches a tenth past its figure.
    pub fn range_ppm(self, ppm: i64) -> (i64, i64) {
        let slack = ROUNDING_SLACK_PPM;
        let tenth = (ppm / 10).max(slack);
        match self {
            Stated::Exact => (ppm - slack, ppm + slack),
            Stated::About => (ppm - tenth, ppm + tenth),
            Stated::MoreThan | Stated::AtLeast => (ppm - slack, PPM),
            Stated::AtMost | Stated::LessThan => (0, ppm + slack),
            Stated::Almost => (ppm - tenth, ppm + slack),
            Stated::AtMostAbout => (0, ppm + tenth),
            Stated::AtLeastAbout => (ppm - tenth, PPM),
        }
    }

    /// How much of a figure of `ppm` stated this way the source leaves open
    /// below it: for an upper bound, the span from the least it can stand for
    /// up to the figure (a tenth for "almost", all of it for "at most");
    /// nothing otherwise. The charts draw a mark at its figure and stripe
    /// this span, so "almost half" is not drawn as a plain half.
    pub fn open_below(self, ppm: i64) -> i64 {
        if !self.is_upper_bound() || ppm <= 0 {
            return 0;
        }
        (ppm - self.range_ppm(ppm).0.max(0)).clamp(0, ppm)
    }

    /// The qualifier of a figure derived from one stated this way: an amount
    /// from a share of the total, or a share from an amount. Sources state
    /// shares as rounded percentages, so an amount computed from an "exact"
    /// share is only approximate: we never show false precision. With a
    /// `rough` base (a total the source rounds), a bound becomes an
    /// approximate bound: more than half of about USD 32 million is "at least
    /// about USD 16 million", not "more than USD 16 million". "Almost" says
    /// it is close already.
    pub fn for_derived(self, rough: bool) -> Stated {
        match self {
            Stated::Exact => Stated::About,
            Stated::Almost => Stated::Almost,
            s if rough && s.is_lower_bound() => Stated::AtLeastAbout,
            s if rough && s.is_upper_bound() => Stated::AtMostAbout,
            other => other,
        }
    }
}

/// A share of the total in [0, 1] and how it was stated.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
pub struct StatedShare {
    /// Fraction of the total, 0.4 for 40 %.
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 1)))]
    pub value: f64,
    pub stated: Stated,
    /// The source put the share in words ("half", "one third"): the widget
    /// says it the same way. Only 1/2, 1/3 and 2/3 have words.
    #[cfg_attr(feature = "schema", serde(default, skip_serializing_if = "is_false"))]
    pub words: bool,
}

// Read by schemars' derive (`skip_serializing_if` above).
#[cfg(feature = "schema")]
fn is_false(b: &bool) -> bool {
    !*b
}

impl Stated {
    pub(super) fn read(v: &Json, at: &Path<'_>) -> Stated {
        let i = json::variant(v, at, &Stated::ALL.map(Stated::as_str), true);
        Stated::ALL.into_iter().nth(i).unwrap_or_default()
    }
}

impl StatedShare {
    pub(super) fn read(v: &Json, at: &Path<'_>) -> StatedShare {
        let m = v.members(at, &["value", "stated", "words"]);
        let share = StatedShare {
            value: m.req("value", json::number),
            stated: m.req("stated", Stated::read),
            words: m.or_default("words", json::boolean),
        };
        // "One third" written 0.33 is one third: kept as the exact fraction,
        // so sums and the words said are those of 1/3.
        match word_share(share.value) {
            Some(exact) if share.words => StatedShare {
                value: exact,
                ..share
            },
            _ => share,
        }
    }

    pub(super) fn to_json(self) -> Json {
        json::object(vec![
            ("value", Some(self.value.into())),
            ("stated", Some(self.stated.as_str().into())),
            ("words", self.words.then_some(Json::Bool(true))),
        ])
    }
}

/// Shares the widget can name in words: half, one third, two thirds.
pub const WORD_SHARES: [f64; 3] = [0.5, 1.0 / 3.0, 2.0 / 3.0];

/// The share in words that `v` is, rounded to the decimals it is written
/// with (0.33, 0.333, 0.3333 and 0.333333 are one third; 0.67 two thirds;
/// 0.5 half), as the exact fraction; None for any other value. A third needs
/// two decimals at least: 0.3 is not one.
pub fn word_share(v: f64) -> Option<f64> {
    if !v.is_finite() || !(0.0..=1.0).contains(&v) {
        return None;
    }
    // The decimals `v` is written with: the fewest that give it back.
    let digits = (1..=17).find(|&d| {
        let scaled = v * 10f64.powi(d);
        (scaled - scaled.round()).abs() <= 1e-9 * scaled.abs().max(1.0)
    })?;
    let p = 10f64.powi(digits);
    WORD_SHARES.into_iter().find(|&w| {
        let thirds = w != 0.5;
        (w * p).round() == (v * p).round() && !(thirds && digits < 2)
    })
}

/// The exact fraction (numerator, denominator) that a share in words stands
/// for, from its millionths: 1/2, 1/3 or 2/3 (`WORD_SHARES` as `to_ppm`
/// rounds them; `StatedShare::read` keeps such a share as the fraction
/// itself). None for any other figure: a share written 0.333333 without
/// words is 333,333 ppm, not one third.
pub fn word_fraction(ppm: i64) -> Option<(i64, i64)> {
    match ppm {
        500_000 => Some((1, 2)),
        333_333 => Some((1, 3)),
        666_667 => Some((2, 3)),
        _ => None,
    }
}

/// An amount in the contribution's currency and how it was stated.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
pub struct StatedAmount {
    /// In major units of the currency (dollars, not cents).
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub value: f64,
    pub stated: Stated,
}

impl StatedAmount {
    pub(super) fn read(v: &Json, at: &Path<'_>) -> StatedAmount {
        let m = v.members(at, &["value", "stated"]);
        StatedAmount {
            value: m.req("value", json::number),
            stated: m.req("stated", Stated::read),
        }
    }

    pub(super) fn to_json(self) -> Json {
        json::object(vec![
            ("value", Some(self.value.into())),
            ("stated", Some(self.stated.as_str().into())),
        ])
    }
}

/// Shares are computed in millionths: 0.4 is 400_000 ppm. Six decimal places
/// are far beyond what any source states, and integers make sums exact.
pub const PPM: i64 = 1_000_000;

/// Half a percentage point: what rounding a stated figure can hide
/// (`Stated::range_ppm`).
pub const ROUNDING_SLACK_PPM: i64 = 5_000;

/// Whether a share and an amount stated for the same part can both be true:
/// the ranges they stand for (`Stated::range_ppm`) overlap. `amount_ppm` is
/// the amount's fraction of the total and `unit_ppm` that of one minor unit
/// (a cent of a small total is more than rounding slack).
pub fn share_fits_amount(
    share: &StatedShare,
    amount_ppm: i64,
    amount: Stated,
    unit_ppm: i64,
) -> bool {
    let (s_lo, s_hi) = share.stated.range_ppm(to_ppm(share.value));
    let (a_lo, a_hi) = amount.range_ppm(amount_ppm);
    s_lo <= a_hi + unit_ppm && a_lo - unit_ppm <= s_hi
}

/// A fraction as parts per million, rounded to the nearest.
pub fn to_ppm(fraction: f64) -> i64 {
    (fraction * PPM as f64).round() as i64
}

pub fn ppm_to_fraction(ppm: i64) -> f64 {
    ppm as f64 / PPM as f64
}

/// Money in minor units (cents for USD) to keep derived amounts exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Minor(pub i64);

impl Minor {
    pub fn from_major(value: f64, minor_digits: u32) -> Minor {
        Minor((value * 10f64.powi(minor_digits as i32)).round() as i64)
    }

    pub fn to_major(self, minor_digits: u32) -> f64 {
        self.0 as f64 / 10f64.powi(minor_digits as i32)
    }

    /// `self × ppm / 1e6`, rounded half away from zero, in 128-bit to avoid overflow.
    pub fn times_ppm(self, ppm: i64) -> Minor {
        self.times_fraction(ppm, PPM)
    }

    /// `self × numerator / denominator` (a positive denominator), rounded
    /// half away from zero once, in 128-bit to avoid overflow.
    pub fn times_fraction(self, numerator: i64, denominator: i64) -> Minor {
        let p = i128::from(self.0) * i128::from(numerator);
        let d = i128::from(denominator);
        // Round half away from zero.
        let q = if p >= 0 {
            (p + d / 2) / d
        } else {
            (p - d / 2) / d
        };
        Minor(q as i64)
    }

    /// The part of `self` that a share of `ppm` stands for: for a share the
    /// source put in words (`words`), the exact fraction ("one third" of
    /// USD 36,300,000 is USD 12,100,000.00, not the 12,099,987.90 of
    /// 333,333 ppm); else `ppm` millionths of it.
    pub fn times_share(self, ppm: i64, words: bool) -> Minor {
        match word_fraction(ppm).filter(|_| words) {
            Some((numerator, denominator)) => self.times_fraction(numerator, denominator),
            None => self.times_ppm(ppm),
        }
    }

    /// `self / total` as ppm, rounded to nearest; 0 when total is 0.
    /// Held within ±2^60: validation works out the share of an amount far
    /// above the total (a typo with extra zeros) before it reports it, and
    /// the bounds and sums made from that share must not overflow.
    pub fn ppm_of(self, total: Minor) -> i64 {
        const LIMIT: i128 = 1 << 60;
        if total.0 == 0 {
            return 0;
        }
        let p = i128::from(self.0) * i128::from(PPM);
        let t = i128::from(total.0);
        // Within ±2^60 the cast is exact.
        ((p + t / 2) / t).clamp(-LIMIT, LIMIT) as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_a_third_or_a_half_at_the_precision_written() {
        let third = Some(1.0 / 3.0);
        for v in [0.33, 0.333, 0.3333, 0.333333, 0.3333333, 1.0 / 3.0] {
            assert_eq!(word_share(v), third, "{v}");
        }
        for v in [0.67, 0.667, 0.6667, 0.666667, 2.0 / 3.0] {
            assert_eq!(word_share(v), Some(2.0 / 3.0), "{v}");
        }
        assert_eq!(word_share(0.5), Some(0.5));
        assert_eq!(word_share(0.50), Some(0.5));
        for v in [
            0.3,
            0.34,
            0.332,
            0.45,
            0.7,
            0.6,
            0.5001,
            1.0,
            0.0,
            -0.33,
            f64::NAN,
        ] {
            assert_eq!(word_share(v), None, "{v}");
        }
    }

    #[test]
    fn forty_percent_of_the_2021_total_is_exact_to_the_cent() {
        let total = Minor::from_major(37_100_767.0, 2);
        assert_eq!(total.times_ppm(to_ppm(0.40)), Minor(1_484_030_680));
        assert_eq!(total.times_ppm(to_ppm(0.35)), Minor(1_298_526_845));
        assert_eq!(total.times_ppm(to_ppm(0.20)), Minor(742_015_340));
        assert_eq!(total.times_ppm(to_ppm(0.05)), Minor(185_503_835));
    }

    #[test]
    fn a_share_in_words_is_its_exact_fraction_rounded_once() {
        let total = Minor::from_major(36_300_000.0, 2);
        assert_eq!(total.times_share(333_333, true), Minor(1_210_000_000));
        assert_eq!(total.times_share(666_667, true), Minor(2_420_000_000));
        assert_eq!(total.times_share(500_000, true), Minor(1_815_000_000));
        // Without words, the millionths as written.
        assert_eq!(total.times_share(333_333, false), Minor(1_209_998_790));
        assert_eq!(total.times_share(666_667, false), Minor(2_420_001_210));
        // Other figures have no fraction, in words or not.
        assert_eq!(total.times_share(400_000, true), total.times_ppm(400_000));
        // Halves away from zero, once: a third of 0.05 is 0.02, two thirds 0.03.
        assert_eq!(Minor(5).times_share(333_333, true), Minor(2));
        assert_eq!(Minor(5).times_share(666_667, true), Minor(3));
        assert_eq!(Minor(-5).times_fraction(1, 2), Minor(-3));
        // No overflow at the largest amount: 2^63 − 1 is 3k + 1.
        assert_eq!(
            Minor(i64::MAX).times_share(666_667, true).0,
            i64::MAX / 3 * 2 + 1
        );
        // Every share with words has its fraction, and only those.
        for w in WORD_SHARES {
            let (n, d) = word_fraction(to_ppm(w)).unwrap();
            assert_eq!(n as f64 / d as f64, w);
        }
        assert_eq!(word_fraction(333_334), None);
    }

    #[test]
    fn ppm_of_is_the_inverse_of_times_ppm() {
        let total = Minor(3_710_076_700);
        let part = total.times_ppm(400_000);
        assert_eq!(part.ppm_of(total), 400_000);
        assert_eq!(part.ppm_of(Minor(0)), 0);
    }

    #[test]
    fn ppm_of_an_amount_far_above_the_total_is_held_where_bounds_cannot_overflow() {
        // 1e19 of a currency against a total of 0.06: the amount saturates at i64::MAX.
        let huge = Minor::from_major(1e19, 2);
        assert_eq!(huge, Minor(i64::MAX));
        let ppm = huge.ppm_of(Minor(6));
        assert_eq!(ppm, 1 << 60);
        assert_eq!(Minor(i64::MIN).ppm_of(Minor(6)), -(1 << 60));
        // What validation then does with it.
        for stated in [
            Stated::Exact,
            Stated::About,
            Stated::AtMostAbout,
            Stated::Almost,
        ] {
            let (low, high) = stated.range_ppm(ppm);
            assert!(low <= ppm && ppm <= high, "{stated:?}");
        }
    }

    #[test]
    fn derived_amounts_from_exact_shares_are_approximate() {
        assert_eq!(Stated::Exact.for_derived(false), Stated::About);
        assert_eq!(Stated::MoreThan.for_derived(false), Stated::MoreThan);
        assert_eq!(Stated::AtMost.for_derived(false), Stated::AtMost);
        assert_eq!(Stated::Almost.for_derived(false), Stated::Almost);
        // From a rounded total, a bound is an approximate bound.
        assert_eq!(Stated::Exact.for_derived(true), Stated::About);
        assert_eq!(Stated::About.for_derived(true), Stated::About);
        assert_eq!(Stated::MoreThan.for_derived(true), Stated::AtLeastAbout);
        assert_eq!(Stated::AtLeast.for_derived(true), Stated::AtLeastAbout);
        assert_eq!(Stated::AtMost.for_derived(true), Stated::AtMostAbout);
        assert_eq!(Stated::LessThan.for_derived(true), Stated::AtMostAbout);
        assert_eq!(Stated::AtMostAbout.for_derived(true), Stated::AtMostAbout);
        assert_eq!(Stated::Almost.for_derived(true), Stated::Almost);
    }

    #[test]
    fn a_share_fits_an_amount_within_rounding_and_bounds() {
        let share = |value, stated| StatedShare {
            value,
            stated,
            words: false,
        };
        let fits = |s, ppm, a| share_fits_amount(&s, ppm, a, 0);
        use Stated::*;
        // 35 % and USD 13\u{a0}million of 37.1\u{a0}million (35.04 %): rounding.
        assert!(fits(share(0.35, Exact), 350_400, Exact));
        // One percentage point apart is the most rounding can explain.
        assert!(fits(share(0.35, Exact), 360_000, Exact));
        assert!(!fits(share(0.35, Exact), 360_001, Exact));
        assert!(!fits(share(0.35, Exact), 270_000, Exact));
        // "More than 40 %" rules out a quarter, not three quarters.
        assert!(!fits(share(0.4, MoreThan), 250_000, Exact));
        assert!(fits(share(0.4, MoreThan), 750_000, Exact));
        assert!(fits(share(0.4, MoreThan), 396_000, About));
        // An upper bound rules out more, not less.
        assert!(fits(share(0.05, AtMost), 10_000, Exact));
        assert!(!fits(share(0.05, LessThan), 80_000, Exact));
        // "About" spans a tenth of its figure; "almost" a tenth below.
        assert!(fits(share(0.6, About), 540_000, Exact));
        assert!(!fits(share(0.6, About), 520_000, Exact));
        assert!(fits(share(0.5, Almost), 460_000, Exact));
        assert!(!fits(share(0.5, Almost), 520_000, Exact));
        // An approximate bound reaches a tenth past its figure, one way.
        assert!(fits(share(0.3, AtMostAbout), 320_000, Exact));
        assert!(!fits(share(0.3, AtMostAbout), 340_000, Exact));
        assert!(fits(share(0.3, AtMostAbout), 10_000, Exact));
        assert!(fits(share(0.3, AtLeastAbout), 280_000, Exact));
        assert!(!fits(share(0.3, AtLeastAbout), 260_000, Exact));
        // Two bounds the same way always fit; opposite ones must meet.
        assert!(fits(share(0.4, AtLeast), 100_000, AtLeast));
        assert!(!fits(share(0.4, AtLeast), 100_000, AtMost));
        // 1 yen of 32 is 3.1 %: no finer amount was possible.
        assert!(share_fits_amount(
            &share(0.05, Exact),
            31_250,
            Exact,
            31_250
        ));
    }

    #[test]
    fn bounds_are_classified() {
        assert!(Stated::MoreThan.is_lower_bound() && Stated::AtLeast.is_lower_bound());
        assert!(Stated::AtMost.is_upper_bound() && Stated::LessThan.is_upper_bound());
        assert!(!Stated::About.is_lower_bound() && !Stated::About.is_upper_bound());
        assert!(Stated::Almost.is_upper_bound() && !Stated::Almost.is_lower_bound());
        assert!(Stated::AtMostAbout.is_upper_bound() && !Stated::AtMostAbout.is_lower_bound());
        assert!(Stated::AtLeastAbout.is_lower_bound() && !Stated::AtLeastAbout.is_upper_bound());
        let approximate: Vec<Stated> = Stated::ALL
            .into_iter()
            .filter(|s| s.is_approximate())
            .collect();
        assert_eq!(
            approximate,
            [Stated::About, Stated::AtMostAbout, Stated::AtLeastAbout]
        );
        assert_eq!(WORD_SHARES.map(to_ppm), [500_000, 333_333, 666_667]);
    }

    #[test]
    fn only_upper_bounds_leave_a_span_open_below_the_figure() {
        // "Almost half": the tenth below half; "at most 5 %": all of it.
        assert_eq!(Stated::Almost.open_below(500_000), 50_000);
        assert_eq!(Stated::AtMost.open_below(50_000), 50_000);
        assert_eq!(Stated::LessThan.open_below(50_000), 50_000);
        assert_eq!(Stated::AtMostAbout.open_below(296_875), 296_875);
        for s in [
            Stated::Exact,
            Stated::About,
            Stated::MoreThan,
            Stated::AtLeast,
            Stated::AtLeastAbout,
        ] {
            assert_eq!(s.open_below(400_000), 0, "{s:?}");
        }
        // Never more than the figure, never negative.
        assert_eq!(Stated::Almost.open_below(10), 10);
        assert_eq!(Stated::Almost.open_below(0), 0);
        assert_eq!(Stated::AtMost.open_below(-5), 0);
    }
}
