//! Running subprocesses: every command is echoed (`$ ...`) before it runs, so a
//! failure in the log can be copied and rerun by hand.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};

/// The workspace root: the parent of xtask's manifest directory, so `cargo
/// xtask` behaves the same from any subdirectory. `cargo run` (the alias)
/// tells the binary that directory for the checkout it ran in; the one
/// compiled in is the fallback, since a target directory shared by two
/// checkouts runs one build for both.
pub fn root() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// A command as a shell line, with its env overrides and working directory.
pub fn display(cmd: &Command) -> String {
    let mut parts = Vec::new();
    for (key, value) in cmd.get_envs() {
        let key = key.to_string_lossy();
        let value = value.map(OsStr::to_string_lossy).unwrap_or_default();
        // PATH values are long; only the entry we put in front matters to a reader.
        let shown = match value.split_once(':') {
            Some((first, _)) if key == "PATH" => format!("{}:$PATH", quote(first)),
            _ => quote(&value),
        };
        parts.push(format!("{key}={shown}"));
    }
    parts.push(quote(&cmd.get_program().to_string_lossy()));
    parts.extend(cmd.get_args().map(|a| quote(&a.to_string_lossy())));
    let line = parts.join(" ");
    // Commands run from the root need no `cd`: that is where `cargo xtask` is run.
    let root = root();
    match cmd
        .get_current_dir()
        .map(|d| d.strip_prefix(&root).unwrap_or(d))
    {
        Some(dir) if !dir.as_os_str().is_empty() => {
            format!("(cd {} && {line})", quote(&dir.to_string_lossy()))
        }
        _ => line,
    }
}

fn quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@,+%".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Echoes and runs a command with inherited stdio.
pub fn status(cmd: &mut Command) -> Result<ExitStatus, String> {
    println!("$ {}", display(cmd));
    cmd.status().map_err(|e| {
        format!(
            "cannot start `{}`: {e}",
            cmd.get_program().to_string_lossy()
        )
    })
}

/// Echoes and runs a command; a non-zero exit is an error naming the command.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let st = status(cmd)?;
    if st.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({st})", display(cmd)))
    }
}

/// Echoes and runs a command, passing its stdout through line by line while
/// keeping a copy to parse (test summaries). Stderr stays inherited.
pub fn run_tee(cmd: &mut Command) -> Result<(ExitStatus, String), String> {
    println!("$ {}", display(cmd));
    let mut child = cmd.stdout(Stdio::piped()).spawn().map_err(|e| {
        format!(
            "cannot start `{}`: {e}",
            cmd.get_program().to_string_lossy()
        )
    })?;
    let mut captured = String::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            // A non-UTF-8 line ends the copy but not the child; wait() below still reaps it.
            let Ok(line) = line else { break };
            println!("{line}");
            captured.push_str(&line);
            captured.push('\n');
        }
    }
    let st = child
        .wait()
        .map_err(|e| format!("waiting for `{}`: {e}", display(cmd)))?;
    Ok((st, captured))
}

/// Quiet query (`tool --version`): trimmed stdout if the tool ran and succeeded.
/// Not echoed: these only look, they change nothing.
pub fn probe(program: impl AsRef<OsStr>, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Puts `dir` first on the command's PATH (the npm binaryen `.bin` for trunk).
pub fn prepend_path<'a>(cmd: &'a mut Command, dir: &Path) -> &'a mut Command {
    let mut paths = vec![dir.to_path_buf()];
    if let Some(old) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&old));
    }
    match std::env::join_paths(paths) {
        Ok(joined) => cmd.env("PATH", joined),
        // Only fails for a dir containing ':'; then trunk finds whatever is on PATH.
        Err(_) => cmd,
    }
}

/// Where `cargo install` puts trunk and wasm-bindgen: `$CARGO_HOME/bin`,
/// by default `~/.cargo/bin`.
pub fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// Puts `cargo_bin()` first on this process's PATH, which every command it
/// starts inherits (trunk, its hook, the wasm test runner): a shell without
/// rustup's profile (cron, an IDE task) would find none of them.
pub fn cargo_bin_on_path() {
    let bin = cargo_bin();
    let old = std::env::var_os("PATH").unwrap_or_default();
    let mut paths: Vec<PathBuf> = std::env::split_paths(&old).collect();
    if paths.first() == Some(&bin) {
        return;
    }
    paths.retain(|p| p != &bin);
    paths.insert(0, bin);
    if let Ok(joined) = std::env::join_paths(paths) {
        // Before any thread is started (the first thing `main` does).
        std::env::set_var("PATH", joined);
    }
}

/// Finds an executable on PATH, like `command -v`.
pub fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_shows_env_dir_and_quotes() {
        let mut cmd = Command::new("npx");
        cmd.args(["playwright", "test", "a b"])
            .env("BASE_URL", "http://127.0.0.1:1")
            .env("PATH", "/x/.bin:/usr/bin")
            .current_dir(root().join("tests/e2e"));
        let shown = display(&cmd);
        assert!(shown.starts_with("(cd tests/e2e && "), "{shown}");
        assert!(shown.contains("BASE_URL=http://127.0.0.1:1"), "{shown}");
        assert!(shown.contains("PATH=/x/.bin:$PATH"), "{shown}");
        assert!(shown.ends_with("npx playwright test 'a b')"), "{shown}");
        let mut at_root = Command::new("cargo");
        at_root.args(["fmt", "--all"]).current_dir(root());
        assert_eq!(display(&at_root), "cargo fmt --all");
    }
}
