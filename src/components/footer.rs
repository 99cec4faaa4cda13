//! Footer actions: download the figures (CSV, JSON, SVG, PNG), copy a link to
//! the current view, and "Embed", which discloses the two embed snippets for
//! the current view and language, each with a Copy button. Results are told
//! through one status region, which screen readers announce. Also places the
//! print-only section (`export::print_view`) before the footer.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::export::{
    dataset_json, png, print_view, save, text_blob, use_print_chart, use_printing,
};
use super::{use_ctx, Shared};
use crate::describe::Describer;
use crate::embed_code;
use crate::export::{csv, filename, share_link, svg, Breakdown, Shown};
use crate::i18n::{Locale, Msg};
use crate::model::{Dataset, Series};
use crate::state::{UiState, View};

/// What the widget and its footer share without rendering each other: the
/// state shown, selections included, as of the widget's last render (Copy
/// link and the embed snippets read it), and whether the snippets are open
/// (the widget then passes the selections, so the snippets follow them).
#[derive(Default)]
pub struct FooterLink {
    pub state: UiState,
    pub open: bool,
}

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The state shown, without its selections while the embed snippets are
    /// closed: nothing else in the footer shows them, so a selection does not
    /// re-render it.
    pub state: UiState,
    pub latest: Shared<std::cell::RefCell<FooterLink>>,
}

/// Copies `text` to the clipboard; false when the browser refuses.
async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// What the status region says, kept as a message and not as text: a copy or
/// a PNG that finishes after a language switch is then told in the language
/// shown, not the one of its click.
#[derive(Clone, PartialEq)]
struct Said {
    msg: Msg,
    /// The file's name, for `Msg::Downloading`.
    file: Option<Rc<str>>,
    /// Flipped when the same message comes again, so it is a change that
    /// screen readers announce again (a trailing no-break space).
    again: bool,
}

impl Said {
    fn text(&self, locale: Locale) -> String {
        let mut text = match &self.file {
            Some(file) => locale.fill(self.msg, &[("file", file)]),
            None => locale.text(self.msg).to_owned(),
        };
        if self.again {
            text.push('\u{a0}');
        }
        text
    }
}

/// Puts `msg` in the status region.
fn announce(status: &UseStateHandle<Option<Said>>, msg: Msg, file: Option<Rc<str>>) {
    let again = match &**status {
        Some(said) if said.msg == msg && said.file == file => !said.again,
        _ => false,
    };
    status.set(Some(Said { msg, file, again }));
}

/// The files the footer offers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum File {
    RegionsCsv,
    ThemesCsv,
    Json,
    Svg,
    Png,
}

impl File {
    fn key(self) -> &'static str {
        match self {
            File::RegionsCsv => "regions-csv",
            File::ThemesCsv => "themes-csv",
            File::Json => "json",
            File::Svg => "svg",
            File::Png => "png",
        }
    }

    /// The button's text. The regions' CSV says what it holds wherever that
    /// is not plain: in the theme view, and beside the themes' own CSV.
    fn label(self, regions_named: bool) -> Msg {
        match self {
            File::RegionsCsv if regions_named => Msg::DownloadRegionsCsv,
            File::RegionsCsv => Msg::DownloadCsv,
            File::ThemesCsv => Msg::DownloadThemesCsv,
            File::Json => Msg::DownloadJson,
            File::Svg => Msg::DownloadSvg,
            File::Png => Msg::DownloadPng,
        }
    }
}

/// What the footer's files hold: the dataset shown, or in the Years view the
/// series (with the year the other views show, outlined in its chart).
#[derive(Clone)]
enum Subject {
    Dataset(Rc<Dataset>, Breakdown),
    Years(Shared<Series>, i32),
}

