//! Chart geometry: pure functions from fractions to SVG path data. No yew.

pub mod bars;
pub mod contrast;
pub mod donut;
