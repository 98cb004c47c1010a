//! `tiankong decks`: the loaded decks with their card counts, after syncing.
use std::fmt::Write as _;
use std::process::ExitCode;

use crate::cli::{Global, JsonArgs};
use crate::cmd::stats::{emit, open_synced};
use crate::store;

pub fn run(global: &Global, args: &JsonArgs) -> anyhow::Result<ExitCode> {
    let mut o = String::new();
    let now = store::now_ms();
    let (store, report) = open_synced(global, now)?;
    let day = store.day_at(now, 4)?;
    let decks = store.deck_summaries(now, &day)?;
    if args.json {
        writeln!(o, "{}", serde_json::to_string(&decks)?)?;
        emit(&o);
        return Ok(ExitCode::SUCCESS);
    }
    if decks.is_empty() {
        writeln!(o, "no decks found")?;
        emit(&o);
        return Ok(ExitCode::SUCCESS);
    }
    for d in &decks {
        let version = d.version.map(|v| format!(" v{v}")).unwrap_or_default();
        let exam = d
            .exam
            .as_deref()
            .map(|e| format!(", exam {e}"))
            .unwrap_or_default();
        writeln!(
            o,
            "{}{version}  {}\n    {} cards: {} new, {} learning, {} due today, {} suspended{exam}",
            d.id, d.title, d.cards, d.new, d.learning, d.due, d.suspended
        )?;
    }
    for c in report
        .changed
        .iter()
        .filter(|c| !c.first_sync && !c.is_empty())
    {
        let id = c.deck.as_ref().map(|d| d.0.as_str()).unwrap_or("?");
        writeln!(
            o,
            "{id} changed: {} new, {} reworded, {} removed, {} restored card(s)",
            c.new.len(),
            c.reworded.len(),
            c.removed.len(),
            c.restored.len()
        )?;
    }
    for m in &report.missing {
        writeln!(
            o,
            "{m}: deck file not found; its cards are kept and return with it"
        )?;
    }
    emit(&o);
    Ok(ExitCode::SUCCESS)
}
