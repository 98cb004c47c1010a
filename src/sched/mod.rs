//! Scheduling: FSRS-6 through the `fsrs` crate, learning and relearning steps, fuzz, the day
//! roll-over and the exam-date policy. Pure: the clock, the UTC offset and the fuzz seed are
//! passed in by the caller; nothing here reads time, the environment or a global RNG.
//!
//! The step logic follows Anki (and py-fsrs, whose published sequence we reproduce): a new card
//! walks the learning steps, Good on the last step or Easy graduates to an FSRS interval; a lapse
//! of a review card walks the relearning steps. FSRS memory state is updated on every answer,
//! same-day answers through FSRS's short-term stability (elapsed days 0).
pub mod day;
pub mod exam;
pub mod fuzz;
pub mod optimize;
pub mod simulate;
pub mod types;

use fsrs::{MemoryState, FSRS};

pub use day::{date_to_day, day_index, day_start_ms, format_interval, Lang, DAY_MS, ROLLOVER_HOUR};
pub use types::{CardState, Phase, Rating};

/// Scheduler settings. `Default` gives the values of the product brief.
#[derive(Debug, Clone, PartialEq)]
pub struct SchedConfig {
    /// Target probability of recall when a review falls due.
    pub desired_retention: f32,
    /// Learning steps for new cards, in seconds.
    pub learning_steps_secs: Vec<u32>,
    /// Relearning steps after a lapse, in seconds.
    pub relearning_steps_secs: Vec<u32>,
    pub maximum_interval_days: u32,
    /// FSRS parameters: 21 (FSRS-6), 19 or 17 values, or empty for the defaults.
    pub parameters: Vec<f32>,
    pub fuzz: bool,
    /// Local hour at which a new study day begins.
    pub rollover_hour: u32,
    /// Lapses at which a card becomes a leech (and again every half of it after).
    pub leech_lapses: u32,
}

impl Default for SchedConfig {
    fn default() -> Self {
        SchedConfig {
            desired_retention: 0.9,
            learning_steps_secs: vec![60, 600],
            relearning_steps_secs: vec![600],
            maximum_interval_days: 36500,
            parameters: fsrs::DEFAULT_PARAMETERS.to_vec(),
            fuzz: true,
            rollover_hour: ROLLOVER_HOUR,
            leech_lapses: 8,
        }
    }
}

/// What the scheduler needs to know about the user's calendar at the moment of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayCtx {
    /// Local time minus UTC, in seconds (e.g. 28800 for China).
    pub utc_offset_secs: i32,
    /// The exam's study-day index (see [`date_to_day`]) for the card's deck, if any.
    pub exam_day: Option<i64>,
}

/// One row of the review log, as the scheduler sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogEntry {
    pub rating: Rating,
    pub phase_before: Phase,
    /// The answer's time (ms).
    pub reviewed_at: i64,
    /// Study days since the previous answer (0 for the first answer or a same-day one).
    pub elapsed_days: u32,
    /// Interval scheduled by this answer in days; 0 for a learning or relearning step.
    pub scheduled_days: u32,
    /// Memory state after the answer.
    pub stability: f64,
    pub difficulty: f64,
    /// When the card is due next (ms).
    pub due: i64,
}

/// The result of one answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub next: CardState,
    pub log: LogEntry,
    /// This answer made the card a leech: the caller suspends and tags it.
    pub became_leech: bool,
}

impl Outcome {
    /// Time until the card is due again (ms), for the rating bar.
    pub fn interval_ms(&self) -> i64 {
        self.log.due - self.log.reviewed_at
    }
}

/// One answer of a card's history, for [`Scheduler::replay`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReplayStep {
    pub rating: Rating,
    pub at_ms: i64,
    pub ctx: DayCtx,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SchedError {
    #[error("scheduler: invalid FSRS parameters ({count} values; expected 21, 19, 17 or none, all finite)")]
    InvalidParameters { count: usize },
    #[error("scheduler: desired retention {0} is outside (0, 1)")]
    InvalidRetention(f32),
    #[error("scheduler: card state is not usable by FSRS (stability {stability}, difficulty {difficulty})")]
    InvalidState { stability: f64, difficulty: f64 },
}

