//! Session tests written as "state, action, expected state".
use super::*;
use crate::sched::{Rating, SchedConfig, DAY_MS};

const NOW: i64 = 1_704_110_400_000; // 2024-01-01 12:00 UTC, study day 19723
const TODAY: i64 = 19_723;
const MIN: i64 = 60_000;

fn sched() -> Scheduler {
    Scheduler::new(SchedConfig {
        fuzz: false,
        ..SchedConfig::default()
    })
    .unwrap()
}

fn key(deck: &str, note: &str) -> NoteKey {
    NoteKey {
        deck: DeckId(deck.into()),
        note: NoteId(note.into()),
    }
}

fn new_card(id: CardId, note: &str) -> CardRow {
    CardRow {
        id,
        note: key("d", note),
        state: CardState::new_card(NOW - DAY_MS),
        suspended: false,
        buried_until: None,
        leech: false,
    }
}

fn review_card(id: CardId, note: &str, due: i64, stability: f64, last_review: i64) -> CardRow {
    CardRow {
        state: CardState {
            phase: Phase::Review,
            due,
            stability,
            difficulty: 5.0,
            reps: 3,
            lapses: 0,
            step: 0,
            last_review: Some(last_review),
            scheduled_days: 3,
        },
        ..new_card(id, note)
    }
}

fn learning_card(id: CardId, note: &str, due: i64) -> CardRow {
    CardRow {
        state: CardState {
            phase: Phase::Learning,
            due,
            stability: 2.3,
            difficulty: 2.1,
            reps: 1,
            lapses: 0,
            step: 1,
            last_review: Some(due - 10 * MIN),
            scheduled_days: 0,
        },
        ..new_card(id, note)
    }
}

fn ctx() -> StudyCtx {
    StudyCtx::new(&sched(), 0, HashMap::new())
}

fn session(cards: Vec<CardRow>) -> Session {
    Session::new(cards, TodayCounts::default(), Limits::default(), ctx(), NOW)
}

/// Answers whatever comes next with `rating` at `now`; returns the card and the effects.
fn answer_next(s: &mut Session, rating: Rating, now: i64) -> (CardId, Answered) {
    let id = s.next_card(now).expect("a card is due");
    let row = s.card(id).unwrap().clone();
    let out = sched()
        .answer(&row.state, rating, now, &s.day_ctx(id).unwrap(), id as u64)
        .unwrap();
    let eff = s.answered(id, &out, 1000 + id, 0).unwrap();
    (id, eff)
}

#[test]
fn order_learning_due_then_reviews_and_new_interleaved_then_learn_ahead() {
    // state: a learning card due now, one due in 15 min, 4 reviews, 2 new cards
    let mut cards = vec![
        learning_card(1, "l1", NOW - MIN),
        learning_card(2, "l2", NOW + 15 * MIN),
    ];
    for i in 0..4 {
        cards.push(review_card(
            10 + i,
            &format!("r{i}"),
            NOW - (4 - i) * DAY_MS,
            10.0,
            NOW - 20 * DAY_MS,
        ));
    }
    cards.push(new_card(20, "n0"));
    cards.push(new_card(21, "n1"));
    let mut s = session(cards);
    assert_eq!(
        s.counts(),
        Counts {
            new: 2,
            learning: 2,
            review: 4
        }
    );
    // action: answer Good repeatedly at NOW (the graduated card 1 leaves today's queue)
    let mut seen = Vec::new();
    while let Some(id) = s.next_card(NOW) {
        seen.push(id);
        let row = s.card(id).unwrap().clone();
        let out = sched()
            .answer(&row.state, Rating::Easy, NOW, &s.day_ctx(id).unwrap(), 1)
            .unwrap();
        s.answered(id, &out, id, 0).unwrap();
    }
    // expected: learning 1, reviews by due with new cards spread among them, learn-ahead 2 last
    assert_eq!(seen, vec![1, 10, 20, 11, 12, 21, 13, 2]);
    assert_eq!(s.counts(), Counts::default());
    assert_eq!(
        s.done_today(),
        TodayCounts {
            new_introduced: 2,
            reviews_done: 4
        }
    );
}

#[test]
fn learning_card_beyond_learn_ahead_waits() {
    // state: only a learning card due in 30 minutes
    let s = session(vec![learning_card(1, "a", NOW + 30 * MIN)]);
    // expected: nothing to show now, but the UI can say when
    assert_eq!(s.next_card(NOW), None);
    assert_eq!(s.next_learning_due(), Some(NOW + 30 * MIN));
    assert_eq!(s.counts().learning, 1);
    assert_eq!(s.next_card(NOW + 11 * MIN), Some(1));
}

