//! The store against real files (tempdir databases) and `:memory:` for pure queries:
//! migrations, file modes, refusing a newer database, backups, check, card identity across
//! deck edits, answers/undo, the queue and statistics.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use tiankong::deck::{Deck, DeckId, DeckMeta, ListNote, Note, NoteBody, NoteId};
use tiankong::sched::{CardState, Phase, Rating};
use tiankong::store::{
    check, BrowseFilter, BrowseState, Day, FileMeta, LogRow, Store, StoreError, SyncDeck,
    SCHEMA_VERSION,
};

const DAY: i64 = 86_400_000;
const T0: i64 = 1_700_000_000_000;

fn list(id: &str, prompt: &str, items: &[&str]) -> Note {
    Note {
        id: NoteId(id.into()),
        body: NoteBody::List(ListNote {
            prompt: prompt.into(),
            items: items.iter().map(|s| s.to_string()).collect(),
            ordered: true,
            context: vec![],
            item_lines: vec![],
        }),
        source: None,
        passage: Some("原文段落".into()),
        tags: vec![],
        generated: None,
        heading: vec![],
        priority: None,
    }
}

fn cloze(id: &str, text: &str) -> Note {
    Note {
        id: NoteId(id.into()),
        body: NoteBody::Cloze { text: text.into() },
        source: None,
        passage: None,
        tags: vec![],
        generated: None,
        heading: vec![],
        priority: None,
    }
}

fn deck(id: &str, notes: Vec<Note>) -> Deck {
    Deck {
        meta: DeckMeta {
            id: DeckId(id.into()),
            title: format!("{id} title"),
            version: Some(1),
            source: None,
            date: None,
            exam: None,
            full_title: None,
            new_order: None,
            removed: vec![],
        },
        notes,
    }
}

fn meta(path: &str, hash: u64) -> FileMeta {
    FileMeta {
        path: PathBuf::from(path),
        size: 100 + hash,
        mtime_ns: hash as i64,
        hash,
    }
}

fn sync(store: &mut Store, decks: &[(&Deck, FileMeta)], now: i64) -> tiankong::store::SyncReport {
    let sd: Vec<SyncDeck<'_>> = decks
        .iter()
        .map(|(d, m)| SyncDeck { file: m, deck: d })
        .collect();
    store.sync(&sd, now).unwrap()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// An answer that moves a card to review, due `days` later.
fn answer(store: &mut Store, card: i64, now: i64, rating: Rating) -> (i64, CardState) {
    let before = store.card(card).unwrap().state;
    let after = CardState {
        phase: Phase::Review,
        due: now + 3 * DAY,
        stability: 3.0,
        difficulty: 5.0,
        reps: before.reps + 1,
        lapses: before.lapses + u32::from(rating == Rating::Again && before.phase == Phase::Review),
        step: 0,
        last_review: Some(now),
        scheduled_days: 3,
    };
    let log = LogRow {
        time_ms: now,
        rating,
        phase_before: before.phase,
        phase_after: after.phase,
        elapsed_days: 0,
        scheduled_days: 3,
        interval_secs: 3 * 86_400,
        duration_ms: 4_000,
        stability: 3.0,
        difficulty: 5.0,
    };
    (
        store.record_answer(card, &before, &after, &log).unwrap(),
        before,
    )
}

fn card_by_anchor(store: &Store, deck: &str, note: &str, anchor: &str) -> i64 {
    store
        .note_cards(&DeckId(deck.into()), &NoteId(note.into()))
        .unwrap()
        .into_iter()
        .find(|c| c.anchor == anchor && !c.orphaned)
        .unwrap_or_else(|| panic!("no live card {anchor}"))
        .id
}

#[test]
fn migrations_from_empty_and_private_modes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a/b/tiankong.db");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(mode(&dir.path().join("a")), 0o700);
    assert_eq!(mode(&dir.path().join("a/b")), 0o700);
    assert_eq!(mode(&db), 0o600);
    // While open, the WAL files exist and are private too.
    for s in ["tiankong.db-wal", "tiankong.db-shm"] {
        let p = dir.path().join("a/b").join(s);
        assert!(p.exists(), "{s} missing");
        assert_eq!(mode(&p), 0o600, "{s}");
    }
    // The daily backup: made once, 0600, in a 0700 folder beside the database.
    let backups = tiankong::store::backup::list(&db);
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(mode(&backups[0]), 0o600);
    assert_eq!(mode(&dir.path().join("a/b/backups")), 0o700);
    drop(store);
    // Re-opening is a no-op migration and makes no second backup today.
    let store = Store::open(&db).unwrap();
    assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(tiankong::store::backup::list(&db).len(), 1);
    // Tables are STRICT: a text in an integer column is refused.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let strict: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%STRICT'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(strict, 6); // 0001: decks, notes, cards, review_log, settings; 0002: mistakes
    let jm: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(jm, "wal");
}

