//! Interchange with other tools: decks to Anki's plain-text import format and to CSV, and an
//! Anki cloze text file or such a CSV back into a deck. Pure: text in, text out; the
//! `export`/`import` commands do the file I/O. Formats are described in docs/anki-export.md.
pub mod anki;
pub mod csv;
pub mod delimited;
pub mod import;

pub use anki::to_anki;
pub use csv::to_csv;
pub use import::{import, merge_into, Format, ImportChanges, ImportError, Imported};

use crate::deck::parse::is_valid_partial_date;
use crate::deck::{Deck, Note, SourceRef};
use crate::i18n::{Lang, Text};

/// A deck that cannot be written in the chosen format without changing its content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("deck `{deck}`, note `{note}`: {}", reason.en)]
    Unrepresentable {
        deck: String,
        note: String,
        reason: Text,
    },
}

impl ExportError {
    fn new(deck: &Deck, note: &Note, reason: Text) -> Self {
        ExportError::Unrepresentable {
            deck: deck.meta.id.0.clone(),
            note: note.id.0.clone(),
            reason,
        }
    }

    /// The message in `lang`; `Display` is the English one.
    pub fn show(&self, lang: Lang) -> String {
        let ExportError::Unrepresentable { deck, note, reason } = self;
        crate::tr!(
            lang,
            "卡组 `{deck}`，笔记 `{note}`：{}",
            "deck `{deck}`, note `{note}`: {}",
            reason.get(lang)
        )
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

/// The inverse of [`source_line`], for import: `file:line` (or a path) last, a date before
/// it, the document title first. `None` for an empty text.
pub fn parse_source_line(s: &str) -> Option<SourceRef> {
    let mut parts: Vec<&str> = s.split(" · ").map(str::trim).collect();
    let mut src = SourceRef::default();
    if let Some(last) = parts.last().copied() {
        let file_line = last.rsplit_once(':').filter(|(f, l)| {
            !f.is_empty() && !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit())
        });
        if let Some((f, l)) = file_line {
            src.file = Some(f.to_string());
            src.line = l.parse().ok();
            parts.pop();
        } else if let Some(l) = last.strip_prefix("line ").and_then(|l| l.parse().ok()) {
            src.line = Some(l);
            parts.pop();
        } else if last.contains('/') || last.ends_with(".txt") {
            src.file = Some(last.to_string());
            parts.pop();
        }
    }
    if let Some(last) = parts.last().copied() {
        if is_valid_partial_date(last) {
            src.date = Some(last.to_string());
            parts.pop();
        }
    }
    let doc = parts.join(" · ");
    if !doc.trim().is_empty() {
        src.doc = Some(doc.trim().to_string());
    }
    (src != SourceRef::default()).then_some(src)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn source_line_round_trip() {
        let full = SourceRef {
            file: Some("corpus/a.txt".into()),
            line: Some(1867),
            doc: Some("习近平：新发展阶段".into()),
            date: Some("2020-10".into()),
        };
        let partial = SourceRef {
            doc: Some("二十大报告".into()),
            date: Some("2022-10-16".into()),
            ..SourceRef::default()
        };
        let file_only = SourceRef {
            file: Some("corpus/a.txt".into()),
            ..SourceRef::default()
        };
        for s in [full, partial, file_only] {
            let line = source_line(Some(&s));
            assert_eq!(parse_source_line(&line), Some(s), "{line}");
        }
        assert_eq!(parse_source_line(""), None);
    }
}
