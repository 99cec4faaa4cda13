//! The dataset schema: what a JSON data file holds. Only stated facts live
//! here; every derived figure is computed in `derive.rs`.

use serde::{Deserialize, Serialize};

use super::share::{Stated, StatedAmount, StatedShare};
use super::text::Text;

/// One contribution and its breakdown, as published by its sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Editors' pointer to the JSON Schema; ignored by the widget.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Slug naming the dataset in file names, e.g. "japan-iom-2021".
    pub id: String,
    pub contribution: Contribution,
    /// Geographic split. Must not contain the unattributed remainder: that is derived.
    /// A part may be a region, a group of regions or a single country.
    pub regions: Vec<Region>,
    /// Regions the source names without any share or amount: listed, never charted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub named_regions: Vec<NamedRegion>,
    /// Purposes the contribution serves.
    #[serde(default)]
    pub themes: Vec<Theme>,
    /// Groups of people served, referenced by themes.
    #[serde(default)]
    pub beneficiaries: Vec<Beneficiary>,
    /// Where the figures come from; the first is the primary source.
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    pub donor: Text,
    pub recipient: Text,
    /// Short name of the recipient for headlines, e.g. "IOM".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_short: Option<Text>,
    /// The calendar year of the operations funded.
    pub operations_year: i32,
    /// ISO 4217 code, e.g. "USD".
    pub currency: String,
    /// Total in major units of the currency.
    pub total: f64,
    /// How the source states the total: "USD 30.5 million" is `about`.
    #[serde(default, skip_serializing_if = "Stated::is_exact")]
    pub total_stated: Stated,
    /// What else the sources say about the total (another version of it), in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_note: Option<Text>,
    /// How many countries the source says the contribution reaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_count: Option<u32>,
    /// Date of the announcement, YYYY-MM-DD, where the source shows one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<String>,
    /// Stage of the money, where the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

/// Stage of the money, after OCHA FTS's vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pledged,
    Allocated,
    Committed,
    Paid,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Unique among regions and themes; used in URLs (`#sel=`).
    pub id: String,
    pub name: Text,
    /// Share of the total as the source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<StatedShare>,
    /// Amount as the source states it. A region needs a share, an amount or both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<StatedAmount>,
    /// Countries named by the source, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<Text>,
    /// How many countries the source counts here, named or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_count: Option<u32>,
    /// What the source says about this region, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// A region the source names without a share or an amount.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NamedRegion {
    /// Unique among regions, named regions and themes.
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_count: Option<u32>,
    /// Id of the region (a group with a figure) this one is part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: Text,
    pub description: Text,
    /// Ids of beneficiary groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub beneficiaries: Vec<String>,
    /// Only where a source states one; never estimated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<StatedAmount>,
    /// Share of the total linked to this theme, only where a source states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<StatedShare>,
    /// Ids of regions this theme is linked to by the source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Beneficiary {
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub publisher: String,
    /// Title as published, in the source's own language.
    pub title: String,
    /// Publication date, YYYY-MM-DD, where the source shows one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub url: String,
    /// Language tag of the source, e.g. "en", "ja".
    pub language: String,
    /// Language of `title` when it differs from the source's (e.g. a
    /// description of a source whose own title is not known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_language: Option<String>,
}

/// Currencies the widget can name, with their minor-unit digits (ISO 4217).
pub const CURRENCIES: &[(&str, u32)] = &[
    ("AUD", 2),
    ("CAD", 2),
    ("CHF", 2),
    ("CNY", 2),
    ("DKK", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("JPY", 0),
    ("KRW", 0),
    ("NOK", 2),
    ("NZD", 2),
    ("SEK", 2),
    ("USD", 2),
];

pub fn minor_digits(currency: &str) -> Option<u32> {
    CURRENCIES
        .iter()
        .find(|(code, _)| *code == currency)
        .map(|(_, d)| *d)
}

impl Dataset {
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    pub fn beneficiary(&self, id: &str) -> Option<&Beneficiary> {
        self.beneficiaries.iter().find(|b| b.id == id)
    }

    /// Minor digits of the dataset's currency; 2 if unknown (validation rejects that).
    pub fn minor_digits(&self) -> u32 {
        minor_digits(&self.contribution.currency).unwrap_or(2)
    }

    /// Whether any theme has a stated figure (an amount or a share).
    pub fn has_theme_amounts(&self) -> bool {
        self.themes
            .iter()
            .any(|t| t.amount.is_some() || t.share.is_some())
    }

    pub fn named_region(&self, id: &str) -> Option<&NamedRegion> {
        self.named_regions.iter().find(|r| r.id == id)
    }

    pub fn total_is_exact(&self) -> bool {
        self.contribution.total_stated == Stated::Exact
    }
}
