//! Every figure the charts show, in a real table with the same qualifiers.

use yew::prelude::*;

use super::chart::{marks, ChartKind};
use super::{data_text, use_ctx};
use crate::i18n::{stated_msg, Msg};
use crate::model::share::PPM;
use crate::model::Stated;

#[component]
pub fn TableView() -> Html {
    let ctx = use_ctx();
    let d = ctx.describer();
    let table = |kind: ChartKind, caption: Msg, head: Msg| {
        let rows = marks(&ctx.data, kind).into_iter().map(|p| {
            html! {
                <tr class={classes!(p.is_remainder().then_some("is-rest"))} data-id={p.id().to_owned()}>
                    <th scope="row">{ data_text(d.name(&p)) }</th>
                    <td class="fb-num">{ d.share(p.share) }</td>
                    <td>{ d.text(stated_msg(p.share.stated)) }</td>
                    <td class="fb-num">{ d.amount(p.amount) }</td>
                </tr>
            }
        });
        let total = crate::model::derive::Qualified {
            value: PPM,
            stated: Stated::Exact,
        };
        html! {
            <table class="fb-table">
                <caption>{ d.text(caption) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ d.text(head) }</th>
                        <th scope="col" class="fb-num">{ d.text(Msg::TableShare) }</th>
                        <th scope="col">{ d.text(Msg::TableStated) }</th>
                        <th scope="col" class="fb-num">{ d.text(Msg::TableAmount) }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ d.text(Msg::TableTotal) }</th>
                        <td class="fb-num">{ d.share(total) }</td>
                        <td>{ d.text(stated_msg(Stated::Exact)) }</td>
                        <td class="fb-num">{ d.total_exact() }</td>
                    </tr>
                </tfoot>
            </table>
        }
    };
    html! {
        <div class="fb-table-view">
            <div class="fb-table-scroll">
                { table(ChartKind::Region, Msg::TableRegionsCaption, Msg::TableRegion) }
            </div>
            if ctx.data.has_theme_amounts() {
                <div class="fb-table-scroll">
                    { table(ChartKind::Theme, Msg::TableThemesCaption, Msg::TableTheme) }
                </div>
            }
        </div>
    }
}