#[test]
fn daily_backups_keep_seven() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    drop(Store::open(&db).unwrap());
    let bdir = tiankong::store::backup::dir_for(&db);
    let today = tiankong::store::backup::list(&db);
    assert_eq!(today.len(), 1);
    // Another database's backups in the same folder are not ours.
    std::fs::write(bdir.join("other-daily-2099-01-01.db"), b"x").unwrap();
    assert_eq!(tiankong::store::backup::list(&db), today);
    assert_eq!(
        tiankong::store::backup::newest(&db).as_ref(),
        Some(&today[0])
    );
    // Ten older daily backups (copies), then a fresh one for today after removing it.
    for d in 1..=10 {
        std::fs::copy(&today[0], bdir.join(format!("t-daily-2020-01-{d:02}.db"))).unwrap();
    }
    std::fs::remove_file(&today[0]).unwrap();
    drop(Store::open(&db).unwrap());
    let left = tiankong::store::backup::list(&db);
    assert_eq!(left.len(), 7, "{left:?}");
    assert!(left.contains(&today[0]), "today's backup kept");
    assert!(!left.iter().any(|p| p.ends_with("t-daily-2020-01-01.db")));
}

#[test]
fn a_newer_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let mtime = std::fs::metadata(&db).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let err = Store::open(&db).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("newer tiankong"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(std::fs::metadata(&db).unwrap().modified().unwrap(), mtime);
    assert!(!dir.path().join("new.db-wal").exists());
    assert!(!dir.path().join("backups").exists());
    // And through the check command's path.
    assert!(matches!(
        check::check(&db, true, T0),
        Err(StoreError::TooNew { .. })
    ));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_newer_version_only_in_the_wal_is_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    drop(Store::open_no_backup(&db).unwrap());
    // Another process (kept open so the WAL is not checkpointed) bumps the version.
    let c = rusqlite::Connection::open(&db).unwrap();
    c.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    c.pragma_update(None, "user_version", 42).unwrap();
    let err = Store::open_no_backup(&db).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { found: 42, .. }), "{err}");
}

#[test]
fn a_second_store_in_the_process_keeps_the_first_ones_locks() {
    // The study interface opens a second connection for the day's backup while the first is
    // in use. Were that second open to touch the file outside SQLite, the process's locks on
    // it would go, and another process closing its connection would delete the WAL the first
    // connection still writes to: its answers would vanish from every other reader.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut first = Store::open_no_backup(&db).unwrap();
    first.set_setting("probe", Some("1")).unwrap();
    drop(Store::open_no_backup(&db).unwrap());
    // Another process reads (a second terminal; Python's sqlite3 as any other program would):
    // its close checkpoints and, were it the last connection as far as the locks say, deletes
    // the WAL.
    let script = "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); \
                  c.execute('SELECT count(*) FROM settings').fetchone(); c.close()";
    let status = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&db)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        dir.path().join("t.db-wal").exists(),
        "the WAL was deleted under an open store"
    );
    first.set_setting("probe", Some("2")).unwrap();
    let other = rusqlite::Connection::open(&db).unwrap();
    let v: String = other
        .query_row("SELECT value FROM settings WHERE key = 'probe'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        v, "2",
        "a write of the open store is seen by another connection"
    );
}

#[test]
fn not_a_database_names_the_newest_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    drop(Store::open(&db).unwrap());
    std::fs::write(&db, b"this is not sqlite at all, just text. ".repeat(10)).unwrap();
    let err = Store::open(&db).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("newest backup"), "{msg}");
    assert!(msg.contains("t-daily-"), "{msg}");
}

#[test]
fn check_reports_a_damaged_file_and_leaves_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    {
        let mut s = Store::open(&db).unwrap();
        let d = deck(
            "d",
            (0..200)
                .map(|i| {
                    cloze(
                        &format!("n{i}"),
                        &format!(
                            "第{i}句{{{{答案{i}}}}}的内容比较长一些，以便占满好几个数据库页面。"
                        ),
                    )
                })
                .collect(),
        );
        sync(&mut s, &[(&d, meta("d.toml", 1))], T0);
    }
    // Overwrite part of a b-tree page past the header.
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 8 * 4096, "{}", bytes.len());
    for b in &mut bytes[4096 * 3..4096 * 3 + 3000] {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();
    let r = check::check(&db, true, T0).unwrap();
    assert!(r.corrupt, "{r:?}");
    assert!(r.newest_backup.is_some());
    assert!(r.repaired.is_empty());
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "a damaged file is not altered"
    );
}

