//! The donut: one mark per part, the remainder hatched and outlined. One tab
//! stop (roving tabindex); arrows move, Enter/Space select, Escape clears.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{mark_events, use_ctx};
use crate::chart::{bars, donut};
use crate::i18n::format::decimal;
use crate::i18n::{Locale, Msg};
use crate::model::derive::{self, Part};
use crate::model::share::ppm_to_fraction;
use crate::model::MarkKind;
use crate::state::{list_key, ListKey};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChartKind {
    Region,
    Theme,
}

/// The marks a chart of this kind shows, in drawing order.
pub fn marks(ds: &crate::model::Dataset, kind: ChartKind) -> Vec<Part<'_>> {
    match kind {
        ChartKind::Region => derive::region_marks(ds),
        ChartKind::Theme => derive::theme_marks(ds),
    }
}

/// The part with `id` among the marks of `kind`'s chart, else of the other
/// chart (a selection kept across views): the unattributed rest has the same
/// id in both, and the chart in view must find its own.
pub fn find_mark<'a>(ds: &'a crate::model::Dataset, kind: ChartKind, id: &str) -> Option<Part<'a>> {
    let other = match kind {
        ChartKind::Region => ChartKind::Theme,
        ChartKind::Theme => ChartKind::Region,
    };
    marks(ds, kind)
        .into_iter()
        .chain(marks(ds, other))
        .find(|p| p.id() == id)
}

