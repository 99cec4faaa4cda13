//! Component tests in headless Chromium (wasm-bindgen-test): mount the widget
//! into a real DOM and check what a reader would see and do.
#![cfg(target_arch = "wasm32")]
// Test code may panic: a panic is how a test fails.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn headline_and_one_mark_per_region_plus_remainder() {
    let root = mount("t1", None).await;
    let head = text(&one(&root, ".fb-head"));
    assert!(head.contains("Government of Japan"), "{head}");
    assert!(head.contains("USD 37.1 million"), "{head}");
    assert!(
        head.contains("USD 37,100,767"),
        "exact total available: {head}"
    );
    assert!(head.contains("Allocated"), "{head}");
    let marks = all(&root, "svg.fb-donut path[role=option]");
    assert_eq!(marks.len(), 4, "three regions and the remainder");
    assert_eq!(all(&root, "path.fb-rest").len(), 1);
    let rest = one(&root, "path.fb-rest");
    assert!(rest
        .get_attribute("fill")
        .unwrap()
        .starts_with("url(#t1-hatch"));
    assert!(rest
        .get_attribute("aria-label")
        .unwrap()
        .contains("Not attributed by the source"));
    let legend = text(&one(&root, ".fb-legend"));
    assert!(legend.contains("more than 40%"), "{legend}");
    assert!(legend.contains("more than USD 14.8 million"), "{legend}");
    assert!(legend.contains("at most 5%"), "{legend}");
    // One tab stop for the whole chart.
    let stops = marks
        .iter()
        .filter(|m| m.get_attribute("tabindex").as_deref() == Some("0"))
        .count();
    assert_eq!(stops, 1);
}

