//! `cargo xtask setup`: brings the build and test tools to the versions this
//! project is pinned to. Every step looks first and installs only what is
//! missing, so running it again is cheap. Versions are fixed because this
//! machine can only reach package registries (see /work/shared/TOOLCHAIN.md):
//! trunk 0.22 needs a newer rustc, Debian's wasm-opt cannot read our wasm,
//! and trunk runs offline, so wrong tool versions are hard errors.

use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cmd::{self, probe, root};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// 0.22 requires rustc 1.96.1.
pub const TRUNK_VERSION: &str = "0.21.14";
/// npm `binaryen`; Trunk.toml must say `wasm_opt = "version_132"`.
pub const BINARYEN_VERSION: &str = "132";
/// npm `terser`, which minifies wasm-bindgen's JS glue in release builds
/// (Trunk's own minifier cannot parse it); run by `cargo xtask post-build`.
pub const TERSER_VERSION: &str = "5.51.4";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// What `trunk serve` / `trunk build` need.
    Build,
    /// Build plus the browser and e2e packages the tests need.
    All,
}

/// Installs or confirms every tool in `scope`.
pub fn setup(scope: Scope) -> Result<(), String> {
    // Two setups at once (serve and test, or two checkouts) would run npm
    // into the same tools folder together; the second waits for the first.
    let _lock = lock_tools()?;
    node(scope)?;
    wasm_target(scope)?;
    trunk()?;
    wasm_bindgen()?;
    wasm_opt()?;
    terser()?;
    if scope == Scope::All {
        chromium()?;
        e2e_packages()?;
    }
    Ok(())
}

/// Held for the whole setup; released when dropped (or when the process ends).
fn lock_tools() -> Result<fs::File, String> {
    let dir = tools_dir();
    fs::create_dir_all(&dir).map_err(|e| format!("setup: cannot create {}: {e}", dir.display()))?;
    let path = dir.join(".setup.lock");
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| format!("setup: cannot open {}: {e}", path.display()))?;
    if file.try_lock().is_err() {
        println!("setup: waiting for another setup using {}", dir.display());
        file.lock()
            .map_err(|e| format!("setup: cannot lock {}: {e}", path.display()))?;
    }
    Ok(file)
}

/// Playwright 1.65 exits on an older Node (playwright-core's bootstrap.js),
/// and `npm ci` only warns about it: without this check, a machine with
/// Debian 12's Node 18 would fail at the very last test layer. The build
/// alone (post-build's CSP hashes, terser, npm) runs on older ones.
pub const NODE_MIN_MAJOR: u32 = 20;

/// Node.js (post-build hashes the page's CSP with it, and runs terser) and
/// npm (wasm-opt, terser and the e2e packages come from npm). Debian
/// packages npm apart from nodejs. For the tests, Node 20 or newer: apt's
/// nodejs is installed only when it is one.
fn node(scope: Scope) -> Result<(), String> {
    let need = if scope == Scope::All {
        NODE_MIN_MAJOR
    } else {
        0
    };
    let too_old = |version: &str| {
        format!(
            "setup: Node.js {version} found, {NODE_MIN_MAJOR} or newer needed for the tests \
             (Playwright exits on older ones); install Node.js {NODE_MIN_MAJOR}+ with npm \
             (Debian 13's nodejs and npm packages, or nodejs.org / NodeSource on Debian 12) and run again"
        )
    };
    let mut missing = Vec::new();
    if probe("node", &["--version"]).is_none() {
        // Debian 12's candidate is 18: installing it would only end in the error below.
        let candidate = apt_candidate("nodejs");
        if let Some(v) = candidate.as_deref().filter(|v| older(v, need)) {
            return Err(too_old(&format!("not installed, and apt's is {v};")));
        }
        missing.push("nodejs");
    }
    if probe("npm", &["--version"]).is_none() {
        missing.push("npm");
    }
    if !missing.is_empty() {
        println!("setup: installing {} from apt", missing.join(" and "));
        apt_install(&missing)?;
    }
    let version = probe("node", &["--version"])
        .ok_or("setup: Node.js is not on PATH after installing it; install Node.js 20 or newer with npm and run again")?;
    if older(&version, need) {
        return Err(too_old(&version));
    }
    probe("npm", &["--version"]).ok_or(
        "setup: npm is not on PATH; install it (`apt-get install npm` on Debian) and run again",
    )?;
    ok("node", &version);
    Ok(())
}

