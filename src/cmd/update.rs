//! `tiankong generate PATH... --update DECK_DIR [--prune] [--dry-run]`: regenerate a revised
//! corpus into existing decks without losing an instructor's edits, comments, deletions or the
//! students' progress. Each fresh deck finds its file by deck id, else by its note ids (the
//! file, the id or the document's title may have been renamed); the merge is
//! `generate::update`, and the file is edited in place.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::GenerateArgs;
use crate::deck::fs::{self as deckfs, LoadedDeck};
use crate::deck::{Deck, Diagnostic};
use crate::fsutil::{write_atomic, write_new_atomic};
use crate::generate::update::{apply, generated_ids, merge, new_file, DeckChanges};
use crate::i18n::{t, Lang};
use crate::tr;

/// An existing deck file with its text and its `[generator]` list.
pub(super) struct Existing {
    pub loaded: LoadedDeck,
    pub text: String,
    pub generated: Option<Vec<String>>,
}

/// The decks of `dir` with their texts, and the diagnostics of loading them.
pub(super) fn existing_decks(
    lang: Lang,
    dir: &Path,
) -> anyhow::Result<(Vec<Existing>, Vec<Diagnostic>)> {
    let collection = deckfs::load_dirs(&[dir.to_path_buf()]);
    let mut existing = Vec::new();
    for l in collection.decks {
        let text = deckfs::read_text(&l.path)
            .map_err(|d| anyhow::anyhow!("{}", d.show(lang)))?
            .text;
        existing.push(Existing {
            generated: generated_ids(&text),
            loaded: l,
            text,
        });
    }
    Ok((existing, collection.diagnostics))
}

/// What will be done to one file.
struct Step {
    path: PathBuf,
    /// The new text; `None` when the file stays as it is.
    text: Option<String>,
    new_file: bool,
    changes: DeckChanges,
    /// The deck was found by its notes under another deck id.
    renamed_from: Option<String>,
}

pub fn run(lang: Lang, args: &GenerateArgs, dir: &Path) -> anyhow::Result<ExitCode> {
    if !dir.is_dir() {
        anyhow::bail!(
            "{}",
            tr!(
                lang,
                "{}：不是卡组文件夹（新建请用 --out）",
                "{}: not a deck folder (use --out to create one)",
                dir.display()
            )
        );
    }
    let (existing, diagnostics) = existing_decks(lang, dir)?;
    let problems: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.show(lang))
        .collect();
    if !problems.is_empty() {
        // Never rewrite a folder we cannot read whole: an edit could be lost.
        anyhow::bail!(
            "{}\n{}",
            problems.join("\n"),
            t(
                lang,
                "请先修正这些卡组文件；没有写入任何文件",
                "fix these deck files first; nothing was written"
            )
        );
    }
    // Warnings (a deck id in two files: which one is updated) are said, not fatal.
    for d in &diagnostics {
        eprintln!("{}", d.show(lang));
    }
    let (fresh, bad) = super::generate::build(lang, args)?;
    let targets = assign(&fresh, &existing);
    let mut claimed = vec![false; existing.len()];
    let mut steps: Vec<Step> = Vec::new();
    for (deck, target) in fresh.iter().zip(&targets) {
        let Some(i) = *target else {
            let path = dir.join(format!("{}.toml", deck.meta.id));
            steps.push(Step {
                text: Some(new_file(deck)),
                path,
                new_file: true,
                changes: DeckChanges {
                    deck: deck.meta.id.0.clone(),
                    added: deck.notes.iter().map(|n| n.id.0.clone()).collect(),
                    new_deck: true,
                    ..DeckChanges::default()
                },
                renamed_from: None,
            });
            continue;
        };
        claimed[i] = true;
        let old = &existing[i];
        let merged = merge(&old.loaded.deck, old.generated.as_deref(), deck, args.prune);
        let shown = old.loaded.path.display().to_string();
        let text = apply(&old.text, &shown, &old.loaded.deck, &merged)?;
        steps.push(Step {
            path: old.loaded.path.clone(),
            text: (text != old.text).then_some(text),
            new_file: false,
            changes: merged.changes,
            renamed_from: (old.loaded.deck.meta.id != deck.meta.id).then(|| deck.meta.id.0.clone()),
        });
    }
    // A new deck's file name taken by another deck (its id changed by hand): say so before
    // anything is written.
    let taken: Vec<String> = steps
        .iter()
        .filter(|s| s.new_file && std::fs::symlink_metadata(&s.path).is_ok())
        .map(|s| s.path.display().to_string())
        .collect();
    if !taken.is_empty() {
        anyhow::bail!(
            "{}",
            tr!(
                lang,
                "{} 已被另一个卡组占用，新卡组无法写入；请先改名。没有写入任何文件",
                "{} is taken by another deck, so the new deck cannot be written there; rename it first. Nothing was written",
                taken.join(", ")
            )
        );
    }
    if !args.dry_run {
        for s in &steps {
            match (&s.text, s.new_file) {
                (Some(text), true) => write_new_atomic(&s.path, text)?,
                (Some(text), false) => write_atomic(&s.path, text)?,
                (None, _) => {}
            }
        }
    }
    for s in &steps {
        print_step(lang, s, args.dry_run);
    }
    for (i, old) in existing.iter().enumerate() {
        if !claimed[i] {
            println!(
                "{}",
                tr!(
                    lang,
                    "{}：语料中已没有它的文档；卡组保持原样",
                    "{}: its document is no longer in the corpus; the deck is kept as it is",
                    old.loaded.path.display()
                )
            );
        }
    }
    if args.dry_run {
        println!(
            "{}",
            t(
                lang,
                "（--dry-run：没有写入任何文件）",
                "(--dry-run: nothing was written)"
            )
        );
    }
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The existing deck each fresh deck belongs to, each existing deck to one fresh deck at most:
/// first every deck with the same id, then by note ids ([`by_notes`]).
pub(super) fn assign(fresh: &[Deck], existing: &[Existing]) -> Vec<Option<usize>> {
    let mut claimed = vec![false; existing.len()];
    let mut out: Vec<Option<usize>> = fresh
        .iter()
        .map(|d| {
            let i = existing
                .iter()
                .position(|e| e.loaded.deck.meta.id == d.meta.id)?;
            claimed[i] = true;
            Some(i)
        })
        .collect();
    for (k, d) in fresh.iter().enumerate() {
        if out[k].is_none() {
            out[k] = by_notes(d, existing, &claimed);
            if let Some(i) = out[k] {
                claimed[i] = true;
            }
        }
    }
    out
}

