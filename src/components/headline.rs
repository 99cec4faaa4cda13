//! The headline card: who gave how much to whom, and the generated summary,
//! which comes first in the DOM so screen readers reach it first.

use yew::prelude::*;

use super::{data_text, use_ctx};
use crate::i18n::Msg;

#[component]
pub fn Headline() -> Html {
    let ctx = use_ctx();
    let d = ctx.describer();
    let c = &ctx.data.contribution;
    let exact_id = ctx.id("exact-total");
    html! {
        <header class="fb-head">
            <p class="fb-summary" id={ctx.id("summary")}>
                { for d.summary_parts().into_iter().map(data_text) }
            </p>
            <@{ctx.heading} class="fb-title">
                <span class="fb-donor">{ data_text(d.data(&c.donor)) }</span>
                <span class="fb-arrow" aria-hidden="true">{ " → " }</span>
                <span class="fb-sr-only">{ format!(" {} ", d.text(Msg::Arrow)) }</span>
                <span class="fb-recipient">{ data_text(d.data(&c.recipient)) }</span>
            </@>
            <div class="fb-facts">
                <p class="fb-total-wrap">
                    <span class="fb-fact-label">{ d.text(Msg::TotalLabel) }</span>
                    <span class="fb-total" tabindex="0" aria-describedby={exact_id.clone()}>
                        { d.total_short() }
                    </span>
                    <span class="fb-exact" id={exact_id} role="tooltip">
                        { ctx.locale.fill(Msg::ExactTotal, &[("amount", &d.total_exact())]) }
                    </span>
                </p>
                <p class="fb-year">
                    { ctx.locale.fill(Msg::ForOperationsIn, &[("year", &d.fmt.year(c.operations_year))]) }
                </p>
                <p class="fb-status"><span class="fb-badge">{ d.status() }</span></p>
                <p class="fb-announced">
                    { ctx.locale.fill(Msg::AnnouncedOn, &[("date", &d.fmt.date(&c.announced))]) }
                </p>
            </div>
        </header>
    }
}
