//! `cargo xtask bench [--runs N] [--json FILE] [--large] [--slow] [--cpu N]`: what a reader's
//! browser loads and how fast the chart appears and answers a click, for the
//! widget and for a hand-written reference page, side by side.
//!
//! Each load is followed by a first click and a next click (`bench/run.mjs`
//! says how). index.html fetches its wasm only at the reader's first move, so
//! the first click pays for it: the table shows what the load itself
//! transfers apart from the totals with the first click's files, and the
//! first (cold) click apart from the next (warm) one.
//!
//! The xtask side: setup and release build (as `cargo xtask e2e`), staging the
//! build with the pages in `bench/` under `target/bench/site/`, the large
//! dataset, serving, and turning the raw samples of `bench/run.mjs` (the
//! Playwright driver) into statistics, a table and a JSON file. Timings are
//! never asserted: CI does not run this.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use funding_breakdown::model::{
    Beneficiary, Contribution, Dataset, Region, Source, Stated, StatedAmount, StatedShare, Status,
    Text, Theme,
};
use serde::{Deserialize, Serialize};

use crate::cmd::{self, root};
use crate::setup::{self, Scope};
use crate::{data, http, test};

pub const DEFAULT_RUNS: usize = 10;
/// Discarded loads of each page before the measured ones (disk cache of the
/// server's files, browser process warm-up).
const WARMUP: usize = 1;

#[derive(Debug, PartialEq)]
pub struct Options {
    pub runs: usize,
    pub json: Option<PathBuf>,
    pub large: bool,
    /// Through an emulated slow network ([`SLOW`]) rather than straight from localhost.
    pub slow: bool,
    /// The page's CPU this many times slower (Chromium's CPU throttling, as
    /// DevTools' "4x slowdown" for a mid-range phone); None: as it is.
    pub cpu: Option<u32>,
}

pub const USAGE: &str =
    "usage: cargo xtask bench [--runs N] [--json FILE] [--large] [--slow] [--cpu N]";

/// The slowest CPU `--cpu` emulates: past it a load takes longer than the
/// driver waits.
const MAX_CPU: u32 = 20;

/// What `--cpu N` says under the table's title.
fn describe_cpu(rate: u32) -> String {
    format!("emulated slow CPU: the page's main thread {rate}x slower (Chromium's CPU throttling)")
}

/// `--slow`: a slow mobile connection, as Chromium's DevTools emulate one:
/// this much latency added to every request and each response held to this
/// throughput. On localhost a request costs a few ms, so only this shows what
/// a reader on such a network pays for each round trip and each KB.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Network {
    pub latency_ms: u32,
    pub down_bytes_per_s: u32,
    pub up_bytes_per_s: u32,
}

pub const SLOW: Network = Network {
    latency_ms: 400,
    down_bytes_per_s: 50 * 1024,
    up_bytes_per_s: 50 * 1024,
};

impl Network {
    fn describe(&self) -> String {
        format!(
            "emulated slow network: {} ms added to each request, {} KB/s down, {} KB/s up",
            self.latency_ms,
            self.down_bytes_per_s / 1024,
            self.up_bytes_per_s / 1024
        )
    }
}

pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        runs: DEFAULT_RUNS,
        json: None,
        large: false,
        slow: false,
        cpu: None,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or(format!("{flag} needs a value\n{USAGE}"))
        };
        match flag {
            "--runs" => {
                let v = value()?;
                options.runs = match v.parse::<usize>() {
                    Ok(n) if n > 0 => n,
                    _ => return Err(format!("--runs wants a whole number above 0, not {v:?}")),
                };
            }
            "--json" => options.json = Some(PathBuf::from(value()?)),
            "--large" if inline.is_none() => options.large = true,
            "--slow" if inline.is_none() => options.slow = true,
            "--cpu" => {
                let v = value()?;
                options.cpu = match v.parse::<u32>() {
                    Ok(1) => None,
                    Ok(n) if (2..=MAX_CPU).contains(&n) => Some(n),
                    _ => {
                        return Err(format!(
                            "--cpu wants how many times slower, a whole number from 1 to {MAX_CPU}, not {v:?}"
                        ))
                    }
                };
            }
            _ => return Err(format!("unknown argument {arg:?}\n{USAGE}")),
        }
    }
    Ok(options)
}

/// One page the driver measures, with how to find its marks and detail panel.
#[derive(Clone, Debug, Serialize)]
struct PageSpec {
    name: &'static str,
    path: &'static str,
    /// Selector of a chart mark: an svg path that selects on click.
    marks: &'static str,
    /// Selector of the element whose text shows the selected mark.
    detail: &'static str,
    /// Index of the mark clicked first; the next click takes the one after.
    click: usize,
}

/// Donut marks, whether the static copy pre-rendered into index.html (first
/// chart visible) or the live widget's (interactive: a click listener above).
const WIDGET_MARKS: &str = "svg.fb-donut path.fb-mark";
/// Past nine marks the widget draws bars (src/chart/bars.rs), one row per part.
const WIDGET_BARS: &str = ".fb-parts [role=option]";
const WIDGET_DETAIL: &str = ".fb-detail";
const REFERENCE_MARKS: &str = "svg path[role=option]";
const REFERENCE_DETAIL: &str = "#detail";

struct Scenario {
    key: &'static str,
    title: &'static str,
    pages: [PageSpec; 2],
}

