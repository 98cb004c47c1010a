//! A simulated student before an exam, to compare scheduling policies. Pure: the random
//! generator is passed in.
//!
//! Ground truth is the FSRS-6 memory model with default parameters: a review's recall is drawn
//! with the card's retrievability. Ratings and the seconds each answer takes come from the
//! defaults of the `fsrs` crate's simulator (`SimulatorConfig`), which the FSRS authors took
//! from the srs-benchmark collection: the first rating of a new card, the Hard/Good/Easy split
//! of a recalled review, and seconds per answer by state (learning, review, relearning) and
//! rating. Learning and relearning steps are passed with Good.
//!
//! Each day the student studies until the day's minutes are spent: due cards first (earliest
//! due first), then new cards, answering through the real [`Scheduler`]; no study on exam
//! day. Both policies run the same scheduler and differ only in whether it knows the exam
//! date. `recalled_at_exam` is the expected number of cards recalled on exam day: the sum of
//! their retrievability then (a card never studied counts 0).
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use super::{CardState, DayCtx, Phase, Rating, SchedConfig, SchedError, Scheduler, DAY_MS};

/// What to simulate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimSpec {
    pub cards: usize,
    pub days_to_exam: u32,
    pub minutes_per_day: f64,
    pub seed: u64,
}

/// The result of one policy.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SimResult {
    pub recalled_at_exam: f64,
    pub minutes: f64,
    pub reviews: u64,
    /// Cards studied at least once.
    pub learned: u64,
}

/// Which policy the scheduler follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Desired retention 0.9, the exam date unknown to the scheduler.
    Fixed,
    /// The same scheduler told the exam date (see `sched::exam`).
    Exam,
}

/// 2024-01-01 08:00 UTC, offset 0: a morning, far from the 4 a.m. roll-over.
const T0: i64 = 1_704_096_000_000;

/// Draw an index by weights.
fn weighted(rng: &mut ChaCha8Rng, w: &[f32]) -> usize {
    let total: f32 = w.iter().sum();
    let mut x = rng.random::<f32>() * total;
    for (i, &wi) in w.iter().enumerate() {
        if x < wi {
            return i;
        }
        x -= wi;
    }
    w.len().saturating_sub(1)
}

/// Run one policy. The same spec and seed give the same result.
pub fn simulate(spec: &SimSpec, policy: Policy) -> Result<SimResult, SchedError> {
    let sim = fsrs::SimulatorConfig::default();
    let sched = Scheduler::new(SchedConfig::default())?;
    // One random stream per card (common random numbers): a card's k-th answer draws the
    // same numbers under both policies, so their difference is the policy's, not luck's.
    let mut streams: Vec<ChaCha8Rng> = Vec::with_capacity(spec.cards);
    let exam_day = sched.day_index(T0, &DayCtx::default()) + i64::from(spec.days_to_exam);
    let ctx = DayCtx {
        utc_offset_secs: 0,
        exam_day: (policy == Policy::Exam).then_some(exam_day),
    };
    // state_rating_costs rows: learning, review, relearning; columns Again..Easy (seconds).
    let cost = |phase: Phase, r: Rating| -> f64 {
        let row = match phase {
            Phase::New | Phase::Learning => 0,
            Phase::Review => 1,
            Phase::Relearning => 2,
        };
        f64::from(sim.state_rating_costs[row][usize::from(r.as_u8() - 1)])
    };
    let mut cards: Vec<CardState> = Vec::with_capacity(spec.cards);
    let mut out = SimResult::default();
    let budget = (spec.minutes_per_day * 60.0).max(0.0);
    for day in 0..i64::from(spec.days_to_exam) {
        let start = T0 + day * DAY_MS;
        let end = start + 16 * 3600 * 1000;
        let mut now = start;
        let mut spent = 0.0;
        loop {
            // The earliest due studied card, else a new one, else wait for a step due later.
            let due = cards
                .iter()
                .enumerate()
                .filter(|(_, c)| c.due < end)
                .min_by_key(|(i, c)| (c.due, *i))
                .map(|(i, c)| (i, c.due));
            let (idx, at) = match due {
                Some((i, d)) if d <= now => (i, now),
                _ if cards.len() < spec.cards => {
                    cards.push(CardState::new_card(now));
                    let stream = spec
                        .seed
                        .wrapping_mul(0x9E37_79B9)
                        .wrapping_add(cards.len() as u64);
                    streams.push(ChaCha8Rng::seed_from_u64(stream));
                    (cards.len() - 1, now)
                }
                Some((i, d)) => (i, d),
                None => break,
            };
            let card = cards[idx];
            let Some(rng) = streams.get_mut(idx) else {
                break;
            };
            let rating = match card.phase {
                Phase::New => Rating::from_u8(weighted(rng, &sim.first_rating_prob) as u8 + 1),
                Phase::Learning | Phase::Relearning => Some(Rating::Good),
                Phase::Review => {
                    let r = sched.retrievability(&card, at, &ctx);
                    if rng.random::<f32>() < r {
                        Rating::from_u8(weighted(rng, &sim.review_rating_prob) as u8 + 2)
                    } else {
                        Some(Rating::Again)
                    }
                }
            }
            .unwrap_or(Rating::Good);
            let secs = cost(card.phase, rating);
            if spent + secs > budget {
                if card.phase == Phase::New {
                    cards.pop();
                    streams.pop();
                }
                break;
            }
            let o = sched.answer(&card, rating, at, &ctx, idx as u64)?;
            cards[idx] = o.next;
            spent += secs;
            out.reviews += 1;
            now = at + (secs * 1000.0) as i64;
        }
        out.minutes += spent / 60.0;
    }
    let exam_ms = T0 + i64::from(spec.days_to_exam) * DAY_MS;
    for c in &cards {
        if c.last_review.is_some() {
            out.learned += 1;
            out.recalled_at_exam += f64::from(sched.retrievability(c, exam_ms, &ctx));
        }
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_is_kept_and_the_seed_repeats() {
        let spec = SimSpec {
            cards: 100,
            days_to_exam: 7,
            minutes_per_day: 5.0,
            seed: 3,
        };
        let a = simulate(&spec, Policy::Fixed).unwrap();
        assert!(a.minutes <= 7.0 * 5.0 + 1e-9);
        assert!(a.learned > 0 && a.learned <= 100);
        assert!(a.recalled_at_exam <= a.learned as f64);
        assert_eq!(a, simulate(&spec, Policy::Fixed).unwrap());
    }
}