#[test]
fn check_finds_and_repairs_counters_and_stale_buries() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut s = Store::open(&db).unwrap();
    let d = deck("d", vec![list("n", "三个", &["甲甲", "乙乙", "丙丙"])]);
    sync(&mut s, &[(&d, meta("d.toml", 1))], T0);
    let a = card_by_anchor(&s, "d", "n", "甲甲");
    let b = card_by_anchor(&s, "d", "n", "乙乙");
    answer(&mut s, a, T0, Rating::Good);
    s.bury(b, T0 + 1000).unwrap();
    drop(s);
    let r = check::check(&db, false, T0).unwrap();
    assert!(r.is_clean(), "{r:?}");
    // Break a counter behind the store's back.
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute("UPDATE cards SET reps = 5 WHERE id = ?1", [a])
            .unwrap();
    }
    let r = check::check(&db, false, T0 + 2000).unwrap();
    assert_eq!(r.count_mismatches.len(), 1);
    assert_eq!(r.count_mismatches[0].card_id, a);
    assert_eq!(
        (r.count_mismatches[0].reps, r.count_mismatches[0].log_reps),
        (5, 1)
    );
    assert_eq!(r.stale_buries, 1);
    assert!(r.repaired.is_empty());
    let r = check::check(&db, true, T0 + 2000).unwrap();
    assert_eq!(r.repaired.len(), 3, "{:?}", r.repaired);
    assert!(r.repaired[0].starts_with("backup: "));
    let r = check::check(&db, false, T0 + 2000).unwrap();
    assert!(r.is_clean(), "{r:?}");
    let s = Store::open_no_backup(&db).unwrap();
    assert_eq!(s.card(a).unwrap().state.reps, 1);
    assert_eq!(s.card(b).unwrap().buried_until_ms, 0);
}

#[test]
fn identity_survives_rewording_reordering_and_insertion() {
    let mut s = Store::open_in_memory().unwrap();
    let v1 = deck(
        "d",
        vec![list(
            "geju",
            "构建新发展格局的四个着力点",
            &[
                "加快培育完整内需体系",
                "加快科技自立自强",
                "推动产业链供应链优化升级",
                "推进农业农村现代化",
            ],
        )],
    );
    let r = sync(&mut s, &[(&v1, meta("d.toml", 1))], T0);
    assert_eq!(r.changed.len(), 1);
    assert!(r.changed[0].first_sync);
    assert_eq!(r.changed[0].new.len(), 5); // four items + the whole list
    let ids: Vec<i64> = [
        "加快培育完整内需体系",
        "加快科技自立自强",
        "推动产业链供应链优化升级",
        "推进农业农村现代化",
    ]
    .iter()
    .map(|a| card_by_anchor(&s, "d", "geju", a))
    .collect();
    let whole = s
        .note_cards(&DeckId("d".into()), &NoteId("geju".into()))
        .unwrap()
        .into_iter()
        .find(|c| c.key == "whole")
        .unwrap()
        .id;
    for &id in &ids {
        answer(&mut s, id, T0, Rating::Good);
    }
    // v2: reordered, one inserted, one reworded slightly, one reworded beyond recognition
    // at the same place, prompt changed.
    let mut v2 = deck(
        "d",
        vec![list(
            "geju",
            "构建新发展格局的五个重要着力点",
            &[
                "加快科技自立自强",
                "加快培育完整内需体系",
                "提高人民生活品质",
                "推进产业链供应链优化升级",
                "全面推进乡村振兴",
            ],
        )],
    );
    v2.meta.version = Some(2);
    let r = sync(&mut s, &[(&v2, meta("d.toml", 2))], T0 + DAY);
    let c = &r.changed[0];
    assert_eq!((c.old_version, c.version), (Some(1), Some(2)));
    assert!(!c.first_sync);
    assert_eq!(c.new.len(), 1, "{c:?}");
    assert_eq!(c.new[0].anchor, "提高人民生活品质");
    assert_eq!(c.new[0].key, "item:4", "fresh key, never reused");
    assert!(c.removed.is_empty(), "{c:?}");
    let reworded: Vec<&str> = c.reworded.iter().map(|x| x.anchor.as_str()).collect();
    assert_eq!(reworded.len(), 3, "{reworded:?}");
    assert!(reworded.contains(&"推进产业链供应链优化升级"));
    assert!(reworded.contains(&"全面推进乡村振兴"));
    assert!(reworded.contains(&"构建新发展格局的五个重要着力点"));
    // Each old card kept its id, key and history under the new text.
    assert_eq!(
        card_by_anchor(&s, "d", "geju", "加快培育完整内需体系"),
        ids[0]
    );
    assert_eq!(card_by_anchor(&s, "d", "geju", "加快科技自立自强"), ids[1]);
    assert_eq!(
        card_by_anchor(&s, "d", "geju", "推进产业链供应链优化升级"),
        ids[2]
    );
    assert_eq!(card_by_anchor(&s, "d", "geju", "全面推进乡村振兴"), ids[3]);
    assert_eq!(
        card_by_anchor(&s, "d", "geju", "构建新发展格局的五个重要着力点"),
        whole
    );
    for &id in &ids {
        assert_eq!(s.card_history(id).unwrap().len(), 1);
        assert_eq!(s.card(id).unwrap().state.reps, 1);
    }
    // Slots follow the new order.
    let row = s.card(ids[0]).unwrap();
    assert_eq!(row.slot, tiankong::cloze::Slot::Item(1));
    assert_eq!(row.key, "item:0");
    // The stored note is the new one.
    let note = s
        .note(&DeckId("d".into()), &NoteId("geju".into()))
        .unwrap()
        .unwrap();
    assert_eq!(note, v2.notes[0]);
}

