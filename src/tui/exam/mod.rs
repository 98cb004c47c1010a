//! The exam screens: a mock paper one question at a time (with moving back, a clock when
//! timed, a hand-in page), the marked paper, the mistake book (错题本) and the cram drill. A
//! small screen loop of its own over `tui::term`: it blocks on input, and wakes once a second
//! only while a clock is shown. The database is touched only to keep mistakes, read the book
//! and send mistakes back when the student says so; cram writes nothing.
pub mod state;
pub mod view;

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{self, Event};

use crate::cli::{ExamArgs, Global, StudyArgs};
use crate::cloze::render;
use crate::cmd::stats::{emit, open_synced};
use crate::config::parse_date;
use crate::deck::DeckId;
use crate::exam::{cram, Paper};
use crate::i18n::t;
use crate::sched::{date_to_day, DayCtx, Scheduler};
use crate::store::{self, keys, BrowseFilter, Store};
use crate::tui::term;
use crate::tui::theme::Theme;

pub use state::{Effect, ExamApp};

/// The scheduler context of each deck: the local UTC offset and its exam day (the deck's
/// date, else the global setting).
fn day_ctx(store: &Store, now: i64) -> anyhow::Result<(i32, HashMap<DeckId, i64>)> {
    let off = store.utc_offset_secs(now)?;
    let day = crate::app::Today::at(store, now)?.day;
    let global = store.setting(keys::EXAM)?;
    let exams = store
        .deck_summaries(now, &day)?
        .into_iter()
        .filter_map(|d| {
            let date = d.exam.as_ref().or(global.as_ref())?;
            let (y, m, dd) = parse_date(date)?;
            Some((d.id, date_to_day(y, m, dd)))
        })
        .collect();
    Ok((off, exams))
}

/// The edge of the exam screens: the store and the scheduler.
struct Edge {
    store: Store,
    deck: Option<DeckId>,
    lang: crate::config::Lang,
}

impl Edge {
    fn perform(&mut self, app: &mut ExamApp, effect: Effect) -> anyhow::Result<()> {
        let now = store::now_ms();
        match effect {
            Effect::Quit => {}
            Effect::SaveMistakes(rows) => {
                let _held = term::hold_work();
                self.store.add_mistakes(&rows, now)?;
            }
            Effect::LoadBook => {
                let rows = self.store.mistakes(self.deck.as_ref())?;
                app.show_book(rows, None);
            }
            Effect::SendBack(ids) => {
                let sched = Scheduler::new(self.store.sched_config()?)?;
                let (off, exams) = day_ctx(&self.store, now)?;
                let ctx = |d: &DeckId| DayCtx {
                    utc_offset_secs: off,
                    exam_day: exams.get(d).copied(),
                };
                let sent = {
                    let _held = term::hold_work();
                    self.store.send_back_as_lapses(&ids, &sched, now, &ctx)?
                };
                let mut notice = crate::tr!(
                    self.lang,
                    "已把 {} 张卡作为遗忘送回复习计划",
                    "{} cards sent back into the schedule as lapses",
                    sent.cards
                );
                if sent.missing > 0 {
                    notice.push_str(&crate::tr!(
                        self.lang,
                        "；{} 道错题的卡已不在卡组中",
                        "; {} mistakes' cards are no longer in a deck",
                        sent.missing
                    ));
                }
                let rows = self.store.mistakes(self.deck.as_ref())?;
                app.show_book(rows, Some(notice));
            }
        }
        Ok(())
    }
}

/// The screen loop: draw, wait for a key (or a second, while a clock runs), update, perform.
fn run_loop(mut app: ExamApp, edge: &mut Edge, theme: Theme) -> anyhow::Result<()> {
    let lang = edge.lang;
    let mut screen = term::enter()?;
    loop {
        let now = store::now_ms();
        if let Some(e) = app.tick(now) {
            edge.perform(&mut app, e)?;
        }
        let cx = view::ViewCtx {
            theme,
            lang,
            now_ms: now,
        };
        screen
            .term
            .draw(|f| view::draw(f, &app, &cx))
            .context("drawing the exam screen")?;
        let timed = matches!(&app.screen, state::Screen::Sitting(s) if s.deadline_ms.is_some());
        if timed && !event::poll(Duration::from_secs(1)).unwrap_or(false) {
            continue;
        }
        let ev = match event::read() {
            Ok(ev) => ev,
            Err(_) => break,
        };
        let effect = match ev {
            Event::Key(k) => term::to_key(k).and_then(|k| app.key(k)),
            Event::Paste(s) => {
                app.paste(&s);
                None
            }
            _ => None,
        };
        if let Some(e) = effect {
            edge.perform(&mut app, e)?;
        }
        if app.quit {
            break;
        }
    }
    Ok(())
}

