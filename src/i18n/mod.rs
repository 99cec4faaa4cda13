//! Every string the reader sees comes from here: a typed message catalogue per
//! locale and a number/date formatting facade. No yew imports.
//!
//! - English (`en.rs`) is an exhaustive match: no message exists without it.
//!   The others are tables the tests check against it (none missing, none
//!   repeated, same placeholders), so an unfinished translation fails a test
//!   instead of the build, and falls back to English for the reader.
//! - Only English is compiled into the wasm. The build writes the others to
//!   files (`catalogue_json`, named by `Locale::catalogue_file`), which the
//!   widget loads when a reader or a page asks for that language
//!   (`web::load_catalogue`) and keeps for the page's life (`install`):
//!   6 KB gzip of wasm less for every reader (the tables were 10 KB; loading
//!   them costs the rest). Natively (tests, the build-time pre-render) all
//!   four are compiled in.
//! - Sentences are whole messages with placeholders; where a view needs an
//!   element inside one (a link, a `<code>`, text in another language),
//!   `pieces` cuts the message at that placeholder, keeping its word order.
//! - Figures: `LocalFmt` is `Intl` in the browser (`intl.rs`), the
//!   rules of each language written out natively (`format.rs`, held to `Intl`
//!   by a browser test); both share the rounding rules.

mod en;
mod es;
pub mod format;
mod fr;
#[cfg(target_arch = "wasm32")]
pub mod intl;
mod ja;

use std::cell::RefCell;

use crate::model::Stated;

/// A hash of the catalogues' sources (`build.rs`), in the names of the
/// files they are loaded from: a build asks only for its own.
pub const CATALOGUE_KEY: &str = env!("FB_I18N_KEY");

/// The entries of a loaded catalogue, in `Msg::ALL`'s order; None where it
/// has none (English is shown there).
type Loaded = &'static [Option<&'static str>];

thread_local! {
    /// French, Spanish and Japanese once loaded (`install`).
    static LOADED: RefCell<[Option<Loaded>; 3]> = const { RefCell::new([None; 3]) };
}

/// The formatter behind every number, amount and date the reader sees: the
/// browser's `Intl` in the wasm (no formatting tables shipped), and the pure
/// rules written out natively (tests, build-time pre-rendering).
#[cfg(target_arch = "wasm32")]
pub type LocalFmt = intl::IntlFmt;
#[cfg(not(target_arch = "wasm32"))]
pub type LocalFmt = format::Fmt;

/// Locales with a catalogue. Adding one means adding a catalogue module and a
/// variant here; the catalogue tests then check it is complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    Fr,
    Es,
    Ja,
}

