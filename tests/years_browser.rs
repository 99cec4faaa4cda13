//! The Years view mounted in headless Chromium with the series file: bars,
//! the highlighted year, the gap, the keyboard, and "Open" handing the year
//! to the widget. (Fetching the series is covered end to end in Playwright.)
#![cfg(target_arch = "wasm32")]
// Test code may panic: a panic is how a test fails.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::cell::Cell;
use std::rc::Rc;

use funding_breakdown::components::years::{YearsData, YearsView};
use funding_breakdown::components::{Ctx, Shared};
use funding_breakdown::i18n::Locale;
use funding_breakdown::model::DEFAULT_DATA;
use funding_breakdown::web::{parse_dataset, parse_series};
use wasm_bindgen_test::*;
use yew::prelude::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

const SERIES: &str = include_str!("../static/data/japan-iom-series.json");

thread_local! {
    static OPENED: Cell<Option<i32>> = const { Cell::new(None) };
}

#[component]
fn Harness() -> Html {
    let selected = use_state(|| None::<i32>);
    let data = parse_dataset(DEFAULT_DATA).unwrap();
    let series = parse_series(SERIES).unwrap();
    let series = use_memo((), |_| Shared(Rc::new(series)));
    let ctx = Ctx {
        data: Rc::new(data),
        locale: Locale::En,
        ids: "yb".into(),
        heading: "h2",
        base: AttrValue::default(),
        src: None,
        series: Some((*series).clone()),
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |y| selected.set(y))
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <YearsView series={YearsData::Ready((*series).clone())} current={2021}
                selected={*selected} {on_select} on_open={Callback::from(|y| OPENED.with(|o| o.set(Some(y))))}
                on_retry={Callback::noop()} />
        </ContextProvider<Ctx>>
    }
}

#[wasm_bindgen_test]
async fn bars_gap_highlight_keyboard_and_open() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Harness>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let options = all(&root, "[role=listbox] [role=option]");
    assert_eq!(options.len(), 8, "2018 to 2025");
    assert_eq!(all(&root, "[role=option]:not(.is-gap)").len(), 7);
    let gap = one(&root, "[data-year='2020']");
    assert!(gap.class_list().contains("is-gap"));
    assert!(text(&gap).contains("No announcement found"));
    assert!(gap.query_selector("rect.fb-bar-fill").unwrap().is_none());
    let current = all(&root, "[role=option].is-current");
    assert_eq!(current.len(), 1);
    assert_eq!(
        current[0].get_attribute("data-year").as_deref(),
        Some("2021")
    );
    assert!(text(&current[0]).contains("shown in the other views"));

    // Keyboard: Home selects the first year, arrows move on, through the gap.
    key(&one(&root, "[role=option][tabindex='0']"), "Home");
    yew::scheduler::flush().await;
    let selected = one(&root, "[role=option][aria-selected=true]");
    assert_eq!(selected.get_attribute("data-year").as_deref(), Some("2018"));
    let detail = text(&one(&root, ".fb-year-detail"));
    assert!(
        detail.contains("Sub-Saharan Africa: almost half, about USD 14 million"),
        "{detail}"
    );
    key(&selected, "ArrowDown");
    yew::scheduler::flush().await;
    key(&one(&root, "[data-year='2019']"), "ArrowDown");
    yew::scheduler::flush().await;
    assert_eq!(
        one(&root, "[role=option][aria-selected=true]")
            .get_attribute("data-year")
            .as_deref(),
        Some("2020")
    );
    assert!(text(&one(&root, ".fb-year-detail")).contains("No announcement found"));
    assert!(
        root.query_selector(".fb-year-open").unwrap().is_none(),
        "a gap has nothing to open"
    );

    // "Open" hands the year to the widget.
    click(&one(&root, "[data-year='2024']"));
    yew::scheduler::flush().await;
    let detail = text(&one(&root, ".fb-year-detail"));
    assert!(
        detail.contains("Ukraine: about USD 6.5 million"),
        "{detail}"
    );
    assert!(detail.contains("24 countries"), "{detail}");
    click(&one(&root, ".fb-year-open"));
    assert_eq!(OPENED.with(Cell::get), Some(2024));

    // The table: a row per year, the gap as a dash, never as zero.
    let rows = all(&root, "table.fb-years-table tbody tr");
    assert_eq!(rows.len(), 8);
    assert!(text(&rows[2]).contains("No announcement found"));
    // The dash drawn; words for a screen reader.
    assert_eq!(text(&one(&rows[2], "td.fb-num [aria-hidden=true]")), "—");
    assert_eq!(
        text(&one(&rows[2], "td.fb-num .fb-sr-only")),
        "no announcement"
    );
}
