//! Interchange with other tools: decks to Anki's plain-text import format and to CSV, and an
//! Anki cloze text file or such a CSV back into a deck. Pure: text in, text out; the
//! `export`/`import` commands do the file I/O. Formats are described in docs/anki-export.md.
pub mod anki;
pub mod csv;
pub mod delimited;
pub mod import;

pub use anki::to_anki;
pub use csv::to_csv;
pub use import::{import, Format, ImportError, Imported};

use crate::deck::{Deck, Note, SourceRef};

/// A deck that cannot be written in the chosen format without changing its content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("deck `{deck}`, note `{note}`: {reason}")]
    Unrepresentable {
        deck: String,
        note: String,
        reason: String,
    },
}

impl ExportError {
    fn new(deck: &Deck, note: &Note, reason: impl Into<String>) -> Self {
        ExportError::Unrepresentable {
            deck: deck.meta.id.0.clone(),
            note: note.id.0.clone(),
            reason: reason.into(),
        }
    }
}

/// Where a note came from, for people: `document · date · file:line` (the parts known).
pub fn source_line(source: Option<&SourceRef>) -> String {
    let Some(s) = source else {
        return String::new();
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(doc) = &s.doc {
        parts.push(doc.clone());
    }
    if let Some(date) = &s.date {
        parts.push(date.clone());
    }
    match (&s.file, s.line) {
        (Some(f), Some(l)) => parts.push(format!("{f}:{l}")),
        (Some(f), None) => parts.push(f.clone()),
        (None, Some(l)) => parts.push(format!("line {l}")),
        (None, None) => {}
    }
    parts.join(" · ")
}
