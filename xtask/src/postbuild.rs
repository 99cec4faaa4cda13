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
//!   [`PRERENDER_MARKER`], so the chart is there at first paint.
//! - `index.fr.html`, `index.es.html`, `index.ja.html`: the same page with the
//!   view rendered in that language, its `<html lang>`, title and
//!   description, and `data-lang` on the host for the wasm
//!   ([`localize_page`]). The widget's iframe snippet points at the page of
//!   the language it shows.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use funding_breakdown::embed_code::page_file;
use funding_breakdown::i18n::Locale;
use funding_breakdown::prerender;

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

/// The page loader: same work as Trunk's inline script, from a file. A module
/// script runs once the page is parsed and its stylesheet has arrived; it
/// starts the wasm download then and compiles it after the pre-rendered view
/// has painted (a frame, then a task; 100 ms at most where frames are
/// throttled: a hidden tab, an offscreen iframe). Compiling on the cores the
/// first layout needs made the static chart paint ~20 ms later on a 2-core
/// machine, and so did downloading it during that layout: Trunk's `preload`
/// of the wasm, which [`take_wasm_preload`] removes, fetched it while the
/// stylesheet was still on its way. `integrity` is that link's SRI value,
/// checked by this fetch instead.
///
/// While the wasm downloads, a task creates an `Intl.NumberFormat` and an
/// `Intl.DateTimeFormat`: the first use of `Intl` in a page loads the
/// browser's ICU data, ~50 ms of main thread here, which the widget's first
/// render paid after the download (throttled to 1.6 Mbps: interactive 3,379
/// → 3,330 ms, median of 8; on localhost the download is too short to hide it).
///
/// A reader who tabbed into the static copy keeps their place: the element
/// focused last (when this module runs, or after) is found again in the live widget (by id, else by its first
/// class: the panel and the total) once `init` has rendered it (trying for
/// half a second), if the takeover left the focus on the body or on the
/// removed copy (where Chromium's focus fixup has not yet run). Focus the reader moved away (a click
/// on the page) is not given back: a `focusout` says where focus went, unless
/// its element was just removed (Chromium sends one from the replaced copy,
/// which is out of the page by the next microtask).
///
/// If the wasm cannot be fetched or started, the static copy stays and the
/// page's hidden alert (`prerender::BOOT_FAILED`) is shown. The failed fetch
/// gets a handler at once, so it is reported once, by `init`.
///
/// On index.html (by that name or as its directory; a page the host renamed
/// may have no siblings), a reader whose link or browser asks for another of
/// the widget's languages is sent at once to that language's page, before the
/// wasm is fetched: it shows that language from its first paint, where
/// index.html would show English until the wasm runs and then change every
/// word. The languages and their pages are `Locale::ALL` and
/// `embed_code::page_file`; the choice is `web::browser_locale`'s (and the
/// hash's `lang`, which wins), in JavaScript.
///
/// Release builds minify it with terser, like the glue; this is its source.
pub fn boot_js(a: &Assets, integrity: Option<&str>) -> String {
    let options = integrity.map_or(String::new(), |i| format!(",{{integrity:'{i}'}}"));
    let tags: Vec<String> = Locale::ALL
        .iter()
        .map(|l| format!("'{}'", l.tag()))
        .collect();
    // The script names each language's page as `page_file` does (tested).
    format!(
        "// Written by `cargo xtask post-build` (xtask/src/postbuild.rs says why).\n\
         import init from './{glue}';\n\
         const ours = (tag) => {{ const l = tag?.split(/[-_]/)[0].toLowerCase(); return [{tags}].includes(l) && l; }};\n\
         const want = ours(/[#&]lang=([^&]*)/.exec(location.hash)?.[1]) || [...navigator.languages, navigator.language].map(ours).find(Boolean);\n\
         if (want && want != 'en' && /\\/(index\\.html)?$/.test(location.pathname) && !document.getElementById('funding-breakdown')?.dataset.lang) {{\n\
         \x20 location.replace(`index.${{want}}.html${{location.search}}${{location.hash}}`);\n\
         \x20 await new Promise(() => {{}});\n\
         }}\n\
         const wasm = fetch(new URL('./{wasm}', import.meta.url){options});\n\
         wasm.catch(() => {{}});\n\
         // Focus may have come before this module ran.\n\
         let last = document.activeElement;\n\
         // Focus that left an element still in the page (not the removed copy) is the reader's move.\n\
         const track = (e) => {{ const {{ type, target, relatedTarget }} = e; if (type == 'focusin') last = target; else queueMicrotask(() => {{ if (target.isConnected) last = relatedTarget; }}); }};\n\
         addEventListener('focusin', track);\n\
         addEventListener('focusout', track);\n\
         try {{\n\
         \x20 await new Promise((go) => {{\n\
         \x20   requestAnimationFrame(() => setTimeout(go));\n\
         \x20   setTimeout(go, 100);\n\
         \x20 }});\n\
         \x20 const started = init({{ module_or_path: wasm }});\n\
         \x20 setTimeout(() => {{ new Intl.NumberFormat(); new Intl.DateTimeFormat(); }});\n\
         \x20 await started;\n\
         \x20 removeEventListener('focusin', track);\n\
         \x20 removeEventListener('focusout', track);\n\
         \x20 if (last && !last.isConnected) {{\n\
         \x20   const lost = () => !document.activeElement?.isConnected || document.activeElement === document.body;\n\
         \x20   const selector = `#funding-breakdown ${{last.id ? `[id=\"${{last.id}}\"]` : `.${{last.classList[0]}}`}}`;\n\
         \x20   // The live element may come a task or two after init.\n\
         \x20   for (let i = 0; i < 30 && lost(); i++) {{\n\
         \x20     const live = document.querySelector(selector);\n\
         \x20     if (live) {{ live.focus(); break; }}\n\
         \x20     await new Promise((go) => setTimeout(go, 16));\n\
         \x20   }}\n\
         \x20 }}\n\
         }} catch (error) {{\n\
         \x20 console.error('funding-breakdown: the widget could not start', error);\n\
         \x20 document.querySelector('#funding-breakdown > .fb-boot-failed')?.removeAttribute('hidden');\n\
         }}\n",
        glue = a.glue,
        wasm = a.wasm,
        tags = tags.join(","),
    )
}

