//! The standalone page's default view as HTML, rendered at build time by the
//! same components the wasm runs (yew's server renderer, natively), so a reader
//! sees the chart at first paint. `cargo xtask post-build` writes it into
//! `index.html`; when the wasm starts, `web::start` replaces it with the live
//! widget in one frame. Native only (feature `prerender`), never in the wasm.
//!
//! The live markup is rendered as it is (English, view "By region", nothing
//! selected: what the live widget shows a reader with no URL hash and an
//! English browser) and then made honest for the time before the wasm runs,
//! and for readers without JavaScript ([`make_static`]):
//!
//! - buttons and the language select are `disabled`: not focusable and
//!   announced as unavailable, rather than controls that do nothing; the
//!   select keeps only the language shown (the others' names would make the
//!   browser load a Japanese font before the first paint);
//! - the chart is an image (`role="img"`, its label), not a listbox of
//!   focusable options, and loses the keyboard help that would not work;
//! - the root is marked `data-prerendered`, which tests wait on and which the
//!   stylesheet uses, for readers without scripting, to hide the controls.
//!
//! Before it, a hidden alert ([`BOOT_FAILED`]) that `boot.js` shows when the
//! wasm cannot be fetched or started: the static copy stays, but a reader
//! learns why nothing responds.
//!
//! Without JavaScript the page also shows the table and the sources, in a
//! `<noscript>` after the widget: browsers that run scripts never lay it out,
//! so it costs JavaScript readers nothing and cannot move the takeover.
//!
//! Nothing here changes the boxes the browser lays out, so the live widget
//! takes the static copy's place without a jump (checked in
//! `tests/e2e/specs/prerender.spec.js`).

use std::rc::Rc;

use yew::prelude::*;
use yew::{BaseComponent, LocalServerRenderer};

use crate::components::app::{App, AppProps};
use crate::components::sources::SourcesView;
use crate::components::table::TableView;
use crate::components::Ctx;
use crate::i18n::Locale;
use crate::model::DEFAULT_DATA;
use crate::state::View;

/// What goes inside the page's `#funding-breakdown`: the default view in
/// `locale`, made static, then the table and sources for readers without
/// JavaScript. English is index.html's; each other language has a page of
/// its own (`embed_code::page_file`), so a French embed is French at first
/// paint rather than English until the wasm runs.
pub fn standalone_page(locale: Locale) -> Result<String, String> {
    let widget = render::<App>(crate::web::page_props(page_lang(locale)))?;
    let data = crate::web::read_dataset(DEFAULT_DATA).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!("the bundled dataset is invalid: {}", list.join("; "))
    })?;
    let figures = render::<NoScriptFigures>(NoScriptFiguresProps {
        ctx: Ctx {
            data: Rc::new(data),
            locale,
            // Its own id prefix: the widget's print section (while printing) renders the same table.
            ids: "fb1-ns".into(),
            heading: "h1",
            base: AttrValue::default(),
            src: None,
            series: None,
        },
    })?;
    let widget = make_static(&widget)?;
    if widget.matches(PRERENDERED).count() != 1 {
        return Err("pre-render: the page's widget root (section.fb-root) was not found".into());
    }
    Ok(format!(
        "{}{widget}<noscript>{figures}</noscript>",
        boot_failed_notice(locale)
    ))
}

