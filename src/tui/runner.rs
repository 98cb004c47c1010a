//! The effect runner: performs an `Effect` against the `Engine` (and the settings file) and
//! returns the resulting `Msg`. It also times each card: from when it was delivered to when
//! it was answered.
use std::path::PathBuf;
use std::time::Instant;

use super::app::App;
use super::data::StudyStep;
use super::engine::Engine;
use super::msg::{Effect, Loaded, Msg};
use super::update::update;

/// Answers longer than this count as this long (the student walked away).
pub const MAX_ANSWER_MS: u64 = 60_000;

pub struct Runner<'e> {
    pub engine: &'e mut dyn Engine,
    /// Where settings are saved; None in tests that should not write files.
    pub config_path: Option<PathBuf>,
    shown_at: Instant,
}

impl<'e> Runner<'e> {
    pub fn new(engine: &'e mut dyn Engine, config_path: Option<PathBuf>) -> Self {
        Runner {
            engine,
            config_path,
            shown_at: Instant::now(),
        }
    }

    fn step(&mut self, r: Result<StudyStep, super::engine::EngineError>) -> Msg {
        match r {
            Ok(step) => {
                self.shown_at = Instant::now();
                Msg::Loaded(Loaded::Step(step))
            }
            Err(e) => Msg::Failed(e.0),
        }
    }

    pub fn perform(&mut self, effect: Effect) -> Msg {
        let e = &mut *self.engine;
        let fail = |err: super::engine::EngineError| Msg::Failed(err.0);
        match effect {
            Effect::LoadHome => e.home().map_or_else(fail, |d| Msg::Loaded(Loaded::Home(d))),
            Effect::Start(deck) => {
                let r = e.start(deck.as_ref());
                self.step(r)
            }
            Effect::Answer {
                card,
                rating,
                peeked,
            } => {
                let ms = (self.shown_at.elapsed().as_millis() as u64).min(MAX_ANSWER_MS);
                let r = e.answer_with(card, rating, ms, peeked);
                self.step(r)
            }
            Effect::Undo => {
                let r = e.undo();
                self.step(r)
            }
            Effect::Suspend(c) => {
                let r = e.suspend(c);
                self.step(r)
            }
            Effect::Bury(c) => {
                let r = e.bury(c);
                self.step(r)
            }
            Effect::EndSession => e
                .end_session()
                .map_or_else(fail, |s| Msg::Loaded(Loaded::Ended(s))),
            Effect::Browse(q) => e
                .browse(&q)
                .map_or_else(fail, |d| Msg::Loaded(Loaded::Browse(d))),
            Effect::Detail(c) => e
                .card_detail(c)
                .map_or_else(fail, |d| Msg::Loaded(Loaded::Detail(Box::new(d)))),
            Effect::SetSuspended(c, on) => e
                .set_suspended(c, on)
                .map_or_else(fail, |()| Msg::Loaded(Loaded::SuspendSet)),
            Effect::Stats => e
                .stats()
                .map_or_else(fail, |d| Msg::Loaded(Loaded::Stats(Box::new(d)))),
            Effect::SaveSettings(cfg) => {
                if let Some(path) = &self.config_path {
                    if let Err(err) = cfg.save(path) {
                        return Msg::Failed(err.to_string());
                    }
                }
                let path = self.config_path.clone();
                e.apply_settings(&cfg)
                    .map_or_else(fail, |()| Msg::Loaded(Loaded::Saved(path)))
            }
        }
    }
}

/// Feed one message through `update`, performing effects until none is left.
/// Returns true when something changed (a redraw is due).
pub fn dispatch(app: &mut App, msg: Msg, runner: &mut Runner) -> bool {
    let mut next = Some(msg);
    // Each Loaded message yields at most one follow-up; the bound only guards against a bug.
    for _ in 0..16 {
        let Some(m) = next.take() else { break };
        next = update(app, m).map(|eff| runner.perform(eff));
    }
    true
}
