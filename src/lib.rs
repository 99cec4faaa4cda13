//! funding-breakdown: an embeddable, accessible breakdown of a funding
//! contribution by region and by theme.
//!
//! Pure logic lives in `model`, `chart`, `i18n`, `describe` and `state` and is
//! tested natively; `components` and `web` are the thin browser layer;
//! `prerender` (native, build time) renders the page's default view to HTML.

pub mod chart;
pub mod components;
pub mod describe;
pub mod embed;
pub mod embed_code;
pub mod export;
pub mod i18n;
pub mod model;
#[cfg(all(feature = "prerender", not(target_arch = "wasm32")))]
pub mod prerender;
pub mod state;
#[cfg(test)]
mod state_proptests;
pub mod web;
