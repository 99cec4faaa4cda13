//! Yew function components: thin views over the pure modules. Each file is
//! one piece of the card; `app` owns state and passes callbacks down.

pub mod app;
pub mod chart;
pub mod detail;
pub mod embed_app;
pub mod error;
pub mod export;
pub mod fetch;
pub mod footer;
pub mod headline;
pub mod language;
pub mod legend;
pub mod sources;
pub mod table;
pub mod tabs;
pub mod themes;
pub mod years;

use std::rc::Rc;

use yew::prelude::*;

use crate::describe::{DataText, Describer};
use crate::i18n::Locale;
use crate::model::{Dataset, Series};

/// What every component needs to render: the data, the language and the id
/// prefix that keeps DOM ids unique when several widgets share a page.
#[derive(Clone)]
pub struct Ctx {
    pub data: Rc<Dataset>,
    pub locale: Locale,
    pub ids: AttrValue,
    /// Level of the widget's title: "h1" when the widget is the page, else
    /// "h2", or what the element's `heading` attribute asks (`heading_tag`).
    pub heading: &'static str,
    /// Directory the widget's files are served from (for embed snippets).
    pub base: AttrValue,
    /// Dataset URL when the data came from a `src` attribute.
    pub src: Option<AttrValue>,
    /// The series of other years, once loaded (the Years view, its exports).
    pub series: Option<Shared<Series>>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data)
            && self.locale == other.locale
            && self.ids == other.ids
            && self.heading == other.heading
            && self.base == other.base
            && self.src == other.src
            && self.series == other.series
    }
}

impl Ctx {
    pub fn describer(&self) -> Describer<'_> {
        Describer::new(&self.data, self.locale)
    }

    /// Level of headings inside the card, one below the title.
    pub fn sub_heading(&self) -> &'static str {
        match self.heading {
            "h1" => "h2",
            "h2" => "h3",
            "h3" => "h4",
            "h4" => "h5",
            _ => "h6",
        }
    }

    /// A DOM id unique to this widget instance.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.ids)
    }
}

/// The title's tag: "h1" for the page; for an element "h2", or the level its
/// `heading` attribute gives (2 to 5), so the widget fits the outline of the
/// host's page (under an h3 section, `heading="4"`).
pub fn heading_tag(standalone: bool, level: Option<&str>) -> &'static str {
    if standalone {
        return "h1";
    }
    match level.map(str::trim) {
        Some("3") => "h3",
        Some("4") => "h4",
        Some("5") => "h5",
        _ => "h2",
    }
}

#[hook]
pub fn use_ctx() -> Ctx {
    // The app always provides the context; a missing one is a programming error
    // caught by the component tests, rendered as an empty default rather than a panic.
    use_context::<Ctx>().unwrap_or_else(|| Ctx {
        data: Rc::new(empty_dataset()),
        locale: Locale::En,
        ids: "fb0".into(),
        heading: "h2",
        base: AttrValue::default(),
        src: None,
        series: None,
    })
}

fn empty_dataset() -> Dataset {
    use crate::model::{Contribution, Text};
    Dataset {
        schema: None,
        id: "empty".into(),
        contribution: Contribution {
            donor: Text::default(),
            recipient: Text::default(),
            recipient_short: None,
            operations_year: 0,
            currency: "USD".into(),
            total: 0.0,
            total_stated: Default::default(),
            total_note: None,
            country_count: None,
            announced: None,
            status: None,
        },
        regions: Vec::new(),
        named_regions: Vec::new(),
        themes: Vec::new(),
        beneficiaries: Vec::new(),
        sources: Vec::new(),
    }
}

/// Shared data compared by identity, not by content: the widget keeps one
/// `Rc` per load, so a deep comparison on every render would only cost. Over
/// a `RefCell`, it is the latest value of something a parent renders, for a
/// child to read when an event comes rather than to re-render for.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(debug_assertions)]
thread_local! {
    static RENDERS: std::cell::RefCell<Option<Vec<&'static str>>> =
        const { std::cell::RefCell::new(None) };
}

/// Notes that the component `name` rendered, while a test records renders
/// (`record_renders`): debug builds only, so a release build has nothing of it.
#[inline(always)]
pub fn rendered(name: &'static str) {
    #[cfg(debug_assertions)]
    RENDERS.with(|r| {
        if let Some(names) = r.borrow_mut().as_mut() {
            names.push(name);
        }
    });
    #[cfg(not(debug_assertions))]
    let _ = name;
}

/// Starts recording which components render, and returns the names recorded
/// since the last call (each once per render), in order. Tests use it to hold
/// a selection to re-rendering only what it changes.
#[cfg(debug_assertions)]
pub fn record_renders() -> Vec<&'static str> {
    RENDERS.with(|r| r.borrow_mut().replace(Vec::new()).unwrap_or_default())
}

