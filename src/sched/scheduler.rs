//! The scheduler: FSRS-6 memory states from the `fsrs` crate, learning and relearning steps,
//! interval fuzz, the day that rolls over at 4 a.m. local time, leeches and the exam-date
//! clamp. Pure: the time, the time-zone offset and the fuzz seed are passed in.
use fsrs::{MemoryState, FSRS};

use super::types::{CardState, Phase, Rating};

const DAY_MS: i64 = 86_400_000;

/// Why a scheduler could not be built or a card not scheduled.
#[derive(Debug, thiserror::Error)]
pub enum SchedError {
    #[error("invalid FSRS parameters: {0}")]
    Parameters(String),
    #[error("the FSRS model failed: {0}")]
    Model(String),
}

/// Scheduling settings.
#[derive(Debug, Clone, PartialEq)]
pub struct SchedConfig {
    pub desired_retention: f32,
    pub learning_steps_secs: Vec<u32>,
    pub relearning_steps_secs: Vec<u32>,
    pub maximum_interval_days: u32,
    /// FSRS-6 parameters (21); empty for the defaults.
    pub parameters: Vec<f32>,
    pub fuzz: bool,
    /// The hour (local time) at which a new study day begins.
    pub rollover_hour: u32,
    /// Lapses that make a card a leech (then every half as many again).
    pub leech_lapses: u32,
}

impl Default for SchedConfig {
    fn default() -> Self {
        SchedConfig {
            desired_retention: 0.9,
            learning_steps_secs: vec![60, 600],
            relearning_steps_secs: vec![600],
            maximum_interval_days: 36_500,
            parameters: Vec::new(),
            fuzz: true,
            rollover_hour: 4,
            leech_lapses: 8,
        }
    }
}

/// The day a review happens in, and the exam that bounds intervals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayCtx {
    /// Local time minus UTC, in seconds.
    pub utc_offset_secs: i32,
    /// The exam's day index (see [`Scheduler::day_index`]); no interval passes it.
    pub exam_day: Option<i64>,
    /// A per-card seed for the fuzz (the card id); combined with the card's reps.
    pub seed: u64,
}

/// What one answer did, as the review log records it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogEntry {
    pub rating: Rating,
    pub phase_before: Phase,
    /// Days since the previous review (by study days), 0 for a new card or the same day.
    pub elapsed_days: u32,
    /// The interval given, in days (0 for a learning or relearning step).
    pub scheduled_days: u32,
    pub stability: f64,
    pub difficulty: f64,
    pub due: i64,
}

/// The result of answering a card.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub next: CardState,
    pub log: LogEntry,
    /// This answer made the card a leech (the caller suspends and tags it, and says so).
    pub became_leech: bool,
}

impl Outcome {
    /// How long until the card is due again, in milliseconds.
    pub fn interval_ms(&self, now_ms: i64) -> i64 {
        (self.next.due - now_ms).max(0)
    }
}

/// The scheduler, built once from a configuration.
#[derive(Debug, Clone)]
pub struct Scheduler {
    cfg: SchedConfig,
    fsrs: FSRS,
    decay: f32,
}

impl Scheduler {
    pub fn new(cfg: SchedConfig) -> Result<Scheduler, SchedError> {
        let fsrs =
            FSRS::new(&cfg.parameters).map_err(|e| SchedError::Parameters(format!("{e:?}")))?;
        let decay = cfg
            .parameters
            .get(20)
            .copied()
            .unwrap_or(fsrs::FSRS6_DEFAULT_DECAY);
        Ok(Scheduler { cfg, fsrs, decay })
    }

    pub fn config(&self) -> &SchedConfig {
        &self.cfg
    }

    /// The study day `ms` falls in: days since the epoch, counted from `rollover_hour` local
    /// time.
    pub fn day_index(&self, ms: i64, utc_offset_secs: i32) -> i64 {
        day_index(ms, utc_offset_secs, self.cfg.rollover_hour)
    }

    /// When study day `day` begins, in Unix milliseconds.
    pub fn day_start(&self, day: i64, utc_offset_secs: i32) -> i64 {
        day * DAY_MS - i64::from(utc_offset_secs) * 1000
            + i64::from(self.cfg.rollover_hour) * 3_600_000
    }

