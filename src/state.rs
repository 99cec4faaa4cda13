//! Widget state as a pure reducer, and its encoding in the URL hash
//! (`#view=table&sel=asia`) so every view can be linked. No yew imports.

use crate::i18n::Locale;
use crate::model::derive::{self, REMAINDER_ID};
use crate::model::Dataset;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Region,
    Theme,
    Table,
    Sources,
    /// The contribution among the same donor's other years.
    Years,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Region,
        View::Theme,
        View::Table,
        View::Sources,
        View::Years,
    ];

    /// The views of one dataset: all but Years, which needs the series (a
    /// dataset from a `src` URL has none).
    pub const DATASET: [View; 4] = [View::Region, View::Theme, View::Table, View::Sources];

    /// The views on offer: with or without Years.
    pub fn offered(years: bool) -> &'static [View] {
        if years {
            &View::ALL
        } else {
            &View::DATASET
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            View::Region => "region",
            View::Theme => "theme",
            View::Table => "table",
            View::Sources => "sources",
            View::Years => "years",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The view `delta` steps away among `views`, wrapping around (arrow
    /// keys in the tab list).
    pub fn step_in(self, views: &[View], delta: isize) -> View {
        let i = views.iter().position(|v| *v == self).unwrap_or(0) as isize;
        let n = views.len().max(1) as isize;
        views
            .get((i + delta).rem_euclid(n) as usize)
            .copied()
            .unwrap_or_default()
    }

    /// The view `delta` steps away among all views.
    pub fn step(self, delta: isize) -> View {
        self.step_in(&View::ALL, delta)
    }
}

/// What the reader has chosen: the view and the selected mark, if any.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct UiState {
    pub view: View,
    /// Id of a region, a theme, or the remainder.
    pub selected: Option<String>,
    pub locale: Locale,
    /// The operations year every dataset view shows, from the series; None:
    /// the widget's own dataset.
    pub year: Option<i32>,
    /// The year selected in the Years view (a gap year too: it tells that
    /// no announcement was found).
    pub year_sel: Option<i32>,
    /// The part the pointer is over, shown in place of the selection until
    /// it leaves: a preview, never in the URL or the announcements. Any other
    /// action ends it (a pointer resting on the chart must not hide what the
    /// arrow keys select; a new view starts from the selection).
    pub preview: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The pointer is over this part (None: over none).
    Preview(Option<String>),
    SetView(View),
    Select(String),
    /// Select when not selected, clear when already selected (click twice).
    Toggle(String),
    ClearSelection,
    SetLocale(Locale),
    /// Show a year of the series in the dataset views (None: the widget's
    /// own dataset). The selection belongs to the old year's data, so it goes.
    SetYear(Option<i32>),
    /// "Open this year": show it, in the region view.
    OpenYear(i32),
    SelectYear(Option<i32>),
    /// Replace the whole state, e.g. when the reader edits the URL hash.
    Restore(UiState),
}

impl UiState {
    pub fn reduce(&self, action: Action) -> UiState {
        let mut next = self.clone();
        next.preview = None;
        match action {
            Action::Preview(id) => next.preview = id,
            Action::SetView(view) => next.view = view,
            Action::Select(id) => next.selected = Some(id),
            Action::Toggle(id) => {
                next.selected = if self.selected.as_deref() == Some(id.as_str()) {
                    None
                } else {
                    Some(id)
                };
            }
            Action::ClearSelection => next.selected = None,
            Action::SetLocale(locale) => next.locale = locale,
            Action::SetYear(year) => {
                if year != self.year {
                    next.year = year;
                    next.selected = None;
                }
            }
            Action::OpenYear(year) => {
                next = self.reduce(Action::SetYear(Some(year)));
                next.view = View::Region;
                next.year_sel = Some(year);
            }
            Action::SelectYear(year) => next.year_sel = year,
            Action::Restore(state) => next = state,
        }
        next
    }

    /// State from a URL hash, keeping only values that make sense for `ds`;
    /// `locale` applies when the hash names no supported language. A
    /// selection in another year's data is checked once that data is loaded
    /// (the views show only selections that exist).
    pub fn from_hash(hash: &str, ds: &Dataset, locale: Locale) -> UiState {
        let h = HashState::decode(hash);
        let other_year = h.year.is_some_and(|y| y != ds.contribution.operations_year);
        UiState {
            view: h.view.unwrap_or_default(),
            selected: h.sel.filter(|id| other_year || is_selectable(ds, id)),
            locale: h.lang.unwrap_or(locale),
            year: h.year,
            year_sel: h.ysel,
            preview: None,
        }
    }

