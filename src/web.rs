//! The browser side of loading and mounting: `JSON.parse` into the model's
//! `Json` (no JSON parser in the wasm), the URL hash, the panic hook.

use wasm_bindgen::{JsCast, JsValue};

use crate::components::app::{App, AppProps};
use crate::model::load::{self, prepare};
use crate::model::{Dataset, Json, Problem, Series};

/// Parses and validates a dataset with the browser's JSON parser.
pub fn parse_dataset(text: &str) -> Result<Dataset, Vec<Problem>> {
    load::dataset(&json_parse(text)?)
}

/// Parses and validates a series of datasets with the browser's JSON parser.
pub fn parse_series(text: &str) -> Result<Series, Vec<Problem>> {
    load::series(&json_parse(text)?)
}

/// The size and shape checks of `prepare`, then the browser's `JSON.parse`.
fn json_parse(text: &str) -> Result<Json, Vec<Problem>> {
    let text = prepare(text).map_err(|p| vec![p])?;
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let message = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "the file is not valid JSON".to_owned());
        // The reader gets plain words in their language; the browser's own
        // (English, and worded by each browser) are for whoever debugs.
        web_sys::console::warn_1(&format!("funding-breakdown: JSON.parse: {message}").into());
        vec![load::parse_failure(text, &message)]
    })?;
    Ok(from_js(&value))
}

/// What `JSON.parse` returned, as a `Json`: it holds only null, booleans,
/// numbers, strings, arrays and plain objects, nested no deeper than
/// `prepare` allows, so this recursion stays shallow.
fn from_js(v: &JsValue) -> Json {
    if let Some(s) = v.as_string() {
        Json::String(s)
    } else if let Some(n) = v.as_f64() {
        Json::Number(n)
    } else if let Some(b) = v.as_bool() {
        Json::Bool(b)
    } else if js_sys::Array::is_array(v) {
        Json::Array(js_sys::Array::from(v).iter().map(|v| from_js(&v)).collect())
    } else if v.is_object() {
        let entries = js_sys::Object::entries(v.unchecked_ref());
        Json::Object(
            entries
                .iter()
                .map(|entry| {
                    let entry: js_sys::Array = entry.unchecked_into();
                    let key = entry.get(0).as_string().unwrap_or_default();
                    (key, from_js(&entry.get(1)))
                })
                .collect(),
        )
    } else {
        Json::Null
    }
}

