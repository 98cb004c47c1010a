//! Plain-text tables of a student's report and of the class view. Column widths are terminal
//! cells (`unicode-width`): prompts and titles are Chinese.
use std::fmt::Write as _;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{ClassView, StudentReport};

/// Widest prompt shown in a table, in cells; longer ones end with `…`.
const PROMPT_CELLS: usize = 40;

/// `s` cut to at most `cells` terminal cells (with `…` when cut).
fn cut(s: &str, cells: usize) -> String {
    if s.width() <= cells {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > cells {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// `s` cut to `cells` and padded with spaces to exactly `cells`.
fn left(s: &str, cells: usize) -> String {
    let s = cut(s, cells);
    let pad = cells.saturating_sub(s.width());
    format!("{s}{}", " ".repeat(pad))
}

fn pct(r: Option<f64>) -> String {
    match r {
        Some(r) => format!("{:.0}%", r * 100.0),
        None => "—".to_string(),
    }
}

/// Pad a cell that may hold `—` (one cell wide, more than one byte) to the right.
fn right(s: &str, cells: usize) -> String {
    let pad = cells.saturating_sub(s.width());
    format!("{}{s}", " ".repeat(pad))
}

/// The widest of `header` and the `cells` values, for an id column.
fn col_width<'a>(header: &str, cells: impl Iterator<Item = &'a str>) -> usize {
    cells
        .map(UnicodeWidthStr::width)
        .fold(header.width(), usize::max)
}

/// A student's report as a readable table, one block per deck.
pub fn student_table(r: &StudentReport) -> String {
    let mut o = String::new();
    let who = r
        .name
        .as_deref()
        .map(|n| format!(" · {n}"))
        .unwrap_or_default();
    let _ = writeln!(o, "tiankong report{who} · {}", r.generated);
    let _ = writeln!(
        o,
        "retention: answers rated Hard or better among answers to cards in review \
         (learning steps left out); 30 days: the same over the last 30 days"
    );
    if r.decks.is_empty() {
        let _ = writeln!(o, "\nno decks found");
    }
    for d in &r.decks {
        let version = d.version.map(|v| format!(" v{v}")).unwrap_or_default();
        let _ = writeln!(o, "\n{}{version}  {}", d.id, d.title);
        let _ = writeln!(
            o,
            "  {} cards, {} reviewed, {} answers, {} lapses; retention {} of {}, 30 days {} of {}; last review {}",
            d.cards,
            d.reviewed,
            d.reviews,
            d.lapses,
            pct(d.retention),
            d.review_answers,
            pct(d.retention_30d),
            d.review_answers_30d,
            d.last_review.as_deref().unwrap_or("never"),
        );
        let idw = col_width("note", d.notes.iter().map(|n| n.id.as_str()));
        let _ = writeln!(
            o,
            "  {}  cards  reviewed  answers  lapses  retention  last review  prompt",
            left("note", idw)
        );
        for n in &d.notes {
            let _ = writeln!(
                o,
                "  {}  {:>5}  {:>8}  {:>7}  {:>6}  {}  {}  {}",
                left(&n.id, idw),
                n.cards,
                n.reviewed,
                n.reviews,
                n.lapses,
                right(&pct(n.retention), 9),
                left(n.last_review.as_deref().unwrap_or("—"), 11),
                cut(&n.prompt, PROMPT_CELLS),
            );
        }
    }
    o
}

/// The class view as three tables: decks, weakest notes, notes nobody reviewed.
pub fn class_table(c: &ClassView) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "class view · {} students: {}",
        c.students.len(),
        c.students.join(", ")
    );
    let _ = writeln!(
        o,
        "retention: answers rated Hard or better among answers to cards in review, pooled over the students"
    );

    let _ = writeln!(o, "\ndecks");
    let idw = col_width("deck", c.decks.iter().map(|d| d.id.as_str()));
    let _ = writeln!(
        o,
        "  {}  version  cards  started  retention  30 days  not started  title",
        left("deck", idw)
    );
    for d in &c.decks {
        let started = format!("{}/{}", d.started.len(), c.students.len());
        let not_started = if d.not_started.is_empty() {
            "—".to_string()
        } else {
            d.not_started.join(", ")
        };
        let _ = writeln!(
            o,
            "  {}  {}  {:>5}  {:>7}  {}  {}  {}  {}",
            left(&d.id, idw),
            right(&d.version.map(|v| v.to_string()).unwrap_or("—".into()), 7),
            d.cards,
            started,
            right(&pct(d.retention), 9),
            right(&pct(d.retention_30d), 7),
            left(&not_started, 11),
            cut(&d.title, PROMPT_CELLS),
        );
    }

    let _ = writeln!(
        o,
        "\nweakest notes (lowest retention first, then most lapses)"
    );
    if c.weakest.is_empty() {
        let _ = writeln!(o, "  nobody has answered a card yet");
    } else {
        let names: Vec<String> = c
            .weakest
            .iter()
            .map(|n| format!("{}/{}", n.deck, n.note))
            .collect();
        let nw = col_width("note", names.iter().map(String::as_str));
        let _ = writeln!(
            o,
            "  {}  retention  of answers  lapses  students  prompt",
            left("note", nw)
        );
        for (n, name) in c.weakest.iter().zip(&names) {
            let _ = writeln!(
                o,
                "  {}  {}  {:>10}  {:>6}  {:>8}  {}",
                left(name, nw),
                right(&pct(n.retention), 9),
                n.review_answers,
                n.lapses,
                n.students,
                cut(&n.prompt, PROMPT_CELLS),
            );
        }
    }

    let _ = writeln!(o, "\nnot reviewed by anyone");
    if c.unreviewed.is_empty() {
        let _ = writeln!(o, "  —");
    } else {
        let names: Vec<String> = c
            .unreviewed
            .iter()
            .map(|n| format!("{}/{}", n.deck, n.note))
            .collect();
        let nw = col_width("note", names.iter().map(String::as_str));
        let _ = writeln!(o, "  {}  prompt", left("note", nw));
        for (n, name) in c.unreviewed.iter().zip(&names) {
            let _ = writeln!(o, "  {}  {}", left(name, nw), cut(&n.prompt, PROMPT_CELLS));
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_counts_cells_not_chars() {
        assert_eq!(cut("中国式现代化", 12), "中国式现代化");
        assert_eq!(cut("中国式现代化", 7), "中国式…");
        assert_eq!(left("中国", 6), "中国  ");
        assert_eq!(right("—", 3), "  —");
    }
}
