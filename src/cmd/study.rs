//! `tiankong` / `tiankong study`: open the study interface. Settings come from
//! `$XDG_CONFIG_HOME/tiankong/config.toml`, then `TIANKONG_LANG`/`NO_COLOR`, then `--lang`.
//! The terminal check comes first, so a pipe or cron job gets one line on stderr and no
//! escape bytes.
use std::process::ExitCode;

use anyhow::Context;

use crate::app::open::open_synced;
use crate::app::Collection;
use crate::cli::{Global, StudyArgs};
use crate::cmd::stats::location;
use crate::config::{config_path, process_env, Config};
use crate::deck::diag::Severity;
use crate::deck::DeckId;
use crate::store;
use crate::tui::db_engine::change_lines;
use crate::tui::{self, App, DbEngine, Effect, Runner};

pub fn run(global: &Global, args: &StudyArgs) -> anyhow::Result<ExitCode> {
    tui::term::require_terminal()?;
    let path = config_path(&process_env).ok();
    let mut config = match &path {
        Some(p) => Config::load(p)?,
        None => Config::default(),
    };
    config
        .apply_overrides(&process_env, global.lang.as_deref())
        .map_err(anyhow::Error::msg)?;
    let first = match &args.deck {
        Some(d) => Effect::Start(Some(DeckId(d.clone()))),
        None => Effect::LoadHome,
    };
    let mut engine = open_engine(global, &config, args.tag.clone())?;
    let mut runner = Runner::new(engine.as_mut(), path);
    let mut app = App::new(config);
    if let Effect::Start(_) = first {
        // Start on the study screen so the first card lands where it belongs.
        let _ = tui::update::update(&mut app, tui::Msg::Action(tui::msg::Action::StudyAll));
    }
    tui::term::run(app, &mut runner, first).context("study interface")?;
    Ok(ExitCode::SUCCESS)
}

/// The engine over the collection: the database (`--db`, `TIANKONG_DB`, else the default
/// path), the decks of the search path (the built-in decks when no deck folder exists) synced
/// into it. Broken deck files and what a deck's new version changed become home-screen lines;
/// the good decks load regardless.
fn open_engine(
    global: &Global,
    config: &Config,
    tag: Option<String>,
) -> anyhow::Result<Box<dyn crate::tui::Engine>> {
    let (store, report, diagnostics) = open_synced(&location(global), store::now_ms())?;
    let mut warnings: Vec<String> = change_lines(&report, config.ui.lang);
    warnings.extend(
        diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.to_string()),
    );
    let coll = Collection::new(store, config)?.with_tag(tag);
    Ok(Box::new(DbEngine::over(coll, warnings)))
}