impl Subject {
    /// The drawing for the SVG and PNG files.
    fn drawing(&self, locale: Locale) -> svg::Drawing {
        match self {
            Subject::Dataset(data, breakdown) => {
                svg::render(&Describer::new(data, locale), *breakdown, true)
            }
            Subject::Years(series, current) => svg::render_years(series, locale, *current, true),
        }
    }

    fn chart_name(&self, ext: &str) -> String {
        match self {
            Subject::Dataset(data, breakdown) => filename::chart(data, *breakdown, ext),
            Subject::Years(series, _) => filename::years(series, ext),
        }
    }
}

/// A text file for the current view and language: content, media type, name.
fn text_file(
    file: File,
    subject: &Subject,
    locale: Locale,
) -> Result<(String, &'static str, String), JsValue> {
    const CSV: &str = "text/csv;charset=utf-8";
    let (data, breakdown) = match subject {
        Subject::Dataset(data, breakdown) => (data, *breakdown),
        Subject::Years(series, _) => {
            return Ok(match file {
                File::RegionsCsv => (
                    csv::years(series, locale),
                    CSV,
                    filename::years(series, "csv"),
                ),
                File::Json => (
                    dataset_json(&series.to_json())?,
                    "application/json",
                    filename::series_json(series),
                ),
                File::Svg => (
                    subject.drawing(locale).svg,
                    "image/svg+xml",
                    subject.chart_name("svg"),
                ),
                File::ThemesCsv | File::Png => {
                    return Err(JsValue::from_str("not a file of the Years view"))
                }
            })
        }
    };
    let d = Describer::new(data, locale);
    Ok(match file {
        File::RegionsCsv => (
            csv::regions(&d),
            CSV,
            filename::csv(data, Breakdown::Region),
        ),
        File::ThemesCsv => (
            csv::themes(&d).ok_or_else(|| JsValue::from_str("no theme amounts"))?,
            CSV,
            filename::csv(data, Breakdown::Theme),
        ),
        File::Json => (
            dataset_json(&data.to_json())?,
            "application/json",
            filename::json(data),
        ),
        File::Svg => (
            svg::render(&d, breakdown, true).svg,
            "image/svg+xml",
            filename::chart(data, breakdown, "svg"),
        ),
        File::Png => return Err(JsValue::from_str("the PNG is not a text file")),
    })
}

/// Tells the reader how a download went.
fn report(status: &UseStateHandle<Option<Said>>, saved: Result<String, JsValue>) {
    match saved {
        Ok(name) => announce(status, Msg::Downloading, Some(name.into())),
        Err(e) => {
            gloo::console::error!("funding-breakdown: download failed", e);
            announce(status, Msg::DownloadFailed, None);
        }
    }
}