/// The version apt would install of `package` (`apt-cache policy`), if any.
fn apt_candidate(package: &str) -> Option<String> {
    let policy = probe("apt-cache", &["policy", package])?;
    policy
        .lines()
        .find_map(|l| l.trim().strip_prefix("Candidate:"))
        .map(str::trim)
        .filter(|v| !v.is_empty() && *v != "(none)")
        .map(str::to_owned)
}

/// Whether a Node.js version is below major `need` (or unreadable, where one is needed).
fn older(version: &str, need: u32) -> bool {
    need > 0 && node_major(version).is_none_or(|major| major < need)
}

/// `v20.20.2` → 20; apt's `18.20.4+dfsg-1~deb12u1` → 18, with or without an epoch (`1:`).
fn node_major(version: &str) -> Option<u32> {
    let version = version.trim();
    version
        .rsplit_once(':')
        .map_or(version, |(_, v)| v)
        .trim_start_matches('v')
        .split('.')
        .next()?
        .parse()
        .ok()
}

/// Per-user tool cache, outside the repo so `cargo clean` and fresh clones reuse it.
pub fn tools_dir() -> PathBuf {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| root().join("target"));
    cache.join("funding-breakdown").join("tools")
}

/// Where npm puts `wasm-opt`; goes first on PATH for every trunk run.
pub fn binaryen_bin() -> PathBuf {
    tools_dir().join("node_modules").join(".bin")
}

/// A trunk command with the pinned wasm-opt first on PATH.
pub fn trunk_command() -> Command {
    let mut cmd = Command::new("trunk");
    cmd::prepend_path(&mut cmd, &binaryen_bin());
    cmd.current_dir(root());
    cmd
}

fn ok(tool: &str, version: &str) {
    println!("setup: {tool} ok ({version})");
}

fn wasm_target(scope: Scope) -> Result<(), String> {
    let installed = probe("rustup", &["target", "list", "--installed"]).ok_or(
        "setup: `rustup target list --installed` failed; is rustup installed and on PATH?",
    )?;
    if !installed.lines().any(|l| l.trim() == WASM_TARGET) {
        println!("setup: installing the {WASM_TARGET} target");
        cmd::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
            .map_err(|e| format!("setup: {WASM_TARGET}: {e}"))?;
    }
    if scope == Scope::All {
        // The fmt and clippy layers; rustup's minimal profile has neither.
        let components = probe("rustup", &["component", "list", "--installed"]).unwrap_or_default();
        let missing: Vec<&str> = ["rustfmt", "clippy"]
            .into_iter()
            .filter(|c| !components.lines().any(|l| l.starts_with(&format!("{c}-"))))
            .collect();
        if !missing.is_empty() {
            println!("setup: installing rustup components {}", missing.join(", "));
            cmd::run(
                Command::new("rustup")
                    .args(["component", "add"])
                    .args(&missing),
            )
            .map_err(|e| format!("setup: rustup components: {e}"))?;
        }
    }
    let rustc = probe("rustc", &["--version"]).unwrap_or_default();
    ok(
        WASM_TARGET,
        word(&rustc, 1).unwrap_or("rustc version unknown"),
    );
    Ok(())
}

/// The second word of `tool --version` output such as `trunk 0.21.14`.
fn word(text: &str, n: usize) -> Option<&str> {
    text.split_whitespace().nth(n)
}

fn tool_version(tool: &str) -> Option<String> {
    probe(tool, &["--version"]).and_then(|out| word(&out, 1).map(str::to_string))
}