/// `tiankong exam`: take `paper` on the Exam screen.
pub fn run_paper(global: &Global, args: &ExamArgs, paper: Paper) -> anyhow::Result<ExitCode> {
    term::require_terminal()?;
    let config = crate::config::load_for_run(global.lang.as_deref())?;
    let (store, _) = open_synced(global, store::now_ms())?;
    let deadline = args
        .minutes
        .map(|m| store::now_ms() + i64::from(m) * 60_000);
    let mut edge = Edge {
        store,
        deck: paper.deck.clone(),
        lang: config.ui.lang,
    };
    let app = ExamApp::sitting(paper, deadline);
    run_loop(app, &mut edge, Theme::from_config(&config.ui))?;
    Ok(ExitCode::SUCCESS)
}

/// `tiankong exam --mistakes`: the mistake book on screen, or printed with `--json`.
pub fn run_mistakes(global: &Global, args: &ExamArgs) -> anyhow::Result<ExitCode> {
    let deck = args.deck.clone().map(DeckId);
    if args.json {
        let store = Store::open(&crate::cmd::stats::db_path(global)?)?;
        let rows: Vec<serde_json::Value> = store
            .mistakes(deck.as_ref())?
            .into_iter()
            .map(|m| {
                serde_json::json!({
                    "id": m.id,
                    "deck": m.entry.deck.0,
                    "note": m.entry.note.0,
                    "type": m.entry.kind,
                    "stem": m.entry.stem,
                    "answer": m.entry.answer,
                    "given": m.entry.given,
                    "date": m.date,
                    "sent_back": m.sent_back_ms.is_some(),
                })
            })
            .collect();
        emit(&format!("{}\n", serde_json::Value::Array(rows)));
        return Ok(ExitCode::SUCCESS);
    }
    term::require_terminal()?;
    let config = crate::config::load_for_run(global.lang.as_deref())?;
    let (store, _) = open_synced(global, store::now_ms())?;
    let rows = store.mistakes(deck.as_ref())?;
    let mut edge = Edge {
        store,
        deck,
        lang: config.ui.lang,
    };
    run_loop(
        ExamApp::book(rows),
        &mut edge,
        Theme::from_config(&config.ui),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `tiankong study --cram`: the cards least likely to be recalled now, drilled outside the
/// schedule; nothing is written.
pub fn run_cram(global: &Global, args: &StudyArgs) -> anyhow::Result<ExitCode> {
    term::require_terminal()?;
    let config = crate::config::load_for_run(global.lang.as_deref())?;
    let lang = config.ui.lang;
    let now = store::now_ms();
    let (store, _) = open_synced(global, now)?;
    let deck = args.deck.clone().map(DeckId);
    let rows = store.browse(&BrowseFilter {
        deck: deck.clone(),
        ..BrowseFilter::default()
    })?;
    let sched = Scheduler::new(store.sched_config()?)?;
    let (off, exams) = day_ctx(&store, now)?;
    let ctx = DayCtx {
        utc_offset_secs: off,
        exam_day: deck.as_ref().and_then(|d| exams.get(d).copied()),
    };
    let cards: Vec<_> = rows
        .into_iter()
        .filter(|r| !r.suspended)
        .map(|r| {
            let s = r.state;
            (r, s)
        })
        .collect();
    let picked = cram::select(cards, &sched, now, &ctx, args.n);
    let mut out = Vec::with_capacity(picked.len());
    for (row, recall) in picked {
        let Some(note) = store.note(&row.deck, &row.note)? else {
            continue;
        };
        let Some(view) = render(&note, &row.slot) else {
            continue;
        };
        out.push(state::CramCard {
            prompt: view.prompt.clone(),
            front: crate::cloze::plain_text(&view.front, false),
            back: crate::cloze::plain_text(&view.back, true),
            recall,
        });
    }
    if out.is_empty() {
        anyhow::bail!(t(lang, "没有可突击的卡", "no cards to cram"));
    }
    let mut edge = Edge { store, deck, lang };
    run_loop(
        ExamApp::cram(out),
        &mut edge,
        Theme::from_config(&config.ui),
    )?;
    Ok(ExitCode::SUCCESS)
}
