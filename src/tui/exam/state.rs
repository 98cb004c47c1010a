//! The exam screens' state and key handling, pure: the paper being answered (with moving
//! back), the hand-in page, the marked paper, the mistake book and the cram drill. Keys come
//! in as `Key`; anything that needs the database comes out as an [`Effect`] for the loop.
use crate::exam::{
    letter, mark_paper, normalized, Answer, Kind, Marked, Paper, Response, TypeScore,
};
use crate::i18n::{t, Lang};
use crate::store::{Mistake, NewMistake};
use crate::tui::msg::Key;

/// What the loop must do after a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write these wrong answers to the mistake book.
    SaveMistakes(Vec<NewMistake>),
    /// Load the mistake book.
    LoadBook,
    /// Send these mistakes' cards back as lapses.
    SendBack(Vec<i64>),
    Quit,
}

/// The paper while it is being answered.
#[derive(Debug, Clone, PartialEq)]
pub struct Sitting {
    pub paper: Paper,
    /// Chosen options per question (single, multi, order; judge: 0 对, 1 错).
    pub chosen: Vec<Vec<usize>>,
    /// Typed lines per question (blank: one per blank; list: one per item).
    pub typed: Vec<Vec<String>>,
    pub cur: usize,
    /// The typed line being edited.
    pub line: usize,
    /// On the hand-in page.
    pub handing_in: bool,
    /// When the time runs out (ms), if the paper is timed.
    pub deadline_ms: Option<i64>,
}

/// The marked paper.
#[derive(Debug, Clone, PartialEq)]
pub struct Result {
    pub paper: Paper,
    pub responses: Vec<Response>,
    pub marks: Vec<Marked>,
    pub per_type: Vec<(Kind, TypeScore)>,
    pub overall: f64,
    pub scroll: usize,
}

/// The mistake book screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Book {
    pub rows: Vec<Mistake>,
    pub sel: usize,
    /// Asking "send back?".
    pub confirm: bool,
    pub notice: Option<String>,
}

/// One card of the cram drill, computed before drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct CramCard {
    pub prompt: String,
    pub front: String,
    pub back: String,
    /// Probability of recall now, 0..=1.
    pub recall: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cram {
    pub cards: Vec<CramCard>,
    pub cur: usize,
    pub revealed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Sitting(Sitting),
    Marked(Result),
    Book(Book),
    Cram(Cram),
}

/// The exam screens' whole state.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamApp {
    pub screen: Screen,
    /// The marked paper, kept while the book is open from it (Esc goes back to it).
    pub marked: Option<Result>,
    pub quit: bool,
}

impl Sitting {
    pub fn new(paper: Paper, deadline_ms: Option<i64>) -> Sitting {
        let n = paper.questions.len();
        let typed = paper
            .questions
            .iter()
            .map(|q| match (&q.kind, &q.answer) {
                (Kind::Blank, Answer::Texts(a)) => vec![String::new(); a.len().max(1)],
                _ => vec![String::new()],
            })
            .collect();
        Sitting {
            paper,
            chosen: vec![Vec::new(); n],
            typed,
            cur: 0,
            line: 0,
            handing_in: false,
            deadline_ms,
        }
    }

    fn kind(&self) -> Option<Kind> {
        self.paper.questions.get(self.cur).map(|q| q.kind)
    }

    /// The options a question shows (judge: 对 / 错, or True / False in English).
    pub fn options(&self, i: usize, lang: Lang) -> Vec<String> {
        match self.paper.questions.get(i) {
            Some(q) if q.kind == Kind::Judge => judge_options(lang),
            Some(q) => q.options.clone(),
            None => Vec::new(),
        }
    }

    /// The student's response to question `i`.
    pub fn response(&self, i: usize) -> Response {
        let Some(q) = self.paper.questions.get(i) else {
            return Response::Blank;
        };
        let chosen = self.chosen.get(i).cloned().unwrap_or_default();
        match q.kind {
            Kind::Judge => match chosen.first() {
                Some(0) => Response::Truth(true),
                Some(_) => Response::Truth(false),
                None => Response::Blank,
            },
            Kind::Blank | Kind::List => {
                let lines: Vec<String> = self.typed.get(i).cloned().unwrap_or_default();
                if lines.iter().all(|l| normalized(l).is_empty()) {
                    Response::Blank
                } else {
                    Response::Texts(lines)
                }
            }
            _ if chosen.is_empty() => Response::Blank,
            _ => Response::Options(chosen),
        }
    }