fn trunk() -> Result<(), String> {
    let found = tool_version("trunk");
    if found.as_deref() != Some(TRUNK_VERSION) {
        println!(
            "setup: trunk {} found, {TRUNK_VERSION} needed; installing (takes several minutes)",
            found.as_deref().unwrap_or("not")
        );
        cmd::run(Command::new("cargo").args([
            "install",
            "--locked",
            &format!("trunk@{TRUNK_VERSION}"),
        ]))
        .map_err(|e| format!("setup: trunk: {e}"))?;
        let now = tool_version("trunk");
        if now.as_deref() != Some(TRUNK_VERSION) {
            return Err(format!(
                "setup: installed trunk {TRUNK_VERSION} but `trunk --version` says {}; is {} first on PATH?",
                now.as_deref().unwrap_or("nothing"),
                cmd::cargo_bin().display()
            ));
        }
    }
    ok("trunk", TRUNK_VERSION);
    Ok(())
}

fn wasm_bindgen() -> Result<(), String> {
    let root = root();
    let lock = fs::read_to_string(root.join("Cargo.lock")).map_err(|e| {
        format!("setup: cannot read Cargo.lock ({e}); run `cargo generate-lockfile`")
    })?;
    let want = match lock_versions(&lock, "wasm-bindgen").as_slice() {
        [one] => one.clone(),
        [] => return Err("setup: Cargo.lock has no wasm-bindgen package".into()),
        many => {
            return Err(format!(
                "setup: Cargo.lock has {} versions of wasm-bindgen ({}); wasm-bindgen-cli can match only one. \
                 Find who pulls each with `cargo tree -i wasm-bindgen@VERSION` and unify them",
                many.len(),
                many.join(", ")
            ))
        }
    };
    check_trunk_toml(&root, &want)?;
    let found = tool_version("wasm-bindgen");
    if found.as_deref() != Some(want.as_str()) {
        println!(
            "setup: wasm-bindgen-cli {} found, {want} needed (Cargo.lock); installing",
            found.as_deref().unwrap_or("not")
        );
        // No --locked: the locked webpki-roots is not served by this registry
        // mirror. Unlocked, the newest dependencies would be taken, and one
        // day one that needs a newer rustc: prefer those that fit its
        // rust-version.
        cmd::run(
            Command::new("cargo")
                .env("CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS", "fallback")
                .args(["install", "wasm-bindgen-cli", "--version", &want]),
        )
        .map_err(|e| format!("setup: wasm-bindgen-cli: {e}"))?;
        let now = tool_version("wasm-bindgen");
        if now.as_deref() != Some(want.as_str()) {
            return Err(format!(
                "setup: installed wasm-bindgen-cli {want} but `wasm-bindgen --version` says {}; is {} first on PATH?",
                now.as_deref().unwrap_or("nothing"),
                cmd::cargo_bin().display()
            ));
        }
    }
    ok("wasm-bindgen-cli", &want);
    Ok(())
}

/// Trunk runs offline and matches tool versions exactly, so Trunk.toml must
/// name the same versions setup installs.
fn check_trunk_toml(root: &Path, wasm_bindgen: &str) -> Result<(), String> {
    let text = fs::read_to_string(root.join("Trunk.toml"))
        .map_err(|e| format!("setup: cannot read Trunk.toml ({e})"))?;
    match toml_value(&text, "tools", "wasm_bindgen") {
        Some(v) if v == wasm_bindgen => {}
        Some(v) => {
            return Err(format!(
                "setup: Trunk.toml has [tools] wasm_bindgen = \"{v}\" but Cargo.lock has wasm-bindgen {wasm_bindgen}; \
                 set wasm_bindgen = \"{wasm_bindgen}\" in Trunk.toml"
            ))
        }
        None => {
            return Err(format!(
                "setup: Trunk.toml has no [tools] wasm_bindgen; add wasm_bindgen = \"{wasm_bindgen}\""
            ))
        }
    }
    let want_opt = format!("version_{BINARYEN_VERSION}");
    match toml_value(&text, "tools", "wasm_opt") {
        Some(v) if v == want_opt => Ok(()),
        other => Err(format!(
            "setup: Trunk.toml must have [tools] wasm_opt = \"{want_opt}\" (the npm binaryen setup installs), found {}",
            other.map_or("nothing".to_string(), |v| format!("\"{v}\""))
        )),
    }
}

