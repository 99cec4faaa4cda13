//! Which components a selection re-renders (issue #7: "selecting a mark
//! re-renders only what changes"). Debug builds note every component render
//! (`components::rendered`); this file has its page to itself, so no other
//! test's widget renders while it records.
#![cfg(all(target_arch = "wasm32", debug_assertions))]
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use funding_breakdown::components::record_renders;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The components that rendered since the last call, each named once, sorted.
fn renders() -> Vec<&'static str> {
    let mut names = record_renders();
    names.sort_unstable();
    names.dedup();
    names
}

#[wasm_bindgen_test]
async fn a_selection_re_renders_the_chart_legend_and_detail_only() {
    let root = mount("r1", None).await;
    record_renders();
    for id in ["sub-saharan-africa", "asia", "unattributed"] {
        click(&one(&root, &format!("#r1-mark-{id}")));
        yew::scheduler::flush().await;
        assert_eq!(
            renders(),
            ["Chart", "Detail", "Legend", "Widget"],
            "selecting {id}"
        );
    }
    // Clearing changes the same three.
    key(&one(&root, "#r1-mark-unattributed"), "Escape");
    yew::scheduler::flush().await;
    assert_eq!(renders(), ["Chart", "Detail", "Legend", "Widget"]);
    // Selecting what is selected (Enter; a click would clear it) changes
    // nothing, so nothing renders.
    click(&one(&root, "#r1-mark-asia"));
    yew::scheduler::flush().await;
    renders();
    key(&one(&root, "#r1-mark-asia"), "Enter");
    yew::scheduler::flush().await;
    assert_eq!(renders(), Vec::<&str>::new(), "the same mark again");
    // A second click clears it: the same three again.
    click(&one(&root, "#r1-mark-asia"));
    yew::scheduler::flush().await;
    assert_eq!(
        renders(),
        ["Chart", "Detail", "Legend", "Widget"],
        "clearing by a click"
    );
}

#[wasm_bindgen_test]
async fn in_the_theme_view_a_selection_re_renders_that_view_only() {
    let root = mount("r2", None).await;
    click(&one(&root, "#r2-tab-theme"));
    yew::scheduler::flush().await;
    record_renders();
    let themes = all(&root, ".fb-themes-view .fb-theme button");
    assert!(themes.len() >= 2, "the theme view lists its themes");
    for theme in themes.iter().take(2) {
        click(theme);
        yew::scheduler::flush().await;
        assert_eq!(renders(), ["ThemeView", "Widget"]);
    }
}

#[wasm_bindgen_test]
async fn the_open_embed_panel_follows_the_selection_and_the_closed_footer_does_not_render() {
    let root = mount("r3", None).await;
    let toggle = one(&root, "[aria-controls=r3-embed]");
    click(&toggle);
    yew::scheduler::flush().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let element_snippet = || {
        one(&root, "#r3-embed-element")
            .dyn_into::<web_sys::HtmlTextAreaElement>()
            .unwrap()
            .value()
    };
    assert!(!element_snippet().contains("sel="), "{}", element_snippet());

    record_renders();
    click(&one(&root, "#r3-mark-asia"));
    yew::scheduler::flush().await;
    assert!(
        renders().contains(&"Footer"),
        "the snippets carry the selection"
    );
    assert!(
        element_snippet().contains(r#"sel="asia""#),
        "{}",
        element_snippet()
    );

    click(&toggle);
    yew::scheduler::flush().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    // The first selection after closing hands the footer a state without
    // one (once); from then on selections pass it by.
    click(&one(&root, "#r3-mark-sub-saharan-africa"));
    yew::scheduler::flush().await;
    record_renders();
    click(&one(&root, "#r3-mark-unattributed"));
    yew::scheduler::flush().await;
    assert!(!renders().contains(&"Footer"));
    // Opened again, the snippets have the selection made while it was closed.
    click(&toggle);
    yew::scheduler::flush().await;
    assert!(
        element_snippet().contains(r#"sel="unattributed""#),
        "{}",
        element_snippet()
    );
}

#[wasm_bindgen_test]
async fn with_many_parts_a_selection_re_renders_the_two_bars_it_changes() {
    let data = include_str!("data/good/many-regions.json").to_owned();
    let root = mount("r4", Some(data)).await;
    let rows = all(&root, ".fb-part-row");
    assert!(rows.len() > 9, "bars past nine parts: {}", rows.len());
    record_renders();
    for row in [&rows[3], &rows[7]] {
        click(row);
        yew::scheduler::flush().await;
        let names = record_renders();
        let bars = names.iter().filter(|n| **n == "PartRow").count();
        assert!(
            (1..=2).contains(&bars),
            "{bars} bars rendered of {}: {names:?}",
            rows.len()
        );
    }
}
