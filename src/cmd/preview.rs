//! `tiankong preview DECK [--note ID]`: every card of a deck in plain text, as a student sees it
//! (front with □ blanks, then the answer), so an instructor can check a deck before publishing.
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

use crate::deck::fs as deckfs;

use crate::cli::{Global, PreviewArgs};
use crate::cloze::{card_specs, render, CardView, Slot};
use crate::deck::Deck;

pub fn run(global: &Global, args: &PreviewArgs) -> anyhow::Result<ExitCode> {
    let deck = load(global, &args.deck)?;
    if let Some(id) = &args.note {
        if !deck.notes.iter().any(|n| n.id.0 == *id) {
            bail!("deck `{}` has no note `{id}`", deck.meta.id);
        }
    }
    print!("{}", preview(&deck, args.note.as_deref()));
    Ok(ExitCode::SUCCESS)
}

/// The plain-text preview of a deck (or of one note of it).
pub fn preview(deck: &Deck, note: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} ({})", deck.meta.title, deck.meta.id);
    for n in deck
        .notes
        .iter()
        .filter(|n| note.is_none_or(|id| n.id.0 == id))
    {
        let specs = card_specs(n);
        for (k, spec) in specs.iter().enumerate() {
            let _ = writeln!(
                out,
                "\n── {} · card {}/{} ({}) ──",
                n.id,
                k + 1,
                specs.len(),
                slot_label(&spec.slot)
            );
            match render(n, &spec.slot) {
                Some(view) => write_card(&mut out, &n.heading, &view),
                None => out.push_str("(this card cannot be shown)\n"),
            }
        }
    }
    out
}

fn slot_label(slot: &Slot) -> String {
    match slot {
        Slot::Item(i) => format!("item {}", i + 1),
        Slot::Whole => "whole list".to_string(),
        Slot::Group(g) => format!("c{g}"),
    }
}

fn write_card(out: &mut String, heading: &[String], view: &CardView) {
    // The heading path is context above the question: where in the document the list stands.
    if !heading.is_empty() {
        let _ = writeln!(out, "〔{}〕", heading.join(" › "));
    }
    let _ = writeln!(out, "{}", view.prompt);
    let _ = writeln!(out, "{}", crate::cloze::plain_text(&view.front, false));
    let _ = writeln!(out, "答案：");
    let _ = writeln!(out, "{}", crate::cloze::plain_text(&view.back, true));
    for c in &view.context {
        let _ = writeln!(out, "原文：{c}");
    }
}

/// DECK as a file path, else as a deck id on the deck search path (or built in).
fn load(global: &Global, deck: &str) -> anyhow::Result<Deck> {
    let path = Path::new(deck);
    if path.is_file() {
        let (loaded, diags) = deckfs::load_file(path);
        return match loaded {
            Some(l) => Ok(l.deck),
            None => {
                let msgs: Vec<String> = diags
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| d.show(global.lang()))
                    .collect();
                bail!("{}", msgs.join("\n"))
            }
        };
    }
    let collection = deckfs::load(&deckfs::SearchPath::from_env(&global.decks));
    match collection
        .decks
        .into_iter()
        .find(|l| l.deck.meta.id.0 == deck)
    {
        Some(l) => Ok(l.deck),
        None => bail!("no deck file or deck id `{deck}` on the deck search path"),
    }
}