/// What a `<funding-breakdown>` element with nothing but (at most) a `lang`
/// and a `view` of the default data shows while its wasm downloads: `view`
/// in `locale`, rendered as an element's widget renders (not standalone: an
/// `h2` title), made static like the page's. embed.js fetches it
/// (`element-<lang>-<view>-<hash>.html`, written by `cargo xtask post-build`)
/// and keeps it until the live widget has rendered in its place, so the chart
/// or the table is there long before the wasm. Not for the Years view, whose
/// series the widget fetches.
pub fn element_copy(locale: Locale, view: View) -> Result<String, String> {
    if view == View::Years {
        return Err("pre-render: the Years view has no static copy".into());
    }
    let props = AppProps {
        // Ids live in the element's shadow root: no other widget sees them.
        id_prefix: "fbs".into(),
        standalone: false,
        data: None,
        lang: Some(locale.tag().into()),
        view: Some(view.as_str().into()),
        sel: None,
        year: None,
        ysel: None,
        on_status: None,
        base: Some(AttrValue::default()),
        src: None,
        heading: None,
    };
    let widget = make_static(&render::<App>(props)?)?;
    if widget.matches(PRERENDERED).count() != 1 {
        return Err("pre-render: the element's widget root (section.fb-root) was not found".into());
    }
    Ok(widget)
}

/// The language a page's widget is given (`data-lang` on its host, read by
/// `web::start`): none for index.html, whose widget follows the reader's
/// browser as it always has.
pub fn page_lang(locale: Locale) -> Option<AttrValue> {
    (locale != Locale::En).then(|| AttrValue::from(locale.tag()))
}

/// The `<title>` and meta description of the page in `locale` (index.html's
/// own are written in it; the other pages get these).
pub fn page_head(locale: Locale) -> Result<(String, String), String> {
    let data = crate::web::read_dataset(DEFAULT_DATA)
        .map_err(|_| "the bundled dataset is invalid".to_owned())?;
    let d = crate::describe::Describer::new(&data, locale);
    Ok((d.title(), d.summary()))
}

/// The page's hidden notice that its wasm could not start, above the widget
/// (boot.js shows it): the alert, and Try again (a new start after a failed
/// one; a reload for a download still on its way).
pub fn boot_failed_notice(locale: Locale) -> String {
    format!(
        "<div class=\"fb-boot-failed\" hidden><p role=\"alert\">{}</p>\
         <button type=\"button\" class=\"fb-boot-retry\">{}</button></div>",
        boot_failed(locale),
        locale.text(crate::i18n::Msg::Retry)
    )
}

/// What the page says when its wasm cannot start (boot.js unhides it), in
/// the page's language; plain text, no markup. Here rather than in the
/// catalogues: only the build uses it, and the wasm need not carry it.
pub fn boot_failed(locale: Locale) -> &'static str {
    match locale {
        Locale::En => BOOT_FAILED,
        Locale::Fr => {
            "La version interactive de ce graphique n’a pas pu être chargée. \
            Les chiffres ci-dessous sont complets mais ne réagissent pas aux clics."
        }
        Locale::Es => {
            "No se pudo cargar la versión interactiva de este gráfico. \
            Las cifras de abajo están completas, pero no responden a los clics."
        }
        Locale::Ja => {
            "このグラフのインタラクティブ版を読み込めませんでした。\
            以下の数値はすべてそろっていますが、クリックには反応しません。"
        }
    }
}

/// English: see [`boot_failed`].
pub const BOOT_FAILED: &str = "The interactive version of this chart could not be loaded. \
    The figures below are complete but do not respond to clicks.";

/// The attribute that marks the static copy of the widget root.
pub const PRERENDERED: &str = "data-prerendered";

/// Renders a component to HTML with yew's server renderer on this thread.
fn render<C: BaseComponent>(props: C::Properties) -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("pre-render: cannot start a runtime: {e}"))?;
    let local = tokio::task::LocalSet::new();
    Ok(local.block_on(
        &runtime,
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    ))
}

#[derive(Properties, PartialEq)]
struct NoScriptFiguresProps {
    ctx: Ctx,
}

/// Every figure and the sources, for readers without JavaScript (who cannot
/// switch to the Table and Sources views).
#[component]
fn NoScriptFigures(props: &NoScriptFiguresProps) -> Html {
    html! {
        <ContextProvider<Ctx> context={props.ctx.clone()}>
            <div class="fb-root fb-noscript" lang={props.ctx.locale.tag()}>
                <TableView />
                <SourcesView />
            </div>
        </ContextProvider<Ctx>>
    }
}

