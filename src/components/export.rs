//! The browser side of exports: files made in the page (Blob + object URL,
//! revoked after use; nothing is sent anywhere), the PNG drawn from the SVG
//! through a canvas, the dataset as JSON, and the print-only section. The
//! content of every file comes from the pure `crate::export` modules.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::ByPtr;

use super::sources::SourcesView;
use super::table::TableView;
use super::use_ctx;
use crate::export::{svg, Breakdown};
use crate::model::Json;
use crate::state::View;

/// A Blob of UTF-8 text with its media type.
pub fn text_blob(text: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Offers `blob` as a download named `name`: a temporary `<a download>` in
/// `container` (inside the widget, so a host page's DOM is never touched) is
/// clicked and removed, and the object URL revoked once the browser has it.
pub fn save(container: &web_sys::Element, blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = gloo::utils::document().create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    container.append_child(&a)?;
    a.click();
    a.remove();
    // Revoking in the same task can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The SVG as a `data:` URL: the strict CSP allows `img-src data:`, not `blob:`.
pub fn svg_data_url(svg: &str) -> String {
    let mut url = String::from("data:image/svg+xml;charset=utf-8,");
    url.push_str(&String::from(js_sys::encode_uri_component(svg)));
    url
}

/// The drawing as a PNG at twice its size in CSS px, drawn through a canvas.
pub async fn png(drawing: &svg::Drawing) -> Result<web_sys::Blob, JsValue> {
    let img = web_sys::HtmlImageElement::new()?;
    img.set_src(&svg_data_url(&drawing.svg));
    JsFuture::from(img.decode()).await?;
    let canvas: web_sys::HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")?
        .dyn_into()?;
    let (w, h) = (drawing.width * 2, drawing.height * 2);
    canvas.set_width(w);
    canvas.set_height(h);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d canvas"))?
        .dyn_into()?;
    // Drawn at the target size, the vector image is rasterised sharp at 2×.
    context.draw_image_with_html_image_element_and_dw_and_dh(
        &img,
        0.0,
        0.0,
        f64::from(w),
        f64::from(h),
    )?;
    let mut callback = |resolve: js_sys::Function, _reject: js_sys::Function| {
        let _ = canvas.to_blob_with_type(&resolve, "image/png");
    };
    let blob = JsFuture::from(js_sys::Promise::new(&mut callback)).await?;
    blob.dyn_into::<web_sys::Blob>()
}

/// A dataset or series document (`Dataset::to_json`, `Series::to_json`)
/// pretty-printed by the browser's `JSON.stringify`, so the wasm holds no
/// JSON writer: no string escaping, no float printing.
pub fn dataset_json(doc: &Json) -> Result<String, JsValue> {
    let text = js_sys::JSON::stringify_with_replacer_and_space(
        &to_js(doc),
        &JsValue::NULL,
        &JsValue::from(2),
    )?;
    let mut text = String::from(text);
    text.push('\n');
    Ok(text)
}

/// A `Json` as the plain JavaScript value `JSON.parse` would have made.
fn to_js(v: &Json) -> JsValue {
    match v {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        Json::Number(n) => JsValue::from_f64(*n),
        Json::String(s) => JsValue::from_str(s),
        Json::Array(items) => items.iter().map(to_js).collect::<js_sys::Array>().into(),
        Json::Object(members) => {
            let object = js_sys::Object::new();
            for (key, v) in members {
                // Setting a data property on a plain object cannot fail.
                let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &to_js(v));
            }
            object.into()
        }
    }
}

/// What the printed page needs besides the active panel: the chart (the SVG
/// export inline, the live one being interactive; inline rather than an
/// `<img>`, which would still be decoding when the browser lays out the
/// page), and the table and the sources unless the panel shows them. Hidden
/// on screen (and so from screen readers, which have the panels); CSS orders
/// it for print. Rendered only while printing ([`use_printing`]): on screen it
/// would cost every reader a second table, layout and the drawing.
pub fn print_view(view: View, chart: Option<&AttrValue>) -> Html {
    let Some(svg) = chart else {
        return html! {};
    };
    html! {
        <div class="fb-print-only" aria-hidden="true">
            <div class="fb-print-chart">{ Html::from_html_unchecked(svg.clone()) }</div>
            // The Years panel prints its own table, with every source.
            if !matches!(view, View::Table | View::Years) {
                <div class="fb-print-table"><TableView /></div>
            }
            if !matches!(view, View::Sources | View::Years) {
                <div class="fb-print-sources"><SourcesView /></div>
            }
        </div>
    }
}

/// Whether the page is being printed: from `beforeprint` to `afterprint`
/// (what a browser fires around printing), or while the `print` media query
/// matches (which is also what print emulation changes). Server renders say no.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state(print_watch::now);
    {
        let printing = printing.setter();
        use_effect_with((), move |()| {
            let id = print_watch::watch(Callback::from(move |now| printing.set(now)));
            move || print_watch::unwatch(id)
        });
    }
    *printing
}

