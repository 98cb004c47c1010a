//! `tiankong report`: a student's report from a real database (answers made with the real
//! scheduler at fixed times), the class view merged from three hand-made student files, and
//! clear errors for bad report files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use tiankong::cli::Global;
use tiankong::cmd::stats::open_synced;
use tiankong::deck::{DeckId, NoteId};
use tiankong::sched::{DayCtx, Phase, Rating, SchedConfig, Scheduler};
use tiankong::store::{LogRow, Store};

const MIN: i64 = 60_000;
const DAY: i64 = 86_400_000;
/// 2025-03-01 12:00 UTC: noon, so every answer's local date is the same from UTC−11 to UTC+11.
const NOW: i64 = 1_740_830_400_000;

fn tk(args: &[&str]) -> (bool, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_tiankong"))
        .args(args)
        .env_remove("TIANKONG_DB")
        .env_remove("TIANKONG_DECKS")
        .output()
        .unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into(),
        String::from_utf8_lossy(&o.stderr).into(),
    )
}

const XF: &str = r#"[deck]
id = "xf"
title = "新发展格局"
version = 2

[[note]]
id = "zhuolidian"
kind = "list"
prompt = "构建新发展格局的三个着力点"
items = ["完整内需体系", "科技自立自强", "产业链供应链"]

[[note]]
id = "gongfu"
kind = "cloze"
text = "全体人民{{共同富裕}}是中国式现代化的{{c2::本质特征}}。"

[[note]]
id = "unused"
kind = "list"
prompt = "两个未学的要点"
items = ["甲项内容", "乙项内容"]
"#;

const ZZ: &str = r#"[deck]
id = "zz"
title = "未开始的牌组"

[[note]]
id = "zz1"
kind = "cloze"
text = "{{高质量发展}}是首要任务。"
"#;

fn global(db: &Path, decks: &Path) -> Global {
    Global {
        db: Some(db.to_path_buf()),
        decks: vec![decks.to_path_buf()],
        lang: None,
    }
}

/// The live card of `note` with key `key`.
fn card(store: &Store, deck: &str, note: &str, key: &str) -> i64 {
    store
        .note_cards(&DeckId(deck.into()), &NoteId(note.into()))
        .unwrap()
        .into_iter()
        .find(|c| c.key == key && !c.orphaned)
        .unwrap_or_else(|| panic!("no card {deck}/{note}/{key}"))
        .id
}

/// Answer a card with the real scheduler (no fuzz) and commit it, checking the phase the card
/// was in: the expected report numbers below depend on it.
fn answer(store: &mut Store, card_id: i64, at: i64, rating: Rating, phase: Phase) {
    let sched = Scheduler::new(SchedConfig {
        fuzz: false,
        ..SchedConfig::default()
    })
    .unwrap();
    let before = store.card(card_id).unwrap().state;
    assert_eq!(before.phase, phase, "card {card_id} at {at}");
    let o = sched
        .answer(&before, rating, at, &DayCtx::default(), card_id as u64)
        .unwrap();
    let log = LogRow {
        time_ms: at,
        rating,
        phase_before: o.log.phase_before,
        phase_after: o.next.phase,
        elapsed_days: o.log.elapsed_days,
        scheduled_days: o.log.scheduled_days,
        interval_secs: (o.log.due - at) / 1000,
        duration_ms: 5_000,
        stability: o.log.stability,
        difficulty: o.log.difficulty,
    };
    store
        .record_answer(card_id, &before, &o.next, &log)
        .unwrap();
}

