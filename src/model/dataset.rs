//! The dataset schema: what a JSON data file holds. Only stated facts live
//! here; every derived figure is computed in `derive.rs`.
//!
//! The `serde(...)` attributes are read only by schemars' derive (feature
//! `schema`, for the JSON Schema); the readers and writers at the end of this
//! file follow them by hand (see `json.rs` for why).

use super::json::{self, Json, Path};
use super::share::{Stated, StatedAmount, StatedShare};
use super::text::{Localized, Text};
use super::validate::Problem;

/// One contribution and its breakdown, as published by its sources.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
pub struct Dataset {
    /// Editors' pointer to the JSON Schema; ignored by the widget.
    #[cfg_attr(
        feature = "schema",
        serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")
    )]
    pub schema: Option<String>,
    /// Slug naming the dataset in file names, e.g. "japan-iom-2021".
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[a-z][a-z0-9-]{0,63}$")))]
    pub id: String,
    pub contribution: Contribution,
    /// Geographic split. Must not contain the unattributed remainder: that is derived.
    /// A part may be a region, a group of regions or a single country.
    /// Absent: none (a source that states figures only by theme).
    #[cfg_attr(feature = "schema", serde(default), schemars(extend("default" = [])))]
    pub regions: Vec<Region>,
    /// Regions the source names without any share or amount: listed, never charted.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub named_regions: Vec<NamedRegion>,
    /// Purposes the contribution serves.
    // schemars writes a `default` only for types that implement Serialize,
    // which the data types no longer do: `extend` keeps the schema as it was.
    #[cfg_attr(feature = "schema", serde(default), schemars(extend("default" = [])))]
    pub themes: Vec<Theme>,
    /// Groups of people served, referenced by themes.
    #[cfg_attr(feature = "schema", serde(default), schemars(extend("default" = [])))]
    pub beneficiaries: Vec<Beneficiary>,
    /// Where the figures come from; the first is the primary source.
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
pub struct Contribution {
    pub donor: Text,
    pub recipient: Text,
    /// Short name of the recipient for headlines, e.g. "IOM".
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub recipient_short: Option<Text>,
    /// The calendar year of the operations funded.
    #[cfg_attr(feature = "schema", schemars(range(min = 1900, max = 2200)))]
    pub operations_year: i32,
    /// An active ISO 4217 code, e.g. "USD", "EUR", "INR".
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[A-Za-z]{3}$")))]
    pub currency: String,
    /// Total in major units of the currency.
    #[cfg_attr(feature = "schema", schemars(extend("exclusiveMinimum" = 0)))]
    pub total: f64,
    /// How the source states the total: "USD 30.5 million" is `about`.
    /// Only `exact` or `about`: every part is measured against the total,
    /// and against a bound ("more than USD 30 million") no share would
    /// have an amount the widget could say.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Stated::is_exact"),
        schemars(schema_with = "total_stated_schema")
    )]
    pub total_stated: Stated,
    /// What else the sources say about the total (another version of it), in our words.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub total_note: Option<Text>,
    /// How many countries the source says the contribution reaches.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub country_count: Option<u32>,
    /// Date of the announcement, YYYY-MM-DD, where the source shows one.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")))]
    pub announced: Option<String>,
    /// Stage of the money, where the source says.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub status: Option<Status>,
}

/// Stage of the money, after OCHA FTS's vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "snake_case"))]
pub enum Status {
    Pledged,
    Allocated,
    Committed,
    Paid,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Pledged,
        Status::Allocated,
        Status::Committed,
        Status::Paid,
    ];

    /// The machine name used in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pledged => "pledged",
            Status::Allocated => "allocated",
            Status::Committed => "committed",
            Status::Paid => "paid",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
