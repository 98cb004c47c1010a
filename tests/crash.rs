//! Several processes on one database, with real files: three `tiankong stats` opening a fresh
//! database at once; SIGKILL of a process answering in a loop loses no committed answer; two
//! processes answering at the same time lose none. The answering process is this test binary
//! itself running the ignored `helper_answer_loop` test, which prints `COMMITTED <log id>`
//! after each commit returns.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tiankong::deck::{Deck, DeckId, DeckMeta, ListNote, Note, NoteBody, NoteId};
use tiankong::sched::{CardState, Phase, Rating};
use tiankong::store::{BrowseFilter, FileMeta, LogRow, Store, SyncDeck};

const DECK_TOML: &str = r#"[deck]
id = "geju"
title = "加快构建新发展格局"
version = 1

[[note]]
id = "zhuolidian"
kind = "list"
prompt = "构建新发展格局的三个着力点"
items = ["加快培育完整内需体系", "加快科技自立自强", "推动产业链供应链优化升级"]

[[note]]
id = "fuyu"
kind = "cloze"
text = "全体人民共同富裕是中国式现代化的{{本质特征}}。"
"#;

/// A database with one deck of 40 list items (41 cards).
fn prepared_db(dir: &Path) -> PathBuf {
    let db = dir.join("t.db");
    let mut s = Store::open_no_backup(&db).unwrap();
    let deck = Deck {
        meta: DeckMeta {
            id: DeckId("d".into()),
            title: "d".into(),
            version: None,
            source: None,
            date: None,
            exam: None,
            full_title: None,
            new_order: None,
            removed: vec![],
        },
        notes: vec![Note {
            id: NoteId("n".into()),
            body: NoteBody::List(ListNote {
                prompt: "四十项".into(),
                items: (0..40).map(|i| format!("第{i}项内容")).collect(),
                ordered: true,
                context: vec![],
                item_lines: vec![],
            }),
            source: None,
            passage: None,
            tags: vec![],
            heading: vec![],
            priority: None,
            generated: None,
        }],
    };
    let meta = FileMeta {
        path: "d.toml".into(),
        size: 1,
        mtime_ns: 1,
        hash: 1,
    };
    s.sync(
        &[SyncDeck {
            file: &meta,
            deck: &deck,
        }],
        1_700_000_000_000,
    )
    .unwrap();
    db
}

fn spawn_answerer(db: &Path, count: u32) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "helper_answer_loop",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("TIANKONG_CRASH_DB", db)
        .env("TIANKONG_CRASH_COUNT", count.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn committed_ids(out: &str) -> Vec<i64> {
    out.lines()
        // The harness may print "test helper_answer_loop ... " on the same line.
        .filter_map(|l| l.find("COMMITTED ").map(|at| &l[at + "COMMITTED ".len()..]))
        .map(|n| n.trim().parse().unwrap())
        .collect()
}

fn log_ids(db: &Path) -> Vec<i64> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut st = c.prepare("SELECT id FROM review_log ORDER BY id").unwrap();
    let ids = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<Vec<i64>, _>>()
        .unwrap();
    ids
}

