//! `tiankong generate PATH... --out DIR`: corpus texts to one deck file per source document.
use std::fs;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::{GenerateArgs, Global};
use crate::deck::{to_toml, Deck, NoteBody};
use crate::fsutil::write_atomic;
use crate::generate::{build_decks, GenerateOptions};

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
    let decks = build_decks(&options(args))?;
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

/// The pipeline's options from the command line.
pub fn options(args: &GenerateArgs) -> GenerateOptions {
    GenerateOptions {
        paths: args.paths.clone(),
    }
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