pub struct Region {
    /// Unique among regions and themes; used in URLs (`#sel=`).
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[a-z][a-z0-9-]{0,63}$")))]
    pub id: String,
    pub name: Text,
    /// Share of the total as the source states it.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub share: Option<StatedShare>,
    /// Amount as the source states it. A region needs a share, an amount or both.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub amount: Option<StatedAmount>,
    /// Countries named by the source, if any.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub countries: Vec<Text>,
    /// How many countries the source counts here, named or not.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub country_count: Option<u32>,
    /// What the source says about this region, in our words.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<Text>,
}

/// A region the source names without a share or an amount.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
pub struct NamedRegion {
    /// Unique among regions, named regions and themes.
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[a-z][a-z0-9-]{0,63}$")))]
    pub id: String,
    pub name: Text,
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub countries: Vec<Text>,
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub country_count: Option<u32>,
    /// Id of the region (a group with a figure) this one is part of.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub part_of: Option<String>,
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<Text>,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
pub struct Theme {
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[a-z][a-z0-9-]{0,63}$")))]
    pub id: String,
    pub name: Text,
    pub description: Text,
    /// Ids of beneficiary groups.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub beneficiaries: Vec<String>,
    /// Only where a source states one; never estimated.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub amount: Option<StatedAmount>,
    /// Share of the total linked to this theme, only where a source states one.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub share: Option<StatedShare>,
    /// Ids of regions this theme is linked to by the source.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub regions: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
pub struct Beneficiary {
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[a-z][a-z0-9-]{0,63}$")))]
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
pub struct Source {
    pub publisher: String,
    /// Title as published, in the source's own language.
    pub title: String,
    /// Publication date, YYYY-MM-DD, where the source shows one.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")))]
    pub date: Option<String>,
    #[cfg_attr(feature = "schema", schemars(pattern(r"^https?://")))]
    pub url: String,
    /// Language tag of the source, e.g. "en", "ja".
    pub language: String,
    /// Language of `title` when it differs from the source's (e.g. a
    /// description of a source whose own title is not known).
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub title_language: Option<String>,
    /// The title in other languages, by language tag, for a title written in
    /// our words (a published title is best left as published). A reader in
    /// one of these languages sees it instead of `title`.
    #[cfg_attr(
        feature = "schema",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub title_translated: Option<Text>,
}

impl Source {
    /// The title to show a reader of `locale`, with the language it is in.
    pub fn title_for(&self, locale: &str) -> Localized<'_> {
        match self.title_translated.as_ref().and_then(|t| t.given(locale)) {
            Some((lang, text)) => Localized { text, lang },
            None => Localized {
                text: &self.title,
                lang: self.given_title_language(),
            },
        }
    }

    /// The publisher's name, taken to be in the language of the title as given.
    pub fn publisher_text(&self) -> Localized<'_> {
        Localized {
            text: &self.publisher,
            lang: self.given_title_language(),
        }
    }

    fn given_title_language(&self) -> &str {
        self.title_language.as_deref().unwrap_or(&self.language)
    }
}

/// The active ISO 4217 currency codes, three letters each, with two minor
/// digits unless listed in `ZERO_DIGITS` or `THREE_DIGITS`. All of them, not
/// a few donors' ones: a recipient may report in any (INR, KES, BRL), the
/// IMF in XDR; and the codes withdrawn since 2018 (HRK, SLL, ZWL), for
/// earlier years' data. A typo ("USS") is still refused. One string, not a
/// table of `&str`: 0.5 KB of wasm instead of 3.
const CODES: &str = "AEDAFNALLAMDANGAOAARSAUDAWGAZNBAMBBDBDTBGNBHDBIFBMDBNDBOBBRLBSDBTNBWPBYNBZD\
CADCDFCHFCLPCNYCOPCRCCUPCVECZKDJFDKKDOPDZDEGPERNETBEURFJDFKPGBPGELGHSGIPGMD\
GNFGTQGYDHKDHNLHRKHTGHUFIDRILSINRIQDIRRISKJMDJODJPYKESKGSKHRKMFKPWKRWKWDKYD\
KZTLAKLBPLKRLRDLSLLYDMADMDLMGAMKDMMKMNTMOPMRUMURMVRMWKMXNMYRMZNNADNGNNIONOK\
NPRNZDOMRPABPENPGKPHPPKRPLNPYGQARRONRSDRUBRWFSARSBDSCRSDGSEKSGDSHPSLESLLSOS\
SRDSSPSTNSVCSYPSZLTHBTJSTMTTNDTOPTRYTTDTWDTZSUAHUGXUSDUYUUZSVEDVESVNDVUVWST\
XAFXCDXCGXDRXOFXPFYERZARZMWZWGZWL";
const ZERO_DIGITS: &str = "BIFCLPDJFGNFISKJPYKMFKRWPYGRWFUGXVNDVUVXAFXOFXPF";
const THREE_DIGITS: &str = "BHDIQDJODKWDLYDOMRTND";

/// The schema of `total_stated`: the two ways the reader accepts.
#[cfg(feature = "schema")]
fn total_stated_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "string",
        "enum": ["exact", "about"],
        "default": "exact"
    })
}

