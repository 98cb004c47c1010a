//! Deck files, format v1 (TOML): the domain model, parse/serialize/validate (pure) and one
//! filesystem adapter (`fs`, the only part that touches the disk). See README.md "Deck format".
pub mod count;
pub mod diag;
pub mod fs;
pub mod model;
pub mod parse;
pub mod write;

pub use diag::{Diagnostic, Pos, Severity};
pub use model::{Deck, DeckId, DeckMeta, ListNote, NewOrder, Note, NoteBody, NoteId, SourceRef};
pub use parse::{check, parse, Checked, DeckError};
pub use write::to_toml;
