//! Where the figures come from, and what kind of figures they are.

use yew::prelude::*;

use super::{source_link, use_ctx};
use crate::i18n::{pieces, Msg, Piece};

#[component]
pub fn SourcesView() -> Html {
    super::rendered("SourcesView");
    let ctx = use_ctx();
    let d = ctx.describer();
    let items = ctx.data.sources.iter().map(|s| {
        let date = match &s.date {
            Some(date) => ctx
                .locale
                .fill(Msg::SourcePublished, &[("date", &d.fmt.date(date))]),
            None => d.text(Msg::SourceUndated).to_owned(),
        };
        let language = ctx.locale.fill(
            Msg::SourceLanguage,
            &[("language", &d.fmt.language_name(&s.language))],
        );
        // One message for the whole entry, so each language orders it its own way;
        // the title is cut out of it to become the link.
        let entry = pieces(
            ctx.locale.text(Msg::SourceEntry),
            &["publisher", "title", "date", "language"],
            &[],
        );
        let entry = entry.into_iter().map(|p| match p {
            Piece::Slot("publisher") => {
                // In the source's language ("IOM Japan" on a French page), as its link is.
                let publisher = s.publisher_text();
                html! { <span class="fb-source-publisher" lang={publisher.lang.to_owned()}>{ publisher.text }</span> }
            }
            Piece::Slot("date") => html! { <span class="fb-source-meta">{ &date }</span> },
            Piece::Slot("language") => html! { <span class="fb-source-meta">{ &language }</span> },
            Piece::Slot(_) => source_link(s, s.title_for(ctx.locale.tag()), ctx.locale),
            Piece::Text(text) => html! { { text } },
        });
        html! {
            <li class="fb-source">{ for entry }</li>
        }
    });
    html! {
        <div class="fb-sources-view">
            <@{ctx.sub_heading()} class="fb-h3">{ d.text(Msg::SourcesHeading) }</@>
            <ul class="fb-sources">{ for items }</ul>
            <p class="fb-note">{ d.sources_note() }</p>
        </div>
    }
}