fn scenario(large: bool) -> Scenario {
    let page = |name, path, marks, detail| PageSpec {
        name,
        path,
        marks,
        detail,
        click: 0,
    };
    if large {
        Scenario {
            key: "large",
            title: "large dataset (200 regions, 50 themes) as a <funding-breakdown src> element",
            pages: [
                page("widget", "/bench/host.html", WIDGET_BARS, WIDGET_DETAIL),
                page(
                    "reference",
                    "/bench/reference/index.html?src=../large.json",
                    REFERENCE_MARKS,
                    REFERENCE_DETAIL,
                ),
            ],
        }
    } else {
        Scenario {
            key: "default",
            title: "default view (index.html: Japan -> IOM 2021 by region)",
            pages: [
                page("widget", "/index.html", WIDGET_MARKS, WIDGET_DETAIL),
                page(
                    "reference",
                    "/bench/reference/index.html",
                    REFERENCE_MARKS,
                    REFERENCE_DETAIL,
                ),
            ],
        }
    }
}

/// `cargo xtask bench`.
pub fn bench(args: &[String]) -> Result<(), String> {
    let options = parse_args(args)?;
    setup::setup(Scope::All)?;
    cmd::run(&mut test::release_build())?;

    let root = root();
    let work = root.join("target").join("bench");
    let site = work.join("site");
    stage(&root.join("dist"), &root.join("bench"), &site)
        .map_err(|e| format!("bench: cannot stage {}: {e}", site.display()))?;
    if options.large {
        let text = large_json()?;
        let file = work.join("large.json");
        fs::write(&file, &text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        fs::write(site.join("bench").join("large.json"), &text)
            .map_err(|e| format!("cannot write the staged large.json: {e}"))?;
        println!(
            "bench: {} ({} bytes, {LARGE_REGIONS} regions, {LARGE_THEMES} themes) passes check-data",
            file.strip_prefix(&root).unwrap_or(&file).display(),
            text.len()
        );
    }
    // The build's files have their .br and .gz copies; the bench's pages get
    // theirs, so the reference is not sent larger than it would be.
    crate::postbuild::precompress(&site.join("bench"))?;
    let scenario = scenario(options.large);
    let network = options.slow.then_some(SLOW);
    let key = format!(
        "{}{}{}",
        scenario.key,
        if options.slow { "-slow" } else { "" },
        options.cpu.map(|n| format!("-cpu{n}")).unwrap_or_default()
    );

    let addr = http::start(http::Config::new(&site, 0))
        .map_err(|e| format!("bench: cannot serve {}: {e}", site.display()))?;
    let base = format!("http://{addr}");
    println!("bench: serving {} at {base}/", site.display());

    let raw_path = work.join(format!("raw-{key}.json"));
    let _ = fs::remove_file(&raw_path);
    let config = serde_json::json!({
        "base": base,
        "runs": options.runs,
        "warmup": WARMUP,
        "out": raw_path,
        "pages": scenario.pages,
        "network": network,
        "cpu": options.cpu,
    });
    let config_path = work.join(format!("config-{key}.json"));
    fs::write(&config_path, config.to_string())
        .map_err(|e| format!("cannot write {}: {e}", config_path.display()))?;
    let mut node = Command::new("node");
    node.current_dir(&root)
        .arg(root.join("bench").join("run.mjs"))
        .arg(&config_path);
    cmd::run(&mut node)?;

    let text = fs::read_to_string(&raw_path)
        .map_err(|e| format!("bench: no results at {} ({e})", raw_path.display()))?;
    let raw: Raw = serde_json::from_str(&text).map_err(|e| {
        format!(
            "bench: {} is not what run.mjs writes: {e}",
            raw_path.display()
        )
    })?;
    let mut report = Report::new(
        &scenario,
        &raw,
        options.runs,
        today(),
        machine(),
        scenario.pages.iter().map(|p| p.path.to_string()).collect(),
    );
    report.network = network.map(|n| n.describe());
    report.cpu = options.cpu.map(describe_cpu);
    println!("\n{}", format_table(&report));
    if let Some(path) = &options.json {
        let json = serde_json::to_string_pretty(&report)
            .map_err(|e| format!("cannot serialise the report: {e}"))?;
        fs::write(path, json + "\n")
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("bench: wrote {}", path.display());
    }
    Ok(())
}

/// `target/bench/site/`: the release build as it is, with `bench/` (the
/// reference and host pages) at `/bench/`, so every page is on one origin.
fn stage(dist: &Path, bench: &Path, site: &Path) -> io::Result<()> {
    match fs::remove_dir_all(site) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    copy_dir(dist, site)?;
    copy_dir(bench, &site.join("bench"))
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- results

/// What run.mjs writes.
#[derive(Debug, Deserialize)]
struct Raw {
    browser: String,
    /// How the compressed sizes were computed.
    #[serde(default)]
    compression: String,
    pages: Vec<RawPage>,
}

#[derive(Debug, Deserialize)]
struct RawPage {
    name: String,
    runs: Vec<RawRun>,
}

#[derive(Debug, Deserialize)]
struct RawRun {
    metrics: BTreeMap<String, Option<f64>>,
    #[serde(default)]
    detail_text: String,
    files: Vec<RawFile>,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
struct RawFile {
    path: String,
    status: u16,
    raw: u64,
    gzip: u64,
    brotli: u64,
    /// Received after the load had settled, in answer to the first click.
    #[serde(default)]
    after_interaction: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Stats {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

/// Median (mean of the middle two for an even count), min and max; None
/// without values. NaN never comes from the driver and is ignored if it does.
pub fn stats(values: &[f64]) -> Option<Stats> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let (&min, &max) = (v.first()?, v.last()?);
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    Some(Stats { median, min, max })
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    Count,
    Bytes,
    Ms,
}

/// The rows of the summary table, in order: key in the JSON, label, unit.
/// `interactive_ms` stays in the JSON only: on index.html it follows the first
/// click, so it times the bench's pause more than the page.
const METRICS: [(&str, &str, Unit); 12] = [
    ("requests", "requests incl. first click", Unit::Count),
    (
        "load_transfer_gzip_bytes",
        "load transfer, gzip -9 (B)",
        Unit::Bytes,
    ),
    (
        "transfer_raw_bytes",
        "transfer incl. first click, raw (B)",
        Unit::Bytes,
    ),
    (
        "transfer_gzip_bytes",
        "transfer incl. first click, gzip -9 (B)",
        Unit::Bytes,
    ),
    (
        "transfer_brotli_bytes",
        "transfer incl. first click, brotli q11 (B)",
        Unit::Bytes,
    ),
    ("fcp_ms", "first contentful paint (ms)", Unit::Ms),
    ("first_chart_ms", "first chart visible (ms)", Unit::Ms),
    ("ready_attr_ms", "data-state=ready (ms)", Unit::Ms),
    (
        "first_click_ms",
        "first click -> detail painted (ms)",
        Unit::Ms,
    ),
    ("click_ms", "next click -> detail painted (ms)", Unit::Ms),
    ("js_heap_bytes", "JS heap after GC (B)", Unit::Bytes),
    ("wasm_memory_bytes", "wasm memory (B)", Unit::Bytes),
];

#[derive(Debug, Serialize)]
pub struct Metric {
    /// One per run, null where the page has no such thing (no wasm).
    pub samples: Vec<Option<f64>>,
    pub stats: Option<Stats>,
}

#[derive(Debug, Serialize)]
struct FileRow {
    path: String,
    status: u16,
    raw: u64,
    gzip: u64,
    brotli: u64,
    /// In how many runs the page requested it.
    runs: usize,
    /// The most requests for it in one load.
    per_load: usize,
    /// In how many of `runs` it came only after the load, for the first click.
    after_interaction: usize,
}

#[derive(Debug, Serialize)]
struct PageReport {
    name: String,
    path: String,
    metrics: BTreeMap<String, Metric>,
    files: Vec<FileRow>,
    /// The detail panel's text after the click (first run), to see what was measured.
    detail_text: String,
}

#[derive(Debug, Default, Serialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub memory_gib: u64,
}

#[derive(Debug, Serialize)]
struct Report {
    scenario: String,
    title: String,
    date: String,
    machine: Machine,
    browser: String,
    compression: String,
    /// The emulated network, if any (`--slow`); none: localhost as it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    network: Option<String>,
    /// The emulated CPU, if any (`--cpu N`).
    #[serde(skip_serializing_if = "Option::is_none")]
    cpu: Option<String>,
    runs: usize,
    warmup: usize,
    pages: Vec<PageReport>,
    /// Median of the first page (the widget) over the median of the second
    /// (the reference), per metric; null where either has no value.
    ratios: BTreeMap<String, Option<f64>>,
    /// For the times in `PAIRED`: in how many pairs of loads (run i of each
    /// page) the widget's was the lower, and of how many pairs.
    pairs: BTreeMap<String, (usize, usize)>,
}

/// Times also compared load by load. The pages load in turn, so run i of
/// each met about the same state of the machine, and a count of pairs says
/// more about a small gap than two medians of noisy loads do.
const PAIRED: [&str; 2] = ["fcp_ms", "first_chart_ms"];

/// In how many pairs (run i of `a`, run i of `b`, both with a value) `a`'s
/// value is the lower: (lower, pairs).
pub fn lower_in_pairs(a: &[Option<f64>], b: &[Option<f64>]) -> (usize, usize) {
    a.iter()
        .zip(b)
        .filter_map(|(x, y)| Some((*x)? < (*y)?))
        .fold((0, 0), |(lower, n), l| (lower + usize::from(l), n + 1))
}

impl Report {
    fn new(
        scenario: &Scenario,
        raw: &Raw,
        runs: usize,
        date: String,
        machine: Machine,
        paths: Vec<String>,
    ) -> Report {
        let pages: Vec<PageReport> = raw
            .pages
            .iter()
            .zip(paths)
            .map(|(page, path)| page_report(page, path))
            .collect();
        let mut ratios = BTreeMap::new();
        let mut pairs = BTreeMap::new();
        if let [widget, reference] = pages.as_slice() {
            for (key, _, _) in METRICS {
                ratios.insert(key.to_string(), ratio(widget, reference, key));
            }
            for key in PAIRED {
                if let (Some(w), Some(r)) = (widget.metrics.get(key), reference.metrics.get(key)) {
                    pairs.insert(key.to_string(), lower_in_pairs(&w.samples, &r.samples));
                }
            }
        }
        Report {
            scenario: scenario.key.to_string(),
            title: scenario.title.to_string(),
            date,
            machine,
            browser: raw.browser.clone(),
            compression: raw.compression.clone(),
            network: None,
            cpu: None,
            runs,
            warmup: WARMUP,
            pages,
            ratios,
            pairs,
        }
    }
}

fn median_of(page: &PageReport, key: &str) -> Option<f64> {
    page.metrics.get(key)?.stats.map(|s| s.median)
}

fn ratio(a: &PageReport, b: &PageReport, key: &str) -> Option<f64> {
    let (x, y) = (median_of(a, key)?, median_of(b, key)?);
    (y > 0.0).then(|| x / y)
}

/// The first response for each path, in request order.
fn distinct_files(files: &[RawFile]) -> Vec<&RawFile> {
    let mut out: Vec<&RawFile> = Vec::new();
    for f in files {
        if !out.iter().any(|x| x.path == f.path) {
            out.push(f);
        }
    }
    out
}

fn page_report(page: &RawPage, path: String) -> PageReport {
    let mut samples: BTreeMap<String, Vec<Option<f64>>> = BTreeMap::new();
    for run in &page.runs {
        let mut add = |key: &str, v: Option<f64>| {
            samples.entry(key.to_string()).or_default().push(v);
        };
        // A file fetched twice in one load (headless Chromium asks for the
        // favicon several times with the cache off) counts once in the bytes.
        let distinct = distinct_files(&run.files);
        let total = |f: fn(&RawFile) -> u64| distinct.iter().map(|x| f(x)).sum::<u64>() as f64;
        let load: u64 = distinct
            .iter()
            .filter(|x| !x.after_interaction)
            .map(|x| x.gzip)
            .sum();
        add("requests", Some(run.files.len() as f64));
        add("load_transfer_gzip_bytes", Some(load as f64));
        add("transfer_raw_bytes", Some(total(|f| f.raw)));
        add("transfer_gzip_bytes", Some(total(|f| f.gzip)));
        add("transfer_brotli_bytes", Some(total(|f| f.brotli)));
        for (key, value) in &run.metrics {
            add(key, *value);
        }
    }
    let metrics = samples
        .into_iter()
        .map(|(key, samples)| {
            let present: Vec<f64> = samples.iter().flatten().copied().collect();
            let stats = stats(&present);
            (key, Metric { samples, stats })
        })
        .collect();
    let mut files: Vec<FileRow> = Vec::new();
    for run in &page.runs {
        for f in distinct_files(&run.files) {
            let requests = run.files.iter().filter(|x| x.path == f.path).count();
            match files.iter_mut().find(|row| row.path == f.path) {
                Some(row) => {
                    row.runs += 1;
                    row.per_load = row.per_load.max(requests);
                    row.after_interaction += usize::from(f.after_interaction);
                }
                None => files.push(FileRow {
                    path: f.path.clone(),
                    status: f.status,
                    raw: f.raw,
                    gzip: f.gzip,
                    brotli: f.brotli,
                    runs: 1,
                    per_load: requests,
                    after_interaction: usize::from(f.after_interaction),
                }),
            }
        }
    }
    PageReport {
        name: page.name.clone(),
        path,
        metrics,
        files,
        detail_text: page
            .runs
            .first()
            .map(|r| r.detail_text.clone())
            .unwrap_or_default(),
    }
}

// ---------------------------------------------------------------- table

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Count | Unit::Bytes => thousands(v.round().max(0.0) as u64),
        Unit::Ms => format!("{v:.1}"),
    }
}

/// `86.8x`, `1.23x`; `-` without both values.
pub fn format_ratio(r: Option<f64>) -> String {
    match r {
        Some(r) if r >= 9.95 => format!("{r:.1}x"),
        Some(r) => format!("{r:.2}x"),
        None => "-".to_string(),
    }
}

const LABEL: usize = 42;
const NUM: usize = 10;
const RATIO: usize = 8;

/// A file's path in the files table, with what sets it apart: its status if
/// not 200, repeated requests, fetched only for the first click (outside the
/// load transfer), requested in some runs only.
fn file_label(f: &FileRow, runs: usize) -> String {
    let mut label = f.path.clone();
    if f.status != 200 {
        label.push_str(&format!(" [{}]", f.status));
    }
    if f.per_load > 1 {
        label.push_str(&format!(" ({}x per load)", f.per_load));
    }
    if f.after_interaction == f.runs {
        label.push_str(" (first click)");
    } else if f.after_interaction > 0 {
        label.push_str(&format!(
            " (first click in {} of {} runs)",
            f.after_interaction, f.runs
        ));
    }
    if f.runs != runs {
        label.push_str(&format!(" ({} of {} runs)", f.runs, runs));
    }
    label
}

fn format_table(report: &Report) -> String {
    let mut out = String::new();
    let line = |out: &mut String, s: String| {
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(
        &mut out,
        format!("funding-breakdown benchmark: {}", report.title),
    );
    line(
        &mut out,
        format!(
            "{}, {} ({} cores, {} GiB), {}, {} fresh loads per page after {} warm-up",
            report.date,
            report.machine.cpu,
            report.machine.cores,
            report.machine.memory_gib,
            report.browser,
            report.runs,
            report.warmup
        ),
    );
    line(
        &mut out,
        format!("compressed sizes: {}", report.compression),
    );
    for emulated in [&report.network, &report.cpu].into_iter().flatten() {
        line(&mut out, emulated.clone());
    }
    for page in &report.pages {
        line(&mut out, format!("  {:<10} {}", page.name, page.path));
    }
    out.push('\n');
    let names: Vec<&str> = report.pages.iter().map(|p| p.name.as_str()).collect();
    let mut head = format!("{:<LABEL$}", "");
    let mut sub = format!("{:<LABEL$}", "metric");
    for name in &names {
        head.push_str(&format!(" {:^w$}", name, w = NUM * 3 + 2));
        sub.push_str(&format!(
            " {:>NUM$} {:>NUM$} {:>NUM$}",
            "median", "min", "max"
        ));
    }
    head.push_str(&format!(" {:>RATIO$}", "ratio"));
    sub.push_str(&format!(" {:>RATIO$}", "median"));
    line(&mut out, head);
    line(&mut out, sub);
    line(
        &mut out,
        "-".repeat(LABEL + names.len() * (NUM + 1) * 3 + RATIO + 1),
    );
    for (key, label, unit) in METRICS {
        let cells: Vec<Option<Stats>> = report
            .pages
            .iter()
            .map(|p| p.metrics.get(key).and_then(|m| m.stats))
            .collect();
        if cells.iter().all(Option::is_none) {
            continue;
        }
        let mut row = format!("{label:<LABEL$}");
        for cell in &cells {
            match cell {
                Some(s) => row.push_str(&format!(
                    " {:>NUM$} {:>NUM$} {:>NUM$}",
                    value(s.median, unit),
                    value(s.min, unit),
                    value(s.max, unit)
                )),
                None => row.push_str(&format!(" {:>NUM$} {:>NUM$} {:>NUM$}", "-", "-", "-")),
            }
        }
        let r = report.ratios.get(key).copied().flatten();
        row.push_str(&format!(" {:>RATIO$}", format_ratio(r)));
        line(&mut out, row);
    }
    if let [widget, reference, ..] = names.as_slice() {
        let counted: Vec<_> = METRICS
            .iter()
            .filter_map(|(key, label, _)| Some((label, report.pairs.get(*key)?)))
            .filter(|(_, (_, n))| *n > 0)
            .collect();
        if !counted.is_empty() {
            out.push('\n');
            line(
                &mut out,
                format!("loads in pairs (run i of each, one after the other): {widget} faster than {reference} in"),
            );
            for (label, (lower, n)) in counted {
                line(&mut out, format!("{label:<LABEL$} {lower:>NUM$} of {n}"));
            }
        }
    }
    for page in &report.pages {
        out.push('\n');
        let labels: Vec<String> = page
            .files
            .iter()
            .map(|f| file_label(f, report.runs))
            .collect();
        let width = labels
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
            .max(20);
        line(
            &mut out,
            format!(
                "{:<width$} {:>NUM$} {:>NUM$} {:>NUM$}",
                format!("files ({})", page.name),
                "raw",
                "gzip -9",
                "brotli"
            ),
        );
        let (mut raw, mut gzip, mut brotli) = (0, 0, 0);
        for (f, path) in page.files.iter().zip(labels) {
            line(
                &mut out,
                format!(
                    "{path:<width$} {:>NUM$} {:>NUM$} {:>NUM$}",
                    thousands(f.raw),
                    thousands(f.gzip),
                    thousands(f.brotli)
                ),
            );
            raw += f.raw;
            gzip += f.gzip;
            brotli += f.brotli;
        }
        line(
            &mut out,
            format!(
                "{:<width$} {:>NUM$} {:>NUM$} {:>NUM$}",
                "total",
                thousands(raw),
                thousands(gzip),
                thousands(brotli)
            ),
        );
    }
    out
}

// ---------------------------------------------------------------- machine

/// Today's date (UTC) as YYYY-MM-DD, without a date crate.
fn today() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian
/// (H. Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn machine() -> Machine {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim() == "model name").then(|| v.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let kib = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .unwrap_or(0);
    Machine {
        cpu,
        cores: std::thread::available_parallelism().map_or(0, |n| n.get()),
        memory_gib: (kib + 512 * 1024) / (1024 * 1024),
    }
}

// ---------------------------------------------------------------- large data

pub const LARGE_REGIONS: usize = 200;
pub const LARGE_THEMES: usize = 50;
const LARGE_TOTAL: u64 = 1_000_000_000;

/// A small deterministic generator (PCG-style LCG step, high bits out), so
/// the large dataset is the same on every machine and every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn word(&mut self) -> String {
        const SYLLABLES: [&str; 16] = [
            "ka", "lo", "mi", "ra", "ten", "va", "su", "do", "ri", "an", "bel", "tor", "ne", "qui",
            "za", "mor",
        ];
        let n = 2 + self.below(3);
        let mut w: String = (0..n)
            .map(|_| SYLLABLES[self.below(SYLLABLES.len() as u64) as usize])
            .collect();
        if let Some(first) = w.get(..1).map(str::to_ascii_uppercase) {
            w.replace_range(..1, &first);
        }
        w
    }
}