/// One start tag of yew's server output: its name and attributes, values as
/// written (already escaped).
#[derive(Debug, PartialEq)]
struct Tag {
    name: String,
    attrs: Vec<(String, Option<String>)>,
}

impl Tag {
    fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.as_deref())
    }

    fn has_class(&self, class: &str) -> bool {
        self.get("class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
    }

    fn remove(&mut self, name: &str) {
        self.attrs.retain(|(k, _)| k != name);
    }

    fn set(&mut self, name: &str, value: Option<&str>) {
        let value = value.map(str::to_owned);
        match self.attrs.iter_mut().find(|(k, _)| k == name) {
            Some(attr) => attr.1 = value,
            None => self.attrs.push((name.to_owned(), value)),
        }
    }

    fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        for (k, v) in &self.attrs {
            out.push(' ');
            out.push_str(k);
            if let Some(v) = v {
                out.push_str("=\"");
                out.push_str(v);
                out.push('"');
            }
        }
        out.push('>');
    }
}

/// Elements yew writes without an end tag (its server renderer's list).
const VOID: [&str; 15] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "textarea",
];

/// Reads the start tag at the beginning of `s` (just after its `<`); returns
/// the tag and the rest after its `>`. Yew's output always double-quotes values
/// and escapes `"` in them.
fn start_tag(s: &str) -> Result<(Tag, &str), String> {
    let bad = |why: &str| format!("pre-render: unexpected markup ({why}) at: {:.60}", s);
    let name_end = s
        .find(|c: char| c.is_ascii_whitespace() || c == '>')
        .ok_or_else(|| bad("unclosed tag"))?;
    let (name, mut rest) = s.split_at(name_end);
    let mut tag = Tag {
        name: name.to_owned(),
        attrs: Vec::new(),
    };
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('>') {
            return Ok((tag, after));
        }
        let key_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>')
            .ok_or_else(|| bad("unclosed tag"))?;
        let (key, after) = rest.split_at(key_end);
        if key.is_empty() {
            return Err(bad("empty attribute name"));
        }
        if let Some(value) = after.strip_prefix("=\"") {
            let end = value.find('"').ok_or_else(|| bad("unclosed value"))?;
            let (value, after) = value.split_at(end);
            tag.attrs.push((key.to_owned(), Some(value.to_owned())));
            rest = after.get(1..).unwrap_or_default();
        } else if after.starts_with('=') {
            return Err(bad("unquoted value"));
        } else {
            tag.attrs.push((key.to_owned(), None));
            rest = after;
        }
    }
}