/// CSS class giving a mark its colour: a palette slot, or the hatch for the remainder.
/// (Static strings: every selection re-renders the chart's and the legend's
/// marks, and `format!` there showed in a profile of clicks.)
pub fn colour_class(index: usize, part: &Part<'_>) -> &'static str {
    const SLOTS: [&str; 8] = [
        "fb-c1", "fb-c2", "fb-c3", "fb-c4", "fb-c5", "fb-c6", "fb-c7", "fb-c8",
    ];
    match SLOTS.get(index % SLOTS.len()) {
        Some(slot) if !part.is_remainder() => slot,
        _ => "fb-rest",
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub kind: ChartKind,
    /// The part shown (drawn as selected): the one the pointer previews, else the selection.
    pub selected: Option<AttrValue>,
    /// The selection alone: what `aria-selected`, the tab stop and the keys
    /// follow, so a preview is never told to a screen reader as a selection.
    pub pinned: Option<AttrValue>,
    pub on_select: Callback<Option<AttrValue>>,
    pub on_preview: Callback<Option<AttrValue>>,
}

#[component]
pub fn Chart(props: &ChartProps) -> Html {
    super::rendered("Chart");
    let ctx = use_ctx();
    let svg_ref = use_node_ref();
    let d = ctx.describer();
    let parts = marks(&ctx.data, props.kind);
    let use_bars = bars::uses_bars(parts.len());
    let parts = bars::in_drawing_order(parts);
    let ids: Vec<String> = parts.iter().map(|p| p.id().to_owned()).collect();
    let position = |sel: &Option<AttrValue>| {
        sel.as_ref()
            .and_then(|s| ids.iter().position(|id| id == s.as_str()))
    };
    let selected_index = position(&props.pinned);
    let shown_index = position(&props.selected);
    let linked = props
        .selected
        .as_ref()
        .map(|s| derive::linked_ids(&ctx.data, s))
        .unwrap_or_default();
    let mark_id = {
        let prefix = ctx.id(match props.kind {
            ChartKind::Region => "mark",
            ChartKind::Theme => "tmark",
        });
        move |id: &str| format!("{prefix}-{id}")
    };
    let hatch_id = ctx.id("hatch");
    let open_id = ctx.id("open");
    let any_open = parts.iter().any(|p| p.open_ppm() > 0);

    let onkeydown = {
        let on_select = props.on_select.clone();
        let svg_ref = svg_ref.clone();
        let ids = ids.clone();
        let mark_id = mark_id.clone();
        let current = props.pinned.clone();
        Callback::from(move |e: KeyboardEvent| {
            // The focused mark, else the selected one.
            let focused = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.get_attribute("data-id"));
            let at = focused
                .as_deref()
                .or(current.as_deref())
                .and_then(|id| ids.iter().position(|x| x == id));
            let Some(action) = list_key(&e.key(), at, ids.len()) else {
                return;
            };
            e.prevent_default();
            match action {
                ListKey::Choose => {
                    if let Some(id) = at.and_then(|i| ids.get(i)) {
                        on_select.emit(Some(AttrValue::from(id.clone())));
                    }
                }
                ListKey::Clear => on_select.emit(None),
                ListKey::Move(next) => {
                    if let Some(id) = next.and_then(|i| ids.get(i)) {
                        on_select.emit(Some(AttrValue::from(id.clone())));
                        super::focus_in(&svg_ref, &mark_id(id));
                    }
                }
            }
        })
    };

    // While the reader looks, lay out unseen what the hole shows for each
    // mark: the first time a size of text is laid out, the browser looks its
    // font up (on Linux a synchronous request to its main process, 1-10 ms)
    // and shapes it, and a click would wait for that. Once per data,
    // language and chart; one mark per idle callback, so that a click never
    // waits long behind them. (Asked for from here rather than from an
    // effect: the callbacks run after this render is in the page, and an
    // effect of its own cost the wasm 300 B more.)
    let warmed = use_mut_ref(|| None::<(usize, Locale, ChartKind)>);
    let key = (
        std::rc::Rc::as_ptr(&ctx.data) as usize,
        ctx.locale,
        props.kind,
    );
    if !use_bars && warmed.borrow().as_ref() != Some(&key) {
        *warmed.borrow_mut() = Some(key);
        for index in 0..parts.len() {
            let (ctx, svg_ref) = (ctx.clone(), svg_ref.clone());
            crate::web::when_idle(Box::new(move || warm_hole(&ctx, key.2, index, &svg_ref)));
        }
    }
    let last_selected = use_mut_ref(|| None::<String>);
    let roving = super::roving(&ids, selected_index, &last_selected);
    let label = d.text(match props.kind {
        ChartKind::Region => Msg::RegionChartLabel,
        ChartKind::Theme => Msg::ThemeChartLabel,
    });
    // Not "mark-help": that is the id of the mark of a part called "help".
    let help_id = ctx.id(match props.kind {
        ChartKind::Region => "chart-help",
        ChartKind::Theme => "tchart-help",
    });
    let hatch = html! {
        <pattern id={hatch_id.clone()} class="fb-hatch" width="6" height="6"
            patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect class="fb-hatch-bg" width="6" height="6" />
            <line class="fb-hatch-line" x1="0" y1="0" x2="0" y2="6" />
        </pattern>
    };
    // Stripes the other way, in the background colour over a mark's own:
    // the end of a mark drawn at an upper bound, which it may not fill.
    let open_hatch = any_open.then(|| {
        html! {
            <pattern id={open_id.clone()} width="5" height="5"
                patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
                <line class="fb-open-line" x1="0" y1="0" x2="0" y2="5" />
            </pattern>
        }
    });
    if use_bars {
        let lengths = bars::lengths(&parts.iter().map(|p| p.drawn_ppm()).collect::<Vec<_>>());
        // Each row formats its own figures, so a selection formats only the
        // rows it changes (each figure is a call into `Intl`).
        let rows = parts.iter().zip(lengths).enumerate().map(|(i, (part, length))| {
            let id = part.id().to_owned();
            html! {
                <PartRow key={id.clone()} dom_id={mark_id(&id)} id={id.clone()} kind={props.kind}
                    figures={Figures::of(part)} {length}
                    open_hatch={open_id.clone()}
                    selected={selected_index == Some(i)} linked={linked.contains(&id)}
                    focusable={i == roving} hatch={hatch_id.clone()}
                    on_select={props.on_select.clone()} on_preview={props.on_preview.clone()} />
            }
        });
        return html! {
            <figure class="fb-chart fb-chart-parts">
                <svg class="fb-defs" width="0" height="0" aria-hidden="true"><defs>{ hatch }{ open_hatch }</defs></svg>
                <ul ref={svg_ref} class="fb-parts" role="listbox" aria-label={label}
                    aria-describedby={help_id.clone()} {onkeydown}>
                    { for rows }
                </ul>
                // Not a figcaption: the figure would be named by the keyboard help, which
                // the listbox already has as its description, and a reader heard it twice.
                <p class="fb-sr-only fb-keys" id={help_id}>{ d.text(Msg::ChartHelp) }</p>
            </figure>
        };
    }
    // The ring's geometry, for the donut only.
    let segments = donut::segments(
        &parts
            .iter()
            .map(|p| ppm_to_fraction(p.drawn_ppm()))
            .collect::<Vec<_>>(),
    );
    // Bars select and preview through their rows' own listeners (`PartRow`); the donut's marks through these.
    let events = mark_events(
        "path[data-id]",
        props.pinned.clone(),
        &props.on_select,
        &props.on_preview,
    );
    let marks_html = parts.iter().zip(&segments).enumerate().map(|(i, (part, seg))| {
        let id = part.id().to_owned();
        let is_sel = selected_index == Some(i);
        let is_linked = linked.contains(&id);
        let class = classes!(
            "fb-mark",
            colour_class(i, part),
            (shown_index == Some(i)).then_some("is-selected"),
            is_linked.then_some("is-linked"),
        );
        let label = d.announce(part);
        let fill = part.is_remainder().then(|| format!("url(#{hatch_id})"));
        html! {
            <path id={mark_id(&id)} data-id={id.clone()} class={class} d={seg.path.clone()} fill={fill}
                role="option" aria-selected={if is_sel { "true" } else { "false" }} aria-label={label}
                tabindex={if i == roving { "0" } else { "-1" }} />
        }
    });

    let open_ends = parts.iter().zip(&segments).filter_map(|(part, seg)| {
        let open = part.open_ppm();
        (open > 0).then(|| {
            html! {
                <path class="fb-open" d={donut::open_path(seg, ppm_to_fraction(open))}
                    fill={format!("url(#{open_id})")} aria-hidden="true" />
            }
        })
    });

    // The keyboard focus ring of the roving mark, the one Tab and the arrows
    // focus: a light line between two lines of the focus colour, drawn over
    // the marks, so it shows on a segment of any colour, including the
    // accent. CSS shows it only while a mark has :focus-visible.
    let focus_ring = segments.get(roving).map(|seg| {
        let path = donut::focus_path(seg);
        html! {
            <g class="fb-focus-ring" fill="none" aria-hidden="true">
                <path class="fb-focus-outer" d={path.clone()} />
                <path class="fb-focus-inner" d={path} />
            </g>
        }
    });
    let view = format!("0 0 {v} {v}", v = decimal(donut::VIEW, 0));
    // The hole holds the total, or the part shown (selected or previewed): its
    // share and name, right where a finger tapped, when the detail panel is
    // below the fold on a phone. Sized to fit; hidden from screen readers,
    // which get the total from the headline and the part from its mark.
    // Each line is its own <text>, so the no-break spaces `Intl` puts between
    // a number and its currency may become line breaks here.
    let shown_part = shown_index.and_then(|i| parts.get(i));
    let (lines, caption_lang) = hole_lines(&d, shown_part);
    let hole = html! {
        <g class="fb-hole" aria-hidden="true">
            { for lines.iter().map(|line| {
                let (class, lang, size) = hole_attributes(line, shown_part.is_some(), caption_lang.as_deref());
                html! {
                    <text class={class} x="100" lang={lang.map(|l| AttrValue::from(l.to_owned()))}
                        y={decimal(line.y, 1)}
                        text-anchor="middle" font-size={size}>{ line.text.clone() }</text>
                }
            }) }
        </g>
    };
    html! {
        <figure class="fb-chart">
            <svg ref={svg_ref} viewBox={view} class="fb-donut" role="listbox" aria-label={label}
                aria-describedby={help_id.clone()} {onkeydown} onclick={events.onclick}
                onmouseover={events.onmouseover} onmouseleave={events.onmouseleave} onfocusin={events.onfocusin} onfocusout={events.onfocusout}>
                <defs>{ hatch }{ open_hatch }</defs>
                { for marks_html }
                { for open_ends }
                { focus_ring }
                { hole }
            </svg>
            // Not a figcaption: the figure would be named by the keyboard help, which
            // the listbox already has as its description, and a reader heard it twice.
            <p class="fb-sr-only fb-keys" id={help_id}>{ d.text(Msg::ChartHelp) }</p>
        </figure>
    }
}

/// What the hole shows for `part`, or for none (the total), and the
/// language of the part's name when it is not the widget's.
fn hole_lines(
    d: &crate::describe::Describer<'_>,
    part: Option<&Part<'_>>,
) -> (Vec<donut::HoleLine>, Option<String>) {
    match part {
        Some(part) => {
            let name = d.name(part);
            (donut::hole_part(&d.part_share(part), &name.text), name.lang)
        }
        None => (donut::hole_total(&d.total_short(), d.hole_caption()), None),
    }
}

/// A hole line's `class`, `lang` (the caption's, a part's name not in the
/// widget's language) and `font-size`: what the hole renders and what
/// `warm_hole` lays out must be the same, or the warm-up looks up other fonts.
fn hole_attributes<'a>(
    line: &donut::HoleLine,
    part: bool,
    lang: Option<&'a str>,
) -> (&'static str, Option<&'a str>, String) {
    let (class, lang) = match (line.figure, part) {
        (true, _) => ("fb-donut-total", None),
        (false, true) => ("fb-donut-caption fb-hole-name", lang),
        (false, false) => ("fb-donut-caption", lang),
    };
    (class, lang, decimal(line.size, 1))
}

