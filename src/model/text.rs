//! Per-locale text: every human-readable field in a dataset is a map from a
//! language tag to text, with English required (checked by validation).

use std::collections::BTreeMap;

use super::json::{self, Json, Path};

/// The locale every dataset must provide and every lookup falls back to.
pub const FALLBACK_LOCALE: &str = "en";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(transparent))]
pub struct Text(pub BTreeMap<String, String>);

/// Text picked for a locale, remembering which locale it really is in, so the
/// view can mark a fallback with `lang="en"` for screen readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    pub lang: &'a str,
}

impl Localized<'_> {
    pub fn is_fallback(&self, wanted: &str) -> bool {
        self.lang != wanted
    }
}

impl Text {
    pub fn en(text: &str) -> Self {
        let mut map = BTreeMap::new();
        map.insert(FALLBACK_LOCALE.to_owned(), text.to_owned());
        Text(map)
    }

    /// The text in `locale`, else English, else any text, else "".
    pub fn get<'a>(&'a self, locale: &'a str) -> Localized<'a> {
        let pick = self
            .given(locale)
            .or_else(|| self.0.get_key_value(FALLBACK_LOCALE))
            .or_else(|| self.0.iter().next());
        match pick {
            Some((lang, text)) => Localized { text, lang },
            None => Localized {
                text: "",
                lang: FALLBACK_LOCALE,
            },
        }
    }

    /// The language and text given for `locale` itself, if not blank.
    pub fn given(&self, locale: &str) -> Option<(&String, &String)> {
        self.0
            .get_key_value(locale)
            .filter(|(_, t)| !t.trim().is_empty())
    }

    /// Shorthand for the English (fallback) text.
    pub fn default_text(&self) -> &str {
        self.get(FALLBACK_LOCALE).text
    }

    /// A map from language tags to text. A tag given twice keeps its last
    /// text, as `JSON.parse` (and serde's map) does.
    pub(super) fn read(v: &Json, at: &Path<'_>) -> Text {
        let Json::Object(members) = v else {
            at.invalid(v, json::Expected::Texts);
            return Text::default();
        };
        let mut map = BTreeMap::new();
        for (tag, text) in members {
            map.insert(tag.clone(), json::string(text, &Path::Key(at, tag)));
        }
        Text(map)
    }

    pub(super) fn to_json(&self) -> Json {
        Json::Object(
            self.0
                .iter()
                .map(|(tag, text)| (tag.clone(), text.as_str().into()))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr_en() -> Text {
        let mut t = Text::en("Asia");
        t.0.insert("fr".into(), "Asie".into());
        t
    }

    #[test]
    fn picks_the_wanted_locale() {
        let t = fr_en();
        let l = t.get("fr");
        assert_eq!(l.text, "Asie");
        assert!(!l.is_fallback("fr"));
    }

    #[test]
    fn falls_back_to_english_and_says_so() {
        let t = fr_en();
        let l = t.get("ja");
        assert_eq!(l.text, "Asia");
        assert_eq!(l.lang, "en");
        assert!(l.is_fallback("ja"));
    }

    #[test]
    fn blank_translation_falls_back() {
        let mut t = fr_en();
        t.0.insert("es".into(), "  ".into());
        assert_eq!(t.get("es").text, "Asia");
    }
}
