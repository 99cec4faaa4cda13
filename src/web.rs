//! The browser side of loading and mounting: `JSON.parse` + serde-wasm-bindgen
//! (no JSON parser in the wasm), the URL hash, the panic hook.

use wasm_bindgen::JsCast;

use crate::components::app::{App, AppProps};
use crate::model::load::{checked, from_deserializer, prepare};
use crate::model::{Dataset, Problem, ProblemKind};

/// Parses and validates a dataset with the browser's JSON parser.
pub fn parse_dataset(text: &str) -> Result<Dataset, Vec<Problem>> {
    let text = prepare(text).map_err(|p| vec![p])?;
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let message = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "the file is not valid JSON".to_owned());
        vec![Problem {
            path: String::new(),
            kind: ProblemKind::Parse(message),
        }]
    })?;
    let ds =
        from_deserializer(serde_wasm_bindgen::Deserializer::from(value)).map_err(|p| vec![p])?;
    checked(ds)
}

/// The first of the reader's browser languages that the widget supports, else English.
pub fn browser_locale() -> crate::i18n::Locale {
    let Some(window) = web_sys::window() else {
        return crate::i18n::Locale::En;
    };
    let navigator = window.navigator();
    navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .find_map(|tag| crate::i18n::Locale::from_tag(&tag))
        .unwrap_or_default()
}

/// The page's current URL hash, "" when there is none.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the URL hash without adding a history entry.
pub fn replace_hash(hash: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if location_hash() == hash {
        return;
    }
    if let Ok(history) = window.history() {
        // Failing to update the URL only loses linkability, never the widget.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// Shows a panic to the reader inside `root` instead of leaving a dead widget.
fn install_panic_hook(root: web_sys::Element) {
    std::panic::set_hook(Box::new(move |info| {
        web_sys::console::error_1(&format!("funding-breakdown: {info}").into());
        root.set_text_content(Some(
            "This funding breakdown stopped because of an internal error. Please reload the page.",
        ));
        let _ = root.set_attribute("role", "alert");
    }));
}

/// Entry point of the standalone page: mounts into `#funding-breakdown`
/// (replacing any pre-rendered markup), or into `<body>` when it is missing.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let root = match document.get_element_by_id("funding-breakdown") {
        Some(root) => root,
        None => match document.body() {
            Some(body) => body.into(),
            None => return,
        },
    };
    install_panic_hook(root.clone());
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            id_prefix: "fb1".into(),
            standalone: true,
            data: None,
            lang: None,
        },
    )
    .render();
}
