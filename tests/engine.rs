//! The TUI's engine over a real database: a temp-dir SQLite file synced from
//! `tests/fixtures/study/`, a clock the test moves. Answers must be visible to another
//! connection when `answer` returns; undo takes them back; siblings are buried; the 8th lapse
//! suspends a leech; previews are what answering does.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use tiankong::config::Config;
use tiankong::deck::fs::load_dirs;
use tiankong::deck::DeckId;
use tiankong::sched::{CardState, DayCtx, Phase, Rating};
use tiankong::store::{FileMeta, Store, SyncDeck, SyncReport};
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
    let coll = load_dirs(&[dir.to_path_buf()]);
    let metas: Vec<FileMeta> = coll
        .decks
        .iter()
        .map(|d| FileMeta {
            path: d.path.clone(),
            size: d.size,
            mtime_ns: d.mtime_ns,
            hash: d.hash,
        })
        .collect();
    let decks: Vec<SyncDeck<'_>> = coll
        .decks
        .iter()
        .zip(&metas)
        .map(|(d, file)| SyncDeck {
            file,
            deck: &d.deck,
        })
        .collect();
    store.sync(&decks, now).unwrap()
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
fn answering_a_list_item_buries_its_siblings_until_tomorrow() {
    let mut e = env();
    let first = card(&e.engine.start(None).unwrap()).clone();
    let step = e.engine.answer(first.card, Rating::Good, 1000).unwrap();
    // Five siblings (four items and the whole-list card).
    assert!(
        notices(&step).contains(&Notice::SiblingsHeld(5)),
        "{step:?}"
    );
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
    let step = fresh.start(None).unwrap();
    assert!(
        // Both list notes were answered: 5 + 6 siblings.
        notices(&step).contains(&Notice::SiblingsHeld(11)),
        "held back siblings are announced: {step:?}"
    );
    let mut step = step;
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
    assert_eq!(home.decks[0].new, 19);
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
