//! The real engine behind the TUI: the application layer's [`Collection`] (store, study
//! day, session, scheduler) mapped to the screens' view models, with cards drawn by
//! `cloze::render`. It holds no rule of its own: counts, answers, undo and removals are the
//! collection's; this file only words and shapes them.
use crate::app::browse::Search;
use crate::app::{day, Collection, Study, Today};
use crate::cloze::{self, Slot, Span};
use crate::config::{Config, Lang};
use crate::deck::{DeckId, Note, NoteBody};
use crate::sched::{Phase, Rating};
use crate::store::{self, BrowseSort, BrowseState, Store};
use crate::study::{Counts, Removal};

use super::data::*;
use super::engine::{Engine, EngineError};

/// The browser lists at most this many cards per query.
const BROWSE_LIMIT: usize = 2000;

fn err(e: impl std::fmt::Display) -> EngineError {
    EngineError(e.to_string())
}

/// The engine over a collection. See the module comment.
pub struct DbEngine {
    coll: Collection,
    /// Broken deck files and deck changes, shown on the home screen.
    warnings: Vec<String>,
    /// Present decks' titles, as last read.
    titles: Vec<(DeckId, String)>,
    live: Option<Study>,
}

impl std::fmt::Debug for DbEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DbEngine")
            .field("coll", &self.coll)
            .finish()
    }
}

fn progress(done: u32, c: Counts) -> Progress {
    Progress {
        done,
        new: c.new as u32,
        learning: c.learning as u32,
        review: c.review as u32,
    }
}

impl DbEngine {
    /// An engine over an opened (and synced) store. `warnings` are shown on the home screen
    /// (deck files that failed to load, what a deck's new version changed).
    pub fn new(store: Store, config: &Config, warnings: Vec<String>) -> Result<Self, EngineError> {
        Ok(DbEngine::over(
            Collection::new(store, config).map_err(err)?,
            warnings,
        ))
    }

    /// An engine over a collection.
    pub fn over(coll: Collection, warnings: Vec<String>) -> Self {
        DbEngine {
            coll,
            warnings,
            titles: Vec::new(),
            live: None,
        }
    }

    /// Replace the clock (tests and benches travel in time).
    pub fn with_clock(mut self, clock: impl Fn() -> i64 + 'static) -> Self {
        self.coll = self.coll.with_clock(clock);
        self
    }

    pub fn store(&self) -> &Store {
        self.coll.store()
    }

    pub fn collection(&self) -> &Collection {
        &self.coll
    }

    /// The scheduler in use (tests compare previews with it).
    pub fn scheduler(&self) -> &crate::sched::Scheduler {
        self.coll.scheduler()
    }

    fn refresh_titles(&mut self) -> Result<(), EngineError> {
        self.titles = self
            .coll
            .store()
            .deck_titles()
            .map_err(err)?
            .into_iter()
            .map(|d| (d.id, d.title))
            .collect();
        Ok(())
    }

    fn deck_title(&self, id: &DeckId) -> String {
        self.titles
            .iter()
            .find(|(d, _)| d == id)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| id.0.clone())
    }

    fn live(&mut self) -> Result<&mut Study, EngineError> {
        self.live
            .as_mut()
            .ok_or_else(|| EngineError("no study session is running".into()))
    }

    fn summary(&self) -> Result<SessionSummary, EngineError> {
        let Some(study) = &self.live else {
            return Ok(SessionSummary::default());
        };
        let s = self.coll.summary(study).map_err(err)?;
        Ok(SessionSummary {
            answered: s.tally.answered,
            correct: s.tally.correct,
            seconds: s.tally.duration_ms / 1000,
            tomorrow: s.tomorrow,
            held_back: s.held_back,
            left: progress(s.tally.answered, s.left),
        })
    }

    /// The next step of the running session.
    fn step(&mut self, notices: Vec<Notice>) -> Result<StudyStep, EngineError> {
        let mut study = self
            .live
            .take()
            .ok_or_else(|| EngineError("no study session is running".into()))?;
        let next = self.coll.next_card(&mut study);
        self.live = Some(study);
        let Some(id) = next.map_err(err)? else {
            // The summary says how many siblings are held back; a notice would repeat it.
            return Ok(StudyStep::Done {
                summary: self.summary()?,
                notices: notices
                    .into_iter()
                    .filter(|n| !matches!(n, Notice::SiblingsHeld(_)))
                    .collect(),
            });
        };
        let live = self.live()?;
        let progress = progress(live.tally().answered, live.counts());
        let card = self.show(id)?;
        Ok(StudyStep::Card {
            card: Box::new(card),
            progress,
            notices,
        })
    }

    /// A session card ready to show: front lines, answers, previews, source.
    fn show(&mut self, id: i64) -> Result<CardToShow, EngineError> {
        let live = self
            .live
            .as_ref()
            .ok_or_else(|| EngineError("no study session is running".into()))?;
        let row = live
            .row(id)
            .cloned()
            .ok_or_else(|| EngineError(format!("card {id} is not in this session")))?;
        let phase = live.state(id).map_or(row.state.phase, |s| s.phase);
        let outcomes = self.coll.preview(live, id).map_err(err)?;
        let previews = [0, 1, 2, 3].map(|i| Preview {
            rating: outcomes[i].log.rating,
            interval_secs: outcomes[i].interval_ms() / 1000,
        });
        let note = self.coll.note(&row.deck, &row.note).map_err(err)?;
        let title = self.deck_title(&row.deck);
        Ok(card_to_show(
            &row,
            phase,
            note.as_ref(),
            title,
            previews,
            self.coll.config().study.typed_answers,
        ))
    }
}

