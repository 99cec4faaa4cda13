//! A small static file server for tests: the e2e layer serves `dist/` with it,
//! and benchmarks or cross-origin embedding tests can start several (one per
//! origin), each with its own extra headers such as a Content-Security-Policy.
//! Std only, one thread per connection, `Connection: close`: enough for a
//! browser on the same machine, nothing more. Like a production server set
//! up as README says ("Compressed files"), it sends a file's precompressed
//! `.br` or `.gz` sibling when the browser accepts that encoding, so the
//! tests load what readers get.

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

/// What to serve and how.
#[derive(Clone, Debug)]
pub struct Config {
    /// Directory whose files are served; `/` is its `index.html`.
    pub dir: PathBuf,
    /// 0 picks a free port; the bound address is returned by [`start`].
    pub port: u16,
    /// Sent on every response, e.g. `("Content-Security-Policy", "default-src 'self'")`.
    pub headers: Vec<(String, String)>,
    /// Answer `/_fail/*` badly on purpose, for the widget's failure-mode tests.
    pub misbehave: bool,
}

impl Config {
    pub fn new(dir: impl Into<PathBuf>, port: u16) -> Self {
        Config {
            dir: dir.into(),
            port,
            headers: Vec::new(),
            misbehave: false,
        }
    }

    pub fn misbehaving(mut self) -> Self {
        self.misbehave = true;
        self
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
}

/// Serves `config.dir` on 127.0.0.1:`config.port` (0 = any free port) in a
/// background thread that lives as long as the process, with the configured
/// extra headers; returns the bound address.
pub fn start(config: Config) -> io::Result<SocketAddr> {
    if !config.dir.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("{} is not a directory", config.dir.display()),
        ));
    }
    // Loopback only: these servers exist for a browser on this machine.
    let listener = TcpListener::bind(("127.0.0.1", config.port))?;
    let addr = listener.local_addr()?;
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let config = config.clone();
            thread::spawn(move || {
                // A client that hangs up mid-response is not our problem.
                let _ = handle(stream, &config);
            });
        }
    });
    Ok(addr)
}

fn handle(stream: TcpStream, config: &Config) -> io::Result<()> {
    // A stuck client must not hold a thread forever.
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; only the encodings the client accepts change what we send.
    let mut header = String::new();
    let mut accept = String::new();
    for _ in 0..100 {
        header.clear();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept = value.trim().to_owned();
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut out = io::BufWriter::new(stream);
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut out,
            config,
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"method not allowed\n",
            true,
            &[("Allow", "GET, HEAD")],
        );
    }
    let head = method == "HEAD";
    if config.misbehave {
        if let Some(name) = target.strip_prefix("/_fail/") {
            return misbehave(out, config, name);
        }
    }
    // The file, or its precompressed copy and that copy's encoding.
    let found = resolve(&config.dir, target).and_then(|path| {
        let copy = precompressed(&path, &accept)
            .and_then(|(copy, encoding)| Some((fs::read(copy).ok()?, Some(encoding))));
        let (body, encoding) = match copy {
            Some(sent) => sent,
            None => (fs::read(&path).ok()?, None),
        };
        Some((path, body, encoding))
    });
    match found {
        Some((path, body, encoding)) => {
            let mut extra = vec![("Vary", "Accept-Encoding")];
            extra.extend(encoding.map(|e| ("Content-Encoding", e)));
            respond(
                &mut out,
                config,
                "200 OK",
                content_type(&path),
                &body,
                !head,
                &extra,
            )
        }
        None => respond(
            &mut out,
            config,
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found\n",
            !head,
            &[],
        ),
    }
}