/// `static/embed.js` with its placeholders replaced by the hashed names.
pub fn embed_js(template: &str, a: &Assets) -> Result<String, String> {
    for placeholder in ["__FB_GLUE__", "__FB_WASM__", "__FB_CSS__"] {
        if !template.contains(placeholder) {
            return Err(format!("post-build: static/embed.js lacks {placeholder}"));
        }
    }
    Ok(template
        .replace("__FB_GLUE__", &a.glue)
        .replace("__FB_WASM__", &a.wasm)
        .replace("__FB_CSS__", &a.css))
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

/// The media query that keeps Trunk's preload of the glue to browsers that
/// run scripts: readers without JavaScript get the pre-rendered page and
/// never download what they cannot run.
pub const PRELOAD_MEDIA: &str = "(scripting: enabled)";

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

/// `page` without Trunk's `<link rel=preload>` of the wasm (boot.js fetches
/// it), and that link's `integrity` value, if any, for boot.js's fetch.
pub fn take_wasm_preload(page: &str) -> Result<(String, Option<String>), String> {
    let wasm: Vec<(usize, usize)> = preload_links(page)
        .into_iter()
        .filter(|&(start, end)| {
            crate::size::attribute(&page[start..end], "href").is_some_and(|h| h.ends_with(".wasm"))
        })
        .collect();
    let [(start, end)] = wasm[..] else {
        return Err(format!(
            "post-build: index.html has {} preload links of a .wasm, expected Trunk's one",
            wasm.len()
        ));
    };
    let integrity = crate::size::attribute(&page[start..end], "integrity").map(str::to_owned);
    // `start` is just after the `<`, `end` at the `>`.
    let out = format!("{}{}", &page[..start - 1], &page[end + 1..]);
    Ok((out, integrity))
}

/// `page` with every preload link limited to [`PRELOAD_MEDIA`].
pub fn preload_only_with_scripts(page: &str) -> Result<String, String> {
    let links: Vec<usize> = preload_links(page)
        .into_iter()
        .map(|(start, _)| start + "link".len())
        .collect();
    if links.is_empty() {
        return Err(
            "post-build: index.html has no preload link from Trunk, expected the glue's".into(),
        );
    }
    let mut out = page.to_owned();
    // From the end, so earlier offsets stay valid.
    for at in links.into_iter().rev() {
        out.insert_str(at, &format!(" media=\"{PRELOAD_MEDIA}\""));
    }
    Ok(out)
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
    let template_path = crate::cmd::root().join("static/embed.js");
    let template = fs::read_to_string(&template_path)
        .map_err(|e| format!("post-build: cannot read {}: {e}", template_path.display()))?;
    write(&staging.join("embed.js"), &embed_js(&template, &assets)?)?;
    let index = staging.join("index.html");
    let template = fs::read_to_string(&index)
        .map_err(|e| format!("post-build: cannot read {}: {e}", index.display()))?;
    let mut pages = Vec::new();
    let mut integrity = None;
    for locale in Locale::ALL {
        let markup = prerender::standalone_page(locale).map_err(|e| format!("post-build: {e}"))?;
        let (page, wasm_integrity) = take_wasm_preload(&insert_prerendered(&template, &markup)?)?;
        let mut page = preload_only_with_scripts(&page)?;
        if locale != Locale::En {
            let (title, description) =
                prerender::page_head(locale).map_err(|e| format!("post-build: {e}"))?;
            page = localize_page(&page, locale.tag(), &title, &description)?;
        }
        integrity = wasm_integrity;
        pages.push((page_file(locale.tag()), page));
    }
    let release = std::env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    if release {
        // Both files change: the glue's hash in the pages and the wasm's in
        // boot.js follow (when Trunk gave them one).
        let glue = staging.join(&assets.glue);
        let wasm = staging.join(&assets.wasm);
        let before = sri_sha384(&glue)?;
        // Trunk's minifier cannot parse wasm-bindgen's glue (11.0 → 8.2 KB gzip with terser).
        terser(&glue)?;
        shorten_imports(&wasm, &glue)?;
        let after = sri_sha384(&glue)?;
        for (_, page) in &mut pages {
            *page = replace_integrity(page, &before, &after);
        }
        if integrity.is_some() {
            integrity = Some(format!("sha384-{}", sri_sha384(&wasm)?));
        }
    }
    let boot = staging.join("boot.js");
    write(&boot, &boot_js(&assets, integrity.as_deref()))?;
    if release {
        // Every reader loads boot.js too (no integrity attribute to update).
        terser(&boot)?;
    }
    for (name, page) in &pages {
        write(&staging.join(name), page)?;
    }
    Ok(())
}

/// index.html made the page of language `lang`: `<html lang>`, `<title>` and
/// meta description in it, and `data-lang` on the widget's host, which
/// `web::start` gives the widget (a URL hash still wins). Works on Trunk's
/// minified output and on the source's quoted attributes alike.
pub fn localize_page(
    page: &str,
    lang: &str,
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
    Ok(format!(
        "{}html lang={lang}{}{}{}meta name=description content=\"{}\"{} data-lang={lang}{}",
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

/// `page` with every `integrity` value `old` replaced by `new`.
pub fn replace_integrity(page: &str, old: &str, new: &str) -> String {
    page.replace(&format!("sha384-{old}"), &format!("sha384-{new}"))
}

/// The base64 SHA-384 of a file, as SRI writes it (node's crypto: no hashing
/// crate for one use).
fn sri_sha384(path: &Path) -> Result<String, String> {
    let out = Command::new("node")
        .args([
            "-e",
            "process.stdout.write(require('crypto').createHash('sha384')\
             .update(require('fs').readFileSync(process.argv[1])).digest('base64'))",
        ])
        .arg(path)
        .output()
        .map_err(|e| format!("post-build: cannot run node: {e}"))?;
    let hash = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || hash.is_empty() {
        return Err(format!("post-build: cannot hash {}", path.display()));
    }
    Ok(hash)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("post-build: cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let boot = boot_js(&a, Some("sha384-abc"));
        assert!(boot.contains("import init from './g-1.js'"));
        // The download starts when the module runs, checked against Trunk's hash...
        let fetch = boot
            .find("const wasm = fetch(new URL('./g-1_bg.wasm', import.meta.url),{integrity:'sha384-abc'});")
            .unwrap();
        // ...and the compile after the first paint: a frame, then a task, or 100 ms at most.
        let wait = boot
            .find("requestAnimationFrame(() => setTimeout(go));")
            .unwrap();
        assert!(boot.contains("    setTimeout(go, 100);"));
        let init = boot
            .find("const started = init({ module_or_path: wasm });")
            .unwrap();
        // ICU's first load while the wasm downloads, not in the first render.
        let warm = boot
            .find("setTimeout(() => { new Intl.NumberFormat(); new Intl.DateTimeFormat(); });")
            .unwrap();
        assert!(init < warm && warm < boot.find("await started;").unwrap());
        // Focus in the static copy is given back to the same element once rendered.
        let track = boot.find("addEventListener('focusin', track);").unwrap();
        assert!(boot.contains("addEventListener('focusout', track);"));
        assert!(boot.contains("removeEventListener('focusout', track);"));
        let refocus = boot
            .find("const selector = `#funding-breakdown ${last.id ? `[id=\"${last.id}\"]` : `.${last.classList[0]}`}`;")
            .unwrap();
        assert!(boot.contains("if (live) { live.focus(); break; }"));
        assert!(track < wait && boot.find("await started;").unwrap() < refocus);
        assert!(fetch < wait && wait < init);
        // index.html sends a reader who wants another language to its page,
        // before the download starts.
        assert!(boot.contains("return ['en','fr','es','ja'].includes(l) && l;"));
        for l in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
            assert_eq!(page_file(l.tag()), format!("index.{}.html", l.tag()));
        }
        let redirect = boot
            .find("location.replace(`index.${want}.html${location.search}${location.hash}`);")
            .unwrap();
        assert!(boot.contains(
            "if (want && want != 'en' && /\\/(index\\.html)?$/.test(location.pathname) && !document.getElementById('funding-breakdown')?.dataset.lang) {"
        ));
        assert!(redirect < fetch);
        // A failed fetch or start shows the pre-rendered page's alert.
        let failed = boot
            .find("document.querySelector('#funding-breakdown > .fb-boot-failed')?.removeAttribute('hidden');")
            .unwrap();
        assert!(
            boot.find("try {").unwrap() < wait && init < boot.find("} catch (error) {").unwrap()
        );
        assert!(init < failed);
        assert!(boot_js(&a, None).contains("fetch(new URL('./g-1_bg.wasm', import.meta.url));"));
        let embed = embed_js("a __FB_GLUE__ b __FB_WASM__ c __FB_CSS__", &a).unwrap();
        assert_eq!(embed, "a g-1.js b g-1_bg.wasm c w-2.css");
        assert!(embed_js("no placeholders", &a).is_err());
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
    fn the_wasm_preload_gives_way_to_boot_js() {
        let page = concat!(
            r#"<link rel="modulepreload" href="./g.js" integrity="sha384-g">"#,
            r#"<link rel="preload" href="./g_bg.wasm" as="fetch" integrity="sha384-w">"#,
            r#"<link rel="stylesheet" href="./w.css">"#
        );
        let (rest, integrity) = take_wasm_preload(page).unwrap();
        assert_eq!(integrity.as_deref(), Some("sha384-w"));
        assert_eq!(
            preload_only_with_scripts(&rest).unwrap(),
            concat!(
                r#"<link media="(scripting: enabled)" rel="modulepreload" href="./g.js" integrity="sha384-g">"#,
                r#"<link rel="stylesheet" href="./w.css">"#
            )
        );
        assert!(take_wasm_preload(&rest).is_err());
        assert!(preload_only_with_scripts("<link rel=\"stylesheet\">").is_err());
        // As Trunk's minifier writes them: unquoted, attributes sorted. Base64
        // may end in "/", which belongs to the value.
        let (_, integrity) =
            take_wasm_preload("<link as=fetch href=./g_bg.wasm integrity=sha384-a/b/ rel=preload>")
                .unwrap();
        assert_eq!(integrity.as_deref(), Some("sha384-a/b/"));
        let (rest, integrity) = take_wasm_preload(
            "<link href=./g.js rel=modulepreload><link as=fetch href=./g_bg.wasm rel=preload><p>",
        )
        .unwrap();
        assert_eq!(integrity, None);
        assert_eq!(
            preload_only_with_scripts(&rest).unwrap(),
            r#"<link media="(scripting: enabled)" href=./g.js rel=modulepreload><p>"#
        );
    }

    #[test]
    fn a_page_of_another_language_says_so_where_readers_and_the_wasm_look() {
        let minified =
            "<!doctype html><html lang=en><meta charset=utf-8><title>Old & title</title>\
            <meta content=\"Old\" name=description><link href=a.css rel=stylesheet></head><body>\
            <div class=fb-host id=funding-breakdown><p>x</p></div>";
        let out = localize_page(
            minified,
            "fr",
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
        let out = localize_page(&page, "ja", "題", "説明").unwrap();
        assert!(
            out.contains("<html lang=ja>") && out.contains("<title>題</title>"),
            "{out}"
        );
        assert!(
            out.contains("<div data-lang=ja id=\"funding-breakdown\""),
            "{out}"
        );
        assert!(localize_page("<html lang=de><title>t</title>", "fr", "t", "d").is_err());
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
        let page = format!(
            "<link href=./g.js integrity=sha384-{abc} rel=modulepreload><link integrity=sha384-other>"
        );
        assert_eq!(
            replace_integrity(&page, abc, "NEW"),
            "<link href=./g.js integrity=sha384-NEW rel=modulepreload><link integrity=sha384-other>"
        );
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
        let out = embed_js(&template, &a).unwrap();
        assert!(!out.contains("__FB_"));
    }
}
