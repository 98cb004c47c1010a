//! The TUI's engine over a real database: a temp-dir SQLite file synced from
//! `tests/fixtures/study/`, a clock the test moves. Answers must be visible to another
//! connection when `answer` returns; undo takes them back; siblings are buried; the 8th lapse
//! suspends a leech; previews are what answering does.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

mod common;

use tiankong::config::Config;
use tiankong::deck::DeckId;
use tiankong::sched::{CardState, DayCtx, Phase, Rating};
use tiankong::store::{Store, SyncReport};
use tiankong::tui::data::{BrowseQuery, CardRef, CardToShow, Notice, StateFilter, StudyStep};
use tiankong::tui::db_engine::change_lines;
use tiankong::tui::{DbEngine, Engine};

/// 2025-03-01 10:00 UTC.
const NOW: i64 = 1_740_823_200_000;
const MIN: i64 = 60_000;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/study")
}

fn sync(store: &mut Store, dir: &Path, now: i64) -> SyncReport {
    common::sync_dir(store, dir, now)
}

struct Env {
    _dir: tempfile::TempDir,
    db: PathBuf,
    clock: Rc<Cell<i64>>,
    engine: DbEngine,
}

fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut store = Store::open_no_backup(&db).unwrap();
    sync(&mut store, &fixtures(), NOW);
    let clock = Rc::new(Cell::new(NOW));
    let c = clock.clone();
    let engine = DbEngine::new(store, &Config::default(), vec![])
        .unwrap()
        .with_clock(move || c.get());
    Env {
        _dir: dir,
        db,
        clock,
        engine,
    }
}

/// A second connection: what another process would see.
fn other(db: &Path) -> Store {
    Store::open_no_backup(db).unwrap()
}

fn card(step: &StudyStep) -> &CardToShow {
    match step {
        StudyStep::Card { card, .. } => card,
        StudyStep::Done { .. } => panic!("expected a card, got {step:?}"),
    }
}

fn notices(step: &StudyStep) -> &[Notice] {
    match step {
        StudyStep::Card { notices, .. } | StudyStep::Done { notices, .. } => notices,
    }
}

fn xinzhi() -> DeckId {
    DeckId("xinzhi".into())
}

#[test]
fn an_answer_is_committed_when_answer_returns_and_undo_takes_it_back() {
    let mut e = env();
    let first = card(&e.engine.start(None).unwrap()).clone();
    assert_eq!(first.deck_title, "党的二十大报告");
    assert_eq!(first.prompt.as_deref(), Some("中国式现代化的五个特征"));
    assert_eq!(first.answers, vec!["人口规模巨大".to_string()]);
    let next = e.engine.answer(first.card, Rating::Good, 4200).unwrap();
    // Another connection sees the review row and the new state already.
    let o = other(&e.db);
    let h = o.card_history(first.card.0).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].log.rating, Rating::Good);
    assert_eq!(h[0].log.duration_ms, 4200);
    assert_eq!(o.card(first.card.0).unwrap().state.phase, Phase::Learning);
    assert_ne!(card(&next).card, first.card);

    let back = e.engine.undo().unwrap();
    assert_eq!(card(&back).card, first.card, "undo shows the card again");
    assert!(notices(&back).contains(&Notice::Undone));
    assert!(o.card_history(first.card.0).unwrap().is_empty());
    let st = o.card(first.card.0).unwrap().state;
    assert_eq!(st.phase, Phase::New);
    assert_eq!(st.reps, 0);
    // The siblings buried by the answer are back too.
    let sib = o
        .note_cards(
            &DeckId("ershida".into()),
            &tiankong::deck::NoteId("tezheng".into()),
        )
        .unwrap();
    assert!(sib.iter().all(|c| c.buried_until_ms == 0), "{sib:?}");
    let nothing = {
        e.engine.answer(first.card, Rating::Good, 1000).unwrap();
        e.engine.undo().unwrap();
        e.engine.undo().unwrap()
    };
    assert!(notices(&nothing).contains(&Notice::NothingToUndo));
}

