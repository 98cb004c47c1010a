//! Marking a handed-in paper: choice, order and judge questions right or wrong; typed answers
//! compared after normalising, with credit per blank or list item, a 列举 answer matched in any
//! order unless the list is ordered; a score per type and overall.
use std::collections::BTreeMap;

use super::{normalized, Answer, Kind, Paper, Question};

/// What the student gave for one question.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Response {
    /// Not answered.
    #[default]
    Blank,
    /// Option indices: the chosen one(s) (single, multi) or the order given (order).
    Options(Vec<usize>),
    /// Typed lines: one per blank (blank) or per item (list).
    Texts(Vec<String>),
    /// 对 or 错 (judge).
    Truth(bool),
}

impl Response {
    pub fn is_blank(&self) -> bool {
        match self {
            Response::Blank => true,
            Response::Options(v) => v.is_empty(),
            Response::Texts(v) => v.iter().all(|t| normalized(t).is_empty()),
            Response::Truth(_) => false,
        }
    }
}

/// A marked question: the credit (0..=1) and whether it was wholly right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marked {
    pub credit: f64,
    pub right: bool,
}

/// The score of one question type.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TypeScore {
    pub credit: f64,
    pub questions: usize,
    pub right: usize,
}

fn all_or_nothing(ok: bool) -> Marked {
    Marked {
        credit: if ok { 1.0 } else { 0.0 },
        right: ok,
    }
}

/// Typed lines against expected texts: in position when `ordered`, else each expected text
/// matched at most once by any line. Credit is the share of expected texts matched.
fn texts(expected: &[String], given: &[String], ordered: bool) -> Marked {
    let exp: Vec<String> = expected.iter().map(|s| normalized(s)).collect();
    let giv: Vec<String> = given
        .iter()
        .map(|s| normalized(s))
        .filter(|s| !s.is_empty())
        .collect();
    let hit = if ordered {
        exp.iter().zip(&giv).filter(|(e, g)| e == g).count()
    } else {
        let mut used = vec![false; giv.len()];
        exp.iter()
            .filter(
                |e| match giv.iter().enumerate().find(|(i, g)| !used[*i] && g == e) {
                    Some((i, _)) => {
                        used[i] = true;
                        true
                    }
                    None => false,
                },
            )
            .count()
    };
    let n = exp.len().max(1);
    // Extra lines beyond the list do not earn credit but do make the answer not wholly right.
    Marked {
        credit: hit as f64 / n as f64,
        right: hit == exp.len() && giv.len() == exp.len(),
    }
}

/// Mark one question.
pub fn mark_question(q: &Question, r: &Response) -> Marked {
    match (&q.answer, r) {
        (Answer::Options(want), Response::Options(got)) => match q.kind {
            Kind::Order => all_or_nothing(want == got),
            _ => {
                let mut g = got.clone();
                g.sort_unstable();
                g.dedup();
                all_or_nothing(&g == want)
            }
        },
        (Answer::Truth(want), Response::Truth(got)) => all_or_nothing(want == got),
        (Answer::Texts(want), Response::Texts(got)) => {
            // Blanks are in the order of the sentence.
            texts(want, got, q.ordered || q.kind == Kind::Blank)
        }
        _ => all_or_nothing(false),
    }
}

/// Mark a paper: each question, the score per type (in paper order) and overall (0..=100).
pub fn mark_paper(
    paper: &Paper,
    responses: &[Response],
) -> (Vec<Marked>, BTreeMap<Kind, TypeScore>, f64) {
    let marks: Vec<Marked> = paper
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| mark_question(q, responses.get(i).unwrap_or(&Response::Blank)))
        .collect();
    let mut per: BTreeMap<Kind, TypeScore> = BTreeMap::new();
    for (q, m) in paper.questions.iter().zip(&marks) {
        let s = per.entry(q.kind).or_default();
        s.credit += m.credit;
        s.questions += 1;
        s.right += usize::from(m.right);
    }
    let total: f64 = marks.iter().map(|m| m.credit).sum();
    let overall = if marks.is_empty() {
        0.0
    } else {
        100.0 * total / marks.len() as f64
    };
    (marks, per, overall)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::cloze::Slot;
    use crate::deck::{DeckId, NoteId};

    fn q(kind: Kind, answer: Answer, ordered: bool) -> Question {
        Question {
            kind,
            deck: DeckId("d".into()),
            note: NoteId("n".into()),
            slot: Slot::Whole,
            stem: String::new(),
            options: vec![],
            answer,
            ordered,
            passage: None,
        }
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn list_answers_match_in_any_order_unless_ordered() {
        let want = Answer::Texts(s(&["人口规模巨大", "共同富裕", "和平发展"]));
        let unordered = q(Kind::List, want.clone(), false);
        let got = Response::Texts(s(&["和平发展。", "人口规模巨大", "物质文明"]));
        let m = mark_question(&unordered, &got);
        assert!((m.credit - 2.0 / 3.0).abs() < 1e-9);
        assert!(!m.right);
        let all = Response::Texts(s(&["共同富裕", "和平 发展", "人口规模巨大"]));
        assert!(mark_question(&unordered, &all).right);
        let ordered = q(Kind::List, want, true);
        let m = mark_question(&ordered, &all);
        assert_eq!(m.credit, 0.0);
    }

    #[test]
    fn typed_answers_ignore_width_and_punctuation() {
        let blank = q(Kind::Blank, Answer::Texts(s(&["ＡＩ＋行动"])), false);
        assert!(mark_question(&blank, &Response::Texts(s(&["ai行动！"]))).right);
        assert!(!mark_question(&blank, &Response::Texts(s(&["ai"]))).right);
    }

    #[test]
    fn a_repeated_line_earns_one_item_only() {
        let want = Answer::Texts(s(&["甲乙", "丙丁"]));
        let m = mark_question(
            &q(Kind::List, want, false),
            &Response::Texts(s(&["甲乙", "甲乙"])),
        );
        assert!((m.credit - 0.5).abs() < 1e-9);
    }

    #[test]
    fn choices_and_order_are_right_or_wrong() {
        let multi = q(Kind::Multi, Answer::Options(vec![0, 2]), false);
        assert!(mark_question(&multi, &Response::Options(vec![2, 0])).right);
        assert!(!mark_question(&multi, &Response::Options(vec![0])).right);
        let order = q(Kind::Order, Answer::Options(vec![2, 0, 1]), true);
        assert!(mark_question(&order, &Response::Options(vec![2, 0, 1])).right);
        assert!(!mark_question(&order, &Response::Options(vec![0, 1, 2])).right);
        let judge = q(Kind::Judge, Answer::Truth(false), false);
        assert!(mark_question(&judge, &Response::Truth(false)).right);
        assert!(!mark_question(&judge, &Response::Blank).right);
    }
}