/// The live widget's markup made static (see the module documentation).
/// Only start tags change; text, end tags and structure stay as rendered,
/// apart from the chart's keyboard help, which is left out.
pub fn make_static(html: &str) -> Result<String, String> {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    let mut marked_root = false;
    // Id of an element to leave out (the chart's keyboard help) and, while
    // leaving it out, how deep inside it we are.
    let mut drop_id: Option<String> = None;
    let mut dropping = 0usize;
    while let Some(lt) = rest.find('<') {
        let (text, tail) = rest.split_at(lt);
        if dropping == 0 {
            out.push_str(text);
        }
        let tail = tail.get(1..).unwrap_or_default();
        if let Some(end_tag) = tail.strip_prefix('/') {
            let close = end_tag
                .find('>')
                .ok_or("pre-render: unclosed end tag in the markup")?;
            if dropping > 0 {
                dropping -= 1;
            } else {
                out.push_str("</");
                out.push_str(end_tag.get(..=close).unwrap_or_default());
            }
            rest = end_tag.get(close + 1..).unwrap_or_default();
            continue;
        }
        let (mut tag, after) = start_tag(tail)?;
        rest = after;
        let void = VOID.contains(&tag.name.to_ascii_lowercase().as_str());
        if dropping > 0 {
            if !void {
                dropping += 1;
            }
            continue;
        }
        if drop_id.is_some() && tag.get("id") == drop_id.as_deref() {
            if !void {
                dropping = 1;
            }
            continue;
        }
        // The disabled select keeps only the language shown: laying out the
        // others' names would load a Japanese font before the first paint.
        if tag.name == "option" && tag.get("selected").is_none() {
            dropping = 1;
            continue;
        }
        if !marked_root && tag.name == "section" && tag.has_class("fb-root") {
            tag.set(PRERENDERED, None);
            marked_root = true;
        }
        match tag.name.as_str() {
            "button" | "select" => {
                tag.set("disabled", None);
                // Disabled controls are never focusable; say so in the markup
                // too. A tab outside the roving stop keeps its -1: the copy's
                // controls are enabled before the widget comes, and every tab
                // was then a Tab stop, as in no tab list.
                if tag.get("tabindex") != Some("-1") {
                    tag.remove("tabindex");
                }
            }
            "svg" if tag.get("role") == Some("listbox") => {
                tag.set("role", Some("img"));
                drop_id = tag.get("aria-describedby").map(str::to_owned);
                tag.remove("aria-describedby");
            }
            _ => {}
        }
        if tag.get("role") == Some("option") {
            for name in ["role", "aria-selected", "aria-label", "tabindex"] {
                tag.remove(name);
            }
        }
        tag.write(&mut out);
    }
    if dropping > 0 {
        return Err("pre-render: the markup ends inside an element".into());
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_as_yew_writes_them() {
        let (tag, rest) = start_tag(r#"path id="a" d="M0 0" fill="url(#h)">x"#).unwrap();
        assert_eq!(tag.name, "path");
        assert_eq!(tag.get("fill"), Some("url(#h)"));
        assert_eq!(rest, "x");
        let (tag, _) = start_tag(r#"option value="en" selected>"#).unwrap();
        assert_eq!(tag.attrs.get(1), Some(&("selected".to_owned(), None)));
        let (tag, _) = start_tag(r#"a title="1 &gt; 0 &quot;q&quot;">"#).unwrap();
        assert_eq!(tag.get("title"), Some("1 &gt; 0 &quot;q&quot;"));
        assert!(start_tag(r#"a href="x"#).is_err());
        assert!(start_tag("a href=x>").is_err());
    }

    #[test]
    fn controls_are_disabled_and_the_chart_is_an_image() {
        let live = concat!(
            r#"<section class="fb-root" lang="en"><button type="button" class="fb-tab">A</button>"#,
            r#"<select id="l"><option value="en" selected="selected">English</option><option value="ja">日本語</option></select>"#,
            r#"<figure><svg role="listbox" aria-label="Chart" aria-describedby="h">"#,
            r#"<path role="option" aria-selected="false" aria-label="Asia: 20%" tabindex="0" d="M0"></path>"#,
            r#"</svg><figcaption id="h">Use the <b>arrow</b> keys</figcaption></figure>"#,
            r#"<img src="x" alt=""><p>a &lt; b</p></section>"#,
        );
        assert_eq!(
            make_static(live).unwrap(),
            concat!(
                r#"<section class="fb-root" lang="en" data-prerendered><button type="button" class="fb-tab" disabled>A</button>"#,
                r#"<select id="l" disabled><option value="en" selected="selected">English</option></select>"#,
                r#"<figure><svg role="img" aria-label="Chart">"#,
                r#"<path d="M0"></path>"#,
                r#"</svg></figure>"#,
                r#"<img src="x" alt=""><p>a &lt; b</p></section>"#,
            )
        );
        assert!(make_static("<div><p id=\"x\"").is_err());
    }

    /// The page as `cargo xtask post-build` writes it.
    fn page() -> String {
        standalone_page(Locale::En).unwrap()
    }

    #[test]
    fn each_language_has_its_own_static_copy() {
        for locale in Locale::ALL {
            let page = standalone_page(locale).unwrap();
            let (widget, noscript) = page.split_once("<noscript>").unwrap();
            let lang = format!(r#"<section lang="{}""#, locale.tag());
            assert!(widget.contains(&lang), "{locale:?}");
            assert!(noscript.starts_with(&format!(r#"<div lang="{}""#, locale.tag())));
            assert!(page.contains(boot_failed(locale)));
            assert!(!boot_failed(locale).contains(['<', '&']));
        }
        let fr = standalone_page(Locale::Fr).unwrap();
        assert!(fr.contains("plus de 40"), "{fr}");
        assert!(fr.contains(">Par région<"));
        assert!(fr.contains(
            r#"<option lang="fr" value="fr" selected="selected">Français</option></select>"#
        ));
        let ja = standalone_page(Locale::Ja).unwrap();
        assert!(
            ja.contains("3,710万米ドル"),
            "{}",
            &ja[ja.find("fb-total\"").unwrap()..][..200]
        );
        assert_eq!(page_lang(Locale::En), None);
        assert_eq!(page_lang(Locale::Ja).as_deref(), Some("ja"));
        let (title, description) = page_head(Locale::Fr).unwrap();
        assert!(title.starts_with("Répartition du financement"), "{title}");
        assert!(description.contains("plus de 40"), "{description}");
    }

    #[test]
    fn the_page_shows_the_default_view_in_english() {
        let page = page();
        // Headline, total, chart with one mark per part, legend: what a reader sees first.
        assert!(page.contains(r#"<h1 class="fb-title">"#), "{page}");
        // (Breakable between its words, as the live widget's: figure_breakable.)
        assert!(page.contains(r#"class="fb-total">USD 37.1 million</span>"#));
        assert!(page.contains(r#"role="img" aria-label="Share of the total by region""#));
        assert_eq!(page.matches(r#"<path id="fb1-mark-"#).count(), 4);
        assert_eq!(page.matches(r#"<li class="fb-legend-item"#).count(), 4);
        assert!(page.contains("more than 40%"));
        assert!(page.contains(r#"aria-selected="true" aria-controls="fb1-panel""#));
        assert!(page.contains(r#"data-view="region""#));
        // Each tab's name for the stylesheet's unseen bold copy (the tab's width).
        assert!(
            page.contains(r#"data-view="region" data-text="By region""#),
            "{page}"
        );
        assert_eq!(page.matches(PRERENDERED).count(), 1);
    }

    #[test]
    fn an_element_gets_its_own_static_copy_per_language_and_view() {
        for locale in Locale::ALL {
            let copy = element_copy(locale, View::Region).unwrap();
            // The element's widget: an h2 title, not the page's h1; static like the page's.
            assert!(
                copy.starts_with(&format!(r#"<section lang="{}""#, locale.tag())),
                "{locale:?}"
            );
            assert!(copy.contains(r#"<h2 class="fb-title">"#), "{copy}");
            assert!(!copy.contains("<h1"));
            assert_eq!(copy.matches(PRERENDERED).count(), 1);
            assert_eq!(copy.matches(r#"<path id="fbs-mark-"#).count(), 4);
            assert!(!copy.contains("role=\"listbox\""));
            assert_eq!(
                copy.matches("<button ").count(),
                copy.matches(" disabled>").count() - copy.matches("<select ").count()
            );
            // Nothing for readers without JavaScript (they get no element at
            // all) and no alert: embed.js says itself when the wasm fails.
            assert!(!copy.contains("<noscript") && !copy.contains("fb-boot-failed"));
        }
        assert!(element_copy(Locale::Fr, View::Region)
            .unwrap()
            .contains(">Par région<"));
        assert!(element_copy(Locale::En, View::Region)
            .unwrap()
            .contains("more than 40%"));
        // Each view's copy has its own tab selected and its own panel.
        for (view, panel) in [
            (View::Theme, "fb-themes"),
            (View::Table, "<table"),
            (View::Sources, "fb-sources"),
        ] {
            let copy = element_copy(Locale::En, view).unwrap();
            let selected = format!(
                r#"aria-selected="true" aria-controls="fbs-panel" data-view="{}""#,
                view.as_str()
            );
            assert!(copy.contains(&selected), "{view:?}: {copy}");
            assert!(copy.contains(panel), "{view:?}");
            assert_eq!(copy.matches(PRERENDERED).count(), 1);
        }
        assert!(element_copy(Locale::En, View::Years).is_err());
    }

    #[test]
    fn a_hidden_alert_says_when_the_wasm_cannot_start() {
        let page = page();
        let alert = format!(
            r#"<div class="fb-boot-failed" hidden><p role="alert">{BOOT_FAILED}</p><button type="button" class="fb-boot-retry">Try again</button></div>"#
        );
        // First in the host, above the widget it explains; boot.js finds it by class.
        assert!(page.starts_with(&alert), "{}", &page[..200]);
        assert_eq!(page.matches("fb-boot-failed").count(), 1);
        assert!(!BOOT_FAILED.contains(['<', '&']));
    }

    #[test]
    fn nothing_in_the_static_page_pretends_to_work() {
        let page = page();
        let (widget, _) = page.split_once("<noscript>").unwrap();
        // Past the hidden notice, whose Try again boot.js shows when the wasm failed.
        let (notice, widget) = widget.split_once("</div>").unwrap();
        assert!(notice.starts_with("<div class=\"fb-boot-failed\" hidden>"));
        assert_eq!(
            widget.matches("<button ").count(),
            widget.matches(" disabled>").count() - widget.matches("<select ").count()
        );
        assert_eq!(widget.matches("<select ").count(), 1);
        assert!(!widget.contains("role=\"option\""));
        assert!(!widget.contains("role=\"listbox\""));
        assert!(!widget.contains("fb1-mark--help"));
        // What stays focusable works without the wasm: the total's exact figure, the panel.
        let focusable: Vec<&str> = widget
            .split('<')
            .filter(|t| t.contains("tabindex=\"0\""))
            .map(|t| t.split_whitespace().next().unwrap_or_default())
            .collect();
        assert_eq!(focusable, ["span", "div"], "{widget}");
        // The tabs other than the one shown stay out of the Tab order once
        // the copy's controls are enabled, as in the live tab list.
        let tabs: Vec<&str> = widget
            .split("<button")
            .filter(|t| t.contains("role=\"tab\""))
            .collect();
        assert!(tabs.len() >= 4, "{widget}");
        assert_eq!(
            tabs.iter()
                .filter(|t| t.contains("tabindex=\"-1\""))
                .count(),
            tabs.len() - 1,
            "{tabs:?}"
        );
        // The select names only the language shown; the print section is the
        // wasm's, made only while printing.
        assert_eq!(widget.matches("<option ").count(), 1);
        assert!(widget.contains(
            r#"<option lang="en" value="en" selected="selected">English</option></select>"#
        ));
        assert!(!widget.contains("fb-print-only"));
    }

    #[test]
    fn readers_without_javascript_get_the_table_and_the_sources() {
        let page = page();
        let (_, noscript) = page.split_once("<noscript>").unwrap();
        assert!(noscript.starts_with(r#"<div lang="en" class="fb-root fb-noscript">"#));
        assert!(noscript.ends_with("</div></noscript>"));
        assert!(noscript.contains(r#"<table role="table" class="fb-table">"#));
        assert!(noscript.contains(&format!("USD{}14,840,306.80", '\u{a0}')));
        assert!(noscript.contains(r#"<h2 class="fb-h3">"#));
        assert!(noscript.contains("https://www.iom.int/"));
        assert!(!noscript.contains("<noscript"));
        // Ids of its own, never the widget's.
        assert!(noscript.contains(r#"id="fb1-ns-caption-regions""#));
        assert!(!noscript.contains(r#"id="fb1-caption"#));
    }
}