    pub fn answered(&self) -> usize {
        (0..self.paper.questions.len())
            .filter(|&i| !self.response(i).is_blank())
            .count()
    }

    fn go(&mut self, to: usize) {
        self.cur = to.min(self.paper.questions.len().saturating_sub(1));
        self.line = 0;
    }

    fn next(&mut self) {
        if self.cur + 1 >= self.paper.questions.len() {
            self.handing_in = true;
        } else {
            self.go(self.cur + 1);
        }
    }

    fn prev(&mut self) {
        self.go(self.cur.saturating_sub(1));
    }

    fn choose(&mut self, i: usize) {
        let n = self.options(self.cur, Lang::Zh).len();
        let Some(kind) = self.kind() else { return };
        let Some(ch) = self.chosen.get_mut(self.cur) else {
            return;
        };
        if i >= n {
            return;
        }
        match kind {
            Kind::Single | Kind::Judge => *ch = vec![i],
            Kind::Multi => match ch.iter().position(|&c| c == i) {
                Some(p) => {
                    ch.remove(p);
                }
                None => {
                    ch.push(i);
                    ch.sort_unstable();
                }
            },
            Kind::Order => {
                if !ch.contains(&i) {
                    ch.push(i);
                }
            }
            Kind::Blank | Kind::List => {}
        }
    }

    fn key_typed(&mut self, key: Key) {
        let kind = self.kind();
        let Some(lines) = self.typed.get_mut(self.cur) else {
            return;
        };
        let line = self.line.min(lines.len().saturating_sub(1));
        match key {
            Key::Char(c) => {
                if let Some(l) = lines.get_mut(line) {
                    l.push(c);
                }
            }
            Key::Backspace => {
                let empty = lines.get(line).is_none_or(String::is_empty);
                if empty && kind == Some(Kind::List) && lines.len() > 1 {
                    lines.remove(line);
                    self.line = line.saturating_sub(1);
                } else if let Some(l) = lines.get_mut(line) {
                    l.pop();
                }
            }
            Key::Up => self.line = line.saturating_sub(1),
            Key::Down => self.line = (line + 1).min(lines.len().saturating_sub(1)),
            Key::Enter => {
                let current_empty = lines.get(line).is_none_or(|l| l.trim().is_empty());
                if kind == Some(Kind::List) && !current_empty {
                    // Enter starts the next item; Enter on an empty line goes on.
                    lines.insert(line + 1, String::new());
                    self.line = line + 1;
                } else if kind == Some(Kind::Blank) && line + 1 < lines.len() {
                    self.line = line + 1;
                } else {
                    if kind == Some(Kind::List) && lines.len() > 1 && current_empty {
                        lines.remove(line);
                    }
                    self.next();
                }
            }
            _ => {}
        }
    }

    /// Bracketed paste goes into the typed line, never anywhere else.
    pub fn paste(&mut self, s: &str) {
        if self.handing_in || !self.kind().is_some_and(Kind::is_typed) {
            return;
        }
        for c in s.chars().filter(|c| !c.is_control()) {
            self.key_typed(Key::Char(c));
        }
    }
}

/// The two options of a true-or-false question.
pub fn judge_options(lang: Lang) -> Vec<String> {
    vec![truth(true, lang), truth(false, lang)]
}

fn truth(b: bool, lang: Lang) -> String {
    match b {
        true => t(lang, "对", "True"),
        false => t(lang, "错", "False"),
    }
    .to_string()
}

/// A one-line text of an answer, for the marked paper and the book.
pub fn answer_text(paper: &Paper, i: usize, options: &[String], lang: Lang) -> String {
    let Some(q) = paper.questions.get(i) else {
        return String::new();
    };
    match &q.answer {
        Answer::Options(v) => options_text(q.kind, v, options),
        Answer::Texts(v) => v.join("；"),
        Answer::Truth(b) => truth(*b, lang),
    }
}