/// Dataset URLs that fail the way real servers do. `once.json?KEY` fails with
/// 503 the first time a KEY is asked for and serves the default data after.
fn misbehave(mut out: impl Write, config: &Config, name: &str) -> io::Result<()> {
    static SEEN: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let json = "application/json";
    let data = || fs::read(config.dir.join("data/japan-iom-2021.json")).unwrap_or_default();
    let (path, _) = name.split_once('?').unwrap_or((name, ""));
    match path {
        "404.json" => respond(
            &mut out,
            config,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            true,
            &[],
        ),
        "500.json" => respond(
            &mut out,
            config,
            "500 Internal Server Error",
            "text/plain",
            b"boom\n",
            true,
            &[],
        ),
        // Drop the connection without a word: the browser sees a network error.
        "reset.json" => Ok(()),
        // Say nothing for longer than the widget waits.
        "stall.json" => {
            thread::sleep(Duration::from_secs(15));
            Ok(())
        }
        "html.json" => respond(
            &mut out,
            config,
            "200 OK",
            "text/html; charset=utf-8",
            b"<!doctype html><title>Oops</title><p>Sign in to continue</p>",
            true,
            &[],
        ),
        // A valid dataset, but without the CORS header another origin needs.
        "nocors.json" => {
            let bare = Config {
                headers: Vec::new(),
                ..config.clone()
            };
            respond(&mut out, &bare, "200 OK", json, &data(), true, &[])
        }
        "once.json" => {
            let first = SEEN.lock().map(|mut seen| {
                let key = name.to_owned();
                let first = !seen.contains(&key);
                seen.push(key);
                first
            });
            if first.unwrap_or(true) {
                respond(
                    &mut out,
                    config,
                    "503 Service Unavailable",
                    "text/plain",
                    b"busy\n",
                    true,
                    &[],
                )
            } else {
                respond(&mut out, config, "200 OK", json, &data(), true, &[])
            }
        }
        // 20 MiB of spaces. Announced (huge.json), the widget must refuse it
        // from the header alone; chunked, with no length to refuse it by, it
        // must stop reading past its limit. The client hangs up early: that
        // is the point.
        file @ ("huge.json" | "huge-chunked.json") => {
            let size = 20 * 1024 * 1024;
            let chunked = file == "huge-chunked.json";
            let framing = if chunked {
                "Transfer-Encoding: chunked".to_owned()
            } else {
                format!("Content-Length: {size}")
            };
            write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: {json}\r\n{framing}\r\nConnection: close\r\n"
            )?;
            for (n, v) in &config.headers {
                write!(out, "{n}: {v}\r\n")?;
            }
            out.write_all(b"\r\n")?;
            let chunk = vec![b' '; 64 * 1024];
            for _ in 0..size / chunk.len() {
                let sent = if chunked {
                    write!(out, "{:x}\r\n", chunk.len())
                        .and_then(|()| out.write_all(&chunk))
                        .and_then(|()| out.write_all(b"\r\n"))
                } else {
                    out.write_all(&chunk)
                };
                if sent.is_err() {
                    return Ok(());
                }
            }
            if chunked {
                out.write_all(b"0\r\n\r\n")?;
            }
            Ok(())
        }
        _ => respond(
            &mut out,
            config,
            "404 Not Found",
            "text/plain",
            b"no such failure\n",
            true,
            &[],
        ),
    }
}

fn respond(
    out: &mut impl Write,
    config: &Config,
    status: &str,
    content_type: &str,
    body: &[u8],
    send_body: bool,
    extra: &[(&str, &str)],
) -> io::Result<()> {
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n",
        body.len()
    )?;
    // Tests and benchmarks always want the file as it is on disk now.
    write!(out, "Cache-Control: no-store\r\nConnection: close\r\n")?;
    for (name, value) in extra
        .iter()
        .copied()
        .chain(config.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())))
    {
        write!(out, "{name}: {value}\r\n")?;
    }
    out.write_all(b"\r\n")?;
    if send_body {
        out.write_all(body)?;
    }
    out.flush()
}

/// The precompressed sibling of `file` to send for a request that accepts
/// `accept` (an Accept-Encoding value), and its encoding: `.br` before `.gz`.
/// An encoding the client refuses (`br;q=0`) or a missing sibling is skipped.
pub fn precompressed(file: &Path, accept: &str) -> Option<(PathBuf, &'static str)> {
    let accepts = |coding: &str| {
        accept.split(',').any(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    == Some(0.0)
            });
            name.eq_ignore_ascii_case(coding) && !refused
        })
    };
    [("br", "br"), ("gz", "gzip")]
        .into_iter()
        .filter(|(_, coding)| accepts(coding))
        .map(|(ext, coding)| (with_suffix(file, ext), coding))
        .find(|(sibling, _)| sibling.is_file())
}

/// `file` with `.suffix` appended to its name: `a.wasm` → `a.wasm.br`.
pub fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// The file a request target names under `root`, or None if it would leave
/// `root` or does not exist. A directory means its `index.html`.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = root.join(relative_path(target)?);
    let path = if path.is_dir() {
        path.join("index.html")
    } else {
        path
    };
    path.is_file().then_some(path)
}

/// The request path as a relative path with no `..`, query or fragment;
/// None for anything that could escape the served directory.
pub fn relative_path(target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    if !path.starts_with('/') {
        return None;
    }
    // Decode first so `%2e%2e` is caught by the same check as `..`.
    let decoded = percent_decode(path)?;
    let mut rel = PathBuf::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains(['\\', '\0']) => return None,
            p => rel.push(p),
        }
    }
    Some(rel)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Content type by extension; browsers need the exact wasm and JS types