    /// The probability of recall now.
    pub fn retrievability(&self, card: &CardState, now_ms: i64) -> f64 {
        let Some(last) = card.last_review else {
            return 0.0;
        };
        if card.stability <= 0.0 {
            return 0.0;
        }
        let days = ((now_ms - last).max(0) as f64) / DAY_MS as f64;
        let state = MemoryState {
            stability: card.stability as f32,
            difficulty: card.difficulty as f32,
        };
        f64::from(fsrs::current_retrievability(state, days as f32, self.decay))
    }

    /// The four outcomes, Again to Easy, for the rating bar.
    pub fn preview(
        &self,
        card: &CardState,
        now_ms: i64,
        ctx: &DayCtx,
    ) -> Result<[Outcome; 4], SchedError> {
        Ok([
            self.answer(card, Rating::Again, now_ms, ctx)?,
            self.answer(card, Rating::Hard, now_ms, ctx)?,
            self.answer(card, Rating::Good, now_ms, ctx)?,
            self.answer(card, Rating::Easy, now_ms, ctx)?,
        ])
    }

    /// Answer a card.
    pub fn answer(
        &self,
        card: &CardState,
        rating: Rating,
        now_ms: i64,
        ctx: &DayCtx,
    ) -> Result<Outcome, SchedError> {
        let today = self.day_index(now_ms, ctx.utc_offset_secs);
        let elapsed_days = match card.last_review {
            Some(last) => u32::try_from((today - self.day_index(last, ctx.utc_offset_secs)).max(0))
                .unwrap_or(u32::MAX),
            None => 0,
        };
        let memory = (card.phase != Phase::New && card.stability > 0.0).then(|| MemoryState {
            stability: card.stability as f32,
            difficulty: card.difficulty as f32,
        });
        let states = self
            .fsrs
            .next_states(memory, self.cfg.desired_retention, elapsed_days)
            .map_err(|e| SchedError::Model(format!("{e:?}")))?;
        let chosen = match rating {
            Rating::Again => states.again.memory,
            Rating::Hard => states.hard.memory,
            Rating::Good => states.good.memory,
            Rating::Easy => states.easy.memory,
        };
        // Review intervals for each rating, kept in order Hard < Good < Easy.
        let ivl = |s: f32| -> u32 {
            let days = s.round().max(1.0);
            (days as u32).clamp(1, self.cfg.maximum_interval_days.max(1))
        };
        // A review card's Hard < Good < Easy, as Anki keeps them; a graduating learning card
        // takes FSRS's interval as it is.
        let reviewing = card.phase == Phase::Review;
        let hard = ivl(states.hard.interval);
        let good = if reviewing {
            ivl(states.good.interval).max(hard + 1)
        } else {
            ivl(states.good.interval)
        };
        let easy = ivl(states.easy.interval).max(good + 1);
        let review_interval = |r: Rating| -> u32 {
            let days = match r {
                Rating::Again => ivl(states.again.interval),
                Rating::Hard => hard,
                Rating::Good => good,
                Rating::Easy => easy,
            };
            days.min(self.cfg.maximum_interval_days.max(1))
        };

        let mut next = *card;
        next.stability = f64::from(chosen.stability);
        next.difficulty = f64::from(chosen.difficulty);
        next.reps = card.reps.saturating_add(1);
        next.last_review = Some(now_ms);
        let mut became_leech = false;

        // Where the card goes: a step (minutes) or an interval (days).
        enum Go {
            Step(u32, i64),
            Days(u32),
        }
        let steps_for = |phase: Phase| match phase {
            Phase::Relearning => &self.cfg.relearning_steps_secs,
            _ => &self.cfg.learning_steps_secs,
        };
        let go = match card.phase {
            Phase::New | Phase::Learning | Phase::Relearning => {
                let steps = steps_for(card.phase);
                let step = if card.phase == Phase::New {
                    0
                } else {
                    card.step as usize
                };
                match rating {
                    Rating::Again => match steps.first() {
                        Some(s) => Go::Step(0, i64::from(*s) * 1000),
                        None => Go::Days(review_interval(Rating::Again)),
                    },
                    Rating::Hard => match steps.get(step) {
                        // Hard on the first step waits between the first and second steps.
                        Some(s) if step == 0 && steps.len() > 1 => {
                            Go::Step(0, (i64::from(*s) + i64::from(steps[1])) * 500)
                        }
                        Some(s) => Go::Step(
                            step as u32,
                            i64::from(*s) * 1000 * if steps.len() == 1 { 3 } else { 2 } / 2,
                        ),
                        None => Go::Days(review_interval(Rating::Hard)),
                    },
                    Rating::Good => match steps.get(step + 1) {
                        Some(s) => Go::Step(step as u32 + 1, i64::from(*s) * 1000),
                        None => Go::Days(review_interval(Rating::Good)),
                    },
                    Rating::Easy => Go::Days(review_interval(Rating::Easy)),
                }
            }
            Phase::Review => match rating {
                Rating::Again => {
                    next.lapses = card.lapses.saturating_add(1);
                    let t = self.cfg.leech_lapses.max(1);
                    became_leech = next.lapses == t
                        || (next.lapses > t && (next.lapses - t) % (t / 2).max(1) == 0);
                    match self.cfg.relearning_steps_secs.first() {
                        Some(s) => Go::Step(0, i64::from(*s) * 1000),
                        None => Go::Days(review_interval(Rating::Again)),
                    }
                }
                r => Go::Days(review_interval(r)),
            },
        };
        match go {
            Go::Step(step, delay_ms) => {
                next.phase = if card.phase == Phase::New {
                    Phase::Learning
                } else if card.phase == Phase::Review {
                    Phase::Relearning
                } else {
                    card.phase
                };
                next.step = step;
                next.due = now_ms + delay_ms;
                next.scheduled_days = 0;
            }
            Go::Days(days) => {
                let mut days = if self.cfg.fuzz {
                    self.fuzz(days, elapsed_days, ctx.seed, next.reps)
                } else {
                    days
                };
                // No interval passes the exam; after the exam, scheduling is as usual.
                if let Some(exam) = ctx.exam_day {
                    if today < exam {
                        days = days
                            .min(u32::try_from(exam - today).unwrap_or(u32::MAX))
                            .max(1);
                    }
                }
                next.phase = Phase::Review;
                next.step = 0;
                next.scheduled_days = days;
                next.due = self.day_start(today + i64::from(days), ctx.utc_offset_secs);
            }
        }
        Ok(Outcome {
            next,
            log: LogEntry {
                rating,
                phase_before: card.phase,
                elapsed_days,
                scheduled_days: next.scheduled_days,
                stability: next.stability,
                difficulty: next.difficulty,
                due: next.due,
            },
            became_leech,
        })
    }

