//! What the reader sees instead of figures when the data is unusable.

use std::rc::Rc;

use yew::prelude::*;

use crate::describe::problem_text;
use crate::i18n::{pieces, Locale, Msg, Piece};
use crate::model::{Problem, ProblemKind};

/// How many problems are listed before the rest are counted.
const SHOWN: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ErrorProps {
    pub problems: Rc<Vec<Problem>>,
    pub locale: Locale,
    /// "h1" when the widget is the page, else "h2".
    pub heading: AttrValue,
}

/// A syntax error's line, its place marked (a space where the line or the
/// file ends there).
fn excerpt(kind: &ProblemKind) -> Html {
    let ProblemKind::At { kind, .. } = kind else {
        return Html::default();
    };
    let ProblemKind::Syntax {
        excerpt: Some(e), ..
    } = &**kind
    else {
        return Html::default();
    };
    let at = if e.at.is_empty() { " " } else { e.at.as_str() };
    html! {
        <code class="fb-excerpt">{ &e.before }<mark>{ at }</mark>{ &e.after }</code>
    }
}

#[component]
pub fn ErrorView(props: &ErrorProps) -> Html {
    super::rendered("ErrorView");
    let l = props.locale;
    // "1 more problems" would need plural rules in every language: show that one too.
    let shown = if props.problems.len() == SHOWN + 1 {
        SHOWN + 1
    } else {
        SHOWN
    };
    let items = props.problems.iter().take(shown).map(|p| {
        let message = html! { { problem_text(l, &p.kind) } };
        if p.path.is_empty() {
            return html! { <li>{ message }{ excerpt(&p.kind) }</li> };
        }
        let line = pieces(l.text(Msg::ProblemAt), &["path", "problem"], &[]);
        let line = line.into_iter().map(|piece| match piece {
            Piece::Slot("path") => html! { <code>{ &p.path }</code> },
            Piece::Slot(_) => message.clone(),
            Piece::Text(text) => html! { { text } },
        });
        html! { <li>{ for line }</li> }
    });
    let more = props.problems.len().saturating_sub(shown);
    html! {
        // Focusable from script only: where focus goes when a reader's Try
        // again brings data that cannot be shown (EmbedApp).
        <div class="fb-error" role="alert" tabindex="-1">
            <@{props.heading.to_string()} class="fb-title">{ l.text(Msg::ErrorTitle) }</@>
            <p>{ l.text(Msg::ErrorIntro) }</p>
            <ul>{ for items }</ul>
            if more > 0 {
                <p>{ l.fill(Msg::ErrorMore, &[("count", &more.to_string())]) }</p>
            }
        </div>
    }
}
