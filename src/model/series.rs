//! A series: the same donor's contributions over several operations years,
//! one dataset each, so a single year can be read against the others. Each
//! entry is a whole `Dataset` and is checked by the dataset rules; the series
//! adds only what makes years comparable.

use std::collections::BTreeSet;

use super::dataset::Dataset;
use super::json::{self, Json};
use super::validate::{validate, Problem, ProblemKind};

/// One document holding a dataset per operations year.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
pub struct Series {
    /// Editors' pointer to the JSON Schema; ignored by the widget.
    #[cfg_attr(
        feature = "schema",
        serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")
    )]
    pub schema: Option<String>,
    /// Slug naming the series in file names, e.g. "japan-iom-series".
    pub id: String,
    /// One dataset per operations year, oldest first, all in one currency.
    pub years: Vec<Dataset>,
}

/// A place on the time axis: a year with its dataset, or a year inside the
/// series' span for which it has none (no announcement found), which is
/// shown as a gap, never as a zero.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Slot<'a> {
    Year(&'a Dataset),
    Gap(i32),
}

impl Slot<'_> {
    pub fn year(&self) -> i32 {
        match self {
            Slot::Year(ds) => ds.contribution.operations_year,
            Slot::Gap(y) => *y,
        }
    }
}

impl Series {
    /// A series from a parsed document; each year is read as a dataset is,
    /// its problems under `years[i]`.
    pub fn from_json(doc: &Json) -> Result<Series, Problem> {
        json::read_document(doc, |v, at| {
            let m = v.members(at, &["$schema", "id", "years"]);
            Series {
                schema: m.opt("$schema", json::string),
                id: m.req("id", json::string),
                years: m.req("years", |v, at| json::list(v, at, Dataset::read)),
            }
        })
    }

    /// The series as a document, as it was read (the JSON download).
    pub fn to_json(&self) -> Json {
        json::object(vec![
            ("$schema", self.schema.as_deref().map(Json::from)),
            ("id", Some(self.id.as_str().into())),
            ("years", Some(json::array(&self.years, Dataset::to_json))),
        ])
    }

    pub fn year(&self, year: i32) -> Option<&Dataset> {
        self.years
            .iter()
            .find(|ds| ds.contribution.operations_year == year)
    }

    /// Every year from the first to the last, with the missing ones as gaps.
    pub fn slots(&self) -> Vec<Slot<'_>> {
        let (Some(first), Some(last)) = (self.years.first(), self.years.last()) else {
            return Vec::new();
        };
        let (first, last) = (
            first.contribution.operations_year,
            last.contribution.operations_year,
        );
        (first..=last)
            .map(|y| self.year(y).map_or(Slot::Gap(y), Slot::Year))
            .collect()
    }
}

/// A problem of the dataset at `years[i]`, with its path in the series.
pub fn in_year(i: usize, p: Problem) -> Problem {
    let at = format!("years[{i}]");
    Problem {
        path: if p.path.is_empty() {
            at
        } else {
            format!("{at}.{}", p.path)
        },
        kind: p.kind,
    }
}

/// Every problem in `series`: each year's own, under `years[i].`, and the
/// series rules (at least one year, each once, in order, one currency).
pub fn validate_series(series: &Series) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !super::validate::is_id(&series.id) {
        problems.push(Problem {
            path: "id".into(),
            kind: ProblemKind::BadId(series.id.clone()),
        });
    }
    if series.years.is_empty() {
        problems.push(Problem {
            path: "years".into(),
            kind: ProblemKind::Empty,
        });
    }
    let mut seen = BTreeSet::new();
    let mut previous = None;
    let currency = series.years.first().map(|ds| &ds.contribution.currency);
    for (i, ds) in series.years.iter().enumerate() {
        let at = format!("years[{i}]");
        problems.extend(validate(ds).into_iter().map(|p| in_year(i, p)));
        let year = ds.contribution.operations_year;
        let year_path = format!("{at}.contribution.operations_year");
        if !seen.insert(year) {
            problems.push(Problem {
                path: year_path,
                kind: ProblemKind::DuplicateYear(year),
            });
        } else if previous.is_some_and(|p| p > year) {
            problems.push(Problem {
                path: year_path,
                kind: ProblemKind::YearsOutOfOrder,
            });
        }
        previous = Some(year);
        if let Some(c) = currency.filter(|c| **c != ds.contribution.currency) {
            problems.push(Problem {
                path: format!("{at}.contribution.currency"),
                kind: ProblemKind::OtherCurrency(c.clone()),
            });
        }
    }
    problems
}