    /// The hash for this state, e.g. `#view=region&sel=asia`. The language is
    /// included when it is not English, or not `default`, the one the page
    /// shows without it (its own, else the reader's browser's): English
    /// chosen on a French page stays English when reloaded, and plain links
    /// stay short.
    pub fn to_hash(&self, default: Locale) -> String {
        self.hash_with((self.locale != Locale::En || self.locale != default).then_some(self.locale))
    }

    /// The hash for a link or an embed that leaves the page: it always names
    /// the language, so whoever opens it sees what the reader chose,
    /// whatever their own browser's language.
    pub fn to_link_hash(&self) -> String {
        self.hash_with(Some(self.locale))
    }

    fn hash_with(&self, lang: Option<Locale>) -> String {
        HashState {
            view: Some(self.view),
            sel: self.selected.clone(),
            lang,
            year: self.year,
            ysel: self.year_sel,
        }
        .encode()
    }
}

/// Whether `id` names something the reader can select in `ds`.
pub fn is_selectable(ds: &Dataset, id: &str) -> bool {
    if id == REMAINDER_ID {
        // The rest of either chart: the theme chart has its own when its
        // themes' figures leave some, whether or not the regions do.
        return draws(derive::region_marks(ds), id) || draws(derive::theme_marks(ds), id);
    }
    ds.region(id).is_some() || ds.theme(id).is_some()
}

/// Whether a selection `id` shows in `view`: as one of its chart's marks (the
/// theme view's own rest included), as a theme in the theme view's list, or
/// through the items it links. A selection kept from the other breakdown view
/// is said only where it shows: "Asia: 20%" over themes that name no region is
/// a figure the view does not show.
pub fn shown_in(ds: &Dataset, view: View, id: &str) -> bool {
    let linked = || !derive::linked_ids(ds, id).is_empty();
    match view {
        View::Region => draws(derive::region_marks(ds), id) || linked(),
        View::Theme => ds.theme(id).is_some() || draws(derive::theme_marks(ds), id) || linked(),
        _ => true,
    }
}

/// Whether a chart of `marks` has a mark `id`.
fn draws(marks: Vec<derive::Part<'_>>, id: &str) -> bool {
    marks.iter().any(|p| p.id() == id)
}

/// The raw hash parameters, before they are checked against a dataset.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct HashState {
    pub view: Option<View>,
    pub sel: Option<String>,
    pub lang: Option<Locale>,
    /// `year=2019`: the operations year shown.
    pub year: Option<i32>,
    /// `ysel=2018`: the year selected in the Years view.
    pub ysel: Option<i32>,
}

/// A year as written in a URL: four digits, in the range validation accepts.
pub fn parse_year(s: &str) -> Option<i32> {
    let year = s
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| s.parse::<i32>().ok())
        .flatten()?;
    (s.len() == 4 && (1900..=2200).contains(&year)).then_some(year)
}

impl HashState {
    /// Reads `#view=…&sel=…`; unknown keys and unknown or malformed values are ignored.
    pub fn decode(hash: &str) -> HashState {
        let mut out = HashState::default();
        let body = hash.strip_prefix('#').unwrap_or(hash);
        for pair in body.split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            match key {
                "view" => {
                    if let Some(v) = View::parse(value) {
                        out.view = Some(v);
                    }
                }
                "sel" if crate::model::validate::is_id(value) => out.sel = Some(value.to_owned()),
                "lang" => {
                    if let Some(l) = Locale::from_tag(value) {
                        out.lang = Some(l);
                    }
                }
                "year" => out.year = parse_year(value).or(out.year),
                "ysel" => out.ysel = parse_year(value).or(out.ysel),
                _ => {}
            }
        }
        out
    }

    pub fn encode(&self) -> String {
        let mut parts = Vec::new();
        if let Some(v) = self.view {
            parts.push(format!("view={}", v.as_str()));
        }
        if let Some(y) = self.year {
            parts.push(format!("year={y}"));
        }
        if let Some(y) = self.ysel {
            parts.push(format!("ysel={y}"));
        }
        if let Some(s) = &self.sel {
            parts.push(format!("sel={s}"));
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.tag()));
        }
        format!("#{}", parts.join("&"))
    }
}

/// What a key does in a listbox of `len` options (the chart's marks, the
/// years) with option `at` focused or selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKey {
    /// Select and focus this option (arrows wrap; Home and End go to the ends).
    Move(Option<usize>),
    /// Enter or Space: select the current option.
    Choose,
    /// Escape: clear the selection.
    Clear,
}