impl Locale {
    /// In the order of the language switch: IOM's official languages, then the donor's.
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Fr, Locale::Es, Locale::Ja];

    /// The language's name in itself, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
            Locale::Es => "Español",
            Locale::Ja => "日本語",
        }
    }

    /// The BCP 47 tag for `lang` attributes, URLs and dataset text maps.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Es => "es",
            Locale::Ja => "ja",
        }
    }

    /// The tag handed to `Intl`. English is British English: IOM writes dates
    /// day first ("12 March 2021"), as the native English rules do.
    pub fn intl_tag(self) -> &'static str {
        match self {
            Locale::En => "en-GB",
            other => other.tag(),
        }
    }

    /// Whether words are written apart: not in Japanese, where a particle
    /// such as から joins the names on either side.
    pub fn spaces_words(self) -> bool {
        self != Locale::Ja
    }

    /// What closes the title's "donor to recipient" for a screen reader:
    /// Japanese marks the recipient too (日本政府から国際移住機関へ).
    pub fn title_end(self) -> &'static str {
        if self == Locale::Ja {
            "へ"
        } else {
            ""
        }
    }

    /// Whether amounts name the currency in words ("3,710万米ドル") rather than
    /// by its ISO code ("USD 37.1 million"): Japanese readers expect the word,
    /// IOM's English, French and Spanish texts use the code.
    pub fn currency_in_words(self) -> bool {
        self == Locale::Ja
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

    /// The text for `msg`; missing entries fall back to English (the tests
    /// fail on any missing entry, so the fallback only guards the reader).
    pub fn text(self, msg: Msg) -> &'static str {
        self.translation(msg).unwrap_or_else(|| en::text(msg))
    }

    /// This locale's own text for `msg`, None where its catalogue lacks it
    /// (or, in the wasm, is not loaded yet: see `is_ready`).
    ///
    /// A catalogue cannot hold a key English lacks, by construction: keys are
    /// `Msg` variants and English's match is exhaustive. What can go wrong (a
    /// missing or repeated entry, a changed placeholder) is caught by the tests.
    pub fn translation(self, msg: Msg) -> Option<&'static str> {
        match self {
            Locale::En => Some(en::text(msg)),
            #[cfg(not(target_arch = "wasm32"))]
            Locale::Fr => fr::text(msg),
            #[cfg(not(target_arch = "wasm32"))]
            Locale::Es => es::text(msg),
            #[cfg(not(target_arch = "wasm32"))]
            Locale::Ja => ja::text(msg),
            #[cfg(target_arch = "wasm32")]
            _ => self.loaded(msg),
        }
    }

    /// Whether this language's texts are at hand: English always, the
    /// others natively (compiled in) and in the wasm once loaded.
    pub fn is_ready(self) -> bool {
        cfg!(not(target_arch = "wasm32"))
            || self
                .slot()
                .is_none_or(|i| LOADED.with(|l| l.borrow().get(i).is_some_and(Option::is_some)))
    }

    /// The file, beside the wasm, that holds this language's catalogue;
    /// None for English, which is compiled in.
    pub fn catalogue_file(self) -> Option<String> {
        (self != Locale::En).then(|| format!("i18n-{}-{CATALOGUE_KEY}.json", self.tag()))
    }

    /// Where this language's loaded catalogue is kept; None for English.
    fn slot(self) -> Option<usize> {
        match self {
            Locale::En => None,
            Locale::Fr => Some(0),
            Locale::Es => Some(1),
            Locale::Ja => Some(2),
        }
    }

    /// The loaded catalogue's text for `msg`.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    fn loaded(self, msg: Msg) -> Option<&'static str> {
        let i = self.slot()?;
        LOADED.with(|l| {
            l.borrow()
                .get(i)
                .copied()
                .flatten()?
                .get(msg as usize)
                .copied()
                .flatten()
        })
    }

    /// `text(msg)` with `{name}` placeholders replaced.
    pub fn fill(self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill(self.text(msg), args)
    }
}

/// Keeps a catalogue read from its file: one entry per `Msg`, in
/// `Msg::ALL`'s order, null where it has none. Its texts live as long as the
/// page (`Locale::text` lends them out as `&'static str`); a language is
/// kept once, so a second copy (another widget loaded it too) is dropped.
pub fn install(locale: Locale, texts: Vec<Option<String>>) -> Result<(), String> {
    let Some(i) = locale.slot() else {
        return Ok(());
    };
    if texts.len() != Msg::ALL.len() {
        return Err(format!(
            "{} entries where this build has {} messages",
            texts.len(),
            Msg::ALL.len()
        ));
    }
    LOADED.with(|l| {
        if let Some(slot @ None) = l.borrow_mut().get_mut(i) {
            let texts: Vec<Option<&'static str>> = texts
                .into_iter()
                .map(|t| t.map(|t| &*Box::leak(t.into_boxed_str())))
                .collect();
            *slot = Some(Box::leak(texts.into_boxed_slice()));
        }
    });
    Ok(())
}

/// A compiled-in catalogue as its file gives it.
fn entries(table: &[(Msg, &str)]) -> Vec<Option<String>> {
    Msg::ALL
        .iter()
        .map(|m| {
            table
                .iter()
                .find(|(k, _)| k == m)
                .map(|(_, t)| (*t).to_owned())
        })
        .collect()
}

