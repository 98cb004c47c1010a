//! Progress reports: a student's progress per deck and note ([`student`]), and the instructor's
//! class view merged from many students' JSON reports ([`merge`]). Pure aggregation over card
//! lists and review answers handed in by the caller: no clock, no database, no file system.
//!
//! **Retention** is the share of answers rated Hard, Good or Easy (rating ≥ 2) among the answers
//! given to cards that were in the review phase when answered. Answers during learning and
//! relearning steps are left out: they test minutes-old memories, not what the scheduler
//! predicted. `null` when there is no such answer. **True retention (30 days)** is the same
//! share over the answers of the last 30 days (`now − 30 × 24 h`), Anki's "true retention".
//! **Lapses** are the answers rated Again, in any phase: a card forgotten while still being
//! learnt is a failure the instructor wants to see, though the scheduler does not count it.
//!
//! A report holds counts only: no review log, no card text beyond a note's prompt, and no
//! personal data beyond the optional name the student chose to put in it.
use std::collections::HashMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::cloze::{self, Piece};
use crate::deck::{Note, NoteBody};
use crate::sched::{Phase, Rating};

mod table;
pub use table::{class_csv, class_table, student_table};

/// The `format` of a student's report.
pub const STUDENT_FORMAT: &str = "tiankong-report/1";
/// The `format` of a class view.
pub const CLASS_FORMAT: &str = "tiankong-class/1";
/// The window of the true retention.
pub const TRUE_RETENTION_DAYS: i64 = 30;
const DAY_MS: i64 = 86_400_000;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReportError {
    /// A student's report file that is not valid JSON or not a `tiankong-report/1` object.
    #[error("{line}:{column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
}

// ---------------------------------------------------------------------------------------------
// Inputs

/// A present deck as the caller loaded it: notes in deck-file order with their live cards.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckInput {
    pub id: String,
    pub title: String,
    pub version: Option<u32>,
    pub notes: Vec<NoteInput>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NoteInput {
    pub id: String,
    /// What identifies the note to a reader: see [`note_prompt`].
    pub prompt: String,
    /// The note's live cards (orphaned history is not part of a report).
    pub cards: Vec<CardInput>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardInput {
    pub id: i64,
}

/// One answer from the review log.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answer {
    pub card_id: i64,
    pub time_ms: i64,
    pub rating: Rating,
    /// The card's phase when it was answered.
    pub phase_before: Phase,
}

/// What a report is made at: the moment, its local date, and a way to turn an answer's time
/// into a local `YYYY-MM-DD` date (the caller knows the time zone; this module does not).
pub struct At<'a> {
    pub now_ms: i64,
    pub date: String,
    pub date_of: &'a dyn Fn(i64) -> String,
}

// ---------------------------------------------------------------------------------------------
// A student's report

/// A student's report (`report --json`): format `tiankong-report/1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudentReport {
    #[serde(deserialize_with = "student_format")]
    pub format: String,
    /// Only what the student passed with `--name`.
    pub name: Option<String>,
    /// Local date the report was made, `YYYY-MM-DD`.
    pub generated: String,
    pub decks: Vec<DeckReport>,
}

/// One deck of a student's report. Counts are over the deck's notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeckReport {
    pub id: String,
    pub title: String,
    pub version: Option<u32>,
    /// Live cards.
    pub cards: u32,
    /// Cards with at least one answer.
    pub reviewed: u32,
    /// Answers in all.
    pub reviews: u32,
    /// Answers rated Again, in any phase.
    pub lapses: u32,
    /// Answers to cards in review, and how many of them were rated ≥ 2.
    pub review_answers: u32,
    pub review_passed: u32,
    /// `review_passed / review_answers`, 4 decimals; `null` without review answers.
    pub retention: Option<f64>,
    /// The same over the last 30 days.
    pub review_answers_30d: u32,
    pub review_passed_30d: u32,
    pub retention_30d: Option<f64>,
    /// Local date of the latest answer.
    pub last_review: Option<String>,
    pub notes: Vec<NoteReport>,
}

/// One note of a student's report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteReport {
    pub id: String,
    pub prompt: String,
    pub cards: u32,
    pub reviewed: u32,
    pub reviews: u32,
    pub lapses: u32,
    pub review_answers: u32,
    pub review_passed: u32,
    pub retention: Option<f64>,
    pub last_review: Option<String>,
}

