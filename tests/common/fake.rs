//! An in-memory engine over a fixed list of cards, for tests and snapshot fixtures.
use tiankong::config::Config;
use tiankong::deck::DeckId;
use tiankong::sched::Phase;
use tiankong::sched::Rating;
use tiankong::tui::data::*;
use tiankong::tui::engine::{Engine, EngineError};

type Answered = (CardRef, Rating, u64);

/// A tiny session: cards are shown in order; Again puts the card at the end.
#[derive(Debug, Clone, Default)]
pub struct FakeEngine {
    pub decks: Vec<DeckRow>,
    pub cards: Vec<CardToShow>,
    pub queue: Vec<usize>,
    pub done: u32,
    pub correct: u32,
    pub seconds: u64,
    /// (card, rating, duration) in the order answered: what a store would have committed.
    pub log: Vec<(CardRef, Rating, u64)>,
    pub suspended: Vec<CardRef>,
    pub saved: Option<Config>,
    pub stats: StatsData,
    pub detail_history: Vec<HistoryRow>,
    /// The last browse query seen.
    pub last_query: Option<BrowseQuery>,
    /// Cards answered after peeking at the source.
    pub peeked: Vec<CardRef>,
    undo: Vec<(usize, Option<Answered>)>,
}

impl FakeEngine {
    pub fn new(decks: Vec<DeckRow>, cards: Vec<CardToShow>) -> Self {
        FakeEngine {
            decks,
            cards,
            ..Default::default()
        }
    }

    fn step(&self) -> StudyStep {
        match self.queue.first() {
            Some(&i) => StudyStep::Card {
                card: Box::new(self.cards[i].clone()),
                progress: self.progress(),
                notices: vec![],
            },
            None => StudyStep::Done {
                summary: self.summary(),
                notices: vec![],
            },
        }
    }

    fn progress(&self) -> Progress {
        let mut p = Progress {
            done: self.done,
            ..Default::default()
        };
        for &i in &self.queue {
            match self.cards[i].phase {
                Phase::New => p.new += 1,
                Phase::Learning | Phase::Relearning => p.learning += 1,
                Phase::Review => p.review += 1,
            }
        }
        p
    }

    fn summary(&self) -> SessionSummary {
        SessionSummary {
            answered: self.done,
            correct: self.correct,
            seconds: self.seconds,
            tomorrow: 3,
            held_back: 0,
            left: self.progress(),
        }
    }

    fn index_of(&self, card: CardRef) -> Result<usize, EngineError> {
        self.cards
            .iter()
            .position(|c| c.card == card)
            .ok_or_else(|| EngineError(format!("no card {}", card.0)))
    }

    fn row(&self, i: usize) -> BrowseRow {
        let c = &self.cards[i];
        let question: String = c
            .lines
            .first()
            .map(|l| {
                l.iter()
                    .map(|s| match s {
                        Seg::Text(t) => t.clone(),
                        Seg::Blank { answer } => tiankong::cloze::mask(answer),
                    })
                    .collect()
            })
            .unwrap_or_default();
        BrowseRow {
            card: c.card,
            deck_title: c.deck_title.clone(),
            question,
            answer: c.answers.join("；"),
            phase: c.phase,
            due_in_days: if c.phase == Phase::New {
                None
            } else {
                Some(i as i64 - 1)
            },
            difficulty: if c.phase == Phase::New {
                0.0
            } else {
                3.0 + i as f64
            },
            suspended: self.suspended.contains(&c.card),
            leech: false,
        }
    }
}

