//! The root of a custom-element widget: loads the dataset named by `src`,
//! reports its state to the host element (`data-state`, events) and renders
//! the widget, a loading note, or an error with a Retry button.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::app::{App, AppProps};
use super::fetch::{use_fetch_text, Fetch};
use crate::embed::{LoadError, TIMEOUT_MS};
use crate::i18n::{Locale, Msg};

#[derive(Properties, PartialEq, Clone)]
pub struct EmbedProps {
    /// The `<funding-breakdown>` element: receives `data-state` and events.
    pub host: web_sys::HtmlElement,
    pub ids: AttrValue,
    pub src: Option<AttrValue>,
    pub view: Option<AttrValue>,
    pub lang: Option<AttrValue>,
    pub sel: Option<AttrValue>,
    /// Operations year from the series (`year` attribute); ignored with `src`.
    pub year: Option<AttrValue>,
    /// The year selected in the Years view (`ysel` attribute).
    pub ysel: Option<AttrValue>,
    /// Level of the title (`heading` attribute, 2-5; else 2).
    pub heading: Option<AttrValue>,
    /// Directory embed.js was loaded from.
    pub base: AttrValue,
}

/// Sets `data-state` on the host and, for ready and error, tells the page.
fn report(host: &web_sys::HtmlElement, status: &Result<(), String>) {
    let (state, event, message) = match status {
        Ok(()) => ("ready", "funding-breakdown:ready", None),
        Err(m) => ("error", "funding-breakdown:error", Some(m.as_str())),
    };
    let _ = host.set_attribute("data-state", state);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let detail = js_sys::Object::new();
    if let Some(m) = message {
        let _ = js_sys::Reflect::set(&detail, &"message".into(), &JsValue::from_str(m));
    }
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(event, &init) {
        let _ = host.dispatch_event(&ev);
    }
}

