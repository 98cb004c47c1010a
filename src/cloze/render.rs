//! How a card looks: the masked blank, the list window, the frame items share, and the
//! front/back of each kind of card. Pure text; the TUI styles the spans, `preview` prints them.
//!
//! Decisions:
//! - A mask is one `□` per hidden character; a character that is not a letter or digit
//!   (punctuation 、，“”《》·, spaces) is shown as itself, so `新业态、新模式` masks to `□□□、□□□`:
//!   the student sees the shape of the answer, as in printed Chinese quizzes.
//! - `{{answer::hint}}` masks to `□□□□（hint）`.
//! - Lists longer than [`LONG_LIST`] items show the asked item with [`LIST_WINDOW`] neighbours
//!   either side and `…` for the rest. The whole-list card shows every item.
//! - When every item of a list shares a frame (`…的现代化`, `坚持…`), the blank covers only the
//!   distinctive part (see [`frame`]); the answer is that part.
//! - `front` and `back` hold the same spans: a `Blank` is drawn as `masked` on the front and as
//!   `answer` (highlighted in place) on the back. Lines are separated by `"\n"` inside `Text`.
use super::{parse, Piece, Slot};
use crate::deck::{ListNote, Note, NoteBody};

/// Lists with more items than this show a window of neighbours on item cards.
pub const LONG_LIST: usize = 7;
/// Neighbours shown on each side of the asked item in a long list.
pub const LIST_WINDOW: usize = 3;

/// A run of card text: plain, or a blank with its answer and its masked form.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Span {
    Text(String),
    Blank { answer: String, masked: String },
}

/// Spans as one line of plain text: a blank is its mask on the front, `【answer】` on the back.
pub fn plain_text(spans: &[Span], back: bool) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => t.clone(),
            Span::Blank { answer, .. } if back => format!("【{answer}】"),
            Span::Blank { masked, .. } => masked.clone(),
        })
        .collect()
}

/// One card as a student sees it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CardView {
    /// What is asked: the list prompt, the whole-list question, or `填空` for cloze notes.
    pub prompt: String,
    pub front: Vec<Span>,
    pub back: Vec<Span>,
    /// The expected answers in order (what the student types).
    pub answers: Vec<String>,
    /// The full source text of the asked item(s), for the back; empty for cloze cards (their
    /// passage is the note's `passage`).
    pub context: Vec<String>,
}

/// One `□` per hidden character; anything that is not a letter or digit (punctuation,
/// spaces, symbols) stays visible.
pub fn mask(answer: &str) -> String {
    answer
        .chars()
        .map(|c| if c.is_alphanumeric() { '□' } else { c })
        .collect()
}

/// The text every item of a list shares at its start and end.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Frame {
    pub prefix: String,
    pub suffix: String,
}

/// The frame of a list's items: the longest common prefix and suffix (on character boundaries)
/// such that each part is at least 2 characters long (or absent) and every item keeps at least
/// 2 distinct characters; a common part too long is shortened. Lists of fewer than 2 items have
/// no frame.
pub fn frame(items: &[String]) -> Frame {
    let chars: Vec<Vec<char>> = items.iter().map(|s| s.chars().collect()).collect();
    let (Some(first), true) = (chars.first(), chars.len() >= 2) else {
        return Frame::default();
    };
    let shortest = chars.iter().map(Vec::len).min().unwrap_or(0);
    let prefix = (0..shortest)
        .take_while(|&i| chars.iter().all(|c| c.get(i) == first.get(i)))
        .count();
    let suffix = (0..shortest)
        .take_while(|&i| {
            chars
                .iter()
                .all(|c| c.get(c.len() - 1 - i) == first.get(first.len() - 1 - i))
        })
        .count();
    // The longest frame (prefix + suffix, prefix first on ties) whose parts are 0 or ≥ 2
    // characters and leave ≥ 2 characters in every item: 坚持创新/坚持创业 frame as 坚持….
    let fits = |p: usize, s: usize| chars.iter().all(|c| c.len() >= p + s + 2);
    let sizes = |n: usize| (2..=n).rev().chain(std::iter::once(0));
    let mut best = (0, 0);
    for p in sizes(prefix) {
        for s in sizes(suffix) {
            if p + s > best.0 + best.1 && fits(p, s) {
                best = (p, s);
            }
        }
    }
    let (p, s) = best;
    Frame {
        prefix: first[..p].iter().collect(),
        suffix: first[first.len() - s..].iter().collect(),
    }
}

