//! The exam-day policy: when a deck has an exam date, a review interval aims at recall on that
//! day instead of a steady retention.
//!
//! It builds on the FSRS forgetting curve R(t, S) = (1 + f·t/S)^(−decay) and FSRS's stability
//! after a review (both from the `fsrs` crate, the model Anki ships). For a card whose memory
//! after this answer is S, with `d` days left:
//!
//! 1. If R(d, S) already reaches the target (the desired retention), the card is not asked
//!    again before the exam: its next review lands on the exam day.
//! 2. Otherwise the next review is the earliest day `i` after which one review secures the
//!    target: the expected recall on exam day, R(i)·R(d−i, S′good) + (1−R(i))·R(d−i, S′again),
//!    reaches it. That review is then the card's last before the exam (step 1 applies).
//! 3. A card too weak for that (not even a review on the eve reaches the target) is reviewed
//!    at the interval for a lower interim retention, capped on the eve of the exam, so its
//!    stability grows with fewer reviews (the spacing effect FSRS models: lower recall at a
//!    review, larger stability gain).
//!
//! Reviews a steady 0.9 retention would spend on cards that will be recalled on exam day
//! anyway are saved; the time goes to cards not yet learnt. `tiankong simulate` measures it.
use fsrs::{MemoryState, FSRS};

/// Retention aimed at between reviews for cards no single review can secure yet.
pub const INTERIM_RETENTION: f32 = 0.7;

/// The FSRS-6 forgetting curve: recall probability after `days` at stability `s`.
pub fn recall(days: f32, s: f32, decay: f32) -> f32 {
    fsrs::current_retrievability(
        MemoryState {
            stability: s,
            difficulty: 5.0,
        },
        days.max(0.0),
        decay,
    )
}

/// The interval (days) at which recall falls to `retention`, by the same curve.
pub fn interval_at(s: f32, retention: f32, decay: f32) -> f32 {
    let factor = 0.9f32.powf(-1.0 / decay) - 1.0;
    s / factor * (retention.powf(-1.0 / decay) - 1.0)
}

/// Expected recall on exam day (`d` days away) if the card with memory `m` is reviewed after
/// `i` days and then not again.
fn secured(fsrs: &FSRS, m: MemoryState, i: u32, d: u32, target: f32, decay: f32) -> Option<f32> {
    let r = recall(i as f32, m.stability, decay);
    let next = fsrs.next_states(Some(m), target, i).ok()?;
    let left = (d - i) as f32;
    Some(
        r * recall(left, next.good.memory.stability, decay)
            + (1.0 - r) * recall(left, next.again.memory.stability, decay),
    )
}

/// The exam policy's interval in days for a card whose memory after this answer is `m`, with
/// `days_left` ≥ 1 days to the exam; at most `days_left` (= not before the exam).
pub fn exam_interval(fsrs: &FSRS, m: MemoryState, days_left: u32, target: f32, decay: f32) -> f32 {
    let d = days_left.max(1);
    if !(m.stability.is_finite() && m.stability > 0.0) {
        return 1.0;
    }
    if recall(d as f32, m.stability, decay) >= target || d == 1 {
        return d as f32;
    }
    let interim = interval_at(m.stability, INTERIM_RETENTION, decay).clamp(1.0, (d - 1) as f32);
    let ok = |i: u32| secured(fsrs, m, i, d, target, decay).is_some_and(|r| r >= target);
    let last = (interim.round() as u32).clamp(1, d - 1);
    if !ok(last) {
        // No review by the interim day secures exam day yet: review then to build stability.
        return interim;
    }
    // The expected recall on exam day rises with a later review (less time left to forget):
    // the earliest securing day by bisection over [1, last].
    let (mut lo, mut hi) = (1, last);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if ok(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo as f32
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn fsrs() -> FSRS {
        FSRS::new(&fsrs::DEFAULT_PARAMETERS).unwrap()
    }
    const DECAY: f32 = fsrs::FSRS6_DEFAULT_DECAY;

    #[test]
    fn the_curve_passes_the_target_at_the_fsrs_interval() {
        // By FSRS's definition recall is 0.9 after S days.
        assert!((recall(10.0, 10.0, DECAY) - 0.9).abs() < 1e-4);
        assert!((interval_at(10.0, 0.9, DECAY) - 10.0).abs() < 1e-3);
        assert!(interval_at(10.0, 0.8, DECAY) > 10.0);
    }

    #[test]
    fn a_strong_card_waits_for_the_exam() {
        let m = MemoryState {
            stability: 200.0,
            difficulty: 5.0,
        };
        assert_eq!(exam_interval(&fsrs(), m, 20, 0.9, DECAY), 20.0);
    }

    #[test]
    fn a_middling_card_gets_one_securing_review_before_the_exam() {
        let f = fsrs();
        let m = MemoryState {
            stability: 5.0,
            difficulty: 5.0,
        };
        let i = exam_interval(&f, m, 30, 0.9, DECAY) as u32;
        assert!((1..30).contains(&i), "{i}");
        // That review secures the target, the day before would not.
        assert!(secured(&f, m, i, 30, 0.9, DECAY).unwrap() >= 0.9);
        if i > 1 {
            assert!(secured(&f, m, i - 1, 30, 0.9, DECAY).unwrap() < 0.9);
        }
    }

    #[test]
    fn a_weak_card_is_reviewed_before_the_eve() {
        let m = MemoryState {
            stability: 0.5,
            difficulty: 9.0,
        };
        let i = exam_interval(&fsrs(), m, 60, 0.9, DECAY);
        assert!((1.0..59.0).contains(&i), "{i}");
    }
}