#[component]
pub fn Footer(props: &FooterProps) -> Html {
    super::rendered("Footer");
    let ctx = use_ctx();
    let open = use_state(|| false);
    props.latest.borrow_mut().open = *open;
    let status = use_state(|| None::<Said>);
    let fallback = use_state(|| None::<String>);
    let footer_ref = use_node_ref();
    let fallback_ref = use_node_ref();
    let printing = use_printing();
    let print_chart = use_print_chart(props.state.view, printing);
    let d = ctx.describer();
    let panel_id = ctx.id("embed");

    // A message from before a language switch ("Link copied") is not left
    // in the old language under the new one's buttons.
    {
        let status = status.clone();
        use_effect_with(ctx.locale, move |_| {
            if status.is_some() {
                status.set(None);
            }
        });
    }

    // When the browser refused to copy, the link is shown selected instead.
    {
        let fallback_ref = fallback_ref.clone();
        use_effect_with((*fallback).clone(), move |link| {
            if link.is_some() {
                if let Some(input) = fallback_ref.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    let toggle = {
        let open = open.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(!*open);
            status.set(None);
        })
    };

    // Escape in the open panel closes it, back on its button, as a menu or a
    // dialog would: the panel is long, and Tab would go through all of it.
    let embed_button = use_node_ref();
    let onkeydown = {
        let (open, button) = (open.clone(), embed_button.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                open.set(false);
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        })
    };

    let years = props.state.view == View::Years;
    let subject = if years {
        ctx.series
            .clone()
            .map(|s| Subject::Years(s, ctx.data.contribution.operations_year))
    } else {
        Some(Subject::Dataset(
            ctx.data.clone(),
            Breakdown::of_view(props.state.view, &ctx.data),
        ))
    };
    let regions_named = !years && (props.state.view == View::Theme || ctx.data.has_theme_amounts());
    let download = |file: File| {
        let Some(subject) = subject.clone() else {
            return html! {};
        };
        let locale = ctx.locale;
        let status = status.clone();
        let footer_ref = footer_ref.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let Some(footer) = footer_ref.cast::<web_sys::Element>() else {
                return;
            };
            if file != File::Png {
                // Text files are saved at once, in the click's own task.
                let saved = text_file(file, &subject, locale).and_then(|(text, mime, name)| {
                    save(&footer, &text_blob(&text, mime)?, &name)?;
                    Ok(name)
                });
                report(&status, saved);
                return;
            }
            // The PNG waits for the browser to draw the SVG.
            let drawing = subject.drawing(locale);
            let name = subject.chart_name("png");
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let saved = match png(&drawing).await {
                    Ok(blob) => save(&footer, &blob, &name).map(|()| name),
                    Err(e) => Err(e),
                };
                report(&status, saved);
            });
        });
        html! {
            <button type="button" class="fb-button" data-export={file.key()} {onclick}>
                { d.text(file.label(regions_named)) }
            </button>
        }
    };

    let copy_link = {
        let shown = if ctx.heading == "h1" {
            Shown::Page
        } else if ctx.src.is_some() {
            Shown::ElementWithSrc
        } else {
            Shown::Element
        };
        let base = ctx.base.clone();
        // Read and formatted on click only: the footer does not render on
        // every selection.
        let latest = props.latest.clone();
        let status = status.clone();
        let fallback = fallback.clone();
        Callback::from(move |_: MouseEvent| {
            let state = latest.borrow().state.clone();
            let link = share_link(
                shown,
                &crate::web::location_href(),
                &base,
                state.locale.tag(),
                &state.to_link_hash(),
            );
            let status = status.clone();
            let fallback = fallback.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if copy(link.clone()).await {
                    fallback.set(None);
                    announce(&status, Msg::LinkCopied, None);
                } else {
                    fallback.set(Some(link));
                    announce(&status, Msg::LinkCopyFailed, None);
                }
            });
        })
    };

    let link_field = (*fallback).clone().map(|link| {
        let id = ctx.id("link");
        html! {
            <div class="fb-snippet fb-link-fallback">
                <label for={id.clone()}>{ d.text(Msg::LinkLabel) }</label>
                <input ref={fallback_ref.clone()} id={id} class="fb-code" type="url" readonly=true value={link} />
            </div>
        }
    });

    let panel = if *open {
        let state = props.latest.borrow().state.clone();
        let mut attrs: Vec<(&str, String)> = Vec::new();
        if let Some(src) = &ctx.src {
            // Absolute: the snippet is pasted into pages elsewhere.
            attrs.push(("src", crate::web::absolute_url(src)));
        }
        attrs.push(("view", state.view.as_str().to_owned()));
        if let Some(year) = state.year.filter(|_| ctx.src.is_none()) {
            attrs.push(("year", year.to_string()));
        }
        // The year selected in the Years view, unless it is the one an
        // element selects by itself: its `year`, or none.
        if let Some(ysel) = state
            .year_sel
            .filter(|y| ctx.src.is_none() && Some(*y) != state.year)
        {
            attrs.push(("ysel", ysel.to_string()));
        }
        if let Some(sel) = &state.selected {
            attrs.push(("sel", sel.clone()));
        }
        // The language shown, English too: the host's readers see what the
        // embedder chose, whatever their browsers' languages.
        attrs.push(("lang", state.locale.tag().to_owned()));
        let attrs_ref: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let element = embed_code::element(&ctx.base, &attrs_ref);
        let snippet = |key: &str, label: Msg, copy_label: Msg, code: String| {
            let id = ctx.id(&format!("embed-{key}"));
            let onclick = {
                let status = status.clone();
                let code = code.clone();
                Callback::from(move |e: MouseEvent| {
                    let status = status.clone();
                    let code = code.clone();
                    // The code's field is the button's previous sibling.
                    let field = e
                        .target_dyn_into::<web_sys::Element>()
                        .and_then(|b| b.previous_element_sibling())
                        .and_then(|f| f.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
                    wasm_bindgen_futures::spawn_local(async move {
                        // `announce`, so a second copy is announced too.
                        if copy(code).await {
                            announce(&status, Msg::Copied, None);
                        } else {
                            // Refused: the code is selected, to copy by hand.
                            if let Some(field) = field {
                                let _ = field.focus();
                                field.select();
                            }
                            announce(&status, Msg::CodeCopyFailed, None);
                        }
                    });
                })
            };
            html! {
                <div class="fb-snippet">
                    <label for={id.clone()}>{ d.text(label) }</label>
                    <textarea id={id} class="fb-code" readonly=true rows="3" spellcheck="false" value={code} />
                    <button type="button" class="fb-button" data-copy={key.to_owned()} {onclick}>
                        { d.text(copy_label) }
                    </button>
                </div>
            }
        };
        // The standalone page shows only the widget's own data: loading any
        // URL there would let anyone show made-up figures under its domain.
        // So custom data gets the element only.
        let iframe = ctx.src.is_none().then(|| {
            snippet(
                "iframe",
                Msg::EmbedIframe,
                Msg::CopyIframe,
                // With the listener: without it the frame does not fit its content.
                format!(
                    "{}\n{}",
                    embed_code::iframe(
                        &ctx.base,
                        ctx.locale.tag(),
                        &state.to_link_hash(),
                        &d.title(),
                    ),
                    embed_code::frame_script(&ctx.base)
                ),
            )
        });
        let intro = if iframe.is_some() {
            Msg::EmbedIntro
        } else {
            Msg::EmbedSrcIntro
        };
        html! {
            <div class="fb-embed" id={panel_id.clone()} {onkeydown}>
                <p class="fb-note">{ d.text(intro) }</p>
                { for iframe }
                { snippet("element", Msg::EmbedScript, Msg::CopyElement, element) }
            </div>
        }
    } else {
        html! {}
    };

    html! {
        <>
            { print_view(props.state.view, print_chart.as_ref().as_ref()) }
            <footer class="fb-footer" ref={footer_ref.clone()}>
                <div class="fb-actions" role="group" aria-label={d.text(Msg::ActionsLabel)}>
                    // Not for a year whose source splits nothing by region: the file would be its header alone.
                    if years || !ctx.data.regions.is_empty() {
                        { download(File::RegionsCsv) }
                    }
                    if ctx.data.has_theme_amounts() && !years {
                        { download(File::ThemesCsv) }
                    }
                    { download(File::Json) }
                    { download(File::Svg) }
                    { download(File::Png) }
                    <button type="button" class="fb-button" data-export="link" onclick={copy_link}>
                        { d.text(Msg::CopyLink) }
                    </button>
                    <button type="button" class="fb-button" aria-expanded={if *open { "true" } else { "false" }}
                        aria-controls={panel_id} onclick={toggle} ref={embed_button}>
                        { d.text(Msg::EmbedButton) }
                    </button>
                </div>
                { for link_field }
                { panel }
                <p class="fb-footer-status" role="status">{ status.as_ref().map(|said| said.text(ctx.locale)) }</p>
            </footer>
        </>
    }
}
