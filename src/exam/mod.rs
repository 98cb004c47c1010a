//! Exam practice, the pure core: mock papers built from the notes in the exam's own question
//! types (`build`), marking a handed-in paper (`mark`), and choosing the cards to cram
//! (`cram`). No store, terminal or clock here; randomness comes from a seeded ChaCha
//! generator passed in, so the same seed gives the same paper.
mod build;
pub mod cram;
mod mark;

pub use build::{build_paper, PaperSpec, Pool};
pub use mark::{mark_paper, mark_question, Marked, Response, TypeScore};

use crate::cloze::Slot;
use crate::deck::{DeckId, NoteId};

/// The question types of a written exam.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// 单选: which one belongs.
    Single,
    /// 多选: choose all that belong.
    Multi,
    /// 判断: a true or near-miss statement.
    Judge,
    /// 填空: a typed blank of a key sentence.
    Blank,
    /// 列举: write the whole list.
    List,
    /// 排序: put an ordered list's items in order.
    Order,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Single,
        Kind::Multi,
        Kind::Judge,
        Kind::Blank,
        Kind::List,
        Kind::Order,
    ];

    /// The name in the JSON paper.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multi => "multi",
            Kind::Judge => "judge",
            Kind::Blank => "blank",
            Kind::List => "list",
            Kind::Order => "order",
        }
    }

    /// The type named by [`Kind::as_str`].
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The name on a Chinese exam paper.
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Single => "单选",
            Kind::Multi => "多选",
            Kind::Judge => "判断",
            Kind::Blank => "填空",
            Kind::List => "列举",
            Kind::Order => "排序",
        }
    }

    /// Choice-like questions are answered with option letters; the others are typed.
    pub fn is_typed(self) -> bool {
        matches!(self, Kind::Blank | Kind::List)
    }
}

/// The right answer of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Option indices: the one right option (single), all right options ascending (multi),
    /// or the options in their right order (order).
    Options(Vec<usize>),
    /// Texts: the blank's answers in order (blank) or the list's items (list).
    Texts(Vec<String>),
    /// The statement is true or false (judge).
    Truth(bool),
}

/// One question of a paper.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub kind: Kind,
    pub deck: DeckId,
    pub note: NoteId,
    /// The card of the note the question tests: what a mistake sends back as a lapse.
    pub slot: Slot,
    pub stem: String,
    /// Options for single, multi and order (judge shows 对/错 but has none here).
    pub options: Vec<String>,
    pub answer: Answer,
    /// A list answer must be written in order.
    pub ordered: bool,
    /// The source passage, shown when the paper is marked.
    pub passage: Option<String>,
}

/// A mock paper.
#[derive(Debug, Clone, PartialEq)]
pub struct Paper {
    /// The deck the paper was drawn from (`None`: all decks).
    pub deck: Option<DeckId>,
    pub seed: u64,
    pub questions: Vec<Question>,
}

impl Answer {
    /// The JSON form: option indices, texts, or `[true]`/`[false]`.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Answer::Options(v) => serde_json::json!(v),
            Answer::Texts(v) => serde_json::json!(v),
            Answer::Truth(b) => serde_json::json!([b]),
        }
    }
}

impl Paper {
    /// The paper as the `exam --json` contract prints it.
    pub fn to_json(&self) -> serde_json::Value {
        let questions: Vec<serde_json::Value> = self
            .questions
            .iter()
            .map(|q| {
                let mut v = serde_json::json!({
                    "type": q.kind.as_str(),
                    "deck": q.deck.0,
                    "note": q.note.0,
                    "stem": q.stem,
                    "answer": q.answer.to_json(),
                });
                if matches!(q.kind, Kind::Single | Kind::Multi | Kind::Order) {
                    v["options"] = serde_json::json!(q.options);
                }
                if q.kind == Kind::List {
                    v["ordered"] = serde_json::json!(q.ordered);
                }
                v
            })
            .collect();
        serde_json::json!({
            "deck": self.deck.as_ref().map(|d| d.0.clone()),
            "seed": self.seed,
            "questions": questions,
        })
    }
}

/// Errors building a paper.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ExamError {
    #[error("exam: no notes to ask about (no deck matched, or its notes are empty)")]
    NoNotes,
    #[error("exam: asked for 0 questions")]
    ZeroQuestions,
}

/// Typed text compared as students type it: spaces and punctuation do not count (students
/// type 、 or ， or nothing between words), full-width ASCII counts as half-width, ASCII
/// letters as lower case. The one normaliser of typed answers (the study screen's check uses
/// it too).
pub fn normalize(s: &str) -> Vec<char> {
    s.chars()
        .map(fold_width)
        .filter(|c| !c.is_whitespace() && !is_punct(*c))
        .collect()
}

/// [`normalize`] as a string, for comparing and de-duplicating texts.
pub fn normalized(s: &str) -> String {
    normalize(s).into_iter().collect()
}

/// Punctuation a typed answer may carry or leave out.
pub fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || "，。、；：？！“”‘’「」『』（）《》〈〉【】—…·".contains(c)
}

/// Full-width ASCII (ＡＢ１２) to half-width, and ASCII letters to lower case.
pub fn fold_width(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// Option letters A, B, C…
pub fn letter(i: usize) -> char {
    char::from_u32(u32::from(b'A') + i as u32).unwrap_or('?')
}
