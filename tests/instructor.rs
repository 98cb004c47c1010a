//! The instructor's loop seen from students' databases: a student's history survives a hand
//! edit, a corpus revision and `--prune`; two users study from one read-only deck folder that
//! nothing writes to, and their databases stay independent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use tiankong::cli::Global;
use tiankong::cmd::stats::open_synced;
use tiankong::deck::fs::load_dirs;
use tiankong::deck::{DeckId, NoteBody, NoteId};
use tiankong::sched::{DayCtx, Phase, Rating, SchedConfig, Scheduler};
use tiankong::store::{self, LogRow, Store};

const MIN: i64 = 60_000;
const DAY: i64 = 86_400_000;

fn tk(args: &[&str], env: &[(&str, &Path)]) -> (bool, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tiankong"));
    cmd.args(["--lang", "en"])
        .args(args)
        .env_remove("TIANKONG_DB")
        .env_remove("TIANKONG_DECKS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.output().unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into(),
        String::from_utf8_lossy(&o.stderr).into(),
    )
}

fn global(db: &Path, decks: &Path) -> Global {
    Global {
        db: Some(db.to_path_buf()),
        decks: vec![decks.to_path_buf()],
        lang: None,
    }
}

/// Answer a card with the real scheduler and commit it, as the study session does.
fn answer(store: &mut Store, card_id: i64, at: i64, rating: Rating) {
    let sched = Scheduler::new(SchedConfig::default()).unwrap();
    let before = store.card(card_id).unwrap().state;
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
        duration_ms: 4_000,
        stability: o.log.stability,
        difficulty: o.log.difficulty,
    };
    store
        .record_answer(card_id, &before, &o.next, &log)
        .unwrap();
}

/// Good twice (learning, then graduate) and once more in review a few days later.
fn study(store: &mut Store, card_id: i64, t0: i64) -> usize {
    answer(store, card_id, t0, Rating::Good);
    answer(store, card_id, t0 + 10 * MIN, Rating::Good);
    assert_eq!(store.card(card_id).unwrap().state.phase, Phase::Review);
    answer(store, card_id, t0 + 4 * DAY, Rating::Again);
    3
}

/// (deck id, note id) of the one note in `dir` whose list matches `pick`.
fn find_note(dir: &Path, pick: impl Fn(&str, &[String]) -> bool) -> (DeckId, NoteId) {
    let coll = load_dirs(&[dir.to_path_buf()]);
    assert!(coll.diagnostics.is_empty(), "{:?}", coll.diagnostics);
    let mut found = vec![];
    for d in &coll.decks {
        for n in &d.deck.notes {
            if let NoteBody::List(l) = &n.body {
                if pick(&l.prompt, &l.items) {
                    found.push((d.deck.meta.id.clone(), n.id.clone()));
                }
            }
        }
    }
    assert_eq!(found.len(), 1, "the fixture's lists changed: {found:?}");
    found.remove(0)
}

fn card_with_key(store: &Store, (deck, note): &(DeckId, NoteId), key: &str) -> i64 {
    store
        .note_cards(deck, note)
        .unwrap()
        .into_iter()
        .find(|c| c.key == key && !c.orphaned)
        .unwrap_or_else(|| panic!("no live card {deck}/{note}/{key}"))
        .id
}