#[test]
fn removed_items_and_notes_are_orphaned_and_return() {
    let mut s = Store::open_in_memory().unwrap();
    let v1 = deck(
        "d",
        vec![
            list("a", "甲组", &["第一项内容", "第二项内容", "第三项内容"]),
            cloze("b", "{{共同富裕}}是中国式现代化的{{c2::本质特征}}"),
        ],
    );
    sync(&mut s, &[(&v1, meta("d.toml", 1))], T0);
    let third = card_by_anchor(&s, "d", "a", "第三项内容");
    let g1 = card_by_anchor(&s, "d", "b", "共同富裕");
    answer(&mut s, third, T0, Rating::Good);
    answer(&mut s, g1, T0, Rating::Good);
    let day = Day::new(T0 - 1000, T0 + DAY);
    assert_eq!(s.stats(T0, &day).unwrap().orphaned_cards, 0);
    // v2: the third item and the whole cloze note are gone.
    let v2 = deck("d", vec![list("a", "甲组", &["第一项内容", "第二项内容"])]);
    let r = sync(&mut s, &[(&v2, meta("d.toml", 2))], T0);
    let removed: Vec<i64> = r.changed[0].removed.iter().map(|c| c.card_id).collect();
    assert_eq!(
        removed.len(),
        3,
        "third item + two cloze groups: {removed:?}"
    );
    assert!(removed.contains(&third) && removed.contains(&g1));
    let st = s.stats(T0, &day).unwrap();
    assert_eq!(st.orphaned_cards, 2, "orphans with history");
    assert_eq!(st.cards, 3, "two items + whole");
    assert_eq!(st.reviewed_cards, 0);
    assert_eq!(st.reviews_total, 2, "history kept");
    assert!(s.card(third).unwrap().orphaned);
    // Orphans are not studied.
    let q = s
        .due_cards(
            None,
            T0 + 10 * DAY,
            &Day::new(T0 + 10 * DAY, T0 + 11 * DAY),
            100,
        )
        .unwrap();
    assert!(q.cards.iter().all(|c| c.id != third && c.id != g1));
    // v3: both come back (the item reworded a little): same cards, same history.
    let v3 = deck(
        "d",
        vec![
            list("a", "甲组", &["第一项内容", "第二项内容", "第三项的内容"]),
            cloze("b", "{{共同富裕}}是中国式现代化的{{c2::本质特征}}"),
        ],
    );
    let r = sync(&mut s, &[(&v3, meta("d.toml", 3))], T0);
    assert!(r.changed[0].new.is_empty(), "{:?}", r.changed[0].new);
    assert_eq!(r.changed[0].restored.len(), 3);
    assert_eq!(card_by_anchor(&s, "d", "a", "第三项的内容"), third);
    assert_eq!(card_by_anchor(&s, "d", "b", "共同富裕"), g1);
    assert_eq!(s.card_history(third).unwrap().len(), 1);
    let st = s.stats(T0, &day).unwrap();
    assert_eq!((st.orphaned_cards, st.reviewed_cards, st.cards), (0, 2, 6));
}

#[test]
fn a_missing_deck_is_hidden_and_returns_unchanged() {
    let mut s = Store::open_in_memory().unwrap();
    let a = deck("a", vec![list("n", "p", &["一一", "二二"])]);
    let b = deck("b", vec![cloze("n", "{{x}}y")]);
    sync(
        &mut s,
        &[(&a, meta("a.toml", 1)), (&b, meta("b.toml", 2))],
        T0,
    );
    let day = Day::new(T0, T0 + DAY);
    assert_eq!(s.deck_summaries(T0, &day).unwrap().len(), 2);
    let r = sync(&mut s, &[(&a, meta("a.toml", 1))], T0);
    assert_eq!(r.missing, vec![DeckId("b".into())]);
    assert_eq!(r.unchanged, vec![DeckId("a".into())]);
    let sums = s.deck_summaries(T0, &day).unwrap();
    assert_eq!(sums.len(), 1);
    assert_eq!(s.stats(T0, &day).unwrap().cards, 3);
    let r = sync(
        &mut s,
        &[(&a, meta("a.toml", 1)), (&b, meta("b.toml", 2))],
        T0,
    );
    assert_eq!(r.unchanged.len(), 2);
    assert!(r.changed.is_empty());
    assert_eq!(s.stats(T0, &day).unwrap().cards, 4);
}