#[test]
fn a_list_note_gives_one_new_card_a_day_and_its_siblings_wait() {
    let mut e = env();
    let first = card(&e.engine.start(None).unwrap()).clone();
    let step = e.engine.answer(first.card, Rating::Good, 1000).unwrap();
    let o = other(&e.db);
    let cards = o
        .note_cards(
            &DeckId("ershida".into()),
            &tiankong::deck::NoteId("tezheng".into()),
        )
        .unwrap();
    assert_eq!(cards.len(), 6);
    let day = o.day_at(NOW, 4).unwrap();
    let siblings: Vec<CardRef> = cards
        .iter()
        .filter(|c| c.id != first.card.0)
        .map(|c| CardRef(c.id))
        .collect();
    // None of them is shown again today: not in this session, nor in a fresh engine (another
    // process, or this one restarted), which reads the answer from the review log.
    let mut seen = vec![];
    let mut step = step;
    while let StudyStep::Card { card, .. } = &step {
        seen.push(card.card);
        step = e.engine.answer(card.card, Rating::Easy, 1000).unwrap();
    }
    let c = e.clock.get();
    let mut fresh = DbEngine::new(other(&e.db), &Config::default(), vec![])
        .unwrap()
        .with_clock(move || c + MIN);
    let mut step = fresh.start(None).unwrap();
    while let StudyStep::Card { card, .. } = &step {
        seen.push(card.card);
        step = fresh.answer(card.card, Rating::Easy, 1000).unwrap();
    }
    assert!(!seen.is_empty());
    assert!(siblings.iter().all(|s| !seen.contains(s)), "{seen:?}");
    // A new session the next day shows them.
    e.clock.set(day.end_ms + 10 * MIN);
    let mut step = e.engine.start(Some(&DeckId("ershida".into()))).unwrap();
    let mut tomorrow = vec![];
    while let StudyStep::Card { card, .. } = &step {
        tomorrow.push(card.card);
        step = e.engine.answer(card.card, Rating::Easy, 1000).unwrap();
    }
    assert!(
        siblings.iter().any(|s| tomorrow.contains(s)),
        "{tomorrow:?}"
    );
}

#[test]
fn previews_are_what_answering_does() {
    let mut e = env();
    let first = card(&e.engine.start(Some(&xinzhi())).unwrap()).clone();
    for (i, r) in [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy]
        .into_iter()
        .enumerate()
    {
        let p = first.previews[i];
        assert_eq!(p.rating, r);
        // The scheduler itself, on a new card (its steps do not depend on the time zone).
        let direct = e
            .engine
            .scheduler()
            .answer(
                &CardState::new_card(NOW),
                r,
                NOW,
                &DayCtx::default(),
                first.card.0 as u64,
            )
            .unwrap();
        assert_eq!(p.interval_secs, direct.interval_ms() / 1000, "{r:?}");
        // And what answering records.
        e.engine.answer(first.card, r, 1000).unwrap();
        let h = other(&e.db).card_history(first.card.0).unwrap();
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].log.interval_secs, p.interval_secs, "{r:?}");
        e.engine.undo().unwrap();
    }
    let secs: Vec<i64> = first.previews.iter().map(|p| p.interval_secs).collect();
    // Again: the first step (1 min); Hard: between the two steps ((60 + 600) / 2, as Anki);
    // Good: the second step (10 min).
    assert_eq!(&secs[..3], &[60, 330, 600], "the learning steps");
    assert!(secs[3] >= 86_400, "Easy graduates: {secs:?}");
}