/// The item a list's one tab stop (roving tabindex) is on: the selected
/// one, else the one last selected, kept in `last`. So after Escape, Tab
/// comes back to where the reader was, and Shift+Tab leaves the list instead
/// of landing on (and selecting) its first item.
pub fn roving<T: PartialEq + Clone>(
    items: &[T],
    selected: Option<usize>,
    last: &std::cell::RefCell<Option<T>>,
) -> usize {
    if let Some(item) = selected.and_then(|i| items.get(i)) {
        *last.borrow_mut() = Some(item.clone());
    }
    selected
        .or_else(|| {
            let last = last.borrow();
            items.iter().position(|x| Some(x) == last.as_ref())
        })
        .unwrap_or(0)
}

/// A source's link, opening in a new tab (which screen readers are told, in
/// the reader's language): its text marked with the language it is in, the
/// link with the language of what it opens.
pub fn source_link(
    s: &crate::model::Source,
    text: crate::model::Localized<'_>,
    locale: crate::i18n::Locale,
) -> Html {
    source_link_told(
        s,
        text,
        locale,
        locale.text(crate::i18n::Msg::OpensInNewTab),
    )
}

/// `source_link` with its own words for screen readers after the text: in a
/// list of links that would otherwise read alike, the year they are for.
pub fn source_link_told(
    s: &crate::model::Source,
    text: crate::model::Localized<'_>,
    locale: crate::i18n::Locale,
    told: &str,
) -> Html {
    html! {
        <a href={s.url.clone()} rel="noopener noreferrer" target="_blank"
            lang={text.lang.to_owned()} hreflang={s.language.clone()}>
            { text.text }
            <span class="fb-sr-only" lang={locale.tag()}>{ told.to_owned() }</span>
        </a>
    }
}

/// Countries a source names for a region, or else how many it counts.
pub fn country_list(
    d: &Describer<'_>,
    countries: &[crate::model::Text],
    count: Option<u32>,
) -> Html {
    if !countries.is_empty() {
        let names = countries
            .iter()
            .map(|c| html! { <li>{ data_text(d.data(c)) }</li> });
        html! { <ul class="fb-inline-list fb-countries">{ for names }</ul> }
    } else if let Some(count) = count {
        html! { <span class="fb-countries">{ " — " }{ d.country_count(count) }</span> }
    } else {
        html! {}
    }
}

/// Dataset text, marked with its language when it fell back from the reader's.
pub fn data_text(t: DataText) -> Html {
    match t.lang {
        Some(lang) => html! { <span lang={lang}>{ t.text }</span> },
        None => html! { { t.text } },
    }
}

/// A chart's keys, written under it while the keyboard is in it: its help
/// (`.fb-keys`), otherwise for screen readers only. Shown by a keyboard
/// focus (`:focus-visible`) or a key inside the chart's box, hidden only
/// when focus leaves the box: hidden by a click's focus inside, the line went
/// away under the pointer and moved what was being clicked. An attribute on
/// the box, not state: nothing re-renders. Set once on the widget's root for
/// every chart (listeners on each chart cost 0.2 KB more).
pub struct KeysHelp {
    pub onfocusin: Callback<FocusEvent>,
    pub onfocusout: Callback<FocusEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
}

pub fn keys_help() -> KeysHelp {
    use wasm_bindgen::JsCast;
    /// The element an event is on, and the chart's box it is in.
    fn in_chart(e: &Event) -> Option<(web_sys::Element, web_sys::Element)> {
        let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
        let chart = el.closest(".fb-chart, .fb-years-chart").ok()??;
        Some((el, chart))
    }
    KeysHelp {
        onfocusin: Callback::from(|e: FocusEvent| {
            if let Some((el, chart)) = in_chart(&e) {
                if el.matches(":focus-visible").unwrap_or(false) {
                    let _ = chart.set_attribute("data-keys", "");
                }
            }
        }),
        onkeydown: Callback::from(|e: KeyboardEvent| {
            if let Some((_, chart)) = in_chart(&e) {
                let _ = chart.set_attribute("data-keys", "");
            }
        }),
        onfocusout: Callback::from(|e: FocusEvent| {
            let to = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            if let Some((_, chart)) = in_chart(&e) {
                if !chart.contains(to.as_ref()) {
                    let _ = chart.remove_attribute("data-keys");
                }
            }
        }),
    }
}

/// Listeners for a chart's or a legend's marks, set once on their container.
pub struct MarkEvents {
    pub onclick: Callback<MouseEvent>,
    pub onmouseover: Callback<MouseEvent>,
    pub onmouseleave: Callback<MouseEvent>,
    pub onfocusin: Callback<FocusEvent>,
    pub onfocusout: Callback<FocusEvent>,
}

/// The part id (`data-id`) of the mark matching `selector` that an event
/// happened in, if any.
pub(crate) fn mark_of(e: &Event, selector: &str) -> Option<AttrValue> {
    use wasm_bindgen::JsCast;
    mark_at(&e.target()?.dyn_into::<web_sys::Element>().ok()?, selector)
}

/// The part id of the mark matching `selector` that `el` is in, if any.
fn mark_at(el: &web_sys::Element, selector: &str) -> Option<AttrValue> {
    let mark = el.closest(selector).ok()??;
    mark.get_attribute("data-id").map(AttrValue::from)
}

