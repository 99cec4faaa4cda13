//! View switch following the WAI-ARIA tabs pattern with automatic activation:
//! one tab stop, arrow keys move and activate, Home/End jump.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::use_ctx;
use crate::i18n::Msg;
use crate::state::View;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub view: View,
    pub on_change: Callback<View>,
    /// Whether the Years view is on offer.
    pub years: bool,
}

fn label(view: View) -> Msg {
    match view {
        View::Region => Msg::TabRegion,
        View::Theme => Msg::TabTheme,
        View::Table => Msg::TabTable,
        View::Sources => Msg::TabSources,
        View::Years => Msg::TabYears,
    }
}

#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    super::rendered("Tabs");
    let ctx = use_ctx();
    let list_ref = use_node_ref();
    let views = View::offered(props.years);
    let onkeydown = {
        let on_change = props.on_change.clone();
        let current = props.view;
        let list_ref = list_ref.clone();
        let prefix = ctx.id("tab");
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" => current.step_in(views, 1),
                "ArrowLeft" => current.step_in(views, -1),
                "Home" => views.first().copied().unwrap_or_default(),
                "End" => views.last().copied().unwrap_or_default(),
                _ => return,
            };
            e.prevent_default();
            super::hold_card(&e, next.as_str());
            on_change.emit(next);
            // Focus follows the selected tab, as the pattern requires.
            if let Some(list) = list_ref.cast::<web_sys::Element>() {
                let selector = format!("[id=\"{prefix}-{}\"]", next.as_str());
                if let Ok(Some(el)) = list.query_selector(&selector) {
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            }
        })
    };
    let tabs = views.iter().copied().map(|v| {
        let selected = v == props.view;
        let onclick = {
            let on_change = props.on_change.clone();
            Callback::from(move |e: MouseEvent| {
                super::hold_card(&e, v.as_str());
                on_change.emit(v)
            })
        };
        let name = ctx.locale.text(label(v));
        // `data-text`: the stylesheet sets the name again, bold and unseen, so
        // that the tab is as wide selected (bold) as not and no row reflows.
        html! {
            <button type="button" role="tab" class="fb-tab" id={ctx.id(&format!("tab-{}", v.as_str()))}
                aria-selected={if selected { "true" } else { "false" }} aria-controls={ctx.id("panel")}
                tabindex={if selected { "0" } else { "-1" }} data-view={v.as_str()} data-text={name} {onclick}>
                { name }
            </button>
        }
    });
    html! {
        <div class="fb-tabs" role="tablist" aria-label={ctx.locale.text(Msg::TabsLabel)} ref={list_ref} {onkeydown}>
            { for tabs }
        </div>
    }
}