#[test]
fn new_card_goes_to_learning_and_comes_back_after_its_step() {
    let mut s = session(vec![new_card(1, "a")]);
    let (id, _) = answer_next(&mut s, Rating::Good, NOW);
    assert_eq!(id, 1);
    assert_eq!(
        s.counts(),
        Counts {
            new: 0,
            learning: 1,
            review: 0
        }
    );
    // 10-minute step: learn-ahead (20 min) shows it at once as nothing else is left
    assert_eq!(s.next_card(NOW), Some(1));
    assert_eq!(s.card(1).unwrap().state.due, NOW + 10 * MIN);
    let (_, _) = answer_next(&mut s, Rating::Good, NOW + 10 * MIN);
    assert_eq!(s.card(1).unwrap().state.phase, Phase::Review);
    assert_eq!(s.next_card(NOW + 10 * MIN), None);
}

#[test]
fn daily_limits_hold_cards_back_and_say_so() {
    // state: 25 new (5 already introduced today), 210 due reviews (195 done today)
    let mut cards: Vec<CardRow> = (0..25).map(|i| new_card(i, &format!("n{i}"))).collect();
    cards.extend((0..210).map(|i| {
        review_card(
            100 + i,
            &format!("r{i}"),
            NOW - DAY_MS,
            5.0,
            NOW - 6 * DAY_MS,
        )
    }));
    let done = TodayCounts {
        new_introduced: 5,
        reviews_done: 195,
    };
    let s = Session::new(cards, done, Limits::default(), ctx(), NOW);
    assert_eq!(
        s.counts(),
        Counts {
            new: 15,
            learning: 0,
            review: 5
        }
    );
    let notices = s.held_back();
    assert!(notices.contains(&Notice::NewLimitReached {
        held: 10,
        limit: 20
    }));
    assert!(notices.contains(&Notice::ReviewLimitReached {
        held: 205,
        limit: 200
    }));
}

#[test]
fn answering_a_card_buries_its_siblings_until_tomorrow_and_undo_brings_them_back() {
    // state: note "a" has 3 new cards and a due review; note "b" one new card
    let cards = vec![
        review_card(1, "a", NOW - DAY_MS, 5.0, NOW - 6 * DAY_MS),
        new_card(2, "a"),
        new_card(3, "a"),
        new_card(4, "a"),
        new_card(5, "b"),
    ];
    let mut s = session(cards);
    // action: answer the review of note a
    let (id, eff) = answer_next(&mut s, Rating::Good, NOW);
    assert_eq!(id, 1);
    // expected: its 3 new siblings buried till tomorrow, the UI is told, b is next
    assert_eq!(eff.bury, vec![2, 3, 4]);
    assert_eq!(eff.buried_until, TODAY + 1);
    assert_eq!(s.held_back(), vec![Notice::SiblingsTomorrow { cards: 3 }]);
    assert_eq!(
        s.counts(),
        Counts {
            new: 1,
            learning: 0,
            review: 0
        }
    );
    assert_eq!(s.next_card(NOW), Some(5));
    // action: undo
    let UndoEntry::Answer {
        card,
        log_row_id,
        unbury,
        state_before,
        ..
    } = s.undo().unwrap()
    else {
        panic!("an answer was undone")
    };
    assert_eq!(card, 1);
    assert_eq!(log_row_id, 1001);
    assert_eq!(unbury, vec![2, 3, 4]);
    assert_eq!(state_before.phase, Phase::Review);
    assert_eq!(
        s.counts(),
        Counts {
            new: 4,
            learning: 0,
            review: 1
        }
    );
    assert_eq!(s.next_card(NOW), Some(1));
    assert_eq!(s.held_back(), vec![]);
    assert_eq!(s.card(2).unwrap().buried_until, None);
}

#[test]
fn cards_buried_earlier_stay_hidden_and_are_counted() {
    let mut buried = new_card(2, "a");
    buried.buried_until = Some(TODAY + 1);
    let mut back = new_card(3, "b");
    back.buried_until = Some(TODAY); // buried yesterday until today: back now
    let s = session(vec![buried, back]);
    assert_eq!(s.counts().new, 1);
    assert_eq!(s.next_card(NOW), Some(3));
    assert_eq!(s.held_back(), vec![Notice::SiblingsTomorrow { cards: 1 }]);
}

