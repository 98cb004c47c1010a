//! `tiankong` / `tiankong study`: open the study interface. Settings come from
//! `$XDG_CONFIG_HOME/tiankong/config.toml`, then `TIANKONG_LANG`/`NO_COLOR`, then `--lang`.
//! The terminal check comes first, so a pipe or cron job gets one line on stderr and no
//! escape bytes.
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Global, StudyArgs};
use crate::config::{config_path, process_env, Config};
use crate::deck::DeckId;
use crate::tui::{self, App, Effect, Runner};

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
    let mut engine = open_engine(global, &config)?;
    let mut runner = Runner::new(engine.as_mut(), path);
    let mut app = App::new(config);
    if let Effect::Start(_) = first {
        // Start on the study screen so the first card lands where it belongs.
        let _ = tui::update::update(&mut app, tui::Msg::Action(tui::msg::Action::StudyAll));
    }
    tui::term::run(app, &mut runner, first).context("study interface")?;
    Ok(ExitCode::SUCCESS)
}

/// The engine over the store, session queue and scheduler.
///
/// Not wired yet: `store`, `study` and `sched` have not landed. Until they do,
/// `TIANKONG_TUI_DEMO=1` runs the interface on built-in sample cards (in memory, nothing is
/// saved) so the terminal behaviour can be tried and tested.
fn open_engine(_global: &Global, _config: &Config) -> anyhow::Result<Box<dyn crate::tui::Engine>> {
    if process_env("TIANKONG_TUI_DEMO").is_some_and(|v| v == "1") {
        return Ok(Box::new(crate::tui::fixtures::engine()));
    }
    anyhow::bail!("the study engine is not wired to the database yet (set TIANKONG_TUI_DEMO=1 for sample cards)")
}