#[test]
fn the_eighth_lapse_suspends_a_leech_and_says_so() {
    let mut e = env();
    // Keep one card of the xinzhi deck: suspend the others from the browser.
    let rows = e
        .engine
        .browse(&BrowseQuery {
            deck: Some(xinzhi()),
            ..Default::default()
        })
        .unwrap()
        .rows;
    assert_eq!(rows.len(), 4);
    let id = rows[0].card;
    for r in &rows[1..] {
        e.engine.set_suspended(r.card, true).unwrap();
    }
    let mut lapses = 0;
    for _ in 0..200 {
        let st = other(&e.db).card(id.0).unwrap().state;
        if st.due > e.clock.get() {
            e.clock.set(st.due + MIN);
        }
        let step = e.engine.start(Some(&xinzhi())).unwrap();
        assert_eq!(card(&step).card, id);
        let rating = if st.phase == Phase::Review {
            Rating::Again
        } else {
            Rating::Good
        };
        let step = e.engine.answer(id, rating, 1000).unwrap();
        if rating == Rating::Again {
            lapses += 1;
        }
        let leech = notices(&step).contains(&Notice::LeechSuspended);
        assert_eq!(
            leech,
            lapses == 8 && rating == Rating::Again,
            "lapse {lapses}"
        );
        if leech {
            break;
        }
    }
    assert_eq!(lapses, 8);
    let c = other(&e.db).card(id.0).unwrap();
    assert!(c.suspended && c.leech, "{c:?}");
    assert_eq!(c.state.lapses, 8);
    // Gone from study, listed as a leech.
    e.clock.set(c.state.due + 2 * 86_400_000);
    assert!(matches!(
        e.engine.start(Some(&xinzhi())).unwrap(),
        StudyStep::Done { .. }
    ));
    let leeches = e
        .engine
        .browse(&BrowseQuery {
            state: StateFilter::Leech,
            ..Default::default()
        })
        .unwrap()
        .rows;
    assert_eq!(leeches.len(), 1);
    assert!(leeches[0].leech && leeches[0].suspended);
    // Unsuspending from the browser gives it back, untagged.
    e.engine.set_suspended(id, false).unwrap();
    let c = other(&e.db).card(id.0).unwrap();
    assert!(!c.suspended && !c.leech);
}

#[test]
fn suspend_and_bury_take_the_card_out_and_undo_brings_it_back() {
    let mut e = env();
    let first = card(&e.engine.start(Some(&xinzhi())).unwrap()).clone();
    let step = e.engine.suspend(first.card).unwrap();
    assert!(notices(&step).contains(&Notice::Suspended));
    assert_ne!(card(&step).card, first.card);
    assert!(other(&e.db).card(first.card.0).unwrap().suspended);
    let back = e.engine.undo().unwrap();
    assert_eq!(card(&back).card, first.card);
    assert!(!other(&e.db).card(first.card.0).unwrap().suspended);

    let step = e.engine.bury(first.card).unwrap();
    assert!(notices(&step).contains(&Notice::Buried));
    let second = card(&step).card;
    assert_ne!(second, first.card);
    assert!(other(&e.db).card(first.card.0).unwrap().buried_until_ms > NOW);
    // An answer after the bury, then undo twice: the answer, then the bury.
    e.engine.answer(second, Rating::Good, 1000).unwrap();
    assert_eq!(card(&e.engine.undo().unwrap()).card, second);
    assert!(other(&e.db).card_history(second.0).unwrap().is_empty());
    assert_eq!(card(&e.engine.undo().unwrap()).card, first.card);
    assert_eq!(other(&e.db).card(first.card.0).unwrap().buried_until_ms, 0);
}

#[test]
fn two_engines_on_one_database_both_record_their_answers() {
    let mut a = env();
    let store_b = other(&a.db);
    let mut b = DbEngine::new(store_b, &Config::default(), vec![])
        .unwrap()
        .with_clock(|| NOW + 1000);
    let ca = card(&a.engine.start(Some(&xinzhi())).unwrap()).clone();
    let cb = card(&b.start(Some(&xinzhi())).unwrap()).clone();
    assert_eq!(ca.card, cb.card, "both sessions start on the same card");
    a.engine.answer(ca.card, Rating::Good, 1000).unwrap();
    // B's state is stale; its answer is recorded on top of A's.
    b.answer(cb.card, Rating::Good, 1000).unwrap();
    let h = other(&a.db).card_history(ca.card.0).unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(other(&a.db).card(ca.card.0).unwrap().state.reps, 2);
}

