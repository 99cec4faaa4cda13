//! Donut geometry. A donut (not bars) because the default data is a handful
//! of parts of one whole, and the unattributed remainder sits right next to
//! the lower-bound region it may belong to (see ARCHITECTURE.md).

use std::f64::consts::TAU;

use crate::i18n::format::decimal;

/// Size of the square viewBox the donut is drawn in.
pub const VIEW: f64 = 200.0;
pub const CENTER: f64 = VIEW / 2.0;
pub const OUTER: f64 = 96.0;
pub const INNER: f64 = 58.0;

/// One ring segment, from `start` to `end` as fractions of the full turn.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub start: f64,
    pub end: f64,
    /// SVG path data for the segment.
    pub path: String,
}

/// Segments for `fractions` laid end to end clockwise from 12 o'clock. When
/// the fractions add up to less than 1 the ring is left open at the end.
pub fn segments(fractions: &[f64]) -> Vec<Segment> {
    let mut at = 0.0;
    fractions
        .iter()
        .map(|&f| {
            let f = if f.is_finite() {
                f.clamp(0.0, 1.0)
            } else {
                0.0
            };
            let start = at;
            let end = (at + f).min(1.0);
            at = end;
            Segment {
                start,
                end,
                path: ring_path(start, end, OUTER, INNER),
            }
        })
        .collect()
}

/// Path data of the end of `seg` that its figure leaves open (`open`, a
/// fraction of the turn): the part of a mark drawn at an upper bound that
/// the mark may not fill. Empty when nothing is open.
pub fn open_path(seg: &Segment, open: f64) -> String {
    // NaN too: not a positive span.
    if open.is_nan() || open <= 0.0 {
        return String::new();
    }
    ring_path((seg.end - open).max(seg.start), seg.end, OUTER, INNER)
}

/// Path data of the focus ring of `seg`: the segment itself, or for one too
/// thin to see (a rest drawn at nothing) a sliver of the ring where it sits,
/// so that keyboard focus on it shows.
pub fn focus_path(seg: &Segment) -> String {
    const SLIVER: f64 = 0.008;
    if seg.end - seg.start >= SLIVER {
        return seg.path.clone();
    }
    let start = (seg.start - SLIVER / 2.0).clamp(0.0, 1.0 - SLIVER);
    ring_path(start, start + SLIVER, OUTER, INNER)
}

/// A point on the circle of radius `r` at `frac` of a turn from 12 o'clock.
pub fn point(frac: f64, r: f64) -> (f64, f64) {
    let (sin, cos) = sin_cos_turn(frac);
    (CENTER + r * sin, CENTER - r * cos)
}