/// Click selects a mark, or clears the selection when it is the selected one
/// (as its legend entry's does: a touch screen has no Escape key); hover and
/// focus preview it (`on_preview`, with None when the pointer or focus
/// leaves), so Tab through the chart shows each part without choosing it (nor
/// writing it to the URL); arrows and Enter choose. One listener of each on
/// the container, not several on every mark. Yew re-registers an element's
/// listeners whenever it re-renders one that has any, so with listeners on
/// the marks every selection re-registered them all (chart and legend: 24).
/// `selector` picks the marks, which carry their part's id in `data-id`.
pub fn mark_events(
    selector: &'static str,
    selected: Option<AttrValue>,
    on_select: &Callback<Option<AttrValue>>,
    on_preview: &Callback<Option<AttrValue>>,
) -> MarkEvents {
    let onclick = {
        let on_select = on_select.clone();
        let selected = selected.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = mark_of(&e, selector) {
                on_select.emit((selected.as_ref() != Some(&id)).then_some(id));
            }
        })
    };
    // mouseover bubbles (mouseenter does not); previewing the previewed mark
    // again changes no state, so moving within a mark renders nothing. Over
    // the hole, none: the selection shows again.
    let onmouseover = {
        let on_preview = on_preview.clone();
        Callback::from(move |e: MouseEvent| on_preview.emit(mark_of(&e, selector)))
    };
    // Leaving, the pointer gives the preview back to keyboard focus on a
    // mark, if any: it ended a keyboard reader's preview under a passing mouse.
    // Not to a mark a click focused (`:focus-visible` is the keyboard's): a
    // click that cleared the selection brought its mark back.
    let onmouseleave = on_preview.reform(move |e: MouseEvent| {
        use wasm_bindgen::JsCast;
        let container = e.current_target()?.dyn_into::<web_sys::Element>().ok()?;
        // In an element the widget is in a shadow root, whose own activeElement it is.
        let root = container.get_root_node();
        let focused = match root.dyn_ref::<web_sys::ShadowRoot>() {
            Some(shadow) => shadow.active_element(),
            None => root.dyn_ref::<web_sys::Document>()?.active_element(),
        }?;
        (container.contains(Some(&focused)) && focused.matches(":focus-visible").ok()?)
            .then(|| mark_at(&focused, selector))?
    });
    let onfocusin = {
        let on_preview = on_preview.clone();
        Callback::from(move |e: FocusEvent| {
            // Focus that follows a keyboard selection shows it already.
            let mark = mark_of(&e, selector);
            if mark != selected {
                on_preview.emit(mark);
            }
        })
    };
    let onfocusout = on_preview.reform(|_: FocusEvent| None);
    MarkEvents {
        onclick,
        onmouseover,
        onmouseleave,
        onfocusin,
        onfocusout,
    }
}

/// Moves keyboard focus to the element with `dom_id` inside `root` (a chart's
/// listbox): an SVG mark or an HTML row.
pub fn focus_in(root: &NodeRef, dom_id: &str) {
    use wasm_bindgen::JsCast;
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    let selector = format!("[id=\"{dom_id}\"]");
    if let Ok(Some(el)) = root.query_selector(&selector) {
        match el.dyn_into::<web_sys::SvgElement>() {
            Ok(el) => {
                let _ = el.focus();
            }
            Err(el) => {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
    }
}

/// Compares a dataset by identity: the widget keeps one `Rc` per load.
pub(crate) struct ByPtr(pub Rc<Dataset>);

impl PartialEq for ByPtr {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Holds the card around the event's target at its height until the App
/// renders `view` (the view the reader asked for) with nothing left to load
/// (the series, another year): the short loading line made the page below
/// jump up, and the browser cut the scroll back. Set at once: a layout during
/// that render would already have cut the page short. Named for its view: a
/// render for something else (just after the takeover, a click replayed on
/// the live widget came before one) must not let it go.
pub fn hold_card(e: &Event, view: &str) {
    let card = e
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .and_then(|t| t.closest(".fb-root").ok().flatten());
    if let Some(card) = card {
        let height = js_sys::Reflect::get(&card, &"offsetHeight".into())
            .ok()
            .and_then(|h| h.as_f64());
        if let Some(h) = height {
            set_min_height(&card, &format!("{}px", h as i64));
            let _ = card.set_attribute("data-held-for", view);
        }
    }
}

/// Ends `hold_card`'s hold once the card shows `view` with nothing loading.
pub fn release_card(card: &web_sys::Element, view: &str, loading: bool) {
    if !loading && card.get_attribute("data-held-for").as_deref() == Some(view) {
        set_min_height(card, "");
        let _ = card.remove_attribute("data-held-for");
    }
}

/// `element.style.minHeight = value` ("" removes it), through the CSSOM,
/// which a strict CSP allows, by reflection: the typed bindings cost 0.9 KB.
pub fn set_min_height(element: &web_sys::Node, value: &str) {
    if let Ok(style) = js_sys::Reflect::get(element, &"style".into()) {
        let _ = js_sys::Reflect::set(&style, &"minHeight".into(), &value.into());
    }
}