fn stats_json(db: &Path, decks: &Path) -> serde_json::Value {
    let (ok, out, err) = tk(
        &[
            "stats",
            "--json",
            "--db",
            db.to_str().unwrap(),
            "--decks",
            decks.to_str().unwrap(),
        ],
        &[],
    );
    assert!(ok, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn a_students_history_survives_hand_edits_corpus_revision_and_prune() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("text.txt");
    let decks = dir.path().join("decks");
    let db = dir.path().join("student").join("tiankong.db");
    let original = std::fs::read_to_string("tests/fixtures/extract/families.txt").unwrap();
    std::fs::write(&corpus, &original).unwrap();
    let (ok, _, err) = tk(
        &[
            "generate",
            "--out",
            decks.to_str().unwrap(),
            corpus.to_str().unwrap(),
        ],
        &[],
    );
    assert!(ok, "{err}");

    let edited = find_note(&decks, |p, _| p == "推进乡村全面振兴的三个重点");
    let unchanged = find_note(&decks, |p, _| p == "农村改革的三个重要特点");
    let vanishing = find_note(&decks, |_, items| {
        items.iter().any(|i| i.contains("农民切身利益"))
    });

    // The student studies five cards of three notes.
    let t0 = store::now_ms() - 20 * DAY;
    let (mut s, _) = open_synced(&global(&db, &decks), t0).unwrap();
    let studied_edited = [
        card_with_key(&s, &edited, "item:0"),
        card_with_key(&s, &edited, "whole"),
    ];
    let studied_unchanged = [card_with_key(&s, &unchanged, "item:1")];
    let studied_vanishing = [
        card_with_key(&s, &vanishing, "item:0"),
        card_with_key(&s, &vanishing, "item:2"),
    ];
    let mut answers: BTreeMap<i64, usize> = BTreeMap::new();
    for &c in studied_edited
        .iter()
        .chain(&studied_unchanged)
        .chain(&studied_vanishing)
    {
        answers.insert(c, study(&mut s, c, t0));
    }
    drop(s);
    let before = stats_json(&db, &decks);
    assert_eq!(before["reviewed_cards"], 5);
    assert_eq!(before["orphaned_cards"], 0);

    // The instructor rewords the first list's prompt by hand and revises the corpus: the 事关
    // list goes, a new list comes, an item of the edited list is reworded in the text.
    let file = std::fs::read_dir(&decks)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&file).unwrap();
    let hand = text.replacen(
        "prompt = \"推进乡村全面振兴的三个重点\"",
        "prompt = \"乡村振兴的三个重点（教师修订）\"",
        1,
    );
    assert_ne!(hand, text, "the fixture's prompt changed; update the test");
    std::fs::write(&file, &hand).unwrap();
    let revised = original
        .replace(
            "乡村振兴事关农民切身利益，事关农业现代化进程，事关国家长治久安。\n",
            "",
        )
        .replace("第三，发展乡村特色产业。", "第三，大力发展乡村特色产业。")
        + "推进乡村建设，要着力改善人居环境，着力完善基础设施，着力提升公共服务。\n";
    std::fs::write(&corpus, revised).unwrap();
    let (ok, out, err) = tk(
        &[
            "generate",
            "--update",
            decks.to_str().unwrap(),
            corpus.to_str().unwrap(),
        ],
        &[],
    );
    assert!(ok, "{err}");
    assert!(out.contains("1 hand edits kept"), "{out}");
    assert!(out.contains("1 vanished"), "{out}");

    // The student syncs again: every studied card is live with its whole history, the edited
    // note shows the instructor's wording, and the vanished list is still there (no --prune).
    let (s, _) = open_synced(&global(&db, &decks), t0 + 10 * DAY).unwrap();
    for (&c, &n) in &answers {
        let row = s.card(c).unwrap();
        assert!(
            !row.orphaned,
            "card {c} ({}/{}) orphaned",
            row.deck, row.note
        );
        assert_eq!(s.card_history(c).unwrap().len(), n, "card {c}");
    }
    let note = s.note(&edited.0, &edited.1).unwrap().unwrap();
    match note.body {
        NoteBody::List(l) => assert_eq!(l.prompt, "乡村振兴的三个重点（教师修订）"),
        NoteBody::Cloze { .. } => panic!("the edited note became a cloze note"),
    }
    drop(s);
    let after_update = stats_json(&db, &decks);
    assert_eq!(after_update["reviewed_cards"], 5);
    assert_eq!(after_update["orphaned_cards"], 0);
    assert_eq!(after_update["reviews_total"], 15);

    // --prune removes the vanished list: its two studied cards become orphaned, history kept;
    // the other three stay live.
    let (ok, out, err) = tk(
        &[
            "generate",
            "--prune",
            "--update",
            decks.to_str().unwrap(),
            corpus.to_str().unwrap(),
        ],
        &[],
    );
    assert!(ok, "{err}");
    assert!(out.contains("removed (--prune)"), "{out}");
    let pruned = stats_json(&db, &decks);
    assert_eq!(pruned["orphaned_cards"], 2, "{pruned}");
    assert_eq!(pruned["reviewed_cards"], 3, "{pruned}");
    assert_eq!(pruned["reviews_total"], 15, "the log is append-only");
    let s = Store::open(&db).unwrap();
    for &c in &studied_vanishing {
        assert!(s.card(c).unwrap().orphaned);
        assert_eq!(s.card_history(c).unwrap().len(), 3);
    }
    for &c in studied_edited.iter().chain(&studied_unchanged) {
        assert!(!s.card(c).unwrap().orphaned);
        assert_eq!(s.card_history(c).unwrap().len(), 3);
    }
}

/// Every path under `root` with its kind, size, mode and modification time.
fn tree(root: &Path) -> BTreeMap<PathBuf, (bool, u64, u32, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(p) = todo.pop() {
        let m = std::fs::symlink_metadata(&p).unwrap();
        out.insert(
            p.clone(),
            (
                m.is_dir(),
                m.len(),
                m.permissions().mode(),
                m.modified().unwrap(),
            ),
        );
        if m.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                todo.push(e.unwrap().path());
            }
        }
    }
    out
}

fn set_mode(root: &Path, dir_mode: u32, file_mode: u32) {
    for e in std::fs::read_dir(root).unwrap() {
        let p = e.unwrap().path();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(file_mode)).unwrap();
    }
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(dir_mode)).unwrap();
}

