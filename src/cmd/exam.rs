//! `tiankong exam`: a mock paper from the decks. `--json` prints the paper and exits; otherwise
//! the Exam screen takes it, marks it and keeps the wrong answers in the mistake book
//! (`--mistakes` opens the book; with `--json` prints it).
use std::process::ExitCode;

use anyhow::bail;

use crate::cli::{ExamArgs, Global};
use crate::deck::fs::{self as deckfs, SearchPath};
use crate::deck::{Deck, DeckId};
use crate::exam::{build_paper, Paper, PaperSpec, Pool};
use crate::i18n::t;
use crate::store;

/// The decks of the search path (broken files reported on stderr and skipped).
pub fn load_decks(global: &Global) -> Vec<Deck> {
    let coll = deckfs::load(&SearchPath::from_env(&global.decks));
    for d in coll.diagnostics.iter().filter(|d| d.is_error()) {
        eprintln!("{}", d.show(global.lang()));
    }
    coll.decks.into_iter().map(|l| l.deck).collect()
}

/// The paper `args` asks for, over `decks`.
pub fn paper(global: &Global, decks: &[Deck], args: &ExamArgs) -> anyhow::Result<Paper> {
    let lang = global.lang();
    if let Some(id) = &args.deck {
        if !decks.iter().any(|d| d.meta.id.0 == *id) {
            bail!(crate::tr!(
                lang,
                "没有 id 为 `{}` 的卡组",
                "no deck with id `{}`",
                id
            ));
        }
    }
    let seed = args
        .seed
        .unwrap_or_else(|| store::now_ms().unsigned_abs() % 1_000_000);
    let spec = PaperSpec {
        deck: args.deck.clone().map(DeckId),
        tag: args.tag.clone(),
        questions: args.n,
        seed,
    };
    let paper = build_paper(&Pool::new(decks), &spec)?;
    if paper.questions.is_empty() {
        bail!(t(
            lang,
            "这些笔记出不了题（列表太短或没有填空）",
            "these notes carry no questions (lists too short, no blanks)"
        ));
    }
    Ok(paper)
}

pub fn run(global: &Global, args: &ExamArgs) -> anyhow::Result<ExitCode> {
    if args.mistakes {
        return crate::tui::exam::run_mistakes(global, args);
    }
    let decks = load_decks(global);
    let paper = paper(global, &decks, args)?;
    if args.json {
        crate::cmd::stats::emit(&format!("{}\n", paper.to_json()));
        return Ok(ExitCode::SUCCESS);
    }
    crate::tui::exam::run_paper(global, args, paper)
}