#[test]
fn a_leech_is_suspended_and_reported_and_undo_lifts_it() {
    // state: a review card with 7 lapses (threshold 8)
    let mut row = review_card(1, "a", NOW - DAY_MS, 5.0, NOW - 6 * DAY_MS);
    row.state.lapses = 7;
    let mut s = session(vec![row, new_card(2, "b")]);
    // action: Again
    let (id, eff) = answer_next(&mut s, Rating::Again, NOW);
    assert_eq!(id, 1);
    // expected: suspended (not back in 10 minutes), tagged, the UI is told
    assert!(eff.suspend_leech);
    assert!(s.card(1).unwrap().suspended && s.card(1).unwrap().leech);
    assert_eq!(
        s.counts(),
        Counts {
            new: 1,
            learning: 0,
            review: 0
        }
    );
    assert_eq!(s.held_back(), vec![Notice::LeechSuspended { card: 1 }]);
    // undo: back in the review queue, not suspended
    let undo = s.undo().unwrap();
    assert!(matches!(
        undo,
        UndoEntry::Answer {
            unsuspend_leech: true,
            ..
        }
    ));
    assert!(!s.card(1).unwrap().suspended);
    assert_eq!(s.next_card(NOW), Some(1));
    assert_eq!(s.held_back(), vec![]);
}

#[test]
fn suspended_cards_are_not_shown() {
    let mut row = new_card(1, "a");
    row.suspended = true;
    let s = session(vec![row]);
    assert_eq!(s.next_card(NOW), None);
    assert_eq!(s.counts(), Counts::default());
}

#[test]
fn exam_window_puts_the_weakest_first_outside_it_due_order() {
    // state: three reviews, due in order 1,2,3 but with retrievability 3 < 1 < 2
    let cards = vec![
        review_card(1, "a", NOW - 3 * DAY_MS, 10.0, NOW - 10 * DAY_MS), // R(10d, S10) = 0.90
        review_card(2, "b", NOW - 2 * DAY_MS, 50.0, NOW - 10 * DAY_MS), // ~0.98
        review_card(3, "c", NOW - DAY_MS, 2.0, NOW - 10 * DAY_MS),      // ~0.70
    ];
    let exam_in = |days: i64| {
        let mut exams = HashMap::new();
        exams.insert(DeckId("d".into()), TODAY + days);
        StudyCtx::new(&sched(), 0, exams)
    };
    let order = |ctx: StudyCtx| {
        let mut s = Session::new(
            cards.clone(),
            TodayCounts::default(),
            Limits::default(),
            ctx,
            NOW,
        );
        let mut seen = Vec::new();
        while let Some(id) = s.next_card(NOW) {
            seen.push(id);
            let row = s.card(id).unwrap().clone();
            let out = sched()
                .answer(&row.state, Rating::Good, NOW, &s.day_ctx(id).unwrap(), 1)
                .unwrap();
            s.answered(id, &out, id, 0).unwrap();
        }
        (seen, s.held_back())
    };
    // exam in 5 days: inside the 7-day window
    let (seen, notices) = order(exam_in(5));
    assert_eq!(seen, vec![3, 1, 2]);
    assert_eq!(
        notices,
        vec![Notice::ExamFocus {
            deck: DeckId("d".into()),
            days_left: 5
        }]
    );
    // exam in 30 days, and exam yesterday: due order
    assert_eq!(order(exam_in(30)).0, vec![1, 2, 3]);
    assert_eq!(order(exam_in(-1)).0, vec![1, 2, 3]);
    // and with an exam ahead no answer is scheduled past it
    let mut s = Session::new(
        cards.clone(),
        TodayCounts::default(),
        Limits::default(),
        exam_in(5),
        NOW,
    );
    let id = s.next_card(NOW).unwrap();
    let out = sched()
        .answer(
            &s.card(id).unwrap().state,
            Rating::Easy,
            NOW,
            &s.day_ctx(id).unwrap(),
            1,
        )
        .unwrap();
    assert_eq!(out.next.scheduled_days, 5);
    s.answered(id, &out, 1, 0).unwrap();
}

