//! `tiankong` / `tiankong study`: open the study interface. Settings come from
//! `$XDG_CONFIG_HOME/tiankong/config.toml`, then `TIANKONG_LANG`/`NO_COLOR`, then `--lang`.
//! The terminal check comes first, so a pipe or cron job gets one line on stderr and no
//! escape bytes.
use std::process::ExitCode;

use anyhow::Context;

use crate::app::open::{open_synced_later, DailyBackup, SessionMark};
use crate::app::Collection;
use crate::cli::{Global, StudyArgs};
use crate::cmd::stats::location;
use crate::config::{config_path, process_env, Config};
use crate::deck::diag::Severity;
use crate::deck::DeckId;
use crate::store;
use crate::tr;
use crate::tui::db_engine::change_lines;
use crate::tui::{self, App, DbEngine, Effect, Runner};

pub fn run(global: &Global, args: &StudyArgs) -> anyhow::Result<ExitCode> {
    if args.cram {
        return crate::tui::exam::run_cram(global, args);
    }
    tui::term::require_terminal()?;
    let path = config_path(&process_env).ok();
    let config = super::stats::load_config(global)?;
    let first = match &args.deck {
        Some(d) => Effect::Start(Some(DeckId(d.clone()))),
        None => Effect::LoadHome,
    };
    let (mut engine, _mark, mut backup) = open_engine(global, &config, args.tag.clone())?;
    let mut runner = Runner::new(engine.as_mut(), path);
    let mut app = App::new(config);
    if let Effect::Start(_) = first {
        // Start on the study screen so the first card lands where it belongs.
        let _ = tui::update::update(&mut app, tui::Msg::Action(tui::msg::Action::StudyAll));
    }
    // The day's backup starts once the first frame is drawn, on its own connection (a
    // temporary file renamed, as before), so it does not compete with that frame; it is
    // waited for when the interface closes.
    tui::term::run(app, &mut runner, first, || backup.spawn()).context("study interface")?;
    Ok(ExitCode::SUCCESS)
}

/// The engine over the collection: the database (`--db`, `TIANKONG_DB`, else the default
/// path), the decks of the search path (the built-in decks when no deck folder exists) synced
/// into it. Broken deck files and what a deck's new version changed become home-screen lines;
/// the good decks load regardless. Another session open on the same database is said first
/// (both carry on safely: a card is re-read before it is shown, and an answer given on a
/// changed card is recorded on top of the other one); the mark lives as long as the result.
fn open_engine(
    global: &Global,
    config: &Config,
    tag: Option<String>,
) -> anyhow::Result<(Box<dyn crate::tui::Engine>, SessionMark, DailyBackup)> {
    let now = store::now_ms();
    let loc = location(global);
    let (store, report, diagnostics, backup) = open_synced_later(&loc, now)?;
    let (mark, other) = SessionMark::take(store.path(), now);
    let mut warnings: Vec<String> = Vec::new();
    if let Some(o) = other {
        let off = store.utc_offset_secs(o.since_ms).unwrap_or(0);
        // HH:MM local: short enough for the home screen's one warning line.
        let full = crate::app::day::local_time(o.since_ms, off);
        let since = full.get(11..).unwrap_or(&full);
        warnings.push(tr!(
            config.ui.lang,
            "另一个学习会话也在用这个数据库（进程 {}，{} 起）；两边都能继续。",
            "Another study session has this database open (process {}, since {}); both can go on.",
            o.pid,
            since
        ));
    }
    warnings.extend(change_lines(&report, config.ui.lang));
    warnings.extend(
        diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.show(config.ui.lang)),
    );
    let coll = Collection::new(store, config)?.with_tag(tag);
    Ok((Box::new(DbEngine::over(coll, warnings)), mark, backup))
}