/// `n` amounts in whole units, Zipf-like (a few large, many small), each at
/// least 1, summing to at most `budget`.
fn amounts(rng: &mut Lcg, n: usize, budget: u64) -> Vec<u64> {
    let weights: Vec<u64> = (1..=n as u64)
        .map(|rank| 1_000_000 * (500 + rng.below(1000)) / (rank * 1000))
        .collect();
    let sum: u64 = weights.iter().sum::<u64>().max(1);
    weights
        .iter()
        .map(|w| (u128::from(budget) * u128::from(*w) / u128::from(sum)) as u64)
        .map(|a| a.max(1))
        .collect()
}

/// The synthetic large dataset: 200 regions (amounts, every tenth a share
/// "about"; names, descriptions and some countries), 50 themes with amounts,
/// each linked to 4 regions, 8 beneficiaries, one source. 97 % of the total
/// is attributed to regions, so the unattributed rest is a mark too.
pub fn large_dataset() -> Dataset {
    let mut rng = Lcg(0x5eed_f00d);
    let total = LARGE_TOTAL;
    let region_amounts = amounts(&mut rng, LARGE_REGIONS, total / 100 * 97);
    let regions = region_amounts
        .iter()
        .enumerate()
        .map(|(i, &amount)| {
            let name = format!("{} {}", rng.word(), rng.word());
            let countries = (0..rng.below(4))
                .map(|_| Text::en(&rng.word()))
                .collect::<Vec<_>>();
            let (share, amount) = if i % 10 == 9 {
                // Four decimals of a fraction, as a source rounds a percentage.
                let share = (amount as f64 / total as f64 * 10_000.0).round() / 10_000.0;
                let share = StatedShare {
                    value: share.max(0.0001),
                    stated: Stated::About,
                    words: false,
                };
                (Some(share), None)
            } else {
                let amount = StatedAmount {
                    value: amount as f64,
                    stated: Stated::Exact,
                };
                (None, Some(amount))
            };
            Region {
                id: format!("region-{:03}", i + 1),
                name: Text::en(&name),
                share,
                amount,
                countries,
                country_count: None,
                description: Some(Text::en(&format!(
                    "Synthetic region {} of {LARGE_REGIONS} for the benchmark, around {}.",
                    i + 1,
                    rng.word()
                ))),
            }
        })
        .collect::<Vec<_>>();
    let beneficiaries = (1..=8)
        .map(|i| Beneficiary {
            id: format!("group-{i}"),
            name: Text::en(&format!("Group {i}: {}", rng.word())),
        })
        .collect::<Vec<_>>();
    let themes = amounts(&mut rng, LARGE_THEMES, total / 100 * 90)
        .into_iter()
        .enumerate()
        .map(|(i, amount)| Theme {
            id: format!("theme-{:02}", i + 1),
            name: Text::en(&format!("{} {}", rng.word(), rng.word())),
            description: Text::en(&format!(
                "Synthetic theme {} of {LARGE_THEMES} for the benchmark.",
                i + 1
            )),
            beneficiaries: (0..1 + rng.below(3))
                .map(|_| format!("group-{}", 1 + rng.below(8)))
                .fold(Vec::new(), |mut v, id| {
                    if !v.contains(&id) {
                        v.push(id);
                    }
                    v
                }),
            amount: Some(StatedAmount {
                value: amount as f64,
                stated: Stated::Exact,
            }),
            share: None,
            regions: (0..4)
                .map(|k| format!("region-{:03}", (i * 4 + k) % LARGE_REGIONS + 1))
                .collect(),
        })
        .collect();
    Dataset {
        schema: None,
        id: "bench-large".to_string(),
        contribution: Contribution {
            donor: Text::en("Synthetic donor"),
            recipient: Text::en("Synthetic agency for the benchmark"),
            recipient_short: Some(Text::en("SA")),
            operations_year: 2025,
            currency: "USD".to_string(),
            total: total as f64,
            total_stated: Stated::Exact,
            total_note: None,
            country_count: None,
            announced: Some("2025-01-15".to_string()),
            status: Some(Status::Committed),
        },
        regions,
        named_regions: Vec::new(),
        themes,
        beneficiaries,
        sources: vec![Source {
            publisher: "funding-breakdown".to_string(),
            title: "Synthetic dataset generated by cargo xtask bench --large".to_string(),
            date: None,
            url: "https://example.org/funding-breakdown/bench".to_string(),
            language: "en".to_string(),
            title_language: None,
            title_translated: None,
        }],
    }
}