/// The catalogue file of `locale` (`Locale::catalogue_file`): a JSON array
/// of its texts in `Msg::ALL`'s order, null where it has none. Written by
/// `cargo xtask post-build`; None for English.
#[cfg(not(target_arch = "wasm32"))]
pub fn catalogue_json(locale: Locale) -> Option<String> {
    let table = match locale {
        Locale::En => return None,
        Locale::Fr => fr::TEXTS,
        Locale::Es => es::TEXTS,
        Locale::Ja => ja::TEXTS,
    };
    serde_json::to_string(&entries(table)).ok()
}

/// Keeps the compiled-in catalogues as if loaded: for browser tests, which
/// render every language without a server. Only a build that calls it
/// carries them.
pub fn install_bundled() {
    for (locale, table) in [
        (Locale::Fr, fr::TEXTS),
        (Locale::Es, es::TEXTS),
        (Locale::Ja, ja::TEXTS),
    ] {
        let _ = install(locale, entries(table));
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

/// A piece of a filled message: text, or a placeholder left for the view to
/// render as an element (a link, a `<code>`), so word order stays the catalogue's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'s> {
    Text(String),
    Slot(&'s str),
}

/// `template` cut at the placeholders named in `slots`; the text between them
/// is filled with `args`.
pub fn pieces<'s>(template: &str, slots: &[&'s str], args: &[(&str, &str)]) -> Vec<Piece<'s>> {
    let mut out = Vec::new();
    let mut rest = template;
    loop {
        let next = slots
            .iter()
            .filter_map(|&name| {
                let mark = format!("{{{name}}}");
                rest.find(&mark).map(|at| (at, at + mark.len(), name))
            })
            .min_by_key(|(at, _, _)| *at);
        let Some((at, end, name)) = next else { break };
        let head = rest.get(..at).unwrap_or_default();
        if !head.is_empty() {
            out.push(Piece::Text(fill(head, args)));
        }
        out.push(Piece::Slot(name));
        rest = rest.get(end..).unwrap_or_default();
    }
    if !rest.is_empty() {
        out.push(Piece::Text(fill(rest, args)));
    }
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
    TitleLine,
    Loading,
    Arrow,
    ForOperationsIn,
    TotalLabel,
    TotalRoundedLabel,
    ExactTotal,
    AnnouncedOn,
    StatusPledged,
    StatusAllocated,
    StatusCommitted,
    StatusPaid,
    SummaryLead,
    SummaryRegions,
    SummaryItem,
    SummaryMore,
    SummaryRemainder,
    ListSeparator,
    SentenceSeparator,
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
    RemainderDescriptionUpper,
    RemainderDescriptionPlain,
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
    OpenEndNote,
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
    SourceEntry,
    ErrorTitle,
    ErrorIntro,
    ErrorMore,
    ProblemAt,
    ProblemTooLarge,
    ProblemNotPositive,
    ProblemNotFinite,
    ProblemNegative,
    ProblemShareAboveOne,
    ProblemSharesSumAboveOne,
    ProblemAmountAboveTotal,
    ProblemAmountsSumAboveTotal,
    ProblemShareAmountDisagree,
    ProblemUnknownCurrency,
    ProblemBadDate,
    ProblemBadYear,
    ProblemEmpty,
    ProblemMissingEnglish,
    ProblemBadLocaleTag,
    ProblemBadId,
    ProblemDuplicateId,
    ProblemReservedId,
    ProblemUnknownRegion,
    ProblemUnknownBeneficiary,
    ProblemNoFigure,
    ProblemBadUrl,
    LanguageLabel,
    LanguageUnavailable,
    Retry,
    LoadHttp,
    LoadNetwork,
    LoadTimeout,
    LoadNotJson,
    LoadTooLarge,
    LoadNotUtf8,
    InternalError,
    EmbedButton,
    EmbedIntro,
    EmbedIframe,
    EmbedScript,
    CopyIframe,
    CopyElement,
    CodeCopyFailed,
    Copied,
    // Export and share (footer actions, downloaded files)
    ActionsLabel,
    DownloadCsv,
    DownloadThemesCsv,
    DownloadRegionsCsv,
    DownloadJson,
    DownloadSvg,
    DownloadPng,
    CopyLink,
    LinkCopied,
    LinkCopyFailed,
    LinkLabel,
    Downloading,
    DownloadFailed,
    ExportSource,
    // Years series, partial facts and rounded figures
    ShareAlmost,
    AmountAlmost,
    StatedAlmost,
    ShareAtMostAbout,
    AmountAtMostAbout,
    StatedAtMostAbout,
    ShareAtLeastAbout,
    AmountAtLeastAbout,
    StatedAtLeastAbout,
    StatedRemainder,
    FractionHalf,
    FractionThird,
    FractionTwoThirds,
    SummaryNoRegions,
    NoThemes,
    SummaryLeadNeutral,
    SourcesNoteNeutral,
    TotalRounded,
    CountryCount,
    DetailCountryCount,
    NamedRegionsLabel,
    FactNamed,
    PartOf,
    OpensInNewTab,
    AsideOpen,
    AsideClose,
    NoFacts,
    TabYears,
    YearsChartLabel,
    YearsHelp,
    YearGap,
    YearShown,
    YearShownLabel,
    YearOpenedLabel,
    YearsSummary,
    YearsSummaryItem,
    YearsSummaryGaps,
    YearsTableCaption,
    TableYear,
    TableFacts,
    TableSource,
    YearDetailEmpty,
    YearOpen,
    YearAnnounce,
    ProblemNoWords,
    ProblemDuplicateYear,
    ProblemYearsOutOfOrder,
    ProblemOtherCurrency,
    StatedFigures,
    Fact,
    LoadEmptySrc,
    EmbedSrcIntro,
    RemainderNamedNote,
    ProblemIsSeries,
    StatedFromAmount,
    SourcesNotePaid,
    SummaryThemes,
    SummaryThemeRemainder,
    SummaryLeadPledged,
    SummaryLeadCommitted,
    SummaryLeadPaid,
    DetailEmptyBars,
    ProblemTooPrecise,
    ProblemSyntax,
    ProblemSyntaxAt,
    ProblemLineColumn,
    ProblemEmptyFile,
    ProblemTooDeep,
    ProblemHtml,
    ProblemNotUtf8,
    ProblemTooBig,
    ProblemMissingField,
    ProblemUnknownField,
    ProblemDuplicateField,
    ProblemUnknownStated,
    ProblemUnknownValue,
    ProblemWrongType,
    ExpectNumber,
    ExpectWhole,
    ExpectWholeNotNegative,
    ExpectTexts,
    ExpectList,
    ExpectText,
    ExpectBool,
    ExpectObject,
    ExpectOneOf,
    FoundNull,
    FoundBool,
    FoundNumber,
    FoundDecimal,
    FoundText,
    FoundList,
    FoundObject,
    ProblemNoSuchDate,
    NoRegionBreakdown,
    OpenEndNoteAmount,
    SyntaxPunctuation,
    SyntaxEndsEarly,
    SyntaxComment,
    SyntaxQuote,
    SyntaxValue,
    SyntaxControl,
    SyntaxQuoteInText,
    SyntaxEscape,
    SyntaxComma,
    SyntaxColon,
    SyntaxExtraComma,
    SummaryRemainderNamed,
    LoadTooLargeRead,
    YearGapCell,
    ShareWordAbout,
    ShareWordMoreThan,
    ShareWordAtLeast,
    ShareWordAtMost,
    ShareWordLessThan,
    ShareWordAlmost,
    ShareWordAtMostAbout,
    ShareWordAtLeastAbout,
    OpensInNewTabYear,
    LanguageLoading,
    LoadBadUrl,
}