/// Focuses, in the host's shadow root (where the widget renders), the first
/// element found by the first of `selectors` that finds one.
fn focus_first(host: &web_sys::HtmlElement, selectors: &[&str]) {
    use wasm_bindgen::JsCast;
    let found = selectors.iter().find_map(|s| match host.shadow_root() {
        Some(root) => root.query_selector(s).ok().flatten(),
        None => host.query_selector(s).ok().flatten(),
    });
    // Every selector names an HTML element of ours.
    if let Some(el) = found {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// The reader-facing sentence for a failed load.
pub fn load_message(locale: Locale, url: &str, e: &LoadError) -> String {
    match e {
        LoadError::Http(status) => locale.fill(
            Msg::LoadHttp,
            &[("url", url), ("status", &status.to_string())],
        ),
        LoadError::Network => locale.fill(Msg::LoadNetwork, &[("url", url)]),
        LoadError::Timeout => locale.fill(
            Msg::LoadTimeout,
            &[("url", url), ("seconds", &(TIMEOUT_MS / 1000).to_string())],
        ),
        LoadError::NotJson(t) => locale.fill(Msg::LoadNotJson, &[("url", url), ("type", t)]),
        LoadError::TooLarge(bytes) => locale.fill(
            Msg::LoadTooLarge,
            &[("url", url), ("size", &(bytes / 1024).to_string())],
        ),
        LoadError::TooLargeRead => locale.fill(
            Msg::LoadTooLargeRead,
            &[
                ("url", url),
                ("size", &(crate::model::load::MAX_BYTES / 1024).to_string()),
            ],
        ),
        LoadError::NotUtf8 { line, column } => locale.fill(
            Msg::LoadNotUtf8,
            &[
                ("url", url),
                ("line", &line.to_string()),
                ("column", &column.to_string()),
            ],
        ),
        LoadError::EmptySrc => locale.text(Msg::LoadEmptySrc).to_owned(),
        LoadError::BadUrl => locale.fill(Msg::LoadBadUrl, &[("url", url)]),
    }
}

#[component]
pub fn EmbedApp(props: &EmbedProps) -> Html {
    super::rendered("EmbedApp");
    let attempt = use_state(|| 0u32);
    let locale = props
        .lang
        .as_deref()
        .and_then(Locale::from_tag)
        .unwrap_or_else(crate::web::browser_locale);
    // The loading note and a failed load's message are in the reader's
    // language too: its catalogue is fetched here (once for App as well).
    // Until it comes the note is in English and an error waits behind it,
    // so the alert is said once, in the reader's language.
    let shown =
        super::language::use_shown_locale(locale, None, props.base.clone(), Callback::noop());

    // An empty `src` (a template variable that rendered nothing) names no
    // dataset: an error, never the default data in its place.
    let empty = props.src.as_deref() == Some("");
    // (Re)load whenever the source or the attempt changes.
    let load = use_fetch_text(props.src.clone().filter(|_| !empty), *attempt);
    let load = if empty {
        Fetch::Failed(LoadError::EmptySrc)
    } else {
        load
    };
    let refocus = use_mut_ref(|| false);
    {
        let (host, refocus) = (props.host.clone(), refocus.clone());
        use_effect_with(load == Fetch::Loading, move |&loading| {
            if loading {
                let _ = host.set_attribute("data-state", "loading");
            }
            // Focus on Try again goes with the load it starts: to the loading
            // note, then to what it brings, not to the body when the button goes.
            if *refocus.borrow() {
                *refocus.borrow_mut() = loading;
                let order: &[&str] = if loading {
                    &[".fb-loading"]
                } else {
                    &["[role=tabpanel]", ".fb-error .fb-button", ".fb-error"]
                };
                focus_first(&host, order);
            }
        });
    }

    // Report failed loads; successful ones are reported by the App once the
    // data has been validated.
    {
        let host = props.host.clone();
        let url = props.src.clone().unwrap_or_default();
        use_effect_with((load.clone(), locale), move |(load, locale)| {
            if let Fetch::Failed(e) = load {
                let message = load_message(*locale, &url, e);
                gloo::console::error!(format!("funding-breakdown: {message}"));
                report(&host, &Err(message));
            }
        });
    }

    let on_status = {
        let host = props.host.clone();
        Callback::from(move |status: Result<(), String>| report(&host, &status))
    };

    let data = match (&load, shown) {
        (Fetch::Idle, _) => None,
        (Fetch::Loaded(text), _) => Some(text.clone()),
        (Fetch::Loading, _) | (Fetch::Failed(_), None) => {
            let shown = shown.unwrap_or(Locale::En);
            return html! {
                <div class="fb-root fb-loading" lang={shown.tag()} role="status" tabindex="-1">
                    <p>{ shown.text(Msg::Loading) }</p>
                </div>
            };
        }
        (Fetch::Failed(e), Some(shown)) => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| {
                    *refocus.borrow_mut() = true;
                    attempt.set(attempt.wrapping_add(1))
                })
            };
            let url = props.src.clone().unwrap_or_default();
            return html! {
                <div class="fb-root" lang={shown.tag()}>
                    // The button is beside the alert, not in it, so it is not
                    // read as the end of the message's sentence.
                    <div class="fb-error">
                        <div role="alert">
                            <@{super::heading_tag(false, props.heading.as_deref())} class="fb-title">
                                { shown.text(Msg::ErrorTitle) }
                            </@>
                            <p class="fb-error-message">{ load_message(shown, &url, e) }</p>
                        </div>
                        // Trying an empty address or a file that is not
                        // UTF-8 again cannot help.
                        if e.may_pass() {
                            <button type="button" class="fb-button" onclick={retry}>{ shown.text(Msg::Retry) }</button>
                        }
                    </div>
                </div>
            };
        }
    };
    html! {
        <App ..AppProps {
            id_prefix: props.ids.clone(),
            standalone: false,
            data,
            lang: props.lang.clone(),
            view: props.view.clone(),
            sel: props.sel.clone(),
            year: props.year.clone(),
            ysel: props.ysel.clone(),
            on_status: Some(on_status),
            base: Some(props.base.clone()),
            src: props.src.clone(),
            heading: props.heading.clone(),
        } />
    }
}