fn wasm_opt() -> Result<(), String> {
    let exe = binaryen_bin().join("wasm-opt");
    let want = format!("version {BINARYEN_VERSION}");
    let current = || probe(&exe, &["--version"]).filter(|v| v.contains(&want));
    if current().is_none() {
        npm_tool("wasm-opt", &format!("binaryen@{BINARYEN_VERSION}"))?;
    }
    let version = current()
        .ok_or_else(|| format!("setup: {} --version does not report {want}", exe.display()))?;
    // `wasm-opt version 132 (version_132)` → `132`.
    ok("wasm-opt", word(&version, 2).unwrap_or(&version));
    Ok(())
}

/// Installs npm package `spec` into the tools directory, for `tool`.
fn npm_tool(tool: &str, spec: &str) -> Result<(), String> {
    let dir = tools_dir();
    println!(
        "setup: installing {tool} (npm {spec}) into {}",
        dir.display()
    );
    fs::create_dir_all(&dir).map_err(|e| format!("setup: cannot create {}: {e}", dir.display()))?;
    cmd::run(
        Command::new("npm")
            .arg("install")
            .arg("--prefix")
            .arg(&dir)
            .args(["--no-audit", "--no-fund", "--save-exact", spec]),
    )
    .map_err(|e| format!("setup: {tool}: {e}"))
}

/// The terser CLI script (run with node).
pub fn terser_js() -> PathBuf {
    tools_dir().join("node_modules/terser/bin/terser")
}

fn terser() -> Result<(), String> {
    // Run, not only looked for: a half-installed package (two installs at
    // once, an interrupted one) must not pass as installed.
    let want = format!("terser {TERSER_VERSION}");
    let current = || {
        terser_js()
            .to_str()
            .and_then(|js| probe("node", &[js, "--version"]))
            .is_some_and(|v| v == want)
    };
    if !current() {
        npm_tool("terser", &format!("terser@{TERSER_VERSION}"))?;
        if !current() {
            return Err(format!(
                "setup: terser {TERSER_VERSION} is not at {}",
                terser_js().display()
            ));
        }
    }
    ok("terser", TERSER_VERSION);
    Ok(())
}

fn chromium() -> Result<(), String> {
    let mut missing = Vec::new();
    if !Path::new(CHROMIUM).is_file() || !Path::new(CHROMEDRIVER).is_file() {
        missing.extend(["chromium", "chromium-driver"]);
    }
    // Without a Japanese font, Japanese text renders as empty boxes: screenshots
    // are useless and layout checks measure the wrong widths.
    if !Path::new(JA_FONT).is_file() {
        missing.push("fonts-ipafont-gothic");
    }
    if !missing.is_empty() {
        println!("setup: installing {} from apt", missing.join(", "));
        apt_install(&missing)?;
    }
    // Chromium's wrapper script writes noise to stderr; probe() drops it.
    let browser = probe(CHROMIUM, &["--version"])
        .ok_or_else(|| format!("setup: `{CHROMIUM} --version` failed"))?;
    let driver = probe(CHROMEDRIVER, &["--version"])
        .ok_or_else(|| format!("setup: `{CHROMEDRIVER} --version` failed"))?;
    let (bv, dv) = (dotted_version(&browser), dotted_version(&driver));
    let major = |v: Option<&str>| v.and_then(|v| v.split('.').next()).map(str::to_string);
    if major(bv).is_none() || major(bv) != major(dv) {
        // chromedriver refuses sessions with a browser of another major version.
        return Err(format!(
            "setup: chromium ({browser}) and chromedriver ({driver}) differ in major version; \
             run `{}apt-get update && {}apt-get install -y chromium chromium-driver`",
            sudo_prefix(),
            sudo_prefix()
        ));
    }
    ok("chromium", bv.unwrap_or("?"));
    ok("chromedriver", dv.unwrap_or("?"));
    if !Path::new(JA_FONT).is_file() {
        return Err(format!(
            "setup: fonts-ipafont-gothic is installed but {JA_FONT} is missing"
        ));
    }
    ok("japanese font", "fonts-ipafont-gothic");
    Ok(())
}