fn student_format<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s == STUDENT_FORMAT {
        Ok(s)
    } else {
        Err(serde::de::Error::custom(format!(
            "format is {s:?}, expected {STUDENT_FORMAT:?} (a student's `tiankong report --json`)"
        )))
    }
}

/// `passed / answers` rounded to 4 decimals, `None` for no answers.
pub fn ratio(passed: u32, answers: u32) -> Option<f64> {
    (answers > 0).then(|| (f64::from(passed) / f64::from(answers) * 10_000.0).round() / 10_000.0)
}

/// What a note is called in a report: a list's prompt; a cloze note's text with each blank's
/// answer in brackets (`全体人民共同富裕是中国式现代化的[本质特征]。`).
pub fn note_prompt(note: &Note) -> String {
    match &note.body {
        NoteBody::List(l) => l.prompt.clone(),
        NoteBody::Cloze { text } => cloze::parse(text)
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t.to_string(),
                Piece::Blank { answer, .. } => format!("[{answer}]"),
            })
            .collect(),
    }
}

/// Per-card tallies of the answers.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    reviews: u32,
    again: u32,
    review_answers: u32,
    review_passed: u32,
    review_answers_30d: u32,
    review_passed_30d: u32,
    last_ms: Option<i64>,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.reviews += o.reviews;
        self.again += o.again;
        self.review_answers += o.review_answers;
        self.review_passed += o.review_passed;
        self.review_answers_30d += o.review_answers_30d;
        self.review_passed_30d += o.review_passed_30d;
        self.last_ms = self.last_ms.max(o.last_ms);
    }
}

/// A student's report on `decks` (sorted here by id; notes keep their order) from `answers`
/// (any order; answers to cards not in `decks` are ignored).
pub fn student(
    name: Option<&str>,
    at: &At<'_>,
    decks: &[DeckInput],
    answers: &[Answer],
) -> StudentReport {
    let since = at.now_ms - TRUE_RETENTION_DAYS * DAY_MS;
    let mut per_card: HashMap<i64, Tally> = HashMap::new();
    for a in answers {
        let t = per_card.entry(a.card_id).or_default();
        t.reviews += 1;
        t.again += u32::from(a.rating == Rating::Again);
        t.last_ms = t.last_ms.max(Some(a.time_ms));
        if a.phase_before == Phase::Review {
            let passed = u32::from(a.rating >= Rating::Hard);
            t.review_answers += 1;
            t.review_passed += passed;
            if a.time_ms >= since {
                t.review_answers_30d += 1;
                t.review_passed_30d += passed;
            }
        }
    }
    let mut out: Vec<DeckReport> = decks
        .iter()
        .map(|d| {
            let mut deck_tally = Tally::default();
            let (mut cards, mut reviewed, mut lapses) = (0u32, 0u32, 0u32);
            let notes: Vec<NoteReport> = d
                .notes
                .iter()
                .map(|n| {
                    let mut t = Tally::default();
                    let mut note_reviewed = 0;
                    for c in &n.cards {
                        if let Some(ct) = per_card.get(&c.id) {
                            t.add(ct);
                            note_reviewed += u32::from(ct.reviews > 0);
                        }
                    }
                    let note_lapses = t.again;
                    deck_tally.add(&t);
                    cards += n.cards.len() as u32;
                    reviewed += note_reviewed;
                    lapses += note_lapses;
                    NoteReport {
                        id: n.id.clone(),
                        prompt: n.prompt.clone(),
                        cards: n.cards.len() as u32,
                        reviewed: note_reviewed,
                        reviews: t.reviews,
                        lapses: note_lapses,
                        review_answers: t.review_answers,
                        review_passed: t.review_passed,
                        retention: ratio(t.review_passed, t.review_answers),
                        last_review: t.last_ms.map(at.date_of),
                    }
                })
                .collect();
            DeckReport {
                id: d.id.clone(),
                title: d.title.clone(),
                version: d.version,
                cards,
                reviewed,
                reviews: deck_tally.reviews,
                lapses,
                review_answers: deck_tally.review_answers,
                review_passed: deck_tally.review_passed,
                retention: ratio(deck_tally.review_passed, deck_tally.review_answers),
                review_answers_30d: deck_tally.review_answers_30d,
                review_passed_30d: deck_tally.review_passed_30d,
                retention_30d: ratio(deck_tally.review_passed_30d, deck_tally.review_answers_30d),
                last_review: deck_tally.last_ms.map(at.date_of),
                notes,
            }
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    StudentReport {
        format: STUDENT_FORMAT.to_string(),
        name: name.map(str::to_string),
        generated: at.date.clone(),
        decks: out,
    }
}

/// Read a student's report; errors carry serde_json's line and column (1-based).
pub fn parse_student(text: &str) -> Result<StudentReport, ReportError> {
    serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        // serde_json appends " at line L column C"; the caller puts the place first instead.
        let message = match full.rsplit_once(" at line ") {
            Some((m, _)) => m.to_string(),
            None => full,
        };
        // serde_json places a field's custom error at the end of its object; point at the
        // `format` key instead.
        let (line, column) = match text.find("\"format\"") {
            Some(at) if message.starts_with("format is") => line_col(text, at),
            _ => (e.line().max(1), e.column().max(1)),
        };
        ReportError::Json {
            line,
            column,
            message,
        }
    })
}