/// Turn a store row, its note and its previews into the card the study screen shows.
fn card_to_show(
    row: &store::CardRow,
    phase: Phase,
    note: Option<&Note>,
    deck_title: String,
    previews: [Preview; 4],
    typed_default: bool,
) -> CardToShow {
    let view = note.and_then(|n| cloze::render(n, &row.slot));
    let kind = match row.slot {
        Slot::Item(_) => CardKind::Item,
        Slot::Whole => CardKind::Whole,
        Slot::Group(_) => CardKind::Cloze,
    };
    let ordered = match note.map(|n| &n.body) {
        Some(NoteBody::List(l)) => l.ordered,
        _ => true,
    };
    let (prompt, lines, answers) = match &view {
        Some(v) => (
            (kind != CardKind::Cloze).then(|| v.prompt.clone()),
            spans_to_lines(&v.front),
            v.answers.clone(),
        ),
        // The note is gone from the database (should not happen for a live card): show the
        // card's own text as the blank so it can still be answered.
        None => (
            None,
            vec![vec![Seg::Blank {
                answer: row.anchor.clone(),
            }]],
            vec![row.anchor.clone()],
        ),
    };
    CardToShow {
        card: CardRef(row.id),
        deck_title,
        kind,
        phase,
        prompt,
        lines,
        answers: answers.clone(),
        ordered,
        previews,
        source: note.and_then(|n| source_view(n, &answers)),
        typed_default,
        heading: note.map(|n| n.heading.clone()).unwrap_or_default(),
    }
}

/// Rendered spans to screen lines (`\n` inside text splits lines). A hint after a blank
/// (`□□□□（提示）`) stays visible as text after it.
fn spans_to_lines(spans: &[Span]) -> Vec<Vec<Seg>> {
    let mut lines: Vec<Vec<Seg>> = vec![Vec::new()];
    for s in spans {
        match s {
            Span::Text(t) => {
                for (i, part) in t.split('\n').enumerate() {
                    if i > 0 {
                        lines.push(Vec::new());
                    }
                    if !part.is_empty() {
                        if let Some(l) = lines.last_mut() {
                            l.push(Seg::Text(part.to_string()));
                        }
                    }
                }
            }
            Span::Blank { answer, masked } => {
                if let Some(l) = lines.last_mut() {
                    l.push(Seg::Blank {
                        answer: answer.clone(),
                    });
                    let plain = cloze::mask(answer);
                    if let Some(hint) = masked.strip_prefix(plain.as_str()) {
                        if !hint.is_empty() {
                            l.push(Seg::Text(hint.to_string()));
                        }
                    }
                }
            }
        }
    }
    lines
}

