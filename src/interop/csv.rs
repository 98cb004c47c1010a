//! Decks to CSV (RFC 4180): a header row, one row per note, CRLF between rows, fields quoted
//! when they contain `,`, `"` or a line break. A UTF-8 byte order mark comes first so that
//! Excel and WPS open the Chinese text as UTF-8 (the importer skips it).
//!
//! Columns: `deck` (deck id), `note` (note id), `kind` (`list`|`cloze`), `prompt_or_text`
//! (a list's prompt or a cloze text in deck syntax, `{{…}}`), `items` (a list's items, one
//! per line inside the cell), `source` (`document · date · file:line`), `ordered` (a list's
//! `true`/`false`, empty for cloze notes) and `tags` (one per line inside the cell). Files
//! with the first six columns only (written before `ordered` and `tags`) still import.
use super::delimited::quote_field;
use super::{source_line, ExportError};
use crate::deck::{Deck, NoteBody};

/// The header row, which is also how the importer recognises a CSV written by us.
pub const HEADER: [&str; 8] = [
    "deck",
    "note",
    "kind",
    "prompt_or_text",
    "items",
    "source",
    "ordered",
    "tags",
];
/// The header of CSV files written before `ordered` and `tags` were columns.
pub const HEADER_V1: [&str; 6] = ["deck", "note", "kind", "prompt_or_text", "items", "source"];
const BOM: &str = "\u{feff}";

pub fn to_csv(decks: &[&Deck]) -> Result<String, ExportError> {
    let mut out = String::from(BOM);
    row(&mut out, &HEADER.map(String::from));
    for deck in decks {
        for note in &deck.notes {
            let (kind, main, items, ordered) = match &note.body {
                NoteBody::List(list) => {
                    if let Some(bad) = list
                        .items
                        .iter()
                        .chain(&note.tags)
                        .find(|i| i.contains(['\n', '\r']))
                    {
                        return Err(ExportError::new(
                            deck,
                            note,
                            crate::txt!(
                                "{bad:?} 里有换行（各项和标签在单元格里是一行一个）",
                                "{bad:?} contains a line break (items and tags are one per line in their cells)"
                            ),
                        ));
                    }
                    let ordered = if list.ordered { "true" } else { "false" };
                    ("list", list.prompt.clone(), list.items.join("\n"), ordered)
                }
                NoteBody::Cloze { text } => ("cloze", text.clone(), String::new(), ""),
            };
            row(
                &mut out,
                &[
                    deck.meta.id.0.clone(),
                    note.id.0.clone(),
                    kind.to_string(),
                    main,
                    items,
                    source_line(note.source.as_ref()),
                    ordered.to_string(),
                    note.tags.join("\n"),
                ],
            );
        }
    }
    Ok(out)
}

fn row(out: &mut String, fields: &[String]) {
    let quoted: Vec<_> = fields
        .iter()
        .map(|f| {
            // A leading `#` needs no quotes in CSV (we read CSV without comment lines).
            if f.starts_with('#') && !f.contains([',', '"', '\n', '\r']) {
                std::borrow::Cow::Borrowed(f.as_str())
            } else {
                quote_field(f, ',')
            }
        })
        .collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}
