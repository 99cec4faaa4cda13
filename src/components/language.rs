//! Language switch: every supported language under its own name, so a
//! reader finds theirs whatever the widget currently shows.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::use_ctx;
use crate::i18n::{Locale, Msg};

#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    pub current: Locale,
    pub on_change: Callback<Locale>,
}

#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    super::rendered("LanguageSwitch");
    let ctx = use_ctx();
    let id = ctx.id("lang");
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value());
            if let Some(locale) = value.as_deref().and_then(Locale::from_tag) {
                on_change.emit(locale);
            }
        })
    };
    let options = Locale::ALL.into_iter().map(|l| {
        html! {
            <option value={l.tag()} lang={l.tag()} selected={l == props.current}>{ l.native_name() }</option>
        }
    });
    html! {
        <div class="fb-lang">
            <label for={id.clone()}>{ ctx.locale.text(Msg::LanguageLabel) }</label>
            <select id={id} class="fb-lang-select" {onchange}>{ for options }</select>
        </div>
    }
}
