//! Where the figures come from, and what kind of figures they are.

use yew::prelude::*;

use super::use_ctx;
use crate::i18n::Msg;

#[component]
pub fn SourcesView() -> Html {
    let ctx = use_ctx();
    let d = ctx.describer();
    let items = ctx.data.sources.iter().map(|s| {
        let date = match &s.date {
            Some(date) => ctx.locale.fill(Msg::SourcePublished, &[("date", &d.fmt.date(date))]),
            None => d.text(Msg::SourceUndated).to_owned(),
        };
        html! {
            <li class="fb-source">
                <span class="fb-source-publisher">{ &s.publisher }</span>{ ": " }
                <a href={s.url.clone()} rel="noopener noreferrer" target="_blank" lang={s.language.clone()}
                    hreflang={s.language.clone()}>{ &s.title }</a>
                <span class="fb-source-meta">
                    { format!(" ({date}; {})", ctx.locale.fill(Msg::SourceLanguage, &[("language", &s.language)])) }
                </span>
            </li>
        }
    });
    html! {
        <div class="fb-sources-view">
            <@{ctx.sub_heading()} class="fb-h3">{ d.text(Msg::SourcesHeading) }</@>
            <ul class="fb-sources">{ for items }</ul>
            <p class="fb-note">{ d.text(Msg::SourcesNote) }</p>
        </div>
    }
}
