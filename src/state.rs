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
}

impl View {
    pub const ALL: [View; 4] = [View::Region, View::Theme, View::Table, View::Sources];

    pub fn as_str(self) -> &'static str {
        match self {
            View::Region => "region",
            View::Theme => "theme",
            View::Table => "table",
            View::Sources => "sources",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The view `delta` steps away, wrapping around (arrow keys in the tab list).
    pub fn step(self, delta: isize) -> View {
        let i = View::ALL.iter().position(|v| *v == self).unwrap_or(0) as isize;
        let n = View::ALL.len() as isize;
        View::ALL
            .get((i + delta).rem_euclid(n) as usize)
            .copied()
            .unwrap_or_default()
    }
}

/// What the reader has chosen: the view and the selected mark, if any.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct UiState {
    pub view: View,
    /// Id of a region, a theme, or the remainder.
    pub selected: Option<String>,
    pub locale: Locale,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetView(View),
    Select(String),
    /// Select when not selected, clear when already selected (click twice).
    Toggle(String),
    ClearSelection,
    SetLocale(Locale),
    /// Replace the whole state, e.g. when the reader edits the URL hash.
    Restore(UiState),
}

impl UiState {
    pub fn reduce(&self, action: Action) -> UiState {
        let mut next = self.clone();
        match action {
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
            Action::Restore(state) => next = state,
        }
        next
    }

    /// State from a URL hash, keeping only values that make sense for `ds`;
    /// `locale` applies when the hash names no supported language.
    pub fn from_hash(hash: &str, ds: &Dataset, locale: Locale) -> UiState {
        let h = HashState::decode(hash);
        UiState {
            view: h.view.unwrap_or_default(),
            selected: h.sel.filter(|id| is_selectable(ds, id)),
            locale: h.lang.unwrap_or(locale),
        }
    }

    /// The hash for this state, e.g. `#view=region&sel=asia`; the language is
    /// included only when it is not English, so plain links stay short.
    pub fn to_hash(&self) -> String {
        HashState {
            view: Some(self.view),
            sel: self.selected.clone(),
            lang: (self.locale != Locale::En).then_some(self.locale),
        }
        .encode()
    }
}

/// Whether `id` names something the reader can select in `ds`.
pub fn is_selectable(ds: &Dataset, id: &str) -> bool {
    if id == REMAINDER_ID {
        let parts = derive::region_parts(ds);
        return derive::remainder(ds, &parts).is_some();
    }
    ds.region(id).is_some() || ds.theme(id).is_some()
}

/// The raw hash parameters, before they are checked against a dataset.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct HashState {
    pub view: Option<View>,
    pub sel: Option<String>,
    pub lang: Option<Locale>,
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
        if let Some(s) = &self.sel {
            parts.push(format!("sel={s}"));
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.tag()));
        }
        format!("#{}", parts.join("&"))
    }
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
    fn decode_reads_view_and_selection() {
        let h = HashState::decode("#view=table&sel=asia");
        assert_eq!(
            h,
            HashState {
                view: Some(View::Table),
                sel: Some("asia".into()),
                lang: None
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
                    };
                    assert_eq!(HashState::decode(&h.encode()), h);
                }
            }
        }
        assert_eq!(
            HashState {
                view: Some(View::Region),
                sel: Some("asia".into()),
                lang: None
            }
            .encode(),
            "#view=region&sel=asia"
        );
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
        };
        assert_eq!(s.reduce(Action::Restore(restored.clone())), restored);
    }

    #[test]
    fn view_steps_wrap_around() {
        assert_eq!(View::Region.step(1), View::Theme);
        assert_eq!(View::Region.step(-1), View::Sources);
        assert_eq!(View::Sources.step(1), View::Region);
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