    /// Anki's interval fuzz: a reproducible spread that grows with the interval (15% from 2.5
    /// to 7 days, 10% to 20, 5% beyond), never below the elapsed time nor above the maximum.
    fn fuzz(&self, days: u32, elapsed_days: u32, seed: u64, reps: u32) -> u32 {
        if days < 3 {
            return days;
        }
        let ivl = f64::from(days);
        let mut delta = 1.0;
        for (start, end, factor) in [
            (2.5, 7.0, 0.15),
            (7.0, 20.0, 0.1),
            (20.0, f64::INFINITY, 0.05),
        ] {
            delta += factor * (ivl.min(end) - start).max(0.0);
        }
        let mut lo = (ivl - delta).round().max(2.0) as u32;
        let hi = ((ivl + delta).round() as u32).min(self.cfg.maximum_interval_days.max(1));
        if days > elapsed_days {
            lo = lo.max(elapsed_days + 1);
        }
        let lo = lo.min(hi);
        let r = unit(splitmix64(
            seed ^ u64::from(reps).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        ));
        lo + ((r * f64::from(hi - lo + 1)).floor() as u32).min(hi - lo)
    }
}

/// Days since the epoch, counted from `rollover_hour` local time.
pub fn day_index(ms: i64, utc_offset_secs: i32, rollover_hour: u32) -> i64 {
    let local = ms + i64::from(utc_offset_secs) * 1000 - i64::from(rollover_hour) * 3_600_000;
    local.div_euclid(DAY_MS)
}