const JA_FONT: &str = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";

/// First word that starts with a digit: `Chromium 156.0.8078.108 built on …` → `156.0.8078.108`.
fn dotted_version(text: &str) -> Option<&str> {
    text.split_whitespace()
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

fn is_root() -> bool {
    probe("id", &["-u"]).as_deref() == Some("0")
}

/// What goes before `apt-get` in a command the reader is told to run: `sudo`
/// where there is one, else nothing (the line then says to run it as root).
fn sudo_prefix() -> &'static str {
    if is_root() || cmd::which("sudo").is_none() {
        ""
    } else {
        "sudo "
    }
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    let by_hand = || {
        let sudo = sudo_prefix();
        format!(
            "install them by hand{}, then run this again: {sudo}apt-get update && {sudo}apt-get install -y {}",
            if sudo.is_empty() && !is_root() { " as root" } else { "" },
            packages.join(" ")
        )
    };
    let root = is_root();
    let sudo = !root && cmd::which("sudo").is_some();
    if !root && !sudo {
        return Err(format!("setup: apt-get needs root or sudo; {}", by_hand()));
    }
    // Without a terminal sudo cannot ask for a password: fail at once (-n)
    // rather than wait for one.
    let no_tty = !std::io::stdin().is_terminal();
    let apt = |args: &[&str]| {
        let mut c = if sudo {
            let mut c = Command::new("sudo");
            if no_tty {
                c.arg("-n");
            }
            // `env` rather than `sudo VAR=value`, which sudoers may refuse.
            c.args(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
            c
        } else {
            let mut c = Command::new("apt-get");
            c.env("DEBIAN_FRONTEND", "noninteractive");
            c
        };
        c.args(args);
        c
    };
    // A source that fails to update (an expired key) need not stop an
    // install from the lists already there.
    // A new machine's daily apt run may hold apt's locks for a while.
    if let Err(e) = cmd::run(&mut apt(&["-o", "DPkg::Lock::Timeout=300", "update"])) {
        println!("setup: warning: {e}; installing from the package lists already there");
    }
    let mut install = apt(&["-o", "DPkg::Lock::Timeout=300", "install", "-y"]);
    install.args(packages);
    cmd::run(&mut install).map_err(|e| format!("setup: {e}\nsetup: {}", by_hand()))
}

pub fn e2e_dir() -> PathBuf {
    root().join("tests").join("e2e")
}

fn e2e_packages() -> Result<(), String> {
    let dir = e2e_dir();
    if !dir.join("package.json").is_file() {
        // The e2e layer reports this as its failure; the other layers can still run.
        println!("setup: e2e npm packages skipped (no tests/e2e/package.json)");
        return Ok(());
    }
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules").join(".package-lock.json");
    let fresh = [dir.join("package.json"), lock.clone()]
        .iter()
        .filter(|p| p.exists())
        .all(|p| newer(&installed, p));
    if !fresh {
        // Browsers come from apt; Playwright must not try to download its own.
        let mut npm = Command::new("npm");
        npm.current_dir(&dir)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
            .arg(if lock.is_file() { "ci" } else { "install" })
            .args(["--no-audit", "--no-fund"]);
        cmd::run(&mut npm).map_err(|e| format!("setup: e2e npm packages: {e}"))?;
    }
    let version = ["@playwright/test", "playwright-core"]
        .iter()
        .find_map(|name| npm_package_version(&dir, name).map(|v| format!("{name} {v}")))
        .unwrap_or_else(|| "installed".to_string());
    ok("e2e npm packages", &version);
    Ok(())
}

fn npm_package_version(dir: &Path, name: &str) -> Option<String> {
    let text = fs::read_to_string(dir.join("node_modules").join(name).join("package.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json.get("version")?.as_str().map(str::to_string)
}

fn newer(a: &Path, b: &Path) -> bool {
    let mtime = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((mtime(a), mtime(b)), (Some(a), Some(b)) if a > b)
}

/// Versions of every `[[package]]` named `name` in a Cargo.lock.
pub fn lock_versions(lock: &str, name: &str) -> Vec<String> {
    let mut found = Vec::new();
    let (mut pkg, mut version) = (None::<String>, None::<String>);
    let mut flush = |pkg: &mut Option<String>, version: &mut Option<String>| {
        if let (Some(p), Some(v)) = (pkg.take(), version.take()) {
            if p == name {
                found.push(v);
            }
        }
    };
    for line in lock.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            flush(&mut pkg, &mut version);
        } else if let Some(v) = key_string(line, "name") {
            pkg = Some(v);
        } else if let Some(v) = key_string(line, "version") {
            version = Some(v);
        }
    }
    flush(&mut pkg, &mut version);
    found
}

/// A string value `key = "value"` from `[section]` of a simple TOML file.
/// Enough for Trunk.toml; avoids a TOML parser dependency for two lines.
pub fn toml_value(text: &str, section: &str, key: &str) -> Option<String> {
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[') {
            current = header.trim_end_matches(']').trim().to_string();
        } else if current == section {
            if let Some(v) = key_string(line, key) {
                return Some(v);
            }
        }
    }
    None
}

