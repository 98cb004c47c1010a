//! Build script: embeds every `decks/*.toml` of the repository into the binary (the fallback
//! deck set when no deck folder is found at run time). Writes `$OUT_DIR/builtin_decks.rs`.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let manifest =
        std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| PathBuf::from("."), PathBuf::from);
    let decks = manifest.join("decks");
    // A rerun-if-changed on a missing path reruns the script (and rebuilds the crate) on every
    // build, so `decks` is only watched when it exists. If it is created later, touch build.rs.
    if decks.is_dir() {
        println!("cargo:rerun-if-changed=decks");
    }
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    if let Ok(read) = std::fs::read_dir(&decks) {
        for entry in read.flatten() {
            let path = entry.path();
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            if name.ends_with(".toml") && !name.starts_with('.') && path.is_file() {
                files.push((name, path));
            }
        }
    }
    files.sort();
    let mut code = String::from("pub(super) static DECKS: &[(&str, &str)] = &[\n");
    for (name, path) in &files {
        let Some(abs) = absolute(path) else { continue };
        let _ = writeln!(code, "    ({name:?}, include_str!({abs:?})),");
    }
    code.push_str("];\n");
    let out = std::env::var_os("OUT_DIR").map_or_else(|| PathBuf::from("."), PathBuf::from);
    if let Err(e) = std::fs::write(out.join("builtin_decks.rs"), code) {
        println!("cargo:warning=cannot write builtin_decks.rs: {e}");
        std::process::exit(1);
    }
}

fn absolute(path: &Path) -> Option<String> {
    path.canonicalize().ok()?.to_str().map(str::to_string)
}
