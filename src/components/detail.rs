//! The detail panel for the selected mark: name, share and amount as stated
//! or derived, and what the source says.

use yew::prelude::*;

use super::chart::{find_mark, ChartKind};
use super::{country_list, data_text, use_ctx};
use crate::i18n::format::figure_breakable;
use crate::i18n::Msg;
use crate::model::derive;
use crate::model::MarkKind;

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    /// The chart beside it: its parts are looked up first, since the
    /// unattributed rest has the same id in both.
    pub kind: ChartKind,
    pub selected: Option<AttrValue>,
}

#[component]
pub fn Detail(props: &DetailProps) -> Html {
    super::rendered("Detail");
    let ctx = use_ctx();
    let d = ctx.describer();
    let part = props
        .selected
        .as_ref()
        .and_then(|id| find_mark(&ctx.data, props.kind, id));
    let Some(part) = part else {
        // Bars have no legend to point to.
        let many = crate::chart::bars::uses_bars(super::chart::marks(&ctx.data, props.kind).len());
        let prompt = if many {
            Msg::DetailEmptyBars
        } else {
            Msg::DetailEmpty
        };
        return html! {
            <div class="fb-detail is-empty" id={ctx.id("detail")}>
                <p>{ d.text(prompt) }</p>
            </div>
        };
    };
    let countries = match part.kind {
        MarkKind::Region(r) if !r.countries.is_empty() => {
            let names = r
                .countries
                .iter()
                .map(|c| html! { <li>{ data_text(d.data(c)) }</li> });
            html! { <>
                <dt>{ d.text(Msg::DetailCountries) }</dt>
                <dd><ul class="fb-inline-list">{ for names }</ul></dd>
            </> }
        }
        _ => html! {},
    };
    let linked = derive::linked_ids(&ctx.data, part.id());
    let linked_html = if linked.is_empty() {
        html! {}
    } else {
        let label = match part.kind {
            MarkKind::Region(_) => Msg::DetailLinkedThemes,
            _ => Msg::DetailLinkedRegions,
        };
        let names = linked.iter().filter_map(|id| {
            let name = ctx
                .data
                .theme(id)
                .map(|t| &t.name)
                .or(ctx.data.region(id).map(|r| &r.name))?;
            Some(html! { <li>{ data_text(d.data(name)) }</li> })
        });
        html! { <>
            <dt>{ d.text(label) }</dt>
            <dd><ul class="fb-inline-list">{ for names }</ul></dd>
        </> }
    };
    let note = if !part.amount_is_stated && !part.is_remainder() {
        html! { <p class="fb-note">{ d.text(Msg::DerivedAmountNote) }</p> }
    } else if !part.share_is_stated && !part.is_remainder() {
        html! { <p class="fb-note">{ d.text(Msg::DerivedShareNote) }</p> }
    } else {
        html! {}
    };
    let named_note = (part.is_remainder() && props.kind == ChartKind::Region)
        .then(|| d.rest_named_note())
        .flatten()
        .map(|t| html! { <p class="fb-note">{ t }</p> });
    // The stripes on the mark are said in words too.
    let open_note = d
        .open_note(&part)
        .map(|t| html! { <p class="fb-note">{ t }</p> });
    html! {
        <div class={classes!("fb-detail", part.is_remainder().then_some("is-rest"))} id={ctx.id("detail")}>
            <@{ctx.sub_heading()} class="fb-detail-name">{ data_text(d.name(&part)) }</@>
            <dl class="fb-figures">
                <dt>{ d.text(Msg::DetailShare) }</dt>
                <dd class="fb-detail-share">{ d.part_share(&part) }</dd>
                <dt>{ d.text(Msg::DetailAmount) }</dt>
                <dd class="fb-detail-amount">
                    { figure_breakable(&d.part_amount(&part)) }
                </dd>
                { countries }
                { linked_html }
            </dl>
            if let Some(desc) = d.description(&part) {
                <p class="fb-detail-description">{ data_text(desc) }</p>
            }
            { named_note }
            { note }
            { open_note }
        </div>
    }
}

/// Regions the source names without a share or amount: listed beside the
/// chart, which draws only what is stated.
#[component]
pub fn NamedRegions() -> Html {
    super::rendered("NamedRegions");
    let ctx = use_ctx();
    let d = ctx.describer();
    if ctx.data.named_regions.is_empty() {
        return html! {};
    }
    let items = ctx.data.named_regions.iter().map(|r| {
        html! {
            <li class="fb-named" data-id={r.id.clone()}>
                <span class="fb-named-name">{ data_text(d.data(&r.name)) }</span>
                if let Some(group) = d.part_of(r) {
                    { d.text(Msg::AsideOpen) }{ data_text(group) }{ d.text(Msg::AsideClose) }
                }
                { country_list(&d, &r.countries, r.country_count) }
            </li>
        }
    });
    html! {
        <div class="fb-named-regions">
            <p class="fb-who-label">{ d.text(Msg::NamedRegionsLabel) }</p>
            <ul class="fb-named-list">{ for items }</ul>
        </div>
    }
}
