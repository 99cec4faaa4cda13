//! Embedding: the `mount` export behind the `<funding-breakdown>` custom
//! element (static/embed.js), loading a dataset from its `src` URL, and the
//! height messages an iframe embed sends to its parent page.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::AppHandle;

use crate::components::embed_app::{EmbedApp, EmbedProps};
use crate::model::load::MAX_BYTES;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// A fresh DOM id prefix, so widgets on one page never share ids.
pub fn next_prefix() -> String {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        format!("fbe{id}")
    })
}

/// One widget mounted in a custom element's shadow root.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<AppHandle<EmbedApp>>,
    host: web_sys::HtmlElement,
    ids: String,
    base: String,
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
        base: base.to_owned().into(),
    }
}

/// Renders a widget into `root` for the custom element `host`, configured by
/// the host's attributes; `base` is the URL of the directory embed.js is in.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, host: web_sys::HtmlElement, base: String) -> Mounted {
    let ids = next_prefix();
    crate::web::register_root(&root);
    let handle =
        yew::Renderer::<EmbedApp>::with_root_and_props(root, props_from(&host, &ids, &base))
            .render();
    Mounted {
        handle: Some(handle),
        host,
        ids,
        base,
    }
}

#[wasm_bindgen]
impl Mounted {
    /// Re-reads the host's attributes after one of them changed.
    pub fn update(&mut self) {
        let props = props_from(&self.host, &self.ids, &self.base);
        if let Some(handle) = self.handle.as_mut() {
            handle.update(props);
        }
    }

    /// Removes the widget and everything it holds (listeners, timers, requests).
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
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
    let text = response.text().map_err(|_| LoadError::Network)?;
    let text = JsFuture::from(text).await.map_err(|_| {
        if signal.aborted() {
            LoadError::Timeout
        } else {
            LoadError::Network
        }
    })?;
    text.as_string().ok_or(LoadError::Network)
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
