//! What the reader sees instead of figures when the data is unusable.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Locale, Msg};
use crate::model::Problem;

/// How many problems are listed before the rest are counted.
const SHOWN: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ErrorProps {
    pub problems: Rc<Vec<Problem>>,
    pub locale: Locale,
    /// "h1" when the widget is the page, else "h2".
    pub heading: AttrValue,
}

#[component]
pub fn ErrorView(props: &ErrorProps) -> Html {
    let l = props.locale;
    let items = props.problems.iter().take(SHOWN).map(|p| {
        html! {
            <li>
                if !p.path.is_empty() { <code>{ &p.path }</code>{ ": " } }
                { p.kind.to_string() }
            </li>
        }
    });
    let more = props.problems.len().saturating_sub(SHOWN);
    html! {
        <div class="fb-error" role="alert">
            <@{props.heading.to_string()} class="fb-title">{ l.text(Msg::ErrorTitle) }</@>
            <p>{ l.text(Msg::ErrorIntro) }</p>
            <ul>{ for items }</ul>
            if more > 0 {
                <p>{ l.fill(Msg::ErrorMore, &[("count", &more.to_string())]) }</p>
            }
        </div>
    }
}
