//! Project tasks, run as `cargo xtask <command>` (alias in .cargo/config.toml).
//! Arguments are parsed by hand to keep this crate's dependencies to the
//! ones its work needs.

mod bench;
mod cmd;
mod data;
mod fuzz;
mod http;
mod imports;
mod postbuild;
mod setup;
mod size;
mod test;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup [--no-browser]     install or confirm the pinned tools (wasm32 target, trunk,
                           wasm-bindgen-cli, wasm-opt; chromium and e2e packages unless --no-browser)
  serve [TRUNK ARGS...]    setup, then trunk serve on http://127.0.0.1:8080/ (built into target/serve)
  build [TRUNK ARGS...]    setup, then the release build into dist/ (what to deploy)
  check-data FILE...       validate data files as the widget would; exit 1 on any problem
  schema [--check]         write static/data/schema.json and series.schema.json, or check them
  test                     every check: setup, fmt, clippy, unit, schema, browser, release, size, e2e
  size                     what the default view of dist/ transfers (gzip -9) against the budget
  fuzz [CASES]             property tests in release mode, CASES per property (default 100000)
  e2e [PLAYWRIGHT ARGS...] setup, release build, then only the Playwright layer
  bench [--runs N] [--json FILE] [--large] [--slow] [--cpu N]
                           setup, release build, then load times, click latency, bytes and
                           memory of the widget beside a plain reference page (N loads, default 10;
                           --slow: an emulated slow network; --cpu N: the CPU N times slower)
  post-build               Trunk hook: the pages' static copies, boot.js, lang.js, embed.js, csp.txt,
                           the language files and, in release builds, minified and compressed copies";

fn main() -> ExitCode {
    cmd::cargo_bin_on_path();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match command {
        "setup" => match rest {
            [] => setup::setup(setup::Scope::All),
            [flag] if flag == "--no-browser" => setup::setup(setup::Scope::Build),
            _ => Err(USAGE.into()),
        },
        "serve" => return serve(rest),
        "build" => build(rest),
        "check-data" => data::check_data(rest),
        "schema" => match rest {
            [] => data::schema(false),
            [flag] if flag == "--check" => data::schema(true),
            _ => Err(USAGE.into()),
        },
        "test" if rest.is_empty() => test::test(),
        "size" if rest.is_empty() => size::check(&cmd::root().join("dist")).map(|_| ()),
        "fuzz" => fuzz::fuzz(rest),
        "e2e" => e2e(rest),
        "bench" => bench::bench(rest),
        "post-build" => postbuild::post_build(),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // `test` has printed its own summary and must keep it last.
            if !message.is_empty() {
                eprintln!("{message}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Setup without the browser tools, then the release build, with the pinned
/// wasm-opt on trunk's PATH (plain `trunk build --release` finds none, and
/// Trunk.toml's `offline` forbids trunk's own download).
fn build(extra: &[String]) -> Result<(), String> {
    setup::setup(setup::Scope::Build)?;
    cmd::run(test::release_build().args(extra))?;
    println!("Built into {}", cmd::root().join("dist").display());
    Ok(())
}

/// Setup without the browser tools, then `trunk serve`; exits with trunk's code.
/// It builds into its own folder: a `cargo xtask test` run at the same time
/// builds, measures and serves the release build in dist/.
fn serve(extra: &[String]) -> ExitCode {
    if let Err(e) = setup::setup(setup::Scope::Build) {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    let mut c = setup::trunk_command();
    c.arg("serve");
    if flag_value(extra, "--dist")
        .or(flag_value(extra, "-d"))
        .is_none()
    {
        c.args(["--dist", "target/serve"]);
    }
    c.args(extra);
    println!(
        "trunk serves {} once its first build is done (a few minutes the first time)",
        serve_url(extra)
    );
    match cmd::status(&mut c) {
        Ok(status) => status
            .code()
            .and_then(|code| u8::try_from(code).ok())
            .map_or(ExitCode::FAILURE, ExitCode::from),
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// Where trunk will serve, for the message only: trunk itself takes the
/// address and port from its arguments, then its environment, then Trunk.toml.
fn serve_url(extra: &[String]) -> String {
    let toml = std::fs::read_to_string(cmd::root().join("Trunk.toml")).unwrap_or_default();
    let from_toml = |key: &str| {
        toml.lines()
            .skip_while(|l| l.trim() != "[serve]")
            .skip(1)
            .take_while(|l| !l.trim_start().starts_with('['))
            .find_map(|l| {
                let (k, v) = l.split_once('=')?;
                (k.trim() == key).then(|| {
                    v.trim()
                        .trim_matches(|c| c == '[' || c == ']' || c == '"')
                        .split('"')
                        .next()
                        .unwrap_or_default()
                        .to_string()
                })
            })
    };
    let address = flag_value(extra, "--address")
        .or(flag_value(extra, "-a"))
        .or(std::env::var("TRUNK_SERVE_ADDRESS").ok())
        .or(from_toml("addresses"))
        .unwrap_or_else(|| "127.0.0.1".into());
    let port = flag_value(extra, "--port")
        .or(flag_value(extra, "-p"))
        .or(std::env::var("TRUNK_SERVE_PORT").ok())
        .or(from_toml("port"))
        .unwrap_or_else(|| "8080".into());
    let host = if address.contains(':') {
        format!("[{address}]")
    } else {
        address
    };
    format!("http://{host}:{port}/")
}

/// The value of `--flag VALUE` or `--flag=VALUE`, the last one winning.
fn flag_value(args: &[String], flag: &str) -> Option<String> {
    let mut value = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == flag {
            value = it.next().cloned();
        } else if let Some(v) = arg.strip_prefix(flag).and_then(|v| v.strip_prefix('=')) {
            value = Some(v.to_string());
        }
    }
    value
}

/// The e2e layer on its own, after the build it tests; what `test` names to
/// reproduce an e2e failure.
fn e2e(playwright_args: &[String]) -> Result<(), String> {
    setup::setup(setup::Scope::All)?;
    cmd::run(&mut test::release_build())?;
    let outcome = test::e2e(playwright_args);
    println!("{} passed, {} failed", outcome.passed, outcome.failed);
    match outcome.reproduce {
        None => Ok(()),
        Some(_) => Err(String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::{flag_value, serve_url};

    #[test]
    fn flag_values_in_both_spellings() {
        let args: Vec<String> = ["--release", "--port", "9000", "--address=0.0.0.0"]
            .map(String::from)
            .to_vec();
        assert_eq!(flag_value(&args, "--port").as_deref(), Some("9000"));
        assert_eq!(flag_value(&args, "--address").as_deref(), Some("0.0.0.0"));
        assert_eq!(flag_value(&args, "--open"), None);
        assert_eq!(flag_value(&args, "--port-x"), None);
        let short: Vec<String> = ["-p", "9000"].map(String::from).to_vec();
        assert_eq!(flag_value(&short, "-p").as_deref(), Some("9000"));
    }

    #[test]
    fn serve_url_from_arguments_then_trunk_toml() {
        // Trunk.toml says 127.0.0.1:8080.
        if std::env::var_os("TRUNK_SERVE_PORT").is_none()
            && std::env::var_os("TRUNK_SERVE_ADDRESS").is_none()
        {
            assert_eq!(serve_url(&[]), "http://127.0.0.1:8080/");
        }
        let args: Vec<String> = ["-p", "9000", "--address=::1"].map(String::from).to_vec();
        assert_eq!(serve_url(&args), "http://[::1]:9000/");
    }
}