/// Sine and cosine of `frac` of a full turn. Quadrant reduction plus Taylor
/// series (error < 1e-15 on a quarter turn): `f64::sin` would link libm's
/// general argument reduction (~7 KB of wasm) for angles that never leave
/// one turn.
pub fn sin_cos_turn(frac: f64) -> (f64, f64) {
    if !frac.is_finite() {
        return (0.0, 1.0);
    }
    let quarters = frac.rem_euclid(1.0) * 4.0;
    let q = quarters.floor();
    let x = (quarters - q) * (TAU / 4.0);
    let x2 = x * x;
    // Horner form of the series up to x^21 and x^20.
    let mut s = 1.0;
    let mut c = 1.0;
    for k in (1..=10).rev() {
        let k = k as f64;
        s = 1.0 - x2 / ((2.0 * k) * (2.0 * k + 1.0)) * s;
        c = 1.0 - x2 / ((2.0 * k - 1.0) * (2.0 * k)) * c;
    }
    let (s, c) = (x * s, c);
    match q as u8 {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// Two decimals are sub-pixel at any size the widget is shown; fewer bytes in the DOM.
fn n(v: f64) -> String {
    decimal(v, 2)
}

/// Path data of the ring segment between two fractions of a turn.
pub fn ring_path(start: f64, end: f64, outer: f64, inner: f64) -> String {
    let sweep = end - start;
    if sweep <= 0.0 {
        return String::new();
    }
    if sweep >= 0.999_999 {
        // A full ring: two half circles each way, the hole cut by evenodd filling.
        let c = n(CENTER);
        return format!(
            "M{c} {a}A{o} {o} 0 1 1 {c} {b}A{o} {o} 0 1 1 {c} {a}ZM{c} {ai}A{i} {i} 0 1 0 {c} {bi}A{i} {i} 0 1 0 {c} {ai}Z",
            a = n(CENTER - outer),
            b = n(CENTER + outer),
            ai = n(CENTER - inner),
            bi = n(CENTER + inner),
            o = n(outer),
            i = n(inner),
        );
    }
    let large = if sweep > 0.5 { 1 } else { 0 };
    let (x0, y0) = point(start, outer);
    let (x1, y1) = point(end, outer);
    let (x2, y2) = point(end, inner);
    let (x3, y3) = point(start, inner);
    format!(
        "M{} {}A{o} {o} 0 {large} 1 {} {}L{} {}A{i} {i} 0 {large} 0 {} {}Z",
        n(x0),
        n(y0),
        n(x1),
        n(y1),
        n(x2),
        n(y2),
        n(x3),
        n(y3),
        o = n(outer),
        i = n(inner),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_mark_too_thin_to_see_still_gets_a_visible_focus_ring() {
        let segs = super::segments(&[0.6, 0.0, 0.4]);
        assert!(segs[1].path.is_empty());
        let ring = super::focus_path(&segs[1]);
        assert!(!ring.is_empty());
        // At the end of the ring too, without passing it.
        let last = super::segments(&[1.0, 0.0]);
        assert!(!super::focus_path(&last[1]).is_empty());
        // A mark that shows is its own ring.
        assert_eq!(super::focus_path(&segs[0]), segs[0].path);
    }

    use super::*;

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    #[test]
    fn points_go_clockwise_from_twelve() {
        assert!(close(point(0.0, 10.0), (CENTER, CENTER - 10.0)));
        assert!(close(point(0.25, 10.0), (CENTER + 10.0, CENTER)));
        assert!(close(point(0.5, 10.0), (CENTER, CENTER + 10.0)));
    }

    #[test]
    fn sin_cos_turn_matches_std() {
        for i in 0..=10_000 {
            let f = i as f64 / 10_000.0 * 1.5 - 0.25;
            let (s, c) = sin_cos_turn(f);
            assert!((s - (f * TAU).sin()).abs() < 1e-13, "sin at {f}");
            assert!((c - (f * TAU).cos()).abs() < 1e-13, "cos at {f}");
        }
        assert_eq!(sin_cos_turn(f64::NAN), (0.0, 1.0));
    }

    #[test]
    fn segments_are_laid_end_to_end() {
        let s = segments(&[0.4, 0.05, 0.35, 0.2]);
        assert_eq!(s.len(), 4);
        assert_eq!(s[0].start, 0.0);
        for w in s.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        assert!((s[3].end - 1.0).abs() < 1e-12);
    }

    #[test]
    fn segments_never_pass_a_full_turn_and_ignore_bad_input() {
        let s = segments(&[0.7, 0.7, f64::NAN, -1.0]);
        assert!((s[1].end - 1.0).abs() < 1e-12);
        assert!(s[2].path.is_empty() && s[3].path.is_empty());
    }

    #[test]
    fn the_open_span_is_the_end_of_its_segment() {
        let s = segments(&[0.5, 0.5]);
        assert_eq!(open_path(&s[0], 0.05), ring_path(0.45, 0.5, OUTER, INNER));
        // All of a mark open; never past its start; nothing open, no path.
        assert_eq!(open_path(&s[1], 0.5), s[1].path);
        assert_eq!(open_path(&s[1], 0.9), s[1].path);
        assert!(open_path(&s[0], 0.0).is_empty() && open_path(&s[0], f64::NAN).is_empty());
    }

    #[test]
    fn large_arc_flag_is_set_only_past_half() {
        assert!(ring_path(0.0, 0.4, OUTER, INNER).contains(" 0 0 1 "));
        assert!(ring_path(0.0, 0.6, OUTER, INNER).contains(" 0 1 1 "));
    }

    #[test]
    fn a_quarter_segment_has_the_expected_corners() {
        let p = ring_path(0.0, 0.25, OUTER, INNER);
        assert_eq!(p, "M100 4A96 96 0 0 1 196 100L158 100A58 58 0 0 0 100 42Z");
    }

    #[test]
    fn a_full_turn_is_a_ring_with_a_hole() {
        let p = ring_path(0.0, 1.0, OUTER, INNER);
        assert_eq!(p.matches('M').count(), 2);
    }
}

/// Width of text the hole of the donut can hold, in viewBox units.
/// The hole is 116 wide; bold system fonts run wider than `char_em`
/// guesses, and the text must not touch the ring.
pub const HOLE_TEXT_WIDTH: f64 = 88.0;

/// Rough advance width of a character in ems: wide for CJK, narrow otherwise,
/// with the Latin letters furthest from the average apart (Spanish "como
/// máximo", three m's, ran past the ring).
/// Good enough to keep a label inside the hole without measuring in the DOM.
fn char_em(c: char) -> f64 {
    if ('\u{2E80}'..='\u{FFEF}').contains(&c) {
        1.0
    } else if matches!(c, 'm' | 'w' | 'M' | 'W') {
        0.88
    } else if matches!(c, 'i' | 'j' | 'l' | 'í' | 'ï' | 'î' | 'ì') {
        0.28
    } else if c.is_ascii_digit() || c.is_ascii_uppercase() {
        0.64
    } else {
        0.56
    }
}

pub fn text_em(text: &str) -> f64 {
    text.chars().map(char_em).sum()
}

/// The total in the hole, as one line or split in two, with the largest font
/// size (≤ `max_size`) that fits. It splits after the figure ("27" |
/// "millions USD", as "37,1" | "millions USD") unless another space allows
/// a clearly larger font, so one year's hole reads like the next.
pub fn hole_label(text: &str, max_size: f64) -> (Vec<String>, f64) {
    let fit = |lines: &[&str]| {
        let widest = lines.iter().map(|l| text_em(l)).fold(0.0, f64::max);
        if widest > 0.0 {
            (HOLE_TEXT_WIDTH / widest).min(max_size)
        } else {
            max_size
        }
    };
    let one = fit(&[text]);
    let splits: Vec<(f64, &str, &str)> = text
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| {
            (
                text.get(..i).unwrap_or_default(),
                text.get(i + 1..).unwrap_or_default(),
            )
        })
        .map(|(a, b)| (fit(&[a, b]), a, b))
        .collect();
    let balanced =
        splits
            .iter()
            .copied()
            .fold(None::<(f64, &str, &str)>, |best, cand| match best {
                Some(b) if b.0 >= cand.0 => Some(b),
                _ => Some(cand),
            });
    let after_figure = splits
        .iter()
        .copied()
        .find(|(_, a, _)| a.ends_with(|c: char| c.is_ascii_digit()));
    let best_split = match (after_figure, balanced) {
        (Some(f), Some(b)) if f.0 >= b.0 * 0.85 => Some(f),
        (_, b) => b,
    };
    match best_split {
        // Two lines only when they allow a clearly larger font.
        Some((size, a, b)) if size > one * 1.25 => (vec![a.to_owned(), b.to_owned()], size),
        _ => (vec![text.to_owned()], one),
    }
}

/// The scale (at most 1) at which centred lines of text fit inside the hole
/// with a margin, each given as (width, font size, baseline y) in viewBox
/// units: the whole block scaled about the centre. Widths are checked at each
/// line's height, where the circle is narrower than across its middle.
pub fn hole_fit(lines: &[(f64, f64, f64)]) -> f64 {
    let room = INNER - 4.0;
    lines
        .iter()
        .map(|&(width, size, y)| {
            // The glyphs' box: about 0.8 of the size above the baseline, 0.25 below.
            let dy = (y - 0.8 * size - CENTER)
                .abs()
                .max((y + 0.25 * size - CENTER).abs());
            let reach = (width / 2.0).hypot(dy);
            if reach > room {
                room / reach
            } else {
                1.0
            }
        })
        .fold(1.0, f64::min)
}

/// A line of text in the hole, placed: its text, whether it is the figure
/// (bold) or the caption under it, its font size and its baseline, in
/// viewBox units, the whole block already scaled to fit (`hole_fit`).
#[derive(Clone, Debug, PartialEq)]
pub struct HoleLine {
    pub text: String,
    pub figure: bool,
    pub size: f64,
    pub y: f64,
}

/// The hole when nothing is selected: the total, sized to fit (it may take
/// two lines; the no-break spaces `Intl` puts in it may break here), over
/// one line of caption.
pub fn hole_total(total: &str, caption: &str) -> Vec<HoleLine> {
    let total = total.replace(['\u{a0}', '\u{202f}'], " ");
    let (lines, size) = hole_label(&total, 22.0);
    place_hole(lines, size, vec![caption.to_owned()], 12.0)
}

/// The hole showing a part: its share over its name, which wraps into three
/// lines, or two when the share takes two.
pub fn hole_part(share: &str, name: &str) -> Vec<HoleLine> {
    let (lines, size) = hole_label(share, 18.0);
    let room = if lines.len() > 1 { 2 } else { 3 };
    let (caption, caption_size) = hole_wrap(name, 12.0, 9.0, room);
    place_hole(lines, size, caption, caption_size)
}

/// The figure's lines over the caption's, centred as a block on the hole
/// and scaled about its centre where a line would reach the ring (a wide
/// line high in the hole; bold runs about 8 % wider than `text_em` guesses).
fn place_hole(
    figure: Vec<String>,
    size: f64,
    caption: Vec<String>,
    caption_size: f64,
) -> Vec<HoleLine> {
    let line_height = size * 1.2;
    let caption_height = caption_size * 1.25;
    let block = line_height * figure.len() as f64
        + caption_height * caption.len() as f64
        + caption_size * 0.15;
    let top = CENTER - block / 2.0 + size * 0.85;
    let caption_top = top + line_height * (figure.len() as f64 - 1.0) + caption_size * 1.5;
    let mut lines: Vec<HoleLine> = figure
        .into_iter()
        .enumerate()
        .map(|(i, text)| HoleLine {
            text,
            figure: true,
            size,
            y: top + line_height * i as f64,
        })
        .chain(caption.into_iter().enumerate().map(|(i, text)| HoleLine {
            text,
            figure: false,
            size: caption_size,
            y: caption_top + caption_height * i as f64,
        }))
        .collect();
    let fit = hole_fit(
        &lines
            .iter()
            .map(|l| {
                let bold = if l.figure { 1.08 } else { 1.0 };
                (text_em(&l.text) * l.size * bold, l.size, l.y)
            })
            .collect::<Vec<_>>(),
    );
    for l in &mut lines {
        l.size *= fit;
        l.y = CENTER + (l.y - CENTER) * fit;
    }
    lines
}

/// Characters a Japanese line may not begin with (a light kinsoku): they stay
/// with the character before them.
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '・' | '、'
            | '。'
            | '，'
            | '．'
            | 'ー'
            | '）'
            | '」'
            | '』'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
    )
}

