//! The chart as a standalone SVG file: title, total, the donut, a legend
//! with every qualified share and amount, and the source. No CSS reaches a
//! downloaded file, so colours are presentation attributes from `LIGHT` (the
//! stylesheet's light palette, held equal by a test), fonts a generic list,
//! and text widths are estimated to wrap lines (SVG has no text flow).
//! Every piece of text is XML-escaped.

use super::Breakdown;
use crate::chart::{bars, donut};
use crate::describe::years::{bar_length, max_total, summary, BAR_FULL};
use crate::describe::{DataText, Describer};
use crate::i18n::format::decimal;
use crate::i18n::{Locale, Msg};
use crate::model::derive;
use crate::model::share::ppm_to_fraction;
use crate::model::{Series, Slot};

/// The colours of a drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub bg: &'static str,
    pub text: &'static str,
    pub muted: &'static str,
    /// Hatch and outline of the unattributed remainder.
    pub rest: &'static str,
    /// Mark colours, in the order of `--fb-c1` … `--fb-c8`.
    pub marks: [&'static str; 8],
}

/// The widget's light palette (static/widget.css, `.fb-root` fallbacks).
pub const LIGHT: Palette = Palette {
    bg: "#ffffff",
    text: "#1f2937",
    muted: "#5b6470",
    rest: "#1f2937",
    marks: [
        "#0993e3", "#ca5404", "#266f58", "#752477", "#a08149", "#456bbd", "#990204", "#65899a",
    ],
};

/// Fonts found on every system, Japanese ones before the generic fallback.
pub const FONTS: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic', Meiryo, sans-serif";

/// Width of every drawing, in CSS px.
pub const WIDTH: f64 = 720.0;
const MARGIN: f64 = 24.0;
/// Size of the donut on the page.
const DONUT: f64 = 240.0;
const LEGEND_X: f64 = MARGIN + DONUT + 28.0;
const SWATCH: f64 = 16.0;
const LEGEND_TEXT_X: f64 = LEGEND_X + SWATCH + 10.0;
/// Estimated widths are rough: keep a margin so real text still fits.
const FIT: f64 = 0.92;