/// The large dataset as a data file, checked by the same code as `check-data`.
pub fn large_json() -> Result<String, String> {
    let text = serde_json::to_string_pretty(&large_dataset().to_json())
        .map_err(|e| format!("cannot serialise the large dataset: {e}"))?
        + "\n";
    let problems = data::check_bytes(text.as_bytes());
    if problems.is_empty() {
        Ok(text)
    } else {
        Err(format!(
            "bench: the generated large dataset is invalid:\n  {}",
            problems.join("\n  ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options() {
        assert_eq!(
            parse_args(&[]),
            Ok(Options {
                runs: DEFAULT_RUNS,
                json: None,
                large: false,
                slow: false,
                cpu: None
            })
        );
        assert_eq!(
            parse_args(&args(&[
                "--runs",
                "3",
                "--json=out.json",
                "--large",
                "--slow",
                "--cpu",
                "4"
            ])),
            Ok(Options {
                runs: 3,
                json: Some(PathBuf::from("out.json")),
                large: true,
                slow: true,
                cpu: Some(4)
            })
        );
        assert_eq!(parse_args(&args(&["--cpu=1"])).map(|o| o.cpu), Ok(None));
        assert_eq!(
            parse_args(&args(&["--cpu=20"])).map(|o| o.cpu),
            Ok(Some(20))
        );
        assert_eq!(parse_args(&args(&["--runs=5"])).map(|o| o.runs), Ok(5));
        for bad in [
            &["--runs", "0"][..],
            &["--runs", "x"],
            &["--runs"],
            &["--json"],
            &["--fast"],
            &["--large=1"],
            &["--slow=1"],
            &["--cpu"],
            &["--cpu", "0"],
            &["--cpu", "21"],
            &["--cpu", "2.5"],
        ] {
            assert!(parse_args(&args(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn median_min_max() {
        assert_eq!(stats(&[]), None);
        assert_eq!(
            stats(&[3.0]),
            Some(Stats {
                median: 3.0,
                min: 3.0,
                max: 3.0
            })
        );
        assert_eq!(
            stats(&[5.0, 1.0, 3.0]),
            Some(Stats {
                median: 3.0,
                min: 1.0,
                max: 5.0
            })
        );
        // An even count takes the mean of the middle two.
        assert_eq!(stats(&[4.0, 1.0, 2.0, 10.0]).map(|s| s.median), Some(3.0));
        assert_eq!(
            stats(&[f64::NAN, 2.0]).map(|s| (s.min, s.max)),
            Some((2.0, 2.0))
        );
    }

    #[test]
    fn numbers_and_ratios() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(format_ratio(Some(86.84)), "86.8x");
        assert_eq!(format_ratio(Some(1.234)), "1.23x");
        assert_eq!(format_ratio(Some(0.5)), "0.50x");
        assert_eq!(format_ratio(None), "-");
        assert_eq!(value(12.345, Unit::Ms), "12.3");
        assert_eq!(value(1536.4, Unit::Bytes), "1,536");
    }

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_784), (2026, 11, 27));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    /// Files: path, raw size, fetched after the load (for the first click).
    fn raw_run(click: f64, wasm: Option<f64>, files: &[(&str, u64, bool)]) -> RawRun {
        let mut metrics = BTreeMap::new();
        metrics.insert("click_ms".to_string(), Some(click));
        metrics.insert("first_click_ms".to_string(), Some(click * 25.0));
        metrics.insert("first_chart_ms".to_string(), Some(click * 5.0));
        metrics.insert("interactive_ms".to_string(), Some(click * 10.0));
        metrics.insert("ready_attr_ms".to_string(), None);
        metrics.insert("wasm_memory_bytes".to_string(), wasm);
        RawRun {
            metrics,
            detail_text: "Asia".to_string(),
            files: files
                .iter()
                .map(|&(path, raw, after_interaction)| RawFile {
                    path: path.to_string(),
                    status: 200,
                    raw,
                    gzip: raw / 2,
                    brotli: raw / 3,
                    after_interaction,
                })
                .collect(),
        }
    }

    fn sample_report() -> Report {
        // The wasm comes with the first click; the favicon at load and again then.
        let widget_files = [
            ("/index.html", 1200, false),
            ("/favicon.svg", 300, false),
            ("/app_bg.wasm", 445_143, true),
            ("/favicon.svg", 300, true),
        ];
        let reference_files = |late| {
            [
                ("/bench/reference/index.html", 4000, false),
                ("/late.json", 100, late),
            ]
        };
        let raw = Raw {
            browser: "Chromium 1.2.3".to_string(),
            compression: "gzip -9 -n (gzip 1.12); brotli q11".to_string(),
            pages: vec![
                RawPage {
                    name: "widget".to_string(),
                    runs: vec![
                        raw_run(12.0, Some(1_114_112.0), &widget_files),
                        raw_run(10.0, Some(1_114_112.0), &widget_files),
                        raw_run(30.0, Some(1_179_648.0), &widget_files[..1]),
                    ],
                },
                RawPage {
                    name: "reference".to_string(),
                    runs: [true, false, false]
                        .map(|late| raw_run(2.0, None, &reference_files(late)))
                        .into(),
                },
            ],
        };
        let scenario = scenario(false);
        Report::new(
            &scenario,
            &raw,
            3,
            "2026-11-27".to_string(),
            Machine {
                cpu: "Test CPU".to_string(),
                cores: 2,
                memory_gib: 24,
            },
            vec!["/index.html".into(), "/bench/reference/index.html".into()],
        )
    }

    #[test]
    fn report_statistics_and_ratios() {
        let report = sample_report();
        let widget = &report.pages[0];
        assert_eq!(
            widget.metrics["click_ms"].stats,
            Some(Stats {
                median: 12.0,
                min: 10.0,
                max: 30.0
            })
        );
        // The favicon fetched twice in a load counts once in the bytes.
        assert_eq!(
            widget.metrics["transfer_raw_bytes"].stats.map(|s| s.median),
            Some(446_643.0)
        );
        // The load transfer leaves out the files of the first click.
        assert_eq!(
            widget.metrics["load_transfer_gzip_bytes"]
                .stats
                .map(|s| (s.median, s.min)),
            Some((750.0, 600.0))
        );
        assert_eq!(
            report.pages[1].metrics["load_transfer_gzip_bytes"]
                .stats
                .map(|s| (s.min, s.max)),
            Some((2000.0, 2050.0))
        );
        assert_eq!(report.ratios["first_click_ms"], Some(6.0));
        assert_eq!(
            widget.metrics["requests"].stats.map(|s| (s.min, s.max)),
            Some((1.0, 4.0))
        );
        assert_eq!(widget.files[2].runs, 2);
        assert_eq!(widget.files[2].after_interaction, 2);
        assert_eq!(widget.files[1].per_load, 2);
        assert_eq!(widget.files[1].after_interaction, 0);
        assert_eq!(report.ratios["click_ms"], Some(6.0));
        // The reference has no wasm: no ratio rather than infinity.
        assert_eq!(report.ratios["wasm_memory_bytes"], None);
        assert_eq!(report.pages[1].metrics["wasm_memory_bytes"].stats, None);
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["pages"][0]["metrics"]["click_ms"]["samples"][2], 30.0);
        // Not a row of the table, but kept in the samples.
        assert_eq!(
            json["pages"][0]["metrics"]["interactive_ms"]["samples"][0],
            120.0
        );
        assert!(!METRICS.iter().any(|(key, _, _)| *key == "interactive_ms"));
        assert_eq!(json["ratios"]["wasm_memory_bytes"], serde_json::Value::Null);
    }

    #[test]
    fn pairs_of_loads_count_where_the_first_page_was_faster() {
        let (w, r) = (
            [Some(90.0), Some(120.0), None, Some(70.0), Some(80.0)],
            [Some(100.0), Some(110.0), Some(1.0), None, Some(80.0)],
        );
        // Pairs 1, 2 and 5 have both values; only the first is lower (a tie is not).
        assert_eq!(lower_in_pairs(&w, &r), (1, 3));
        assert_eq!(lower_in_pairs(&[], &[]), (0, 0));
        let report = sample_report();
        // 60, 50 and 150 ms against 10 ms each time.
        assert_eq!(report.pairs["first_chart_ms"], (0, 3));
        // No page has a first contentful paint in the sample: nothing to count.
        assert!(!report.pairs.contains_key("fcp_ms"));
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["pairs"]["first_chart_ms"], serde_json::json!([0, 3]));
        let table = format_table(&report);
        let tail: Vec<&str> = table
            .lines()
            .skip_while(|l| !l.starts_with("loads in pairs"))
            .take(3)
            .collect();
        assert_eq!(
            tail[0],
            "loads in pairs (run i of each, one after the other): widget faster than reference in"
        );
        assert!(tail[1].starts_with("first chart visible (ms) "), "{table}");
        assert!(tail[1].ends_with(" 0 of 3"), "{table}");
        assert_eq!(tail[2], "", "only the times counted: {table}");
    }

    #[test]
    fn a_slow_network_and_cpu_are_said_under_the_title_and_only_then() {
        let mut report = sample_report();
        assert!(!format_table(&report).contains("network"));
        assert!(serde_json::to_value(&report)
            .unwrap()
            .get("network")
            .is_none());
        report.network = Some(SLOW.describe());
        let table = format_table(&report);
        assert_eq!(
            table.lines().nth(3),
            Some("emulated slow network: 400 ms added to each request, 50 KB/s down, 50 KB/s up")
        );
        // A slow CPU is said on the line after.
        assert!(!table.contains("slow CPU"));
        report.cpu = Some(describe_cpu(4));
        let table = format_table(&report);
        assert_eq!(
            table.lines().nth(4),
            Some("emulated slow CPU: the page's main thread 4x slower (Chromium's CPU throttling)")
        );
        assert_eq!(
            serde_json::to_value(&report).unwrap().get("cpu"),
            Some(&serde_json::json!(describe_cpu(4)))
        );
        // run.mjs reads these names.
        assert_eq!(
            serde_json::to_value(SLOW).unwrap(),
            serde_json::json!({ "latency_ms": 400, "down_bytes_per_s": 51200, "up_bytes_per_s": 51200 })
        );
    }

    #[test]
    fn table_is_fixed_width_and_complete() {
        let table = format_table(&sample_report());
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[0].starts_with("funding-breakdown benchmark: default view"));
        assert!(lines[1].contains("Test CPU (2 cores, 24 GiB), Chromium 1.2.3, 3 fresh loads"));
        assert_eq!(
            lines[2],
            "compressed sizes: gzip -9 -n (gzip 1.12); brotli q11"
        );
        let row = |label: &str| {
            *lines
                .iter()
                .find(|l| l.starts_with(label))
                .unwrap_or_else(|| panic!("no row {label} in\n{table}"))
        };
        let click = row("next click -> detail painted (ms)");
        assert!(click.ends_with("6.00x"), "{click}");
        let first = row("first click -> detail painted (ms)");
        assert!(first.contains(" 300.0 "), "{first}");
        assert!(first.ends_with("6.00x"), "{first}");
        let load = row("load transfer, gzip -9 (B)");
        assert!(load.contains(" 750 "), "{load}");
        assert!(row("transfer incl. first click, gzip -9 (B)").contains("223,321"));
        // The load row comes before the totals with the first click.
        let at = |label: &str| lines.iter().position(|l| l.starts_with(label)).unwrap();
        assert!(at("load transfer") < at("transfer incl. first click, raw"));
        assert_eq!(
            click.split_whitespace().rev().nth(4),
            Some("30.0"),
            "widget max: {click}"
        );
        let wasm = row("wasm memory (B)");
        assert!(wasm.contains("1,114,112"), "{wasm}");
        assert!(wasm.ends_with(" -"), "{wasm}");
        // A metric no page has is left out rather than printed as dashes.
        assert!(!table.contains("data-state=ready"), "{table}");
        // Every metric row has the same width up to its ratio column.
        let header = lines
            .iter()
            .find(|l| l.starts_with("metric"))
            .expect("header");
        for l in [
            click,
            first,
            load,
            row("transfer incl. first click, brotli q11 (B)"),
            row("requests"),
        ] {
            assert_eq!(l.len(), header.len(), "{l:?} vs {header:?}");
        }
        assert!(!table.contains("interactive (ms)"), "{table}");
        for (_, label, _) in METRICS {
            assert!(
                label.len() <= LABEL,
                "{label} is wider than the label column"
            );
        }
        // Files fetched only for the first click are marked, a file fetched at load is not.
        assert!(
            table.contains("/app_bg.wasm (first click) (2 of 3 runs)"),
            "{table}"
        );
        assert!(
            table.contains("/favicon.svg (2x per load) (2 of 3 runs)"),
            "{table}"
        );
        assert!(table.contains("/index.html      "), "{table}");
        assert!(
            table.contains("/late.json (first click in 1 of 3 runs)"),
            "{table}"
        );
        // The files table's columns leave room for the marks.
        let files: Vec<&str> = lines
            .iter()
            .skip_while(|l| !l.starts_with("files (widget)"))
            .take_while(|l| !l.is_empty())
            .copied()
            .collect();
        assert_eq!(files.len(), 5, "{table}");
        assert!(files.iter().all(|l| l.len() == files[0].len()), "{table}");
        assert!(row("total").contains("446,643"), "{table}");
    }

    #[test]
    fn large_dataset_is_valid_and_deterministic() {
        let text = large_json().expect("valid");
        assert_eq!(text, large_json().unwrap(), "same bytes every time");
        assert_eq!(data::check_bytes(text.as_bytes()), Vec::<String>::new());
        let ds = large_dataset();
        assert_eq!(ds.regions.len(), LARGE_REGIONS);
        assert_eq!(ds.themes.len(), LARGE_THEMES);
        assert!(ds.has_theme_amounts());
        // Many small parts: the smallest region is well under 0.1 % of the total.
        let smallest = ds
            .regions
            .iter()
            .filter_map(|r| r.amount.map(|a| a.value))
            .fold(f64::INFINITY, f64::min);
        assert!(smallest > 0.0 && smallest < ds.contribution.total / 1000.0);
        let names: std::collections::BTreeSet<_> =
            ds.regions.iter().map(|r| r.name.default_text()).collect();
        assert!(
            names.len() > LARGE_REGIONS * 9 / 10,
            "names mostly distinct"
        );
        assert!(text.len() < 2 * 1024 * 1024);
    }
}
