//! Trunk post-build hook (`cargo xtask post-build`, see Trunk.toml): writes the
//! two stable entry points next to Trunk's hashed assets.
//!
//! - `boot.js` loads the page's wasm. Trunk's own loader is an inline
//!   `<script>`, which a strict CSP (`script-src 'self'`) forbids, so
//!   Trunk.toml's `pattern_script` points the page at this file instead.
//! - `embed.js` is `static/embed.js` (the custom element) with the hashed
//!   file names filled in, so host pages can use one stable URL.
//! - `index.html` gets the widget's default view, rendered by the same
//!   components (`funding_breakdown::prerender`), in place of its
//!   [`PRERENDER_MARKER`], so the chart is there at first paint, and its
//!   stylesheet and head script (the language check) inline ([`inline_css`], [`with_lang_js`]),
//!   so that paint waits for no other request.
//! - `csp.txt`: the policy the pages work under, with the hashes of their
//!   inline code ([`page_csp`]).
//! - `index.fr.html`, `index.es.html`, `index.ja.html`: the same page with the
//!   view rendered in that language, its `<html lang>`, title and
//!   description, and `data-lang` on the host for the wasm
//!   ([`localize_page`]); index.html gets the English title and description
//!   (from the bundled data, as the others: the source's are placeholders).
//!   The widget's iframe snippet points at the page of the language it shows.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use funding_breakdown::embed_code::page_file;
use funding_breakdown::i18n::Locale;
use funding_breakdown::prerender;
use funding_breakdown::state::View;

/// Hashed asset names Trunk produced in the staging directory.
#[derive(Debug, PartialEq, Eq)]
pub struct Assets {
    pub glue: String,
    pub wasm: String,
    pub css: String,
}

/// Finds the wasm-bindgen glue, the wasm and the widget stylesheet by name.
pub fn find_assets(names: &[String]) -> Result<Assets, String> {
    let one = |what: &str, pick: &dyn Fn(&str) -> bool| -> Result<String, String> {
        let found: Vec<&String> = names.iter().filter(|n| pick(n)).collect();
        match found.as_slice() {
            [only] => Ok((*only).clone()),
            [] => Err(format!("post-build: no {what} in the build output")),
            _ => Err(format!("post-build: several {what} files: {found:?}")),
        }
    };
    Ok(Assets {
        glue: one("wasm-bindgen glue (funding-breakdown*.js)", &|n| {
            n.starts_with("funding-breakdown") && n.ends_with(".js")
        })?,
        wasm: one("wasm (*_bg.wasm)", &|n| n.ends_with("_bg.wasm"))?,
        css: one("stylesheet (widget*.css)", &|n| {
            n.starts_with("widget") && n.ends_with(".css")
        })?,
    })
}

/// The page loader, `xtask/boot.js` with the hashed names, the SRI values and
/// the languages filled in: same work as Trunk's inline script, from a file
/// (a strict CSP forbids inline scripts), and more.
///
/// **The wasm waits for the reader.** The page's pre-rendered copy of the
/// default view is the whole default view, so boot.js fetches the glue and
/// the wasm (about 200 KB gzip of the page's 215) only at the reader's first
/// move toward the widget: a mouse or pen over the page or pressed on it (an
/// iframe embed's page is only under the pointer when the pointer is over
/// the iframe), focus, a click or a tap (a finger may be scrolling past, so
/// touch counts only once it taps), or a new URL hash. Until then the copy's
/// buttons, disabled for readers without JavaScript, are enabled; a click on
/// one of them (a tab, a legend entry, a mark) starts the wasm and is given
/// again to the same control of the live widget once it has rendered, and
/// the copy is `aria-busy` (with a progress cursor) meanwhile. A reader who
/// only looks at the chart downloads ~16 KB. The cost is the first
/// interaction's wait for the download and start, which `cargo xtask bench`
/// measures ("first interaction").
///
/// The wasm starts at once when the static copy is not what the live widget
/// would show: a URL hash with another view, a selection, a year, or a
/// language other than the copy's (or a browser language, on a page the host
/// renamed, that is not the copy's); a page with no copy; focus already in
/// the copy. It then compiles after the copy has painted (a frame, then a
/// task; 100 ms at most where frames are throttled: a hidden tab, an
/// offscreen iframe): compiling on the cores the first layout needs made the
/// static chart paint ~20 ms later on a 2-core machine, and so did
/// downloading it during that layout. Trunk's preloads of the wasm and the
/// glue, which [`take_preload`] removes, would fetch them while the
/// stylesheet was still on its way, and whether or not the reader interacts.
/// Their SRI values are checked by this fetch and by the `modulepreload`
/// link boot.js adds for the glue before it `import()`s it (the module map
/// shares that fetch).
///
/// While the wasm downloads, a task creates an `Intl.NumberFormat` and an
/// `Intl.DateTimeFormat`: the first use of `Intl` in a page loads the
/// browser's ICU data, ~50 ms of main thread here, which the widget's first
/// render paid after the download (throttled to 1.6 Mbps: interactive 3,379
/// → 3,330 ms, median of 8; on localhost the download is too short to hide it).
///
/// A reader who tabbed into the static copy keeps their place: the element
/// focused last (when this module runs, or after) is found again in the live
/// widget (by id, else by its first class and `data-id`: the panel, the
/// total, a legend entry) once `init` has rendered it (trying for half a
/// second), if the takeover left the focus on the body or on the removed copy
/// (where Chromium's focus fixup has not yet run). Focus the reader moved
/// away (a click on the page) is not given back: a `focusout` says where
/// focus went, unless its element was just removed (Chromium sends one from
/// the replaced copy, which is out of the page by the next microtask).
///
/// If the wasm cannot be fetched or started, the static copy stays and the
/// page's hidden alert (`prerender::BOOT_FAILED`) is shown. The failed fetch
/// gets a handler at once, so it is reported once, by `init`.
///
/// Where a Content-Security-Policy without the hashes of [`page_csp`]
/// blocked the page's inline stylesheet (its `<style>` then has no sheet) or
/// head script (its `data-src` is still there), boot.js first links the
/// stylesheet's file, then runs lang.js (so an iframe's first height is the
/// styled page's), the page hidden meanwhile: the page works, after a frame
/// without styles and a blank moment.
///
/// A tap before boot.js ([`lang_js`]) is the reader's first move even where
/// it focused the copy's panel (which otherwise starts the wasm at once):
/// the copy is busy meanwhile and a later tap still counts. A replayed click
/// on a button focuses it, as a click does.
///
/// On a page [`lang_js`] is leaving, it does nothing.
///
/// Release builds minify it with terser, like the glue.
pub fn boot_js(a: &Assets, wasm_integrity: Option<&str>, glue_integrity: Option<&str>) -> String {
    include_str!("../boot.js")
        .replace("__FB_LANGS__", &langs_js())
        .replace("__FB_I18N_KEY__", funding_breakdown::i18n::CATALOGUE_KEY)
        .replace("__FB_WASM__", &a.wasm)
        .replace("__FB_GLUE__", &a.glue)
        .replace(
            "__FB_WASM_OPTIONS__",
            &wasm_integrity.map_or(String::new(), |i| format!(", {{ integrity: '{i}' }}")),
        )
        .replace(
            "__FB_GLUE_OPTIONS__",
            &glue_integrity.map_or(String::new(), |i| format!(", integrity: '{i}'")),
        )
}