#[wasm_bindgen_test]
async fn clicking_a_mark_shows_its_detail_and_announces_it() {
    let root = mount("t2", None).await;
    click(&one(&root, "#t2-mark-sub-saharan-africa"));
    yew::scheduler::flush().await;
    let detail = text(&one(&root, ".fb-detail"));
    assert!(detail.contains("Sub-Saharan Africa"), "{detail}");
    assert!(detail.contains("more than 40%"), "{detail}");
    assert!(detail.contains("more than USD 14,840,306.80"), "{detail}");
    let live = one(&root, "[aria-live=polite]");
    assert!(text(&live).contains("Sub-Saharan Africa"));
    let mark = one(&root, "#t2-mark-sub-saharan-africa");
    assert_eq!(mark.get_attribute("aria-selected").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_selection_and_escape_clears_it() {
    let root = mount("t3", None).await;
    let svg = one(&root, "svg.fb-donut");
    key(&one(&root, "#t3-mark-sub-saharan-africa"), "ArrowRight");
    yew::scheduler::flush().await;
    assert!(text(&one(&root, ".fb-detail")).contains("Not attributed by the source"));
    assert!(text(&one(&root, ".fb-detail")).contains("at most USD 1,855,038.35"));
    key(&one(&root, "#t3-mark-unattributed"), "ArrowRight");
    yew::scheduler::flush().await;
    assert!(text(&one(&root, ".fb-detail")).contains("Middle East"));
    key(&svg, "Escape");
    yew::scheduler::flush().await;
    assert!(one(&root, ".fb-detail").class_list().contains("is-empty"));
    assert_eq!(all(&root, "path[aria-selected=true]").len(), 0);
}

#[wasm_bindgen_test]
async fn tabs_switch_views() {
    let root = mount("t4", None).await;
    click(&one(&root, "#t4-tab-table"));
    yew::scheduler::flush().await;
    let table = one(&root, "table.fb-table");
    assert!(text(&one(&table, "caption")).contains("Figures by region"));
    assert_eq!(all(&table, "tbody tr").len(), 4);
    assert!(text(&table).contains("at most USD 1,855,038.35"));
    // How each share was stated: the rest is worked out, never stated; the
    // total's row follows how the source gave the total (exactly, here).
    let stated = |row: &str| text(&all(&one(&table, row), "td")[1]);
    assert_eq!(
        stated("tr[data-id=sub-saharan-africa]"),
        "lower bound (more than)"
    );
    assert_eq!(
        stated("tr[data-id=unattributed]"),
        "not in the source: the rest of the total"
    );
    assert_eq!(stated("tfoot tr"), "as stated");
    key(&one(&root, "#t4-tab-table"), "ArrowRight");
    yew::scheduler::flush().await;
    assert_eq!(
        one(&root, "#t4-tab-sources")
            .get_attribute("aria-selected")
            .as_deref(),
        Some("true")
    );
    let links = all(&root, ".fb-sources a");
    assert_eq!(links.len(), 3);
    assert!(links
        .iter()
        .all(|a| a.get_attribute("rel").unwrap().contains("noopener")));
}

#[wasm_bindgen_test]
async fn theme_view_shows_no_figures_when_the_source_gives_none() {
    let root = mount("t5", None).await;
    click(&one(&root, "#t5-tab-theme"));
    yew::scheduler::flush().await;
    let view = one(&root, ".fb-themes-view");
    let body = text(&view);
    assert!(body.contains("no breakdown"), "{body}");
    assert!(
        !body.contains('%') && !body.contains("USD"),
        "no figure for themes: {body}"
    );
    assert!(all(&view, "svg").is_empty());
    assert_eq!(all(&view, ".fb-theme").len(), 5);
}

#[wasm_bindgen_test]
async fn theme_amounts_are_drawn_as_a_chart() {
    let data = data_with(&[(
        "\"id\": \"life-saving-assistance\",",
        "\"id\": \"life-saving-assistance\", \"amount\": {\"value\": 20000000, \"stated\": \"exact\"},",
    )]);
    let root = mount("t6", Some(data)).await;
    click(&one(&root, "#t6-tab-theme"));
    yew::scheduler::flush().await;
    let marks = all(&root, ".fb-themes-view svg path[role=option]");
    assert_eq!(marks.len(), 2, "one theme and the unattributed rest");
    assert!(all(&root, ".fb-no-breakdown").is_empty());
}

#[wasm_bindgen_test]
async fn bad_data_shows_the_problem_not_a_blank_box() {
    let data = data_with(&[("\"value\": 0.4", "\"value\": 1.4")]);
    let root = mount("t7", Some(data)).await;
    let err = one(&root, "[role=alert]");
    let msg = text(&err);
    assert!(msg.contains("regions[0].share.value"), "{msg}");
    assert!(msg.contains("1.4 would be 140%"), "{msg}");
    let root = mount("t8", Some("{ not json".to_owned())).await;
    assert!(text(&one(&root, "[role=alert]")).contains("cannot be shown"));
}

#[wasm_bindgen_test]
async fn two_widgets_on_a_page_keep_their_own_ids_and_selection() {
    let a = mount("ta", None).await;
    let b = mount("tb", None).await;
    click(&one(&a, "#ta-mark-asia"));
    yew::scheduler::flush().await;
    assert!(text(&one(&a, ".fb-detail")).contains("Asia"));
    assert!(one(&b, ".fb-detail").class_list().contains("is-empty"));
    assert!(gloo::utils::document()
        .get_element_by_id("tb-mark-asia")
        .is_some());
}

/// A `<div>` standing in for the custom element, with the given attributes.
fn host_with(attrs: &[(&str, &str)]) -> (web_sys::HtmlElement, Element) {
    let document = gloo::utils::document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    for (k, v) in attrs {
        host.set_attribute(k, v).unwrap();
    }
    let root = document.create_element("div").unwrap();
    host.append_child(&root).unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    (host, root)
}

#[wasm_bindgen_test]
async fn embedded_widget_follows_its_attributes_and_reports_ready() {
    let (host, root) = host_with(&[("view", "table"), ("sel", "asia")]);
    let ready = std::rc::Rc::new(std::cell::Cell::new(0));
    let listener = {
        let ready = ready.clone();
        gloo::events::EventListener::new(&host, "funding-breakdown:ready", move |_| {
            ready.set(ready.get() + 1)
        })
    };
    let mut mounted = funding_breakdown::embed::mount(
        root.clone(),
        host.clone(),
        "https://example.org/fb/".into(),
    );
    yew::scheduler::flush().await;
    yew::scheduler::flush().await;
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("ready"));
    assert_eq!(ready.get(), 1);
    assert!(
        root.query_selector("table.fb-table").unwrap().is_some(),
        "view=table honoured"
    );
    // Embedded: the title is not the page's h1.
    assert!(root.query_selector("h1").unwrap().is_none());

    host.set_attribute("view", "region").unwrap();
    mounted.update();
    yew::scheduler::flush().await;
    let detail = text(&one(&root, ".fb-detail"));
    assert!(detail.contains("Asia"), "sel=asia honoured: {detail}");

    mounted.unmount();
    yew::scheduler::flush().await;
    assert!(
        root.query_selector(".fb-root").unwrap().is_none(),
        "unmount empties the root"
    );
    drop(listener);
}

/// A removed element's Yew app goes to the pool without its root listeners
/// (embed.rs); the next element gets it back with them, so clicks still work.
#[wasm_bindgen_test]
async fn a_reused_embedded_app_still_answers_clicks() {
    let base = || String::from("https://example.org/fb/");
    let (first_host, first_root) = host_with(&[]);
    let mut first = funding_breakdown::embed::mount(first_root.clone(), first_host.clone(), base());
    yew::scheduler::flush().await;
    let app = one(&first_root, ".fb-app");
    first.unmount();
    yew::scheduler::flush().await;
    assert!(app.first_child().is_none(), "a pooled app renders nothing");

    let (host, root) = host_with(&[("view", "region")]);
    let _mounted = funding_breakdown::embed::mount(root.clone(), host.clone(), base());
    yew::scheduler::flush().await;
    assert_eq!(one(&root, ".fb-app"), app, "the pooled app is reused");
    assert!(root.query_selector(".fb-panel table").unwrap().is_none());
    click(&one(&root, ".fb-tab[data-view=table]"));
    yew::scheduler::flush().await;
    assert!(
        root.query_selector(".fb-panel table.fb-table")
            .unwrap()
            .is_some(),
        "the click reached the reused app"
    );
}

#[wasm_bindgen_test]
async fn embedded_widget_with_a_missing_source_shows_an_error_and_retry() {
    let (host, root) = host_with(&[("src", "/this-file-does-not-exist.json")]);
    let errors = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let listener = {
        let errors = errors.clone();
        gloo::events::EventListener::new(&host, "funding-breakdown:error", move |e| {
            let detail = e.dyn_ref::<web_sys::CustomEvent>().unwrap().detail();
            let message = js_sys::Reflect::get(&detail, &"message".into()).unwrap();
            errors
                .borrow_mut()
                .push(message.as_string().unwrap_or_default());
        })
    };
    let _mounted = funding_breakdown::embed::mount(
        root.clone(),
        host.clone(),
        "https://example.org/fb/".into(),
    );
    yew::scheduler::flush().await;
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("loading"));
    for _ in 0..50 {
        if host.get_attribute("data-state").as_deref() == Some("error") {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
        yew::scheduler::flush().await;
    }
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("error"));
    let alert = text(&one(&root, "[role=alert]"));
    assert!(alert.contains("error 404"), "{alert}");
    assert!(
        root.query_selector("button.fb-button").unwrap().is_some(),
        "a Retry button"
    );
    assert!(
        root.query_selector(".fb-donut").unwrap().is_none(),
        "no default data in its place"
    );
    assert!(
        errors.borrow().iter().any(|m| m.contains("404")),
        "{:?}",
        errors.borrow()
    );
    drop(listener);
}

