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
    // What the state is about: the URL and attempt its load was started for.
    // In the render where they change the effect has not run yet, and the
    // state is the last URL's: an empty `src` set to a URL rendered Idle,
    // the bundled data, and the element said `ready` with the wrong figures.
    let started = use_mut_ref(|| (url.clone(), attempt));
    let current = *started.borrow() == (url.clone(), attempt);
    {
        let state = state.clone();
        use_effect_with((url.clone(), attempt), move |(url, attempt)| {
            *started.borrow_mut() = (url.clone(), *attempt);
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
    match (current, &url) {
        (true, _) => (*state).clone(),
        (false, Some(_)) => Fetch::Loading,
        (false, None) => Fetch::Idle,
    }
}
