//! Exports in headless Chromium: the browser glue behind the footer's
//! downloads (Blob, canvas, JSON) and what the footer and the print-only
//! section render.
#![cfg(target_arch = "wasm32")]
// Test code may panic: a panic is how a test fails.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funding_breakdown::components::export::{dataset_json, png, svg_data_url, text_blob};
use funding_breakdown::describe::Describer;
use funding_breakdown::export::{svg, Breakdown};
use funding_breakdown::i18n::Locale;
use funding_breakdown::model::{Dataset, DEFAULT_DATA};
use funding_breakdown::web::parse_dataset;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

fn bundled() -> Dataset {
    // And the catalogues, as if loaded.
    funding_breakdown::i18n::install_bundled();
    parse_dataset(DEFAULT_DATA).unwrap()
}

async fn bytes(blob: &web_sys::Blob) -> Vec<u8> {
    let buffer = JsFuture::from(blob.array_buffer()).await.unwrap();
    js_sys::Uint8Array::new(&buffer).to_vec()
}

#[wasm_bindgen_test]
fn the_json_download_is_the_dataset_as_loaded() {
    let ds = bundled();
    let text = dataset_json(&ds.to_json()).unwrap();
    assert!(
        text.starts_with("{\n  \"$schema\": \"./schema.json\",\n  \"id\": \"japan-iom-2021\",\n"),
        "{text}"
    );
    // Read back through the widget's own loader and validation: the same dataset.
    assert_eq!(parse_dataset(&text).unwrap(), ds);
    assert!(
        text.contains("\"total\": 37100767,"),
        "whole numbers stay whole"
    );
    assert!(text.contains("\"stated\": \"more_than\""));
}

#[wasm_bindgen_test]
async fn text_files_are_utf8_with_their_media_type() {
    let blob = text_blob("\u{feff}名前", "text/csv;charset=utf-8").unwrap();
    assert_eq!(blob.type_(), "text/csv;charset=utf-8");
    assert_eq!(
        bytes(&blob).await,
        [0xef, 0xbb, 0xbf, 0xe5, 0x90, 0x8d, 0xe5, 0x89, 0x8d]
    );
}

#[wasm_bindgen_test]
async fn the_png_is_the_svg_at_twice_its_size() {
    let ds = bundled();
    for locale in [Locale::En, Locale::Ja] {
        let drawing = svg::render(&Describer::new(&ds, locale), Breakdown::Region, true);
        let blob = png(&drawing).await.unwrap();
        assert_eq!(blob.type_(), "image/png");
        let b = bytes(&blob).await;
        assert_eq!(&b[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&b[12..16], b"IHDR");
        let be = |at: usize| u32::from_be_bytes(b[at..at + 4].try_into().unwrap());
        assert_eq!((be(16), be(20)), (drawing.width * 2, drawing.height * 2));
        assert!(
            b.len() > 20_000,
            "{locale:?}: a drawing, not a blank ({} bytes)",
            b.len()
        );
    }
}

#[wasm_bindgen_test]
async fn the_svg_data_url_is_an_image_the_browser_can_draw() {
    let ds = bundled();
    let drawing = svg::render(&Describer::new(&ds, Locale::Fr), Breakdown::Region, false);
    let img = web_sys::HtmlImageElement::new().unwrap();
    img.set_src(&svg_data_url(&drawing.svg));
    JsFuture::from(img.decode()).await.unwrap();
    assert_eq!(img.natural_width(), drawing.width);
    assert_eq!(img.natural_height(), drawing.height);
}

#[wasm_bindgen_test]
async fn the_footer_offers_every_file_and_print_completes_the_panel() {
    let root = mount("ex1", None).await;
    let keys: Vec<String> = all(&root, "[data-export]")
        .iter()
        .map(|b| b.get_attribute("data-export").unwrap())
        .collect();
    assert_eq!(keys, ["regions-csv", "json", "svg", "png", "link"]);
    let group = one(&root, ".fb-actions");
    assert_eq!(group.get_attribute("role").as_deref(), Some("group"));
    assert_eq!(
        group.get_attribute("aria-label").as_deref(),
        Some("Download and share")
    );

    // On screen there is no print section: it is made for printing only.
    assert!(root.query_selector(".fb-print-only").unwrap().is_none());
    let print_event = |kind: &str| {
        let event = web_sys::Event::new(kind).unwrap();
        gloo::utils::window().dispatch_event(&event).unwrap();
    };
    print_event("beforeprint");
    yew::scheduler::flush().await;

    // The region view: the print-only section adds the chart (the SVG export,
    // inline), the table and the sources.
    let print = one(&root, ".fb-print-only");
    assert_eq!(print.get_attribute("aria-hidden").as_deref(), Some("true"));
    let chart = one(&print, ".fb-print-chart > svg");
    assert_eq!(chart.get_attribute("width").as_deref(), Some("720"));
    assert!(chart.inner_html().contains("Sub-Saharan Africa"));
    assert_eq!(all(&root, "table.fb-table").len(), 1);
    assert_eq!(all(&root, ".fb-sources").len(), 1);

    // The table view has its table in the panel: none is added, so none is doubled.
    click(&one(&root, "#ex1-tab-table"));
    yew::scheduler::flush().await;
    assert_eq!(all(&root, "table.fb-table").len(), 1);
    assert!(one(&root, ".fb-panel")
        .query_selector("table.fb-table")
        .unwrap()
        .is_some());
    assert_eq!(all(&root, ".fb-print-only .fb-sources").len(), 1);
    click(&one(&root, "#ex1-tab-sources"));
    yew::scheduler::flush().await;
    assert_eq!(all(&root, ".fb-sources").len(), 1);
    assert_eq!(all(&root, ".fb-print-only table.fb-table").len(), 1);

    // Printing over, the section goes (the print media query does not match).
    print_event("afterprint");
    yew::scheduler::flush().await;
    assert!(root.query_selector(".fb-print-only").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_themes_file_is_offered_only_when_the_data_states_theme_amounts() {
    let mut data: serde_json::Value = serde_json::from_str(DEFAULT_DATA).unwrap();
    data["themes"][0]["amount"] = serde_json::json!({ "value": 1000000, "stated": "about" });
    let root = mount("ex2", Some(data.to_string())).await;
    let keys: Vec<String> = all(&root, "[data-export]")
        .iter()
        .map(|b| b.get_attribute("data-export").unwrap())
        .collect();
    assert_eq!(
        keys,
        ["regions-csv", "themes-csv", "json", "svg", "png", "link"]
    );
    assert_eq!(
        one(&root, "[data-export=themes-csv]")
            .text_content()
            .as_deref(),
        Some("Download CSV (themes)")
    );
    // Beside it, the regions' file says what it holds.
    assert_eq!(
        one(&root, "[data-export=regions-csv]")
            .text_content()
            .as_deref(),
        Some("Download CSV (regions)")
    );
}

#[wasm_bindgen_test]
async fn the_regions_file_says_so_in_the_theme_view() {
    let root = mount("ex3", None).await;
    let label = || one(&root, "[data-export=regions-csv]").text_content();
    // In the region view a plain "CSV" is the regions'.
    assert_eq!(label().as_deref(), Some("Download CSV"));
    click(&one(&root, "#ex3-tab-theme"));
    yew::scheduler::flush().await;
    // The theme view has no file of its own (no theme amounts): the button
    // that gives the regions' says so.
    assert_eq!(label().as_deref(), Some("Download CSV (regions)"));
    click(&one(&root, "#ex3-tab-table"));
    yew::scheduler::flush().await;
    assert_eq!(label().as_deref(), Some("Download CSV"));
}
