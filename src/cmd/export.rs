//! `tiankong export --format anki|csv [--deck ID] -o FILE`: the loaded decks (or one of them)
//! as an Anki text import file or as CSV (`interop`), written atomically. `-o -` writes to
//! standard output.
use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;

use crate::cli::{ExportArgs, Global};
use crate::deck::fs::{load, SearchPath};
use crate::deck::{Deck, NoteBody};
use crate::interop;

pub fn run(global: &Global, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let anki = match args.format.to_ascii_lowercase().as_str() {
        "anki" => true,
        "csv" => false,
        other => bail!("unknown export format `{other}`: use `anki` or `csv`"),
    };
    let collection = load(&SearchPath::from_env(&global.decks));
    // A broken deck file does not stop the export of the good ones, but it is said.
    for d in collection.diagnostics.iter().filter(|d| d.is_error()) {
        eprintln!("{d}");
    }
    let mut decks: Vec<&Deck> = collection.decks.iter().map(|l| &l.deck).collect();
    decks.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    if let Some(id) = &args.deck {
        let known: Vec<String> = decks.iter().map(|d| d.meta.id.0.clone()).collect();
        decks.retain(|d| d.meta.id.0 == *id);
        if decks.is_empty() {
            if known.is_empty() {
                bail!("no deck `{id}`: no decks are loaded");
            }
            bail!("no deck `{id}`; the loaded decks are: {}", known.join(", "));
        }
    }
    if decks.is_empty() {
        bail!("no decks to export (no deck folder found, or every deck file is broken)");
    }
    let text = if anki {
        interop::to_anki(&decks)?
    } else {
        interop::to_csv(&decks)?
    };
    if args.out.as_os_str() == "-" {
        std::io::stdout().lock().write_all(text.as_bytes())?;
    } else {
        crate::fsutil::write_atomic(&args.out, &text)?;
        let (lists, clozes, cards) = counts(&decks);
        eprintln!(
            "wrote {}: {} deck(s), {lists} list notes, {clozes} cloze notes ({cards} {} cards)",
            args.out.display(),
            decks.len(),
            if anki { "Anki" } else { "item/group" },
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// List notes, cloze notes, and the cards Anki will make (one per item, one per group).
fn counts(decks: &[&Deck]) -> (usize, usize, usize) {
    let (mut lists, mut clozes, mut cards) = (0, 0, 0);
    for deck in decks {
        for note in &deck.notes {
            match &note.body {
                NoteBody::List(l) => {
                    lists += 1;
                    cards += l.items.len();
                }
                NoteBody::Cloze { text } => {
                    clozes += 1;
                    let mut groups: Vec<u32> = crate::cloze::blanks(text)
                        .into_iter()
                        .map(|b| b.0)
                        .collect();
                    groups.sort_unstable();
                    groups.dedup();
                    cards += groups.len();
                }
            }
        }
    }
    (lists, clozes, cards)
}
