//! Language switch: every supported language under its own name, so a
//! reader finds theirs whatever the widget currently shows. And which
//! language is shown while another one's catalogue loads.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::use_ctx;
use crate::i18n::{Locale, Msg};

/// The language to show when `want` is asked for: `want` once its texts are
/// at hand; while its catalogue loads (started here, from `base`), the one
/// shown before, or None on a first render (nothing to show yet). When it
/// cannot be loaded, the console says why, `on_failed` hears which language
/// failed and which stays, and the one shown before stays (English if none was).
#[hook]
pub fn use_shown_locale(
    want: Locale,
    base: AttrValue,
    on_failed: Callback<(Locale, Locale)>,
) -> Option<Locale> {
    let shown = use_mut_ref(|| None::<Locale>);
    let update = use_force_update();
    if want.is_ready() {
        *shown.borrow_mut() = Some(want);
    }
    {
        let shown = shown.clone();
        use_effect_with(want, move |&want| {
            if !want.is_ready() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(why) = crate::web::load_catalogue(want, &base).await {
                        gloo::console::error!(format!("funding-breakdown: {why}"));
                        let stays = *shown.borrow_mut().get_or_insert(Locale::En);
                        on_failed.emit((want, stays));
                    }
                    update.force_update();
                });
            }
        });
    }
    let shown = *shown.borrow();
    shown
}

#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// The language asked for, which may still be loading.
    pub current: Locale,
    pub on_change: Callback<Locale>,
    /// A language that could not be loaded, said next to the switch.
    #[prop_or_default]
    pub unavailable: Option<Locale>,
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
            if let Some(l) = props.unavailable {
                <p class="fb-lang-notice" role="status">
                    { ctx.locale.fill(Msg::LanguageUnavailable, &[("language", l.native_name())]) }
                </p>
            }
        </div>
    }
}