/// A byte range of a text: a piece of a line, or a line.
type Span = (usize, usize);

/// The pieces lines are made of, as byte ranges of `text`: a word with the
/// space after it; in CJK text, one character (with any that may not begin
/// a line), or, when `coarse`, a run up to a "・" or "、", where Japanese
/// names break best.
fn hole_units(text: &str, coarse: bool) -> Vec<Span> {
    let cjk = |c: char| char_em(c) >= 1.0;
    let mut units: Vec<Span> = Vec::new();
    // Whether the next character joins the last unit.
    let mut open = false;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        match units.last_mut() {
            Some(unit) if open || (cjk(c) && no_line_start(c)) => unit.1 = end,
            _ => units.push((i, end)),
        }
        open = if cjk(c) {
            coarse && !matches!(c, '・' | '、')
        } else {
            c != ' '
        };
    }
    units
}

/// A part's name under its share in the hole: wrapped at spaces (and in CJK
/// text between characters, best after a "・") into at most `max_lines`
/// balanced lines, at the largest size from `max_size` down to `min_size` at
/// which it fits; no word is cut (a word too long for a line makes the text
/// smaller). A name that does not fit even at `min_size` ends in "…": the
/// legend and the detail panel carry it whole.
pub fn hole_wrap(text: &str, max_size: f64, min_size: f64, max_lines: usize) -> (Vec<String>, f64) {
    let text = text.trim();
    let em = |(a, b): Span| text_em(text.get(a..b).unwrap_or_default().trim_end());
    let widest = |units: &[Span]| units.iter().map(|&u| em(u)).fold(0.0, f64::max);
    // Greedy lines no wider than `width` (viewBox units) at `size`, as byte ranges.
    let lines = |units: &[Span], size: f64, width: f64| {
        let mut lines: Vec<Span> = Vec::new();
        for &(a, b) in units {
            match lines.last_mut() {
                Some(line) if em((line.0, b)) * size <= width => line.1 = b,
                _ => lines.push((a, b)),
            }
        }
        lines
    };
    let text_of = |(a, b): Span| text.get(a..b).unwrap_or_default().trim_end().to_owned();
    // The size and lines for pieces `units`: the largest size (down to
    // `min_size`) for each number of lines that fits, then fewer lines where
    // they cost little size ("Not attributed" | "by the source" rather than
    // "Not" | "attributed by" | "the source"), balanced: the narrowest width
    // that needs no more lines, so a last line is not left with one word.
    let best = |units: &[Span]| {
        let mut fits: Vec<(usize, f64)> = Vec::new();
        let mut size = max_size;
        while size >= min_size {
            let n = lines(units, size, HOLE_TEXT_WIDTH).len();
            if widest(units) * size <= HOLE_TEXT_WIDTH
                && n <= max_lines
                && !fits.iter().any(|f| f.0 <= n)
            {
                fits.push((n, size));
            }
            size -= 0.5;
        }
        let largest = fits.first().map_or(0.0, |f| f.1);
        let &(n, size) = fits
            .iter()
            .filter(|f| f.1 >= largest * 0.85)
            .min_by_key(|f| f.0)?;
        let mut width = widest(units) * size;
        while lines(units, size, width).len() > n && width < HOLE_TEXT_WIDTH {
            width += 1.0;
        }
        Some((lines(units, size, width), size, largest))
    };
    let (coarse, fine) = (hole_units(text, true), hole_units(text, false));
    // Japanese breaks after its "・" unless that costs clearly more size.
    let chosen = match (best(&coarse), best(&fine)) {
        (Some(c), Some(f)) if c.2 < f.2 * 0.85 => Some(f),
        (Some(c), _) => Some(c),
        (None, f) => f,
    };
    if let Some((spans, size, _)) = chosen {
        return (spans.into_iter().map(text_of).collect(), size);
    }
    // Too long even at `min_size`: a word wider than the hole is cut where
    // the line ends, and the last line ends in "…".
    let mut pieces: Vec<Span> = Vec::new();
    for &(a, b) in &fine {
        let mut start = a;
        for (i, c) in text.get(a..b).unwrap_or_default().char_indices() {
            let at = a + i;
            if at > start && em((start, at + c.len_utf8())) * min_size > HOLE_TEXT_WIDTH {
                pieces.push((start, at));
                start = at;
            }
        }
        pieces.push((start, b));
    }
    let all = lines(&pieces, min_size, HOLE_TEXT_WIDTH);
    let cut = all.len() > max_lines.max(1);
    let mut shown: Vec<String> = all
        .into_iter()
        .take(max_lines.max(1))
        .map(text_of)
        .collect();
    if let (true, Some(last)) = (cut, shown.last_mut()) {
        while !last.is_empty() && (text_em(last) + char_em('…')) * min_size > HOLE_TEXT_WIDTH {
            last.pop();
        }
        while last.ends_with([' ', ',', ';', '、', '・']) {
            last.pop();
        }
        last.push('…');
    }
    (shown, min_size)
}