/// The pages' head script, `xtask/lang.js` with the languages filled in:
/// index.html's language check, and on every page a record of a tap or a
/// click that comes before boot.js and, in an iframe, the page's height
/// posted to the parent on every change (README, "Embed"), from the first
/// layout (before boot.js, which may never run).
///
/// On index.html (by that name or as its directory; a page the host renamed
/// may have no siblings), a reader whose link or browser asks for another of
/// the widget's languages is sent at once to that language's page: it shows
/// that language from its first paint, where index.html would show English
/// until the wasm runs and then change every word. The languages and their
/// pages are `Locale::ALL` and `embed_code::page_file`; the choice is
/// `web::browser_locale`'s (and the hash's `lang`, which wins), in JavaScript.
///
/// A classic script inline in the head ([`with_lang_js`]), not part of
/// boot.js: a module runs only once the page is parsed, and on a slow network
/// the English page had painted by then (about a second at 400 kbps), then
/// changed to the other language's. The page is hidden while the browser
/// goes. As a file (until the eighteenth session) it cost every reader a
/// request before the first paint; the file stays for boot.js to run where a
/// policy without the inline script's hash blocked it.
///
/// Inline, the page paints before boot.js has come (on a slow network,
/// 0.4 s before: a round trip), and its copy's buttons are disabled until
/// boot.js enables them. The script keeps the target of the last `pointerup`
/// or `click` meanwhile (`self.fbTap`; a disabled button gets no click), and
/// boot.js takes it as the reader's first move: a tap in that gap is not lost.
pub fn lang_js() -> String {
    include_str!("../lang.js").replace("__FB_LANGS__", &langs_js())
}

/// A page's `<head>` with `script` (the text of [`lang_js`], minified in
/// a release) inline first, after the charset (which must come within the
/// first 1024 bytes): inline, it costs the first paint no request. Its
/// `data-src` names the file boot.js runs instead when a policy without the
/// script's hash ([`page_csp`]) has blocked it; the script removes it.
pub fn with_lang_js(page: &str, script: &str) -> Result<String, String> {
    if script.to_ascii_lowercase().contains("</script") {
        return Err("post-build: lang.js cannot go inline: it contains </script".into());
    }
    after_charset(
        page,
        &format!("<script data-src=./lang.js>{script}</script>"),
    )
}

/// `page` with `tag` first in its head, after the charset (which must come
/// within the first 1024 bytes).
fn after_charset(page: &str, tag: &str) -> Result<String, String> {
    const CHARSET: &str = "<meta charset=utf-8>";
    let at = page
        .find(CHARSET)
        .or_else(|| page.find("<meta charset=\"utf-8\">").map(|i| i + 2))
        .ok_or("post-build: index.html has no <meta charset=utf-8>")?
        + CHARSET.len();
    Ok(format!("{}{tag}{}", &page[..at], &page[at..]))
}

/// How the pages carry their stylesheet and head script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageCode {
    /// Inline (the default): the first paint waits for no other request, and
    /// the pages' policy needs the two hashes of `csp.txt`.
    Inline,
    /// As files (`FB_INLINE=0` at build time), for a site whose policy cannot
    /// follow the hashes from one release to the next: a round trip more
    /// before the first paint (on a slow network, half a second), and
    /// `style-src 'self'` is enough.
    Files,
}

impl PageCode {
    /// From `FB_INLINE`, unset or `1` for inline, `0` for files.
    pub fn from_env(value: Option<&str>) -> Result<PageCode, String> {
        match value.map(str::trim) {
            None | Some("" | "1") => Ok(PageCode::Inline),
            Some("0") => Ok(PageCode::Files),
            Some(v) => Err(format!("post-build: FB_INLINE is 0 or 1, not {v:?}")),
        }
    }
}

/// A page as served: its stylesheet and head script (`lang`, the text of
/// [`lang_js`] as built) inline, or as files: Trunk's stylesheet link stays,
/// and lang.js is linked first in the head, a classic script that runs
/// before the page is parsed, as it does inline.
pub fn finish_page(
    page: &str,
    code: PageCode,
    css_name: &str,
    css: &str,
    lang: &str,
) -> Result<String, String> {
    match code {
        PageCode::Inline => with_lang_js(&inline_css(page, css_name, css)?, lang),
        PageCode::Files => after_charset(page, "<script src=./lang.js></script>"),
    }
}

/// `page` with its `<link rel=stylesheet>` of the build's stylesheet `name`
/// replaced by `css`, the stylesheet's text, in a `<style>`: the first paint
/// waits for no request but the page's (on a slow network, a round trip and
/// half a second fewer; ARCHITECTURE.md, "First paint"). Its `data-href` is
/// the file boot.js links instead when a policy without the text's hash
/// ([`page_csp`]) has blocked it. The file stays for that and for embed.js.
pub fn inline_css(page: &str, name: &str, css: &str) -> Result<String, String> {
    if css.to_ascii_lowercase().contains("</style") {
        return Err(format!(
            "post-build: {name} cannot go inline: it contains </style"
        ));
    }
    let found: Vec<(usize, usize, &str)> = crate::size::start_tags(page)
        .filter_map(|(start, end)| {
            let tag = &page[start..end];
            let href = crate::size::attribute(tag, "href")?;
            (tag.starts_with("link")
                && crate::size::attribute(tag, "rel") == Some("stylesheet")
                && href.rsplit('/').next() == Some(name))
            .then_some((start, end, href))
        })
        .collect();
    let [(start, end, href)] = found[..] else {
        return Err(format!(
            "post-build: index.html has {} stylesheet links to {name}, expected Trunk's one",
            found.len()
        ));
    };
    // `start` is just after the `<`, `end` at the `>`.
    Ok(format!(
        "{}<style data-href={href}>{css}</style>{}",
        &page[..start - 1],
        &page[end + 1..]
    ))
}

