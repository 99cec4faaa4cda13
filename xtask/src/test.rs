//! `cargo xtask test`: every check the project has, cheapest first, stopping at
//! the first failing layer. The last line is always `N passed, N failed`, so
//! CI logs and people read the outcome in the same place.

use std::fs;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::cmd::{self, root};
use crate::setup::{self, Scope, CHROMEDRIVER};
use crate::{data, http, size};

/// The outcome of one layer. `reproduce` is set when it failed: what to run
/// to see the failure alone.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    pub passed: u64,
    pub failed: u64,
    pub reproduce: Option<String>,
}

impl Outcome {
    fn pass(passed: u64) -> Self {
        Outcome {
            passed,
            ..Outcome::default()
        }
    }

    fn fail(passed: u64, failed: u64, reproduce: impl Into<String>) -> Self {
        // A failing layer always counts at least one failure, even when the
        // tool died before reporting any (compile error, crash).
        Outcome {
            passed,
            failed: failed.max(1),
            reproduce: Some(reproduce.into()),
        }
    }

    /// A check that counts as one: passes or fails as a whole.
    fn single(ok: bool, reproduce: impl Into<String>) -> Self {
        if ok {
            Outcome::pass(1)
        } else {
            Outcome::fail(0, 1, reproduce)
        }
    }
}