#[cfg(test)]
mod hole_tests {
    use super::*;

    /// Every line within the width the hole holds at `size`.
    fn fit(lines: &[String], size: f64) -> bool {
        lines
            .iter()
            .all(|l| text_em(l) * size <= HOLE_TEXT_WIDTH + 1e-9)
    }

    #[test]
    fn a_long_total_is_split_over_two_lines_that_fit() {
        let (lines, size) = hole_label("USD 37.1 million", 22.0);
        assert_eq!(lines, ["USD 37.1", "million"]);
        assert!(fit(&lines, size));
        assert!(size >= 16.0, "still readable: {size}");
    }

    #[test]
    fn every_year_splits_after_its_figure() {
        // Not "27 millions" | "USD" beside "37,1" | "millions USD".
        for (text, first) in [
            ("37,1 millions USD", "37,1"),
            ("27 millions USD", "27"),
            ("32 millions USD", "32"),
            ("30,5 millones USD", "30,5"),
            ("USD 37.1 million", "USD 37.1"),
            ("USD 27 million", "USD 27"),
        ] {
            let (lines, size) = hole_label(text, 22.0);
            assert_eq!(lines.first().map(String::as_str), Some(first), "{text}");
            assert!(fit(&lines, size));
        }
    }

    #[test]
    fn a_short_label_stays_on_one_line_at_the_cap() {
        assert_eq!(hole_label("USD 5", 22.0), (vec!["USD 5".to_owned()], 22.0));
    }