#[test]
fn home_summary_and_stats_count_what_was_done() {
    let mut e = env();
    let home = e.engine.home().unwrap();
    let titles: Vec<&str> = home.decks.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["党的二十大报告", "新质生产力"]);
    assert_eq!(home.decks[0].total, 19);
    // Eight notes: today's new cards are each note's first card.
    assert_eq!(home.decks[0].new, 8);
    assert_eq!(home.decks[1].exam_in_days, None);
    let (date, days) = home.exam.clone().unwrap();
    assert_eq!(date, "2099-12-20");
    assert!(days > 365 * 70, "{days}");
    assert_eq!(home.decks[0].exam_in_days, Some(days));

    let mut step = e.engine.start(Some(&xinzhi())).unwrap();
    for r in [Rating::Again, Rating::Good, Rating::Easy] {
        let c = card(&step).card;
        e.clock.set(e.clock.get() + 30_000);
        step = e.engine.answer(c, r, 20_000).unwrap();
    }
    let sum = e.engine.end_session().unwrap();
    assert_eq!((sum.answered, sum.correct, sum.seconds), (3, 2, 60));
    let home = e.engine.home().unwrap();
    assert_eq!(home.reviewed_today, 3);
    assert_eq!(home.minutes_today, 1);
    let st = e.engine.stats().unwrap();
    assert_eq!(st.reviews_total, 3);
    assert_eq!(st.reviews_today, 3);
    assert_eq!(st.heatmap.len(), 365);
    assert_eq!(*st.heatmap.last().unwrap(), 3);
    assert_eq!(st.streak, 1);
    assert_eq!(st.forecast.len(), 30);
    // 2025-03-01 was a Saturday (Monday = 0).
    assert_eq!(st.today_weekday, 5);
    assert_eq!(st.new + st.learning + st.review + st.suspended, 23);
    assert_eq!(st.learning, 2, "Again and Good leave two cards learning");
}

#[test]
fn browse_finds_text_and_detail_shows_history_and_source() {
    let mut e = env();
    let rows = e
        .engine
        .browse(&BrowseQuery {
            text: "共同富裕".into(),
            ..Default::default()
        })
        .unwrap()
        .rows;
    // The list note's six cards and the cloze card.
    assert_eq!(rows.len(), 7, "{rows:#?}");
    let cloze = rows
        .iter()
        .find(|r| r.answer == "本质特征")
        .expect("the cloze card");
    assert_eq!(cloze.question, "全体人民共同富裕是中国式现代化的□□□□。");
    let first = card(&e.engine.start(None).unwrap()).clone();
    e.engine.answer(first.card, Rating::Hard, 3000).unwrap();
    let d = e.engine.card_detail(first.card).unwrap();
    assert_eq!(d.history.len(), 1);
    assert_eq!(d.history[0].rating, Rating::Hard);
    assert_eq!(d.reps, 1);
    let src = d.source.unwrap();
    assert_eq!(src.line, Some(412));
    assert!(src.passage.contains("人口规模巨大的现代化"));
    assert_eq!(src.highlight, vec!["人口规模巨大".to_string()]);
}