/// FSRS plus the step, fuzz and exam policies. Built once, shared by reference.
#[derive(Debug, Clone)]
pub struct Scheduler {
    cfg: SchedConfig,
    fsrs: FSRS,
    decay: f32,
}

/// Where the step logic sends a learning or relearning card.
enum StepMove {
    Step { step: u32, delay_secs: u32 },
    Graduate,
}

impl Scheduler {
    pub fn new(cfg: SchedConfig) -> Result<Scheduler, SchedError> {
        let count = cfg.parameters.len();
        let filled = fsrs::check_and_fill_parameters(&cfg.parameters)
            .map_err(|_| SchedError::InvalidParameters { count })?;
        let fsrs = FSRS::new(&filled).map_err(|_| SchedError::InvalidParameters { count })?;
        if !(cfg.desired_retention > 0.0 && cfg.desired_retention < 1.0) {
            return Err(SchedError::InvalidRetention(cfg.desired_retention));
        }
        // FSRS::new clips parameters; the decay it uses is w[20] of the filled vector
        // (clipping keeps w[20] within [0.1, 0.8], which the defaults satisfy).
        let decay = filled.get(20).copied().unwrap_or(fsrs::FSRS6_DEFAULT_DECAY);
        Ok(Scheduler { cfg, fsrs, decay })
    }

    pub fn config(&self) -> &SchedConfig {
        &self.cfg
    }

    /// The forgetting-curve decay (w20), for retrievability.
    pub fn decay(&self) -> f32 {
        self.decay
    }

    /// The study-day index of a moment (days roll over at `rollover_hour` local time).
    pub fn day_index(&self, ms: i64, ctx: &DayCtx) -> i64 {
        day_index(ms, ctx.utc_offset_secs, self.cfg.rollover_hour)
    }

    /// Probability of recall now, by FSRS's forgetting curve over elapsed study days.
    /// 1.0 for a card never reviewed.
    pub fn retrievability(&self, card: &CardState, now_ms: i64, ctx: &DayCtx) -> f32 {
        retrievability(card, now_ms, ctx, self.cfg.rollover_hour, self.decay)
    }

    /// The four outcomes, Again to Easy, for the rating bar.
    pub fn preview(
        &self,
        card: &CardState,
        now_ms: i64,
        ctx: &DayCtx,
        seed: u64,
    ) -> Result<[Outcome; 4], SchedError> {
        Ok([
            self.answer(card, Rating::Again, now_ms, ctx, seed)?,
            self.answer(card, Rating::Hard, now_ms, ctx, seed)?,
            self.answer(card, Rating::Good, now_ms, ctx, seed)?,
            self.answer(card, Rating::Easy, now_ms, ctx, seed)?,
        ])
    }