    #[test]
    fn text_without_spaces_shrinks_to_fit() {
        let (lines, size) = hole_label("3,710万米ドル", 22.0);
        assert_eq!(lines.len(), 1);
        assert!(text_em(&lines[0]) * size <= HOLE_TEXT_WIDTH + 1e-9);
    }
    #[test]
    fn a_long_name_wraps_into_lines_that_fit() {
        let (lines, size) = hole_wrap("Middle East and North Africa, and Europe", 12.0, 9.0, 4);
        assert!(lines.len() > 1 && lines.len() <= 4, "{lines:?}");
        assert_eq!(lines.join(" "), "Middle East and North Africa, and Europe");
        assert!(fit(&lines, size));
        assert!(size >= 10.0, "{size}");
    }

    #[test]
    fn a_name_too_long_for_the_lines_ends_in_an_ellipsis() {
        let name =
            "Countries of the Eastern Mediterranean, the Gulf, the Caucasus and Central Asia";
        let (lines, size) = hole_wrap(name, 12.0, 9.0, 3);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(size, 9.0);
        let last = lines.last().map(String::as_str).unwrap_or_default();
        assert!(
            last.ends_with('…') && !last.ends_with(" …") && !last.ends_with(",…"),
            "{last}"
        );
        assert!(fit(&lines, size));
        assert!(name.starts_with(&lines[..2].join(" ")));
    }

