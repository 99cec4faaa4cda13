//! The legend: one button per mark with its qualified share and amount.

use yew::prelude::*;

use super::chart::{colour_class, marks, ChartKind};
use super::{data_text, mark_events, use_ctx};
use crate::i18n::Msg;
use crate::model::derive;

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
    let events = mark_events("button[data-id]", props.selected.clone(), &props.on_select);
    let linked = props
        .selected
        .as_ref()
        .map(|s| derive::linked_ids(&ctx.data, s))
        .unwrap_or_default();
    // The entries are toggle buttons, each a tab stop: focus alone selects
    // nothing (Tab through the legend would press every one, each announced
    // twice), Enter or Space does. Escape clears, as on the chart.
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
                    </svg>
                    <span class="fb-legend-name">{ data_text(d.name(part)) }</span>
                    <span class="fb-legend-share">{ d.part_share(part) }</span>
                    <span class="fb-legend-amount">{ d.amount_short(part.amount) }</span>
                </button>
            </li>
        }
    });
    html! {
        <ul class="fb-legend" aria-label={d.text(Msg::LegendLabel)} onclick={events.onclick}
            onmouseover={events.onmouseover} {onkeydown}>{ for items }</ul>
    }
}
