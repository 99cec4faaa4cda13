//! Embedding: the `mount` export behind the `<funding-breakdown>` custom
//! element (static/embed.js), and loading a dataset from its `src` URL. (The
//! height messages an iframe embed sends to its parent page are the page's
//! head script's, xtask/lang.js, from the first layout on, before any wasm.)

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;
use yew::AppHandle;

use crate::components::embed_app::{EmbedApp, EmbedProps};
use crate::model::load::MAX_BYTES;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// Yew apps whose element was removed, kept for the next element. Never
    /// trimmed: destroying an app frees only its Rust state, while its root
    /// element and Yew's closures for its root listeners stay for good (see
    /// `RootListeners`), so a destroyed app costs about what a pooled one
    /// does, and the next element would have to make another.
    static POOL: RefCell<Vec<PooledApp>> = const { RefCell::new(Vec::new()) };
    static PROTOTYPE_ADD: Option<js_sys::Function> = prototype_add();
}

/// A Yew app, its root element and the listeners Yew put on that root.
struct PooledApp {
    handle: AppHandle<EmbedRoot>,
    root: web_sys::Element,
    listeners: RootListeners,
}

impl Drop for PooledApp {
    /// Gives the root back the prototype's `addEventListener` before the
    /// recorder is freed, should Yew ever add another listener there.
    fn drop(&mut self) {
        let _ = js_sys::Reflect::delete_property(&self.root, &JsValue::from_str(ADD));
    }
}

const ADD: &str = "addEventListener";

/// `EventTarget.prototype.addEventListener`, to add a listener to a root
/// without going through its recorder.
fn prototype_add() -> Option<js_sys::Function> {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    let class = get(&js_sys::global(), "EventTarget").ok()?;
    let prototype = get(&class, "prototype").ok()?;
    get(&prototype, ADD).ok()?.dyn_into().ok()
}

/// One listener Yew added to an app's root, with its capture and passive flags.
struct Added {
    kind: String,
    listener: js_sys::Function,
    capture: bool,
    passive: bool,
}

impl Added {
    /// What `addEventListener` was called with, if it names a listener.
    fn from_call(kind: &JsValue, listener: &JsValue, options: &JsValue) -> Option<Self> {
        let flag = |key: &str| {
            js_sys::Reflect::get(options, &JsValue::from_str(key))
                .ok()
                .is_some_and(|v| v.is_truthy())
        };
        Some(Self {
            kind: kind.as_string()?,
            listener: listener.clone().dyn_into().ok()?,
            // A boolean third argument is the capture flag.
            capture: options.as_bool().unwrap_or_else(|| flag("capture")),
            passive: flag("passive"),
        })
    }

    fn options(&self) -> JsValue {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"capture".into(), &self.capture.into());
        let _ = js_sys::Reflect::set(&options, &"passive".into(), &self.passive.into());
        options.into()
    }
}

/// The event listeners Yew adds to an app's root element, so that a pooled
/// app can hold none. Yew `forget()`s them, so they stay on the root (and
/// count as the page's listeners) for as long as the root lives, which is
/// the page's life: the closures keep Yew's per-root event state, and that
/// keeps the root.
///
/// Yew calls `root.addEventListener(...)` through the wasm-bindgen glue as a
/// property lookup, so an own `addEventListener` on the root sees every
/// listener Yew adds there: it adds it and records it.
struct RootListeners {
    added: Rc<RefCell<Vec<Added>>>,
    /// The recording function installed on the root; called only by Yew.
    _recorder: Closure<dyn Fn(JsValue, JsValue, JsValue)>,
}

impl RootListeners {
    /// Starts recording on `root`; must run before Yew renders into it.
    fn install(root: &web_sys::Element) -> Self {
        let added: Rc<RefCell<Vec<Added>>> = Rc::default();
        let recorder = {
            let (root, added) = (root.clone(), added.clone());
            Closure::<dyn Fn(JsValue, JsValue, JsValue)>::new(
                move |kind: JsValue, listener: JsValue, options: JsValue| {
                    PROTOTYPE_ADD.with(|add| {
                        if let Some(add) = add {
                            let _ = add.call3(&root, &kind, &listener, &options);
                        }
                    });
                    if let Some(call) = Added::from_call(&kind, &listener, &options) {
                        added.borrow_mut().push(call);
                    }
                },
            )
        };
        if PROTOTYPE_ADD.with(Option::is_some) {
            let _ = js_sys::Reflect::set(root, &JsValue::from_str(ADD), recorder.as_ref());
        }
        Self {
            added,
            _recorder: recorder,
        }
    }

    /// Takes every recorded listener off `root` (the app goes to the pool).
    fn detach(&self, root: &web_sys::Element) {
        for a in self.added.borrow().iter() {
            // Removal matches on type, listener and the capture flag.
            let _ =
                root.remove_event_listener_with_callback_and_bool(&a.kind, &a.listener, a.capture);
        }
    }