#[test]
fn an_unchanged_file_is_skipped_without_reading_its_notes() {
    let mut s = Store::open_in_memory().unwrap();
    let a = deck("a", vec![list("n", "p", &["一一", "二二"])]);
    sync(&mut s, &[(&a, meta("a.toml", 1))], T0);
    // Same file stamp, different content: the stamp says unchanged, so nothing is read.
    let edited = deck("a", vec![list("n", "p", &["一一", "二二", "三三"])]);
    let r = sync(&mut s, &[(&edited, meta("a.toml", 1))], T0);
    assert_eq!(r.unchanged, vec![DeckId("a".into())]);
    assert_eq!(s.stats(T0, &Day::new(T0, T0 + DAY)).unwrap().cards, 3);
    // A new hash (same size and mtime) is a change.
    let mut m = meta("a.toml", 1);
    m.hash = 77;
    let r = sync(&mut s, &[(&edited, m)], T0);
    assert_eq!(r.changed[0].new.len(), 1);
    assert_eq!(s.stats(T0, &Day::new(T0, T0 + DAY)).unwrap().cards, 4);
}

#[test]
fn answers_undo_queue_and_stats() {
    let mut s = Store::open_in_memory().unwrap();
    let d = deck(
        "d",
        vec![
            list("l", "三项", &["甲甲", "乙乙", "丙丙"]),
            cloze("c", "{{一}}和{{c2::二}}"),
        ],
    );
    sync(&mut s, &[(&d, meta("d.toml", 1))], T0);
    let day = Day::new(T0 - 1000, T0 + DAY);
    // The day's new cards: each note's first card, in deck order (siblings wait for later
    // days and do not use the limit).
    let q = s.due_cards(None, T0, &day, 4).unwrap();
    let keys: Vec<&str> = q.cards.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["item:0", "group:1"]);
    assert_eq!(q.new_available, 6);
    assert_eq!(q.new_today, 0);
    let all = s
        .note_cards(&DeckId("d".into()), &NoteId("l".into()))
        .unwrap()
        .into_iter()
        .map(|c| (c.key.clone(), c.id))
        .collect::<std::collections::HashMap<_, _>>();
    let a = all["item:0"];
    let b = all["item:1"];
    let (log_a, before_a) = answer(&mut s, a, T0, Rating::Good);
    let (_log_b, _) = answer(&mut s, b, T0 + 10, Rating::Again);
    s.set_suspended(all["item:2"], true).unwrap();
    s.bury(all["whole"], T0 + DAY).unwrap();
    let q = s.due_cards(None, T0 + 20, &day, 100).unwrap();
    assert_eq!(q.new_today, 2);
    assert_eq!(q.reviews_today, 0);
    assert_eq!(
        q.notes_answered_today,
        vec![(DeckId("d".into()), NoteId("l".into()))]
    );
    let keys: Vec<&str> = q.cards.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        keys,
        ["group:1"],
        "answered, suspended and buried cards are out; note l (answered today) is held \
         back; the cloze note gives its first card"
    );
    let st = s.stats(T0 + 20, &day).unwrap();
    assert_eq!(
        (st.cards, st.new, st.learning, st.review, st.suspended),
        (6, 3, 0, 2, 1)
    );
    assert_eq!(
        (st.reviews_total, st.reviews_today, st.reviewed_cards),
        (2, 2, 2)
    );
    assert_eq!(st.due_today, 0, "due in three days");
    assert_eq!(st.buried, 1);
    // Three days later both answered cards are due.
    let later = Day::new(T0 + 3 * DAY - 1000, T0 + 4 * DAY);
    let st = s.stats(T0 + 3 * DAY, &later).unwrap();
    assert_eq!((st.due_today, st.reviews_today), (2, 0));
    let sums = s.deck_summaries(T0 + 3 * DAY, &later).unwrap();
    assert_eq!(sums.len(), 1);
    assert_eq!((sums[0].cards, sums[0].new, sums[0].due), (6, 3, 2));
    // Undo only the latest answer of a card; it restores the state and drops the row.
    let (log_a2, before_a2) = answer(&mut s, a, T0 + 3 * DAY, Rating::Hard);
    assert!(matches!(
        s.undo(log_a, &before_a),
        Err(StoreError::NotLatest { .. })
    ));
    assert_eq!(s.undo(log_a2, &before_a2).unwrap(), a);
    assert_eq!(s.card(a).unwrap().state, before_a2);
    assert_eq!(s.card_history(a).unwrap().len(), 1);
    assert_eq!(s.card_history(a).unwrap()[0].id, log_a);
    assert_eq!(s.undo(log_a, &before_a).unwrap(), a);
    assert_eq!(s.card(a).unwrap().state, before_a);
    assert!(matches!(
        s.undo(log_a, &before_a),
        Err(StoreError::NoSuchReview(_))
    ));
    assert_eq!(s.stats(T0, &day).unwrap().reviews_total, 1);
    // An answer computed from a state the card no longer has is refused, nothing written.
    let stale = s.card(a).unwrap().state;
    answer(&mut s, a, T0 + 5, Rating::Good);
    let log = s.card_history(a).unwrap().last().unwrap().log;
    assert!(matches!(
        s.record_answer(a, &stale, &stale, &log),
        Err(StoreError::Stale(_))
    ));
    assert_eq!(
        s.card_history(a).unwrap().len(),
        1,
        "only the accepted answer"
    );
    let last = s.card_history(a).unwrap().last().unwrap().id;
    s.undo(last, &stale).unwrap();
    // Leech flag and browse.
    s.set_leech(b, true).unwrap();
    let rows = s
        .browse(&BrowseFilter {
            state: BrowseState::Leech,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![b]);
    let rows = s
        .browse(&BrowseFilter {
            text: "丙".into(),
            ..Default::default()
        })
        .unwrap();
    // 丙丙 is in the list note's items: all four cards of that note match.
    assert_eq!(rows.len(), 4);
    assert!(matches!(
        s.record_answer(
            999,
            &before_a,
            &before_a,
            &LogRow {
                time_ms: 0,
                rating: Rating::Good,
                phase_before: Phase::New,
                phase_after: Phase::Review,
                elapsed_days: 0,
                scheduled_days: 1,
                interval_secs: 86_400,
                duration_ms: 1,
                stability: 1.0,
                difficulty: 5.0,
            }
        ),
        Err(StoreError::NoSuchCard(999))
    ));
}