thread_local! {
    /// Catalogue requests on their way, by language: a second caller (a
    /// choice made while the list's prefetch is still coming, another widget)
    /// waits for the same response instead of asking again.
    static IN_FLIGHT: std::cell::RefCell<Vec<(crate::i18n::Locale, js_sys::Promise)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Loads `locale`'s catalogue from `base` (the directory of the widget's
/// files) unless it is at hand. Err says why, for the console.
pub async fn load_catalogue(locale: crate::i18n::Locale, base: &str) -> Result<(), String> {
    use wasm_bindgen_futures::JsFuture;
    let Some(file) = locale.catalogue_file().filter(|_| !locale.is_ready()) else {
        return Ok(());
    };
    let url = format!("{base}{file}");
    let waiting = IN_FLIGHT.with(|f| {
        let f = f.borrow();
        f.iter().find(|(l, _)| *l == locale).map(|(_, p)| p.clone())
    });
    // The caller that asks gives up after a dataset's time, so a stalled
    // request cannot hold the widget back for good (it then shows the
    // language it has).
    let mut _timer = None;
    let request = match waiting {
        Some(request) => request,
        None => {
            let window = window().ok_or_else(|| format!("no window to load {url}"))?;
            let controller = web_sys::AbortController::new().ok();
            let init = web_sys::RequestInit::new();
            init.set_signal(controller.as_ref().map(|c| c.signal()).as_ref());
            _timer = controller.map(|c| {
                gloo::timers::callback::Timeout::new(crate::embed::TIMEOUT_MS, move || c.abort())
            });
            // Credentials as the pages' <link rel="preload" as="fetch" crossorigin> asks.
            let request = window.fetch_with_str_and_init(&url, &init);
            IN_FLIGHT.with(|f| f.borrow_mut().push((locale, request.clone())));
            request
        }
    };
    let entries = async {
        let response = JsFuture::from(request).await.ok()?;
        let response: web_sys::Response = response.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        // Each caller reads its own copy of the body.
        let body = web_sys::Response::clone(&response).ok()?.json().ok()?;
        JsFuture::from(body)
            .await
            .ok()?
            .dyn_into::<js_sys::Array>()
            .ok()
    }
    .await;
    IN_FLIGHT.with(|f| f.borrow_mut().retain(|(l, _)| *l != locale));
    let entries = entries.ok_or_else(|| format!("cannot load the catalogue {url}"))?;
    crate::i18n::install(locale, entries.iter().map(|v| v.as_string()).collect())
        .map_err(|e| format!("{url}: {e}"))
}

/// The language a widget opens in, and the one a URL hash without `lang`
/// means: the URL's (standalone page only) wins, then the embedder's or the
/// page's `lang`, then the reader's browser, then English.
pub fn opening_locale(
    standalone: bool,
    lang: Option<&str>,
) -> (crate::i18n::Locale, crate::i18n::Locale) {
    let from_hash = standalone
        .then(|| crate::state::HashState::decode(&location_hash()).lang)
        .flatten();
    let default = lang
        .and_then(crate::i18n::Locale::from_tag)
        .unwrap_or_else(browser_locale);
    (from_hash.unwrap_or(default), default)
}

/// The first of the reader's browser languages that the widget supports, else English.
pub fn browser_locale() -> crate::i18n::Locale {
    let Some(window) = window() else {
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
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's URL.
pub fn location_href() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// `url` resolved against the document's base URL, as `fetch` resolves it;
/// as given when that fails (or natively).
pub fn absolute_url(url: &str) -> String {
    resolve_url(url).map_or_else(|| url.to_owned(), |u| u.href())
}

/// `url` resolved against the document's base URL, as `fetch` resolves it;
/// None when it is no URL (`http://[::1`), or natively.
pub fn resolve_url(url: &str) -> Option<web_sys::Url> {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
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

thread_local! {
    /// Every element a widget is mounted in, so a panic can be shown in all of them.
    static ROOTS: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Remembers a widget root for the panic hook, and installs the hook once.
pub fn register_root(root: &web_sys::Element) {
    ROOTS.with(|roots| {
        let mut roots = roots.borrow_mut();
        // Forget roots that have left the document (removed custom elements).
        roots.retain(|r| r.is_connected());
        if roots.is_empty() {
            install_panic_hook();
        }
        roots.push(root.clone());
    });
}

/// Forgets a widget root when its widget is removed, so the registry holds
/// no reference that would keep a removed element's DOM alive.
pub fn unregister_root(root: &web_sys::Element) {
    ROOTS.with(|roots| roots.borrow_mut().retain(|r| r != root));
}

/// With panic=abort nothing runs after a panic, so the hook itself tells the
/// reader, in every widget, instead of leaving dead or half-drawn widgets.
fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("funding-breakdown: {info}").into());
        show_internal_error();
    }));
}

/// Replaces every mounted widget with a short message, marks custom elements
/// `data-state="error"` and tells their pages (what the panic hook does).
pub fn show_internal_error() {
    ROOTS.with(|roots| {
        for root in roots.borrow().iter() {
            // The language the widget was asked for, else the reader's.
            let host = root
                .get_root_node()
                .dyn_ref::<web_sys::ShadowRoot>()
                .map(|s| s.host());
            let locale = host
                .as_ref()
                .and_then(|h| h.get_attribute("lang"))
                .and_then(|l| crate::i18n::Locale::from_tag(&l))
                .unwrap_or_else(browser_locale);
            let message = locale.text(crate::i18n::Msg::InternalError);
            root.set_text_content(Some(message));
            let _ = root.set_attribute("lang", locale.tag());
            let _ = root.set_attribute("role", "alert");
            let _ = root.set_attribute("class", "fb-internal-error");
            if let Some(host) = host {
                let _ = host.set_attribute("data-state", "error");
                let init = web_sys::CustomEventInit::new();
                init.set_bubbles(true);
                init.set_composed(true);
                let detail = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&detail, &"message".into(), &message.into());
                init.set_detail(&detail);
                if let Ok(ev) =
                    web_sys::CustomEvent::new_with_event_init_dict("funding-breakdown:error", &init)
                {
                    let _ = host.dispatch_event(&ev);
                }
            }
        }
    });
}

/// The standalone page's widget: the live one in `start`, and the copy
/// `cargo xtask post-build` renders into index.html (`page_props()`). A macro,
/// so both build the same props while the wasm keeps building them inline
/// (a shared function, even unused in the wasm, changed the wasm's bytes).
macro_rules! page_props {
    ($lang:expr) => {
        AppProps {
            id_prefix: "fb1".into(),
            standalone: true,
            data: None,
            lang: $lang,
            view: None,
            sel: None,
            year: None,
            ysel: None,
            on_status: None,
            base: None,
            src: None,
            heading: None,
        }
    };
}