    /// Answer `card` with `rating` at `now_ms`. `seed` identifies the card for fuzz (the card id
    /// is a good choice); fuzz is drawn from (seed, reps), so the same inputs give the same result.
    pub fn answer(
        &self,
        card: &CardState,
        rating: Rating,
        now_ms: i64,
        ctx: &DayCtx,
        seed: u64,
    ) -> Result<Outcome, SchedError> {
        let today = self.day_index(now_ms, ctx);
        let elapsed_days = match card.last_review {
            Some(last) => u32::try_from((today - self.day_index(last, ctx)).max(0)).unwrap_or(0),
            None => 0,
        };
        let memory = if card.phase == Phase::New || card.stability <= 0.0 {
            None
        } else {
            Some(MemoryState {
                stability: card.stability as f32,
                difficulty: card.difficulty as f32,
            })
        };
        let invalid = || SchedError::InvalidState {
            stability: card.stability,
            difficulty: card.difficulty,
        };
        if memory.is_some_and(|m| !m.stability.is_finite() || !m.difficulty.is_finite()) {
            return Err(invalid());
        }
        let states = self
            .fsrs
            .next_states(memory, self.cfg.desired_retention, elapsed_days)
            .map_err(|_| invalid())?;
        let chosen = match rating {
            Rating::Again => states.again.memory,
            Rating::Hard => states.hard.memory,
            Rating::Good => states.good.memory,
            Rating::Easy => states.easy.memory,
        };
        let fuzz = self.cfg.fuzz.then(|| fuzz::fuzz_factor(seed, card.reps));
        let max_ivl = self.max_interval(today, ctx);
        let days_left = ctx
            .exam_day
            .and_then(|e| u32::try_from(e - today).ok())
            .filter(|&d| d >= 1);
        let each = [&states.again, &states.hard, &states.good, &states.easy];
        // Before an exam, intervals aim at recall on exam day (see `exam`); else at the
        // desired retention.
        let raw = match days_left {
            Some(d) => each.map(|s| {
                exam::exam_interval(
                    &self.fsrs,
                    s.memory,
                    d,
                    self.cfg.desired_retention,
                    self.decay,
                )
            }),
            None => each.map(|s| s.interval),
        };
        // The exam plan places reviews on exact days: fuzz would move a securing review.
        let fuzz = fuzz.filter(|_| days_left.is_none());
        let ivls = Intervals {
            raw,
            fuzz,
            max_ivl,
            ordered: days_left.is_none(),
        };

        let mut next = CardState {
            reps: card.reps.saturating_add(1),
            last_review: Some(now_ms),
            stability: f64::from(chosen.stability),
            difficulty: f64::from(chosen.difficulty),
            ..*card
        };
        let mut became_leech = false;
        // (phase, step, delay in seconds when a step, else interval in days)
        let (phase, step, delay_secs, days) = match card.phase {
            Phase::New | Phase::Learning | Phase::Relearning => {
                let (steps, step_phase) = if card.phase == Phase::Relearning {
                    (&self.cfg.relearning_steps_secs, Phase::Relearning)
                } else {
                    (&self.cfg.learning_steps_secs, Phase::Learning)
                };
                let step = if card.phase == Phase::New {
                    0
                } else {
                    card.step
                };
                match step_move(steps, step, rating) {
                    StepMove::Step { step, delay_secs } => (step_phase, step, delay_secs, 0),
                    StepMove::Graduate => (Phase::Review, 0, 0, ivls.graduate(rating)),
                }
            }
            Phase::Review => match rating {
                Rating::Again => {
                    next.lapses = card.lapses.saturating_add(1);
                    became_leech = self.is_leech_at(next.lapses);
                    match self.cfg.relearning_steps_secs.first() {
                        Some(&delay) => (Phase::Relearning, 0, delay, 0),
                        None => (Phase::Review, 0, 0, ivls.again()),
                    }
                }
                _ => (Phase::Review, 0, 0, ivls.review(rating)),
            },
        };
        next.phase = phase;
        next.step = step;
        next.scheduled_days = days;
        next.due = if days > 0 {
            now_ms + i64::from(days) * DAY_MS
        } else {
            now_ms + i64::from(delay_secs) * 1000
        };
        Ok(Outcome {
            next,
            log: LogEntry {
                rating,
                phase_before: card.phase,
                reviewed_at: now_ms,
                elapsed_days,
                scheduled_days: days,
                stability: next.stability,
                difficulty: next.difficulty,
                due: next.due,
            },
            became_leech,
        })
    }

    /// Replays a card's answers from new; the result equals the state the answers produced
    /// when they were made with the same settings, contexts and seed.
    pub fn replay(&self, steps: &[ReplayStep], seed: u64) -> Result<CardState, SchedError> {
        let mut card = CardState::new_card(steps.first().map_or(0, |s| s.at_ms));
        for s in steps {
            card = self.answer(&card, s.rating, s.at_ms, &s.ctx, seed)?.next;
        }
        Ok(card)
    }