    #[test]
    fn a_long_word_shrinks_the_text_down_to_the_floor_then_is_cut() {
        let (lines, size) = hole_wrap("Zusammenarbeitsländerprogramme Afrika", 12.0, 9.0, 3);
        assert!(size >= 9.0, "never a hairline: {size}");
        assert!(fit(&lines, size), "{lines:?}");
        assert!(lines.concat().replace('…', "").len() > 20, "{lines:?}");
        let (lines, size) = hole_wrap("Internationalisierungsbestrebungen", 12.0, 9.0, 3);
        assert_eq!(size, 9.0);
        assert!(lines.len() <= 3 && fit(&lines, size), "{lines:?}");
        assert_eq!(lines.concat(), "Internationalisierungsbestrebungen");
    }

    #[test]
    fn japanese_keeps_its_middle_dots_rather_than_a_little_more_size() {
        let (lines, _) = hole_wrap("中東・北アフリカ・欧州・中央アジア", 12.0, 9.0, 3);
        assert_eq!(lines.concat(), "中東・北アフリカ・欧州・中央アジア");
        assert!(
            lines
                .iter()
                .all(|l| l.ends_with('・') || l.ends_with("アジア")),
            "{lines:?}"
        );
    }

    #[test]
    fn cjk_names_wrap_between_characters() {
        let (lines, size) = hole_wrap("中東・北アフリカおよびヨーロッパ", 12.0, 9.0, 2);
        assert_eq!(lines.concat(), "中東・北アフリカおよびヨーロッパ");
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(size < 12.0, "{size}");
        assert!(fit(&lines, size));
    }

    #[test]
    fn japanese_names_break_after_a_middle_dot_and_leave_no_character_alone() {
        let (lines, _) = hole_wrap("サブサハラ・アフリカ", 12.0, 9.0, 3);
        assert_eq!(lines, ["サブサハラ・", "アフリカ"]);
        let (lines, _) = hole_wrap("配分先の記載なしの部分", 12.0, 9.0, 3);
        assert_eq!(lines, ["配分先の記載", "なしの部分"]);
        // No line begins with a small kana or a long-vowel mark.
        let (lines, size) = hole_wrap("ラテンアメリカ・カリブッーョ地域", 12.0, 9.0, 3);
        assert!(
            lines
                .iter()
                .all(|l| !l.starts_with(['ッ', 'ー', 'ョ', '・'])),
            "{lines:?}"
        );
        assert!(fit(&lines, size));
    }

    #[test]
    fn latin_lines_are_balanced() {
        let (lines, _) = hole_wrap("Not attributed by the source", 12.0, 9.0, 3);
        assert_eq!(lines, ["Not attributed", "by the source"]);
    }

