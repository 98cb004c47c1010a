//! Cram selection: the cards least likely to be recalled now, for a drill outside the
//! schedule. A card never reviewed counts as recall 0: nothing has been learnt yet.
use crate::sched::{CardState, DayCtx, Phase, Scheduler};

/// The `n` cards (all when `None`) with the lowest retrievability at `now_ms`, lowest first;
/// ties keep the given order. Returns each card with its retrievability.
pub fn select<T>(
    cards: Vec<(T, CardState)>,
    sched: &Scheduler,
    now_ms: i64,
    ctx: &DayCtx,
    n: Option<usize>,
) -> Vec<(T, f32)> {
    let mut scored: Vec<(T, f32)> = cards
        .into_iter()
        .map(|(t, s)| {
            let r = if s.phase == Phase::New || s.last_review.is_none() {
                0.0
            } else {
                sched.retrievability(&s, now_ms, ctx)
            };
            (t, r)
        })
        .collect();
    scored.sort_by(|a, b| a.1.total_cmp(&b.1));
    if let Some(n) = n {
        scored.truncate(n);
    }
    scored
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::sched::{SchedConfig, DAY_MS};

    #[test]
    fn weakest_first_and_new_cards_count_as_unknown() {
        let s = Scheduler::new(SchedConfig::default()).unwrap();
        let now = 1_704_110_400_000;
        let reviewed = |stab: f64, days: i64| CardState {
            phase: Phase::Review,
            stability: stab,
            difficulty: 5.0,
            last_review: Some(now - days * DAY_MS),
            ..CardState::new_card(now)
        };
        let cards = vec![
            ("strong", reviewed(100.0, 5)),
            ("new", CardState::new_card(now)),
            ("weak", reviewed(2.0, 20)),
        ];
        let got = select(cards, &s, now, &DayCtx::default(), Some(2));
        let names: Vec<&str> = got.iter().map(|g| g.0).collect();
        assert_eq!(names, ["new", "weak"]);
        assert!(got[1].1 < 0.9);
    }
}