#[test]
fn a_new_deck_version_says_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let decks = dir.path().join("decks");
    std::fs::create_dir(&decks).unwrap();
    let text = std::fs::read_to_string(fixtures().join("xinzhi.toml")).unwrap();
    std::fs::write(decks.join("xinzhi.toml"), &text).unwrap();
    let mut store = Store::open_no_backup(&dir.path().join("t.db")).unwrap();
    let first = sync(&mut store, &decks, NOW);
    assert!(change_lines(&first, tiankong::config::Lang::Zh).is_empty());
    let v2 = text
        .replace("version = 1", "version = 2")
        .replace("{{质优}}", "{{质优}}，{{c2::载体在产业}}")
        .replace(
            "[[note]]\nid = \"yaoqiu\"",
            "[[note]]\nid = \"xin\"\nkind = \"cloze\"\ntext = \"{{科技创新}}能够催生新产业。\"\n\n[[note]]\nid = \"old\"",
        );
    std::fs::write(decks.join("xinzhi.toml"), v2).unwrap();
    let report = sync(&mut store, &decks, NOW + MIN);
    let lines = change_lines(&report, tiankong::config::Lang::Zh);
    // A new note, a new group and the renamed note `old` (3 new cards); `yaoqiu` left.
    assert_eq!(
        lines,
        vec!["《新质生产力》已更新 v1→v2：新增 3 张，改写 0 张，移除 1 张（记录保留）".to_string()]
    );
}

/// A collection over the decks shipped in `decks/`, synced into a fresh database.
fn bundled() -> (
    tempfile::TempDir,
    PathBuf,
    Rc<Cell<i64>>,
    tiankong::app::Collection,
) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut store = Store::open_no_backup(&db).unwrap();
    let decks = Path::new(env!("CARGO_MANIFEST_DIR")).join("decks");
    sync(&mut store, &decks, NOW);
    let clock = Rc::new(Cell::new(NOW));
    let c = clock.clone();
    let coll = tiankong::app::Collection::new(store, &Config::default())
        .unwrap()
        .with_clock(move || c.get());
    (dir, db, clock, coll)
}

/// Plays one session answering Good, 30 s an answer; when only learning cards due later are
/// left, waits for them (as the student would come back). Returns the new cards answered.
fn study_day(
    coll: &mut tiankong::app::Collection,
    clock: &Cell<i64>,
    deck: Option<&DeckId>,
    day_end: i64,
) -> Vec<i64> {
    let mut new = Vec::new();
    loop {
        let mut s = coll.start(deck).unwrap();
        let mut any = false;
        while let Some(id) = coll.next_card(&mut s).unwrap() {
            any = true;
            if s.state(id).unwrap().phase == Phase::New {
                new.push(id);
            }
            coll.answer(&mut s, id, Rating::Good, 30_000).unwrap();
            clock.set(clock.get() + 30_000);
        }
        // Nothing within the learn-ahead window: come back in half an hour, until late.
        clock.set(clock.get() + 30 * MIN);
        if !any && clock.get() >= day_end - 60 * MIN {
            return new;
        }
    }
}

#[test]
fn a_fresh_database_serves_the_days_twenty_new_cards_in_one_session() {
    let (_dir, _db, clock, mut coll) = bundled();
    let before = coll.today_counts(None).unwrap();
    assert_eq!(before.new, 20, "the daily limit, over all decks");
    let mut s = coll.start(None).unwrap();
    let mut new = 0;
    while let Some(id) = coll.next_card(&mut s).unwrap() {
        if s.state(id).unwrap().phase == Phase::New {
            new += 1;
        }
        coll.answer(&mut s, id, Rating::Easy, 5_000).unwrap();
        clock.set(clock.get() + 5_000);
    }
    assert_eq!(new, 20, "one session, all of the day's new cards");
    assert_eq!(coll.today_counts(None).unwrap().new, 0, "the limit is used");
    let sum = coll.summary(&s).unwrap();
    assert_eq!(sum.tally.answered, 20);
    assert_eq!(sum.left.new + sum.left.learning + sum.left.review, 0);
}

