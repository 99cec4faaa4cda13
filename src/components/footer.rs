//! Footer actions. "Embed" discloses the two embed snippets for the current
//! view and language, each with a Copy button.

use yew::prelude::*;

use super::use_ctx;
use crate::embed_code;
use crate::i18n::{Locale, Msg};
use crate::state::UiState;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub state: UiState,
}

/// Copies `text` to the clipboard; false when the browser refuses.
async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let ctx = use_ctx();
    let open = use_state(|| false);
    let status = use_state(String::new);
    let d = ctx.describer();
    let panel_id = ctx.id("embed");

    let toggle = {
        let open = open.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(!*open);
            status.set(String::new());
        })
    };

    let panel = if *open {
        let c = &ctx.data.contribution;
        let recipient = c.recipient_short.as_ref().unwrap_or(&c.recipient);
        let title = format!(
            "{}: {} → {}, {}",
            d.text(Msg::WidgetLabel),
            d.data(&c.donor).text,
            d.data(recipient).text,
            c.operations_year
        );
        let iframe = embed_code::iframe(&ctx.base, &props.state.to_hash(), &title);
        let mut attrs: Vec<(&str, String)> = Vec::new();
        if let Some(src) = &ctx.src {
            attrs.push(("src", src.to_string()));
        }
        attrs.push(("view", props.state.view.as_str().to_owned()));
        if let Some(sel) = &props.state.selected {
            attrs.push(("sel", sel.clone()));
        }
        if props.state.locale != Locale::En {
            attrs.push(("lang", props.state.locale.tag().to_owned()));
        }
        let attrs_ref: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let element = embed_code::element(&ctx.base, &attrs_ref);
        let snippet = |key: &str, label: Msg, code: String| {
            let id = ctx.id(&format!("embed-{key}"));
            let onclick = {
                let status = status.clone();
                let code = code.clone();
                let done = d.text(Msg::Copied).to_owned();
                Callback::from(move |_: MouseEvent| {
                    let status = status.clone();
                    let code = code.clone();
                    let done = done.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        if copy(code).await {
                            status.set(done);
                        }
                    });
                })
            };
            html! {
                <div class="fb-snippet">
                    <label for={id.clone()}>{ d.text(label) }</label>
                    <textarea id={id} class="fb-code" readonly=true rows="3" spellcheck="false" value={code} />
                    <button type="button" class="fb-button" data-copy={key.to_owned()} {onclick}>
                        { d.text(Msg::Copy) }
                    </button>
                </div>
            }
        };
        html! {
            <div class="fb-embed" id={panel_id.clone()}>
                <p class="fb-note">{ d.text(Msg::EmbedIntro) }</p>
                { snippet("iframe", Msg::EmbedIframe, iframe) }
                { snippet("element", Msg::EmbedScript, element) }
            </div>
        }
    } else {
        html! {}
    };

    html! {
        <footer class="fb-footer">
            <div class="fb-actions">
                <button type="button" class="fb-button" aria-expanded={if *open { "true" } else { "false" }}
                    aria-controls={panel_id} onclick={toggle}>
                    { d.text(Msg::EmbedButton) }
                </button>
            </div>
            { panel }
            <p class="fb-sr-only" role="status">{ (*status).clone() }</p>
        </footer>
    }
}
