//! Notes to cards: which cards a note has (slots), the cloze syntax, and how each card looks
//! (masks, list windows, shared frames — in `render`). Pure: the TUI and `preview` share it.
use crate::deck::{Note, NoteBody};

mod render;
pub mod syntax;
pub use render::{frame, mask, plain_text, render, CardView, Frame, Span, LIST_WINDOW, LONG_LIST};
pub use syntax::{blanks, parse, Piece};

/// Which part of a note a card asks about. The store maps slots to lasting card keys.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Slot {
    /// One list item, by its index in the note's `items`.
    Item(usize),
    /// The whole list at once.
    Whole,
    /// One cloze group (`{{…}}` is group 1 unless numbered `{{cN::…}}`).
    Group(u32),
}

/// A card as the note defines it: its slot and the text that anchors its identity (the item's
/// text, the whole prompt, or the group's answers), used to follow history across edits.
#[derive(Debug, Clone, PartialEq)]
pub struct CardSpec {
    pub slot: Slot,
    pub anchor: String,
}

/// The cards of a note: one per list item plus one for the whole list; one per cloze group.
pub fn card_specs(note: &Note) -> Vec<CardSpec> {
    match &note.body {
        NoteBody::List(list) => {
            let mut out: Vec<CardSpec> = list
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| CardSpec {
                    slot: Slot::Item(i),
                    anchor: item.clone(),
                })
                .collect();
            out.push(CardSpec {
                slot: Slot::Whole,
                anchor: list.prompt.clone(),
            });
            out
        }
        NoteBody::Cloze { text } => {
            let mut groups: Vec<(u32, String)> = Vec::new();
            for (group, answer) in blanks(text) {
                match groups.iter_mut().find(|(g, _)| *g == group) {
                    Some((_, a)) => {
                        a.push('|');
                        a.push_str(&answer);
                    }
                    None => groups.push((group, answer)),
                }
            }
            groups.sort_by_key(|(g, _)| *g);
            groups
                .into_iter()
                .map(|(g, a)| CardSpec {
                    slot: Slot::Group(g),
                    anchor: a,
                })
                .collect()
        }
    }
}
