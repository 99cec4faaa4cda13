//! The data model: pure Rust, no yew and no browser APIs, tested natively.

pub mod dataset;
pub mod derive;
pub mod json;
pub mod load;
pub mod series;
pub mod share;
pub mod text;
pub mod validate;

pub use dataset::{Beneficiary, Contribution, Dataset, NamedRegion, Region, Source, Status, Theme};
pub use derive::{MarkKind, Part, Qualified, REMAINDER_ID};
pub use json::Json;
pub use series::{Series, Slot};
pub use share::{Minor, Stated, StatedAmount, StatedShare};
pub use text::{Localized, Text};
pub use validate::{Problem, ProblemKind};

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

/// The bundled default dataset, compiled in so the widget needs no request
/// for it: `static/data/japan-iom-2021.json` without its indentation (build.rs).
pub const DEFAULT_DATA: &str = include_str!(concat!(env!("OUT_DIR"), "/default-data.json"));

/// Where the series of other years is, next to index.html and embed.js. It is
/// fetched when first needed, not compiled in (the wasm has a size budget).
pub const SERIES_PATH: &str = "data/japan-iom-series.json";
