//! Deck files, format v1 (TOML): the domain model, parse/serialize/validate (pure) and one
//! filesystem adapter. See README.md "Deck format".
pub mod model;

pub use model::{Deck, DeckId, DeckMeta, ListNote, Note, NoteBody, NoteId, SourceRef};