/// The unclaimed existing deck sharing most of `deck`'s note ids (its notes, deleted notes and
/// notes generate made for it), at least half of them. Note ids come from the notes' content,
/// so they survive a renamed file, deck id or document title.
fn by_notes(deck: &Deck, existing: &[Existing], claimed: &[bool]) -> Option<usize> {
    let shared = |e: &Existing| {
        deck.notes
            .iter()
            .filter(|n| {
                let id = &n.id.0;
                e.loaded.deck.notes.iter().any(|x| x.id.0 == *id)
                    || e.loaded.deck.meta.removed.contains(id)
                    || e.generated.as_ref().is_some_and(|g| g.contains(id))
            })
            .count()
    };
    let (i, n) = existing
        .iter()
        .enumerate()
        .filter(|(i, _)| !claimed[*i])
        .map(|(i, e)| (i, shared(e)))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (n > 0 && n * 2 >= deck.notes.len()).then_some(i)
}

fn print_step(lang: Lang, s: &Step, dry_run: bool) {
    let r = &s.changes;
    let file = s.path.display();
    if r.new_deck {
        let verb = if dry_run {
            t(lang, "将新建卡组", "would create a new deck")
        } else {
            t(lang, "新卡组", "new deck")
        };
        println!(
            "{}",
            tr!(
                lang,
                "{file}：{verb}，{} 条笔记",
                "{file}: {verb}, {} notes",
                r.added.len()
            )
        );
        return;
    }
    if let Some(id) = &s.renamed_from {
        println!(
            "{}",
            tr!(
                lang,
                "{file}：按笔记 id 找到（语料现在给出卡组 id `{id}`，文件里的 id `{}` 保留）",
                "{file}: found by its note ids (the corpus now gives deck id `{id}`; the file's id `{}` is kept)",
                r.deck
            )
        );
    }
    let quiet = s.text.is_none()
        && r.kept_edits.is_empty()
        && r.kept_deleted.is_empty()
        && r.vanished.is_empty();
    if quiet {
        let n = r.unchanged;
        println!(
            "{}",
            tr!(
                lang,
                "{file}：没有变化（{n} 条笔记）",
                "{file}: no change ({n} notes)"
            )
        );
        return;
    }
    let bumped = if r.changed() {
        t(lang, "（版本号 +1）", " (version bumped)")
    } else {
        ""
    };
    println!(
        "{}",
        tr!(
            lang,
            "{file}：{} 条未变，{} 条更新，{} 条新增，保留 {} 条手工修改，{} 条已删除不恢复，{} 条在语料中消失{bumped}",
            "{file}: {} unchanged, {} updated, {} added, {} hand edits kept, {} deleted kept deleted, {} vanished{bumped}",
            r.unchanged,
            r.updated.len(),
            r.added.len(),
            r.kept_edits.len(),
            r.kept_deleted.len(),
            r.vanished.len()
        )
    );
    for id in &r.newly_removed {
        println!(
            "{}",
            tr!(
                lang,
                "  已删除：{id} —— 记入 [deck] removed，不再恢复（从 removed 中去掉即可恢复）",
                "  deleted: {id} — recorded in [deck] removed and never brought back (take it out of removed to restore it)"
            )
        );
    }
    for (id, what) in &r.vanished {
        let fate = if r.pruned {
            t(lang, "已移除（--prune）", "removed (--prune)")
        } else {
            t(lang, "保留；--prune 会移除", "kept; --prune removes it")
        };
        println!(
            "{}",
            tr!(
                lang,
                "  消失：{id} {what} —— {fate}",
                "  vanished: {id} {what} — {fate}"
            )
        );
    }
    if dry_run && s.text.is_some() {
        println!("  {} {file}", t(lang, "将改写", "would rewrite"));
    }
}
