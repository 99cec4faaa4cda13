//! The legend: one button per mark with its qualified share and amount.

use yew::prelude::*;

use super::chart::{colour_class, marks, ChartKind};
use super::{data_text, mark_of, use_ctx};
use crate::i18n::format::figure_breakable;
use crate::i18n::Msg;
use crate::model::derive;

/// An entry's button, which carries its part's id.
const ENTRY: &str = "button[data-id]";

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub kind: ChartKind,
    /// The part shown: the one the pointer previews, else the selection.
    pub selected: Option<AttrValue>,
    /// The selection alone, which a click or Enter toggles.
    pub pinned: Option<AttrValue>,
    pub on_select: Callback<Option<AttrValue>>,
    pub on_preview: Callback<Option<AttrValue>>,
}

#[component]
pub fn Legend(props: &LegendProps) -> Html {
    super::rendered("Legend");
    let ctx = use_ctx();
    let d = ctx.describer();
    let parts = marks(&ctx.data, props.kind);
    // Bars carry their own names and figures: a legend would repeat them.
    if crate::chart::bars::uses_bars(parts.len()) {
        return html! {};
    }
    let linked = props
        .selected
        .as_ref()
        .map(|s| derive::linked_ids(&ctx.data, s))
        .unwrap_or_default();
    // The entries are toggle buttons, each a tab stop: focus alone selects
    // nothing (Tab through the legend would press every one, each announced
    // twice), Enter, Space or a click does, and on a pressed entry un-presses
    // it. Escape clears, as on the chart. The pointer over an entry previews
    // it (its detail, its mark) without selecting it, so a reader passing over
    // the legend keeps their selection and the URL. One listener of each kind
    // on the list (see `mark_events`).
    // An entry a pointer's click un-pressed: the pointer over it does not
    // preview it again (it would look pressed still) until it has left it.
    let released = use_mut_ref(|| None::<AttrValue>);
    let onmouseover = {
        let on_preview = props.on_preview.clone();
        let released = released.clone();
        Callback::from(move |e: MouseEvent| {
            // Between entries, the last preview stays: no flicker to the selection.
            let Some(id) = mark_of(&e, ENTRY) else {
                return;
            };
            let mut released = released.borrow_mut();
            if released.as_ref() == Some(&id) {
                return;
            }
            *released = None;
            on_preview.emit(Some(id));
        })
    };
    let onmouseleave = {
        let on_preview = props.on_preview.clone();
        let released = released.clone();
        Callback::from(move |_: MouseEvent| {
            *released.borrow_mut() = None;
            on_preview.emit(None);
        })
    };
    let onclick = {
        let on_select = props.on_select.clone();
        let on_preview = props.on_preview.clone();
        let pinned = props.pinned.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(id) = mark_of(&e, ENTRY) else {
                return;
            };
            if pinned.as_ref() == Some(&id) {
                // A pointer's click has a count (`detail`); Enter, Space and
                // assistive technology's activation have none.
                if e.detail() > 0 {
                    *released.borrow_mut() = Some(id);
                    on_preview.emit(None);
                }
                on_select.emit(None);
            } else {
                on_select.emit(Some(id));
            }
        })
    };
    let onkeydown = {
        let on_select = props.on_select.clone();
        let selected = props.pinned.is_some();
        Callback::from(move |e: KeyboardEvent| {
            if selected && e.key() == "Escape" {
                e.prevent_default();
                on_select.emit(None);
            }
        })
    };
    let items = parts.iter().enumerate().map(|(i, part)| {
        let id = part.id().to_owned();
        // Drawn pressed while previewed; `aria-pressed` says only the selection.
        let is_sel = props.selected.as_deref() == Some(id.as_str());
        let is_pinned = props.pinned.as_deref() == Some(id.as_str());
        let is_linked = linked.contains(&id);
        html! {
            <li class={classes!("fb-legend-item", part.is_remainder().then_some("is-rest"),
                is_linked.then_some("is-linked"))}>
                <button type="button" class={classes!("fb-legend-button", is_sel.then_some("is-selected"))}
                    aria-pressed={if is_pinned { "true" } else { "false" }} data-id={id.clone()}
                    // Named as the chart's mark is, with its pauses: the three
                    // spans ran together ("Asia 20% about USD 7.4 million").
                    aria-label={d.announce(part)}>
                    <svg class="fb-swatch" viewBox="0 0 16 16" aria-hidden="true">
                        <rect class={classes!("fb-mark", colour_class(i, part))} x="1" y="1" width="14" height="14"
                            fill={part.is_remainder().then(|| format!("url(#{})", ctx.id("hatch")))} />
                        // A mark drawn at an upper bound: its swatch striped as the mark's open end is.
                        if part.open_ppm() > 0 {
                            <rect class="fb-open" x={if part.wholly_open() { "1" } else { "8" }} y="1"
                                width={if part.wholly_open() { "14" } else { "7" }} height="14"
                                fill={format!("url(#{})", ctx.id("open"))} />
                        }
                    </svg>
                    <span class="fb-legend-name">{ data_text(d.name(part)) }</span>
                    <span class="fb-legend-share">{ d.part_share(part) }</span>
                    <span class="fb-legend-amount">{ figure_breakable(&d.amount_short(part.amount)) }</span>
                </button>
            </li>
        }
    });
    html! {
        <ul class="fb-legend" aria-label={d.text(Msg::LegendLabel)} {onclick} {onmouseover} {onmouseleave} {onkeydown}>{ for items }</ul>
    }
}
