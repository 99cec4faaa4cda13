//! Bars, for breakdowns with more parts than a donut shows legibly: past
//! eight colours the palette repeats and the slices get too thin to see or
//! to hit. Each bar carries its name, so no colour is needed to tell them apart.

use crate::model::derive::Part;

/// The most marks a donut draws: the eight palette colours and the remainder.
pub const MAX_DONUT_MARKS: usize = 9;

pub fn uses_bars(marks: usize) -> bool {
    marks > MAX_DONUT_MARKS
}

/// Bar order: largest share first (ties keep data order), the remainder last,
/// so a reader scanning down meets the parts in order of size.
pub fn order(shares: &[(i64, bool)]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..shares.len()).collect();
    // A stable sort keeps the data order of equal shares.
    idx.sort_by_key(|&i| {
        let (ppm, rest) = shares.get(i).copied().unwrap_or((0, true));
        (rest, std::cmp::Reverse(ppm))
    });
    idx
}

/// `parts` in the order they are drawn: bar order when there are bars,
/// else as they come (the donut keeps the data order).
pub fn in_drawing_order(parts: Vec<Part<'_>>) -> Vec<Part<'_>> {
    if !uses_bars(parts.len()) {
        return parts;
    }
    let shares: Vec<(i64, bool)> = parts
        .iter()
        .map(|p| (p.drawn_ppm(), p.is_remainder()))
        .collect();
    order(&shares)
        .into_iter()
        .filter_map(|i| parts.get(i).copied())
        .collect()
}

/// Length of each bar in % of the track, the largest share filling it. A
/// part with any share stays visible (at least 0.5 %) however small.
pub fn lengths(shares: &[i64]) -> Vec<f64> {
    let max = shares.iter().copied().max().unwrap_or(0);
    shares
        .iter()
        .map(|&ppm| {
            if max <= 0 || ppm <= 0 {
                0.0
            } else {
                (ppm as f64 / max as f64 * 100.0).max(0.5)
            }
        })
        .collect()
}

/// Where, along a bar of `length` for a share of `ppm`, the span its figure
/// leaves open (`open` ppm, [`Part::open_ppm`]) begins: it runs from there to
/// the bar's end. None when nothing is open.
pub fn open_from(length: f64, ppm: i64, open: i64) -> Option<f64> {
    (open > 0 && ppm > 0).then(|| length * (1.0 - open.min(ppm) as f64 / ppm as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_donut_up_to_nine_marks_then_bars() {
        assert!(!uses_bars(5));
        assert!(!uses_bars(9));
        assert!(uses_bars(10));
        assert!(uses_bars(201));
    }

    #[test]
    fn largest_first_ties_in_data_order_remainder_last() {
        let shares = [
            (100, false),
            (50_000, true),
            (300, false),
            (100, false),
            (900, false),
        ];
        assert_eq!(order(&shares), [4, 2, 0, 3, 1]);
    }

    #[test]
    fn the_largest_fills_the_track_and_small_ones_stay_visible() {
        let l = lengths(&[400_000, 200_000, 10, 0]);
        assert_eq!(l[0], 100.0);
        assert_eq!(l[1], 50.0);
        assert_eq!(l[2], 0.5);
        assert_eq!(l[3], 0.0);
        assert!(lengths(&[]).is_empty());
        assert_eq!(lengths(&[0, 0]), [0.0, 0.0]);
    }

    #[test]
    fn the_open_span_is_the_end_of_the_bar() {
        assert_eq!(open_from(80.0, 500_000, 50_000), Some(72.0));
        assert_eq!(open_from(10.0, 50_000, 50_000), Some(0.0));
        assert_eq!(open_from(10.0, 50_000, 90_000), Some(0.0));
        assert_eq!(open_from(80.0, 500_000, 0), None);
        assert_eq!(open_from(0.0, 0, 10), None);
    }
}
