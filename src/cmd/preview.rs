//! `tiankong preview DECK [--note ID]`: every card of a deck in plain text, as a student sees it
//! (front with □ blanks, then the answer), so an instructor can check a deck before publishing.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};

use crate::cli::{Global, PreviewArgs};
use crate::cloze::{card_specs, render, CardView, Slot, Span};
use crate::deck::{Deck, DeckId, DeckMeta, ListNote, Note, NoteBody, NoteId};

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
                Some(view) => write_card(&mut out, &view),
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

fn write_card(out: &mut String, view: &CardView) {
    let _ = writeln!(out, "{}", view.prompt);
    let _ = writeln!(out, "{}", spans_text(&view.front, false));
    let _ = writeln!(out, "答案：");
    let _ = writeln!(out, "{}", spans_text(&view.back, true));
    for c in &view.context {
        let _ = writeln!(out, "原文：{c}");
    }
}

/// Spans as plain text: a blank is its mask on the front and `【answer】` on the back.
fn spans_text(spans: &[Span], back: bool) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => t.clone(),
            Span::Blank { answer, .. } if back => format!("【{answer}】"),
            Span::Blank { masked, .. } => masked.clone(),
        })
        .collect()
}

/// DECK as a file path, else as a deck id searched in the deck folders (`--decks`, else
/// `decks/`).
fn load(global: &Global, deck: &str) -> anyhow::Result<Deck> {
    let path = Path::new(deck);
    if path.is_file() {
        return read(path);
    }
    let dirs: Vec<PathBuf> = if global.decks.is_empty() {
        vec![PathBuf::from("decks")]
    } else {
        global.decks.clone()
    };
    for dir in &dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
            .collect();
        files.sort();
        for f in files {
            // A broken deck elsewhere in the folder must not stop the preview of this one.
            if let Ok(d) = read(&f) {
                if d.meta.id.0 == deck {
                    return Ok(d);
                }
            }
        }
    }
    bail!(
        "no deck file or deck id `{deck}` (looked in {})",
        show_dirs(&dirs)
    )
}

fn show_dirs(dirs: &[PathBuf]) -> String {
    dirs.iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn read(path: &Path) -> anyhow::Result<Deck> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    parse_deck(&text).with_context(|| format!("{}", path.display()))
}

/// TEMPORARY: a minimal deck parser until `crate::deck::parse` lands; replace this function
/// with it (it reports `file:line:col` and checks what this one does not).
fn parse_deck(text: &str) -> anyhow::Result<Deck> {
    let table: toml::Table = toml::from_str(text)?;
    let str_of = |t: &toml::Table, k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let strings = |t: &toml::Table, k: &str| -> Vec<String> {
        t.get(k)
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let Some(meta) = table.get("deck").and_then(|v| v.as_table()) else {
        bail!("missing [deck] table");
    };
    let (Some(id), Some(title)) = (str_of(meta, "id"), str_of(meta, "title")) else {
        bail!("[deck] needs id and title");
    };
    let mut notes = Vec::new();
    let raw_notes = table.get("note").and_then(|v| v.as_array());
    for (i, n) in raw_notes.into_iter().flatten().enumerate() {
        let Some(n) = n.as_table() else {
            bail!("note {} is not a table", i + 1);
        };
        let Some(nid) = str_of(n, "id") else {
            bail!("note {} has no id", i + 1);
        };
        let body = match str_of(n, "kind").as_deref() {
            Some("list") => NoteBody::List(ListNote {
                prompt: str_of(n, "prompt").unwrap_or_default(),
                items: strings(n, "items"),
                ordered: n.get("ordered").and_then(|v| v.as_bool()).unwrap_or(true),
                context: strings(n, "context"),
                item_lines: Vec::new(),
            }),
            Some("cloze") => NoteBody::Cloze {
                text: str_of(n, "text").unwrap_or_default(),
            },
            other => bail!("note `{nid}`: unknown kind {other:?}"),
        };
        notes.push(Note {
            id: NoteId(nid),
            body,
            source: None,
            passage: str_of(n, "passage"),
            tags: strings(n, "tags"),
            generated: None,
        });
    }
    Ok(Deck {
        meta: DeckMeta {
            id: DeckId(id),
            title,
            version: None,
            source: None,
            date: None,
            exam: None,
        },
        notes,
    })
}