#[test]
fn two_users_study_from_one_read_only_deck_folder() {
    let dir = tempfile::tempdir().unwrap();
    let decks = dir.path().join("shared").join("decks");
    let (ok, _, err) = tk(
        &[
            "generate",
            "--out",
            decks.to_str().unwrap(),
            "tests/fixtures/extract/families.txt",
        ],
        &[],
    );
    assert!(ok, "{err}");
    set_mode(&decks, 0o555, 0o444);
    let before = tree(dir.path().join("shared").as_path());

    // Two data folders: one user by --db, the other by XDG_DATA_HOME (the default path).
    let home1 = dir.path().join("home1");
    let xdg2 = dir.path().join("home2").join(".local").join("share");
    let db1 = home1.join("tiankong.db");
    let db2 = store::default_path(Some(xdg2.as_os_str()), None).unwrap();

    let unchanged = find_note(&decks, |p, _| p == "农村改革的三个重要特点");
    let other = find_note(&decks, |p, _| p == "做好今年的工作的三个方面");
    let t0 = store::now_ms() - 10 * DAY;

    // User 1 studies two cards of one note; user 2 one card of another, at the same time.
    let (mut s1, _) = open_synced(&global(&db1, &decks), t0).unwrap();
    let (mut s2, _) = open_synced(&global(&db2, &decks), t0).unwrap();
    let a = card_with_key(&s1, &unchanged, "item:0");
    let b = card_with_key(&s1, &unchanged, "item:1");
    let c = card_with_key(&s2, &other, "whole");
    study(&mut s1, a, t0);
    study(&mut s2, c, t0);
    study(&mut s1, b, t0);
    drop((s1, s2));

    // Both users' commands read the shared folder.
    let d = decks.to_str().unwrap();
    let (ok, out1, err) = tk(
        &[
            "report",
            "--json",
            "--db",
            db1.to_str().unwrap(),
            "--decks",
            d,
        ],
        &[],
    );
    assert!(ok, "{err}");
    let (ok, out2, err) = tk(
        &["report", "--json", "--decks", d],
        &[("XDG_DATA_HOME", &xdg2), ("HOME", &home1)],
    );
    assert!(ok, "{err}");
    let s1 = stats_json(&db1, &decks);
    let s2 = stats_json(&db2, &decks);
    let (ok, _, err) = tk(
        &[
            "decks",
            "--json",
            "--decks",
            d,
            "--db",
            db1.to_str().unwrap(),
        ],
        &[],
    );
    assert!(ok, "{err}");

    // Independent: each database holds only its user's answers.
    assert_eq!(
        (s1["reviews_total"].as_u64(), s1["reviewed_cards"].as_u64()),
        (Some(6), Some(2))
    );
    assert_eq!(
        (s2["reviews_total"].as_u64(), s2["reviewed_cards"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(s1["cards"], s2["cards"], "both see the same deck");
    let reviewed = |out: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        v["decks"][0]["notes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["reviewed"].as_u64() > Some(0))
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(reviewed(&out1), [unchanged.1 .0.as_str()]);
    assert_eq!(reviewed(&out2), [other.1 .0.as_str()]);
    let s1 = Store::open(&db1).unwrap();
    let s2 = Store::open(&db2).unwrap();
    assert!(s1
        .card_history(card_with_key(&s1, &other, "whole"))
        .unwrap()
        .is_empty());
    assert!(s2
        .card_history(card_with_key(&s2, &unchanged, "item:0"))
        .unwrap()
        .is_empty());
    assert_eq!(s1.card_history(a).unwrap().len(), 3);
    assert_eq!(s2.card_history(c).unwrap().len(), 3);
    assert!(db1.exists() && db2.exists() && db1 != db2);

    // Nothing in the shared folder was created, removed or modified (as root the modes do not
    // stop a write; the comparison still catches one).
    assert_eq!(tree(dir.path().join("shared").as_path()), before);
    set_mode(&decks, 0o755, 0o644);
}

#[test]
fn generate_says_why_a_corpus_file_is_refused_in_the_users_language() {
    let tmp = tempfile::tempdir().unwrap();
    let pdf = tmp.path().join("讲话.txt");
    std::fs::write(&pdf, b"%PDF-1.4\n1 0 obj\n").unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = tmp.path().join("out");
    let run = |lang: &str, input: &Path| {
        let o = Command::new(env!("CARGO_BIN_EXE_tiankong"))
            .env("TIANKONG_LANG", lang)
            .arg("generate")
            .arg(input)
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (zh_code, zh) = run("zh", &pdf);
    let (en_code, en) = run("en", &pdf);
    assert_eq!(zh_code, en_code, "{zh}\n{en}");
    assert_ne!(zh_code, Some(0));
    assert!(
        zh.contains("讲话.txt: 这是 PDF 文件，不是文本：请先提取文字"),
        "{zh}"
    );
    assert!(
        en.contains("讲话.txt: a PDF file, not a text: extract its text first"),
        "{en}"
    );
    // An empty folder is named, not left blank.
    let (_, zh) = run("zh", &empty);
    assert!(zh.contains("empty: 没有找到 .txt 文件"), "{zh}");
    let (_, en) = run("en", &empty);
    assert!(en.contains("empty: no .txt files found"), "{en}");
    assert!(!out.exists(), "nothing written");
}