#[test]
fn settings_and_exam_dates() {
    let mut s = Store::open_in_memory().unwrap();
    let mut d = deck("d", vec![cloze("c", "{{一}}")]);
    d.meta.exam = Some("2026-12-20".into());
    let e = deck("e", vec![cloze("c", "{{一}}")]);
    sync(
        &mut s,
        &[(&d, meta("d.toml", 1)), (&e, meta("e.toml", 2))],
        T0,
    );
    let day = Day::new(T0, T0 + DAY);
    let exams = |s: &Store| -> Vec<Option<String>> {
        s.deck_summaries(T0, &day)
            .unwrap()
            .into_iter()
            .map(|d| d.exam)
            .collect()
    };
    assert_eq!(exams(&s), [Some("2026-12-20".into()), None]);
    s.set_setting("exam", Some("2027-01-05")).unwrap();
    assert_eq!(
        exams(&s),
        [Some("2026-12-20".into()), Some("2027-01-05".into())]
    );
    s.set_setting("exam.d", Some("2026-12-01")).unwrap();
    assert_eq!(
        exams(&s),
        [Some("2026-12-01".into()), Some("2027-01-05".into())]
    );
    assert_eq!(s.setting("exam").unwrap().as_deref(), Some("2027-01-05"));
    s.set_setting("exam", None).unwrap();
    assert_eq!(s.setting("exam").unwrap(), None);
    assert_eq!(s.settings().unwrap().len(), 1);
}

#[test]
fn day_boundaries_roll_over_at_four_in_local_time() {
    // TZ is read by SQLite's localtime; UTC in this test process unless set otherwise, so
    // only check the shape: 24 h (or 23/25 across DST) long, containing now, starting at :00.
    let s = Store::open_in_memory().unwrap();
    let d = s.day_at(T0, 4).unwrap();
    assert!(d.start_ms <= T0 && T0 < d.end_ms);
    assert!((23 * 3_600_000..=25 * 3_600_000).contains(&(d.end_ms - d.start_ms)));
    assert_eq!(d.start_ms % 3_600_000, 0);
    if std::env::var("TZ").map(|t| t == "UTC").unwrap_or(false) {
        // 1_700_000_000 s = 2023-11-14 22:13:20 UTC: the day began at 04:00 that morning.
        assert_eq!(d.start_ms, 1_699_934_400_000);
    }
}