/// Lays out the hole's text for the mark at `index` of the donut in
/// `svg_ref`, hidden, and removes it in the same task, so that no frame shows
/// it (a `MutationObserver` on the page does get the two changes): the first
/// layout of each size and weight of text looks its font up and shapes it,
/// which a reader's click would otherwise wait for. An SVG's text is looked
/// up at its size on screen, so it is laid out where the real one will be.
fn warm_hole(ctx: &super::Ctx, kind: ChartKind, index: usize, svg_ref: &NodeRef) {
    const SVG: Option<&str> = Some("http://www.w3.org/2000/svg");
    // A chart outside the document (`embed::warm_up`'s copy) is never laid out.
    let (Some(svg), Some(part)) = (
        svg_ref
            .cast::<web_sys::Element>()
            .filter(|svg| svg.is_connected()),
        marks(&ctx.data, kind).get(index).cloned(),
    ) else {
        return;
    };
    let (lines, lang) = hole_lines(&ctx.describer(), Some(&part));
    let Some(doc) = svg.owner_document() else {
        return;
    };
    let Ok(group) = doc.create_element_ns(SVG, "g") else {
        return;
    };
    // Setting attributes on a new element cannot fail.
    let _ = group.set_attribute("class", "fb-hole");
    let _ = group.set_attribute("visibility", "hidden");
    for line in &lines {
        let Ok(el) = doc.create_element_ns(SVG, "text") else {
            return;
        };
        let (class, lang, size) = hole_attributes(line, true, lang.as_deref());
        let _ = el.set_attribute("class", class);
        let _ = el.set_attribute("font-size", &size);
        if let Some(lang) = lang {
            let _ = el.set_attribute("lang", lang);
        }
        el.set_text_content(Some(&line.text));
        let _ = group.append_child(&el);
    }
    if svg.append_child(&group).is_ok() {
        // Reading a box lays the page out now.
        let _ = group.client_width();
        let _ = svg.remove_child(&group);
    }
}