/// (`WebAssembly.instantiateStreaming` rejects anything but application/wasm).
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn paths_stay_inside_the_root() {
        assert_eq!(relative_path("/"), Some(PathBuf::new()));
        assert_eq!(
            relative_path("/a/b.js?v=1#x"),
            Some(PathBuf::from("a/b.js"))
        );
        assert_eq!(relative_path("/./a//b.js"), Some(PathBuf::from("a/b.js")));
        assert_eq!(relative_path("/a%20b.css"), Some(PathBuf::from("a b.css")));
        for bad in [
            "/../etc/passwd",
            "/a/../../x",
            "/%2e%2e/x",
            "/a/%2E%2E/%2e%2e/x",
            "/..",
            "/a\\..\\x",
            "x",
            "",
            "/%zz",
            "/%2",
        ] {
            assert_eq!(relative_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn content_types() {
        let ct = |p: &str| content_type(Path::new(p));
        assert_eq!(ct("index.html"), "text/html; charset=utf-8");
        assert_eq!(ct("app-123.js"), "text/javascript");
        assert_eq!(ct("app_bg.wasm"), "application/wasm");
        assert_eq!(ct("style.CSS"), "text/css");
        assert_eq!(ct("data/x.json"), "application/json");
        assert_eq!(ct("logo.svg"), "image/svg+xml");
        assert_eq!(ct("icon.png"), "image/png");
        assert_eq!(ct("README"), "application/octet-stream");
    }

    fn get(addr: SocketAddr, request: &str) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn serves_files_with_headers() {
        let dir = std::env::temp_dir().join(format!("xtask-http-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("index.html"), "<p>hi</p>").unwrap();
        fs::write(dir.join("sub/a.wasm"), [0u8, 97, 115, 109]).unwrap();
        let addr =
            start(Config::new(&dir, 0).header("Content-Security-Policy", "default-src 'self'"))
                .unwrap();

        let index = get(addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(index.starts_with("HTTP/1.1 200 OK\r\n"), "{index}");
        assert!(index.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(index.contains("Content-Security-Policy: default-src 'self'\r\n"));
        assert!(index.ends_with("\r\n\r\n<p>hi</p>"));

        let head = get(addr, "HEAD /sub/a.wasm HTTP/1.1\r\n\r\n");
        assert!(
            head.contains("Content-Type: application/wasm\r\n"),
            "{head}"
        );
        assert!(head.contains("Content-Length: 4\r\n"));
        assert!(head.ends_with("\r\n\r\n"));

        assert!(get(addr, "GET /nope.js HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 404 "));

        // A precompressed sibling, when the client accepts its encoding.
        fs::write(dir.join("sub/a.wasm.br"), "BR").unwrap();
        fs::write(dir.join("sub/a.wasm.gz"), "GZIP").unwrap();
        let br = get(
            addr,
            "GET /sub/a.wasm HTTP/1.1\r\nAccept-Encoding: gzip, deflate, br, zstd\r\n\r\n",
        );
        assert!(br.contains("Content-Encoding: br\r\n"), "{br}");
        assert!(br.contains("Content-Type: application/wasm\r\n"));
        assert!(br.contains("Vary: Accept-Encoding\r\n"));
        assert!(br.ends_with("\r\n\r\nBR"));
        let gz = get(
            addr,
            "GET /sub/a.wasm HTTP/1.1\r\naccept-encoding: gzip, br;q=0\r\n\r\n",
        );
        assert!(
            gz.contains("Content-Encoding: gzip\r\n") && gz.ends_with("GZIP"),
            "{gz}"
        );
        let plain = get(addr, "GET /sub/a.wasm HTTP/1.1\r\n\r\n");
        assert!(!plain.contains("Content-Encoding") && plain.contains("Content-Length: 4\r\n"));
        assert!(get(addr, "GET /../index.html HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 404 "));
        assert!(get(addr, "POST / HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 405 "));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn misbehaving_endpoints_fail_on_purpose() {
        let dir = std::env::temp_dir().join(format!("fb-http-fail-{}", std::process::id()));
        fs::create_dir_all(dir.join("data")).unwrap();
        fs::write(dir.join("data/japan-iom-2021.json"), "{}").unwrap();
        let addr = start(
            Config::new(&dir, 0)
                .header("Access-Control-Allow-Origin", "*")
                .misbehaving(),
        )
        .unwrap();
        let req = |path: &str| get(addr, &format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n"));
        assert!(req("/_fail/404.json").starts_with("HTTP/1.1 404"));
        assert!(req("/_fail/500.json").starts_with("HTTP/1.1 500"));
        assert!(
            req("/_fail/reset.json").is_empty(),
            "connection dropped without a reply"
        );
        assert!(req("/_fail/html.json").contains("Content-Type: text/html"));
        let nocors = req("/_fail/nocors.json");
        assert!(
            nocors.starts_with("HTTP/1.1 200") && !nocors.contains("Access-Control-Allow-Origin")
        );
        assert!(req("/_fail/once.json?a").starts_with("HTTP/1.1 503"));
        assert!(req("/_fail/once.json?a").starts_with("HTTP/1.1 200"));
        // Only the test server misbehaves.
        let plain = start(Config::new(&dir, 0)).unwrap();
        let r = get(plain, "GET /_fail/500.json HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(r.starts_with("HTTP/1.1 404"));
        let _ = fs::remove_dir_all(&dir);
    }
}