/// The listbox meaning of `key`, or None for keys the listbox leaves alone.
pub fn list_key(key: &str, at: Option<usize>, len: usize) -> Option<ListKey> {
    Some(match key {
        "ArrowDown" | "ArrowRight" => ListKey::Move(step_index(at, len, 1)),
        "ArrowUp" | "ArrowLeft" => ListKey::Move(step_index(at, len, -1)),
        "Home" => ListKey::Move(step_index(None, len, 1)),
        "End" => ListKey::Move(step_index(None, len, -1)),
        "Enter" | " " => ListKey::Choose,
        "Escape" => ListKey::Clear,
        _ => return None,
    })
}

/// Index `delta` steps from `current` among `len` items, wrapping; with no
/// current item, the first (forward) or last (backward).
pub fn step_index(current: Option<usize>, len: usize, delta: isize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let n = len as isize;
    Some(match current {
        Some(i) => (i as isize + delta).rem_euclid(n) as usize,
        None if delta < 0 => len - 1,
        None => 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listbox_keys_move_wrap_choose_and_clear() {
        assert_eq!(
            list_key("ArrowRight", Some(3), 4),
            Some(ListKey::Move(Some(0)))
        );
        assert_eq!(
            list_key("ArrowUp", Some(0), 4),
            Some(ListKey::Move(Some(3)))
        );
        assert_eq!(list_key("ArrowDown", None, 4), Some(ListKey::Move(Some(0))));
        assert_eq!(list_key("ArrowLeft", None, 4), Some(ListKey::Move(Some(3))));
        assert_eq!(list_key("Home", Some(2), 4), Some(ListKey::Move(Some(0))));
        assert_eq!(list_key("End", Some(1), 4), Some(ListKey::Move(Some(3))));
        assert_eq!(list_key("End", None, 0), Some(ListKey::Move(None)));
        assert_eq!(list_key(" ", Some(1), 4), Some(ListKey::Choose));
        assert_eq!(list_key("Enter", None, 4), Some(ListKey::Choose));
        assert_eq!(list_key("Escape", Some(1), 4), Some(ListKey::Clear));
        assert_eq!(list_key("Tab", Some(1), 4), None);
        assert_eq!(list_key("a", Some(1), 4), None);
    }

    #[test]
    fn decode_reads_view_and_selection() {
        let h = HashState::decode("#view=table&sel=asia");
        assert_eq!(
            h,
            HashState {
                view: Some(View::Table),
                sel: Some("asia".into()),
                ..HashState::default()
            }
        );
        assert_eq!(
            HashState::decode("#lang=en&view=theme").lang,
            Some(Locale::En)
        );
    }

    #[test]
    fn decode_ignores_unknown_values_and_keys() {
        let h = HashState::decode("#view=pie&sel=%3Cscript%3E&x=1&junk&lang=xx");
        assert_eq!(h, HashState::default());
        assert_eq!(HashState::decode(""), HashState::default());
        assert_eq!(
            HashState::decode("#view=theme&view=bogus").view,
            Some(View::Theme)
        );
    }

    #[test]
    fn encode_round_trips() {
        for view in View::ALL {
            for sel in [None, Some("sub-saharan-africa".to_owned())] {
                for lang in [None, Some(Locale::En)] {
                    let h = HashState {
                        view: Some(view),
                        sel: sel.clone(),
                        lang,
                        ..HashState::default()
                    };
                    assert_eq!(HashState::decode(&h.encode()), h);
                }
            }
        }
        assert_eq!(
            HashState {
                view: Some(View::Region),
                sel: Some("asia".into()),
                ..HashState::default()
            }
            .encode(),
            "#view=region&sel=asia"
        );
    }

    #[test]
    fn years_round_trip_through_the_hash() {
        let h = HashState {
            view: Some(View::Years),
            year: Some(2019),
            ysel: Some(2020),
            ..HashState::default()
        };
        assert_eq!(h.encode(), "#view=years&year=2019&ysel=2020");
        assert_eq!(HashState::decode(&h.encode()), h);
        assert_eq!(HashState::decode("#year=2019").year, Some(2019));
        // Only four-digit plausible years; a bad value keeps an earlier good one.
        for bad in ["19", "02019", "+2019", "20l9", "1800", "9999", ""] {
            assert_eq!(
                HashState::decode(&format!("#year={bad}")).year,
                None,
                "{bad}"
            );
        }
        assert_eq!(HashState::decode("#year=2018&year=x").year, Some(2018));
    }

    #[test]
    fn a_selection_shows_only_where_the_view_draws_lists_or_links_it() {
        let mut ds =
            crate::model::load::read_dataset(crate::model::DEFAULT_DATA).expect("bundled data");
        let theme = ds.themes[0].id.clone();
        // The region view draws the regions and the rest; the theme view lists the themes.
        assert!(shown_in(&ds, View::Region, "asia"));
        assert!(shown_in(&ds, View::Region, REMAINDER_ID));
        assert!(shown_in(&ds, View::Theme, &theme));
        // Bundled themes link no region, and have no amounts: no rest of their own.
        assert!(!shown_in(&ds, View::Theme, "asia"));
        assert!(!shown_in(&ds, View::Theme, REMAINDER_ID));
        assert!(!shown_in(&ds, View::Region, &theme));
        // Other views show every figure (the table, the sources).
        assert!(shown_in(&ds, View::Table, &theme));
        assert!(shown_in(&ds, View::Table, "asia"));
        // Once a theme links Asia, each shows in the other's view.
        ds.themes[0].regions = vec!["asia".into()];
        assert!(shown_in(&ds, View::Theme, "asia"));
        assert!(shown_in(&ds, View::Region, &theme));
        assert!(!shown_in(&ds, View::Theme, "mena-europe"));
    }

    #[test]
    fn the_rest_is_selectable_where_a_chart_draws_one() {
        use crate::model::share::{Stated, StatedShare};
        let share = |value, stated| {
            Some(StatedShare {
                value,
                stated,
                words: false,
            })
        };
        let mut ds =
            crate::model::load::read_dataset(crate::model::DEFAULT_DATA).expect("bundled data");
        // Bundled: the regions leave a rest; the themes have no figures.
        assert!(is_selectable(&ds, REMAINDER_ID));
        // Regions that take the whole total leave none...
        ds.regions[0].share = share(0.45, Stated::Exact);
        assert!(!is_selectable(&ds, REMAINDER_ID));
        // ... but a theme of half the total leaves the theme chart's own.
        ds.themes[0].share = share(0.5, Stated::Exact);
        assert!(is_selectable(&ds, REMAINDER_ID));
        assert_eq!(
            UiState::from_hash("#view=theme&sel=unattributed", &ds, Locale::En)
                .selected
                .as_deref(),
            Some(REMAINDER_ID)
        );
        // Without regions, themes that take the whole leave nothing to select
        // (the region view draws no chart).
        ds.regions.clear();
        ds.themes[0].share = share(1.0, Stated::Exact);
        assert!(!is_selectable(&ds, REMAINDER_ID));
    }

    #[test]
    fn another_year_keeps_its_selection_until_its_data_is_loaded() {
        let ds =
            crate::model::load::read_dataset(crate::model::DEFAULT_DATA).expect("bundled data");
        let s = UiState::from_hash("#year=2018&sel=sub-saharan-africa", &ds, Locale::En);
        assert_eq!(s.year, Some(2018));
        assert_eq!(s.selected.as_deref(), Some("sub-saharan-africa"));
        // In the widget's own year, the selection is checked at once.
        let s = UiState::from_hash("#year=2021&sel=europe", &ds, Locale::En);
        assert_eq!(s.selected, None);
        assert_eq!(
            UiState::from_hash(&s.to_hash(Locale::En), &ds, Locale::En),
            s
        );
    }

    #[test]
    fn the_hash_names_the_language_unless_a_plain_link_gives_it_already() {
        let ds =
            crate::model::load::read_dataset(crate::model::DEFAULT_DATA).expect("bundled data");
        let with = |locale| UiState {
            locale,
            ..UiState::from_hash("", &ds, Locale::En)
        };
        // English where English is the default: nothing to say.
        assert_eq!(with(Locale::En).to_hash(Locale::En), "#view=region");
        // English on a French page, or for a French browser: said, so a
        // reload (or the hashchange that restores it) keeps English.
        let hash = with(Locale::En).to_hash(Locale::Fr);
        assert_eq!(hash, "#view=region&lang=en");
        assert_eq!(
            UiState::from_hash(&hash, &ds, Locale::Fr).locale,
            Locale::En
        );
        // Another language is always said (links from an English page).
        assert_eq!(with(Locale::Ja).to_hash(Locale::En), "#view=region&lang=ja");
        assert_eq!(with(Locale::Fr).to_hash(Locale::Fr), "#view=region&lang=fr");
        // Without a language, a hash means the page's default.
        assert_eq!(
            UiState::from_hash("#view=table", &ds, Locale::Fr).locale,
            Locale::Fr
        );
        // A link leaving the page always says it, English included.
        assert_eq!(with(Locale::En).to_link_hash(), "#view=region&lang=en");
        assert_eq!(with(Locale::Es).to_link_hash(), "#view=region&lang=es");
    }

    #[test]
    fn a_preview_is_shown_until_anything_else_happens_and_never_in_the_url() {
        let ds =
            crate::model::load::read_dataset(crate::model::DEFAULT_DATA).expect("bundled data");
        let s = UiState::from_hash("#view=region&sel=asia", &ds, Locale::En);
        let hovered = s.reduce(Action::Preview(Some("mena-europe".into())));
        assert_eq!(hovered.preview.as_deref(), Some("mena-europe"));
        assert_eq!(hovered.selected.as_deref(), Some("asia"));
        assert_eq!(hovered.to_hash(Locale::En), s.to_hash(Locale::En));
        // The pointer leaves: the selection shows again.
        assert_eq!(hovered.reduce(Action::Preview(None)), s);
        // A key or a click selects, and the preview goes with it.
        let picked = hovered.reduce(Action::Select("unattributed".into()));
        assert_eq!(
            (picked.selected.as_deref(), picked.preview),
            (Some("unattributed"), None)
        );
        assert_eq!(hovered.reduce(Action::SetView(View::Theme)).preview, None);
        assert_eq!(hovered.reduce(Action::ClearSelection).preview, None);
    }

    #[test]
    fn opening_a_year_shows_its_breakdown_without_the_old_selection() {
        let s = UiState {
            view: View::Years,
            selected: Some("asia".into()),
            year_sel: Some(2018),
            ..UiState::default()
        };
        let s = s.reduce(Action::OpenYear(2018));
        assert_eq!(
            (s.view, s.year, s.selected.clone()),
            (View::Region, Some(2018), None)
        );
        assert_eq!(s.year_sel, Some(2018));
        // Setting the same year again keeps what was selected in it.
        let s = s.reduce(Action::Select("asia".into()));
        assert_eq!(
            s.reduce(Action::SetYear(Some(2018))).selected.as_deref(),
            Some("asia")
        );
        assert_eq!(s.reduce(Action::SetYear(None)).selected, None);
        assert_eq!(
            s.reduce(Action::SelectYear(Some(2020))).year_sel,
            Some(2020)
        );
        assert_eq!(s.reduce(Action::SelectYear(None)).year_sel, None);
    }

    #[test]
    fn reducer_handles_every_action() {
        let s = UiState::default();
        let s = s.reduce(Action::SetView(View::Theme));
        assert_eq!(s.view, View::Theme);
        let s = s.reduce(Action::Select("asia".into()));
        assert_eq!(s.selected.as_deref(), Some("asia"));
        let s = s.reduce(Action::Toggle("asia".into()));
        assert_eq!(s.selected, None);
        let s = s.reduce(Action::Toggle("asia".into()));
        assert_eq!(s.selected.as_deref(), Some("asia"));
        let s = s.reduce(Action::ClearSelection);
        assert_eq!(s.selected, None);
        assert_eq!(s.view, View::Theme, "clearing keeps the view");
        let s = s.reduce(Action::SetLocale(Locale::En));
        assert_eq!(s.locale, Locale::En);
        let restored = UiState {
            view: View::Table,
            selected: Some("asia".into()),
            locale: Locale::En,
            ..UiState::default()
        };
        assert_eq!(s.reduce(Action::Restore(restored.clone())), restored);
    }

    #[test]
    fn view_steps_wrap_around() {
        assert_eq!(View::Region.step(1), View::Theme);
        assert_eq!(View::Region.step(-1), View::Years);
        assert_eq!(View::Years.step(1), View::Region);
        let dataset = View::offered(false);
        assert_eq!(View::Region.step_in(dataset, -1), View::Sources);
        assert_eq!(View::Sources.step_in(dataset, 1), View::Region);
        assert_eq!(View::offered(true), View::ALL);
    }

    #[test]
    fn step_index_wraps_and_starts_at_the_ends() {
        assert_eq!(step_index(None, 4, 1), Some(0));
        assert_eq!(step_index(None, 4, -1), Some(3));
        assert_eq!(step_index(Some(3), 4, 1), Some(0));
        assert_eq!(step_index(Some(0), 4, -1), Some(3));
        assert_eq!(step_index(Some(0), 0, 1), None);
    }
}