    /// Anki's rule: a leech at the threshold, and again every half threshold after it.
    fn is_leech_at(&self, lapses: u32) -> bool {
        let threshold = self.cfg.leech_lapses;
        if threshold == 0 || lapses < threshold {
            return false;
        }
        let every = (threshold / 2).max(1);
        (lapses - threshold).is_multiple_of(every)
    }

    /// The longest interval allowed today: the configured maximum, and never past the exam day
    /// while the exam is still ahead.
    fn max_interval(&self, today: i64, ctx: &DayCtx) -> u32 {
        let max = self.cfg.maximum_interval_days.max(1);
        match ctx.exam_day {
            Some(exam) if exam > today => {
                u32::try_from(exam - today).map_or(max, |to_exam| to_exam.min(max))
            }
            _ => max,
        }
    }
}

/// A rating string such as `3333331133333` could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum RatingsError {
    #[error("ratings: empty; give digits 1 (Again), 2 (Hard), 3 (Good), 4 (Easy)")]
    Empty,
    #[error("ratings: position {position}: {found:?} is not a rating; use 1 (Again), 2 (Hard), 3 (Good), 4 (Easy)")]
    BadDigit { position: usize, found: char },
}

/// Parses one rating per character, `1`..`4`. Positions in errors count from 1.
pub fn parse_ratings(text: &str) -> Result<Vec<Rating>, RatingsError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(RatingsError::Empty);
    }
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            c.to_digit(10)
                .and_then(|d| Rating::from_u8(d as u8))
                .ok_or(RatingsError::BadDigit {
                    position: i + 1,
                    found: c,
                })
        })
        .collect()
}

/// Answers a new card with `ratings`, each at the moment the card falls due (the first at
/// `start_ms`), and returns every outcome.
pub fn replay_when_due(
    sched: &Scheduler,
    ratings: &[Rating],
    start_ms: i64,
    ctx: &DayCtx,
    seed: u64,
) -> Result<Vec<Outcome>, SchedError> {
    let mut card = CardState::new_card(start_ms);
    let mut out = Vec::with_capacity(ratings.len());
    for &rating in ratings {
        let o = sched.answer(&card, rating, card.due, ctx, seed)?;
        card = o.next;
        out.push(o);
    }
    Ok(out)
}

/// Probability of recall of `card` at `now_ms` (1.0 before its first review).
pub fn retrievability(
    card: &CardState,
    now_ms: i64,
    ctx: &DayCtx,
    rollover_hour: u32,
    decay: f32,
) -> f32 {
    let Some(last) = card.last_review else {
        return 1.0;
    };
    if card.stability <= 0.0 {
        return 1.0;
    }
    let elapsed = (day_index(now_ms, ctx.utc_offset_secs, rollover_hour)
        - day_index(last, ctx.utc_offset_secs, rollover_hour))
    .max(0);
    fsrs::current_retrievability(
        MemoryState {
            stability: card.stability as f32,
            difficulty: card.difficulty as f32,
        },
        elapsed as f32,
        decay,
    )
}

/// Anki's learning-step moves.
fn step_move(steps: &[u32], step: u32, rating: Rating) -> StepMove {
    let Some(&first) = steps.first() else {
        return StepMove::Graduate;
    };
    let last = steps.len() - 1;
    let at = (step as usize).min(last);
    match rating {
        Rating::Again => StepMove::Step {
            step: 0,
            delay_secs: first,
        },
        Rating::Hard => {
            let delay_secs = if at == 0 {
                match steps.get(1) {
                    // Between the first and the second step.
                    Some(&second) => first / 2 + second / 2 + (first % 2 + second % 2) / 2,
                    // One step: half as long again, but at most a day longer.
                    None => (first.saturating_mul(3) / 2).min(first.saturating_add(86_400)),
                }
            } else {
                steps[at]
            };
            StepMove::Step {
                step: at as u32,
                delay_secs,
            }
        }
        Rating::Good if at < last => StepMove::Step {
            step: at as u32 + 1,
            delay_secs: steps[at + 1],
        },
        Rating::Good | Rating::Easy => StepMove::Graduate,
    }
}

