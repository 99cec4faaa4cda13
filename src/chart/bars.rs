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
        .map(|p| (p.share.value, p.is_remainder()))
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
}
