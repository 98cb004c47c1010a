//! `tiankong report`: a student's progress per deck and note from their database (after
//! syncing the decks, so note ids are the deck files'), or with `--merge` the instructor's class
//! view from students' JSON reports. The aggregation lives in `crate::report`.
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Global, ReportArgs};
use crate::cmd::stats::{emit, open_synced};
use crate::i18n::{t, Lang};
use crate::report::{self, StudentReport};
use crate::store;
use crate::tr;

pub fn run(global: &Global, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    if !args.merge.is_empty() {
        if args.name.is_some() {
            anyhow::bail!(
                "{}",
                t(
                    lang,
                    "--name 用于学生自己的报告，不能和 --merge 一起用",
                    "--name names a student's own report; it does not go with --merge"
                )
            );
        }
        return merge(lang, args);
    }
    let now = store::now_ms();
    let (store, _) = open_synced(global, now)?;
    let r = crate::app::report::student(&store, now, args.name.as_deref())?;
    let text = if args.json {
        format!("{}\n", serde_json::to_string_pretty(&r)?)
    } else {
        report::student_table(&r, lang)
    };
    emit(&text);
    Ok(ExitCode::SUCCESS)
}

/// Read every file first; any bad one is reported (`file:line:col: message`) and nothing is
/// printed on stdout.
fn merge(lang: Lang, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let files = &args.merge;
    let mut reports = Vec::new();
    let mut bad = 0;
    for f in files {
        match read_report(f) {
            Ok(r) => reports.push(r),
            Err(msg) => {
                eprintln!("{msg}");
                bad += 1;
            }
        }
    }
    if bad > 0 {
        eprintln!(
            "{}",
            tr!(
                lang,
                "tiankong：{bad} 份报告无法读取（共 {} 份）；没有合并",
                "tiankong: {bad} of {} reports unreadable; nothing merged",
                files.len()
            )
        );
        return Ok(ExitCode::from(1));
    }
    let roster = match &args.roster {
        None => None,
        Some(path) => {
            let bytes = std::fs::read(path)
                .with_context(|| tr!(lang, "{}：无法读取", "{}: cannot read", path.display()))?;
            // UTF-8, or GBK as a spreadsheet on a Chinese system saves a name list.
            let text = crate::corpus::read::decode(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.get(lang)))?;
            let names = report::parse_roster(&text);
            if names.is_empty() {
                anyhow::bail!(
                    "{}",
                    tr!(
                        lang,
                        "{}：名单里没有名字（每行一个名字）",
                        "{}: no names in the roster (one name a line)",
                        path.display()
                    )
                );
            }
            Some(names)
        }
    };
    let view = report::merge(&reports, roster.as_deref());
    let text = if args.json {
        format!(
            "{}\n",
            serde_json::to_string_pretty(&view).context("writing the class view")?
        )
    } else if args.csv {
        report::class_csv(&view)
    } else {
        report::class_table(&view, lang)
    };
    emit(&text);
    Ok(ExitCode::SUCCESS)
}

/// One student's report; a report without a name is named by its file name (not its path).
fn read_report(path: &Path) -> Result<StudentReport, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut r = report::parse_student(&text).map_err(|e| format!("{}:{e}", path.display()))?;
    if r.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
        r.name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    }
    Ok(r)
}
