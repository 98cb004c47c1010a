//! `generate --update`: a hand edit survives, a corpus revision adds and reports lists, ids
//! of matching notes stay.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::path::Path;
use std::process::Command;

fn tk(args: &[&str], extra: &[&Path]) -> (bool, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_tiankong"))
        .args(args)
        .args(extra)
        .output()
        .unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into(),
        String::from_utf8_lossy(&o.stderr).into(),
    )
}

#[test]
fn regenerate_keeps_edits_adds_new_lists_and_reports_vanished_ones() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("text.txt");
    let decks = dir.path().join("decks");
    let original = std::fs::read_to_string("tests/fixtures/extract/families.txt").unwrap();
    std::fs::write(&corpus, &original).unwrap();
    let (ok, _, err) = tk(&["generate", "--out"], &[&decks, &corpus]);
    assert!(ok, "{err}");
    let file = std::fs::read_dir(&decks)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let first = std::fs::read_to_string(&file).unwrap();

    // The instructor rewords the prompt of the 第一 list by hand.
    let edited = first.replacen(
        "prompt = \"推进乡村全面振兴的三个重点\"",
        "prompt = \"乡村振兴的三个重点（教师修订）\"",
        1,
    );
    assert_ne!(
        edited, first,
        "the fixture's prompt changed; update the test"
    );
    std::fs::write(&file, &edited).unwrap();

    // The corpus is revised: the 事关 list goes, a new list comes, an item is reworded.
    let revised = original
        .replace(
            "乡村振兴事关农民切身利益，事关农业现代化进程，事关国家长治久安。\n",
            "",
        )
        .replace("第三，发展乡村特色产业。", "第三，大力发展乡村特色产业。")
        + "推进乡村建设，要着力改善人居环境，着力完善基础设施，着力提升公共服务。\n";
    std::fs::write(&corpus, revised).unwrap();
    let (ok, out, err) = tk(&["generate", "--update"], &[&decks, &corpus]);
    assert!(ok, "{err}");
    assert!(out.contains("1 hand edits kept"), "{out}");
    assert!(out.contains("1 vanished"), "{out}");
    assert!(out.contains("kept; --prune removes it"), "{out}");
    assert!(out.contains("(version bumped)"), "{out}");

    let after = std::fs::read_to_string(&file).unwrap();
    assert!(
        after.contains("乡村振兴的三个重点（教师修订）"),
        "the hand edit was lost"
    );
    assert!(after.contains("改善人居环境"), "the new list was not added");
    assert!(
        after.contains("事关农民切身利益"),
        "a vanished list must be kept without --prune"
    );
    assert!(after.contains("version = 2"));
    // Every id of the first generation is still there.
    for line in first.lines().filter(|l| l.starts_with("id = \"list-")) {
        assert!(after.contains(line), "{line} lost");
    }
    let (ok, out, _) = tk(&["lint"], &[&decks]);
    assert!(ok, "{out}");

    // --prune removes the vanished generated list, never the hand edit.
    let (ok, out, err) = tk(&["generate", "--prune", "--update"], &[&decks, &corpus]);
    assert!(ok, "{err}");
    assert!(out.contains("removed (--prune)"), "{out}");
    let pruned = std::fs::read_to_string(&file).unwrap();
    assert!(!pruned.contains("事关农民切身利益"));
    assert!(pruned.contains("乡村振兴的三个重点（教师修订）"));
}

#[test]
fn a_broken_deck_folder_is_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[deck]\nid = \"x\"\ntitle = \n",
    )
    .unwrap();
    let before = std::fs::read(dir.path().join("bad.toml")).unwrap();
    let (ok, _, err) = tk(
        &[
            "generate",
            "tests/fixtures/extract/families.txt",
            "--update",
        ],
        &[dir.path()],
    );
    assert!(!ok);
    assert!(err.contains("bad.toml:3:"), "{err}");
    assert_eq!(std::fs::read(dir.path().join("bad.toml")).unwrap(), before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn generating_twice_gives_byte_identical_decks() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for out in [&a, &b] {
        let (ok, _, err) = tk(
            &["generate", "tests/fixtures/extract", "corpus", "--out"],
            &[out],
        );
        assert!(ok, "{err}");
    }
    let list = |d: &Path| {
        let mut v: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        v.sort();
        v
    };
    assert_eq!(list(&a), list(&b));
    assert!(list(&a).len() >= 12);
    for name in list(&a) {
        assert_eq!(
            std::fs::read(a.join(&name)).unwrap(),
            std::fs::read(b.join(&name)).unwrap(),
            "{name:?}"
        );
    }
}