#[test]
fn answers_from_the_real_scheduler_replay_exactly() {
    use tiankong::sched::{DayCtx, SchedConfig, Scheduler};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut s = Store::open_no_backup(&db).unwrap();
    let d = deck(
        "d",
        vec![list("n", "四项", &["甲甲", "乙乙", "丙丙", "丁丁"])],
    );
    sync(&mut s, &[(&d, meta("d.toml", 1))], T0);
    let sched = Scheduler::new(SchedConfig::default()).unwrap();
    let cards: Vec<i64> = s
        .browse(&BrowseFilter::default())
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(cards.len(), 5);
    let ratings = [Rating::Good, Rating::Again, Rating::Hard, Rating::Easy];
    for (k, &card) in cards.iter().enumerate() {
        for step in 0..8 {
            let before = s.card(card).unwrap().state;
            let t = before.due.max(T0) + 60_000;
            let ctx = DayCtx {
                utc_offset_secs: s.utc_offset_secs(t).unwrap(),
                exam_day: None,
            };
            let rating = ratings[(k + step) % 4];
            let o = sched.answer(&before, rating, t, &ctx, card as u64).unwrap();
            let log = LogRow::from_outcome(&o, t, 2500);
            s.record_answer(card, &before, &o.next, &log).unwrap();
        }
    }
    drop(s);
    let r = check::check(&db, false, T0).unwrap();
    assert!(r.is_clean(), "{r:?}");
    assert_eq!(r.replayed, 5);
    assert!(r.replay_mismatches.is_empty(), "{:?}", r.replay_mismatches);
    // A state changed behind the log's back is caught by the replay.
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute(
            "UPDATE cards SET stability = stability + 1 WHERE id = ?1",
            [cards[2]],
        )
        .unwrap();
    }
    let r = check::check(&db, false, T0).unwrap();
    assert_eq!(r.replay_mismatches, vec![cards[2]]);
}

