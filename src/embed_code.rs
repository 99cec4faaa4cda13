//! The embed snippets the widget offers ("Embed" in its footer) and README
//! documents. Pure, so a test can hold README and widget to the same text.

/// Escapes text for a double-quoted HTML attribute.
pub fn attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The iframe embed: `base` is the directory the widget is served from (ending
/// in `/`), `lang` the language tag shown, `hash` the state (`#view=…`),
/// `title` what the frame shows.
pub fn iframe(base: &str, lang: &str, hash: &str, title: &str) -> String {
    format!(
        "<iframe class=\"funding-breakdown\" src=\"{}{}{}\" title=\"{}\" width=\"100%\" height=\"760\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>",
        attr(base),
        page_file(lang),
        attr(hash),
        attr(title)
    )
}

/// The script given after the iframe snippet: the height listener as a file
/// of the widget's (`static/frame.js`), so that the snippet works as pasted
/// under a host policy without `'unsafe-inline'` (README's), loaded async.
pub fn frame_script(base: &str) -> String {
    format!("<script src=\"{}frame.js\" async></script>", attr(base))
}

/// The standalone page whose static copy, shown until the wasm runs, is in
/// language `lang`: index.html (English) or index.fr.html, index.ja.html, …
/// (`cargo xtask post-build` writes one per catalogue).
pub fn page_file(lang: &str) -> String {
    if lang == "en" {
        "index.html".to_owned()
    } else {
        format!("index.{lang}.html")
    }
}

/// The script embed: the custom element with its attributes, then embed.js.
pub fn element(base: &str, attributes: &[(&str, &str)]) -> String {
    let attrs: String = attributes
        .iter()
        .map(|(k, v)| format!(" {k}=\"{}\"", attr(v)))
        .collect();
    format!(
        "<funding-breakdown{attrs}></funding-breakdown>\n<script type=\"module\" src=\"{}embed.js\"></script>",
        attr(base)
    )
}

/// The directory part of a URL (up to and including the last `/` before any
/// query or hash), where index.html and embed.js live.
pub fn base_of(url: &str) -> String {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let path = url.get(..end).unwrap_or(url);
    match path.rfind('/') {
        Some(i) => path.get(..=i).unwrap_or(path).to_owned(),
        None => format!("{path}/"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const README: &str = include_str!("../README.md");
    const BASE: &str = "https://example.org/funding-breakdown/";

    /// The code block that follows `<!-- snippet:NAME -->` in README.
    fn readme_snippet(name: &str) -> String {
        let marker = format!("<!-- snippet:{name} -->");
        let after = &README[README.find(&marker).expect("snippet marker") + marker.len()..];
        let start = after.find("```html\n").expect("html block") + "```html\n".len();
        let body = &after[start..];
        body[..body.find("\n```").expect("block end")].to_owned()
    }

    #[test]
    fn readme_iframe_snippet_is_what_the_widget_generates() {
        let title = "Funding breakdown: Government of Japan to IOM, 2021";
        assert_eq!(
            readme_snippet("iframe"),
            iframe(BASE, "en", "#view=region&lang=en", title)
        );
        // Another language: the page whose static copy is in it.
        assert!(iframe(BASE, "ja", "#lang=ja", title)
            .contains("src=\"https://example.org/funding-breakdown/index.ja.html#lang=ja\""));
    }

    #[test]
    fn readme_frame_script_is_what_the_widget_gives() {
        assert_eq!(readme_snippet("frame-script"), frame_script(BASE));
    }

    #[test]
    fn readme_inline_listener_is_frame_js() {
        // README's listener to paste inline is frame.js's (the Embed panel's,
        // the demo page's): the same lines, one indent more, so the two cannot drift.
        let snippet = readme_snippet("listener");
        let body = snippet
            .strip_prefix("<script>\n")
            .and_then(|b| b.strip_suffix("\n</script>"))
            .expect("the listener is one script element");
        let lines: Vec<&str> = body
            .lines()
            .map(|l| l.strip_prefix("  ").unwrap_or(l))
            .collect();
        let file = include_str!("../static/frame.js");
        assert!(file.contains(&lines.join("\n")), "{file}");
    }

    #[test]
    fn readme_element_snippet_is_what_the_widget_generates() {
        assert_eq!(
            readme_snippet("element"),
            element(BASE, &[("view", "region"), ("lang", "en")])
        );
    }

    #[test]
    fn attributes_are_escaped() {
        assert_eq!(attr("a\"b<c>&"), "a&quot;b&lt;c&gt;&amp;");
        let html = element(BASE, &[("src", "x\" onload=\"alert(1)")]);
        assert!(
            html.contains("src=\"x&quot; onload=&quot;alert(1)\""),
            "{html}"
        );
    }

    #[test]
    fn base_is_the_directory() {
        assert_eq!(
            base_of("https://a.org/w/index.html#view=table"),
            "https://a.org/w/"
        );
        assert_eq!(base_of("https://a.org/w/"), "https://a.org/w/");
        assert_eq!(
            base_of("http://127.0.0.1:8080/?x=1#y"),
            "http://127.0.0.1:8080/"
        );
    }
}
