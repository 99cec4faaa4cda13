//! The legend: one button per mark with its qualified share and amount.

use yew::prelude::*;

use super::chart::{colour_class, marks, ChartKind};
use super::{data_text, mark_of, use_ctx};
use crate::i18n::Msg;
use crate::model::derive;

/// An entry's button, which carries its part's id.
const ENTRY: &str = "button[data-id]";

/// What the pointer did to the entry under it.
#[derive(Default)]
struct Pointer {
    /// Pressed by hovering, not clicked since.
    pressed: Option<AttrValue>,
    /// Un-pressed by a click: hovering does not press it again until the
    /// pointer has left it.
    released: Option<AttrValue>,
}

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub kind: ChartKind,
    pub selected: Option<AttrValue>,
    pub on_select: Callback<Option<AttrValue>>,
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
    // twice), Enter or Space does, and on a pressed entry un-presses it.
    // Escape clears, as on the chart. Hovering selects too, so a click on the
    // entry the pointer has just pressed keeps it (a touch sends both); the
    // click after that un-presses it, and the entry stays un-pressed until
    // the pointer leaves it. One listener of each kind on the list (see
    // `mark_events`).
    let pointer = use_mut_ref(Pointer::default);
    let onmouseover = {
        let on_select = props.on_select.clone();
        let selected = props.selected.clone();
        let pointer = pointer.clone();
        Callback::from(move |e: MouseEvent| {
            let id = mark_of(&e, ENTRY);
            let mut p = pointer.borrow_mut();
            if p.released.is_some() && p.released != id {
                p.released = None;
            }
            let Some(id) = id else {
                return;
            };
            if p.released.is_none() && selected.as_ref() != Some(&id) {
                p.pressed = Some(id.clone());
                on_select.emit(Some(id));
            }
        })
    };
    let onclick = {
        let on_select = props.on_select.clone();
        let selected = props.selected.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(id) = mark_of(&e, ENTRY) else {
                return;
            };
            let mut p = pointer.borrow_mut();
            // A pointer's click has a count (`detail`); Enter, Space and
            // assistive technology's activation have none.
            let by_pointer = e.detail() > 0;
            let just_hovered = p.pressed.take().as_ref() == Some(&id) && by_pointer;
            if selected.as_ref() == Some(&id) && !just_hovered {
                p.released = by_pointer.then_some(id);
                on_select.emit(None);
            } else {
                p.released = None;
                on_select.emit(Some(id));
            }
        })
    };
    let onkeydown = {
        let on_select = props.on_select.clone();
        let selected = props.selected.is_some();
        Callback::from(move |e: KeyboardEvent| {
            if selected && e.key() == "Escape" {
                e.prevent_default();
                on_select.emit(None);
            }
        })
    };
    let items = parts.iter().enumerate().map(|(i, part)| {
        let id = part.id().to_owned();
        let is_sel = props.selected.as_deref() == Some(id.as_str());
        let is_linked = linked.contains(&id);
        html! {
            <li class={classes!("fb-legend-item", part.is_remainder().then_some("is-rest"),
                is_linked.then_some("is-linked"))}>
                <button type="button" class={classes!("fb-legend-button", is_sel.then_some("is-selected"))}
                    aria-pressed={if is_sel { "true" } else { "false" }} data-id={id.clone()}>
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
                    <span class="fb-legend-amount">{ d.amount_short(part.amount) }</span>
                </button>
            </li>
        }
    });
    html! {
        <ul class="fb-legend" aria-label={d.text(Msg::LegendLabel)} {onclick} {onmouseover} {onkeydown}>{ for items }</ul>
    }
}
