//! The deck domain model shared by the generator, the linter, the store and the TUI.
use std::fmt;

/// A deck id: `[a-z0-9][a-z0-9-]*`, unique among loaded decks.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeckId(pub String);

/// A note id: unique within its deck; review history follows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NoteId(pub String);

impl fmt::Display for DeckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl fmt::Display for NoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl DeckId {
    /// True when `s` has the shape `[a-z0-9][a-z0-9-]*`.
    pub fn is_valid(s: &str) -> bool {
        let mut chars = s.chars();
        matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }
}

/// A whole deck file.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    pub meta: DeckMeta,
    pub notes: Vec<Note>,
}

/// The `[deck]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckMeta {
    pub id: DeckId,
    pub title: String,
    /// Bumped by instructors when they publish.
    pub version: Option<u32>,
    /// The corpus file the deck was generated from.
    pub source: Option<String>,
    /// Source document date, `YYYY-MM-DD` when known.
    pub date: Option<String>,
    /// Exam date for this deck, `YYYY-MM-DD`.
    pub exam: Option<String>,
    /// The document's full title when `title` is a short topic name.
    pub full_title: Option<String>,
    /// The order new cards are introduced in (default: file order).
    pub new_order: Option<NewOrder>,
    /// Ids of notes the instructor deleted: `generate --update` never brings them back.
    pub removed: Vec<String>,
}

/// `new_order` in `[deck]`: the order the day's new cards are taken in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewOrder {
    /// The order of the notes in the file (then `priority`).
    File,
    /// A stable shuffle per user and day.
    Shuffled,
}

impl NewOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            NewOrder::File => "file",
            NewOrder::Shuffled => "shuffled",
        }
    }
    pub fn parse(s: &str) -> Option<NewOrder> {
        match s {
            "file" => Some(NewOrder::File),
            "shuffled" => Some(NewOrder::Shuffled),
            _ => None,
        }
    }
}

/// One `[[note]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: NoteId,
    pub body: NoteBody,
    pub source: Option<SourceRef>,
    /// The source paragraph(s) the note came from, shown by the TUI's source view.
    pub passage: Option<String>,
    pub tags: Vec<String>,
    /// The heading path above the note in its document (title › 一、 › （一） › …), shown as a
    /// context line above the question.
    pub heading: Vec<String>,
    /// New-card priority: higher is introduced earlier (default 0).
    pub priority: Option<i32>,
    /// Hash of the generated content, written by `generate`; lets `generate --update` tell a
    /// hand-edited note from a generated one.
    pub generated: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NoteBody {
    List(ListNote),
    /// Text with `{{…}}` blanks; `{{c2::…}}` groups; `{{…::hint}}` hints.
    Cloze {
        text: String,
    },
}

/// An enumerated list: a prompt and its items' key phrases.
#[derive(Debug, Clone, PartialEq)]
pub struct ListNote {
    pub prompt: String,
    pub items: Vec<String>,
    /// Default true: the order of the items matters.
    pub ordered: bool,
    /// The full text of each item (same length as `items`, or empty).
    pub context: Vec<String>,
    /// The 1-based source line of each item (same length as `items`, or empty).
    pub item_lines: Vec<u32>,
}

/// Where a note came from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceRef {
    pub file: Option<String>,
    /// 1-based line in the raw source file.
    pub line: Option<u32>,
    pub doc: Option<String>,
    pub date: Option<String>,
}