/// A database with two decks and a known history (see the expected numbers in
/// `a_students_report_from_a_real_database`).
fn studied(dir: &Path) -> (Store, PathBuf, PathBuf) {
    let decks = dir.join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("xf.toml"), XF).unwrap();
    std::fs::write(decks.join("zz.toml"), ZZ).unwrap();
    let db = dir.join("data").join("tiankong.db");
    let (mut s, _) = open_synced(&global(&db, &decks), NOW - 41 * DAY).unwrap();
    use Phase::*;
    use Rating::*;
    let a = card(&s, "xf", "zhuolidian", "item:0");
    answer(&mut s, a, NOW - 40 * DAY, Easy, New);
    answer(&mut s, a, NOW - 31 * DAY, Good, Review);
    answer(&mut s, a, NOW - 20 * DAY, Again, Review);
    answer(&mut s, a, NOW - 20 * DAY + 10 * MIN, Good, Relearning);
    answer(&mut s, a, NOW - 5 * DAY, Hard, Review);
    let b = card(&s, "xf", "zhuolidian", "item:1");
    answer(&mut s, b, NOW - 3 * DAY, Good, New);
    answer(&mut s, b, NOW - 3 * DAY + MIN, Good, Learning);
    let c = card(&s, "xf", "zhuolidian", "whole");
    answer(&mut s, c, NOW - 40 * DAY, Easy, New);
    answer(&mut s, c, NOW - 31 * DAY, Again, Review);
    answer(&mut s, c, NOW - 31 * DAY + 10 * MIN, Good, Relearning);
    answer(&mut s, c, NOW - 2 * DAY, Good, Review);
    let d = card(&s, "xf", "gongfu", "group:1");
    answer(&mut s, d, NOW - 10 * DAY, Easy, New);
    answer(&mut s, d, NOW - DAY, Easy, Review);
    (s, db, decks)
}

#[test]
fn a_students_report_from_a_real_database() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _, _) = studied(dir.path());
    let r = tiankong::app::report::student(&store, NOW, Some("甲")).unwrap();

    // Hand count. zhuolidian: card item:0 has 5 answers, 3 in review (Good, Again, Hard: 2
    // passed), 1 lapse; item:1 2 answers, none in review; whole 4 answers, 2 in review (Again,
    // Good: 1 passed), 1 lapse. gongfu: group:1 2 answers, 1 in review (Easy).
    let xf = &r.decks[0];
    assert_eq!(xf.id, "xf");
    let z = &xf.notes[0];
    assert_eq!(
        (
            z.cards,
            z.reviewed,
            z.reviews,
            z.lapses,
            z.review_answers,
            z.review_passed
        ),
        (4, 3, 11, 2, 5, 3)
    );
    assert_eq!(z.retention, Some(0.6));
    assert_eq!(z.last_review.as_deref(), Some("2025-02-27"));
    let g = &xf.notes[1];
    assert_eq!(
        (g.cards, g.reviewed, g.reviews, g.retention),
        (2, 1, 2, Some(1.0))
    );
    assert_eq!(xf.notes[2].reviews, 0);
    assert_eq!(
        (xf.cards, xf.reviewed, xf.reviews, xf.lapses),
        (9, 4, 13, 2)
    );
    assert_eq!(xf.retention, Some(0.6667));
    // Last 30 days: Again (−20 d), Hard (−5 d), Good (−2 d), Easy (−1 d): 3 of 4.
    assert_eq!((xf.review_passed_30d, xf.review_answers_30d), (3, 4));
    assert_eq!(xf.last_review.as_deref(), Some("2025-02-28"));
    assert_eq!(r.decks[1].reviews, 0);

    insta::assert_snapshot!("student_json", serde_json::to_string_pretty(&r).unwrap());
    insta::assert_snapshot!(
        "student_table",
        tiankong::report::student_table(&r, tiankong::config::Lang::Zh)
    );
}