#[test]
fn optimize_fits_a_real_history_and_saves_the_parameters() {
    use tiankong::sched::{DayCtx, SchedConfig, Scheduler};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let decks = dir.path().join("decks");
    std::fs::create_dir(&decks).unwrap();
    let mut s = Store::open_no_backup(&db).unwrap();
    let items: Vec<String> = (0..30).map(|i| format!("第{i}项要点内容")).collect();
    let item_refs: Vec<&str> = items.iter().map(|s| s.as_str()).collect();
    let notes = (0..20)
        .map(|n| list(&format!("n{n}"), "三十项", &item_refs))
        .collect();
    let d = deck("d", notes);
    sync(&mut s, &[(&d, meta("d.toml", 1))], T0);
    let sched = Scheduler::new(SchedConfig::default()).unwrap();
    let cards: Vec<i64> = s
        .browse(&BrowseFilter::default())
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    // A simulated student: forgets more often on harder cards (deterministic).
    let mut batch = Vec::new();
    for &card in &cards {
        let mut st = s.card(card).unwrap().state;
        let mut logs = Vec::new();
        let mut prev = T0 - DAY;
        for step in 0..8u64 {
            // Once a day at most: sched::optimize::items keeps same-day items, whose
            // prediction is R = 1 and whose log loss is infinite after an Again (reported).
            let t = st.due.max(prev + DAY) + 3_600_000;
            prev = t;
            let ctx = DayCtx {
                utc_offset_secs: 0,
                exam_day: None,
            };
            let x = (card as u64 * 2_654_435_761 + step * 40_503) % 100;
            let rating = if x < (card as u64 % 30) {
                Rating::Again
            } else if x < 40 {
                Rating::Hard
            } else if x > 90 {
                Rating::Easy
            } else {
                Rating::Good
            };
            let o = sched.answer(&st, rating, t, &ctx, card as u64).unwrap();
            logs.push(LogRow::from_outcome(&o, t, 3000));
            st = o.next;
        }
        batch.push((card, st, logs));
    }
    assert_eq!(s.import_reviews(&batch).unwrap(), cards.len() * 8);
    drop(s);
    let run = |dry: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tiankong"));
        cmd.args(["optimize", "--db"])
            .arg(&db)
            .arg("--decks")
            .arg(&decks);
        if dry {
            cmd.arg("--dry-run");
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run(true);
    assert!(text.contains("log loss: "), "{text}");
    assert!(text.contains("RMSE: "), "{text}");
    assert!(text.contains("未保存"), "{text}");
    let s = Store::open_no_backup(&db).unwrap();
    assert_eq!(s.setting("fsrs_params").unwrap(), None);
    drop(s);
    let text = run(false);
    eprintln!("{text}");
    let s = Store::open_no_backup(&db).unwrap();
    let saved = s.setting("fsrs_params").unwrap();
    if text.contains("已保存") {
        let p: Vec<f32> = serde_json::from_str(&saved.unwrap()).unwrap();
        assert_eq!(p.len(), 21, "{text}");
        assert_eq!(s.sched_config().unwrap().parameters, p);
    } else {
        assert!(text.contains("worse"), "{text}");
        assert_eq!(saved, None);
    }
}

/// The notes whose first cards `due_cards` offers today, in order.
fn new_notes(s: &Store, limit: u32) -> Vec<String> {
    let day = Day::new(T0 - 1000, T0 + DAY);
    s.due_cards(None, T0, &day, limit)
        .unwrap()
        .cards
        .iter()
        .map(|c| c.note.0.clone())
        .collect()
}

#[test]
fn priority_and_new_order_decide_which_notes_come_first() {
    let mut s = Store::open_in_memory().unwrap();
    let mut notes: Vec<Note> = ["a", "b", "c", "d", "e", "f"]
        .iter()
        .map(|id| cloze(id, &format!("{{{{{id}{id}}}}}是答案")))
        .collect();
    notes[4].priority = Some(5); // e first
    notes[1].priority = Some(-1); // b last
    let mut d = deck("d", notes);
    sync(&mut s, &[(&d, meta("d.toml", 1))], T0);
    assert_eq!(new_notes(&s, 3), ["e", "a", "c"]);
    assert_eq!(new_notes(&s, 20), ["e", "a", "c", "d", "f", "b"]);
    // Shuffled: the same notes in another order, stable from one sync to the next, still
    // after priority.
    d.meta.new_order = Some(tiankong::deck::model::NewOrder::Shuffled);
    sync(&mut s, &[(&d, meta("d.toml", 2))], T0);
    let shuffled = new_notes(&s, 20);
    assert_eq!(shuffled[0], "e");
    assert_eq!(shuffled[5], "b");
    let mut sorted = shuffled.clone();
    sorted.sort();
    assert_eq!(sorted, ["a", "b", "c", "d", "e", "f"]);
    assert_ne!(
        shuffled,
        ["e", "a", "c", "d", "f", "b"],
        "the order changed"
    );
    sync(&mut s, &[(&d, meta("d.toml", 3))], T0);
    assert_eq!(new_notes(&s, 20), shuffled, "stable");
}

#[test]
fn a_notes_heading_is_stored_and_read_back() {
    let mut s = Store::open_in_memory().unwrap();
    let mut n = cloze("n", "{{甲}}乙");
    n.heading = vec!["报告".into(), "一、总论".into()];
    let d = deck("d", vec![n]);
    sync(&mut s, &[(&d, meta("d.toml", 1))], T0);
    let back = s
        .note(&DeckId("d".into()), &NoteId("n".into()))
        .unwrap()
        .unwrap();
    assert_eq!(back.heading, ["报告", "一、总论"]);
}

#[test]
fn a_peeked_answer_is_kept_in_the_log() {
    let mut s = Store::open_in_memory().unwrap();
    let d = deck("d", vec![cloze("n", "{{甲}}乙")]);
    sync(&mut s, &[(&d, meta("d.toml", 1))], T0);
    let id = new_notes(&s, 1).len(); // one card
    assert_eq!(id, 1);
    let day = Day::new(T0 - 1000, T0 + DAY);
    let card = s.due_cards(None, T0, &day, 1).unwrap().cards[0].clone();
    let mut after = card.state;
    after.phase = Phase::Learning;
    after.reps = 1;
    let log = LogRow {
        time_ms: T0,
        rating: Rating::Again,
        phase_before: Phase::New,
        phase_after: Phase::Learning,
        elapsed_days: 0,
        scheduled_days: 0,
        interval_secs: 60,
        duration_ms: 1000,
        stability: 1.0,
        difficulty: 5.0,
    };
    let l1 = s
        .record_answer_peeked(card.id, &card.state, &after, &log, true)
        .unwrap();
    assert!(s.review_peeked(l1).unwrap());
    let mut later = after;
    later.reps = 2;
    let l2 = s.record_answer(card.id, &after, &later, &log).unwrap();
    assert!(!s.review_peeked(l2).unwrap());
}

#[test]
fn a_tag_limits_the_days_cards_and_the_browser() {
    let mut s = Store::open_in_memory().unwrap();
    let mut a = cloze("a", "{{甲}}乙");
    a.tags = vec!["重点".into()];
    let b = cloze("b", "{{丙}}丁");
    let mut c = cloze("c", "{{戊}}己");
    c.tags = vec!["其他".into(), "重点".into()];
    let d = deck("d", vec![a, b, c]);
    sync(&mut s, &[(&d, meta("d.toml", 1))], T0);
    let day = Day::new(T0 - 1000, T0 + DAY);
    let notes = |tag: Option<&str>| -> Vec<String> {
        s.due_cards_tagged(None, tag, T0, &day, 20)
            .unwrap()
            .cards
            .iter()
            .map(|c| c.note.0.clone())
            .collect()
    };
    assert_eq!(notes(None), ["a", "b", "c"]);
    assert_eq!(notes(Some("重点")), ["a", "c"]);
    assert_eq!(notes(Some("其他")), ["c"]);
    assert!(notes(Some("无")).is_empty());
    let rows = s
        .browse(&BrowseFilter {
            tag: Some("重点".into()),
            ..Default::default()
        })
        .unwrap();
    let mut got: Vec<&str> = rows.iter().map(|r| r.note.0.as_str()).collect();
    got.sort();
    assert_eq!(got, ["a", "c"]);
}