type Layer = (&'static str, fn() -> Outcome);

const LAYERS: [Layer; 9] = [
    ("setup", layer_setup),
    ("fmt", layer_fmt),
    ("clippy", layer_clippy),
    ("unit", layer_unit),
    ("schema", layer_schema),
    ("browser", layer_browser),
    ("release", layer_release),
    ("size", layer_size),
    ("e2e", layer_e2e),
];

/// Runs the layers; Ok when all passed. Prints the final tally line last.
pub fn test() -> Result<(), String> {
    let (mut passed, mut failed) = (0, 0);
    let mut timings = Vec::new();
    let mut failure = None;
    for (name, layer) in LAYERS {
        println!("\n==> layer {name}");
        let start = Instant::now();
        let outcome = layer();
        let took = start.elapsed();
        passed += outcome.passed;
        failed += outcome.failed;
        let status = if outcome.reproduce.is_some() {
            "FAILED"
        } else {
            "ok"
        };
        println!(
            "<== layer {name}: {status}, {} passed, {} failed ({})",
            outcome.passed,
            outcome.failed,
            seconds(took)
        );
        timings.push((name, status, took));
        if let Some(reproduce) = outcome.reproduce {
            failure = Some(format!("FAILED at layer {name}: {reproduce}"));
            break;
        }
    }
    println!("\ntimings:");
    for (name, status, took) in &timings {
        println!("  {name:<8} {status:<6} {:>8}", seconds(*took));
    }
    if let Some(f) = &failure {
        println!("{f}");
    }
    println!("{passed} passed, {failed} failed");
    match failure {
        None => Ok(()),
        // main prints nothing more, so the tally stays the last line.
        Some(_) => Err(String::new()),
    }
}

fn seconds(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

fn cargo(args: &[&str]) -> Command {
    let mut c = Command::new("cargo");
    c.args(args).current_dir(root());
    c
}

fn layer_setup() -> Outcome {
    match setup::setup(Scope::All) {
        Ok(()) => Outcome::default(),
        Err(e) => {
            println!("{e}");
            Outcome::fail(0, 1, "cargo xtask setup")
        }
    }
}

fn layer_fmt() -> Outcome {
    let mut c = cargo(&["fmt", "--all", "--check"]);
    let ok = cmd::run(&mut c).is_ok();
    Outcome::single(ok, "cargo fmt --all --check (fix: cargo fmt --all)")
}

fn layer_clippy() -> Outcome {
    // Native first: it covers xtask and the tests; the wasm pass sees the
    // browser-only code behind cfg(target_arch = "wasm32").
    let runs = [
        vec![
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        vec![
            "clippy",
            "--target",
            setup::WASM_TARGET,
            "--all-targets",
            "-p",
            "funding-breakdown",
            "--",
            "-D",
            "warnings",
        ],
    ];
    for args in runs {
        let mut c = cargo(&args);
        if cmd::run(&mut c).is_err() {
            return Outcome::fail(0, 1, cmd::display(&c));
        }
    }
    Outcome::pass(1)
}

fn layer_unit() -> Outcome {
    let mut c = cargo(&["test", "--workspace"]);
    counted(&mut c, "cargo test --workspace")
}

fn layer_schema() -> Outcome {
    match data::schema_is_fresh() {
        Ok(true) => Outcome::pass(1),
        Ok(false) => {
            println!("{}", data::STALE);
            Outcome::fail(0, 1, "cargo xtask schema --check (fix: cargo xtask schema)")
        }
        Err(e) => {
            println!("{e}");
            Outcome::fail(0, 1, "cargo xtask schema --check")
        }
    }
}

fn layer_browser() -> Outcome {
    let mut c = cargo(&[
        "test",
        "-p",
        "funding-breakdown",
        "--target",
        setup::WASM_TARGET,
    ]);
    c.env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    let shown = cmd::display(&c);
    let outcome = counted(&mut c, &shown);
    if outcome.reproduce.is_none() && outcome.passed == 0 {
        // Plain #[test]s are skipped silently on wasm; zero means the layer tested nothing.
        return Outcome::fail(0, 1, format!("no browser tests ran: {shown}"));
    }
    outcome
}

/// Runs a libtest-style command and counts its `test result:` lines.
fn counted(c: &mut Command, reproduce: &str) -> Outcome {
    match cmd::run_tee(c) {
        Ok((status, out)) => {
            let (passed, failed) = sum_test_results(&out);
            if status.success() && failed == 0 {
                Outcome::pass(passed)
            } else {
                Outcome::fail(passed, failed, reproduce)
            }
        }
        Err(e) => {
            println!("{e}");
            Outcome::fail(0, 1, reproduce)
        }
    }
}

fn layer_release() -> Outcome {
    let mut c = release_build();
    let ok = cmd::run(&mut c).is_ok();
    Outcome::single(ok, cmd::display(&c))
}

/// The default view's transfer size against the budget (see size.rs).
fn layer_size() -> Outcome {
    match size::check(&root().join("dist")) {
        Ok(_) => Outcome::pass(1),
        Err(e) => {
            println!("{e}");
            Outcome::fail(0, 1, "cargo xtask build && cargo xtask size")
        }
    }
}

pub fn release_build() -> Command {
    let mut c = setup::trunk_command();
    c.args(["build", "--release"]);
    c
}

fn layer_e2e() -> Outcome {
    e2e(&[])
}

/// Serves dist/ (built by the release layer) and runs Playwright against it.
pub fn e2e(extra_args: &[String]) -> Outcome {
    let reproduce = "cargo xtask e2e";
    let root = root();
    let dir = setup::e2e_dir();
    let dist = root.join("dist");
    let missing = [
        (
            dir.join("package.json"),
            "tests/e2e/package.json is missing",
        ),
        (
            dir.join("node_modules/.bin/playwright"),
            "Playwright is not installed in tests/e2e (run cargo xtask setup)",
        ),
        (
            dist.join("index.html"),
            "dist/index.html is missing (run cargo xtask build)",
        ),
    ];
    if let Some((_, why)) = missing.iter().find(|(p, _)| !p.exists()) {
        println!("{why}");
        return Outcome::fail(0, 1, reproduce);
    }
    let addr = match http::start(
        // Host pages on other origins load embed.js (a module) and the wasm
        // with CORS, as a real host page would from a widget server.
        http::Config::new(&dist, 0)
            .header("Access-Control-Allow-Origin", "*")
            .misbehaving(),
    ) {
        Ok(addr) => addr,
        Err(e) => {
            println!("cannot serve dist/: {e}");
            return Outcome::fail(0, 1, reproduce);
        }
    };
    println!("serving dist/ at http://{addr}/");
    let report: PathBuf = root.join("target").join("e2e").join("report.json");
    // A report left from an earlier run must not be read as this run's.
    let _ = fs::remove_file(&report);
    if let Some(parent) = report.parent() {
        let _ = fs::create_dir_all(parent);
    }
    let mut c = Command::new("npx");
    c.current_dir(&dir)
        .env("BASE_URL", format!("http://{addr}"))
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .args(["playwright", "test", "--reporter=list,json"])
        .args(extra_args);
    let status = cmd::status(&mut c);
    let stats = fs::read_to_string(&report)
        .map_err(|e| format!("no Playwright JSON report at {} ({e})", report.display()))
        .and_then(|text| playwright_stats(&text));
    match (status, stats) {
        (Ok(status), Ok(s)) => {
            if s.flaky > 0 {
                println!(
                    "warning: {} e2e tests were flaky (passed on retry)",
                    s.flaky
                );
            }
            let passed = s.expected + s.flaky;
            if status.success() && s.unexpected == 0 && passed > 0 {
                Outcome::pass(passed)
            } else {
                if passed == 0 && s.unexpected == 0 {
                    println!("no e2e tests ran");
                }
                Outcome::fail(passed, s.unexpected, reproduce)
            }
        }
        (Err(e), _) | (_, Err(e)) => {
            println!("{e}");
            Outcome::fail(0, 1, reproduce)
        }
    }
}

/// Sums `test result: ok. N passed; M failed; …` lines (libtest and
/// wasm-bindgen-test-runner print the same summary).
pub fn sum_test_results(output: &str) -> (u64, u64) {
    output
        .lines()
        .filter_map(parse_test_result)
        .fold((0, 0), |(p, f), (dp, df)| (p + dp, f + df))
}

pub fn parse_test_result(line: &str) -> Option<(u64, u64)> {
    let rest = line.trim().strip_prefix("test result:")?;
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ';' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let count = |label: &str| {
        words.windows(2).find_map(|w| match w {
            [n, l] if *l == label => n.parse::<u64>().ok(),
            _ => None,
        })
    };
    Some((count("passed")?, count("failed")?))
}

/// Counts from a Playwright JSON report's `stats`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub expected: u64,
    pub unexpected: u64,
    pub flaky: u64,
    pub skipped: u64,
}

pub fn playwright_stats(json: &str) -> Result<Stats, String> {
    let value: serde_json::Value = serde_json::from_str(json)
        .map_err(|e| format!("the Playwright JSON report is not JSON: {e}"))?;
    let stats = value
        .get("stats")
        .ok_or("the Playwright JSON report has no stats")?;
    let n = |key: &str| {
        stats
            .get(key)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    };
    Ok(Stats {
        expected: n("expected"),
        unexpected: n("unexpected"),
        flaky: n("flaky"),
        skipped: n("skipped"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_libtest_summaries() {
        assert_eq!(
            parse_test_result("test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.03s"),
            Some((12, 0))
        );
        assert_eq!(
            parse_test_result(
                "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out"
            ),
            Some((3, 2))
        );
        assert_eq!(parse_test_result("test tests::result ... ok"), None);
        assert_eq!(parse_test_result("running 3 tests"), None);
    }

    #[test]
    fn sums_every_binary() {
        let out =
            "running 2 tests\ntest a ... ok\n\ntest result: ok. 2 passed; 0 failed; 0 ignored\n\
                   \nrunning 0 tests\n\ntest result: ok. 0 passed; 0 failed; 0 ignored\n\
                   test result: FAILED. 5 passed; 1 failed; 0 ignored\n";
        assert_eq!(sum_test_results(out), (7, 1));
        assert_eq!(sum_test_results("error[E0425]: cannot find value"), (0, 0));
    }

    #[test]
    fn parses_playwright_stats() {
        let json = r#"{"config":{},"suites":[],"errors":[],
            "stats":{"startTime":"2026-11-26T00:00:00.000Z","duration":1234.5,
                     "expected":7,"skipped":1,"unexpected":2,"flaky":1}}"#;
        assert_eq!(
            playwright_stats(json),
            Ok(Stats {
                expected: 7,
                unexpected: 2,
                flaky: 1,
                skipped: 1
            })
        );
        assert!(playwright_stats("{}").is_err());
        assert!(playwright_stats("not json").is_err());
    }

    #[test]
    fn failing_layers_count_at_least_one() {
        assert_eq!(Outcome::fail(4, 0, "x").failed, 1);
        assert_eq!(Outcome::fail(4, 3, "x").failed, 3);
        assert_eq!(Outcome::single(true, "x"), Outcome::pass(1));
    }
}