/// Interval choices for one answer, constrained as Anki does: review intervals are at least a
/// day, Hard < Good < Easy (unless capped by the maximum or the exam), fuzzed within Anki's
/// ranges, and never beyond `max_ivl`.
struct Intervals {
    /// Unconstrained intervals (days) for Again, Hard, Good, Easy.
    raw: [f32; 4],
    fuzz: Option<f32>,
    max_ivl: u32,
    /// Hard < Good < Easy is enforced (steady retention). The exam plan gives each rating
    /// its own day, kept only as far as Hard ≤ Good ≤ Easy: a student never sees a better
    /// answer rewarded with an earlier review. Hard is pulled in (an earlier review only helps
    /// recall on exam day) and Easy pushed out to Good's day (a stronger memory that Good's
    /// review day secures is secured by it too).
    ordered: bool,
}

impl Intervals {
    /// The floor of a rating's interval given the interval of the rating below it.
    fn above(&self, below: u32) -> u32 {
        if self.ordered {
            below + 1
        } else {
            1
        }
    }

    fn constrain(&self, interval: f32, minimum: u32) -> u32 {
        // An interval that reaches the cap (the exam day) lands on it: fuzz would pull a
        // review the policy meant to save back before the exam.
        let fuzz = self.fuzz.filter(|_| interval < self.max_ivl as f32);
        fuzz::constrain_interval(interval, minimum, self.max_ivl, fuzz)
    }

    fn again(&self) -> u32 {
        self.constrain(self.raw[0], 1)
    }

    /// Graduation from (re)learning: Good, or Easy at least a day beyond Good.
    fn graduate(&self, rating: Rating) -> u32 {
        let good = self.constrain(self.raw[2], 1);
        match rating {
            Rating::Easy => self.constrain(self.raw[3], self.above(good)).max(good),
            Rating::Again => self.again(),
            Rating::Hard => self.constrain(self.raw[1], 1).min(good),
            Rating::Good => good,
        }
    }

