//! Fetching a data file's text for a component: the `src` dataset of an
//! element, and the series of other years. One request per URL and attempt;
//! a newer request or unmounting aborts the older one, so its answer is
//! never shown.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::embed::{fetch_text, LoadError, TIMEOUT_MS};

#[derive(Clone, Debug, PartialEq)]
pub enum Fetch {
    /// No URL: nothing to fetch.
    Idle,
    Loading,
    Loaded(AttrValue),
    Failed(LoadError),
}

/// The text at `url`, fetched again whenever the URL or `attempt` changes
/// (Retry bumps `attempt`).
#[hook]
pub fn use_fetch_text(url: Option<AttrValue>, attempt: u32) -> Fetch {
    // Loading from the first render, so nothing else is shown meanwhile.
    let state = use_state(|| match url {
        Some(_) => Fetch::Loading,
        None => Fetch::Idle,
    });
    {
        let state = state.clone();
        use_effect_with((url, attempt), move |(url, _)| {
            let controller = web_sys::AbortController::new().ok();
            let done = Rc::new(Cell::new(false));
            match (url.clone(), controller.clone()) {
                (None, _) => state.set(Fetch::Idle),
                (Some(url), Some(controller)) => {
                    state.set(Fetch::Loading);
                    let signal = controller.signal();
                    let timer = {
                        let controller = controller.clone();
                        gloo::timers::callback::Timeout::new(TIMEOUT_MS, move || controller.abort())
                    };
                    let done = done.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = fetch_text(&url, &signal).await;
                        drop(timer);
                        if done.get() {
                            return;
                        }
                        state.set(match result {
                            Ok(text) => Fetch::Loaded(text.into()),
                            Err(e) => Fetch::Failed(e),
                        });
                    });
                }
                (Some(_), None) => state.set(Fetch::Failed(LoadError::Network)),
            }
            move || {
                done.set(true);
                if let Some(c) = controller {
                    c.abort();
                }
            }
        });
    }
    (*state).clone()
}
