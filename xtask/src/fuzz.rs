//! `cargo xtask fuzz [CASES]`: the property tests (`proptests` in the root
//! crate) with many cases each, optimised but with overflow checks and debug
//! assertions on, so arithmetic that would wrap in the widget fails here.

use std::process::Command;
use std::time::Instant;

use crate::cmd::{self, root};
use crate::test::sum_test_results;

/// Cases per property when none are given.
pub const DEFAULT_CASES: u64 = 100_000;

/// The cases per property from the command line: none, or one count
/// (`100000`, `100_000`).
pub fn parse_cases(args: &[String]) -> Result<u64, String> {
    match args {
        [] => Ok(DEFAULT_CASES),
        [n] => match n.replace('_', "").parse::<u64>() {
            Ok(cases) if cases > 0 => Ok(cases),
            _ => Err(format!("fuzz: {n:?} is not a number of cases above 0")),
        },
        _ => Err("usage: cargo xtask fuzz [CASES]".into()),
    }
}

pub fn command(cases: u64) -> Command {
    let mut c = Command::new("cargo");
    c.current_dir(root())
        .args([
            "test",
            "--release",
            "-p",
            "funding-breakdown",
            "--lib",
            "proptests",
        ])
        .env("PROPTEST_CASES", cases.to_string())
        // The release profile is tuned for a small wasm (LTO, one codegen
        // unit, size over speed); a test binary wants a fast build and fast
        // code, and checks that release builds leave out.
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "3")
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS", "true")
        .env("CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS", "true");
    c
}

/// The closing line: properties, cases and failures.
pub fn summary(properties: u64, cases: u64, failures: u64) -> String {
    format!(
        "fuzz: {properties} properties × {cases} cases = {} cases, {failures} failures",
        properties * cases
    )
}

pub fn fuzz(args: &[String]) -> Result<(), String> {
    let cases = parse_cases(args)?;
    let mut c = command(cases);
    let start = Instant::now();
    let (status, out) = cmd::run_tee(&mut c)?;
    let (passed, failed) = sum_test_results(&out);
    let properties = passed + failed;
    println!(
        "{} ({:.0} s)",
        summary(properties, cases, failed),
        start.elapsed().as_secs_f64()
    );
    if properties == 0 {
        return Err(format!("no property tests ran: {}", cmd::display(&c)));
    }
    if status.success() && failed == 0 {
        Ok(())
    } else {
        // A failure that proptest shrank is saved in proptest-regressions/ and replayed first.
        Err(format!("reproduce: {}", cmd::display(&c)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn cases_default_and_parse() {
        assert_eq!(parse_cases(&[]), Ok(DEFAULT_CASES));
        assert_eq!(parse_cases(&args(&["5000"])), Ok(5000));
        assert_eq!(parse_cases(&args(&["1_000_000"])), Ok(1_000_000));
        assert!(parse_cases(&args(&["0"])).is_err());
        assert!(parse_cases(&args(&["many"])).is_err());
        assert!(parse_cases(&args(&["1", "2"])).is_err());
    }

    #[test]
    fn the_summary_counts_every_case() {
        assert_eq!(
            summary(7, 100_000, 0),
            "fuzz: 7 properties × 100000 cases = 700000 cases, 0 failures"
        );
    }

    #[test]
    fn the_command_filters_the_property_tests() {
        let shown = cmd::display(&command(42));
        assert!(shown.contains("PROPTEST_CASES=42"), "{shown}");
        assert!(shown.ends_with("cargo test --release -p funding-breakdown --lib proptests"));
    }
}
