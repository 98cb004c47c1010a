//! Found lists (and key sentences) to deck notes: stable ids, prompts, sources. Pure.
use crate::corpus::Document;
use crate::deck::{Deck, DeckId, DeckMeta, ListNote, Note, NoteBody, NoteId, SourceRef};

use super::FoundList;

/// FNV-1a 64: stable across runs, platforms and versions (ids must never depend on a
/// process's hash seed).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn short_hash(s: &str) -> String {
    format!("{:06x}", fnv1a64(s.as_bytes()) & 0xff_ffff)
}

/// A deck id for a document: its date and a hash of its title (`2024-05-27-3fa9c1`), so the
/// id stays when documents are added to or reordered in the corpus.
pub fn deck_id(doc: &Document) -> DeckId {
    let date: String = doc
        .date
        .as_deref()
        .unwrap_or("doc")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    DeckId(format!("{}-{}", date, short_hash(&doc.title)))
}

/// A cloze note to add (from the key-sentence pass).
#[derive(Debug, Clone, PartialEq)]
pub struct ClozeNote {
    pub text: String,
    pub line: u32,
    pub passage: String,
}

/// Build the deck of one document from its lists and cloze notes. Note ids come from the
/// content (the list's first items, the sentence), so they do not depend on run order or on
/// lines moving; a repeated id gets `-2`, `-3`.
pub fn build_deck(doc: &Document, id: DeckId, lists: &[FoundList], clozes: &[ClozeNote]) -> Deck {
    let mut notes: Vec<Note> = Vec::new();
    let mut used: Vec<String> = Vec::new();
    let mut unique = |base: String| -> NoteId {
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.push(id.clone());
        NoteId(id)
    };
    let source = |line: u32| SourceRef {
        file: Some(doc.file.clone()),
        line: Some(line),
        doc: Some(doc.title.clone()),
        date: doc.date.clone(),
    };
    for l in lists {
        let items: Vec<String> = l.items.iter().map(|i| i.key.clone()).collect();
        let basis = format!(
            "{}|{}",
            l.marker,
            items.iter().take(2).cloned().collect::<Vec<_>>().join("|")
        );
        let list = ListNote {
            prompt: l.prompt.clone(),
            items,
            ordered: l.ordered,
            context: l.items.iter().map(|i| i.full.clone()).collect(),
            item_lines: l.items.iter().map(|i| i.line).collect(),
        };
        let generated = generated_hash(&NoteBody::List(list.clone()));
        notes.push(Note {
            id: unique(format!("list-{}", short_hash(&basis))),
            body: NoteBody::List(list),
            source: Some(source(l.line)),
            passage: Some(l.passage.clone()),
            tags: vec![format!("marker:{}", l.marker)],
            generated: Some(generated),
            heading: vec![],
            priority: None,
        });
    }
    for c in clozes {
        let body = NoteBody::Cloze {
            text: c.text.clone(),
        };
        let generated = generated_hash(&body);
        notes.push(Note {
            id: unique(format!("key-{}", short_hash(&c.text))),
            body,
            source: Some(source(c.line)),
            passage: Some(c.passage.clone()),
            tags: vec!["key-sentence".to_string()],
            generated: Some(generated),
            heading: vec![],
            priority: None,
        });
    }
    Deck {
        meta: DeckMeta {
            id,
            title: doc.title.clone(),
            version: Some(1),
            source: Some(doc.file.clone()),
            date: doc.date.clone(),
            exam: None,
            full_title: None,
            new_order: None,
            removed: vec![],
        },
        notes,
    }
}

/// The hash of a note's generated content; `generate --update` compares it with the note as it
/// is now to tell a hand edit from an untouched note.
pub fn generated_hash(body: &NoteBody) -> String {
    let text = match body {
        NoteBody::List(l) => format!(
            "list\u{1f}{}\u{1f}{}\u{1f}{}",
            l.prompt,
            l.items.join("\u{1e}"),
            l.ordered
        ),
        NoteBody::Cloze { text } => format!("cloze\u{1f}{text}"),
    };
    format!("{:016x}", fnv1a64(text.as_bytes()))
}