/// The source passage of a note: its `passage`, else a list's context or items.
fn source_view(note: &Note, answers: &[String]) -> Option<SourceView> {
    let passage = match (&note.passage, &note.body) {
        (Some(p), _) if !p.trim().is_empty() => p.clone(),
        (_, NoteBody::List(l)) => {
            let ctx: Vec<&String> = l.context.iter().filter(|c| !c.is_empty()).collect();
            if ctx.is_empty() {
                format!("{}：{}", l.prompt, l.items.join("；"))
            } else {
                ctx.iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
        (_, NoteBody::Cloze { text }) => cloze::parse(text)
            .into_iter()
            .map(|p| match p {
                cloze::Piece::Text(t) => t,
                cloze::Piece::Blank { answer, .. } => answer,
            })
            .collect(),
    };
    let src = note.source.clone().unwrap_or_default();
    Some(SourceView {
        doc: src.doc,
        date: src.date,
        file: src.file,
        line: src.line,
        passage,
        highlight: answers.to_vec(),
    })
}

impl Engine for DbEngine {
    fn home(&mut self) -> Result<HomeData, EngineError> {
        let t = self.coll.today().map_err(err)?;
        let (rows, all) = self.coll.today_by_title().map_err(err)?;
        let summaries: Vec<store::DeckTitle> = rows.iter().map(|(d, _)| d.clone()).collect();
        let exams = self.coll.exam_days(
            &summaries
                .iter()
                .map(crate::app::DeckExam::of_title)
                .collect::<Vec<_>>(),
        );
        self.titles = summaries
            .iter()
            .map(|d| (d.id.clone(), d.title.clone()))
            .collect();
        let decks: Vec<DeckRow> = rows
            .iter()
            .map(|(d, c)| DeckRow {
                id: d.id.clone(),
                title: d.title.clone(),
                total: d.cards,
                new: c.new as u32,
                learning: c.learning as u32,
                due: c.review as u32,
                exam_in_days: exams.get(&d.id).map(|e| e - t.index),
            })
            .collect();
        let exam = summaries
            .iter()
            .filter_map(|d| {
                let date = d
                    .exam
                    .as_ref()
                    .or(self.coll.config().study.exam_date.as_ref())?;
                let days = exams.get(&d.id)? - t.index;
                (days >= 0).then(|| (date.clone(), days))
            })
            .min_by_key(|(_, days)| *days);
        let today_log = self
            .coll
            .store()
            .daily_reviews(&t.day, 1)
            .map_err(err)?
            .pop()
            .unwrap_or_default();
        Ok(HomeData {
            decks,
            all: DayCounts {
                new: all.new as u32,
                learning: all.learning as u32,
                due: all.review as u32,
            },
            reviewed_today: today_log.answers,
            minutes_today: (today_log.duration_ms / 60_000) as u32,
            exam,
            warnings: self.warnings.clone(),
        })
    }

    fn start(&mut self, deck: Option<&DeckId>) -> Result<StudyStep, EngineError> {
        self.live = None;
        if self.titles.is_empty() {
            self.refresh_titles()?;
        }
        let study = self.coll.start(deck).map_err(err)?;
        let held = study.siblings_held();
        self.live = Some(study);
        let notices = if held > 0 {
            vec![Notice::SiblingsHeld(held)]
        } else {
            vec![]
        };
        self.step(notices)
    }

    fn answer_with(
        &mut self,
        card: CardRef,
        rating: Rating,
        duration_ms: u64,
        peeked: bool,
    ) -> Result<StudyStep, EngineError> {
        let mut study = self
            .live
            .take()
            .ok_or_else(|| EngineError("no study session is running".into()))?;
        let a = self
            .coll
            .answer_peeked(&mut study, card.0, rating, duration_ms, peeked);
        self.live = Some(study);
        let a = a.map_err(err)?;
        let mut notices = Vec::new();
        if a.siblings_held > 0 {
            notices.push(Notice::SiblingsHeld(a.siblings_held as u32));
        }
        if a.leech {
            notices.push(Notice::LeechSuspended);
        }
        self.step(notices)
    }

    fn undo(&mut self) -> Result<StudyStep, EngineError> {
        let mut study = self
            .live
            .take()
            .ok_or_else(|| EngineError("no study session is running".into()))?;
        let r = self.coll.undo(&mut study);
        self.live = Some(study);
        let notice = match r.map_err(err)? {
            Some(_) => Notice::Undone,
            None => Notice::NothingToUndo,
        };
        self.step(vec![notice])
    }

    fn suspend(&mut self, card: CardRef) -> Result<StudyStep, EngineError> {
        self.remove(card, Removal::Suspended)?;
        self.step(vec![Notice::Suspended])
    }

    fn bury(&mut self, card: CardRef) -> Result<StudyStep, EngineError> {
        self.remove(card, Removal::Buried)?;
        self.step(vec![Notice::Buried])
    }

    fn end_session(&mut self) -> Result<SessionSummary, EngineError> {
        let s = self.summary()?;
        self.live = None;
        Ok(s)
    }

    fn browse(&mut self, query: &BrowseQuery) -> Result<BrowseData, EngineError> {
        let t = self.coll.today().map_err(err)?;
        if self.titles.is_empty() {
            self.refresh_titles()?;
        }
        let search = Search {
            text: query.text.clone(),
            deck: query.deck.clone(),
            state: match query.state {
                StateFilter::All => BrowseState::All,
                StateFilter::New => BrowseState::New,
                StateFilter::Due => BrowseState::Due,
                StateFilter::Suspended => BrowseState::Suspended,
                StateFilter::Leech => BrowseState::Leech,
            },
            sort: match query.sort {
                SortBy::Due => BrowseSort::Due,
                SortBy::Difficulty => BrowseSort::Difficulty,
            },
            limit: BROWSE_LIMIT,
        };
        let cards = self.coll.browse(&search, &t).map_err(err)?;
        let rows = cards
            .iter()
            .map(|c| self.browse_row(c, &t))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(BrowseData {
            rows,
            decks: self.titles.clone(),
        })
    }

    fn card_detail(&mut self, card: CardRef) -> Result<CardDetail, EngineError> {
        let t = self.coll.today().map_err(err)?;
        let off = t.utc_offset_secs;
        let c = self.coll.store().card(card.0).map_err(err)?;
        let history = self
            .coll
            .store()
            .card_history(card.0)
            .map_err(err)?
            .iter()
            .map(|h| HistoryRow {
                when: day::local_time(h.log.time_ms, off),
                rating: h.log.rating,
                interval_secs: h.log.interval_secs,
                duration_ms: u64::from(h.log.duration_ms),
            })
            .collect();
        let row = self.browse_row(&c, &t)?;
        let answers: Vec<String> = row.answer.split('；').map(str::to_string).collect();
        let source = self
            .coll
            .note(&c.deck, &c.note)
            .map_err(err)?
            .and_then(|n| source_view(&n, &answers));
        Ok(CardDetail {
            row,
            stability: c.state.stability,
            reps: c.state.reps,
            lapses: c.state.lapses,
            history,
            source,
        })
    }

    fn set_suspended(&mut self, card: CardRef, suspended: bool) -> Result<(), EngineError> {
        self.coll
            .store_mut()
            .set_suspended(card.0, suspended)
            .map_err(err)?;
        if !suspended {
            // Unsuspending a leech gives it a fresh start; the tag would hide it again.
            let c = self.coll.store().card(card.0).map_err(err)?;
            if c.leech {
                self.coll
                    .store_mut()
                    .set_leech(card.0, false)
                    .map_err(err)?;
            }
        }
        Ok(())
    }

    fn stats(&mut self) -> Result<StatsData, EngineError> {
        let o = self.coll.overview().map_err(err)?;
        let today = o.today.index;
        Ok(StatsData {
            streak: o.streak,
            heatmap: o.year.iter().map(|d| d.answers).collect(),
            today_weekday: (today + 3).rem_euclid(7) as u8,
            today: day::day_date(today),
            forecast: o.forecast,
            retention_by_week: o.retention_by_week,
            new: o.stats.new as u32,
            learning: o.stats.learning as u32,
            review: o.stats.review as u32,
            suspended: o.stats.suspended as u32,
            reviews_total: o.stats.reviews_total,
            reviews_today: o.stats.reviews_today as u32,
        })
    }

    fn apply_settings(&mut self, config: &Config) -> Result<(), EngineError> {
        self.coll.apply_settings(config).map_err(err)
    }
}

impl DbEngine {
    fn remove(&mut self, card: CardRef, how: Removal) -> Result<(), EngineError> {
        let mut study = self
            .live
            .take()
            .ok_or_else(|| EngineError("no study session is running".into()))?;
        let r = self.coll.remove(&mut study, card.0, how);
        self.live = Some(study);
        r.map_err(err)
    }

    /// A browser row: the collection's item with its deck's title.
    fn browse_row(&mut self, c: &store::CardRow, t: &Today) -> Result<BrowseRow, EngineError> {
        let item = self.coll.browse_item(c, t).map_err(err)?;
        Ok(BrowseRow {
            card: CardRef(c.id),
            deck_title: self.deck_title(&c.deck),
            question: item.question,
            answer: item.answer,
            phase: c.state.phase,
            due_in_days: item.due_in_days,
            difficulty: item.difficulty,
            suspended: c.suspended,
            leech: c.leech,
        })
    }
}

/// What a sync changed in decks whose version went up since the last sync, one line each,
/// for the home screen.
pub fn change_lines(report: &store::SyncReport, lang: Lang) -> Vec<String> {
    report
        .changed
        .iter()
        .filter(|c| !c.first_sync && c.version > c.old_version)
        .map(|c| {
            let v = |x: Option<u32>| x.map_or("?".to_string(), |n| n.to_string());
            crate::tr!(
                lang,
                "《{}》已更新 v{}→v{}：新增 {} 张，改写 {} 张，移除 {} 张（记录保留）",
                "{} updated v{}→v{}: {} new, {} reworded, {} removed cards (history kept)",
                c.title,
                v(c.old_version),
                v(c.version),
                c.new.len() + c.restored.len(),
                c.reworded.len(),
                c.removed.len()
            )
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn spans_split_into_lines_with_hints_after_blanks() {
        let spans = vec![
            Span::Text("1. 甲\n2. ".into()),
            Span::Blank {
                answer: "乙丙".into(),
                masked: "□□（提示）".into(),
            },
            Span::Text("的\n3. 丁".into()),
        ];
        let lines = spans_to_lines(&spans);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], vec![Seg::Text("1. 甲".into())]);
        assert_eq!(
            lines[1],
            vec![
                Seg::Text("2. ".into()),
                Seg::Blank {
                    answer: "乙丙".into()
                },
                Seg::Text("（提示）".into()),
                Seg::Text("的".into()),
            ]
        );
    }
}