/// 1-based line and column (in characters) of byte offset `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

// ---------------------------------------------------------------------------------------------
// The class view

/// The instructor's class view (`report --merge … --json`): format `tiankong-class/1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassView {
    pub format: String,
    /// One row per distinct student (a report handed in twice counts once), by name.
    pub students: Vec<ClassStudent>,
    /// Roster names without a report (empty without a roster).
    pub missing: Vec<String>,
    /// Names handed in more than once; the newest of their reports is counted.
    pub duplicates: Vec<String>,
    /// With a roster: students whose report name is not on it (counted all the same).
    pub not_on_roster: Vec<String>,
    /// Every deck any student has, by id.
    pub decks: Vec<ClassDeck>,
    /// Notes someone has answered: lowest pooled retention first (notes without review answers
    /// yet come after those with), ties by most lapses.
    pub weakest: Vec<ClassNote>,
    /// Notes nobody has answered, by deck then deck order.
    pub unreviewed: Vec<UnreviewedNote>,
}

/// One student's row: totals over the decks of their report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassStudent {
    pub name: String,
    /// The date their report was made.
    pub report_date: String,
    /// Decks with at least one answer.
    pub decks_started: u32,
    pub cards: u32,
    /// Cards with at least one answer.
    pub reviewed: u32,
    /// Answers in all.
    pub reviews: u32,
    /// Answers rated Again, learning and review alike.
    pub lapses: u32,
    pub review_answers: u32,
    pub review_passed: u32,
    pub retention: Option<f64>,
    pub retention_30d: Option<f64>,
    /// Local date of their latest answer.
    pub last_active: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassDeck {
    pub id: String,
    /// Title and version from the report with the highest version.
    pub title: String,
    pub version: Option<u32>,
    pub cards: u32,
    /// Students with at least one answer in the deck.
    pub started: Vec<String>,
    /// Students with no answer in the deck, or without the deck.
    pub not_started: Vec<String>,
    pub reviews: u32,
    pub lapses: u32,
    /// Pooled over the students: Σ passed / Σ review answers.
    pub review_answers: u32,
    pub review_passed: u32,
    pub retention: Option<f64>,
    pub review_answers_30d: u32,
    pub review_passed_30d: u32,
    pub retention_30d: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassNote {
    pub deck: String,
    pub note: String,
    pub prompt: String,
    /// Students who answered at least one of its cards.
    pub students: u32,
    /// Students who answered one of its cards with Again at least once.
    pub missed_by: u32,
    pub reviews: u32,
    pub lapses: u32,
    pub review_answers: u32,
    pub review_passed: u32,
    /// Pooled over the students.
    pub retention: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnreviewedNote {
    pub deck: String,
    pub note: String,
    pub prompt: String,
}

/// A student's name in the class view: the report's name, else `student N` (1-based).
fn display_name(r: &StudentReport, i: usize) -> String {
    match &r.name {
        Some(n) if !n.trim().is_empty() => n.trim().to_string(),
        _ => format!("student {}", i + 1),
    }
}

/// A roster file: one name a line (the first field of a CSV or tab-separated line, so a
/// spreadsheet column saved as CSV works); blank lines, `#` comments and a `name`/`姓名`
/// header are skipped; a name listed twice counts once.
pub fn parse_roster(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in text.lines() {
        let field = line
            .split([',', '\t', '，'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"')
            .trim();
        let header = names.is_empty() && matches!(field.to_lowercase().as_str(), "name" | "姓名");
        if field.is_empty() || field.starts_with('#') || header {
            continue;
        }
        if !names.iter().any(|n| n == field) {
            names.push(field.to_string());
        }
    }
    names
}

/// One student's row from their report.
fn student_row(name: &str, r: &StudentReport) -> ClassStudent {
    let mut row = ClassStudent {
        name: name.to_string(),
        report_date: r.generated.clone(),
        decks_started: 0,
        cards: 0,
        reviewed: 0,
        reviews: 0,
        lapses: 0,
        review_answers: 0,
        review_passed: 0,
        retention: None,
        retention_30d: None,
        last_active: None,
    };
    let (mut answers_30d, mut passed_30d) = (0, 0);
    for d in &r.decks {
        row.decks_started += u32::from(d.reviews > 0);
        row.cards += d.cards;
        row.reviewed += d.reviewed;
        row.reviews += d.reviews;
        row.lapses += d.lapses;
        row.review_answers += d.review_answers;
        row.review_passed += d.review_passed;
        answers_30d += d.review_answers_30d;
        passed_30d += d.review_passed_30d;
        // `YYYY-MM-DD` dates order as strings.
        row.last_active = row.last_active.clone().max(d.last_review.clone());
    }
    row.retention = ratio(row.review_passed, row.review_answers);
    row.retention_30d = ratio(passed_30d, answers_30d);
    row
}

/// Merge students' reports into the class view. A student handing in more than once is
/// counted once, with the newest report (latest `generated`, then most answers, then the
/// later file). With a `roster`, its names without a report are `missing`. Decks and notes are
/// matched by id; a deck's title, version and card count come from the report with the
/// highest version.
pub fn merge(all: &[StudentReport], roster: Option<&[String]>) -> ClassView {
    // One report per name.
    let mut names: Vec<String> = Vec::new();
    let mut chosen: Vec<&StudentReport> = Vec::new();
    let mut duplicates: Vec<String> = Vec::new();
    for (i, r) in all.iter().enumerate() {
        let name = display_name(r, i);
        match names.iter().position(|n| *n == name) {
            None => {
                names.push(name);
                chosen.push(r);
            }
            Some(k) => {
                if !duplicates.contains(&name) {
                    duplicates.push(name);
                }
                let total = |r: &StudentReport| r.decks.iter().map(|d| d.reviews).sum::<u32>();
                let old = chosen[k];
                if (&r.generated, total(r)) >= (&old.generated, total(old)) {
                    chosen[k] = r;
                }
            }
        }
    }
    let reports: Vec<StudentReport> = chosen.into_iter().cloned().collect();
    let students: Vec<String> = names;
    let (missing, not_on_roster) = match roster {
        Some(list) => (
            list.iter()
                .filter(|n| !students.contains(n))
                .cloned()
                .collect(),
            students
                .iter()
                .filter(|n| !list.contains(n))
                .cloned()
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let rows: Vec<ClassStudent> = students
        .iter()
        .zip(&reports)
        .map(|(n, r)| student_row(n, r))
        .collect();

    struct NoteAcc {
        prompt: String,
        version: Option<u32>,
        acc: ClassNote,
    }
    struct DeckAcc {
        deck: ClassDeck,
        /// Note ids in the order of the highest-version report, then any others.
        order: Vec<String>,
        notes: HashMap<String, NoteAcc>,
        /// Which students have the deck and have answered in it.
        has: Vec<Option<bool>>,
    }
    let mut decks: Vec<DeckAcc> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();

    for (si, r) in reports.iter().enumerate() {
        for d in &r.decks {
            let di = *index.entry(d.id.clone()).or_insert_with(|| {
                decks.push(DeckAcc {
                    deck: ClassDeck {
                        id: d.id.clone(),
                        title: d.title.clone(),
                        version: d.version,
                        cards: d.cards,
                        started: vec![],
                        not_started: vec![],
                        reviews: 0,
                        lapses: 0,
                        review_answers: 0,
                        review_passed: 0,
                        retention: None,
                        review_answers_30d: 0,
                        review_passed_30d: 0,
                        retention_30d: None,
                    },
                    order: vec![],
                    notes: HashMap::new(),
                    has: vec![None; reports.len()],
                });
                decks.len() - 1
            });
            let acc = &mut decks[di];
            let newer = d.version > acc.deck.version;
            if newer {
                acc.deck.title = d.title.clone();
                acc.deck.version = d.version;
                acc.deck.cards = d.cards;
                // The newest deck's note order leads; notes only older copies have follow.
                let mut order: Vec<String> = d.notes.iter().map(|n| n.id.clone()).collect();
                for id in &acc.order {
                    if !order.contains(id) {
                        order.push(id.clone());
                    }
                }
                acc.order = order;
            } else {
                for n in &d.notes {
                    if !acc.order.contains(&n.id) {
                        acc.order.push(n.id.clone());
                    }
                }
            }
            acc.deck.reviews += d.reviews;
            acc.deck.lapses += d.lapses;
            acc.deck.review_answers += d.review_answers;
            acc.deck.review_passed += d.review_passed;
            acc.deck.review_answers_30d += d.review_answers_30d;
            acc.deck.review_passed_30d += d.review_passed_30d;
            let started = acc.has[si].unwrap_or(false) || d.reviews > 0;
            acc.has[si] = Some(started);
            for n in &d.notes {
                let e = acc.notes.entry(n.id.clone()).or_insert_with(|| NoteAcc {
                    prompt: n.prompt.clone(),
                    version: d.version,
                    acc: ClassNote {
                        deck: d.id.clone(),
                        note: n.id.clone(),
                        prompt: String::new(),
                        students: 0,
                        missed_by: 0,
                        reviews: 0,
                        lapses: 0,
                        review_answers: 0,
                        review_passed: 0,
                        retention: None,
                    },
                });
                if d.version > e.version {
                    e.prompt = n.prompt.clone();
                    e.version = d.version;
                }
                e.acc.students += u32::from(n.reviews > 0);
                e.acc.missed_by += u32::from(n.lapses > 0);
                e.acc.reviews += n.reviews;
                e.acc.lapses += n.lapses;
                e.acc.review_answers += n.review_answers;
                e.acc.review_passed += n.review_passed;
            }
        }
    }
    decks.sort_by(|a, b| a.deck.id.cmp(&b.deck.id));

    let mut weakest = Vec::new();
    let mut unreviewed = Vec::new();
    let mut out_decks = Vec::new();
    for mut acc in decks {
        for (si, name) in students.iter().enumerate() {
            if acc.has[si] == Some(true) {
                acc.deck.started.push(name.clone());
            } else {
                acc.deck.not_started.push(name.clone());
            }
        }
        acc.deck.retention = ratio(acc.deck.review_passed, acc.deck.review_answers);
        acc.deck.retention_30d = ratio(acc.deck.review_passed_30d, acc.deck.review_answers_30d);
        for id in &acc.order {
            let Some(mut n) = acc.notes.remove(id) else {
                continue;
            };
            n.acc.prompt = n.prompt;
            if n.acc.reviews == 0 {
                unreviewed.push(UnreviewedNote {
                    deck: n.acc.deck,
                    note: n.acc.note,
                    prompt: n.acc.prompt,
                });
            } else {
                n.acc.retention = ratio(n.acc.review_passed, n.acc.review_answers);
                weakest.push(n.acc);
            }
        }
        out_decks.push(acc.deck);
    }
    // Stable sort: equal notes keep deck and deck-file order.
    weakest.sort_by(|a, b| {
        let ra = a.retention.unwrap_or(f64::INFINITY);
        let rb = b.retention.unwrap_or(f64::INFINITY);
        ra.total_cmp(&rb).then(b.lapses.cmp(&a.lapses))
    });
    ClassView {
        format: CLASS_FORMAT.to_string(),
        students: rows,
        missing,
        duplicates,
        not_on_roster,
        decks: out_decks,
        weakest,
        unreviewed,
    }
}

#[cfg(test)]
mod tests;