#[test]
fn a_decks_today_count_is_what_its_session_serves() {
    let (_dir, _db, clock, mut coll) = bundled();
    let (rows, all) = coll.today_by_deck().unwrap();
    assert!(rows.len() > 2);
    assert!(rows.iter().all(|(_, c)| c.new <= 20));
    assert_eq!(all.new, 20);
    let day_end = coll.today().unwrap().day.end_ms;
    let mut total = 0;
    for deck in rows.iter().map(|(d, _)| d).take(3) {
        // Asked again now: a deck studied before this one used part of the daily limit.
        let c = coll.today_counts(Some(&deck.id)).unwrap();
        let mut s = coll.start(Some(&deck.id)).unwrap();
        assert_eq!(
            s.counts(),
            c,
            "the session's header starts from the same count"
        );
        // Easy sends a new card days ahead: one pass serves the deck's day.
        let mut served = 0;
        while let Some(id) = coll.next_card(&mut s).unwrap() {
            assert_eq!(s.state(id).unwrap().phase, Phase::New);
            coll.answer(&mut s, id, Rating::Easy, 1000).unwrap();
            clock.set(clock.get() + 10_000);
            served += 1;
        }
        assert!(clock.get() < day_end);
        assert_eq!(served, c.new, "deck {}", deck.id.0);
        total += served;
    }
    assert!(total <= 20, "the limit is over all decks: {total}");
}

#[test]
fn home_header_summary_and_decks_json_agree() {
    let (dir, db, clock, coll) = bundled();
    let mut e = DbEngine::over(coll, vec![]);
    let home = e.engine_home();
    let deck = home.decks[1].clone();
    let step = e.start(Some(&deck.id)).unwrap();
    let StudyStep::Card { progress, .. } = &step else {
        panic!("{step:?}")
    };
    assert_eq!(
        (progress.new, progress.learning, progress.review),
        (deck.new, deck.learning, deck.due),
        "header = home row"
    );
    // decks --json on the same database and decks (the binary, as a script would run it).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tiankong"))
        .args(["decks", "--json"])
        .env("TIANKONG_DB", &db)
        .env(
            "TIANKONG_DECKS",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("decks"),
        )
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == deck.id.0.as_str())
        .unwrap();
    assert_eq!(row["today"]["new"], deck.new);
    assert_eq!(row["today"]["learning"], deck.learning);
    assert_eq!(row["today"]["review"], deck.due);
    // Answer everything: the header's last count and the summary agree.
    let mut step = step;
    let mut answered = 0;
    while let StudyStep::Card { card, .. } = &step {
        answered += 1;
        clock.set(clock.get() + 20 * MIN);
        step = e.answer(card.card, Rating::Easy, 1000).unwrap();
    }
    let StudyStep::Done { summary, .. } = step else {
        unreachable!()
    };
    assert_eq!(summary.answered, answered);
    assert_eq!(
        summary.left.done, answered,
        "the header after the last answer"
    );
    assert_eq!(summary.left.left(), 0);
    let after = e.engine_home();
    let row = after.decks.iter().find(|d| d.id == deck.id).unwrap();
    assert_eq!(
        (row.new, row.learning),
        (0, 0),
        "home after the session: nothing left"
    );
}

#[test]
fn seven_days_answering_good_introduce_the_daily_limit_each_day() {
    let (_dir, _db, clock, mut coll) = bundled();
    let mut introduced = 0;
    for day in 0..7 {
        // Each day at 10:00 (UTC here; the day rolls over at 4 a.m. local time).
        clock.set(NOW + day * 86_400_000);
        let end = coll.today().unwrap().day.end_ms;
        let new = study_day(&mut coll, &clock, None, end);
        introduced += new.len();
    }
    eprintln!("{introduced} cards introduced in a week");
    assert!(introduced >= 126, "{introduced} cards introduced in a week");
}

trait HomeOf {
    fn engine_home(&mut self) -> tiankong::tui::data::HomeData;
}

impl HomeOf for DbEngine {
    fn engine_home(&mut self) -> tiankong::tui::data::HomeData {
        self.home().unwrap()
    }
}
