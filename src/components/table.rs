//! Every figure the charts show, in a real table with the same qualifiers.

use yew::prelude::*;

use super::chart::{marks, ChartKind};
use super::{data_text, use_ctx};
use crate::i18n::{stated_msg, Msg};
use crate::model::share::PPM;
use crate::model::Stated;

#[component]
pub fn TableView() -> Html {
    super::rendered("TableView");
    let ctx = use_ctx();
    let d = ctx.describer();
    // On narrow cards CSS lays each row out as a small card and shows the
    // column name from `data-label`; the explicit roles keep the table's
    // semantics for screen readers when its display changes.
    let (l_share, l_stated, l_amount) = (
        d.text(Msg::TableShare),
        d.text(Msg::TableStated),
        d.text(Msg::TableAmount),
    );
    let table = |kind: ChartKind, caption: Msg, head: Msg, key: &str| {
        let caption_id = ctx.id(&format!("caption-{key}"));
        let rows = marks(&ctx.data, kind).into_iter().map(|p| {
            html! {
                <tr role="row" class={classes!(p.is_remainder().then_some("is-rest"))} data-id={p.id().to_owned()}>
                    <th role="rowheader" scope="row">{ data_text(d.name(&p)) }</th>
                    <td role="cell" class="fb-num" data-label={l_share}>{ d.part_share(&p) }</td>
                    <td role="cell" data-label={l_stated}>{ d.text(d.share_origin(&p)) }</td>
                    <td role="cell" class="fb-num" data-label={l_amount}>{ d.part_amount(&p) }</td>
                </tr>
            }
        });
        let total = crate::model::derive::Qualified {
            value: PPM,
            stated: Stated::Exact,
        };
        html! {
            // A table wider than the card scrolls inside this region, which
            // keyboard users can then focus and scroll too.
            <div class="fb-table-scroll" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
            <table class="fb-table" role="table">
                <caption id={caption_id}>{ d.text(caption) }</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th role="columnheader" scope="col">{ d.text(head) }</th>
                        <th role="columnheader" scope="col" class="fb-num">{ l_share }</th>
                        <th role="columnheader" scope="col">{ l_stated }</th>
                        <th role="columnheader" scope="col" class="fb-num">{ l_amount }</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">{ for rows }</tbody>
                <tfoot role="rowgroup">
                    <tr role="row">
                        <th role="rowheader" scope="row">{ d.text(Msg::TableTotal) }</th>
                        <td role="cell" class="fb-num" data-label={l_share}>{ d.share(total) }</td>
                        <td role="cell" data-label={l_stated}>{ d.text(stated_msg(ctx.data.contribution.total_stated)) }</td>
                        <td role="cell" class="fb-num" data-label={l_amount}>{ d.total_cell() }</td>
                    </tr>
                </tfoot>
            </table>
            </div>
        }
    };
    // A year whose source splits nothing by region (2025) gets the note the
    // region view gives, not a table of no rows whose total says 100 %.
    let regions = if ctx.data.regions.is_empty() {
        html! { <p class="fb-note fb-no-breakdown">{ d.text(Msg::NoRegionBreakdown) }</p> }
    } else {
        table(
            ChartKind::Region,
            Msg::TableRegionsCaption,
            Msg::TableRegion,
            "regions",
        )
    };
    html! {
        <div class="fb-table-view">
            { regions }
            if ctx.data.has_theme_amounts() {
                { table(ChartKind::Theme, Msg::TableThemesCaption, Msg::TableTheme, "themes") }
            }
        </div>
    }
}