impl Engine for FakeEngine {
    fn home(&mut self) -> Result<HomeData, EngineError> {
        let all = self
            .decks
            .iter()
            .fold(DayCounts::default(), |a, d| DayCounts {
                new: a.new + d.new,
                learning: a.learning + d.learning,
                due: a.due + d.due,
            });
        Ok(HomeData {
            decks: self.decks.clone(),
            all,
            reviewed_today: self.done,
            minutes_today: (self.seconds / 60) as u32,
            exam: Some(("2025-12-20".into(), 30)),
            warnings: vec![],
        })
    }
    fn start(&mut self, _deck: Option<&DeckId>) -> Result<StudyStep, EngineError> {
        self.queue = (0..self.cards.len())
            .filter(|&i| !self.suspended.contains(&self.cards[i].card))
            .collect();
        self.done = 0;
        self.correct = 0;
        Ok(self.step())
    }
    fn answer_with(
        &mut self,
        card: CardRef,
        rating: Rating,
        duration_ms: u64,
        peeked: bool,
    ) -> Result<StudyStep, EngineError> {
        if peeked {
            self.peeked.push(card);
        }
        let i = self.index_of(card)?;
        if self.queue.first() != Some(&i) {
            return Err(EngineError(format!("card {} is not current", card.0)));
        }
        self.queue.remove(0);
        if rating == Rating::Again {
            self.queue.push(i);
        } else {
            self.correct += 1;
        }
        self.done += 1;
        self.seconds += duration_ms / 1000;
        self.log.push((card, rating, duration_ms));
        self.undo.push((i, Some((card, rating, duration_ms))));
        Ok(self.step())
    }
    fn undo(&mut self) -> Result<StudyStep, EngineError> {
        let Some((i, answered)) = self.undo.pop() else {
            let mut s = self.step();
            s.notices_mut().push(Notice::NothingToUndo);
            return Ok(s);
        };
        if let Some((_, rating, _)) = answered {
            self.log.pop();
            self.done = self.done.saturating_sub(1);
            if rating == Rating::Again {
                self.queue.retain(|&q| q != i);
            } else {
                self.correct = self.correct.saturating_sub(1);
            }
        } else {
            self.suspended.retain(|c| *c != self.cards[i].card);
        }
        self.queue.insert(0, i);
        let mut s = self.step();
        if let StudyStep::Card { notices, .. } = &mut s {
            notices.push(Notice::Undone);
        }
        Ok(s)
    }
    fn suspend(&mut self, card: CardRef) -> Result<StudyStep, EngineError> {
        let i = self.index_of(card)?;
        self.queue.retain(|&q| q != i);
        self.suspended.push(card);
        self.undo.push((i, None));
        let mut s = self.step();
        s.notices_mut().push(Notice::Suspended);
        Ok(s)
    }
    fn bury(&mut self, card: CardRef) -> Result<StudyStep, EngineError> {
        let i = self.index_of(card)?;
        self.queue.retain(|&q| q != i);
        let mut s = self.step();
        s.notices_mut().push(Notice::Buried);
        Ok(s)
    }
    fn end_session(&mut self) -> Result<SessionSummary, EngineError> {
        Ok(self.summary())
    }
    fn browse(&mut self, query: &BrowseQuery) -> Result<BrowseData, EngineError> {
        self.last_query = Some(query.clone());
        let rows = (0..self.cards.len())
            .map(|i| self.row(i))
            .filter(|r| {
                query.text.is_empty()
                    || r.question.contains(&query.text)
                    || r.answer.contains(&query.text)
            })
            .filter(|r| match query.state {
                StateFilter::All => true,
                StateFilter::New => r.phase == Phase::New,
                StateFilter::Due => r.due_in_days.is_some_and(|d| d <= 0),
                StateFilter::Suspended => r.suspended,
                StateFilter::Leech => r.leech,
            })
            .collect();
        Ok(BrowseData {
            rows,
            decks: self
                .decks
                .iter()
                .map(|d| (d.id.clone(), d.title.clone()))
                .collect(),
        })
    }
    fn card_detail(&mut self, card: CardRef) -> Result<CardDetail, EngineError> {
        let i = self.index_of(card)?;
        Ok(CardDetail {
            row: self.row(i),
            stability: 4.5,
            reps: self.detail_history.len() as u32,
            lapses: 0,
            history: self.detail_history.clone(),
            source: self.cards[i].source.clone(),
        })
    }
    fn set_suspended(&mut self, card: CardRef, suspended: bool) -> Result<(), EngineError> {
        self.suspended.retain(|c| *c != card);
        if suspended {
            self.suspended.push(card);
        }
        Ok(())
    }
    fn stats(&mut self) -> Result<StatsData, EngineError> {
        Ok(self.stats.clone())
    }
    fn apply_settings(&mut self, config: &Config) -> Result<(), EngineError> {
        self.saved = Some(config.clone());
        Ok(())
    }
}