/// The Content-Security-Policy the widget's pages work under as built: no
/// inline code but the stylesheet `css` and the head script `script`,
/// allowed by their SHA-256 hashes; the wasm needs `'wasm-unsafe-eval'`.
/// The build writes it to `csp.txt` (README, "Content-Security-Policy").
/// With [`PageCode::Files`] there is no inline code, and no hash.
pub fn page_csp(code: PageCode, css: &str, script: &str) -> Result<String, String> {
    let hash = |text: &str| -> Result<String, String> {
        Ok(match code {
            PageCode::Inline => format!(" 'sha256-{}'", digest_base64("sha256", text.as_bytes())?),
            PageCode::Files => String::new(),
        })
    };
    Ok(format!(
        "default-src 'self'; base-uri 'none'; object-src 'none'; \
         script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; img-src 'self' data:",
        hash(script)?,
        hash(css)?
    ))
}

/// The widget's languages as JavaScript array items: `'en','fr','es','ja'`.
fn langs_js() -> String {
    let tags: Vec<String> = Locale::ALL
        .iter()
        .map(|l| format!("'{}'", l.tag()))
        .collect();
    tags.join(",")
}

/// `static/embed.js` with its placeholders replaced by the hashed names;
/// `copies` names each language's static copy for elements (`copies_js`).
pub fn embed_js(template: &str, a: &Assets, copies: &str) -> Result<String, String> {
    for placeholder in [
        "__FB_GLUE__",
        "__FB_WASM__",
        "__FB_CSS__",
        "__FB_I18N_KEY__",
        "__FB_LANGS__",
        "__FB_COPIES__",
    ] {
        if !template.contains(placeholder) {
            return Err(format!("post-build: static/embed.js lacks {placeholder}"));
        }
    }
    Ok(template
        .replace("__FB_LANGS__", &langs_js())
        .replace("__FB_I18N_KEY__", funding_breakdown::i18n::CATALOGUE_KEY)
        .replace("__FB_GLUE__", &a.glue)
        .replace("__FB_WASM__", &a.wasm)
        .replace("__FB_CSS__", &a.css)
        .replace("__FB_COPIES__", copies))
}

/// An element's static copy of one view in one language
/// (`prerender::element_copy`) and the file it goes to, named by a hash of
/// its content, so no cache ever serves one build's copy to another's wasm.
pub fn element_copy(locale: Locale, view: View) -> Result<(String, String), String> {
    let copy = prerender::element_copy(locale, view).map_err(|e| format!("post-build: {e}"))?;
    // FNV-1a, 64 bits: a name, not a defence.
    let hash = copy.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    Ok((
        format!(
            "element-{}-{}-{hash:016x}.html",
            locale.tag(),
            view.as_str()
        ),
        copy,
    ))
}

/// The JS object embed.js looks an element's copy up in, by language and
/// view: `{en:{region:'element-en-region-….html',…},…}`.
pub fn copies_js(files: &[(Locale, View, String)]) -> String {
    let langs: Vec<String> = Locale::ALL
        .into_iter()
        .filter_map(|l| {
            let views: Vec<String> = files
                .iter()
                .filter(|(fl, _, _)| *fl == l)
                .map(|(_, v, name)| format!("{}:'{name}'", v.as_str()))
                .collect();
            (!views.is_empty()).then(|| format!("{}:{{{}}}", l.tag(), views.join(",")))
        })
        .collect();
    format!("{{{}}}", langs.join(","))
}

/// Where index.html wants the pre-rendered widget: the whole content of
/// `#funding-breakdown`.
pub const PRERENDER_MARKER: &str = "<!-- fb:prerender -->";

/// `page` with `markup` as the content of `#funding-breakdown`, in place of
/// [`PRERENDER_MARKER`]. A release build's index.html is minified by Trunk
/// first (comments dropped, attributes unquoted and reordered), so the root
/// is found by its id, and must be empty apart from the marker.
pub fn insert_prerendered(page: &str, markup: &str) -> Result<String, String> {
    let roots: Vec<(usize, usize)> = crate::size::start_tags(page)
        .filter(|&(start, end)| {
            page.get(start..end)
                .and_then(|tag| crate::size::attribute(tag, "id"))
                == Some("funding-breakdown")
        })
        .collect();
    let [(_, end)] = roots[..] else {
        return Err(format!(
            "post-build: index.html must have one element with id funding-breakdown (found {})",
            roots.len()
        ));
    };
    // `end` is the index of the start tag's `>`.
    let content = end + 1;
    let rest = &page[content..];
    let inside = rest.split("</div>").next().unwrap_or_default();
    if !inside.trim().is_empty() && inside.trim() != PRERENDER_MARKER {
        return Err(format!(
            "post-build: #funding-breakdown must be empty or hold only {PRERENDER_MARKER}"
        ));
    }
    Ok(format!(
        "{}{markup}{}",
        &page[..content],
        &rest[inside.len()..]
    ))
}

/// `<link rel=preload>`/`<link rel=modulepreload>` tags in `page` (quoted or
/// not, as minified HTML writes them): (start, end) of each tag's text.
fn preload_links(page: &str) -> Vec<(usize, usize)> {
    crate::size::start_tags(page)
        .filter(|&(start, end)| {
            let tag = &page[start..end];
            tag.starts_with("link")
                && matches!(
                    crate::size::attribute(tag, "rel"),
                    Some("preload" | "modulepreload")
                )
        })
        .collect()
}

