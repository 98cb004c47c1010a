//! `tiankong export --format anki|csv [--deck ID] -o FILE`: the loaded decks (or one of them)
//! as an Anki text import file or as CSV (`interop`), written atomically. `-o -` writes to
//! standard output.
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};

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
        write_atomic(&args.out, &text)?;
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

/// Write through a temporary file in the same folder and rename it over `path`, so a reader
/// sees the old file or the new one, never half of one.
pub(crate) fn write_atomic(path: &Path, text: &str) -> anyhow::Result<()> {
    let tmp = temp_path(path);
    let result = (|| -> std::io::Result<()> {
        write_synced(&tmp, text)?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("{}: cannot write", path.display()))
}

/// Like [`write_atomic`], but never replaces an existing file: the temporary file is
/// hard-linked to `path`, which fails if `path` exists (no window between check and write).
pub(crate) fn write_new_atomic(path: &Path, text: &str) -> anyhow::Result<()> {
    let tmp = temp_path(path);
    let result = write_synced(&tmp, text).and_then(|()| std::fs::hard_link(&tmp, path));
    let _ = std::fs::remove_file(&tmp);
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!("{}: already exists; not overwritten", path.display())
        }
        r => r.with_context(|| format!("{}: cannot write", path.display())),
    }
}

fn temp_path(path: &Path) -> std::path::PathBuf {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = format!(".{name}.{}.tmp", std::process::id());
    dir.map_or_else(|| Path::new(&tmp).to_path_buf(), |d| d.join(&tmp))
}

fn write_synced(path: &Path, text: &str) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}