fn listed(list: &str, code: &str) -> bool {
    code.len() == 3 && list.as_bytes().chunks(3).any(|c| c == code.as_bytes())
}

/// Every code the widget accepts, with its minor digits.
pub fn currencies() -> impl Iterator<Item = (&'static str, u32)> {
    CODES.as_bytes().chunks(3).filter_map(|c| {
        let code = std::str::from_utf8(c).ok()?;
        Some((code, minor_digits(code)?))
    })
}

/// The minor-unit digits of an ISO 4217 code (2 for USD, 0 for JPY), or
/// None for a code that is not one.
pub fn minor_digits(currency: &str) -> Option<u32> {
    if listed(ZERO_DIGITS, currency) {
        Some(0)
    } else if listed(THREE_DIGITS, currency) {
        Some(3)
    } else if listed(CODES, currency) {
        Some(2)
    } else {
        None
    }
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

// Readers and writers, field by field as the attributes above say: required
// fields, `default` ones (absent is empty), `Option`s (absent or null is
// None), and no other field. Writers leave out what `skip_serializing_if` would.

fn texts(v: &Json, at: &Path<'_>) -> Vec<Text> {
    json::list(v, at, Text::read)
}

fn strings(v: &Json, at: &Path<'_>) -> Vec<String> {
    json::list(v, at, json::string)
}

fn string(s: &str) -> Option<Json> {
    Some(s.into())
}

fn opt_string(s: &Option<String>) -> Option<Json> {
    s.as_deref().map(Json::from)
}

fn opt_count(n: Option<u32>) -> Option<Json> {
    n.map(|n| f64::from(n).into())
}

impl Dataset {
    /// A dataset from a parsed document, or the first value that does not fit.
    pub fn from_json(doc: &Json) -> Result<Dataset, Problem> {
        json::read_document(doc, Dataset::read)
    }

    pub(super) fn read(v: &Json, at: &Path<'_>) -> Dataset {
        let m = v.members(
            at,
            &[
                "$schema",
                "id",
                "contribution",
                "regions",
                "named_regions",
                "themes",
                "beneficiaries",
                "sources",
            ],
        );
        Dataset {
            schema: m.opt("$schema", json::string),
            id: m.req("id", json::string),
            contribution: m.req("contribution", Contribution::read),
            regions: m.or_default("regions", |v, at| json::list(v, at, Region::read)),
            named_regions: m.or_default("named_regions", |v, at| {
                json::list(v, at, NamedRegion::read)
            }),
            themes: m.or_default("themes", |v, at| json::list(v, at, Theme::read)),
            beneficiaries: m.or_default("beneficiaries", |v, at| {
                json::list(v, at, Beneficiary::read)
            }),
            sources: m.req("sources", |v, at| json::list(v, at, Source::read)),
        }
    }

    /// The dataset as a document, as it was read (the JSON download).
    pub fn to_json(&self) -> Json {
        json::object(vec![
            ("$schema", opt_string(&self.schema)),
            ("id", string(&self.id)),
            ("contribution", Some(self.contribution.to_json())),
            ("regions", Some(json::array(&self.regions, Region::to_json))),
            (
                "named_regions",
                json::non_empty(&self.named_regions, NamedRegion::to_json),
            ),
            ("themes", Some(json::array(&self.themes, Theme::to_json))),
            (
                "beneficiaries",
                Some(json::array(&self.beneficiaries, Beneficiary::to_json)),
            ),
            ("sources", Some(json::array(&self.sources, Source::to_json))),
        ])
    }
}

impl Contribution {
    fn read(v: &Json, at: &Path<'_>) -> Contribution {
        let m = v.members(
            at,
            &[
                "donor",
                "recipient",
                "recipient_short",
                "operations_year",
                "currency",
                "total",
                "total_stated",
                "total_note",
                "country_count",
                "announced",
                "status",
            ],
        );
        Contribution {
            donor: m.req("donor", Text::read),
            recipient: m.req("recipient", Text::read),
            recipient_short: m.opt("recipient_short", Text::read),
            operations_year: m.req("operations_year", json::int),
            // "eur" is EUR: a code's case carries no meaning.
            currency: m.req("currency", json::string).to_ascii_uppercase(),
            total: m.req("total", json::number),
            total_stated: m.or_default("total_stated", |v, at| {
                let ways = [Stated::Exact, Stated::About];
                let i = json::variant(v, at, &ways.map(Stated::as_str), false);
                ways.into_iter().nth(i).unwrap_or_default()
            }),
            total_note: m.opt("total_note", Text::read),
            country_count: m.opt("country_count", json::uint),
            announced: m.opt("announced", json::string),
            status: m.opt("status", |v, at| {
                let i = json::variant(v, at, &Status::ALL.map(Status::as_str), false);
                Status::ALL.into_iter().nth(i).unwrap_or(Status::Pledged)
            }),
        }
    }

    fn to_json(&self) -> Json {
        json::object(vec![
            ("donor", Some(self.donor.to_json())),
            ("recipient", Some(self.recipient.to_json())),
            (
                "recipient_short",
                self.recipient_short.as_ref().map(Text::to_json),
            ),
            (
                "operations_year",
                Some(f64::from(self.operations_year).into()),
            ),
            ("currency", string(&self.currency)),
            ("total", Some(self.total.into())),
            (
                "total_stated",
                (!self.total_stated.is_exact()).then(|| self.total_stated.as_str().into()),
            ),
            ("total_note", self.total_note.as_ref().map(Text::to_json)),
            ("country_count", opt_count(self.country_count)),
            ("announced", opt_string(&self.announced)),
            ("status", self.status.map(|s| s.as_str().into())),
        ])
    }
}

impl Region {
    fn read(v: &Json, at: &Path<'_>) -> Region {
        let m = v.members(
            at,
            &[
                "id",
                "name",
                "share",
                "amount",
                "countries",
                "country_count",
                "description",
            ],
        );
        Region {
            id: m.req("id", json::string),
            name: m.req("name", Text::read),
            share: m.opt("share", StatedShare::read),
            amount: m.opt("amount", StatedAmount::read),
            countries: m.or_default("countries", texts),
            country_count: m.opt("country_count", json::uint),
            description: m.opt("description", Text::read),
        }
    }

    fn to_json(&self) -> Json {
        json::object(vec![
            ("id", string(&self.id)),
            ("name", Some(self.name.to_json())),
            ("share", self.share.map(StatedShare::to_json)),
            ("amount", self.amount.map(StatedAmount::to_json)),
            ("countries", json::non_empty(&self.countries, Text::to_json)),
            ("country_count", opt_count(self.country_count)),
            ("description", self.description.as_ref().map(Text::to_json)),
        ])
    }
}

impl NamedRegion {
    fn read(v: &Json, at: &Path<'_>) -> NamedRegion {
        let m = v.members(
            at,
            &[
                "id",
                "name",
                "countries",
                "country_count",
                "part_of",
                "description",
            ],
        );
        NamedRegion {
            id: m.req("id", json::string),
            name: m.req("name", Text::read),
            countries: m.or_default("countries", texts),
            country_count: m.opt("country_count", json::uint),
            part_of: m.opt("part_of", json::string),
            description: m.opt("description", Text::read),
        }
    }

    fn to_json(&self) -> Json {
        json::object(vec![
            ("id", string(&self.id)),
            ("name", Some(self.name.to_json())),
            ("countries", json::non_empty(&self.countries, Text::to_json)),
            ("country_count", opt_count(self.country_count)),
            ("part_of", opt_string(&self.part_of)),
            ("description", self.description.as_ref().map(Text::to_json)),
        ])
    }
}

impl Theme {
    fn read(v: &Json, at: &Path<'_>) -> Theme {
        let m = v.members(
            at,
            &[
                "id",
                "name",
                "description",
                "beneficiaries",
                "amount",
                "share",
                "regions",
            ],
        );
        Theme {
            id: m.req("id", json::string),
            name: m.req("name", Text::read),
            description: m.req("description", Text::read),
            beneficiaries: m.or_default("beneficiaries", strings),
            amount: m.opt("amount", StatedAmount::read),
            share: m.opt("share", StatedShare::read),
            regions: m.or_default("regions", strings),
        }
    }

    fn to_json(&self) -> Json {
        let ids = |ids: &[String]| json::non_empty(ids, |id| id.as_str().into());
        json::object(vec![
            ("id", string(&self.id)),
            ("name", Some(self.name.to_json())),
            ("description", Some(self.description.to_json())),
            ("beneficiaries", ids(&self.beneficiaries)),
            ("amount", self.amount.map(StatedAmount::to_json)),
            ("share", self.share.map(StatedShare::to_json)),
            ("regions", ids(&self.regions)),
        ])
    }
}

impl Beneficiary {
    fn read(v: &Json, at: &Path<'_>) -> Beneficiary {
        let m = v.members(at, &["id", "name"]);
        Beneficiary {
            id: m.req("id", json::string),
            name: m.req("name", Text::read),
        }
    }

    fn to_json(&self) -> Json {
        json::object(vec![
            ("id", string(&self.id)),
            ("name", Some(self.name.to_json())),
        ])
    }
}

impl Source {
    fn read(v: &Json, at: &Path<'_>) -> Source {
        let m = v.members(
            at,
            &[
                "publisher",
                "title",
                "date",
                "url",
                "language",
                "title_language",
                "title_translated",
            ],
        );
        Source {
            publisher: m.req("publisher", json::string),
            title: m.req("title", json::string),
            date: m.opt("date", json::string),
            url: m.req("url", json::string),
            language: m.req("language", json::string),
            title_language: m.opt("title_language", json::string),
            title_translated: m.opt("title_translated", Text::read),
        }
    }

    fn to_json(&self) -> Json {
        json::object(vec![
            ("publisher", string(&self.publisher)),
            ("title", string(&self.title)),
            ("date", opt_string(&self.date)),
            ("url", string(&self.url)),
            ("language", string(&self.language)),
            ("title_language", opt_string(&self.title_language)),
            (
                "title_translated",
                self.title_translated.as_ref().map(Text::to_json),
            ),
        ])
    }
}

#[cfg(test)]
mod currency_tests {
    use super::*;

    #[test]
    fn the_code_lists_are_whole_sorted_codes_and_the_digit_lists_are_in_the_main_one() {
        for list in [CODES, ZERO_DIGITS, THREE_DIGITS] {
            assert_eq!(list.len() % 3, 0);
            let codes: Vec<&[u8]> = list.as_bytes().chunks(3).collect();
            assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        }
        for c in ZERO_DIGITS
            .as_bytes()
            .chunks(3)
            .chain(THREE_DIGITS.as_bytes().chunks(3))
        {
            assert!(CODES.as_bytes().chunks(3).any(|x| x == c), "{c:?}");
        }
        assert_eq!(minor_digits("US"), None);
        assert_eq!(minor_digits("USDX"), None);
    }
}
