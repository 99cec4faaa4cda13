//! Helpers shared by the browser test files (each includes this with `mod common;`).
#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use funding_breakdown::components::app::{App, AppProps};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit};
use yew::AttrValue;

/// Mounts the widget (not standalone) in a fresh `<div>` in the page's body.
/// Every language's catalogue is at hand, as if loaded (the tests have no
/// server for their files).
pub async fn mount_with(id: &str, lang: Option<&str>, data: Option<String>) -> Element {
    funding_breakdown::i18n::install_bundled();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    // props! fills every optional property, whatever else the app grows.
    let props = yew::props!(AppProps {
        id_prefix: id.to_owned(),
        standalone: false,
        data: data.map(AttrValue::from),
        lang: lang.map(|l| AttrValue::from(l.to_owned())),
    });
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

/// [`mount_with`] in the reader's default language.
pub async fn mount(id: &str, data: Option<String>) -> Element {
    mount_with(id, None, data).await
}

pub fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// Spaces of every kind as plain spaces: `Intl` puts no-break and narrow
/// no-break spaces where each language's typography wants them.
pub fn plain(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}

pub fn text(el: &Element) -> String {
    plain(&el.text_content().unwrap_or_default())
}

/// SVG elements have no `.click()`: dispatch a bubbling event instead.
pub fn click(el: &Element) {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    let ev = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

pub fn key(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_key(key);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

/// The bundled dataset as people edit it (the wasm holds it without its
/// indentation), with the first `from` replaced by `to`; `from` must be there.
pub fn data_with(edits: &[(&str, &str)]) -> String {
    let mut text = include_str!("../../static/data/japan-iom-2021.json").to_owned();
    for (from, to) in edits {
        assert!(text.contains(from), "the dataset has no {from:?} to edit");
        text = text.replacen(from, to, 1);
    }
    text
}