    #[test]
    fn a_short_name_is_one_line_at_the_cap() {
        assert_eq!(
            hole_wrap(" Asia ", 12.0, 9.0, 3),
            (vec!["Asia".to_owned()], 12.0)
        );
    }

    /// Every line's glyph box (as `hole_fit` reckons it) inside the ring's margin.
    fn inside_the_ring(lines: &[HoleLine]) {
        for l in lines {
            let bold = if l.figure { 1.08 } else { 1.0 };
            let half = text_em(&l.text) * l.size * bold / 2.0;
            let dy = (l.y - 0.8 * l.size - CENTER)
                .abs()
                .max((l.y + 0.25 * l.size - CENTER).abs());
            assert!(half.hypot(dy) <= INNER - 4.0 + 1e-6, "{l:?}");
        }
    }

    #[test]
    fn the_hole_shows_a_part_as_its_share_over_its_name_inside_the_ring() {
        for (share, name) in [
            ("35%", "Asia"),
            ("more than 40%", "Sub-Saharan Africa"),
            ("plus de 40 %", "Moyen-Orient et Afrique du Nord, et Europe"),
            ("40%超", "中東・北アフリカおよび欧州"),
            (
                "about 2%",
                "Not attributed to a region by the source, which gives only the total",
            ),
        ] {
            let lines = hole_part(share, name);
            inside_the_ring(&lines);
            let (figure, caption): (Vec<_>, Vec<_>) = lines.iter().partition(|l| l.figure);
            assert!(
                !figure.is_empty() && !caption.is_empty() && caption.len() <= 3,
                "{lines:?}"
            );
            // The share first, then the name, top to bottom.
            assert!(lines.windows(2).all(|w| w[0].y < w[1].y), "{lines:?}");
            assert!(
                lines.iter().take(figure.len()).all(|l| l.figure),
                "{lines:?}"
            );
            // The figure larger than the name, and the name no smaller than
            // its floor unless the whole block had to shrink.
            assert!(figure[0].size > caption[0].size, "{lines:?}");
            assert!(caption.iter().all(|l| l.size <= 12.0 + 1e-9), "{lines:?}");
        }
        // A short part is laid out at the caps, centred about the hole's middle.
        let lines = hole_part("35%", "Asia");
        assert_eq!(
            lines.iter().map(|l| l.size).collect::<Vec<_>>(),
            [18.0, 12.0]
        );
        let top = lines[0].y - 0.8 * 18.0;
        let bottom = lines[1].y + 0.25 * 12.0;
        assert!(((top + bottom) / 2.0 - CENTER).abs() < 3.0, "{lines:?}");
    }

    #[test]
    fn the_hole_shows_the_total_over_one_caption_line_inside_the_ring() {
        for (total, caption) in [
            ("USD 37.1 million", "total"),
            ("37,1\u{a0}millions\u{a0}USD", "au total"),
            ("3,710万米ドル", "合計"),
        ] {
            let lines = hole_total(total, caption);
            inside_the_ring(&lines);
            let last = lines.last().cloned();
            assert_eq!(
                last.map(|l| (l.text, l.figure)),
                Some((caption.to_owned(), false))
            );
            assert!(lines
                .iter()
                .rev()
                .skip(1)
                .all(|l| l.figure && l.size <= 22.0 + 1e-9));
            // Intl's no-break spaces are line-break opportunities here.
            assert!(
                lines.iter().all(|l| !l.text.contains('\u{a0}')),
                "{lines:?}"
            );
        }
    }

    #[test]
    fn a_block_that_reaches_the_ring_is_scaled_to_fit() {
        // One line across the middle fits as it is.
        assert_eq!(hole_fit(&[(80.0, 18.0, CENTER + 6.0)]), 1.0);
        // A wide line near the top of the hole does not: scaled until its corners are inside.
        let lines = [(86.0, 18.0, CENTER - 28.0), (60.0, 12.0, CENTER + 10.0)];
        let f = hole_fit(&lines);
        assert!(f < 1.0 && f > 0.7, "{f}");
        for (w, size, y) in lines {
            let (w, size, y) = (w * f, size * f, CENTER + (y - CENTER) * f);
            let dy = (y - 0.8 * size - CENTER)
                .abs()
                .max((y + 0.25 * size - CENTER).abs());
            assert!((w / 2.0).hypot(dy) <= INNER - 4.0 + 1e-9);
        }
    }
}
