//! File names that say what a download holds, from the dataset's id:
//! `japan-iom-2021-regions.csv`, `japan-iom-2021.json`, …

use super::Breakdown;
use crate::model::{Dataset, Series};

/// The dataset id as a safe file-name stem.
fn stem(ds: &Dataset) -> String {
    stem_of(&ds.id)
}

/// An id as a safe file-name stem. Validation already restricts ids to
/// `[a-z][a-z0-9-]*`; anything else is replaced, never trusted.
fn stem_of(id: &str) -> String {
    let s: String = id
        .chars()
        .take(80)
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '-' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    let s = s.trim_matches('-');
    if s.is_empty() {
        "funding-breakdown".to_owned()
    } else {
        s.to_owned()
    }
}

/// `{id}-regions.csv` or `{id}-themes.csv`.
pub fn csv(ds: &Dataset, b: Breakdown) -> String {
    format!("{}-{}.csv", stem(ds), b.as_str())
}

/// `{id}.json`: the dataset itself.
pub fn json(ds: &Dataset) -> String {
    format!("{}.json", stem(ds))
}

/// `{id}-regions.svg` (or `.png`): the chart of one breakdown.
pub fn chart(ds: &Dataset, b: Breakdown, ext: &str) -> String {
    format!("{}-{}.{ext}", stem(ds), b.as_str())
}

/// `{series id}.json`: the series itself.
pub fn series_json(series: &Series) -> String {
    format!("{}.json", stem_of(&series.id))
}

/// `{series id}-years.csv` (or `.svg`, `.png`): the Years view.
pub fn years(series: &Series, ext: &str) -> String {
    format!("{}-years.{ext}", stem_of(&series.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DEFAULT_DATA;

    fn bundled() -> Dataset {
        crate::model::load::read_dataset(DEFAULT_DATA).expect("the bundled dataset parses")
    }

    #[test]
    fn names_say_what_the_file_holds() {
        let ds = bundled();
        assert_eq!(csv(&ds, Breakdown::Region), "japan-iom-2021-regions.csv");
        assert_eq!(csv(&ds, Breakdown::Theme), "japan-iom-2021-themes.csv");
        assert_eq!(json(&ds), "japan-iom-2021.json");
        assert_eq!(
            chart(&ds, Breakdown::Region, "svg"),
            "japan-iom-2021-regions.svg"
        );
        assert_eq!(
            chart(&ds, Breakdown::Theme, "png"),
            "japan-iom-2021-themes.png"
        );
    }

    #[test]
    fn odd_ids_become_safe_names() {
        let mut ds = bundled();
        ds.id = "../../Etc/passwd".into();
        assert_eq!(json(&ds), "etc-passwd.json");
        ds.id = "日本".into();
        assert_eq!(json(&ds), "funding-breakdown.json");
    }
}