#[test]
fn report_json_from_the_command_line_shows_the_studied_notes() {
    let dir = tempfile::tempdir().unwrap();
    let (store, db, decks) = studied(dir.path());
    drop(store);
    let (ok, out, err) = tk(&[
        "report",
        "--json",
        "--db",
        db.to_str().unwrap(),
        "--decks",
        decks.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "tiankong-report/1");
    assert_eq!(v["name"], serde_json::Value::Null);
    let reviewed: Vec<(String, u64)> = v["decks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["notes"].as_array().unwrap().iter())
        .map(|n| {
            (
                n["id"].as_str().unwrap().to_string(),
                n["reviewed"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        reviewed,
        [
            ("zhuolidian".to_string(), 3),
            ("gongfu".to_string(), 1),
            ("unused".to_string(), 0),
            ("zz1".to_string(), 0)
        ]
    );
    // No paths, user or host names: the database and deck folders appear nowhere.
    let tmp = dir.path().to_str().unwrap();
    assert!(!out.contains(tmp), "{out}");
    assert!(!out.contains("tiankong.db"));
    if let Ok(user) = std::env::var("USER") {
        assert!(!out.contains(&format!("\"{user}\"")));
    }

    let (ok, table, err) = tk(&[
        "report",
        "--name",
        "小王",
        "--db",
        db.to_str().unwrap(),
        "--decks",
        decks.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(table.starts_with("tiankong 学习报告 · 小王 · "), "{table}");
    assert!(table.contains("zhuolidian"), "{table}");
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/report/{name}")
}

#[test]
fn the_class_view_of_three_students() {
    let (a, b, c) = (fixture("a.json"), fixture("b.json"), fixture("c.json"));
    let (ok, out, err) = tk(&["report", "--merge", &a, &b, &c, "--json"]);
    assert!(ok, "{err}");
    let v: tiankong::report::ClassView = serde_json::from_str(&out).unwrap();

    // By hand from the three files. b.json has no name: its file name stands in.
    let names: Vec<&str> = v.students.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["甲", "b.json", "丙"]);
    assert!(v.missing.is_empty() && v.duplicates.is_empty());
    let ids: Vec<&str> = v.decks.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["gongtong-fuyu", "xin-fazhan-geju"]);
    let gf = &v.decks[0];
    assert_eq!(gf.started, ["甲"]);
    assert_eq!(
        gf.not_started,
        ["b.json", "丙"],
        "丙 lacks the deck: not started"
    );
    assert_eq!(gf.retention, Some(0.5));
    let xf = &v.decks[1];
    assert_eq!(xf.title, "加快构建新发展格局", "the version-2 title");
    assert_eq!((xf.version, xf.cards), (Some(2), 14));
    assert_eq!(xf.not_started, ["丙"]);
    // (17 + 8) / (22 + 14) and 30 days (8 + 3) / (10 + 5).
    assert_eq!((xf.review_passed, xf.review_answers), (25, 36));
    assert_eq!(xf.retention, Some(0.6944));
    assert_eq!(xf.retention_30d, Some(0.7333));
    // Weakest first: shuangxunhuan and benzhi tie at 50% (4 lapses beat 1), zhuolidian at
    // (9 + 8) / (12 + 14) = 65.38%, geju at 6 / 6.
    let weak: Vec<(&str, Option<f64>, u32, u32)> = v
        .weakest
        .iter()
        .map(|n| (n.note.as_str(), n.retention, n.lapses, n.students))
        .collect();
    assert_eq!(
        weak,
        [
            ("shuangxunhuan", Some(0.5), 4, 1),
            ("benzhi", Some(0.5), 1, 1),
            ("zhuolidian", Some(0.6538), 8, 2),
            ("geju", Some(1.0), 0, 2)
        ]
    );
    assert_eq!(
        v.weakest[2].prompt, "构建新发展格局要把握好的六个重要着力点",
        "the prompt of the newest version"
    );
    let unrev: Vec<String> = v
        .unreviewed
        .iter()
        .map(|n| format!("{}/{}", n.deck, n.note))
        .collect();
    assert_eq!(unrev, ["gongtong-fuyu/fuyu-list", "xin-fazhan-geju/anquan"]);

    insta::assert_snapshot!("class_json", out);
    let (ok, table, err) = tk(&["report", "--merge", &a, &b, &c]);
    assert!(ok, "{err}");
    insta::assert_snapshot!("class_table", table);
}

#[test]
fn bad_report_files_are_named_with_line_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let not_json = dir.path().join("notes.json");
    std::fs::write(&not_json, "学生甲\n").unwrap();
    let missing = dir.path().join("missing.json");
    let (ok, out, err) = tk(&[
        "report",
        "--merge",
        &fixture("a.json"),
        &fixture("bad.json"),
        not_json.to_str().unwrap(),
        missing.to_str().unwrap(),
        "--json",
        "--lang",
        "en",
    ]);
    assert!(!ok);
    assert_eq!(out, "", "nothing written on a bad input");
    assert!(
        err.contains("tests/fixtures/report/bad.json:10:25: invalid type: string \"fourteen\""),
        "{err}"
    );
    assert!(err.contains("notes.json:1:1: expected value"), "{err}");
    assert!(err.contains("missing.json: "), "{err}");
    assert!(err.contains("3 of 4 reports unreadable"), "{err}");

    // Another program's JSON: the format field is checked where it stands.
    let other = dir.path().join("other.json");
    std::fs::write(&other, "{\n  \"format\": \"anki\"\n}\n").unwrap();
    let (ok, out, err) = tk(&["report", "--merge", other.to_str().unwrap()]);
    assert!(!ok);
    assert_eq!(out, "");
    assert!(err.contains("other.json:2:3: format is \"anki\""), "{err}");
}

#[test]
fn the_class_view_knows_the_class() {
    // 乙 presses Again five times while learning a card, then gets it.
    let dir = tempfile::tempdir().unwrap();
    let (mut store, db, decks) = studied(dir.path());
    let e = card(&store, "xf", "unused", "item:0");
    let t0 = NOW - DAY;
    answer(&mut store, e, t0, Rating::Again, Phase::New);
    for k in 1..5 {
        answer(&mut store, e, t0 + k * MIN, Rating::Again, Phase::Learning);
    }
    answer(&mut store, e, t0 + 5 * MIN, Rating::Good, Phase::Learning);
    drop(store);
    let (ok, yi, err) = tk(&[
        "report",
        "--json",
        "--name",
        "乙",
        "--db",
        db.to_str().unwrap(),
        "--decks",
        decks.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let yi_file = dir.path().join("yi.json");
    std::fs::write(&yi_file, &yi).unwrap();
    let roster = dir.path().join("roster.txt");
    std::fs::write(&roster, "甲\n乙\n丙\n").unwrap();

    // Three reports, 甲's twice, and a roster of three names.
    let a = fixture("a.json");
    let args = [
        "report",
        "--merge",
        &a,
        yi_file.to_str().unwrap(),
        &a,
        "--roster",
        roster.to_str().unwrap(),
    ];
    let (ok, out, err) = tk(&[&args[..], &["--json"]].concat());
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = v["students"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["甲", "乙"]);
    assert_eq!(v["missing"], serde_json::json!(["丙"]));
    assert_eq!(v["duplicates"], serde_json::json!(["甲"]));
    // 甲 once: a.json has 4 + 37 answers and 1 + 7 lapses.
    assert_eq!(v["students"][0]["reviews"], 41);
    assert_eq!(v["students"][0]["lapses"], 8);
    // 乙: the studied history's 2 review lapses and the 5 while learning.
    assert_eq!(v["students"][1]["lapses"], 7);
    assert_eq!(v["students"][1]["reviews"], 13 + 6);
    assert_eq!(v["students"][1]["last_active"], "2025-02-28");

    let (ok, table, err) = tk(&[&args[..], &["--lang", "en"]].concat());
    assert!(ok, "{err}");
    assert!(
        table.contains("missing (on the roster, no report): 丙"),
        "{table}"
    );
    assert!(
        table.contains("handed in twice (the newest counted once): 甲"),
        "{table}"
    );
    let (ok, csv, err) = tk(&[&args[..], &["--csv"]].concat());
    assert!(ok, "{err}");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 4, "{csv}");
    assert!(rows[0].starts_with("name,status,"), "{csv}");
    assert!(
        rows[1].starts_with("甲,duplicate,2025-03-01,2,20,11,41,8,"),
        "{csv}"
    );
    assert!(rows[2].starts_with("乙,ok,"), "{csv}");
    assert_eq!(rows[3], "丙,missing,,,,,,,,,");
}