/// A finished drawing and its size in CSS px.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// Appends `s` with the five XML special characters escaped and the control
/// characters XML 1.0 does not allow dropped.
pub fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// A coordinate with at most one decimal.
fn num(out: &mut String, v: f64) {
    let tenths = (v * 10.0).round() as i64;
    out.push_str(&(tenths / 10).to_string());
    if tenths % 10 != 0 {
        out.push('.');
        out.push_str(&(tenths % 10).abs().to_string());
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{2E80}'..='\u{FFEF}').contains(&c)
}

/// Characters a line must not start with (closing punctuation and the like).
fn no_break_before(c: char) -> bool {
    "、。，．）」』】〕・ー！？：；%".contains(c)
}

/// The text cut into lines no wider than `width` px at `size` px, by an
/// estimate of the glyph widths. Breaks at spaces, between CJK characters
/// (never before closing punctuation), after `/` and `-`, and inside a word
/// only when it alone is too wide.
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    #[derive(PartialEq)]
    enum Prev {
        Space,
        Break,
        Cjk,
        Other,
    }
    let max_em = width * FIT / size;
    // Unbreakable pieces, each with whether a space came before it.
    let mut words: Vec<(bool, String)> = Vec::new();
    let mut space = false;
    let mut prev = Prev::Space;
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}' {
            space = !words.is_empty();
            prev = Prev::Space;
            continue;
        }
        let joins = match prev {
            Prev::Space | Prev::Break => false,
            Prev::Cjk => no_break_before(c),
            Prev::Other => !is_cjk(c) || no_break_before(c),
        };
        match words.last_mut() {
            Some((_, w)) if joins => w.push(c),
            _ => words.push((std::mem::take(&mut space), c.to_string())),
        }
        prev = if c == '/' || c == '-' {
            Prev::Break
        } else if is_cjk(c) {
            Prev::Cjk
        } else {
            Prev::Other
        };
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (space, word) in words {
        let joined = if line.is_empty() {
            word.clone()
        } else if space {
            format!("{line} {word}")
        } else {
            format!("{line}{word}")
        };
        if donut::text_em(&joined) <= max_em || line.is_empty() {
            line = joined;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word;
        }
        // A word alone too wide is cut where it must be.
        while donut::text_em(&line) > max_em && line.chars().nth(1).is_some() {
            let mut head = String::new();
            let mut rest = String::new();
            for c in line.chars() {
                if rest.is_empty() && donut::text_em(&format!("{head}{c}")) <= max_em {
                    head.push(c);
                } else {
                    rest.push(c);
                }
            }
            if head.is_empty() || rest.is_empty() {
                break;
            }
            lines.push(head);
            line = rest;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Builds the SVG text with the running height.
struct Out {
    s: String,
    y: f64,
}

impl Out {
    /// One line of text at (x, y); `attrs` are extra presentation attributes.
    fn text(&mut self, x: f64, y: f64, size: f64, attrs: &str, lang: Option<&str>, text: &str) {
        self.s.push_str("<text x=\"");
        num(&mut self.s, x);
        self.s.push_str("\" y=\"");
        num(&mut self.s, y);
        self.s.push_str("\" font-size=\"");
        num(&mut self.s, size);
        self.s.push('"');
        self.s.push_str(attrs);
        if let Some(lang) = lang {
            self.s.push_str(" xml:lang=\"");
            push_escaped(&mut self.s, lang);
            self.s.push('"');
        }
        self.s.push('>');
        push_escaped(&mut self.s, text);
        self.s.push_str("</text>");
    }

    /// A wrapped paragraph, from the current height down.
    fn paragraph(&mut self, x: f64, width: f64, size: f64, attrs: &str, t: &DataText) {
        let lead = size * 1.35;
        for line in wrap(&t.text, size, width) {
            self.y += lead;
            let y = self.y - (lead - size) / 2.0;
            self.text(x, y, size, attrs, t.lang.as_deref(), &line);
        }
    }
}

fn plain(text: String) -> DataText {
    DataText { text, lang: None }
}

/// The chart of `breakdown` as a standalone SVG. With `heading`, it carries
/// its title, total and source, for a file that travels alone; without, only
/// the donut and its legend (the printed page has the rest around it).
pub fn render(d: &Describer<'_>, breakdown: Breakdown, heading: bool) -> Drawing {
    let p = LIGHT;
    let ds = d.ds;
    let c = &ds.contribution;
    let parts = bars::in_drawing_order(breakdown.marks(ds));
    let muted = format!(" fill=\"{}\"", p.muted);
    let strong = format!(" fill=\"{}\" font-weight=\"700\"", p.text);
    let mut o = Out {
        s: String::with_capacity(8 * 1024),
        y: MARGIN - 6.0,
    };
    let full = WIDTH - 2.0 * MARGIN;

    if heading {
        let mut title = d.data(&c.donor);
        let recipient = d.data(&c.recipient);
        title.text.push_str(" → ");
        title.text.push_str(&recipient.text);
        title.lang = title.lang.or(recipient.lang);
        o.paragraph(MARGIN, full / 1.08, 20.0, &strong, &title);
        o.y += 4.0;
        let label = d.text(match breakdown {
            Breakdown::Region => Msg::RegionChartLabel,
            Breakdown::Theme => Msg::ThemeChartLabel,
        });
        o.paragraph(
            MARGIN,
            full,
            16.0,
            &format!(" fill=\"{}\" font-weight=\"600\"", p.text),
            &plain(label.to_owned()),
        );
        let mut facts = d.total_fact();
        facts.push_str(" · ");
        if let Some(status) = d.status() {
            facts.push_str(status);
            facts.push_str(" · ");
        }
        let year = d.fmt.year(c.operations_year);
        facts.push_str(&d.locale.fill(Msg::ForOperationsIn, &[("year", &year)]));
        o.paragraph(MARGIN, full, 14.0, &muted, &plain(facts));
        o.y += 16.0;
    } else {
        o.y = MARGIN - 8.0;
    }

    let top = o.y;
    if parts.is_empty() {
        // No figure of this breakdown: what the view says, not a lone total.
        let note = d.text(match breakdown {
            Breakdown::Region => Msg::NoRegionBreakdown,
            Breakdown::Theme => Msg::NoThemeBreakdown,
        });
        o.paragraph(MARGIN, full, 16.0, &muted, &plain(note.to_owned()));
    } else if bars::uses_bars(parts.len()) {
        part_bars(d, &p, &parts, &mut o, &strong, &muted);
    } else {
        donut_and_legend(d, &p, &parts, &mut o, &strong, &muted);
        o.y = o.y.max(top + DONUT);
    }

    if heading {
        o.y += 16.0;
        if let Some(source) = ds.sources.first() {
            let line = d.locale.fill(
                Msg::ExportSource,
                &[
                    ("publisher", &source.publisher),
                    ("title", source.title_for(d.locale.tag()).text),
                ],
            );
            o.paragraph(MARGIN, full, 12.5, &muted, &plain(line));
            o.paragraph(MARGIN, full, 12.5, &muted, &plain(source.url.clone()));
        }
        o.y += 4.0;
        o.paragraph(
            MARGIN,
            full,
            12.5,
            &muted,
            &plain(d.sources_note().to_owned()),
        );
    }
    let height = (o.y + MARGIN).ceil();

    let svg = frame(&p, height, d.locale.tag(), &d.title(), &d.summary(), &o.s);
    Drawing {
        svg,
        width: WIDTH as u32,
        height: height as u32,
    }
}

/// The donut, drawn as in the widget (scaled from its 200-unit viewBox), with
/// the total in its hole and the legend beside it.
fn donut_and_legend(
    d: &Describer<'_>,
    p: &Palette,
    parts: &[derive::Part<'_>],
    o: &mut Out,
    strong: &str,
    muted: &str,
) {
    let top = o.y;
    let segments = donut::segments(
        &parts
            .iter()
            .map(|part| ppm_to_fraction(part.drawn_ppm()))
            .collect::<Vec<_>>(),
    );
    let scale = DONUT / donut::VIEW;
    o.s.push_str("<g transform=\"translate(");
    num(&mut o.s, MARGIN);
    o.s.push(' ');
    num(&mut o.s, top);
    o.s.push_str(") scale(");
    o.s.push_str(&decimal(scale, 6));
    o.s.push_str(")\">");
    for (i, (part, seg)) in parts.iter().zip(&segments).enumerate() {
        o.s.push_str("<path d=\"");
        o.s.push_str(&seg.path);
        o.s.push('"');
        o.s.push_str(&mark_paint(p, i, part.is_remainder(), 2.0));
        o.s.push_str("/>");
    }
    // The open end of a mark drawn at an upper bound, striped as in the widget.
    for (part, seg) in parts.iter().zip(&segments) {
        let open = part.open_ppm();
        if open > 0 {
            o.s.push_str("<path d=\"");
            o.s.push_str(&donut::open_path(seg, ppm_to_fraction(open)));
            o.s.push_str(OPEN_FILL);
        }
    }
    // The total in the hole, sized and placed as the widget's.
    for line in donut::hole_total(&d.total_short(), d.hole_caption()) {
        let paint = if line.figure { strong } else { muted };
        o.text(
            donut::CENTER,
            line.y,
            line.size,
            &format!("{paint} text-anchor=\"middle\""),
            None,
            &line.text,
        );
    }
    o.s.push_str("</g>");

    // The legend beside it: swatch, name, qualified share and amount.
    let legend_width = WIDTH - MARGIN - LEGEND_TEXT_X;
    o.y = top - 2.0;
    for (i, part) in parts.iter().enumerate() {
        let row_top = o.y;
        o.s.push_str("<rect x=\"");
        num(&mut o.s, LEGEND_X);
        o.s.push_str("\" y=\"");
        num(&mut o.s, row_top + 6.0);
        o.s.push_str("\" width=\"16\" height=\"16\"");
        o.s.push_str(&mark_paint(p, i, part.is_remainder(), 1.0));
        o.s.push_str("/>");
        if part.open_ppm() > 0 {
            // As in the widget's legend.
            let whole = part.wholly_open();
            o.s.push_str("<rect x=\"");
            num(&mut o.s, LEGEND_X + if whole { 0.0 } else { 8.0 });
            o.s.push_str("\" y=\"");
            num(&mut o.s, row_top + 6.0);
            o.s.push_str(if whole {
                "\" width=\"16"
            } else {
                "\" width=\"8"
            });
            o.s.push_str("\" height=\"16");
            o.s.push_str(OPEN_FILL);
        }
        let name = d.name(part);
        o.paragraph(LEGEND_TEXT_X, legend_width, 15.0, strong, &name);
        let share = d.part_share(part);
        let amount = d.amount_short(part.amount);
        let one_line = format!("{share} · {amount}");
        if donut::text_em(&one_line) * 14.0 <= legend_width * FIT {
            o.paragraph(LEGEND_TEXT_X, legend_width, 14.0, muted, &plain(one_line));
        } else {
            o.paragraph(LEGEND_TEXT_X, legend_width, 14.0, muted, &plain(share));
            o.paragraph(LEGEND_TEXT_X, legend_width, 14.0, muted, &plain(amount));
        }
        o.y += 10.0;
    }
}

/// Past nine parts, as the widget shows them: a row per part, largest
/// first, its name and figures over a bar whose length is its share of the
/// largest; the remainder hatched, last.
fn part_bars(
    d: &Describer<'_>,
    p: &Palette,
    parts: &[derive::Part<'_>],
    o: &mut Out,
    strong: &str,
    muted: &str,
) {
    let full = WIDTH - 2.0 * MARGIN;
    let lengths = bars::lengths(
        &parts
            .iter()
            .map(|part| part.drawn_ppm())
            .collect::<Vec<_>>(),
    );
    for (part, length) in parts.iter().zip(lengths) {
        let name = d.name(part);
        let figures = format!("{} · {}", d.part_share(part), d.amount_short(part.amount));
        let figures_width = donut::text_em(&figures) * 14.0;
        let one_line = donut::text_em(&name.text) * 15.0 + figures_width <= full * FIT - 16.0;
        o.paragraph(MARGIN, full, 15.0, strong, &name);
        // Figures beside the name when both fit, as in the widget.
        if one_line {
            let baseline = o.y - (15.0 * 1.35 - 15.0) / 2.0;
            o.text(
                MARGIN + full,
                baseline,
                14.0,
                &format!("{muted} text-anchor=\"end\""),
                None,
                &figures,
            );
        } else {
            o.paragraph(MARGIN, full, 14.0, muted, &plain(figures));
        }
        o.y += 4.0;
        o.s.push_str("<rect x=\"");
        num(&mut o.s, MARGIN);
        o.s.push_str("\" y=\"");
        num(&mut o.s, o.y);
        o.s.push_str("\" width=\"");
        o.s.push_str(&decimal(full * length / 100.0, 1));
        o.s.push_str("\" height=\"8\"");
        if part.is_remainder() {
            o.s.push_str(" fill=\"url(#hatch)\" stroke=\"");
            o.s.push_str(p.rest);
            o.s.push_str("\" stroke-width=\"1\"");
        } else {
            o.s.push_str(" fill=\"");
            o.s.push_str(p.marks[0]);
            o.s.push('"');
        }
        o.s.push_str("/>");
        if let Some(from) = bars::open_from(length, part.drawn_ppm(), part.open_ppm()) {
            o.s.push_str("<rect x=\"");
            o.s.push_str(&decimal(MARGIN + full * from / 100.0, 1));
            o.s.push_str("\" y=\"");
            num(&mut o.s, o.y);
            o.s.push_str("\" width=\"");
            o.s.push_str(&decimal(full * (length - from) / 100.0, 1));
            o.s.push_str("\" height=\"8");
            o.s.push_str(OPEN_FILL);
        }
        o.y += 8.0 + 10.0;
    }
}

/// The end of an element whose fill is the open ends' stripes (`frame` defines them).
const OPEN_FILL: &str = "\" fill=\"url(#open)\"/>";

/// The document around a drawing's body, now that its height is known:
/// size, language, fonts, title and description for screen readers, the
/// remainder's hatch, the open ends' stripes when the body has any, and the
/// background.
fn frame(p: &Palette, height: f64, lang: &str, title: &str, desc: &str, body: &str) -> String {
    let mut s = String::with_capacity(body.len() + 1024);
    s.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    num(&mut s, WIDTH);
    s.push_str("\" height=\"");
    num(&mut s, height);
    s.push_str("\" viewBox=\"0 0 ");
    num(&mut s, WIDTH);
    s.push(' ');
    num(&mut s, height);
    s.push_str("\" xml:lang=\"");
    s.push_str(lang);
    s.push_str("\" font-family=\"");
    s.push_str(FONTS);
    s.push_str("\" role=\"img\"><title>");
    push_escaped(&mut s, title);
    s.push_str("</title><desc>");
    push_escaped(&mut s, desc);
    s.push_str("</desc><defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"");
    s.push_str(p.bg);
    s.push_str("\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"");
    s.push_str(p.rest);
    s.push_str("\" stroke-width=\"2\"/></pattern>");
    if body.contains(OPEN_FILL) {
        s.push_str("<pattern id=\"open\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"");
        s.push_str(p.bg);
        s.push_str("\" stroke-width=\"2\"/></pattern>");
    }
    s.push_str("</defs><rect width=\"100%\" height=\"100%\" fill=\"");
    s.push_str(p.bg);
    s.push_str("\"/>");
    s.push_str(body);
    s.push_str("</svg>\n");
    s
}

/// Where the bars of the Years drawing start, and their longest length.
const BARS_X: f64 = MARGIN + 64.0;
const BARS_W: f64 = 330.0;
const ROW: f64 = 34.0;

/// The Years view as a standalone SVG: a bar per operations year with its
/// total as stated, the year `current` outlined and labelled, gaps as
/// their reason without a bar; with `heading`, title and sources too.
pub fn render_years(series: &Series, locale: Locale, current: i32, heading: bool) -> Drawing {
    let p = LIGHT;
    let muted = format!(" fill=\"{}\"", p.muted);
    let strong = format!(" fill=\"{}\" font-weight=\"700\"", p.text);
    let mut o = Out {
        s: String::with_capacity(6 * 1024),
        y: MARGIN - 6.0,
    };
    let full = WIDTH - 2.0 * MARGIN;
    let first = series.years.first();
    let title = first.map_or_else(String::new, |ds| {
        let d = Describer::new(ds, locale);
        let c = &ds.contribution;
        format!(
            "{} → {}",
            d.data(&c.donor).text,
            d.data(c.recipient_short.as_ref().unwrap_or(&c.recipient))
                .text
        )
    });
    let label = locale.text(Msg::YearsChartLabel);
    if heading {
        o.paragraph(MARGIN, full / 1.08, 20.0, &strong, &plain(title.clone()));
        o.y += 4.0;
        o.paragraph(
            MARGIN,
            full,
            16.0,
            &format!(" fill=\"{}\" font-weight=\"600\"", p.text),
            &plain(label.to_owned()),
        );
        o.y += 12.0;
    } else {
        o.y = MARGIN - 8.0;
    }
    let max = max_total(series);
    let fmt = crate::i18n::LocalFmt::new(locale);
    for slot in series.slots() {
        let top = o.y;
        let year = slot.year();
        let is_current = year == current;
        let year_attrs = if is_current { &strong } else { &muted };
        o.text(MARGIN, top + 21.0, 15.0, year_attrs, None, &fmt.year(year));
        let (end, value) = match slot {
            Slot::Year(ds) => {
                let len = f64::from(bar_length(derive::total(ds), max)) / f64::from(BAR_FULL);
                let w = (BARS_W * len).max(1.0);
                o.s.push_str("<rect x=\"");
                num(&mut o.s, BARS_X);
                o.s.push_str("\" y=\"");
                num(&mut o.s, top + 6.0);
                o.s.push_str("\" width=\"");
                num(&mut o.s, w);
                o.s.push_str("\" height=\"20\" fill=\"");
                o.s.push_str(p.marks.first().copied().unwrap_or(p.text));
                if is_current {
                    // Outlined, not only coloured: the year the other views show.
                    o.s.push_str("\" stroke=\"");
                    o.s.push_str(p.text);
                    o.s.push_str("\" stroke-width=\"3");
                }
                o.s.push_str("\"/>");
                (BARS_X + w, Describer::new(ds, locale).total_phrase())
            }
            // No bar, not even an empty track: only the reason, where a bar would start.
            Slot::Gap(_) => (BARS_X - 8.0, locale.text(Msg::YearGap).to_owned()),
        };
        // The current year is bold and outlined; the widget's "shown in the
        // other views" means nothing in a file that travels alone.
        let attrs = if is_current { &strong } else { &muted };
        let x = end + 8.0;
        // The first line's baseline on the year's (top + 21), beside the bar's middle.
        o.y = top + 4.5;
        o.paragraph(x, WIDTH - MARGIN - x, 14.0, attrs, &plain(value));
        o.y = (top + ROW).max(o.y + 6.0);
    }
    if heading {
        o.y += 12.0;
        for ds in &series.years {
            if let Some(source) = ds.sources.first() {
                // Each language's colon ("2019 : …" in French, "：" in Japanese).
                let line = locale.fill(
                    Msg::Fact,
                    &[
                        ("name", &fmt.year(ds.contribution.operations_year)),
                        ("figures", &source.url),
                    ],
                );
                o.paragraph(MARGIN, full, 12.0, &muted, &plain(line));
            }
        }
        o.y += 4.0;
        o.paragraph(
            MARGIN,
            full,
            12.5,
            &muted,
            &plain(locale.text(Msg::SourcesNoteNeutral).to_owned()),
        );
    }
    let height = (o.y + MARGIN).ceil();
    let title = locale.fill(
        Msg::Fact,
        &[("name", locale.text(Msg::WidgetLabel)), ("figures", &title)],
    );
    Drawing {
        svg: frame(
            &p,
            height,
            locale.tag(),
            &title,
            &summary(series, locale),
            &o.s,
        ),
        width: WIDTH as u32,
        height: height as u32,
    }
}

/// Fill and outline of mark `i`: its palette colour with a background-coloured
/// gap, or the remainder's hatch with a dashed outline (never colour alone).
fn mark_paint(p: &Palette, i: usize, rest: bool, stroke: f64) -> String {
    if rest {
        format!(
            " fill=\"url(#hatch)\" stroke=\"{}\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"",
            p.rest
        )
    } else {
        let colour = p.marks.get(i % 8).copied().unwrap_or(p.text);
        let edge = if stroke > 1.0 { p.bg } else { p.text };
        format!(
            " fill=\"{colour}\" stroke=\"{edge}\" stroke-width=\"{}\"",
            decimal(stroke, 2)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::model::{Dataset, Text, DEFAULT_DATA};

    fn bundled() -> Dataset {
        crate::model::load::read_dataset(DEFAULT_DATA).expect("the bundled dataset parses")
    }

    const CSS: &str = include_str!("../../static/widget.css");

    /// The light default of `--fbi-NAME` in the `.fb-root` block: the first
    /// colour of the line's last `light-dark(#light, #dark)`.
    fn css_light(name: &str) -> String {
        let start = CSS.find(".fb-root {").expect("the .fb-root block");
        let block = &CSS[start..];
        let block = &block[..block.find('}').expect("block end")];
        let decl = format!("--fbi-{name}: var(--fb-{name}, ");
        let at = block.find(&decl).unwrap_or_else(|| panic!("--fbi-{name}"));
        let line = &block[at..];
        let line = &line[..line.find('\n').expect("line end")];
        let pair = line.rsplit("light-dark(").next().expect("light-dark()");
        pair[..pair.find(',').expect("comma")].to_owned()
    }

    #[test]
    fn the_years_drawing_punctuates_as_its_language_does() {
        let series = crate::model::load::read_series(include_str!(
            "../../static/data/japan-iom-series.json"
        ))
        .expect("the bundled series parses");
        for (locale, colon) in [
            (Locale::En, ": "),
            (Locale::Fr, "\u{a0}: "),
            (Locale::Ja, "："),
        ] {
            let svg = render_years(&series, locale, 2021, true).svg;
            let label = locale.text(Msg::WidgetLabel);
            assert!(
                svg.contains(&format!("<title>{label}{colon}")),
                "{locale:?}: {svg}"
            );
            let year = crate::i18n::format::Fmt::new(locale).year(2019);
            assert!(
                svg.contains(&format!(">{year}{colon}https://")),
                "{locale:?}: {svg}"
            );
        }
    }

    #[test]
    fn each_years_label_sits_on_its_years_line_and_names_no_widget_view() {
        let series = crate::model::load::read_series(include_str!(
            "../../static/data/japan-iom-series.json"
        ))
        .expect("the bundled series parses");
        let svg = render_years(&series, Locale::En, 2021, true).svg;
        assert!(!svg.contains("other views"), "{svg}");
        // The y of the <text> whose content is `label`.
        let y_of = |label: &str| {
            let end = svg.find(&format!(">{label}</text>")).expect(label);
            let start = svg[..end].rfind("<text").expect("its element");
            let attrs = &svg[start..end];
            let y = &attrs[attrs.find(" y=\"").expect("y") + 4..];
            y[..y.find('"').expect("quote")].to_owned()
        };
        assert_eq!(y_of("2019"), y_of("about USD\u{a0}27\u{a0}million"));
        assert_eq!(y_of("2020"), y_of("No announcement found"));
        assert_eq!(y_of("2021"), y_of("USD\u{a0}37.1\u{a0}million"));
        // Seven years, seven bars: 2020 gets no rect, not even an empty track.
        let bars = svg.matches("<rect x=\"").count() - svg.matches("<rect x=\"0\"").count();
        assert_eq!(bars, 7, "{svg}");
        assert!(!svg.contains("stroke-dasharray"), "{svg}");
        // Its reason starts where the bars do.
        let x_of = |label: &str| {
            let end = svg.find(&format!(">{label}</text>")).expect(label);
            let attrs = &svg[svg[..end].rfind("<text").expect("its element")..end];
            let x = &attrs[attrs.find(" x=\"").expect("x") + 4..];
            x[..x.find('"').expect("quote")]
                .parse::<f64>()
                .expect("a number")
        };
        assert_eq!(x_of("No announcement found"), BARS_X);
    }

    #[test]
    fn the_palette_is_the_stylesheet_light_palette() {
        assert_eq!(LIGHT.bg, css_light("bg"));
        assert_eq!(LIGHT.text, css_light("text"));
        assert_eq!(LIGHT.muted, css_light("muted"));
        assert_eq!(LIGHT.rest, css_light("rest"));
        for (i, colour) in LIGHT.marks.iter().enumerate() {
            assert_eq!(*colour, css_light(&format!("c{}", i + 1)), "c{}", i + 1);
        }
    }

    #[test]
    fn paper_gets_the_light_palette_in_any_colour_scheme() {
        // Every dark-scheme rule is for screens only, and the print rules set
        // no colour of their own: paper gets the light palette the SVG uses.
        for (i, _) in CSS.match_indices("prefers-color-scheme: dark") {
            let line_start = CSS[..i].rfind('\n').map_or(0, |n| n + 1);
            assert!(
                CSS[line_start..i].contains("@media screen and"),
                "a dark-scheme rule that also applies to print: {}",
                &CSS[line_start..i + 30]
            );
        }
        let start = CSS
            .find("/* Export and print */")
            .expect("the export block");
        let print = &CSS[start..];
        let print = &print[print.find("@media print").expect("print rules")..];
        let root = &print[print.find(".fb-root {").expect(".fb-root on paper")..];
        let root = &root[..root.find('}').expect("block end")];
        assert!(
            !root.contains("--fbi-"),
            "print keeps the light palette: {root}"
        );
    }

    #[test]
    fn past_nine_parts_the_drawing_has_the_widgets_bars_largest_first() {
        let ds = crate::model::load::read_dataset(include_str!(
            "../../tests/data/good/many-regions.json"
        ))
        .expect("many-regions.json reads");
        let d = Describer::new(&ds, Locale::En);
        let drawing = render(&d, Breakdown::Region, true);
        assert_well_formed(&drawing.svg);
        assert!(!drawing.svg.contains("<path"), "no donut");
        // 24 regions and the unattributed 2 %, one 8-unit bar each.
        let bars: Vec<&str> = drawing
            .svg
            .split("<rect ")
            .filter(|r| r.contains("height=\"8\""))
            .collect();
        assert_eq!(bars.len(), 25);
        let width = |r: &str| {
            let at = r.find("width=\"").expect("width") + 7;
            r[at..r[at..].find('"').expect("end") + at].to_owned()
        };
        // The largest fills the row (720 - 2 × 24), the next is 150/180 of it.
        assert_eq!(width(bars[0]), "672");
        assert_eq!(width(bars[1]), "560");
        assert!(bars[24].contains("fill=\"url(#hatch)\""), "{}", bars[24]);
        assert!(bars[..24]
            .iter()
            .all(|r| r.contains(&format!("fill=\"{}\"", LIGHT.marks[0]))));
        // Names in bar order, each with its figures; the remainder last.
        let at = |text: &str| drawing.svg.find(text).unwrap_or_else(|| panic!("{text}"));
        assert!(at("Andean countries") < at("Baltic states"));
        assert!(at("Baltic states") < at("Not attributed by the source"));
        assert!(drawing.svg.contains("18%"));
        assert!(drawing.height > 25 * 30, "{}", drawing.height);
        // Nine parts or fewer stay a donut.
        let donut = render(
            &Describer::new(&bundled(), Locale::En),
            Breakdown::Region,
            true,
        );
        assert_eq!(donut.svg.matches("<path").count(), 4);
    }

    /// Checks the drawing is well-formed XML as far as tags go: every tag
    /// closed in order, attribute values quoted, no raw `&` or `<` in text.
    fn assert_well_formed(svg: &str) {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg.trim_end();
        while let Some(open) = rest.find('<') {
            let text = &rest[..open];
            assert!(!text.contains('>'), "raw > in text: {text}");
            for (i, _) in text.match_indices('&') {
                let entity = &text[i..];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                        .iter()
                        .any(|e| entity.starts_with(e)),
                    "raw & in text: {text}"
                );
            }
            let close = open + rest[open..].find('>').expect("tag end");
            let tag = &rest[open + 1..close];
            assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes: {tag}");
            let quoted_ok = tag.split('"').skip(1).step_by(2).all(|v| !v.contains('<'));
            assert!(quoted_ok, "< in an attribute: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "closing {name}");
            } else if !tag.ends_with('/') {
                let name = tag.split([' ', '/']).next().unwrap_or_default();
                stack.push(name.to_owned());
            }
            rest = &rest[close + 1..];
        }
        assert!(stack.is_empty(), "unclosed: {stack:?}");
    }

    #[test]
    fn the_file_is_whole_and_well_formed() {
        let ds = bundled();
        for locale in Locale::ALL {
            let d = Describer::new(&ds, locale);
            let drawing = render(&d, Breakdown::Region, true);
            assert!(drawing
                .svg
                .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
            assert_well_formed(&drawing.svg);
            assert!(drawing.svg.contains(&format!(
                "width=\"720\" height=\"{}\" viewBox=\"0 0 720 {}\"",
                drawing.height, drawing.height
            )));
            assert!(
                drawing.height > 300 && drawing.height < 1000,
                "{}",
                drawing.height
            );
            assert!(drawing
                .svg
                .contains(&format!("xml:lang=\"{}\"", locale.tag())));
        }
    }

    #[test]
    fn almost_half_is_drawn_with_its_open_end_striped() {
        let series = crate::model::load::read_series(include_str!(
            "../../static/data/japan-iom-series.json"
        ))
        .expect("the bundled series parses");
        let ds = series.year(2018).cloned().expect("2018 is in the series");
        let svg = render(&Describer::new(&ds, Locale::En), Breakdown::Region, true).svg;
        // Sub-Saharan Africa, "almost half", is drawn to half of the turn, and
        // its last tenth (45 to 50 %) is striped, on the ring and on its swatch.
        let segs = donut::segments(&[0.5, 0.5]);
        let end = donut::open_path(&segs[0], 0.05);
        assert_eq!(end, donut::ring_path(0.45, 0.5, donut::OUTER, donut::INNER));
        assert!(
            svg.contains(&format!("<path d=\"{end}{OPEN_FILL}")),
            "{svg}"
        );
        assert_eq!(
            svg.matches(OPEN_FILL).count(),
            2,
            "the ring's end and the swatch"
        );
        assert!(svg.contains("<pattern id=\"open\""));
        // Without an upper bound (the remainder is hatched whole), no stripes.
        let plain = render(
            &Describer::new(&bundled(), Locale::En),
            Breakdown::Region,
            true,
        )
        .svg;
        assert!(!plain.contains("url(#open)") && !plain.contains("id=\"open\""));
        // The hole has no room for "about": its caption says the total is rounded.
        assert!(svg.contains(">Total, rounded</text>"), "{svg}");
        assert!(plain.contains(">Total</text>") && !plain.contains("Total, rounded"));
    }

    #[test]
    fn it_says_what_the_widget_says() {
        let ds = bundled();
        let d = Describer::new(&ds, Locale::En);
        // Amounts have a no-break space after the currency, as `Intl` writes them.
        let svg = render(&d, Breakdown::Region, true)
            .svg
            .replace('\u{a0}', " ");
        for want in [
            "<title>Funding breakdown: Government of Japan to IOM, 2021</title>",
            "Government of Japan → International",
            "Share of the total by region",
            "Exact total: USD 37,100,767",
            "Allocated",
            ">Sub-Saharan Africa<",
            ">Not attributed by the source<",
            "Middle East and North Africa, and",
            ">Asia<",
            "more than 40% · more than USD 14.8 million",
            "at most 5% · at most USD 1.9 million",
            "20% · about USD 7.4 million",
            "Source: IOM, Japan Provides USD 37.1 Million",
            "https://www.iom.int/news/japan-provides-usd-371-million-support-iom-operations-2021",
            ">USD 37.1<",
            ">million<",
            ">Total<",
            "<desc>Donor: Government of Japan. Recipient: IOM. Allocated to its operations in 2021: USD 37.1 million.",
        ] {
            assert!(svg.contains(want), "missing {want:?} in\n{svg}");
        }
    }

    #[test]
    fn colours_are_attributes_and_the_rest_is_hatched() {
        let ds = bundled();
        let svg = render(&Describer::new(&ds, Locale::En), Breakdown::Region, true).svg;
        // Marks in chart order take the widget's colour slots: the rest is
        // second, so the regions are c1, c3, c4 as on screen.
        let fills: Vec<&str> = svg
            .split("<path ")
            .skip(1)
            .filter_map(|p| p.split("fill=\"").nth(1)?.split('"').next())
            .collect();
        assert_eq!(fills, ["#0993e3", "url(#hatch)", "#266f58", "#752477"]);
        assert!(svg.contains("<pattern id=\"hatch\""));
        assert!(svg.contains("stroke-dasharray=\"4 2\""));
        assert!(!svg.contains("class="), "no CSS reaches a downloaded file");
        assert!(!svg.contains("style"), "no style either");
        assert!(svg.contains(&format!("font-family=\"{FONTS}\"")));
    }

    #[test]
    fn dataset_text_is_escaped() {
        let mut ds = bundled();
        ds.regions[2].name = Text::en("<script>alert('x')</script> & \"co\"\u{1}");
        ds.sources[0].title = "A < B & C".into();
        let svg = render(&Describer::new(&ds, Locale::En), Breakdown::Region, true).svg;
        assert_well_formed(&svg);
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"));
        assert!(svg.contains("&amp; &quot;co&quot;"));
        assert!(svg.contains("A &lt; B &amp; C"));
        assert!(!svg.contains('\u{1}'));
    }

    #[test]
    fn a_source_title_in_our_words_is_given_in_the_readers_language() {
        let mut ds = bundled();
        ds.sources.swap(0, 2);
        let svg = render(&Describer::new(&ds, Locale::Ja), Breakdown::Region, true).svg;
        assert!(svg.contains("出典：IOM Japan「発表の日本語版」"), "{svg}");
        let svg = render(&Describer::new(&ds, Locale::En), Breakdown::Region, true).svg;
        assert!(svg.contains("Source: IOM Japan, Japanese version of the announcement"));
    }

    #[test]
    fn names_that_fell_back_to_english_are_marked() {
        let mut ds = bundled();
        ds.regions[2].name = Text::en("Asia");
        let svg = render(&Describer::new(&ds, Locale::Fr), Breakdown::Region, true).svg;
        assert!(svg.contains("xml:lang=\"en\">Asia</text>"), "{svg}");
        assert!(svg.contains(">Afrique subsaharienne<"));
    }

    #[test]
    fn without_heading_only_the_chart_and_legend_remain() {
        let ds = bundled();
        let d = Describer::new(&ds, Locale::En);
        let bare = render(&d, Breakdown::Region, false);
        let full = render(&d, Breakdown::Region, true);
        assert!(bare.height < full.height);
        assert!(!bare.svg.contains("Source:"));
        assert!(!bare.svg.contains("Exact total"));
        assert!(bare.svg.contains(">Asia<"));
        assert_well_formed(&bare.svg);
    }

    #[test]
    fn long_lines_wrap_within_the_width() {
        let lines = wrap("Middle East and North Africa, and Europe", 15.0, 200.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), "Middle East and North Africa, and Europe");
        for l in &lines {
            assert!(donut::text_em(l) * 15.0 <= 200.0, "{l}");
        }
        // Japanese breaks between characters, never before closing punctuation.
        let ja = wrap(
            "発表ではこれらの地域を一つの地域としてまとめ、全体で一つの割合を示しています。",
            14.0,
            120.0,
        );
        assert!(ja.len() > 2, "{ja:?}");
        assert!(ja.iter().all(|l| !l.starts_with(['、', '。'])), "{ja:?}");
        assert_eq!(
            ja.concat(),
            "発表ではこれらの地域を一つの地域としてまとめ、全体で一つの割合を示しています。"
        );
        // A URL has no spaces: it breaks after a slash, or where it must.
        let url = wrap(
            "https://www.iom.int/news/japan-provides-usd-371-million-support-iom-operations-2021",
            12.5,
            300.0,
        );
        assert!(url.len() >= 2, "{url:?}");
        assert_eq!(
            url.concat(),
            "https://www.iom.int/news/japan-provides-usd-371-million-support-iom-operations-2021"
        );
        assert_eq!(wrap("", 12.0, 100.0), Vec::<String>::new());
        assert_eq!(wrap("Asia", 12.0, 100.0), ["Asia"]);
    }

    #[test]
    fn every_language_fits_the_width() {
        let ds = bundled();
        for locale in Locale::ALL {
            let svg = render(&Describer::new(&ds, locale), Breakdown::Region, true).svg;
            for text in svg.split("<text ").skip(1) {
                let x: f64 = text
                    .split("x=\"")
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .expect("x");
                let size: f64 = text
                    .split("font-size=\"")
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .expect("font-size");
                let content =
                    &text[text.find('>').expect(">") + 1..text.find("</text>").expect("end")];
                let anchored = text.contains("text-anchor=\"middle\"");
                let right = if anchored {
                    // Inside the donut's group: hole text is fitted by hole_label.
                    continue;
                } else {
                    x + donut::text_em(content) * size
                };
                assert!(
                    right <= WIDTH - MARGIN + 1.0,
                    "{locale:?}: {content} ends at {right}"
                );
            }
        }
    }
}
