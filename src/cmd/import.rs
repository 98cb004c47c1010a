//! `tiankong import FILE --deck ID [--out DIR]`: an Anki cloze text file or a CSV written by
//! `export` into `DIR/ID.toml` (default `./decks`). Input problems are printed as
//! `file:line:col` and nothing is written; an existing deck file is never overwritten.
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};

use crate::cli::{Global, ImportArgs};
use crate::deck::{to_toml, DeckId, NoteBody};
use crate::interop::{self, ImportError};

/// Import files larger than this are refused (a deck of every note ever made is far smaller).
const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

pub fn run(_global: &Global, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    if !DeckId::is_valid(&args.deck) {
        bail!(
            "invalid deck id {:?}: use lowercase letters, digits and `-`, starting with a letter or digit",
            args.deck
        );
    }
    let dir = args.out.clone().unwrap_or_else(|| PathBuf::from("decks"));
    let path = dir.join(format!("{}.toml", args.deck));
    if std::fs::symlink_metadata(&path).is_ok() {
        bail!(
            "{} already exists; import never overwrites a deck file (remove it, or choose another --deck or --out)",
            path.display()
        );
    }
    let shown = args.file.display().to_string();
    let file = std::fs::File::open(&args.file).with_context(|| format!("{shown}: cannot open"))?;
    let mut bytes = Vec::new();
    file.take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("{shown}: cannot read"))?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        bail!("{shown}: larger than {} MiB", MAX_IMPORT_BYTES >> 20);
    }
    // UTF-8, or GB18030/GBK as Excel on a Chinese system saves CSV.
    let text = crate::corpus::read::decode(&bytes).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    let imported = match interop::import(&text, &shown, &args.deck) {
        Ok(i) => i,
        Err(ImportError::Invalid(diags)) => {
            for d in &diags {
                eprintln!("{d}");
            }
            let errors = diags.iter().filter(|d| d.is_error()).count();
            eprintln!("{errors} errors; nothing written");
            return Ok(ExitCode::from(1));
        }
    };
    for w in &imported.warnings {
        eprintln!("{w}");
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    crate::fsutil::write_new_atomic(&path, &to_toml(&imported.deck))?;
    let lists = imported
        .deck
        .notes
        .iter()
        .filter(|n| matches!(n.body, NoteBody::List(_)))
        .count();
    println!(
        "wrote {} (deck `{}`, \"{}\"): {} notes read as {}, {lists} lists and {} cloze notes",
        path.display(),
        imported.deck.meta.id,
        imported.deck.meta.title,
        imported.deck.notes.len(),
        imported.format,
        imported.deck.notes.len() - lists,
    );
    Ok(ExitCode::SUCCESS)
}