/// One set of print listeners for the page, however many widgets follow it:
/// three per widget would grow every instance's share of JS references.
#[cfg(target_arch = "wasm32")]
mod print_watch {
    use std::cell::RefCell;

    use gloo::events::EventListener;
    use yew::Callback;

    #[derive(Default)]
    struct Watch {
        printing: bool,
        next_id: u32,
        watchers: Vec<(u32, Callback<bool>)>,
        /// Added on first use and kept: the page has one set.
        listeners: Vec<EventListener>,
    }

    thread_local! {
        static WATCH: RefCell<Watch> = RefCell::default();
    }

    fn media() -> bool {
        gloo::utils::window()
            .match_media("print")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches())
    }

    /// Tells every watcher, outside the borrow (a watcher may re-render).
    fn set(printing: bool) {
        let watchers: Vec<Callback<bool>> = WATCH.with(|w| {
            let mut w = w.borrow_mut();
            if w.printing == printing {
                return Vec::new();
            }
            w.printing = printing;
            w.watchers.iter().map(|(_, c)| c.clone()).collect()
        });
        for watcher in watchers {
            watcher.emit(printing);
        }
    }

    fn listen(w: &mut Watch) {
        if !w.listeners.is_empty() {
            return;
        }
        let window = gloo::utils::window();
        let on = |target: &web_sys::EventTarget, kind: &'static str, value: Option<bool>| {
            EventListener::new(target, kind, move |_| set(value.unwrap_or_else(media)))
        };
        w.listeners.push(on(&window, "beforeprint", Some(true)));
        w.listeners.push(on(&window, "afterprint", None));
        if let Ok(Some(query)) = window.match_media("print") {
            w.listeners.push(on(&query, "change", None));
        }
        w.printing = media();
    }

    /// Whether the page is printing now (and the listeners are in place).
    pub fn now() -> bool {
        WATCH.with(|w| {
            let mut w = w.borrow_mut();
            listen(&mut w);
            w.printing
        })
    }

    pub fn watch(watcher: Callback<bool>) -> u32 {
        WATCH.with(|w| {
            let mut w = w.borrow_mut();
            listen(&mut w);
            w.next_id = w.next_id.wrapping_add(1);
            let id = w.next_id;
            w.watchers.push((id, watcher));
            id
        })
    }

    pub fn unwatch(id: u32) {
        WATCH.with(|w| w.borrow_mut().watchers.retain(|(i, _)| *i != id));
    }
}

/// Natively (the build-time pre-render) nothing prints.
#[cfg(not(target_arch = "wasm32"))]
mod print_watch {
    use yew::Callback;

    pub fn now() -> bool {
        false
    }

    pub fn watch(_: Callback<bool>) -> u32 {
        0
    }

    pub fn unwatch(_: u32) {}
}

/// The print chart of a dataset (or, in the Years view, of the series) in a
/// language, drawn once per change of any of them while printing.
#[hook]
pub fn use_print_chart(view: View, printing: bool) -> Rc<Option<AttrValue>> {
    let ctx = use_ctx();
    let breakdown = Breakdown::of_view(view, &ctx.data);
    let years = ctx.series.clone().filter(|_| view == View::Years);
    use_memo(
        (
            ByPtr(ctx.data.clone()),
            ctx.locale,
            breakdown,
            years,
            printing,
        ),
        |(data, locale, breakdown, years, printing)| {
            if !printing {
                return None;
            }
            let drawing = match years {
                Some(series) => {
                    svg::render_years(series, *locale, data.0.contribution.operations_year, false)
                }
                None => svg::render(
                    &crate::describe::Describer::new(&data.0, *locale),
                    *breakdown,
                    false,
                ),
            };
            Some(AttrValue::from(drawing.svg))
        },
    )
}
