//! Embedding: the `mount` export behind the `<funding-breakdown>` custom
//! element (static/embed.js), loading a dataset from its `src` URL, and the
//! height messages an iframe embed sends to its parent page.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;
use yew::AppHandle;

use crate::components::embed_app::{EmbedApp, EmbedProps};
use crate::model::load::MAX_BYTES;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// Yew apps whose element was removed, kept for the next element.
    static POOL: RefCell<Vec<(AppHandle<EmbedRoot>, web_sys::Element)>> = const { RefCell::new(Vec::new()) };
}

/// A fresh DOM id prefix, so widgets on one page never share ids.
pub fn next_prefix() -> String {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        format!("fbe{id}")
    })
}

#[derive(Properties, PartialEq, Clone)]
pub struct EmbedRootProps {
    /// None while the app waits in the pool: nothing is rendered, so every
    /// component, timer, request and listener of the last widget is gone.
    pub widget: Option<EmbedProps>,
}

/// The root of every embedded Yew app. Keyed by the id prefix, so a reused app
/// starts the next widget from fresh state.
#[component]
pub fn EmbedRoot(props: &EmbedRootProps) -> Html {
    match &props.widget {
        Some(w) => html! { <EmbedApp key={w.ids.to_string()} ..w.clone() /> },
        None => html! {},
    }
}

/// One widget mounted in a custom element's shadow root.
///
/// Yew never removes the event listeners it puts on an app's root element (it
/// treats them as static for the page's life), so an app per element would
/// leak with every element ever created. Instead, a removed element's app
/// goes to a pool and serves the next element: the cost is bounded by the
/// most widgets shown at once, not by how many came and went.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<AppHandle<EmbedRoot>>,
    host: web_sys::HtmlElement,
    ids: String,
    base: String,
    /// The element Yew renders into, inside the custom element's shadow root.
    app_root: web_sys::Element,
}

fn props_from(host: &web_sys::HtmlElement, ids: &str, base: &str) -> EmbedProps {
    let attr = |name: &str| {
        host.get_attribute(name)
            .filter(|v| !v.trim().is_empty())
            .map(Into::into)
    };
    EmbedProps {
        host: host.clone(),
        ids: ids.to_owned().into(),
        src: attr("src"),
        view: attr("view"),
        lang: attr("lang"),
        sel: attr("sel"),
        year: attr("year"),
        base: base.to_owned().into(),
    }
}

/// Renders a widget into `root` for the custom element `host`, configured by
/// the host's attributes; `base` is the URL of the directory embed.js is in.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, host: web_sys::HtmlElement, base: String) -> Mounted {
    let ids = next_prefix();
    let props = EmbedRootProps {
        widget: Some(props_from(&host, &ids, &base)),
    };
    let pooled = POOL.with(|pool| pool.borrow_mut().pop());
    let (handle, app_root) = match pooled {
        Some((mut handle, app_root)) => {
            let _ = root.append_child(&app_root);
            handle.update(props);
            (handle, app_root)
        }
        None => {
            let document = web_sys::window().and_then(|w| w.document());
            let app_root = document
                .and_then(|d| d.create_element("div").ok())
                .unwrap_or_else(|| root.clone());
            if app_root != root {
                let _ = app_root.set_attribute("class", "fb-app");
                let _ = root.append_child(&app_root);
            }
            let handle =
                yew::Renderer::<EmbedRoot>::with_root_and_props(app_root.clone(), props).render();
            (handle, app_root)
        }
    };
    crate::web::register_root(&app_root);
    Mounted {
        handle: Some(handle),
        host,
        ids,
        base,
        app_root,
    }
}

#[wasm_bindgen]
impl Mounted {
    /// Re-reads the host's attributes after one of them changed.
    pub fn update(&mut self) {
        let props = EmbedRootProps {
            widget: Some(props_from(&self.host, &self.ids, &self.base)),
        };
        if let Some(handle) = self.handle.as_mut() {
            handle.update(props);
        }
    }

    /// Removes the widget and everything it holds (components, listeners,
    /// timers, requests); its Yew app waits in the pool for the next element.
    pub fn unmount(&mut self) {
        crate::web::unregister_root(&self.app_root);
        if let Some(mut handle) = self.handle.take() {
            handle.update(EmbedRootProps { widget: None });
            self.app_root.remove();
            POOL.with(|pool| pool.borrow_mut().push((handle, self.app_root.clone())));
        }
    }
}

/// Why a dataset URL gave no data, for a message the reader can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered with an error status.
    Http(u16),
    /// No answer: network down, wrong address, or CORS refused.
    Network,
    /// No answer within the time limit.
    Timeout,
    /// The server sent something that is not JSON (often an HTML error page).
    NotJson(String),
    TooLarge(u64),
    /// The bytes are not UTF-8 text.
    NotUtf8,
}

/// How long a dataset may take to arrive.
pub const TIMEOUT_MS: u32 = 10_000;

/// Whether a Content-Type names JSON (or plain text, as some static hosts send).
pub fn is_json_type(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    mime == "application/json"
        || mime == "text/json"
        || mime == "text/plain"
        || mime.ends_with("+json")
}

/// Fetches a dataset's text with a timeout, without cookies, checking status,
/// type and size before reading the body.
pub async fn fetch_text(url: &str, signal: &web_sys::AbortSignal) -> Result<String, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(signal));
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| {
            if signal.aborted() {
                LoadError::Timeout
            } else {
                LoadError::Network
            }
        })?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let headers = response.headers();
    let content_type = headers
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    if !content_type.is_empty() && !is_json_type(&content_type) {
        return Err(LoadError::NotJson(content_type));
    }
    let length = headers
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.parse::<u64>().ok());
    if let Some(length) = length.filter(|l| *l > MAX_BYTES as u64) {
        return Err(LoadError::TooLarge(length));
    }
    let body = response.array_buffer().map_err(|_| LoadError::Network)?;
    let body = JsFuture::from(body).await.map_err(|_| {
        if signal.aborted() {
            LoadError::Timeout
        } else {
            LoadError::Network
        }
    })?;
    // `fetch`'s text() would turn invalid UTF-8 into U+FFFD silently; a fatal
    // decoder rejects it, as `cargo xtask check-data` does.
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("utf-8", &options)
        .map_err(|_| LoadError::Network)?;
    let view = js_sys::Uint8Array::new(&body);
    decoder
        .decode_with_js_u8_array(&view)
        .map_err(|_| LoadError::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_content_types() {
        assert!(is_json_type("application/json"));
        assert!(is_json_type("application/json; charset=utf-8"));
        assert!(is_json_type("application/ld+json"));
        assert!(is_json_type("text/plain"));
        assert!(!is_json_type("text/html; charset=utf-8"));
        assert!(!is_json_type("image/png"));
    }
}