#[wasm_bindgen_test]
async fn an_internal_error_is_shown_in_every_widget_not_only_the_console() {
    let document = gloo::utils::document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let root = document.create_element("div").unwrap();
    shadow.append_child(&root).unwrap();
    let _mounted = funding_breakdown::embed::mount(
        root.clone(),
        host.clone(),
        "https://example.org/fb/".into(),
    );
    yew::scheduler::flush().await;
    // What the panic hook runs (a real panic would abort this test's wasm instance).
    funding_breakdown::web::show_internal_error();
    // The widget's own root inside the mount point takes the message.
    let app = one(&root, ".fb-internal-error");
    assert_eq!(app.get_attribute("role").as_deref(), Some("alert"));
    assert!(text(&app).contains("internal error"));
    assert_eq!(app.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("error"));
}

#[wasm_bindgen_test]
async fn a_copy_outside_the_page_readies_the_first_selection_then_goes() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let copy = funding_breakdown::embed::warm_up(None).expect("a copy");
    assert!(!copy.is_connected(), "never in the page");
    // It selects a region (what a reader's first click does), then clears
    // it: watched mutation by mutation, from before its first render.
    let seen = Rc::new(Cell::new(false));
    let on_change = {
        let (seen, copy) = (seen.clone(), copy.clone());
        Closure::<dyn FnMut()>::new(move || {
            let selected = copy.query_selector("path.fb-mark[aria-selected=\"true\"]");
            seen.set(seen.get() || selected.unwrap().is_some());
        })
    };
    let observer = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()).unwrap();
    let init = web_sys::MutationObserverInit::new();
    init.set_subtree(true);
    init.set_child_list(true);
    init.set_attributes(true);
    observer.observe_with_options(&copy, &init).unwrap();
    // Until it has shown a selection and then rendered nothing (its end).
    for _ in 0..500 {
        if seen.get() && copy.child_element_count() == 0 {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(1).await;
    }
    observer.disconnect();
    assert!(seen.get(), "the copy never showed a selection");
    assert_eq!(
        copy.child_element_count(),
        0,
        "the copy renders nothing at its end"
    );
}