/// A part's figures as a bar needs them, without the borrowed region or
/// theme (the row finds it by id): cheap to compare.
#[derive(Clone, Copy, PartialEq)]
struct Figures {
    share: derive::Qualified<i64>,
    amount: derive::Qualified<crate::model::Minor>,
    share_is_stated: bool,
    amount_is_stated: bool,
    words: bool,
    drawn: Option<i64>,
}

impl Figures {
    fn of(p: &Part<'_>) -> Figures {
        Figures {
            share: p.share,
            amount: p.amount,
            share_is_stated: p.share_is_stated,
            amount_is_stated: p.amount_is_stated,
            words: p.words,
            drawn: p.drawn,
        }
    }
}

#[derive(Properties, PartialEq)]
struct PartRowProps {
    id: AttrValue,
    dom_id: AttrValue,
    kind: ChartKind,
    figures: Figures,
    /// Its length in % of the track.
    length: f64,
    open_hatch: AttrValue,
    selected: bool,
    linked: bool,
    focusable: bool,
    hatch: AttrValue,
    on_select: Callback<Option<AttrValue>>,
    on_preview: Callback<Option<AttrValue>>,
}

/// One bar. Its own component so that a selection re-renders the two rows
/// whose props changed, not all of a 200-part list.
#[component]
fn PartRow(props: &PartRowProps) -> Html {
    super::rendered("PartRow");
    // As on the donut: a click on the selected row clears the selection.
    let onclick = {
        let on_select = props.on_select.clone();
        let (id, selected) = (props.id.clone(), props.selected);
        Callback::from(move |_: MouseEvent| on_select.emit((!selected).then(|| id.clone())))
    };
    // Focus previews, as on the donut: Tab through the list chooses nothing.
    let already = props.selected;
    let onfocus = {
        let on_preview = props.on_preview.clone();
        let id = props.id.clone();
        Callback::from(move |_: FocusEvent| {
            if !already {
                on_preview.emit(Some(id.clone()))
            }
        })
    };
    let onblur = props.on_preview.reform(|_: FocusEvent| None);
    let ctx = use_ctx();
    let d = ctx.describer();
    let f = props.figures;
    let kind = match props.kind {
        ChartKind::Region => ctx.data.region(&props.id).map(MarkKind::Region),
        ChartKind::Theme => ctx.data.theme(&props.id).map(MarkKind::Theme),
    };
    let part = Part {
        kind: kind.unwrap_or(MarkKind::Remainder),
        share: f.share,
        amount: f.amount,
        share_is_stated: f.share_is_stated,
        amount_is_stated: f.amount_is_stated,
        words: f.words,
        drawn: f.drawn,
    };
    let rest = part.is_remainder();
    let length = props.length;
    let open = bars::open_from(length, part.drawn_ppm(), part.open_ppm());
    html! {
        <li id={props.dom_id.clone()} data-id={props.id.clone()} role="option"
            class={classes!("fb-part-row", props.selected.then_some("is-selected"), props.linked.then_some("is-linked"))}
            aria-selected={if props.selected { "true" } else { "false" }} aria-label={d.announce(&part)}
            tabindex={if props.focusable { "0" } else { "-1" }} {onclick} {onfocus} {onblur}>
            <span class="fb-part-name" aria-hidden="true">{ super::data_text(d.name(&part)) }</span>
            <span class="fb-part-figures" aria-hidden="true">
                { format!("{} · {}", d.part_share(&part), d.amount_short(part.amount)) }
            </span>
            <svg class="fb-part-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                <rect class={classes!("fb-mark", if rest { "fb-rest" } else { "fb-c1" })}
                    width={decimal(length, 2)} height="6"
                    fill={rest.then(|| format!("url(#{})", props.hatch))} />
                if let Some(x) = open {
                    <rect class="fb-open" x={decimal(x, 2)} width={decimal(length - x, 2)} height="6"
                        fill={format!("url(#{})", props.open_hatch)} />
                }
            </svg>
        </li>
    }
}