/// The card `slot` of `note`, or `None` when the note has no such card.
pub fn render(note: &Note, slot: &Slot) -> Option<CardView> {
    match (&note.body, slot) {
        (NoteBody::List(list), Slot::Item(i)) => item_card(list, *i),
        (NoteBody::List(list), Slot::Whole) => whole_card(list),
        (NoteBody::Cloze { text }, Slot::Group(g)) => group_card(text, *g),
        _ => None,
    }
}

/// An item split into (frame prefix, distinctive part, frame suffix); the whole item is the
/// distinctive part when it does not fit the frame.
fn core<'a>(item: &'a str, frame: &Frame) -> (&'a str, &'a str, &'a str) {
    let (p, s) = (frame.prefix.len(), frame.suffix.len());
    if item.starts_with(frame.prefix.as_str())
        && item.ends_with(frame.suffix.as_str())
        && item.len() > p + s
    {
        let end = item.len() - s;
        (&item[..p], &item[p..end], &item[end..])
    } else {
        ("", item, "")
    }
}

fn push_text(spans: &mut Vec<Span>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Span::Text(last)) = spans.last_mut() {
        last.push_str(text);
    } else {
        spans.push(Span::Text(text.to_string()));
    }
}

fn blank(answer: &str, hint: Option<&str>) -> Span {
    let masked = match hint {
        Some(h) if !h.is_empty() => format!("{}（{h}）", mask(answer)),
        _ => mask(answer),
    };
    Span::Blank {
        answer: answer.to_string(),
        masked,
    }
}

fn marker(list: &ListNote, i: usize) -> String {
    if list.ordered {
        format!("{}. ", i + 1)
    } else {
        "· ".to_string()
    }
}

/// List lines: items in `shown` (ascending), blanked where `asked` says so, `…` for gaps.
fn list_spans(
    list: &ListNote,
    frame: &Frame,
    shown: std::ops::Range<usize>,
    asked: impl Fn(usize) -> bool,
) -> (Vec<Span>, Vec<String>) {
    let mut spans = Vec::new();
    let mut answers = Vec::new();
    if shown.start > 0 {
        push_text(&mut spans, "…\n");
    }
    for i in shown.clone() {
        let Some(item) = list.items.get(i) else { break };
        push_text(&mut spans, &marker(list, i));
        if asked(i) {
            let (p, mid, s) = core(item, frame);
            push_text(&mut spans, p);
            spans.push(blank(mid, None));
            push_text(&mut spans, s);
            answers.push(mid.to_string());
        } else {
            push_text(&mut spans, item);
        }
        if i + 1 < shown.end {
            push_text(&mut spans, "\n");
        }
    }
    if shown.end < list.items.len() {
        push_text(&mut spans, "\n…");
    }
    (spans, answers)
}

fn item_card(list: &ListNote, i: usize) -> Option<CardView> {
    let n = list.items.len();
    if i >= n {
        return None;
    }
    let frame = frame(&list.items);
    let shown = if n > LONG_LIST {
        let from = i.saturating_sub(LIST_WINDOW);
        from..(i + LIST_WINDOW + 1).min(n)
    } else {
        0..n
    };
    let (spans, answers) = list_spans(list, &frame, shown, |k| k == i);
    let context = list
        .context
        .get(i)
        .filter(|c| !c.is_empty() && Some(*c) != list.items.get(i))
        .cloned()
        .into_iter()
        .collect();
    Some(CardView {
        prompt: list.prompt.clone(),
        front: spans.clone(),
        back: spans,
        answers,
        context,
    })
}

fn whole_card(list: &ListNote) -> Option<CardView> {
    let n = list.items.len();
    if n == 0 {
        return None;
    }
    let frame = frame(&list.items);
    let (spans, answers) = list_spans(list, &frame, 0..n, |_| true);
    let order = if list.ordered {
        ""
    } else {
        "（不计顺序）"
    };
    Some(CardView {
        prompt: format!("{}：写出全部 {n} 项{order}", list.prompt),
        front: spans.clone(),
        back: spans,
        answers,
        context: list
            .context
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect(),
    })
}

fn group_card(text: &str, group: u32) -> Option<CardView> {
    let mut spans = Vec::new();
    let mut answers = Vec::new();
    for piece in parse(text) {
        match piece {
            Piece::Text(t) => push_text(&mut spans, t),
            Piece::Blank {
                group: g,
                answer,
                hint,
            } if g == group => {
                spans.push(blank(answer, hint));
                answers.push(answer.to_string());
            }
            Piece::Blank { answer, .. } => push_text(&mut spans, answer),
        }
    }
    if answers.is_empty() {
        return None;
    }
    Some(CardView {
        prompt: "填空".to_string(),
        front: spans.clone(),
        back: spans,
        answers,
        context: Vec::new(),
    })
}
