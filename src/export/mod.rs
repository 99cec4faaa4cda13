//! What a reader can take away: CSV of the figures, a standalone SVG of the
//! chart, and the names of those files. Pure (no yew, no browser API) and
//! tested natively; `components/export.rs` turns these strings into
//! downloads (and the SVG into a PNG through a canvas).

pub mod csv;
#[cfg(test)]
mod csv_proptests;
pub mod filename;
pub mod svg;

use crate::model::derive::{self, Part};
use crate::model::Dataset;
use crate::state::View;

/// Which split of the total a chart or file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breakdown {
    Region,
    Theme,
}

impl Breakdown {
    pub fn as_str(self) -> &'static str {
        match self {
            Breakdown::Region => "regions",
            Breakdown::Theme => "themes",
        }
    }

    /// The chart a view shows: the theme chart on the theme view when the
    /// data states theme amounts, else the region chart (the table and
    /// sources views have no chart of their own).
    pub fn of_view(view: View, ds: &Dataset) -> Breakdown {
        if view == View::Theme && ds.has_theme_amounts() {
            Breakdown::Theme
        } else {
            Breakdown::Region
        }
    }

    /// The marks of this breakdown in drawing order, with the remainder.
    pub fn marks(self, ds: &Dataset) -> Vec<Part<'_>> {
        match self {
            Breakdown::Region => derive::region_marks(ds),
            Breakdown::Theme => derive::theme_marks(ds),
        }
    }
}

/// Where a shared link leads, given the page's URL and how the widget is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// The widget is the page (index.html, also inside an iframe): its URL
    /// with the state's hash restores the view.
    Page,
    /// An element on a host page whose URL does not carry the widget's state:
    /// link the widget's own page next to embed.js (`base`).
    Element,
    /// An element showing a dataset from `src`: the widget's page shows only
    /// the bundled data, so the host page is the one place that shows it.
    ElementWithSrc,
}

/// The link "Copy link" copies for the state `hash` (`#view=…&sel=…`) in
/// language `lang`: the widget's page in that language
/// (`embed_code::page_file`), which shows it from the first paint. From the
/// page itself, its own URL with the file swapped for the language's when it
/// is one of the widget's pages (`index.html`, `index.fr.html`, … or the
/// directory); a page the host renamed keeps its name.
pub fn share_link(shown: Shown, page_url: &str, base: &str, lang: &str, hash: &str) -> String {
    match shown {
        Shown::Page => {
            let end = page_url.find('#').unwrap_or(page_url.len());
            let url = page_url.get(..end).unwrap_or(page_url);
            let (path, query) = url.split_at(url.find('?').unwrap_or(url.len()));
            let file_at = path.rfind('/').map_or(path.len(), |i| i + 1);
            let (dir, file) = path.split_at(file_at);
            let ours = file.is_empty()
                || crate::i18n::Locale::ALL
                    .iter()
                    .any(|l| file == crate::embed_code::page_file(l.tag()));
            let file = match (ours, lang) {
                (false, _) => file.to_owned(),
                // The directory is index.html already.
                (true, "en") if file.is_empty() => String::new(),
                (true, _) => crate::embed_code::page_file(lang),
            };
            format!("{dir}{file}{query}{hash}")
        }
        Shown::Element => format!("{base}{}{hash}", crate::embed_code::page_file(lang)),
        Shown::ElementWithSrc => page_url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Stated, StatedAmount, DEFAULT_DATA};

    #[test]
    fn links_restore_the_view_where_the_widget_can_be_shown() {
        let hash = "#view=table&sel=asia";
        assert_eq!(
            share_link(
                Shown::Page,
                "https://a.org/w/index.html#view=region",
                "",
                "en",
                hash
            ),
            "https://a.org/w/index.html#view=table&sel=asia"
        );
        assert_eq!(
            share_link(Shown::Page, "http://127.0.0.1:8080/", "", "en", hash),
            "http://127.0.0.1:8080/#view=table&sel=asia"
        );
        assert_eq!(
            share_link(
                Shown::Element,
                "https://news.example/story#top",
                "https://a.org/w/",
                "en",
                hash
            ),
            "https://a.org/w/index.html#view=table&sel=asia"
        );
        assert_eq!(
            share_link(
                Shown::Element,
                "https://news.example/story",
                "https://a.org/w/",
                "ja",
                "#lang=ja"
            ),
            "https://a.org/w/index.ja.html#lang=ja"
        );
        // From the page, the page of the language shown.
        for (url, lang, link) in [
            (
                "https://a.org/w/index.html#view=region",
                "fr",
                "https://a.org/w/index.fr.html#view=table",
            ),
            (
                "https://a.org/w/index.ja.html",
                "en",
                "https://a.org/w/index.html#view=table",
            ),
            (
                "https://a.org/w/",
                "ja",
                "https://a.org/w/index.ja.html#view=table",
            ),
            (
                "https://a.org/w/?x=1#a",
                "en",
                "https://a.org/w/?x=1#view=table",
            ),
            (
                "https://a.org/w/index.es.html?x=1",
                "fr",
                "https://a.org/w/index.fr.html?x=1#view=table",
            ),
            // A page renamed by its host keeps its name.
            (
                "https://a.org/w/funding.html",
                "fr",
                "https://a.org/w/funding.html#view=table",
            ),
        ] {
            assert_eq!(
                share_link(Shown::Page, url, "", lang, "#view=table"),
                link,
                "{url}"
            );
        }
        assert_eq!(
            share_link(
                Shown::ElementWithSrc,
                "https://news.example/story",
                "https://a.org/w/",
                "en",
                hash
            ),
            "https://news.example/story"
        );
    }

    #[test]
    fn each_view_exports_the_chart_it_shows() {
        let mut ds = crate::model::load::read_dataset(DEFAULT_DATA).expect("bundled data");
        for view in View::ALL {
            assert_eq!(Breakdown::of_view(view, &ds), Breakdown::Region, "{view:?}");
        }
        ds.themes[0].amount = Some(StatedAmount {
            value: 10.0,
            stated: Stated::Exact,
        });
        assert_eq!(Breakdown::of_view(View::Theme, &ds), Breakdown::Theme);
        assert_eq!(Breakdown::of_view(View::Table, &ds), Breakdown::Region);
    }
}
