//! `tiankong generate PATH... --out DIR`: corpus texts to one deck file per source document.
use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::{GenerateArgs, Global};
use crate::deck::{to_toml, Deck, NoteBody};
use crate::extract::{self, notes};

/// What one document gave.
struct Summary {
    file: String,
    title: String,
    lists: usize,
    items: usize,
    clozes: usize,
}

pub fn run(_global: &Global, args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    if let Some(dir) = &args.update {
        return super::update::run(args, dir);
    }
    let Some(out) = &args.out else {
        anyhow::bail!("generate needs --out DIR or --update DECK_DIR");
    };
    let decks = build_decks(args)?;
    fs::create_dir_all(out)
        .with_context(|| format!("{}: cannot create the folder", out.display()))?;
    let mut summaries = Vec::new();
    for deck in &decks {
        let path = out.join(format!("{}.toml", deck.meta.id));
        write_atomic(&path, &to_toml(deck))?;
        summaries.push(summary(&path, deck));
    }
    print_summary(&summaries);
    Ok(ExitCode::SUCCESS)
}

/// Read the corpus and build one deck per document (lists and key sentences).
pub fn build_decks(args: &GenerateArgs) -> anyhow::Result<Vec<Deck>> {
    let docs = crate::corpus::load(&args.paths)?;
    if docs.is_empty() {
        anyhow::bail!(
            "no documents found in {}",
            args.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let keys = super::generate_keys::KeyPass::new()?;
    let (found, clozes) = extract_all(&docs, &keys);
    let mut decks: Vec<Deck> = Vec::new();
    for (di, doc) in docs.iter().enumerate() {
        let lists: Vec<_> = found
            .iter()
            .filter(|(d, _)| *d == di)
            .map(|(_, l)| l.clone())
            .collect();
        let cl: Vec<notes::ClozeNote> = clozes
            .iter()
            .filter(|(d, _)| *d == di)
            .map(|(_, c)| c.clone())
            .collect();
        if lists.is_empty() && cl.is_empty() {
            continue;
        }
        let mut id = notes::deck_id(doc);
        // Two documents of one date and title: number the later ones.
        let mut n = 2;
        let base = id.0.clone();
        while decks.iter().any(|d| d.meta.id == id) {
            id = crate::deck::DeckId(format!("{base}-{n}"));
            n += 1;
        }
        decks.push(notes::build_deck(doc, id, &lists, &cl));
    }
    Ok(decks)
}

/// Lists and cloze notes, each with the index of its document.
pub type Found = (
    Vec<(usize, extract::FoundList)>,
    Vec<(usize, notes::ClozeNote)>,
);

/// Lists and key sentences of the documents. The two passes are independent, so they run on
/// two threads (the machines this runs on have at least two cores).
pub fn extract_all(
    docs: &[crate::corpus::Document],
    keys: &super::generate_keys::KeyPass,
) -> Found {
    std::thread::scope(|s| {
        let clozes = s.spawn(|| keys.run(docs));
        let lists = extract::find_all(docs);
        // A panic in the key pass is a bug; fall back to no cloze notes rather than abort.
        (lists, clozes.join().unwrap_or_default())
    })
}

fn summary(path: &Path, deck: &Deck) -> Summary {
    let mut s = Summary {
        file: path.display().to_string(),
        title: deck.meta.title.clone(),
        lists: 0,
        items: 0,
        clozes: 0,
    };
    for n in &deck.notes {
        match &n.body {
            NoteBody::List(l) => {
                s.lists += 1;
                s.items += l.items.len();
            }
            NoteBody::Cloze { .. } => s.clozes += 1,
        }
    }
    s
}

fn print_summary(all: &[Summary]) {
    let (mut lists, mut items, mut clozes) = (0, 0, 0);
    for s in all {
        println!(
            "{}  {} lists, {} items, {} cloze notes  {}",
            s.file, s.lists, s.items, s.clozes, s.title
        );
        lists += s.lists;
        items += s.items;
        clozes += s.clozes;
    }
    println!(
        "total: {} decks, {lists} lists, {items} items, {clozes} cloze notes",
        all.len()
    );
}

/// Write a file so that a reader sees the old or the new content, never half of it.
pub fn write_atomic(path: &Path, text: &str) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp"));
    let result = (|| -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.with_context(|| format!("{}: cannot write", path.display()))
}
