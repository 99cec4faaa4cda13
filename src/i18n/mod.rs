//! Every string the reader sees comes from here: a typed message catalogue per
//! locale and a number/date formatting facade. No yew imports.

mod en;
pub mod format;

use crate::model::Stated;

/// Locales with a catalogue. Adding one means adding a catalogue module and a
/// variant here; the catalogue tests then check it is complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
}

impl Locale {
    pub const ALL: [Locale; 1] = [Locale::En];

    /// The language's name in itself, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
        }
    }

    /// The locale for a tag such as "en" or "en-GB"; None when unsupported.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The text for `msg`; missing entries fall back to English.
    pub fn text(self, msg: Msg) -> &'static str {
        match self {
            Locale::En => en::text(msg),
        }
    }

    /// `text(msg)` with `{name}` placeholders replaced.
    pub fn fill(self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill(self.text(msg), args)
    }
}

/// Replaces `{name}` placeholders; unknown placeholders are left as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (head, tail) = rest.split_at(open);
        out.push_str(head);
        let name_end = tail.find('}');
        let replaced = name_end.and_then(|end| {
            let name = tail.get(1..end)?;
            let value = args.iter().find(|(k, _)| *k == name)?.1;
            Some((value, end))
        });
        match replaced {
            Some((value, end)) => {
                out.push_str(value);
                rest = tail.get(end + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names in a template, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let tail = rest.get(open + 1..).unwrap_or_default();
        match tail.find('}') {
            Some(end) => {
                names.push(tail.get(..end).unwrap_or_default());
                rest = tail.get(end + 1..).unwrap_or_default();
            }
            None => break,
        }
    }
    names
}

macro_rules! messages {
    ($($name:ident),* $(,)?) => {
        /// Every message the widget can show. Catalogues match on this enum.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }
        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];
        }
    };
}

messages! {
    WidgetLabel,
    Loading,
    Arrow,
    ForOperationsIn,
    TotalLabel,
    ExactTotal,
    AnnouncedOn,
    StatusPledged,
    StatusAllocated,
    StatusCommitted,
    StatusPaid,
    SummaryLead,
    SummaryRegions,
    SummaryItem,
    SummaryRemainder,
    ListSeparator,
    TabsLabel,
    TabRegion,
    TabTheme,
    TabTable,
    TabSources,
    RegionChartLabel,
    ThemeChartLabel,
    ChartHelp,
    LegendLabel,
    RemainderName,
    RemainderDescription,
    ShareExact,
    ShareAbout,
    ShareMoreThan,
    ShareAtLeast,
    ShareAtMost,
    ShareLessThan,
    AmountExact,
    AmountAbout,
    AmountMoreThan,
    AmountAtLeast,
    AmountAtMost,
    AmountLessThan,
    StatedExact,
    StatedAbout,
    StatedMoreThan,
    StatedAtLeast,
    StatedAtMost,
    StatedLessThan,
    DetailEmpty,
    DetailShare,
    DetailAmount,
    DetailCountries,
    DetailLinkedThemes,
    DetailLinkedRegions,
    DerivedAmountNote,
    DerivedShareNote,
    Announce,
    AnnounceCleared,
    NoThemeBreakdown,
    ThemeBeneficiaries,
    TableRegionsCaption,
    TableThemesCaption,
    TableRegion,
    TableTheme,
    TableShare,
    TableAmount,
    TableStated,
    TableTotal,
    SourcesHeading,
    SourcesNote,
    SourcePublished,
    SourceUndated,
    SourceLanguage,
    ErrorTitle,
    ErrorIntro,
    ErrorMore,
    LanguageLabel,
}

/// The message that phrases a share stated in this way.
pub fn share_msg(stated: Stated) -> Msg {
    match stated {
        Stated::Exact => Msg::ShareExact,
        Stated::About => Msg::ShareAbout,
        Stated::MoreThan => Msg::ShareMoreThan,
        Stated::AtLeast => Msg::ShareAtLeast,
        Stated::AtMost => Msg::ShareAtMost,
        Stated::LessThan => Msg::ShareLessThan,
    }
}

/// The message that phrases an amount stated in this way.
pub fn amount_msg(stated: Stated) -> Msg {
    match stated {
        Stated::Exact => Msg::AmountExact,
        Stated::About => Msg::AmountAbout,
        Stated::MoreThan => Msg::AmountMoreThan,
        Stated::AtLeast => Msg::AmountAtLeast,
        Stated::AtMost => Msg::AmountAtMost,
        Stated::LessThan => Msg::AmountLessThan,
    }
}

/// The name of a way of stating, for tables and exports.
pub fn stated_msg(stated: Stated) -> Msg {
    match stated {
        Stated::Exact => Msg::StatedExact,
        Stated::About => Msg::StatedAbout,
        Stated::MoreThan => Msg::StatedMoreThan,
        Stated::AtLeast => Msg::StatedAtLeast,
        Stated::AtMost => Msg::StatedAtMost,
        Stated::LessThan => Msg::StatedLessThan,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(
            fill("more than {share}", &[("share", "40%")]),
            "more than 40%"
        );
        assert_eq!(fill("{a} and {b}", &[("b", "2"), ("a", "1")]), "1 and 2");
        assert_eq!(fill("{unknown} {", &[]), "{unknown} {");
    }

    #[test]
    fn placeholders_are_listed_in_order() {
        assert_eq!(
            placeholders("{donor} gave {total} in {year}"),
            ["donor", "total", "year"]
        );
        assert!(placeholders("no placeholders").is_empty());
    }

    #[test]
    fn every_message_has_non_empty_text_in_every_locale() {
        for locale in Locale::ALL {
            for &msg in Msg::ALL {
                assert!(
                    !locale.text(msg).trim().is_empty(),
                    "{locale:?} {msg:?} is empty"
                );
            }
        }
    }

    #[test]
    fn placeholders_match_english_in_every_locale() {
        for locale in Locale::ALL {
            for &msg in Msg::ALL {
                let mut want = placeholders(Locale::En.text(msg));
                let mut got = placeholders(locale.text(msg));
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "{locale:?} {msg:?}");
            }
        }
    }

    #[test]
    fn locale_tags_resolve_by_primary_subtag() {
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
        assert_eq!(Locale::from_tag("xx"), None);
    }
}