/// Entry point of the standalone page: mounts into `#funding-breakdown` when
/// the page has one (index.html does). Pages that embed the widget with
/// embed.js have none: their widgets are mounted by the custom element.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("funding-breakdown") else {
        return;
    };
    register_root(&root);
    // Replace the copy of the default view rendered at build time (ARCHITECTURE.md,
    // "Pre-rendering"). Yew renders the whole tree in a microtask of this same
    // task, so the browser never paints the root empty in between.
    // A page of another language than index.html's says which
    // (`prerender::page_lang`); the URL hash still wins over it.
    let lang = root.get_attribute("data-lang").map(yew::AttrValue::from);
    // The language the widget opens in is loaded first, so the copy never
    // gives way to English. boot.js has already asked for its catalogue.
    let (opens_in, _) = opening_locale(true, lang.as_deref());
    wasm_bindgen_futures::spawn_local(async move {
        // Failing, the widget opens in the copy's language (index.ja.html
        // asked for French by its hash opens in Japanese), or on index.html
        // in English, and says why itself, as it tries again. A copy whose
        // own language cannot be loaded either is kept, and boot.js says the
        // widget could not start.
        if let Err(why) = load_catalogue(opens_in, "").await {
            let page = lang.as_deref().and_then(crate::i18n::Locale::from_tag);
            let kept = match page {
                None => false,
                Some(page) if page == opens_in => true,
                Some(page) => load_catalogue(page, "").await.is_err(),
            };
            if kept {
                gloo::console::error!(format!("funding-breakdown: {why}"));
                let _ = root.set_attribute("data-failed", "");
                return;
            }
        }
        root.set_text_content(None);
        yew::Renderer::<App>::with_root_and_props(root, page_props!(lang.clone())).render();
        crate::embed::warm_up_at_idle(lang);
    });
}

/// The standalone page's widget as `start` mounts it, for the build-time
/// pre-render (`crate::prerender`). Native only.
#[cfg(not(target_arch = "wasm32"))]
pub fn page_props(lang: Option<yew::AttrValue>) -> AppProps {
    page_props!(lang)
}

// Outside a browser (native tests, the build-time pre-render) there is no
// window: the functions above then answer as for a reader with no URL hash
// and an English browser, the state the page is pre-rendered in. (New code
// goes below the browser functions: their panic locations are data in the
// wasm, and moving them changes its bytes.)

/// The browser window; None natively, where asking for it would panic.
fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// A dataset from JSON text: the browser's `JSON.parse` in the wasm
/// ([`parse_dataset`]), serde_json natively (tests, the build-time pre-render).
pub fn read_dataset(text: &str) -> Result<Dataset, Vec<Problem>> {
    #[cfg(target_arch = "wasm32")]
    {
        parse_dataset(text)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        load::read_dataset(text)
    }
}

/// Runs `f` once the browser is idle (`requestIdleCallback`, at most 2 s
/// later), or after 200 ms where there is no such thing (Safari).
/// Nothing runs natively. Boxed, so that every caller shares one closure
/// type and its glue (for three callers, 553 B of wasm gzip less).
pub fn when_idle(f: Box<dyn FnOnce()>) {
    let Some(window) = window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let started = match idle {
        Some(idle) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &2000.into());
            idle.call2(&window, &callback, &options).is_ok()
        }
        None => window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 200)
            .is_ok(),
    };
    if !started {
        gloo::console::warn!("funding-breakdown: could not schedule idle work");
    }
}

/// Focuses the element with `id` in `node`'s document or shadow root, if
/// it is there and focusable; natively, nothing.
pub fn focus_by_id(node: &web_sys::Node, id: &str) {
    let root = node.get_root_node();
    let found = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.get_element_by_id(id),
        None => root
            .dyn_ref::<web_sys::Document>()
            .and_then(|d| d.get_element_by_id(id)),
    };
    if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        // An element that cannot take focus simply does not: nothing to report.
        let _ = el.focus();
    }
}

/// The attribute `name` of the element that has focus (or of its closest
/// ancestor that has one) in `node`'s document
/// or shadow root (a widget inside `<funding-breakdown>` has its own focus).
/// None natively.
pub fn focused_attribute(node: &web_sys::Node, name: &str) -> Option<String> {
    window()?;
    let root = node.get_root_node();
    let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => root.dyn_ref::<web_sys::Document>()?.active_element(),
    };
    // The focused element's own, or its item's: a theme's button sits in the
    // list item that carries the theme's id.
    active?
        .closest(&format!("[{name}]"))
        .ok()
        .flatten()?
        .get_attribute(name)
}
