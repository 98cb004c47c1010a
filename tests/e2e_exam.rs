//! End to end in a real terminal: tmux drives `tiankong exam` on a temp database. The test
//! asks `exam --json` for the same paper (same seed, same bytes), answers questions 1, 3 and 5
//! right and 2 and 4 wrong by typing keys, checks the score on the marked paper, finds the two
//! wrong answers in the 错题本, and checks that practice left the schedule alone.
//! tmux is required: without it the test fails, unless `TIANKONG_SKIP_TMUX=1`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::tmux::{have_tmux, Tmux};

const BIN: &str = env!("CARGO_BIN_EXE_tiankong");
const DECK: &str = "2023-02-07-191cbd";

fn decks() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("decks")
}

fn run_json(db: &Path, args: &[&str]) -> serde_json::Value {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .arg("--decks")
        .arg(decks())
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn letter(i: u64) -> String {
    char::from(b'a' + i as u8).to_string()
}

/// The first characters of a stem: enough to find it on screen before it wraps.
fn head(stem: &str) -> String {
    stem.chars().take(12).collect()
}

#[test]
fn take_a_five_question_paper_see_the_score_and_find_the_mistakes() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let paper = run_json(
        &db,
        &["exam", "--deck", DECK, "-n", "5", "--seed", "3", "--json"],
    );
    let qs = paper["questions"].as_array().unwrap().clone();
    assert_eq!(qs.len(), 5);

    let cmd = format!(
        "env XDG_CONFIG_HOME={} TIANKONG_LANG=zh {BIN} --db {} --decks {} exam --deck {DECK} -n 5 --seed 3",
        dir.path().join("config").display(),
        db.display(),
        decks().display()
    );
    let t = Tmux::start("exam", &cmd, 80, 30);
    let mut wrong = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        let stem = q["stem"].as_str().unwrap();
        t.wait(&format!("question {}", i + 1), |s| {
            s.contains(&format!("第 {}/5 题", i + 1)) && s.contains(&head(stem))
        });
        let right = i % 2 == 0;
        if !right {
            wrong.push(stem.to_string());
        }
        let ans = q["answer"].as_array().unwrap();
        let idx = |v: &serde_json::Value| v.as_u64().unwrap();
        match q["type"].as_str().unwrap() {
            "single" => {
                let a = idx(&ans[0]);
                t.keys(&[&letter(if right { a } else { (a + 1) % 4 })]);
                t.keys(&["Enter"]);
            }
            "multi" => {
                let take = if right { ans.len() } else { 1 };
                for a in &ans[..take] {
                    t.keys(&[&letter(idx(a))]);
                }
                t.keys(&["Enter"]);
            }
            "order" => {
                let mut order: Vec<u64> = ans.iter().map(idx).collect();
                if !right {
                    order.reverse();
                }
                for a in order {
                    t.keys(&[&letter(a)]);
                }
                t.keys(&["Enter"]);
            }
            "judge" => {
                let truth = ans[0].as_bool().unwrap();
                t.keys(&[if truth == right { "a" } else { "b" }]);
                t.keys(&["Enter"]);
            }
            "blank" => {
                for a in ans {
                    t.literal(if right { a.as_str().unwrap() } else { "错答" });
                    t.keys(&["Enter"]);
                }
            }
            "list" => {
                if right {
                    for a in ans {
                        t.literal(a.as_str().unwrap());
                        t.keys(&["Enter"]);
                    }
                } else {
                    t.literal("不是其中一项");
                    t.keys(&["Enter"]);
                }
                // Enter on the empty line goes on.
                t.keys(&["Enter"]);
            }
            other => panic!("unknown type {other}"),
        }
    }
    t.wait("the hand-in page", |s| s.contains("交卷？已答 5/5 题"));
    t.keys(&["Enter"]);
    // 3 of 5 right, the wrong ones earn nothing: 60.
    t.wait("the score", |s| s.contains("成绩：60 分"));
    t.keys(&["m"]);
    let book = t.wait("the mistake book", |s| s.contains("共 2 道错题"));
    for w in &wrong {
        assert!(book.contains(&head(w)), "{w} not in the book:\n{book}");
    }
    t.keys(&["q"]);
    drop(t);

    let rows = run_json(&db, &["exam", "--mistakes", "--json"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let stems: Vec<&str> = rows.iter().map(|r| r["stem"].as_str().unwrap()).collect();
    for w in &wrong {
        assert!(stems.contains(&w.as_str()));
    }
    assert!(rows.iter().all(|r| r["sent_back"] == false));
    // Practice never changes the schedule by itself.
    let stats = run_json(&db, &["stats", "--json"]);
    assert_eq!(stats["reviews_total"], 0);
}