fn integrity(db: &Path) -> String {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// Not a test: answers cards in a loop (forever when TIANKONG_CRASH_COUNT is 0), printing
/// each committed log id. Run as a subprocess by the tests below.
#[test]
#[ignore]
fn helper_answer_loop() {
    let Some(db) = std::env::var_os("TIANKONG_CRASH_DB") else {
        return;
    };
    let count: u32 = std::env::var("TIANKONG_CRASH_COUNT")
        .unwrap()
        .parse()
        .unwrap();
    let mut store = Store::open_no_backup(Path::new(&db)).unwrap();
    let cards: Vec<i64> = store
        .browse(&BrowseFilter::default())
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    assert!(!cards.is_empty());
    let mut n = 0u32;
    loop {
        let card = cards[(n as usize * 7 + std::process::id() as usize) % cards.len()];
        let before = store.card(card).unwrap().state;
        let now = 1_700_000_000_000 + i64::from(n) * 1000;
        let after = CardState {
            phase: Phase::Review,
            due: now + 86_400_000,
            stability: 1.0 + f64::from(n),
            difficulty: 5.0,
            reps: before.reps + 1,
            lapses: before.lapses,
            step: 0,
            last_review: Some(now),
            scheduled_days: 1,
        };
        let log = LogRow {
            time_ms: now,
            rating: Rating::Good,
            phase_before: before.phase,
            phase_after: Phase::Review,
            elapsed_days: 1,
            scheduled_days: 1,
            interval_secs: 86_400,
            duration_ms: 1500,
            stability: after.stability,
            difficulty: 5.0,
        };
        let id = match store.record_answer(card, &before, &after, &log) {
            Ok(id) => id,
            // The other process answered this card first: recompute from its new state.
            Err(tiankong::store::StoreError::Stale(_)) => continue,
            Err(e) => panic!("{e}"),
        };
        // Printed only after the commit returned: every printed id must survive.
        println!("COMMITTED {id}");
        n += 1;
        if count != 0 && n >= count {
            break;
        }
    }
}

/// A cheap pseudo-random delay source (no RNG crate): the clock's nanoseconds.
fn jitter_ms(lo: u64, hi: u64) -> u64 {
    let ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    lo + (ns / 1000) % (hi - lo)
}

#[test]
fn sigkill_while_answering_loses_no_committed_answer() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path());
    let mut total = 0;
    for round in 0..6 {
        let mut child = spawn_answerer(&db, 0);
        // Wait for the first commit so the kill lands mid-loop, then a random moment more.
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        let start = Instant::now();
        while !first.contains("COMMITTED ") && start.elapsed() < Duration::from_secs(30) {
            first.clear();
            if stdout.read_line(&mut first).unwrap() == 0 {
                break;
            }
        }
        assert!(
            first.contains("COMMITTED "),
            "round {round}: helper never answered"
        );
        std::thread::sleep(Duration::from_millis(jitter_ms(5, 200)));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "round {round}: the helper must be killed, not finish"
        );
        let mut rest = String::new();
        stdout.read_to_string(&mut rest).unwrap();
        let printed = committed_ids(&format!("{first}{rest}"));
        let stored = log_ids(&db);
        for id in &printed {
            assert!(
                stored.contains(id),
                "round {round}: committed answer {id} lost"
            );
        }
        assert_eq!(integrity(&db), "ok", "round {round}");
        total += printed.len();
    }
    assert!(total >= 6, "only {total} answers committed in all rounds");
    // The state is consistent: each card's reps equal its log rows.
    let r = tiankong::store::check::check(&db, false, 0).unwrap();
    assert!(r.count_mismatches.is_empty(), "{:?}", r.count_mismatches);
}

#[test]
fn two_processes_answering_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path());
    let a = spawn_answerer(&db, 150);
    let b = spawn_answerer(&db, 150);
    let oa = a.wait_with_output().unwrap();
    let ob = b.wait_with_output().unwrap();
    assert!(oa.status.success() && ob.status.success());
    let mut ids = committed_ids(&String::from_utf8_lossy(&oa.stdout));
    ids.extend(committed_ids(&String::from_utf8_lossy(&ob.stdout)));
    assert_eq!(ids.len(), 300);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 300, "log ids are distinct");
    assert_eq!(log_ids(&db), ids);
    assert_eq!(integrity(&db), "ok");
    let r = tiankong::store::check::check(&db, false, 0).unwrap();
    assert!(r.count_mismatches.is_empty(), "{:?}", r.count_mismatches);
}

#[test]
fn three_processes_open_a_fresh_database_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let decks = dir.path().join("decks");
    std::fs::create_dir(&decks).unwrap();
    std::fs::write(decks.join("geju.toml"), DECK_TOML).unwrap();
    let db = dir.path().join("fresh/tiankong.db");
    let children: Vec<Child> = (0..3)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_tiankong"))
                .args(["stats", "--json", "--db"])
                .arg(&db)
                .arg("--decks")
                .arg(&decks)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "stderr: {err}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        // Three items + the whole list + one cloze group.
        assert_eq!(v["cards"], 5, "{v}");
        assert_eq!(v["new"], 5, "{v}");
        for key in [
            "learning",
            "review",
            "suspended",
            "due_today",
            "reviews_total",
            "reviews_today",
            "reviewed_cards",
            "orphaned_cards",
        ] {
            assert_eq!(v[key], 0, "{key} in {v}");
        }
    }
    let s = Store::open_no_backup(&db).unwrap();
    assert_eq!(s.user_version().unwrap(), tiankong::store::SCHEMA_VERSION);
    // One copy of every card despite three concurrent syncs.
    let c = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM cards", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 5);
    // `decks --json` shows the one deck with its counts.
    let out = Command::new(env!("CARGO_BIN_EXE_tiankong"))
        .args(["decks", "--json", "--db"])
        .arg(&db)
        .arg("--decks")
        .arg(&decks)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["id"], "geju");
    assert_eq!(v[0]["title"], "加快构建新发展格局");
    assert_eq!(v[0]["cards"], 5);
    assert_eq!(v[0]["new"], 5);
    assert_eq!(v[0]["due"], 0);
    assert_eq!(v.as_array().unwrap().len(), 1);
}
