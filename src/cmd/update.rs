//! `tiankong generate PATH... --update DECK_DIR [--prune]`: regenerate a revised corpus into
//! existing decks without losing an instructor's edits or the students' progress.
use std::path::Path;
use std::process::ExitCode;

use crate::cli::GenerateArgs;
use crate::deck::{fs as deckfs, to_toml};
use crate::fsutil::write_atomic;
use crate::generate::{
    build_decks,
    update::{merge, DeckChanges},
};

pub fn run(args: &GenerateArgs, dir: &Path) -> anyhow::Result<ExitCode> {
    if !dir.is_dir() {
        anyhow::bail!(
            "{}: not a deck folder (use --out to create one)",
            dir.display()
        );
    }
    let existing = deckfs::load_dirs(&[dir.to_path_buf()]);
    let errors: Vec<String> = existing
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    if !errors.is_empty() {
        // Never rewrite a folder we cannot read whole: an edit could be lost.
        anyhow::bail!(
            "{}\nfix these deck files first; nothing was written",
            errors.join("\n")
        );
    }
    let fresh = build_decks(&super::generate::options(args))?;
    let mut reports: Vec<DeckChanges> = Vec::new();
    for deck in &fresh {
        match existing
            .decks
            .iter()
            .find(|l| l.deck.meta.id == deck.meta.id)
        {
            Some(old) => {
                let (merged, changes) = merge(&old.deck, deck, args.prune);
                if merged != old.deck {
                    write_atomic(&old.path, &to_toml(&merged))?;
                }
                reports.push(changes);
            }
            None => {
                let path = dir.join(format!("{}.toml", deck.meta.id));
                write_atomic(&path, &to_toml(deck))?;
                reports.push(DeckChanges {
                    deck: deck.meta.id.0.clone(),
                    added: deck.notes.iter().map(|n| n.id.0.clone()).collect(),
                    new_deck: true,
                    ..DeckChanges::default()
                });
            }
        }
    }
    for r in &reports {
        print_changes(r);
    }
    for old in &existing.decks {
        if !fresh.iter().any(|d| d.meta.id == old.deck.meta.id) {
            println!(
                "{}: its document is no longer in the corpus; the deck is kept as it is",
                old.path.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_changes(r: &DeckChanges) {
    if r.new_deck {
        println!("{}: new deck, {} notes", r.deck, r.added.len());
        return;
    }
    println!(
        "{}: {} unchanged, {} updated, {} added, {} hand edits kept, {} vanished{}",
        r.deck,
        r.unchanged,
        r.updated.len(),
        r.added.len(),
        r.kept_edits.len(),
        r.vanished.len(),
        if r.changed() { " (version bumped)" } else { "" }
    );
    for (id, what) in &r.vanished {
        let fate = if r.pruned {
            "removed (--prune)"
        } else {
            "kept; --prune removes it"
        };
        println!("  vanished: {id} {what} — {fate}");
    }
}
