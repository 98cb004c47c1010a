//! The layering rule, checked on the source: core modules (corpus, extract, segment, cloze,
//! deck, sched, study, exam) never name the application layer, the store, the TUI, the CLI,
//! SQLite, the terminal crates or clap; the TUI never names SQLite; the application layer
//! never names the TUI or the CLI. A line that only mentions a name in a comment is allowed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

fn rust_files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_file() {
        if p.extension().is_some_and(|e| e == "rs") {
            out.push(p.to_path_buf());
        }
        return;
    }
    let Ok(rd) = std::fs::read_dir(p) else {
        return;
    };
    for e in rd.flatten() {
        rust_files(&e.path(), out);
    }
}

/// Lines of the modules under `roots` that name one of `forbidden` outside a comment.
fn violations(roots: &[&str], forbidden: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for r in roots {
        rust_files(&src.join(r), &mut files);
    }
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in forbidden {
                if contains_path(code, name) {
                    out.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
                }
            }
        }
    }
    out
}

/// `name` as a path segment: `crate::store`, `rusqlite::`, `use clap` — not `restore`.
fn contains_path(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + name.len()..].chars().next();
        let starts = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let ends = after.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        starts && ends
    })
}

const CORE: &[&str] = &[
    "corpus",
    "extract",
    "segment.rs",
    "cloze",
    "deck",
    "sched",
    "study",
    "exam",
];

#[test]
fn core_modules_import_no_outer_layer_or_io_crate() {
    let v = violations(
        CORE,
        &[
            "crate::app",
            "crate::store",
            "crate::tui",
            "crate::cli",
            "crate::cmd",
            "rusqlite",
            "ratatui",
            "crossterm",
            "clap",
        ],
    );
    assert!(
        v.is_empty(),
        "core modules reach outwards:\n{}",
        v.join("\n")
    );
}

#[test]
fn the_tui_never_touches_sqlite() {
    let v = violations(&["tui"], &["rusqlite"]);
    assert!(v.is_empty(), "{}", v.join("\n"));
}

#[test]
fn the_application_layer_knows_no_screen_and_no_clap() {
    let v = violations(
        &["app"],
        &[
            "crate::tui",
            "crate::cli",
            "crate::cmd",
            "ratatui",
            "crossterm",
            "clap",
        ],
    );
    assert!(v.is_empty(), "{}", v.join("\n"));
}

#[test]
fn the_check_finds_what_it_looks_for() {
    assert!(contains_path("use crate::store::Store;", "crate::store"));
    assert!(contains_path("fn f(c: &rusqlite::Connection)", "rusqlite"));
    assert!(!contains_path("let restore = 1;", "store"));
    assert!(!contains_path("crate::storefront", "crate::store"));
}