    fn review(&self, rating: Rating) -> u32 {
        let hard = self.constrain(self.raw[1], 1);
        let good = self.constrain(self.raw[2], self.above(hard));
        let easy = self.constrain(self.raw[3], self.above(good)).max(good);
        let hard = hard.min(good);
        match rating {
            Rating::Again => self.again(),
            Rating::Hard => hard,
            Rating::Good => good,
            Rating::Easy => easy,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    const T0: i64 = 1_704_110_400_000; // 2024-01-01 12:00 UTC

    fn sched(fuzz: bool) -> Scheduler {
        let cfg = SchedConfig {
            fuzz,
            ..SchedConfig::default()
        };
        Scheduler::new(cfg).unwrap()
    }

    #[test]
    fn new_card_steps_follow_anki() {
        let s = sched(false);
        let ctx = DayCtx::default();
        let card = CardState::new_card(T0);
        let [again, hard, good, easy] = s.preview(&card, T0, &ctx, 1).unwrap();
        assert_eq!(again.interval_ms(), 60_000);
        assert_eq!(hard.interval_ms(), 330_000);
        assert_eq!(good.interval_ms(), 600_000);
        assert_eq!((good.next.phase, good.next.step), (Phase::Learning, 1));
        assert_eq!(easy.next.phase, Phase::Review);
        // Easy S 8.2956 at retention 0.9 -> 8 days.
        assert_eq!(easy.next.scheduled_days, 8);
    }

    #[test]
    fn second_step_hard_repeats_it_and_good_graduates() {
        let s = sched(false);
        let ctx = DayCtx::default();
        let card = s
            .answer(&CardState::new_card(T0), Rating::Good, T0, &ctx, 1)
            .unwrap()
            .next;
        let now = card.due;
        let hard = s.answer(&card, Rating::Hard, now, &ctx, 1).unwrap();
        assert_eq!(hard.interval_ms(), 600_000);
        assert_eq!(hard.next.step, 1);
        let good = s.answer(&card, Rating::Good, now, &ctx, 1).unwrap();
        assert_eq!(good.next.phase, Phase::Review);
        assert_eq!(good.next.scheduled_days, 2);
    }

    #[test]
    fn lapse_goes_to_relearning_and_counts() {
        let s = sched(false);
        let ctx = DayCtx::default();
        let card = CardState {
            phase: Phase::Review,
            due: T0,
            stability: 20.0,
            difficulty: 5.0,
            reps: 5,
            lapses: 7,
            step: 0,
            last_review: Some(T0 - 20 * DAY_MS),
            scheduled_days: 20,
        };
        let out = s.answer(&card, Rating::Again, T0, &ctx, 1).unwrap();
        assert_eq!(out.next.phase, Phase::Relearning);
        assert_eq!(out.interval_ms(), 600_000);
        assert_eq!(out.next.lapses, 8);
        assert!(out.became_leech);
        assert_eq!(out.log.elapsed_days, 20);
        let mut nine = card;
        nine.lapses = 8;
        assert!(
            !s.answer(&nine, Rating::Again, T0, &ctx, 1)
                .unwrap()
                .became_leech
        );
        nine.lapses = 11; // 12 = 8 + 8/2
        assert!(
            s.answer(&nine, Rating::Again, T0, &ctx, 1)
                .unwrap()
                .became_leech
        );
    }

    #[test]
    fn exam_day_caps_intervals_then_lets_go() {
        let s = sched(false);
        let today = s.day_index(T0, &DayCtx::default());
        let card = CardState {
            phase: Phase::Review,
            due: T0,
            stability: 100.0,
            difficulty: 5.0,
            reps: 5,
            lapses: 0,
            step: 0,
            last_review: Some(T0 - 100 * DAY_MS),
            scheduled_days: 100,
        };
        let ctx = DayCtx {
            utc_offset_secs: 0,
            exam_day: Some(today + 3),
        };
        for out in &s.preview(&card, T0, &ctx, 1).unwrap()[1..] {
            assert_eq!(out.next.scheduled_days, 3);
            assert_eq!(s.day_index(out.next.due, &ctx), today + 3);
        }
        let after = DayCtx {
            utc_offset_secs: 0,
            exam_day: Some(today - 1),
        };
        let good = s.answer(&card, Rating::Good, T0, &after, 1).unwrap();
        assert!(good.next.scheduled_days > 100);
    }

    #[test]
    fn elapsed_days_follow_the_4am_boundary() {
        let s = sched(false);
        // China (UTC+8): 03:59 and 04:01 local on the same calendar date are different days.
        let ctx = DayCtx {
            utc_offset_secs: 8 * 3600,
            exam_day: None,
        };
        let before = 1_704_052_740_000; // 2024-01-01 03:59 +08:00
        let after = before + 2 * 60_000; // 04:01
        assert_eq!(s.day_index(after, &ctx) - s.day_index(before, &ctx), 1);
        let card = CardState {
            phase: Phase::Review,
            due: after,
            stability: 5.0,
            difficulty: 5.0,
            reps: 3,
            lapses: 0,
            step: 0,
            last_review: Some(before),
            scheduled_days: 1,
        };
        let out = s.answer(&card, Rating::Good, after, &ctx, 1).unwrap();
        assert_eq!(out.log.elapsed_days, 1);
    }

    #[test]
    fn bad_parameters_are_refused() {
        let cfg = SchedConfig {
            parameters: vec![1.0; 5],
            ..SchedConfig::default()
        };
        assert_eq!(
            Scheduler::new(cfg).unwrap_err(),
            SchedError::InvalidParameters { count: 5 }
        );
    }
}