/// The message that phrases a share in words ("more than half") stated in
/// this way. It differs from `share_msg` where a language puts an article
/// before a percentage but the word carries its own (Spanish "más del 40 %",
/// "más de la mitad").
pub fn word_share_msg(stated: Stated) -> Msg {
    match stated {
        Stated::Exact => Msg::ShareExact,
        Stated::About => Msg::ShareWordAbout,
        Stated::MoreThan => Msg::ShareWordMoreThan,
        Stated::AtLeast => Msg::ShareWordAtLeast,
        Stated::AtMost => Msg::ShareWordAtMost,
        Stated::LessThan => Msg::ShareWordLessThan,
        Stated::Almost => Msg::ShareWordAlmost,
        Stated::AtMostAbout => Msg::ShareWordAtMostAbout,
        Stated::AtLeastAbout => Msg::ShareWordAtLeastAbout,
    }
}

/// The message that phrases a percentage share stated in this way.
pub fn share_msg(stated: Stated) -> Msg {
    match stated {
        Stated::Exact => Msg::ShareExact,
        Stated::About => Msg::ShareAbout,
        Stated::MoreThan => Msg::ShareMoreThan,
        Stated::AtLeast => Msg::ShareAtLeast,
        Stated::AtMost => Msg::ShareAtMost,
        Stated::LessThan => Msg::ShareLessThan,
        Stated::Almost => Msg::ShareAlmost,
        Stated::AtMostAbout => Msg::ShareAtMostAbout,
        Stated::AtLeastAbout => Msg::ShareAtLeastAbout,
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
        Stated::Almost => Msg::AmountAlmost,
        Stated::AtMostAbout => Msg::AmountAtMostAbout,
        Stated::AtLeastAbout => Msg::AmountAtLeastAbout,
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
        Stated::Almost => Msg::StatedAlmost,
        Stated::AtMostAbout => Msg::StatedAtMostAbout,
        Stated::AtLeastAbout => Msg::StatedAtLeastAbout,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ways_of_stating_are_noun_phrases_in_french_and_spanish() {
        // One column says how each share was stated, and the total's row how
        // the total was: a bare adjective ("approximatif", "no indicada")
        // agreed with one noun and not the other.
        let ways = Stated::ALL
            .into_iter()
            .map(stated_msg)
            .chain([Msg::StatedRemainder, Msg::StatedFromAmount]);
        for msg in ways {
            let fr = Locale::Fr.text(msg);
            assert!(
                ["valeur ", "borne "].iter().any(|n| fr.starts_with(n)),
                "{msg:?}: {fr}"
            );
            let es = Locale::Es.text(msg);
            assert!(
                ["valor ", "límite ", "tal como ", "no figura "]
                    .iter()
                    .any(|n| es.starts_with(n)),
                "{msg:?}: {es}"
            );
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn a_catalogue_file_reads_back_as_its_table() {
        for locale in [Locale::Fr, Locale::Es, Locale::Ja] {
            let json = catalogue_json(locale).unwrap();
            let entries: Vec<Option<String>> = serde_json::from_str(&json).unwrap();
            assert_eq!(entries.len(), Msg::ALL.len(), "{locale:?}");
            install(locale, entries).unwrap();
            for &msg in Msg::ALL {
                assert_eq!(
                    locale.loaded(msg),
                    locale.translation(msg),
                    "{locale:?} {msg:?}"
                );
                assert!(locale.loaded(msg).is_some(), "{locale:?} {msg:?}");
            }
        }
        assert_eq!(catalogue_json(Locale::En), None, "English is compiled in");
    }

    #[test]
    fn a_catalogue_is_kept_once_and_only_if_it_fits_this_build() {
        let msg = Msg::ALL[0];
        assert_eq!(Locale::Fr.loaded(msg), None, "nothing before it is loaded");
        let short = vec![Some("x".to_owned()); Msg::ALL.len() - 1];
        assert!(install(Locale::Fr, short).unwrap_err().contains("entries"));
        assert_eq!(Locale::Fr.loaded(msg), None);
        let mut first = vec![None; Msg::ALL.len()];
        first[0] = Some("premier".to_owned());
        install(Locale::Fr, first).unwrap();
        assert_eq!(Locale::Fr.loaded(msg), Some("premier"));
        assert_eq!(Locale::Fr.loaded(Msg::ALL[1]), None, "null: English shows");
        // Another widget's copy of the same file changes nothing.
        install(Locale::Fr, vec![Some("second".to_owned()); Msg::ALL.len()]).unwrap();
        assert_eq!(Locale::Fr.loaded(msg), Some("premier"));
        assert_eq!(Locale::Es.loaded(msg), None, "each language apart");
        // English has no file and nothing to keep.
        install(Locale::En, vec![]).unwrap();
        assert!(Locale::En.is_ready());
    }

    #[test]
    fn catalogue_files_are_named_by_language_and_build() {
        assert_eq!(Locale::En.catalogue_file(), None);
        let fr = Locale::Fr.catalogue_file().unwrap();
        assert_eq!(fr, format!("i18n-fr-{CATALOGUE_KEY}.json"));
        assert_eq!(CATALOGUE_KEY.len(), 16);
        assert!(CATALOGUE_KEY.chars().all(|c| c.is_ascii_hexdigit()));
        let names: std::collections::HashSet<_> = Locale::ALL
            .iter()
            .filter_map(|l| l.catalogue_file())
            .collect();
        assert_eq!(names.len(), 3);
    }

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

    /// Every table catalogue, to check what the type system cannot.
    fn tables() -> [(Locale, &'static [(Msg, &'static str)]); 3] {
        [
            (Locale::Fr, fr::TEXTS),
            (Locale::Es, es::TEXTS),
            (Locale::Ja, ja::TEXTS),
        ]
    }

    #[test]
    fn every_table_catalogue_is_listed() {
        let listed: Vec<Locale> = tables().iter().map(|(l, _)| *l).collect();
        let want: Vec<Locale> = Locale::ALL
            .into_iter()
            .filter(|l| *l != Locale::En)
            .collect();
        assert_eq!(listed, want);
    }

    #[test]
    fn no_catalogue_lacks_a_message_english_has() {
        for locale in Locale::ALL {
            let missing: Vec<Msg> = Msg::ALL
                .iter()
                .copied()
                .filter(|&m| locale.translation(m).is_none())
                .collect();
            assert!(missing.is_empty(), "{locale:?} lacks {missing:?}");
        }
    }

    #[test]
    fn no_catalogue_has_an_entry_twice() {
        for (locale, table) in tables() {
            for (i, (msg, _)) in table.iter().enumerate() {
                let again = table.iter().skip(i + 1).any(|(m, _)| m == msg);
                assert!(!again, "{locale:?} has {msg:?} twice");
            }
            // With no repeats and none missing, a table has exactly one entry per message.
            assert_eq!(
                table.len(),
                Msg::ALL.len(),
                "{locale:?}: entries vs messages"
            );
        }
    }

    #[test]
    fn every_message_has_non_empty_text_in_every_locale() {
        for locale in Locale::ALL {
            for &msg in Msg::ALL {
                let text = locale.translation(msg).unwrap_or_default();
                // Separators may be only space, or nothing (Japanese sentences).
                let separator = matches!(msg, Msg::ListSeparator | Msg::SentenceSeparator);
                assert!(
                    !text.trim().is_empty() || separator,
                    "{locale:?} {msg:?} is empty"
                );
            }
        }
    }

    #[test]
    fn french_punctuation_has_its_spaces() {
        // A no-break space before ':', a narrow one before ';', '?' and '!'
        // (fr.rs's rule): a plain or wrong space breaks the line before the mark.
        for &msg in Msg::ALL {
            let text = Locale::Fr.text(msg);
            let chars: Vec<char> = text.chars().collect();
            for (i, &c) in chars.iter().enumerate().skip(1) {
                let before = chars[i - 1];
                // "https://", "--fb-*", a time or a ratio: no space wanted.
                let next = chars.get(i + 1).copied().unwrap_or(' ');
                if c == ':' && next != ' ' && next != '\u{a0}' {
                    continue;
                }
                let want = match c {
                    ':' => '\u{a0}',
                    ';' | '?' | '!' => '\u{202f}',
                    _ => continue,
                };
                assert_eq!(before, want, "Fr {msg:?}: {c:?} at {i} in {text:?}");
            }
        }
    }

    #[test]
    fn placeholders_match_english_in_every_locale() {
        for locale in Locale::ALL {
            for &msg in Msg::ALL {
                let mut want = placeholders(Locale::En.text(msg));
                let mut got = placeholders(locale.translation(msg).unwrap_or_default());
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "{locale:?} {msg:?}");
            }
        }
    }

    #[test]
    fn translations_are_not_left_in_english() {
        // Words that really are the same in the other language.
        let same = [
            Msg::TotalLabel,
            Msg::TableTotal,
            Msg::TabSources,
            Msg::SourcesHeading,
            Msg::TableSource,
        ];
        for (locale, table) in tables() {
            for &(msg, text) in table {
                let english = Locale::En.text(msg);
                let words: String = pieces(english, &placeholders(english), &[])
                    .into_iter()
                    .filter_map(|p| match p {
                        Piece::Text(t) => Some(t),
                        Piece::Slot(_) => None,
                    })
                    .collect();
                if words.chars().any(char::is_alphabetic) && !same.contains(&msg) {
                    assert_ne!(text, english, "{locale:?} {msg:?} is still English");
                }
            }
        }
    }

    #[test]
    fn missing_entries_fall_back_to_english_at_run_time() {
        // Every catalogue is complete (tested above), so check the mechanism itself.
        assert_eq!(Locale::En.translation(Msg::TabRegion), Some("By region"));
        assert_eq!(Locale::Fr.text(Msg::TabRegion), "Par région");
        assert_eq!(
            Locale::Ja
                .translation(Msg::TabTable)
                .unwrap_or(en::text(Msg::TabTable)),
            "表"
        );
    }

    #[test]
    fn pieces_keep_the_catalogue_word_order() {
        assert_eq!(
            pieces(
                "{publisher}: {title} ({date})",
                &["title"],
                &[("publisher", "IOM"), ("date", "2021")]
            ),
            [
                Piece::Text("IOM: ".into()),
                Piece::Slot("title"),
                Piece::Text(" (2021)".into())
            ]
        );
        assert_eq!(
            pieces("{path}：{problem}", &["path", "problem"], &[]),
            [
                Piece::Slot("path"),
                Piece::Text("：".into()),
                Piece::Slot("problem")
            ]
        );
        assert_eq!(
            pieces("no slot", &["x"], &[]),
            [Piece::Text("no slot".into())]
        );
    }

    #[test]
    fn qualified_phrases_follow_each_language_order() {
        let more = |l: Locale| l.fill(Msg::AmountMoreThan, &[("amount", "X")]);
        assert_eq!(more(Locale::En), "more than X");
        assert_eq!(more(Locale::Fr), "plus de X");
        assert_eq!(more(Locale::Es), "más de X");
        assert_eq!(more(Locale::Ja), "X超");
        assert_eq!(Locale::Ja.fill(Msg::ShareAbout, &[("share", "5%")]), "約5%");
    }

    #[test]
    fn locale_tags_resolve_by_primary_subtag() {
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
        assert_eq!(Locale::from_tag("xx"), None);
        assert_eq!(Locale::from_tag("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("es-419"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("ja_JP"), Some(Locale::Ja));
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
        }
    }
}