fn options_text(kind: Kind, v: &[usize], options: &[String]) -> String {
    let sep = if kind == Kind::Order { " → " } else { "  " };
    v.iter()
        .map(|&i| {
            format!(
                "{} {}",
                letter(i),
                options.get(i).map_or("", String::as_str)
            )
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// The student's response as one line ("（未答）" when blank).
pub fn response_text(kind: Kind, r: &Response, options: &[String], lang: Lang) -> String {
    match r {
        Response::Blank => t(lang, "（未答）", "(no answer)").to_string(),
        Response::Options(v) => options_text(kind, v, options),
        Response::Texts(v) => v
            .iter()
            .filter(|l| !l.trim().is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("；"),
        Response::Truth(b) => truth(*b, lang),
    }
}

impl Result {
    /// Mark a sitting.
    pub fn mark(s: &Sitting) -> Result {
        let responses: Vec<Response> = (0..s.paper.questions.len())
            .map(|i| s.response(i))
            .collect();
        let (marks, per, overall) = mark_paper(&s.paper, &responses);
        Result {
            paper: s.paper.clone(),
            responses,
            marks,
            per_type: per.into_iter().collect(),
            overall,
            scroll: 0,
        }
    }

    /// The wrong (or partly wrong) answers, for the mistake book.
    pub fn mistakes(&self) -> Vec<NewMistake> {
        self.paper
            .questions
            .iter()
            .enumerate()
            .filter(|(i, _)| self.marks.get(*i).is_some_and(|m| !m.right))
            .map(|(i, q)| {
                let options = q.options.clone();
                NewMistake {
                    deck: q.deck.clone(),
                    note: q.note.clone(),
                    slot: q.slot.clone(),
                    kind: q.kind.as_str().to_string(),
                    stem: q.stem.clone(),
                    // Kept in Chinese whatever the screen's language: a stored record, like
                    // the Chinese stems beside it.
                    answer: answer_text(&self.paper, i, &options, Lang::Zh),
                    given: response_text(
                        q.kind,
                        self.responses.get(i).unwrap_or(&Response::Blank),
                        &options,
                        Lang::Zh,
                    ),
                }
            })
            .collect()
    }
}

impl ExamApp {
    pub fn sitting(paper: Paper, deadline_ms: Option<i64>) -> ExamApp {
        ExamApp {
            screen: Screen::Sitting(Sitting::new(paper, deadline_ms)),
            marked: None,
            quit: false,
        }
    }

    pub fn book(rows: Vec<Mistake>) -> ExamApp {
        ExamApp {
            screen: Screen::Book(Book {
                rows,
                ..Book::default()
            }),
            marked: None,
            quit: false,
        }
    }

    pub fn cram(cards: Vec<CramCard>) -> ExamApp {
        ExamApp {
            screen: Screen::Cram(Cram {
                cards,
                cur: 0,
                revealed: false,
            }),
            marked: None,
            quit: false,
        }
    }

    /// Hand the paper in: mark it and ask for the mistakes to be saved.
    fn hand_in(&mut self) -> Option<Effect> {
        let Screen::Sitting(s) = &self.screen else {
            return None;
        };
        let result = Result::mark(s);
        let mistakes = result.mistakes();
        self.screen = Screen::Marked(result);
        (!mistakes.is_empty()).then_some(Effect::SaveMistakes(mistakes))
    }

    /// The clock: past the deadline the paper is handed in as it stands.
    pub fn tick(&mut self, now_ms: i64) -> Option<Effect> {
        match &self.screen {
            Screen::Sitting(s) if s.deadline_ms.is_some_and(|d| now_ms >= d) => self.hand_in(),
            _ => None,
        }
    }

    /// The mistake book arrived (opened from the marked paper, or refreshed).
    pub fn show_book(&mut self, rows: Vec<Mistake>, notice: Option<String>) {
        if let Screen::Marked(r) = &self.screen {
            self.marked = Some(r.clone());
        }
        let sel = match &self.screen {
            Screen::Book(b) => b.sel.min(rows.len().saturating_sub(1)),
            _ => 0,
        };
        self.screen = Screen::Book(Book {
            rows,
            sel,
            confirm: false,
            notice,
        });
    }

    pub fn paste(&mut self, s: &str) {
        if let Screen::Sitting(st) = &mut self.screen {
            st.paste(s);
        }
    }

    pub fn key(&mut self, key: Key) -> Option<Effect> {
        if key == Key::CtrlC {
            self.quit = true;
            return Some(Effect::Quit);
        }
        match &mut self.screen {
            Screen::Sitting(s) => {
                if s.handing_in {
                    match key {
                        Key::Enter => return self.hand_in(),
                        Key::Esc | Key::BackTab | Key::Left => s.handing_in = false,
                        Key::Char('q') => {
                            self.quit = true;
                            return Some(Effect::Quit);
                        }
                        _ => {}
                    }
                    return None;
                }
                let typed = s.kind().is_some_and(Kind::is_typed);
                match key {
                    Key::Tab | Key::PageDown => s.next(),
                    Key::BackTab | Key::PageUp => s.prev(),
                    Key::Esc => s.handing_in = true,
                    _ if typed => s.key_typed(key),
                    Key::Right | Key::Enter => s.next(),
                    Key::Left => s.prev(),
                    Key::Backspace => {
                        if let Some(ch) = s.chosen.get_mut(s.cur) {
                            ch.pop();
                        }
                    }
                    Key::Char(c) if c.is_ascii_alphabetic() => {
                        let i = (c.to_ascii_lowercase() as u8 - b'a') as usize;
                        s.choose(i);
                    }
                    _ => {}
                }
                None
            }
            Screen::Marked(r) => match key {
                Key::Down | Key::Char('j') => {
                    r.scroll = (r.scroll + 1).min(r.paper.questions.len().saturating_sub(1));
                    None
                }
                Key::Up | Key::Char('k') => {
                    r.scroll = r.scroll.saturating_sub(1);
                    None
                }
                Key::Char('m') => Some(Effect::LoadBook),
                Key::Esc | Key::Char('q') => {
                    self.quit = true;
                    Some(Effect::Quit)
                }
                _ => None,
            },
            Screen::Book(b) => {
                if b.confirm {
                    b.confirm = false;
                    if key == Key::Char('y') {
                        let ids: Vec<i64> = b
                            .rows
                            .iter()
                            .filter(|m| m.sent_back_ms.is_none())
                            .map(|m| m.id)
                            .collect();
                        return Some(Effect::SendBack(ids));
                    }
                    return None;
                }
                match key {
                    Key::Down | Key::Char('j') => {
                        b.sel = (b.sel + 1).min(b.rows.len().saturating_sub(1));
                        None
                    }
                    Key::Up | Key::Char('k') => {
                        b.sel = b.sel.saturating_sub(1);
                        None
                    }
                    Key::Char('r') if b.rows.iter().any(|m| m.sent_back_ms.is_none()) => {
                        b.confirm = true;
                        None
                    }
                    Key::Esc => match self.marked.take() {
                        Some(r) => {
                            self.screen = Screen::Marked(r);
                            None
                        }
                        None => {
                            self.quit = true;
                            Some(Effect::Quit)
                        }
                    },
                    Key::Char('q') => {
                        self.quit = true;
                        Some(Effect::Quit)
                    }
                    _ => None,
                }
            }
            Screen::Cram(c) => {
                match key {
                    Key::Char(' ') | Key::Enter if !c.revealed => c.revealed = true,
                    Key::Char(' ') | Key::Enter | Key::Right => {
                        if c.cur + 1 >= c.cards.len() {
                            self.quit = true;
                            return Some(Effect::Quit);
                        }
                        c.cur += 1;
                        c.revealed = false;
                    }
                    Key::Left => {
                        c.cur = c.cur.saturating_sub(1);
                        c.revealed = false;
                    }
                    Key::Esc | Key::Char('q') => {
                        self.quit = true;
                        return Some(Effect::Quit);
                    }
                    _ => {}
                }
                None
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::cloze::Slot;
    use crate::deck::{DeckId, NoteId};
    use crate::exam::Question;

    fn q(kind: Kind, options: &[&str], answer: Answer) -> Question {
        Question {
            kind,
            deck: DeckId("d".into()),
            note: NoteId(kind.as_str().to_string()),
            slot: Slot::Whole,
            stem: format!("{}题", kind.zh()),
            options: options.iter().map(|s| s.to_string()).collect(),
            answer,
            ordered: false,
            passage: None,
        }
    }

    fn paper() -> Paper {
        Paper {
            deck: None,
            seed: 1,
            questions: vec![
                q(
                    Kind::Single,
                    &["甲", "乙", "丙", "丁"],
                    Answer::Options(vec![1]),
                ),
                q(
                    Kind::Order,
                    &["二", "一", "三"],
                    Answer::Options(vec![1, 0, 2]),
                ),
                q(
                    Kind::List,
                    &[],
                    Answer::Texts(vec!["甲甲".into(), "乙乙".into()]),
                ),
            ],
        }
    }

    fn keys(app: &mut ExamApp, ks: &[Key]) -> Vec<Effect> {
        ks.iter().filter_map(|k| app.key(*k)).collect()
    }

    fn typed(s: &str) -> Vec<Key> {
        s.chars().map(Key::Char).collect()
    }

    #[test]
    fn answers_can_be_changed_after_moving_back() {
        let mut app = ExamApp::sitting(paper(), None);
        keys(&mut app, &[Key::Char('a'), Key::Enter]);
        // Back to question 1, change the answer to B.
        keys(&mut app, &[Key::Left, Key::Char('b'), Key::Enter]);
        keys(
            &mut app,
            &[Key::Char('b'), Key::Char('a'), Key::Char('c'), Key::Enter],
        );
        let mut k = typed("甲甲");
        k.push(Key::Enter);
        k.extend(typed("乙乙"));
        k.extend([Key::Enter, Key::Enter]);
        keys(&mut app, &k);
        let Screen::Sitting(s) = &app.screen else {
            panic!("still sitting")
        };
        assert!(s.handing_in);
        assert_eq!(s.response(0), Response::Options(vec![1]));
        assert_eq!(s.response(1), Response::Options(vec![1, 0, 2]));
        assert_eq!(
            s.response(2),
            Response::Texts(vec!["甲甲".into(), "乙乙".into()])
        );
        // All right: nothing for the mistake book.
        assert_eq!(app.key(Key::Enter), None);
        let Screen::Marked(r) = &app.screen else {
            panic!("marked")
        };
        assert!((r.overall - 100.0).abs() < 1e-9);
    }

    #[test]
    fn the_clock_hands_the_paper_in_and_keeps_the_mistakes() {
        let mut app = ExamApp::sitting(paper(), Some(1_000));
        keys(&mut app, &[Key::Char('a')]);
        assert_eq!(app.tick(999), None);
        let Some(Effect::SaveMistakes(m)) = app.tick(1_000) else {
            panic!("handed in with mistakes")
        };
        // Wrong single, unanswered order and list.
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].given, "A 甲");
        assert_eq!(m[0].answer, "B 乙");
        assert_eq!(m[1].given, "（未答）");
        assert!(matches!(app.screen, Screen::Marked(_)));
    }

    #[test]
    fn paste_goes_into_a_typed_answer_only() {
        let mut app = ExamApp::sitting(paper(), None);
        app.paste("甲");
        keys(&mut app, &[Key::Tab, Key::Tab]);
        app.paste("甲甲\n");
        let Screen::Sitting(s) = &app.screen else {
            panic!()
        };
        assert_eq!(s.response(0), Response::Blank);
        assert_eq!(s.response(2), Response::Texts(vec!["甲甲".into()]));
    }

    #[test]
    fn the_book_sends_back_only_after_yes() {
        let mut app = ExamApp::book(vec![]);
        assert_eq!(app.key(Key::Char('r')), None);
        assert_eq!(app.key(Key::Esc), Some(Effect::Quit));
    }
}