/// A bubbling mouse event of `kind` with a click count (`detail`): 1 for a
/// pointer's click, 0 for a keyboard's or assistive technology's activation.
fn mouse(el: &Element, kind: &str, detail: i32) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_detail(detail);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn a_pressed_legend_entry_is_unpressed_by_activating_it_again() {
    let root = mount("tl", None).await;
    let entry = || one(&root, ".fb-legend button[data-id=asia]");
    let pressed = || entry().get_attribute("aria-pressed").unwrap_or_default();
    // Enter or Space (a click without a count) toggles.
    mouse(&entry(), "click", 0);
    yew::scheduler::flush().await;
    assert_eq!(pressed(), "true");
    mouse(&entry(), "click", 0);
    yew::scheduler::flush().await;
    assert_eq!(pressed(), "false");
    assert!(one(&root, ".fb-detail").class_list().contains("is-empty"));
    // The pointer: hovering previews (drawn pressed, not said pressed), a
    // click selects, the next click un-presses it.
    let drawn = || entry().class_list().contains("is-selected");
    mouse(&entry(), "mouseover", 0);
    yew::scheduler::flush().await;
    assert!(drawn(), "previewed");
    assert_eq!(pressed(), "false", "a preview is not said to be pressed");
    mouse(&entry(), "click", 1);
    yew::scheduler::flush().await;
    assert_eq!(pressed(), "true", "the click selects the previewed entry");
    mouse(&entry(), "click", 1);
    yew::scheduler::flush().await;
    assert_eq!(pressed(), "false", "a second click un-presses it");
    assert!(!drawn());
    // Moving within the entry (onto its name) does not preview it again...
    mouse(
        &one(&root, ".fb-legend button[data-id=asia] .fb-legend-name"),
        "mouseover",
        0,
    );
    yew::scheduler::flush().await;
    assert!(!drawn(), "moving within the entry previews it again");
    // ...until the pointer has been on another entry.
    mouse(
        &one(&root, ".fb-legend button[data-id=sub-saharan-africa]"),
        "mouseover",
        0,
    );
    yew::scheduler::flush().await;
    mouse(&entry(), "mouseover", 0);
    yew::scheduler::flush().await;
    assert!(drawn());
    // Leaving the legend lets the preview go: nothing was selected.
    mouse(&one(&root, ".fb-legend"), "mouseleave", 0);
    yew::scheduler::flush().await;
    assert!(!drawn(), "a preview is not a selection");
    assert_eq!(pressed(), "false");
}

#[wasm_bindgen_test]
async fn the_chart_is_described_by_its_keyboard_help_even_beside_a_part_called_help() {
    let data = data_with(&[("\"id\": \"asia\",", "\"id\": \"help\",")]);
    let root = mount("th", Some(data)).await;
    let chart = one(&root, "svg.fb-donut");
    let id = chart.get_attribute("aria-describedby").unwrap();
    let described: Vec<Element> = all(
        &gloo::utils::document().document_element().unwrap(),
        &format!("[id=\"{id}\"]"),
    );
    assert_eq!(described.len(), 1, "one element has the id {id}");
    assert!(
        text(&described[0]).contains("arrow keys"),
        "{}",
        text(&described[0])
    );
    assert_eq!(one(&root, "path[data-id=help]").tag_name(), "path");
}

#[wasm_bindgen_test]
async fn a_bar_drawn_at_an_upper_bound_has_its_open_end_striped() {
    // The largest of many regions "almost" USD 180,000 of 1,000,000: its bar is
    // the full track, and the tenth below its figure is the open end.
    let data = include_str!("data/good/many-regions.json").replacen(
        "\"value\": 180000,\n        \"stated\": \"exact\"",
        "\"value\": 180000,\n        \"stated\": \"almost\"",
        1,
    );
    assert!(data.contains("\"almost\""));
    let root = mount("b1", Some(data)).await;
    let open = all(&root, ".fb-part-row .fb-open");
    assert_eq!(open.len(), 1, "one bar has an open end");
    let end = &open[0];
    let row = end.closest(".fb-part-row").unwrap().unwrap();
    assert_eq!(row.get_attribute("data-id").as_deref(), Some("r01"));
    assert_eq!(end.get_attribute("x").as_deref(), Some("90"));
    assert_eq!(end.get_attribute("width").as_deref(), Some("10"));
    assert_eq!(end.get_attribute("fill").as_deref(), Some("url(#b1-open)"));
    assert!(root.query_selector("pattern#b1-open").unwrap().is_some());
    // Selected, its detail says what the stripes mean; a bar without a bound says nothing of them.
    click(&row);
    yew::scheduler::flush().await;
    let note = one(&root, ".fb-detail").text_content().unwrap_or_default();
    assert!(note.contains("the striped part of its mark"), "{note}");
    click(&one(&root, ".fb-part-row[data-id=\"r02\"]"));
    yew::scheduler::flush().await;
    let note = one(&root, ".fb-detail").text_content().unwrap_or_default();
    assert!(!note.contains("striped"), "{note}");
}
