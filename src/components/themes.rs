//! By theme: every purpose with its description and who it serves. Without
//! amounts per theme in the data, no number or proportional graphic is shown.

use yew::prelude::*;

use super::chart::{Chart, ChartKind};
use super::detail::Detail;
use super::legend::Legend;
use super::{data_text, use_ctx};
use crate::i18n::Msg;
use crate::model::derive;

#[derive(Properties, PartialEq)]
pub struct ThemeViewProps {
    /// The part shown: the one the pointer previews, else the selection.
    pub selected: Option<AttrValue>,
    /// The selection alone, which a click or Enter toggles.
    pub pinned: Option<AttrValue>,
    pub on_select: Callback<Option<AttrValue>>,
    pub on_preview: Callback<Option<AttrValue>>,
}

#[component]
pub fn ThemeView(props: &ThemeViewProps) -> Html {
    super::rendered("ThemeView");
    let ctx = use_ctx();
    let d = ctx.describer();
    let has_amounts = ctx.data.has_theme_amounts();
    let linked = props
        .selected
        .as_ref()
        .map(|s| derive::linked_ids(&ctx.data, s))
        .unwrap_or_default();
    let chart = if has_amounts {
        html! {
            <div class="fb-breakdown">
                <Chart kind={ChartKind::Theme} selected={props.selected.clone()} pinned={props.pinned.clone()}
                    on_select={props.on_select.clone()} on_preview={props.on_preview.clone()} />
                <div class="fb-side">
                    <Legend kind={ChartKind::Theme} selected={props.selected.clone()} pinned={props.pinned.clone()}
                        on_select={props.on_select.clone()} on_preview={props.on_preview.clone()} />
                    <Detail kind={ChartKind::Theme} selected={props.selected.clone()} />
                </div>
            </div>
        }
    } else {
        // "…for the themes below" only where there are themes below.
        let note = if ctx.data.themes.is_empty() {
            Msg::NoThemes
        } else {
            Msg::NoThemeBreakdown
        };
        html! { <p class="fb-note fb-no-breakdown">{ d.text(note) }</p> }
    };
    let items = ctx.data.themes.iter().map(|t| {
        let is_sel = props.selected.as_deref() == Some(t.id.as_str());
        let is_pinned = props.pinned.as_deref() == Some(t.id.as_str());
        let is_linked = linked.contains(&t.id);
        let who = t.beneficiaries.iter().filter_map(|b| ctx.data.beneficiary(b)).map(|b| {
            html! { <li>{ data_text(d.data(&b.name)) }</li> }
        });
        // A toggle, as aria-pressed says: pressed again, or Escape, lets go.
        let onclick = {
            let on_select = props.on_select.clone();
            let id = t.id.clone();
            Callback::from(move |_: MouseEvent| {
                on_select.emit((!is_pinned).then(|| AttrValue::from(id.clone())))
            })
        };
        let onkeydown = {
            let on_select = props.on_select.clone();
            Callback::from(move |e: KeyboardEvent| {
                if is_pinned && e.key() == "Escape" {
                    e.prevent_default();
                    on_select.emit(None);
                }
            })
        };
        html! {
            <li class={classes!("fb-theme", is_sel.then_some("is-selected"), is_linked.then_some("is-linked"))}
                data-id={t.id.clone()}>
                <@{ctx.sub_heading()} class="fb-theme-name">
                    <button type="button" class="fb-link-button" aria-pressed={if is_pinned { "true" } else { "false" }} {onclick} {onkeydown}>
                        { data_text(d.data(&t.name)) }
                    </button>
                </@>
                <p>{ data_text(d.data(&t.description)) }</p>
                if !t.beneficiaries.is_empty() {
                    <p class="fb-who-label">{ d.text(Msg::ThemeBeneficiaries) }</p>
                    <ul class="fb-inline-list fb-who">{ for who }</ul>
                }
            </li>
        }
    });
    html! {
        <div class="fb-themes-view">
            { chart }
            <ul class="fb-themes">{ for items }</ul>
        </div>
    }
}