/// splitmix64: a small, well-mixed PRNG step; the fuzz needs reproducibility, not secrecy.
fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn unit(x: u64) -> f64 {
    (x >> 11) as f64 / (1u64 << 53) as f64
}

/// An interval as short text for the rating bar: `<1分`/`10分`/`2天`/`3月`/`1.2年`, or in
/// English `<1m`/`10m`/`2d`/`3mo`/`1.2y`.
pub fn interval_text(ms: i64, chinese: bool) -> String {
    let mins = ms as f64 / 60_000.0;
    let days = ms as f64 / DAY_MS as f64;
    let (n, unit) = if mins < 1.0 {
        return if chinese {
            "<1分".into()
        } else {
            "<1m".into()
        };
    } else if mins < 60.0 {
        (
            format!("{}", mins.round()),
            if chinese { "分" } else { "m" },
        )
    } else if days < 1.0 {
        (
            format!("{}", (mins / 60.0).round()),
            if chinese { "时" } else { "h" },
        )
    } else if days < 30.0 {
        (
            format!("{}", days.round()),
            if chinese { "天" } else { "d" },
        )
    } else if days < 365.0 {
        (
            format!("{}", (days / 30.0).round()),
            if chinese { "月" } else { "mo" },
        )
    } else {
        (
            format!("{:.1}", days / 365.0),
            if chinese { "年" } else { "y" },
        )
    };
    format!("{n}{unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-4
    }

    #[test]
    fn a_new_cards_four_next_states_are_the_published_ones() {
        let s = Scheduler::new(SchedConfig::default()).unwrap();
        let card = CardState::new_card(0);
        let p = s.preview(&card, 0, &DayCtx::default()).unwrap();
        let want = [
            (0.212, 6.4133),
            (1.2931, 5.1121707),
            (2.3065, 2.118104),
            (8.2956, 1.0),
        ];
        for (o, (st, d)) in p.iter().zip(want) {
            assert!(close(o.next.stability, st), "{} vs {st}", o.next.stability);
            assert!(close(o.next.difficulty, d), "{} vs {d}", o.next.difficulty);
        }
    }

    #[test]
    fn the_published_history_gives_the_published_memory_state() {
        // Ratings 1,3,3,3,3,3 with 0,0,1,3,8,21 days between them (fsrs-rs's reference).
        let s = Scheduler::new(SchedConfig::default()).unwrap();
        let ctx = DayCtx::default();
        let mut card = CardState::new_card(0);
        let mut now = 12 * 3_600_000;
        for (rating, gap) in [
            (Rating::Again, 0),
            (Rating::Good, 0),
            (Rating::Good, 1),
            (Rating::Good, 3),
            (Rating::Good, 8),
            (Rating::Good, 21),
        ] {
            now += gap * DAY_MS;
            card = s.answer(&card, rating, now, &ctx).unwrap().next;
        }
        assert!(close(card.stability, 53.62691), "{}", card.stability);
        assert!(close(card.difficulty, 6.3574867), "{}", card.difficulty);
    }

    #[test]
    fn days_roll_over_at_four_local_time() {
        // 2024-01-01 03:59 and 04:00 at UTC+8.
        let base = 1_704_038_400_000i64; // 2024-01-01 00:00 +08:00
        let off = 8 * 3600;
        assert_eq!(
            day_index(base + 3 * 3_600_000 + 59 * 60_000, off, 4) + 1,
            day_index(base + 4 * 3_600_000, off, 4)
        );
    }

    #[test]
    fn interval_texts() {
        assert_eq!(interval_text(30_000, true), "<1分");
        assert_eq!(interval_text(600_000, true), "10分");
        assert_eq!(interval_text(2 * DAY_MS, true), "2天");
        assert_eq!(interval_text(90 * DAY_MS, false), "3mo");
        assert_eq!(interval_text(438 * DAY_MS, false), "1.2y");
    }
}