/// `key = "value"  # comment` → `value`.
fn key_string(line: &str, key: &str) -> Option<String> {
    let (k, rest) = line.split_once('=')?;
    if k.trim() != key {
        return None;
    }
    let rest = rest.trim().strip_prefix('"')?;
    let (value, _) = rest.split_once('"')?;
    Some(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "cfg-if",
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.130"

[[package]]
name = "xtask"
version = "0.1.0"
"#;

    #[test]
    fn lock_finds_the_one_version() {
        assert_eq!(lock_versions(LOCK, "wasm-bindgen"), vec!["0.2.130"]);
        assert_eq!(lock_versions(LOCK, "xtask"), vec!["0.1.0"]);
        assert!(lock_versions(LOCK, "wasm").is_empty());
    }

    #[test]
    fn lock_reports_every_version() {
        let two = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n");
        assert_eq!(
            lock_versions(&two, "wasm-bindgen"),
            vec!["0.2.130", "0.2.99"]
        );
    }

    #[test]
    fn lock_ignores_the_file_format_version() {
        // The top-level `version = 4` belongs to no package.
        assert!(lock_versions("version = 4\n", "").is_empty());
    }

    #[test]
    fn trunk_toml_values_by_section() {
        let toml = "[build]\ntarget = \"index.html\"\nwasm_bindgen = \"wrong\"\n\n[tools]\n\
                    wasm_bindgen = \"0.2.130\"   # must equal Cargo.lock\nwasm_opt = \"version_132\"\n";
        assert_eq!(
            toml_value(toml, "tools", "wasm_bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            toml_value(toml, "tools", "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(
            toml_value(toml, "build", "target").as_deref(),
            Some("index.html")
        );
        assert_eq!(toml_value(toml, "tools", "target"), None);
    }

    #[test]
    fn node_major_versions() {
        assert_eq!(node_major("v20.20.2"), Some(20));
        assert_eq!(node_major("v18.20.4\n"), Some(18));
        assert_eq!(node_major("22.1.0"), Some(22));
        assert_eq!(node_major("vx"), None);
        assert_eq!(node_major("18.20.4+dfsg-1~deb12u1"), Some(18));
        assert_eq!(node_major("1:20.19.2+dfsg-1"), Some(20));
        assert!(older("v18.20.4", 20) && !older("v20.0.0", 20));
        // The build alone takes any Node that runs.
        assert!(!older("v18.20.4", 0) && !older("strange", 0));
        assert!(older("strange", 20));
    }

    #[test]
    fn versions_from_tool_output() {
        let chromium = "Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)";
        assert_eq!(dotted_version(chromium), Some("156.0.8078.108"));
        let driver = "ChromeDriver 156.0.8078.108 (730482a9-refs/branch-heads/8078@{#2244})";
        assert_eq!(dotted_version(driver), Some("156.0.8078.108"));
        assert_eq!(word("trunk 0.21.14", 1), Some("0.21.14"));
    }
}
