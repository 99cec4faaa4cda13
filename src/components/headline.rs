//! The headline card: who gave how much to whom, and the generated summary,
//! right under the title in the DOM as on screen, so a screen reader that
//! jumps to the heading reads it next (WCAG 1.3.2).

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{data_text, use_ctx};
use crate::i18n::Msg;

#[component]
pub fn Headline() -> Html {
    super::rendered("Headline");
    let ctx = use_ctx();
    let d = ctx.describer();
    let c = &ctx.data.contribution;
    let exact_id = ctx.id("exact-total");
    // The exact total shows on hover and focus; Escape hides it without
    // moving the pointer or focus (WCAG 1.4.13), until they leave the total.
    let dismissed = use_state_eq(|| false);
    // The total with its tooltip, hovered or holding focus.
    let total_ref = use_node_ref();
    {
        let (dismissed, total_ref) = (dismissed.clone(), total_ref.clone());
        use_effect_with((), move |()| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "keydown", move |e| {
                    let escape = e
                        .dyn_ref::<KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape");
                    // Only while it shows: Escape elsewhere (a chart's) is not ours.
                    let showing = total_ref
                        .cast::<web_sys::Element>()
                        .is_some_and(|t| t.matches(":hover, :focus-within").unwrap_or(false));
                    if escape && showing {
                        dismissed.set(true);
                    }
                });
            move || drop(listener)
        });
    }
    let reset = {
        let dismissed = dismissed.clone();
        Callback::from(move |_: Event| dismissed.set(false))
    };
    html! {
        <header class="fb-head">
            <@{ctx.heading} class="fb-title">
                <span class="fb-donor">{ data_text(d.data(&c.donor)) }</span>
                <span class="fb-arrow" aria-hidden="true">{ " →" }</span>
                <span class="fb-sr-only">{
                    if ctx.locale.spaces_words() {
                        format!(" {} ", d.text(Msg::Arrow))
                    } else {
                        d.text(Msg::Arrow).to_owned()
                    }
                }</span>
                <span class="fb-recipient">{ data_text(d.data(&c.recipient)) }</span>
                if !ctx.locale.title_end().is_empty() {
                    <span class="fb-sr-only">{ ctx.locale.title_end() }</span>
                }
            </@>
            <p class="fb-summary" id={ctx.id("summary")}>
                { for d.summary_parts().into_iter().map(data_text) }
            </p>
            <div class="fb-facts">
                <p class="fb-total-wrap" onmouseleave={reset.reform(Event::from)} ref={total_ref}>
                    <span class="fb-fact-label">{ d.text(Msg::TotalLabel) }</span>
                    <span class={classes!("fb-total", dismissed.then_some("is-dismissed"))} tabindex="0"
                        aria-describedby={exact_id.clone()} onblur={reset.reform(Event::from)}>
                        { crate::i18n::format::figure_breakable(&d.total_phrase()) }
                    </span>
                    <span class="fb-exact" id={exact_id} role="tooltip">{ d.total_fact() }</span>
                </p>
                <p class="fb-year">
                    { ctx.locale.fill(Msg::ForOperationsIn, &[("year", &d.fmt.year(c.operations_year))]) }
                </p>
                if let Some(status) = d.status() {
                    <p class="fb-status"><span class="fb-badge">{ status }</span></p>
                }
                if let Some(date) = &c.announced {
                    <p class="fb-announced">
                        { ctx.locale.fill(Msg::AnnouncedOn, &[("date", &d.fmt.date(date))]) }
                    </p>
                }
                if let Some(count) = c.country_count {
                    <p class="fb-countries">
                        { ctx.locale.fill(Msg::CountryCount, &[("count", &count.to_string())]) }
                    </p>
                }
            </div>
            if let Some(note) = &c.total_note {
                <p class="fb-note fb-total-note">{ data_text(d.data(note)) }</p>
            }
        </header>
    }
}
