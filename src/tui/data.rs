//! The plain data the screens show. The engine (real or fake) fills these; the TUI never sees
//! a database row or a scheduler type beyond `Rating`/`Phase`. Times arrive already turned
//! into what the screen needs (days from today, seconds of interval, formatted dates), so the
//! core never reads the clock.
use crate::deck::DeckId;
use crate::sched::{Phase, Rating};

/// Opaque card handle the engine understands (the store's card row id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CardRef(pub i64);

/// One row of the home screen.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckRow {
    pub id: DeckId,
    pub title: String,
    pub total: u32,
    pub new: u32,
    pub learning: u32,
    pub due: u32,
    /// Days until this deck's exam (0 = today), if it has one.
    pub exam_in_days: Option<i64>,
}

/// Cards a session would serve today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayCounts {
    pub new: u32,
    pub learning: u32,
    pub due: u32,
}

/// Everything the home screen shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HomeData {
    pub decks: Vec<DeckRow>,
    /// What a session of all decks would serve (the daily limits are over all decks, so this
    /// is not the sum of the rows).
    pub all: DayCounts,
    pub reviewed_today: u32,
    /// Minutes spent studying today.
    pub minutes_today: u32,
    /// The nearest exam: (date text, days from today).
    pub exam: Option<(String, i64)>,
    /// Deck files that failed to load, one line each (`file:line:col: message`).
    pub warnings: Vec<String>,
}

/// A piece of a card's front: text, or a blank with its answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Seg {
    Text(String),
    /// `answer` is hidden as one □ per character until revealed.
    Blank {
        answer: String,
    },
}

/// Kind of card, for the title line and typed-answer layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardKind {
    /// One list item blanked, neighbours as context.
    Item,
    /// The whole list: one typed line per item.
    Whole,
    /// A key sentence with blanks.
    Cloze,
}

/// What a rating would do: the interval until the card is due again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Preview {
    pub rating: Rating,
    pub interval_secs: i64,
}

/// The source passage behind a card.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceView {
    pub doc: Option<String>,
    pub date: Option<String>,
    pub file: Option<String>,
    pub line: Option<u32>,
    /// The paragraph(s); `\n` separates paragraphs.
    pub passage: String,
    /// Strings to highlight in the passage (the answers).
    pub highlight: Vec<String>,
}

/// A card ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct CardToShow {
    pub card: CardRef,
    pub deck_title: String,
    pub kind: CardKind,
    pub phase: Phase,
    /// The list's prompt ("中国式现代化的五个特征"), if any.
    pub prompt: Option<String>,
    /// The note's section path in its document, shown dimmed above the question.
    pub heading: Vec<String>,
    /// Front lines; a list card has one line per shown item (with its marker, e.g. "③ ").
    pub lines: Vec<Vec<Seg>>,
    /// The answers in order, one per blank (typed-answer lines).
    pub answers: Vec<String>,
    /// For the whole-list card: whether typed items must come in order.
    pub ordered: bool,
    /// The four outcomes, Again..Easy.
    pub previews: [Preview; 4],
    pub source: Option<SourceView>,
    /// The deck asks for typed answers by default.
    pub typed_default: bool,
}

/// Where the session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub done: u32,
    pub new: u32,
    pub learning: u32,
    pub review: u32,
}

impl Progress {
    pub fn left(&self) -> u32 {
        self.new + self.learning + self.review
    }
}

/// Things the scheduler did that the student should hear about instead of cards vanishing.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Sibling cards held back until tomorrow.
    SiblingsHeld(u32),
    /// The card became a leech and was suspended.
    LeechSuspended,
    Suspended,
    Buried,
    Undone,
    NothingToUndo,
}

/// The end-of-session summary.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SessionSummary {
    pub answered: u32,
    /// Answers other than Again.
    pub correct: u32,
    pub seconds: u64,
    /// Cards due tomorrow.
    pub tomorrow: u32,
    /// Sibling cards held back for later days.
    pub held_back: u32,
    /// Cards still left today (learning cards due later today; after Esc, the rest): the
    /// header shows the same numbers as the summary.
    pub left: Progress,
}

/// What the session shows next.
#[derive(Debug, Clone, PartialEq)]
pub enum StudyStep {
    Card {
        card: Box<CardToShow>,
        progress: Progress,
        notices: Vec<Notice>,
    },
    Done {
        summary: SessionSummary,
        notices: Vec<Notice>,
    },
}

impl StudyStep {
    /// The notices of either variant, to add one.
    pub fn notices_mut(&mut self) -> &mut Vec<Notice> {
        match self {
            StudyStep::Card { notices, .. } | StudyStep::Done { notices, .. } => notices,
        }
    }
}

/// Browse filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StateFilter {
    #[default]
    All,
    New,
    Due,
    Suspended,
    Leech,
}

impl StateFilter {
    pub fn next(self) -> StateFilter {
        match self {
            StateFilter::All => StateFilter::New,
            StateFilter::New => StateFilter::Due,
            StateFilter::Due => StateFilter::Suspended,
            StateFilter::Suspended => StateFilter::Leech,
            StateFilter::Leech => StateFilter::All,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Due,
    Difficulty,
}

/// A browse request.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BrowseQuery {
    pub text: String,
    pub deck: Option<DeckId>,
    pub state: StateFilter,
    pub sort: SortBy,
}

/// One card in the browser.
#[derive(Debug, Clone, PartialEq)]
pub struct BrowseRow {
    pub card: CardRef,
    pub deck_title: String,
    /// The question in one line, blanks masked ("坚持□□□□的领导").
    pub question: String,
    pub answer: String,
    pub phase: Phase,
    /// Days until due (negative: overdue); None for new cards.
    pub due_in_days: Option<i64>,
    /// FSRS difficulty 1–10, 0 for new.
    pub difficulty: f64,
    pub suspended: bool,
    pub leech: bool,
}

/// What the browser lists.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BrowseData {
    pub rows: Vec<BrowseRow>,
    /// Every deck, for the deck filter.
    pub decks: Vec<(DeckId, String)>,
}

/// One review in a card's history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    /// Local time, `YYYY-MM-DD HH:MM`.
    pub when: String,
    pub rating: Rating,
    /// Interval scheduled by this review.
    pub interval_secs: i64,
    pub duration_ms: u64,
}

/// A card's detail page.
#[derive(Debug, Clone, PartialEq)]
pub struct CardDetail {
    pub row: BrowseRow,
    pub stability: f64,
    pub reps: u32,
    pub lapses: u32,
    pub history: Vec<HistoryRow>,
    pub source: Option<SourceView>,
}

/// Statistics screen data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatsData {
    /// Reviews per day for the last 365 days; the last entry is today.
    pub heatmap: Vec<u32>,
    /// Weekday of today, 0 = Monday.
    pub today_weekday: u8,
    /// Today's date, `YYYY-MM-DD` (the charts' axis labels count from it).
    pub today: String,
    /// Cards due on each of the next 30 days (index 0 = today, overdue included).
    pub forecast: Vec<u32>,
    /// True retention (share of review answers not Again) for the last weeks, oldest first;
    /// None when the week had no reviews.
    pub retention_by_week: Vec<Option<f64>>,
    pub new: u32,
    pub learning: u32,
    pub review: u32,
    pub suspended: u32,
    /// Consecutive days with reviews, ending today (or yesterday).
    pub streak: u32,
    pub reviews_total: u64,
    pub reviews_today: u32,
}