    /// Puts them back (the app serves a new element).
    fn attach(&self, root: &web_sys::Element) {
        PROTOTYPE_ADD.with(|add| {
            let Some(add) = add else { return };
            for a in self.added.borrow().iter() {
                let _ = add.call3(root, &JsValue::from_str(&a.kind), &a.listener, &a.options());
            }
        });
    }
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
/// `forget()`s them), and what they capture keeps the root element and the
/// app's event state alive for the page's life, so an app per element would
/// leak with every element ever created. Instead, a removed element's app
/// goes to a pool, without its root listeners, and serves the next element:
/// the cost is bounded by the most widgets shown at once, not by how many
/// came and went.
#[wasm_bindgen]
pub struct Mounted {
    app: Option<PooledApp>,
    host: web_sys::HtmlElement,
    ids: String,
    base: String,
}

fn props_from(host: &web_sys::HtmlElement, ids: &str, base: &str) -> EmbedProps {
    // Trimmed, as embed.js reads them for the static copy: a template's
    // stray space or newline must not change what the live widget shows.
    let attr = |name: &str| {
        host.get_attribute(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .map(Into::into)
    };
    EmbedProps {
        host: host.clone(),
        ids: ids.to_owned().into(),
        // Kept when empty (a CMS variable that rendered nothing): the widget
        // then says so, instead of showing the default data in its place.
        src: host
            .get_attribute("src")
            .map(|v| v.trim().to_owned().into()),
        view: attr("view"),
        lang: attr("lang"),
        sel: attr("sel"),
        year: attr("year"),
        ysel: attr("ysel"),
        heading: attr("heading"),
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
    let app = match pooled {
        Some(mut app) => {
            let _ = root.append_child(&app.root);
            app.listeners.attach(&app.root);
            app.handle.update(props);
            app
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
            let listeners = RootListeners::install(&app_root);
            let handle =
                yew::Renderer::<EmbedRoot>::with_root_and_props(app_root.clone(), props).render();
            PooledApp {
                handle,
                root: app_root,
                listeners,
            }
        }
    };
    crate::web::register_root(&app.root);
    Mounted {
        app: Some(app),
        host,
        ids,
        base,
    }
}

#[wasm_bindgen]
impl Mounted {
    /// Re-reads the host's attributes after one of them changed.
    pub fn update(&mut self) {
        let props = EmbedRootProps {
            widget: Some(props_from(&self.host, &self.ids, &self.base)),
        };
        if let Some(app) = self.app.as_mut() {
            app.handle.update(props);
        }
    }

    /// Removes the widget and everything it holds (components, listeners,
    /// timers, requests); its Yew app waits in the pool for the next element.
    pub fn unmount(&mut self) {
        if let Some(mut app) = self.app.take() {
            crate::web::unregister_root(&app.root);
            app.handle.update(EmbedRootProps { widget: None });
            app.root.remove();
            app.listeners.detach(&app.root);
            POOL.with(|pool| pool.borrow_mut().push(app));
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
    /// The server announced more bytes than a dataset may have.
    TooLarge(u64),
    /// More bytes came than a dataset may have, from a server that did not
    /// say how many (chunked) or said the compressed size: reading stopped.
    TooLargeRead,
    /// The bytes are not UTF-8 text from this line and column on: a data
    /// problem (save the file as UTF-8), which trying again cannot change.
    NotUtf8 { line: usize, column: usize },
    /// The `src` attribute is there but empty.
    EmptySrc,
    /// The `src` attribute is not a URL (`http://[::1`): no request is made,
    /// and trying again cannot help.
    BadUrl,
}

/// How long a dataset may take to arrive.
pub const TIMEOUT_MS: u32 = 10_000;

/// Whether a Content-Type may be a dataset: JSON, plain text (as some static
/// hosts send) or a generic binary type (object stores' default for a file
/// uploaded without one). What is refused is what is surely not JSON: an
/// HTML page (a login or error page), an image; the parser checks the rest.
pub fn may_be_dataset(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    mime == "application/json"
        || mime == "text/json"
        || mime == "text/plain"
        || mime == "application/octet-stream"
        || mime == "binary/octet-stream"
        || mime.ends_with("+json")
}

/// Fetches a dataset's text with a timeout, without cookies, checking status,
/// type and announced size before reading the body, and its size as it reads.
pub async fn fetch_text(url: &str, signal: &web_sys::AbortSignal) -> Result<String, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    // An address `fetch` cannot resolve would fail as if the network were
    // down, and the reader be offered a Try again that cannot help.
    if crate::web::resolve_url(url).is_none() {
        return Err(LoadError::BadUrl);
    }
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
    if !content_type.is_empty() && !may_be_dataset(&content_type) {
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
    let failed = || {
        if signal.aborted() {
            LoadError::Timeout
        } else {
            LoadError::Network
        }
    };
    // Read chunk by chunk, to stop past the limit: a length the server did
    // not give (chunked), or gave compressed, is known only as it comes.
    // No body at all (a 204) is an empty file, which the parser names.
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    // The size announced, when it is one, so the bytes are not copied as they grow.
    let announced = length.map_or(0, |l| l.min(MAX_BYTES as u64) as usize);
    let mut bytes = Vec::with_capacity(announced);
    loop {
        let read = JsFuture::from(reader.read()).await.map_err(|_| failed())?;
        let field = |name: &str| js_sys::Reflect::get(&read, &JsValue::from_str(name));
        if field("done").map_or(true, |done| done.is_truthy()) {
            break;
        }
        let chunk: js_sys::Uint8Array = field("value").map_err(|_| failed())?.unchecked_into();
        let at = bytes.len();
        if at + chunk.length() as usize > MAX_BYTES {
            let _ = reader.cancel();
            return Err(LoadError::TooLargeRead);
        }
        bytes.resize(at + chunk.length() as usize, 0);
        if let Some(tail) = bytes.get_mut(at..) {
            chunk.copy_to(tail);
        }
    }
    // `fetch`'s text() would turn invalid UTF-8 into U+FFFD silently; this
    // refuses it where it starts, with check-data's code (`load::utf8`).
    // Checked once: the place is worked out only for a file that fails.
    String::from_utf8(bytes).map_err(|e| match crate::model::load::utf8(e.as_bytes()) {
        Err(crate::model::Problem {
            kind: crate::model::ProblemKind::NotUtf8 { line, column },
            ..
        }) => LoadError::NotUtf8 { line, column },
        _ => LoadError::Network,
    })
}

impl LoadError {
    /// Whether trying again may help: not for an empty `src`, one that is no
    /// URL, or a file that is not UTF-8, which are the same on every try.
    pub fn may_pass(&self) -> bool {
        !matches!(
            self,
            LoadError::EmptySrc | LoadError::NotUtf8 { .. } | LoadError::BadUrl
        )
    }
}

/// Readies the code a reader's first selection runs, at idle: a widget in an
/// element outside the document selects its first region and clears it,
/// each step in a task of its own, then renders nothing. The engine compiles
/// the wasm's functions on their first call, so the reader's first click
/// paid for compiling the selection's code: 12.8-13.2 ms from click to
/// painted detail, 10.9-11.4 ms after this (medians of 15 loads). A hidden
/// copy inside the page, laid out, gained nothing more. Outside the document
/// it is seen by no reader, assistive technology or stylesheet, and the
/// reader's widget is not touched. The standalone page (and so the iframe
/// embed) calls this once; pages of `<funding-breakdown>` elements do not:
/// the copy's app stays, empty, and its memory changed what 13 rounds of 20
/// elements coming and going leave (instances.spec.js). It is an element's
/// app (`EmbedRoot`), whose code the wasm has
/// anyway, stepped by one kind of timer callback: each closure type costs
/// wasm-bindgen glue (an `App` and a closure per step came to 1.5 KB gzip).
pub fn warm_up_at_idle(lang: Option<AttrValue>) {
    crate::web::when_idle(Box::new(move || {
        warm_up(lang);
    }));
}

/// The warm-up itself (see [`warm_up_at_idle`]); returns the element the
/// widget renders in, for the tests.
pub fn warm_up(lang: Option<AttrValue>) -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let first = crate::web::read_dataset(crate::model::DEFAULT_DATA)
        .ok()
        .and_then(|ds| {
            crate::model::derive::region_marks(&ds)
                .first()
                .map(|p| AttrValue::from(p.id().to_owned()))
        })?;
    let host: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    let root = document.create_element("div").ok()?;
    let warm = Warm { host, lang, first };
    let app =
        yew::Renderer::<EmbedRoot>::with_root_and_props(root.clone(), warm.props(None)).render();
    warm_next(warm, app, 0);
    Some(root)
}

struct Warm {
    host: web_sys::HtmlElement,
    lang: Option<AttrValue>,
    first: AttrValue,
}

impl Warm {
    fn props(&self, sel: Option<AttrValue>) -> EmbedRootProps {
        EmbedRootProps {
            widget: Some(EmbedProps {
                host: self.host.clone(),
                ids: "fbw".into(),
                src: None,
                view: Some("region".into()),
                lang: self.lang.clone(),
                sel,
                year: None,
                ysel: None,
                heading: None,
                base: AttrValue::default(),
            }),
        }
    }
}

/// The warm-up's next step, in a task of its own: after Yew has rendered
/// the step before.
fn warm_next(warm: Warm, mut app: AppHandle<EmbedRoot>, step: u8) {
    gloo::timers::callback::Timeout::new(0, move || {
        match step {
            0 => app.update(warm.props(Some(warm.first.clone()))),
            1 => app.update(warm.props(None)),
            _ => {
                app.update(EmbedRootProps { widget: None });
                return;
            }
        }
        warm_next(warm, app, step + 1);
    })
    .forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataset_content_types() {
        assert!(may_be_dataset("application/json"));
        assert!(may_be_dataset("application/json; charset=utf-8"));
        assert!(may_be_dataset("application/ld+json"));
        assert!(may_be_dataset("text/plain"));
        assert!(may_be_dataset("application/octet-stream"));
        assert!(may_be_dataset("Binary/Octet-Stream"));
        assert!(!may_be_dataset("text/html; charset=utf-8"));
        assert!(!may_be_dataset("application/xml"));
        assert!(!may_be_dataset("image/png"));
    }
}