/// `page` without Trunk's one preload link of a file whose name ends with
/// `suffix` (boot.js fetches it when the reader needs it), and that link's
/// `integrity` value, if any, for boot.js to check.
pub fn take_preload(page: &str, suffix: &str) -> Result<(String, Option<String>), String> {
    let found: Vec<(usize, usize)> = preload_links(page)
        .into_iter()
        .filter(|&(start, end)| {
            crate::size::attribute(&page[start..end], "href").is_some_and(|h| h.ends_with(suffix))
        })
        .collect();
    let [(start, end)] = found[..] else {
        return Err(format!(
            "post-build: index.html has {} preload links of a {suffix} file, expected Trunk's one",
            found.len()
        ));
    };
    let integrity = crate::size::attribute(&page[start..end], "integrity").map(str::to_owned);
    // `start` is just after the `<`, `end` at the `>`.
    let out = format!("{}{}", &page[..start - 1], &page[end + 1..]);
    Ok((out, integrity))
}

pub fn post_build() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("post-build runs as a Trunk hook (TRUNK_STAGING_DIR is not set)")?;
    let names = fs::read_dir(&staging)
        .map_err(|e| format!("post-build: cannot read {}: {e}", staging.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect::<Vec<_>>();
    let assets = find_assets(&names)?;
    let read_data = |path: &str| {
        fs::read_to_string(crate::cmd::root().join(path))
            .map_err(|e| format!("post-build: cannot read {path}: {e}"))
    };
    crate::data::series_holds_bundled(
        &read_data(crate::data::SERIES_PATH)?,
        &read_data(crate::data::BUNDLED_PATH)?,
    )
    .map_err(|e| format!("post-build: {e}"))?;
    let template_path = crate::cmd::root().join("static/embed.js");
    let template = fs::read_to_string(&template_path)
        .map_err(|e| format!("post-build: cannot read {}: {e}", template_path.display()))?;
    let mut copies = Vec::new();
    for locale in Locale::ALL {
        for view in View::DATASET {
            let (name, copy) = element_copy(locale, view)?;
            write(&staging.join(&name), &copy)?;
            copies.push((locale, view, name));
        }
    }
    write(
        &staging.join("embed.js"),
        &embed_js(&template, &assets, &copies_js(&copies))?,
    )?;
    let index = staging.join("index.html");
    let template = fs::read_to_string(&index)
        .map_err(|e| format!("post-build: cannot read {}: {e}", index.display()))?;
    let mut pages = Vec::new();
    let (mut wasm_integrity, mut glue_integrity) = (None, None);
    for locale in Locale::ALL {
        let markup = prerender::standalone_page(locale).map_err(|e| format!("post-build: {e}"))?;
        let (page, wasm) = take_preload(&insert_prerendered(&template, &markup)?, ".wasm")?;
        let (mut page, glue) = take_preload(&page, ".js")?;
        (wasm_integrity, glue_integrity) = (wasm, glue);
        let (title, description) =
            prerender::page_head(locale).map_err(|e| format!("post-build: {e}"))?;
        let lang = (locale != Locale::En).then(|| locale.tag());
        page = localize_page(&page, lang, &title, &description)?;
        pages.push((locale, page));
    }
    let release = std::env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    if release {
        // Both files change: their hashes in boot.js follow (when Trunk gave them one).
        let glue = staging.join(&assets.glue);
        let wasm = staging.join(&assets.wasm);
        // Trunk's minifier cannot parse wasm-bindgen's glue (11.0 → 8.2 KB gzip with terser).
        terser(&glue)?;
        shorten_imports(&wasm, &glue)?;
        if glue_integrity.is_some() {
            glue_integrity = Some(format!("sha384-{}", sri_sha384(&glue)?));
        }
        if wasm_integrity.is_some() {
            wasm_integrity = Some(format!("sha384-{}", sri_sha384(&wasm)?));
        }
    }
    let boot = staging.join("boot.js");
    write(
        &boot,
        &boot_js(
            &assets,
            wasm_integrity.as_deref(),
            glue_integrity.as_deref(),
        ),
    )?;
    let lang = staging.join("lang.js");
    write(&lang, &lang_js())?;
    if release {
        // Every reader loads boot.js too (no integrity attribute to update),
        // and every reader of an element embed.js (5.4 → 2.9 KB gzip).
        terser(&boot)?;
        terser(&lang)?;
        terser(&staging.join("embed.js"))?;
    }
    // The stylesheet and lang.js go inline, as they will be served: minified
    // in a release.
    let read = |path: &Path| {
        fs::read_to_string(path)
            .map_err(|e| format!("post-build: cannot read {}: {e}", path.display()))
    };
    let css = read(&staging.join(&assets.css))?;
    let lang = read(&lang)?;
    let code = PageCode::from_env(std::env::var("FB_INLINE").ok().as_deref())?;
    for (locale, page) in pages {
        let page = finish_page(&page, code, &assets.css, &css, &lang)?;
        write(&staging.join(page_file(locale.tag())), &page)?;
    }
    write(
        &staging.join("csp.txt"),
        &(page_csp(code, &css, &lang)? + "\n"),
    )?;
    // French, Spanish and Japanese, which the wasm loads when they are asked for.
    for locale in Locale::ALL {
        if let (Some(file), Some(json)) = (
            locale.catalogue_file(),
            funding_breakdown::i18n::catalogue_json(locale),
        ) {
            write(&staging.join(file), &json)?;
        }
    }
    if release {
        precompress(&staging)?;
    }
    Ok(())
}

/// Whether a file of the build gets precompressed siblings: text and wasm,
/// which compress; not images already compressed, nor the siblings themselves.
fn precompressible(name: &str) -> bool {
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    matches!(ext, "html" | "js" | "css" | "wasm" | "svg" | "json")
}

/// Writes `NAME.br` (brotli, quality 11) and `NAME.gz` (gzip -9) beside every
/// precompressible file under `dir`, so a static server that serves such
/// siblings (README, "Compressed files") sends the wasm as 182 KB of brotli
/// rather than compressing it on the fly, at a lower level, per request. A
/// sibling no smaller than the file is removed. Brotli from Node's zlib, gzip
/// from the `gzip` command the size layer measures with (no compression
/// crate for one build step).
pub fn precompress(dir: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let entries = fs::read_dir(&d)
            .map_err(|e| format!("post-build: cannot read {}: {e}", d.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.to_str().is_some_and(precompressible) {
                files.push(path);
            }
        }
    }
    let script = "const fs = require('fs'), zlib = require('zlib'), { constants: c } = zlib;\
        for (const file of process.argv.slice(1)) {\
          const body = fs.readFileSync(file);\
          const br = zlib.brotliCompressSync(body, { params: { [c.BROTLI_PARAM_QUALITY]: 11,\
            [c.BROTLI_PARAM_LGWIN]: 24, [c.BROTLI_PARAM_SIZE_HINT]: body.length } });\
          fs.writeFileSync(`${file}.br`, br);\
        }";
    let status = Command::new("node")
        .arg("-e")
        .arg(script)
        .args(&files)
        .status()
        .map_err(|e| format!("post-build: cannot run node: {e}"))?;
    if !status.success() {
        return Err("post-build: brotli-compressing the build failed".into());
    }
    let status = Command::new("gzip")
        .args(["-9", "-n", "-k", "-f"])
        .args(&files)
        .status()
        .map_err(|e| format!("post-build: cannot run gzip: {e}"))?;
    if !status.success() {
        return Err("post-build: gzip-compressing the build failed".into());
    }
    let size = |path: &Path| fs::metadata(path).map(|m| m.len()).ok();
    for file in &files {
        let Some(original) = size(file) else {
            continue;
        };
        for sibling in ["br", "gz"].map(|ext| crate::http::with_suffix(file, ext)) {
            if size(&sibling).is_some_and(|len| len >= original) {
                fs::remove_file(&sibling)
                    .map_err(|e| format!("post-build: cannot remove {}: {e}", sibling.display()))?;
            }
        }
    }
    Ok(())
}

/// index.html with the `<title>` and meta description of the bundled data
/// (the source's are placeholders), and made the page of language `lang`
/// when one is given: `<html lang>`, and `data-lang` on the widget's host,
/// which `web::start` gives the widget (a URL hash still wins). Without, the
/// English page keeps neither, so the widget there may follow a reader's
/// browser. Works on Trunk's minified output and on the source's quoted
/// attributes alike.
pub fn localize_page(
    page: &str,
    lang: Option<&str>,
    title: &str,
    description: &str,
) -> Result<String, String> {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let one = |what: &str, pick: &dyn Fn(&str) -> bool| -> Result<(usize, usize), String> {
        let found: Vec<(usize, usize)> = crate::size::start_tags(page)
            .filter(|&(start, end)| pick(&page[start..end]))
            .collect();
        match found[..] {
            [only] => Ok(only),
            _ => Err(format!(
                "post-build: index.html has {} {what}, expected one",
                found.len()
            )),
        }
    };
    let html = one("<html> tags", &|t| t.starts_with("html"))?;
    if !matches!(&page[html.0..html.1], "html lang=en" | "html lang=\"en\"") {
        return Err(format!(
            "post-build: unexpected <{}>",
            &page[html.0..html.1]
        ));
    }
    let meta = one("meta descriptions", &|t| {
        t.starts_with("meta") && crate::size::attribute(t, "name") == Some("description")
    })?;
    let host = one("elements with id funding-breakdown", &|t| {
        crate::size::attribute(t, "id") == Some("funding-breakdown")
    })?;
    if !page[host.0..].starts_with("div ") {
        return Err("post-build: #funding-breakdown must be a <div>".into());
    }
    let host_attrs = host.0 + "div".len();
    let title_open = page
        .find("<title>")
        .ok_or("post-build: index.html has no <title>")?;
    let title_close = page
        .find("</title>")
        .ok_or("post-build: index.html has no </title>")?;
    if !(html.1 < title_open && title_open < title_close && title_close < meta.0 && meta.1 < host.0)
    {
        return Err("post-build: index.html's head is not in the expected order".into());
    }
    let content = title_open + "<title>".len();
    let html_tag = lang.map_or_else(
        || page[html.0..html.1].to_owned(),
        |l| format!("html lang={l}"),
    );
    let data_lang = lang.map_or_else(String::new, |l| format!(" data-lang={l}"));
    Ok(format!(
        "{}{html_tag}{}{}{}meta name=description content=\"{}\"{}{data_lang}{}",
        &page[..html.0],
        &page[html.1..content],
        esc(title),
        &page[title_close..meta.0],
        esc(description).replace('"', "&quot;"),
        &page[meta.1..host_attrs],
        &page[host_attrs..],
    ))
}

/// Renames the wasm's imports short in the wasm and the glue (see `imports.rs`).
fn shorten_imports(wasm: &Path, glue: &Path) -> Result<(), String> {
    let read_error =
        |p: &Path, e: std::io::Error| format!("post-build: cannot read {}: {e}", p.display());
    let bytes = fs::read(wasm).map_err(|e| read_error(wasm, e))?;
    let text = fs::read_to_string(glue).map_err(|e| read_error(glue, e))?;
    let (bytes, text) =
        crate::imports::shorten(&bytes, &text).map_err(|e| format!("post-build: {e}"))?;
    fs::write(wasm, bytes)
        .map_err(|e| format!("post-build: cannot write {}: {e}", wasm.display()))?;
    write(glue, &text)
}

/// Minifies an ES module in place with terser (npm, installed by setup).
fn terser(module: &Path) -> Result<(), String> {
    let terser = crate::setup::terser_js();
    let status = Command::new("node")
        .arg(&terser)
        .arg(module)
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(module)
        .status()
        .map_err(|e| format!("post-build: cannot run node {}: {e}", terser.display()))?;
    if !status.success() {
        return Err(format!(
            "post-build: terser failed on {} (run `cargo xtask setup`)",
            module.display()
        ));
    }
    Ok(())
}

/// The base64 SHA-384 of a file, as SRI writes it (node's crypto: no hashing
/// crate for one use).
fn sri_sha384(path: &Path) -> Result<String, String> {
    let data =
        fs::read(path).map_err(|e| format!("post-build: cannot read {}: {e}", path.display()))?;
    digest_base64("sha384", &data)
}

/// `data`'s digest by `algorithm` (as Node's crypto names it), in base64: the
/// form SRI and CSP hashes take. Node is there already (terser, brotli).
fn digest_base64(algorithm: &str, data: &[u8]) -> Result<String, String> {
    use std::io::Write;
    let mut child = Command::new("node")
        .args([
            "-e",
            "process.stdout.write(require('crypto').createHash(process.argv[1])\
             .update(require('fs').readFileSync(0)).digest('base64'))",
            algorithm,
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("post-build: cannot run node: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(data)
            .map_err(|e| format!("post-build: cannot hash: {e}"))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("post-build: cannot run node: {e}"))?;
    let hash = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || hash.is_empty() {
        return Err(format!("post-build: cannot compute a {algorithm} hash"));
    }
    Ok(hash)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("post-build: cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_wasm_are_precompressed_not_their_siblings() {
        for name in [
            "index.html",
            "boot.js",
            "a-1.wasm",
            "w-2.css",
            "favicon-3.svg",
            "data/x.json",
        ] {
            assert!(precompressible(name), "{name}");
        }
        for name in ["a.wasm.br", "index.html.gz", "shot.png", "README"] {
            assert!(!precompressible(name), "{name}");
        }
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_the_hashed_assets() {
        let a = find_assets(&names(&[
            "index.html",
            "funding-breakdown-ab12.js",
            "funding-breakdown-ab12_bg.wasm",
            "widget-cd34.css",
            "favicon-1.svg",
            "data",
        ]))
        .unwrap();
        assert_eq!(a.glue, "funding-breakdown-ab12.js");
        assert_eq!(a.wasm, "funding-breakdown-ab12_bg.wasm");
        assert_eq!(a.css, "widget-cd34.css");
    }

    #[test]
    fn missing_or_ambiguous_assets_are_errors() {
        assert!(find_assets(&names(&["index.html"])).is_err());
        assert!(find_assets(&names(&[
            "funding-breakdown-a.js",
            "funding-breakdown-b.js",
            "x_bg.wasm",
            "widget.css"
        ]))
        .is_err());
    }

    #[test]
    fn boot_and_embed_use_relative_hashed_names() {
        let a = Assets {
            glue: "g-1.js".into(),
            wasm: "g-1_bg.wasm".into(),
            css: "w-2.css".into(),
        };
        let boot = boot_js(&a, Some("sha384-w"), Some("sha384-g"));
        assert!(!boot.contains("__FB_"));
        // Nothing is imported before the reader needs it: the size layer
        // counts static imports in the default view.
        assert!(!boot.lines().any(|l| l.starts_with("import")));
        // The wasm and the glue, checked against Trunk's hashes, are fetched in `run`...
        let run = boot.find("const run = async (now) => {").unwrap();
        let fetch = boot
            .find("const wasm = fetch(new URL('./g-1_bg.wasm', import.meta.url), { integrity: 'sha384-w' });")
            .unwrap();
        // (Under another URL after a failed start: the module map keeps failures.)
        assert!(boot.contains(
            "href: new URL(`./g-1.js${attempt ? `?${attempt}` : ''}`, import.meta.url).href, integrity: 'sha384-g' });"
        ));
        let import = boot.find("await import(glue.href);").unwrap();
        // With them, the catalogue of the language the widget opens in, by this build's name.
        let catalogue = boot
            .find(&format!(
                "href: new URL(`./i18n-${{lang}}-{}.json`, import.meta.url).href",
                funding_breakdown::i18n::CATALOGUE_KEY
            ))
            .unwrap();
        assert!(run < catalogue && catalogue < fetch);
        // ...which runs at once or at the reader's first move.
        let wake = boot
            .find("const WAKE = ['pointerover', 'pointerdown', ...ENDS, 'focusin', 'click', 'hashchange'];")
            .unwrap();
        let at_once = boot.find("  start(true);\n} else {").unwrap();
        assert!(boot.contains("for (const type of WAKE) addEventListener(type, wake, { capture: true, passive: true });"));
        assert!(run < fetch && fetch < import && import < wake && wake < at_once);
        // A click on the copy is given to the live widget after the takeover,
        // once the copy has gone (another language's waits for its catalogue).
        let gone = boot
            .find("for (let i = 0; i < 1500 && copy?.isConnected && !host?.hasAttribute('data-failed'); i++)")
            .unwrap();
        let refocus = boot
            .find("if (lost()) live?.focus({ preventScroll: true });")
            .unwrap();
        let replay = boot
            .find("if (clicked) replay(await find(clicked));")
            .unwrap();
        assert!(boot.find("await started;").unwrap() < gone && gone < refocus && refocus < replay);
        // ICU's first load while the wasm downloads, not in the first render...
        let warm = boot.find("setTimeout(icu);").unwrap();
        assert!(import < warm && warm < boot.find("await started;").unwrap());
        // Or at idle, while the page waits for the reader.
        assert!(
            at_once
                < boot
                    .find("(window.requestIdleCallback ?? setTimeout)(icu);")
                    .unwrap()
        );
        // On a page lang.js is leaving, nothing else.
        let leaving = boot
            .find("if (document.documentElement.hidden) await new Promise(() => {});")
            .unwrap();
        assert!(leaving < boot.find("const host = ").unwrap() && leaving < run);
        // A failed fetch or start shows the pre-rendered page's alert, and
        // disables the copy's controls, which cannot act.
        let dead = boot.find("const dead = (failed) => {").unwrap();
        let shows = boot
            .find("document.querySelector('#funding-breakdown > .fb-boot-failed');")
            .unwrap();
        let disables = boot.find("button.disabled = true;").unwrap();
        assert!(dead < shows && shows < disables && disables < run);
        let caught = boot.find("} catch (error) {").unwrap();
        assert!(boot[caught..].contains("    dead(true);"));
        // So does a language page whose texts failed, its copy kept.
        let kept = boot
            .find("if (host?.hasAttribute('data-failed')) {")
            .unwrap();
        assert!(gone < kept && kept < refocus && boot[kept..].starts_with("if (host?.hasAttribute('data-failed')) {\n      dead(true);\n      stalled = true;"));
        assert!(boot.contains("    slow = setTimeout(dead, SLOW_MS);"));
        assert!(boot[caught..].contains("clearTimeout(slow);"));
        let plain = boot_js(&a, None, None);
        assert!(plain.contains("fetch(new URL('./g-1_bg.wasm', import.meta.url));"));
        assert!(plain.contains(
            "href: new URL(`./g-1.js${attempt ? `?${attempt}` : ''}`, import.meta.url).href });"
        ));
        let copies = copies_js(&[
            (Locale::En, View::Region, "element-en-region-1.html".into()),
            (Locale::En, View::Table, "element-en-table-2.html".into()),
            (Locale::Fr, View::Region, "element-fr-region-3.html".into()),
        ]);
        assert_eq!(
            copies,
            "{en:{region:'element-en-region-1.html',table:'element-en-table-2.html'},fr:{region:'element-fr-region-3.html'}}"
        );
        let embed = embed_js(
            "a __FB_GLUE__ b __FB_WASM__ c __FB_CSS__ d __FB_I18N_KEY__ e [__FB_LANGS__] f __FB_COPIES__",
            &a,
            &copies,
        )
        .unwrap();
        assert_eq!(
            embed,
            format!(
                "a g-1.js b g-1_bg.wasm c w-2.css d {} e ['en','fr','es','ja'] f {copies}",
                funding_breakdown::i18n::CATALOGUE_KEY
            )
        );
        assert!(embed_js("no placeholders", &a, &copies).is_err());
    }

    #[test]
    fn index_html_sends_a_reader_who_wants_another_language_before_it_paints() {
        let lang = lang_js();
        assert!(!lang.contains("__FB_"));
        assert!(lang.contains("return ['en','fr','es','ja'].includes(l) && l;"));
        for l in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
            assert_eq!(page_file(l.tag()), format!("index.{}.html", l.tag()));
        }
        // Hidden first, then sent: nothing of the English page is painted meanwhile.
        let hidden = lang
            .find("document.documentElement.hidden = true;")
            .unwrap();
        let sent = lang
            .find("location.replace(`index.${want}.html${location.search}${location.hash}`);")
            .unwrap();
        assert!(hidden < sent);
        // A classic script: no module syntax, no top-level declarations leaking into the page.
        assert!(!lang.contains("import") && !lang.contains("await"));
        assert!(lang
            .lines()
            .all(|l| !l.starts_with("const ") && !l.starts_with("let ")));
        // index.html runs it first thing, inline, before its stylesheet and boot.js,
        // and it marks that it ran, or boot.js runs the file named.
        assert!(lang.contains("document.currentScript?.removeAttribute('data-src');"));
        let page = "<!doctype html><html lang=en><meta charset=utf-8><title>t</title>\
            <link href=./w.css rel=stylesheet><script src=./boot.js type=module></script>";
        let out = with_lang_js(page, "go()").unwrap();
        assert!(out.starts_with(
            "<!doctype html><html lang=en><meta charset=utf-8><script data-src=./lang.js>go()</script><title>"
        ));
        assert!(with_lang_js("<html><title>t</title>", "go()").is_err());
        assert!(with_lang_js(page, "'</SCRIPT>'").is_err());
    }

    #[test]
    fn the_stylesheet_goes_inline_with_the_file_named_for_a_blocked_one() {
        let page = "<head><link href=./favicon-1.svg rel=icon>\
            <link href=./widget-2.css integrity=sha384-x rel=stylesheet>\
            <script src=./boot.js type=module></script></head>";
        assert_eq!(
            inline_css(page, "widget-2.css", "a{b:c}").unwrap(),
            "<head><link href=./favicon-1.svg rel=icon>\
             <style data-href=./widget-2.css>a{b:c}</style>\
             <script src=./boot.js type=module></script></head>"
        );
        // Quoted, as a debug build writes it.
        assert_eq!(
            inline_css(
                r#"<link rel="stylesheet" href="/widget-2.css">"#,
                "widget-2.css",
                "a{}"
            )
            .unwrap(),
            "<style data-href=/widget-2.css>a{}</style>"
        );
        assert!(inline_css(page, "widget-3.css", "a{}").is_err());
        assert!(inline_css(&page.repeat(2), "widget-2.css", "a{}").is_err());
        assert!(inline_css(page, "widget-2.css", "a{content:'</style>'}").is_err());
    }

    #[test]
    fn the_page_policy_allows_its_inline_code_by_hash_and_nothing_else_inline() {
        // sha256("a") and sha256("b"), base64, as a browser's CSP check computes them.
        assert_eq!(
            page_csp(PageCode::Inline, "a", "b").unwrap(),
            "default-src 'self'; base-uri 'none'; object-src 'none'; \
             script-src 'self' 'wasm-unsafe-eval' 'sha256-PiPoFgA5WUoziU9lZOGxNIu9egCI1CxKy3PurtWcAJ0='; \
             style-src 'self' 'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs='; img-src 'self' data:"
        );
        assert!(!page_csp(PageCode::Inline, "a", "b")
            .unwrap()
            .contains("unsafe-inline"));
        // Built with FB_INLINE=0, the pages have no inline code: no hash.
        assert_eq!(
            page_csp(PageCode::Files, "a", "b").unwrap(),
            "default-src 'self'; base-uri 'none'; object-src 'none'; \
             script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:"
        );
    }

    #[test]
    fn built_with_fb_inline_0_the_pages_link_their_stylesheet_and_head_script() {
        assert_eq!(PageCode::from_env(None), Ok(PageCode::Inline));
        assert_eq!(PageCode::from_env(Some("1")), Ok(PageCode::Inline));
        assert_eq!(PageCode::from_env(Some("0")), Ok(PageCode::Files));
        assert!(PageCode::from_env(Some("no")).is_err());
        let page = "<!doctype html><html lang=en><meta charset=utf-8><title>t</title>\
            <link href=./widget-2.css integrity=sha384-x rel=stylesheet>\
            <script src=./boot.js type=module></script>";
        assert_eq!(
            finish_page(page, PageCode::Files, "widget-2.css", "a{}", "go()").unwrap(),
            "<!doctype html><html lang=en><meta charset=utf-8><script src=./lang.js></script>\
             <title>t</title><link href=./widget-2.css integrity=sha384-x rel=stylesheet>\
             <script src=./boot.js type=module></script>"
        );
        assert_eq!(
            finish_page(page, PageCode::Inline, "widget-2.css", "a{}", "go()").unwrap(),
            "<!doctype html><html lang=en><meta charset=utf-8><script data-src=./lang.js>go()</script>\
             <title>t</title><style data-href=./widget-2.css>a{}</style>\
             <script src=./boot.js type=module></script>"
        );
    }

    #[test]
    fn the_widget_goes_where_index_html_asks() {
        let page = format!("<div id=\"funding-breakdown\">{PRERENDER_MARKER}</div>");
        assert_eq!(
            insert_prerendered(&page, "<section>w</section>").unwrap(),
            "<div id=\"funding-breakdown\"><section>w</section></div>"
        );
        assert!(insert_prerendered("<div></div>", "x").is_err());
        assert!(insert_prerendered(&page.repeat(2), "x").is_err());
        // Minified: no marker (comments are dropped), attributes unquoted.
        assert_eq!(
            insert_prerendered(
                "<main><div class=fb-host id=funding-breakdown></div></main>",
                "<p>w</p>"
            )
            .unwrap(),
            "<main><div class=fb-host id=funding-breakdown><p>w</p></div></main>"
        );
        // Content that is not the marker is never overwritten.
        assert!(insert_prerendered("<div id=funding-breakdown><p>x</p></div>", "w").is_err());
    }

    #[test]
    fn the_preloads_give_way_to_boot_js() {
        let page = concat!(
            r#"<link rel="modulepreload" href="./g.js" integrity="sha384-g">"#,
            r#"<link rel="preload" href="./g_bg.wasm" as="fetch" integrity="sha384-w">"#,
            r#"<link rel="stylesheet" href="./w.css">"#
        );
        let (rest, wasm) = take_preload(page, ".wasm").unwrap();
        assert_eq!(wasm.as_deref(), Some("sha384-w"));
        let (rest, glue) = take_preload(&rest, ".js").unwrap();
        assert_eq!(glue.as_deref(), Some("sha384-g"));
        assert_eq!(rest, r#"<link rel="stylesheet" href="./w.css">"#);
        assert!(take_preload(&rest, ".wasm").is_err());
        assert!(take_preload(&page.replace("g_bg", "h_bg").repeat(2), ".wasm").is_err());
        // As Trunk's minifier writes them: unquoted, attributes sorted. Base64
        // may end in "/", which belongs to the value.
        let (_, integrity) = take_preload(
            "<link as=fetch href=./g_bg.wasm integrity=sha384-a/b/ rel=preload>",
            ".wasm",
        )
        .unwrap();
        assert_eq!(integrity.as_deref(), Some("sha384-a/b/"));
        let (rest, integrity) = take_preload(
            "<link href=./g.js rel=modulepreload><link as=fetch href=./g_bg.wasm rel=preload><p>",
            ".js",
        )
        .unwrap();
        assert_eq!(integrity, None);
        assert_eq!(rest, "<link as=fetch href=./g_bg.wasm rel=preload><p>");
    }

    #[test]
    fn a_page_of_another_language_says_so_where_readers_and_the_wasm_look() {
        let minified =
            "<!doctype html><html lang=en><meta charset=utf-8><title>Old & title</title>\
            <meta content=\"Old\" name=description><link href=a.css rel=stylesheet></head><body>\
            <div class=fb-host id=funding-breakdown><p>x</p></div>";
        let out = localize_page(
            minified,
            Some("fr"),
            "Répartition <du> financement",
            "Un \"résumé\"",
        )
        .unwrap();
        assert_eq!(
            out,
            "<!doctype html><html lang=fr><meta charset=utf-8><title>Répartition &lt;du&gt; financement</title>\
            <meta name=description content=\"Un &quot;résumé&quot;\"><link href=a.css rel=stylesheet></head><body>\
            <div data-lang=fr class=fb-host id=funding-breakdown><p>x</p></div>"
        );
        // The source's quoted form, as `trunk serve` leaves it.
        let page = fs::read_to_string(crate::cmd::root().join("index.html")).unwrap();
        let out = localize_page(&page, Some("ja"), "題", "説明").unwrap();
        assert!(
            out.contains("<html lang=ja>") && out.contains("<title>題</title>"),
            "{out}"
        );
        assert!(
            out.contains("<div data-lang=ja id=\"funding-breakdown\""),
            "{out}"
        );
        assert!(localize_page("<html lang=de><title>t</title>", Some("fr"), "t", "d").is_err());
        // English: the data's title and description; the language stays the page's.
        let out = localize_page(minified, None, "Funding", "Summary").unwrap();
        assert_eq!(
            out,
            "<!doctype html><html lang=en><meta charset=utf-8><title>Funding</title>\
            <meta name=description content=\"Summary\"><link href=a.css rel=stylesheet></head><body>\
            <div class=fb-host id=funding-breakdown><p>x</p></div>"
        );
    }

    #[test]
    fn the_real_index_html_has_the_marker_in_the_widget_root() {
        let page = fs::read_to_string(crate::cmd::root().join("index.html")).unwrap();
        let out = insert_prerendered(&page, "<section>w</section>").unwrap();
        assert!(out.contains(
            "<div id=\"funding-breakdown\" class=\"fb-host\"><section>w</section></div>"
        ));
    }

    #[test]
    fn the_minified_glue_gets_its_own_integrity_hash() {
        let dir = std::env::temp_dir().join(format!("fb-sri-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("abc.js");
        fs::write(&file, "abc").unwrap();
        // SHA-384 of "abc" (FIPS 180-2 test vector), base64.
        let abc = "ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn";
        assert_eq!(sri_sha384(&file).unwrap(), abc);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_real_template_has_every_placeholder() {
        let template = fs::read_to_string(crate::cmd::root().join("static/embed.js")).unwrap();
        let a = Assets {
            glue: "g.js".into(),
            wasm: "g_bg.wasm".into(),
            css: "w.css".into(),
        };
        let out = embed_js(&template, &a, "{}").unwrap();
        assert!(!out.contains("__FB_"));
    }

    #[test]
    fn each_language_and_view_has_an_element_copy_named_by_its_content() {
        let (en, copy) = element_copy(Locale::En, View::Region).unwrap();
        assert!(
            en.starts_with("element-en-region-") && en.ends_with(".html"),
            "{en}"
        );
        assert_eq!(en.len(), "element-en-region-".len() + 16 + ".html".len());
        assert!(copy.contains("data-prerendered"));
        // The same content, the same name; another language or view, another name.
        assert_eq!(element_copy(Locale::En, View::Region).unwrap().0, en);
        let (fr, _) = element_copy(Locale::Fr, View::Region).unwrap();
        assert!(fr.starts_with("element-fr-region-") && fr != en);
        let (table, _) = element_copy(Locale::En, View::Table).unwrap();
        assert!(table.starts_with("element-en-table-"));
    }
}