#[test]
fn undo_restores_a_learning_answer_and_the_counters() {
    let mut s = session(vec![new_card(1, "a"), new_card(2, "b")]);
    answer_next(&mut s, Rating::Again, NOW);
    assert_eq!(s.done_today().new_introduced, 1);
    assert_eq!(
        s.counts(),
        Counts {
            new: 1,
            learning: 1,
            review: 0
        }
    );
    let undo = s.undo().unwrap();
    assert!(
        matches!(undo, UndoEntry::Answer { state_before, .. } if state_before.phase == Phase::New)
    );
    assert_eq!(
        s.counts(),
        Counts {
            new: 2,
            learning: 0,
            review: 0
        }
    );
    assert_eq!(s.done_today().new_introduced, 0);
    assert_eq!(s.card(1).unwrap().state.phase, Phase::New);
    assert!(s.undo().is_none());
}

#[test]
fn unknown_card_is_an_error() {
    let mut s = session(vec![]);
    let out = sched()
        .answer(
            &CardState::new_card(NOW),
            Rating::Good,
            NOW,
            &DayCtx::default(),
            1,
        )
        .unwrap();
    assert_eq!(s.answered(9, &out, 1, 0), Err(StudyError::UnknownCard(9)));
}

#[test]
fn take_new_takes_one_card_per_note_and_skips_held_notes() {
    // state: notes a (3 cards), b (2), c (1), d (2) in introduction order; b is held back
    let cards = [
        (1, "a"),
        (2, "a"),
        (3, "a"),
        (4, "b"),
        (5, "b"),
        (6, "c"),
        (7, "d"),
        (8, "d"),
    ];
    let held = |n: &&str| *n == "b";
    // action: take 2, then 5
    let two = take_new(cards, |c| c.1, held, 2);
    assert_eq!(
        two,
        [(1, "a"), (6, "c")],
        "a's siblings and held b never count"
    );
    let five = take_new(cards, |c| c.1, held, 5);
    assert_eq!(
        five,
        [(1, "a"), (6, "c"), (7, "d")],
        "three notes can give three"
    );
    assert!(take_new(cards, |c| c.1, held, 0).is_empty());
}

#[test]
fn take_new_stops_reading_once_the_allowance_is_used() {
    let mut read = 0;
    let cards = (0..1000).map(|i| {
        read += 1;
        (i, i / 2)
    });
    let got = take_new(cards, |c| c.1, |_| false, 3);
    assert_eq!(got, [(0, 0), (2, 1), (4, 2)]);
    assert_eq!(
        read, 5,
        "cards after the third note's first card are not read"
    );
}

#[test]
fn remove_takes_a_card_out_without_refilling_and_undo_puts_it_back() {
    // state: three new cards of three notes, new limit 2 (so one waits beyond the limit)
    let limits = Limits {
        new_per_day: 2,
        ..Limits::default()
    };
    let cards = vec![new_card(1, "a"), new_card(2, "b"), new_card(3, "c")];
    let mut s = Session::new(cards, TodayCounts::default(), limits, ctx(), NOW);
    assert_eq!(s.counts().new, 2);
    // action: suspend card 1
    s.remove(1, Removal::Suspended).unwrap();
    // expected: one left, card 3 does not move up into its place
    assert_eq!(s.counts().new, 1);
    assert_eq!(s.next_card(NOW), Some(2));
    // action: undo
    assert_eq!(
        s.undo(),
        Some(UndoEntry::Removed {
            card: 1,
            how: Removal::Suspended
        })
    );
    assert_eq!(s.counts().new, 2);
    assert!(!s.card(1).unwrap().suspended);
    assert_eq!(s.next_card(NOW), Some(1));
}

#[test]
fn tally_counts_answers_and_undo_takes_them_back() {
    let mut s = session(vec![new_card(1, "a"), new_card(2, "b")]);
    answer_next(&mut s, Rating::Again, NOW);
    answer_next(&mut s, Rating::Good, NOW + 1000);
    assert_eq!(
        s.tally(),
        Tally {
            answered: 2,
            correct: 1,
            duration_ms: 0
        }
    );
    s.undo();
    assert_eq!(s.tally().answered, 1);
    assert_eq!(s.tally().correct, 0);
}

#[test]
fn forget_takes_a_card_answered_elsewhere_out_of_the_queue() {
    let mut s = session(vec![new_card(1, "a"), new_card(2, "b")]);
    let mut st = s.card(1).unwrap().state;
    st.phase = Phase::Review;
    st.due = NOW + 3 * DAY_MS;
    s.forget(1, st).unwrap();
    assert_eq!(s.counts().new, 1);
    assert_eq!(s.next_card(NOW), Some(2));
    assert!(!s.can_undo(), "not undoable here: it was not done here");
}
