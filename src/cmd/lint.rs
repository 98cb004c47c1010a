//! `tiankong lint [PATH...]`: check deck files and print every finding as
//! `file:line:col: error|warning: message`, then `N files, E errors, W warnings`.
//! Exit 1 on any error, 0 with warnings only.
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{Global, LintArgs};
use crate::deck::fs::{duplicate_id, read_text, scan, scan_paths, wins, SearchPath};
use crate::deck::{check, DeckId, Diagnostic, Pos, Severity};
use crate::i18n::{plural, Lang};
use crate::txt;

pub fn run(global: &Global, args: &LintArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    let report = if args.paths.is_empty() {
        let search = SearchPath::from_env(&global.decks);
        let dirs = search.existing();
        if dirs.is_empty() {
            let searched: Vec<String> = search
                .dirs
                .iter()
                .map(|d| d.display().to_string())
                .collect();
            let mut report = Report::default();
            report
                .diagnostics
                .push(Diagnostic::file("tiankong lint", Severity::Error, {
                    let searched = searched.join(", ");
                    txt!(
                        "没有找到卡组文件夹（找过 {searched}）",
                        "no deck folder found (searched {searched})"
                    )
                }));
            report
        } else {
            let (stamps, diags) = scan(&dirs);
            lint(stamps.into_iter().map(|s| s.path).collect(), diags)
        }
    } else {
        let (stamps, diags) = scan_paths(&args.paths);
        lint(stamps.into_iter().map(|s| s.path).collect(), diags)
    };
    let mut out = std::io::stdout().lock();
    for d in &report.diagnostics {
        writeln!(out, "{}", d.show(lang))?;
    }
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = report.diagnostics.len() - errors;
    let files = report.files;
    let summary = match lang {
        Lang::Zh => format!("{files} 个文件，{errors} 个错误，{warnings} 个警告"),
        Lang::En => format!(
            "{files} {}, {errors} {}, {warnings} {}",
            plural(files, "file", "files"),
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings"),
        ),
    };
    writeln!(out, "{summary}")?;
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Debug, Default)]
struct Report {
    files: usize,
    diagnostics: Vec<Diagnostic>,
}

/// Check each file in order; `scan_diags` (missing paths, skipped files) come first. A deck id
/// repeated across files is a warning at the file that loses (`deck::fs::wins`: the higher
/// version, then the newer file), even if that file has other errors.
fn lint(files: Vec<PathBuf>, scan_diags: Vec<Diagnostic>) -> Report {
    let mut report = Report {
        files: 0,
        diagnostics: scan_diags,
    };
    // Per deck id, the file that wins so far: path, id position, version, mtime.
    let mut ids: HashMap<DeckId, (String, Pos, Option<u32>, i64)> = HashMap::new();
    for path in files {
        report.files += 1;
        let shown = path.display().to_string();
        let text = match read_text(&path) {
            Ok(t) => t,
            Err(d) => {
                report.diagnostics.push(d);
                continue;
            }
        };
        let checked = check(&text.text, &shown);
        report.diagnostics.extend(checked.diagnostics);
        if let Some((id, at)) = checked.deck_id {
            let version = checked.deck.as_ref().and_then(|d| d.meta.version);
            let this = (shown, at, version, text.stamp.mtime_ns);
            match ids.get_mut(&id) {
                Some(first) => {
                    // The same rule as loading: the higher version, then the newer file.
                    if wins((first.2, first.3), (this.2, this.3)) {
                        report.diagnostics.push(duplicate_id(
                            &id,
                            (&this.0, this.1, this.2),
                            (&first.0, first.1, first.2),
                        ));
                    } else {
                        report.diagnostics.push(duplicate_id(
                            &id,
                            (&first.0, first.1, first.2),
                            (&this.0, this.1, this.2),
                        ));
                        *first = this;
                    }
                }
                None => {
                    ids.insert(id, this);
                }
            }
        }
    }
    report
}
