//! `generate --update`: a hand edit survives, a corpus revision adds and reports lists, ids
//! of matching notes stay.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::path::Path;
use std::process::Command;

fn tk(args: &[&str], extra: &[&Path]) -> (bool, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_tiankong"))
        .args(["--lang", "en"])
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

/// The note blocks of a deck file: `[[note]]` to the next one, by id.
fn note_ids(text: &str) -> Vec<String> {
    text.split("\n[[note]]\n")
        .skip(1)
        .filter_map(|b| {
            b.lines()
                .find_map(|l| l.strip_prefix("id = \"")?.strip_suffix('"'))
                .map(str::to_string)
        })
        .collect()
}

/// Every deck file under `dir`, by name.
fn deck_files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_teachers_edits_survive_generate_and_update() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("text.txt");
    let decks = dir.path().join("decks");
    std::fs::copy("tests/fixtures/extract/families.txt", &corpus).unwrap();
    let (ok, _, err) = tk(&["generate", "--out"], &[&decks, &corpus]);
    assert!(ok, "{err}");
    let [name] = <[String; 1]>::try_from(deck_files(&decks)).unwrap();
    let generated = std::fs::read_to_string(decks.join(&name)).unwrap();
    let ids = note_ids(&generated);
    assert!(ids.len() >= 5, "{ids:?}");

    // The teacher rewords a prompt, deletes the second note, adds a comment, and renames the
    // file.
    let reworded = generated.replacen(
        "prompt = \"推进乡村全面振兴的三个重点\"",
        "prompt = \"乡村振兴的三个重点（教师修订）\"",
        1,
    );
    assert_ne!(reworded, generated, "the fixture's prompt changed");
    let mut blocks: Vec<&str> = reworded.split("\n[[note]]\n").collect();
    let deleted = ids[1].clone();
    assert!(blocks[2].starts_with(&format!("id = \"{deleted}\"")));
    blocks.remove(2);
    let edited = blocks.join("\n[[note]]\n").replacen(
        "[deck]\n",
        "# 教师备注：第二单元，期中考试用\n[deck]\n",
        1,
    );
    std::fs::remove_file(decks.join(&name)).unwrap();
    let renamed = decks.join("乡村振兴.toml");
    std::fs::write(&renamed, &edited).unwrap();

    // generate --out refuses to write over the deck (found under its new name), naming it.
    let (ok, _, err) = tk(&["generate", "--out"], &[&decks, &corpus]);
    assert!(!ok);
    assert!(err.contains("乡村振兴.toml"), "{err}");
    assert!(err.contains("--update") && err.contains("--force"), "{err}");
    assert_eq!(deck_files(&decks), ["乡村振兴.toml"]);
    assert_eq!(std::fs::read_to_string(&renamed).unwrap(), edited);

    // --dry-run shows the plan and changes nothing.
    let (ok, out, err) = tk(&["generate", "--dry-run", "--update"], &[&decks, &corpus]);
    assert!(ok, "{err}");
    assert!(out.contains(&format!("deleted: {deleted}")), "{out}");
    assert!(out.contains("would rewrite"), "{out}");
    assert!(out.contains("nothing was written"), "{out}");
    assert_eq!(deck_files(&decks), ["乡村振兴.toml"]);
    assert_eq!(std::fs::read_to_string(&renamed).unwrap(), edited);

    // --update keeps all three edits, in the renamed file, and writes no second deck.
    for _ in 0..2 {
        let (ok, out, err) = tk(&["generate", "--update"], &[&decks, &corpus]);
        assert!(ok, "{err}");
        assert!(out.contains("1 hand edits kept"), "{out}");
        assert!(out.contains("1 deleted kept deleted"), "{out}");
        assert_eq!(deck_files(&decks), ["乡村振兴.toml"]);
        let after = std::fs::read_to_string(&renamed).unwrap();
        assert!(after.contains("# 教师备注：第二单元，期中考试用\n[deck]\n"));
        assert!(after.contains("prompt = \"乡村振兴的三个重点（教师修订）\""));
        let mut want: Vec<String> = ids.clone();
        want.remove(1);
        assert_eq!(note_ids(&after), want, "the deleted note came back");
        assert!(
            after.contains(&format!("removed = [\"{deleted}\"]")),
            "{after}"
        );
    }
    let (ok, out, _) = tk(&["lint"], &[&decks]);
    assert!(ok, "{out}");

    // The document's title line is renamed: a new deck id from the corpus, but the notes find
    // their deck; still one deck file, and its id is the teacher's.
    let text = std::fs::read_to_string(&corpus).unwrap();
    let first = text.lines().next().unwrap().to_string();
    std::fs::write(
        &corpus,
        text.replacen(&first, &format!("{first}（修订稿）"), 1),
    )
    .unwrap();
    let (ok, out, err) = tk(&["generate", "--update"], &[&decks, &corpus]);
    assert!(ok, "{err}");
    assert!(out.contains("found by its note ids"), "{out}");
    assert_eq!(deck_files(&decks), ["乡村振兴.toml"]);
    let after = std::fs::read_to_string(&renamed).unwrap();
    assert!(after.contains(&format!("id = \"{}\"", name.trim_end_matches(".toml"))));

    // --force overwrites, as it says.
    let (ok, _, err) = tk(&["generate", "--force", "--out"], &[&decks, &corpus]);
    assert!(ok, "{err}");
    assert!(!std::fs::read_to_string(&renamed)
        .unwrap()
        .contains("教师修订"));
}

#[test]
fn a_corpus_folder_with_bad_files_generates_the_good_ones_and_names_the_bad() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy("tests/fixtures/extract/families.txt", corpus.join("a.txt")).unwrap();
    // A PDF saved as .txt, with no NUL byte in it; a real .pdf; a UTF-16 file.
    std::fs::write(
        corpus.join("b.txt"),
        "%PDF-1.5\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    )
    .unwrap();
    std::fs::write(corpus.join("c.pdf"), b"%PDF-1.7\n\x00\x01binary").unwrap();
    std::fs::write(corpus.join("d.txt"), b"\xff\xfe\x2c\x7b").unwrap();
    let out = dir.path().join("decks");
    let (ok, stdout, err) = tk(&["generate", "--out"], &[&out, &corpus]);
    assert!(!ok, "bad files make the run fail");
    assert!(err.contains("b.txt: a PDF file"), "{err}");
    assert!(err.contains("pdftotext -layout"), "{err}");
    assert!(err.contains("c.pdf: a PDF file"), "{err}");
    assert!(err.contains("d.txt: UTF-16"), "{err}");
    assert!(err.contains("3 files could not be read"), "{err}");
    assert!(stdout.contains("total: 1 decks"), "{stdout}");
    assert_eq!(deck_files(&out).len(), 1);

    // Only bad files: an error, and no deck folder.
    let out2 = dir.path().join("none");
    let (ok, _, err) = tk(
        &["generate", "--out"],
        &[&out2, &corpus.join("c.pdf"), &corpus.join("b.txt")],
    );
    assert!(!ok);
    assert!(err.contains("no deck was generated"), "{err}");
    let (ok, _, err) = tk(&["generate", "--out"], &[&out2, &corpus.join("c.pdf")]);
    assert!(!ok);
    assert_eq!(err.lines().count(), 1, "one file, one message: {err}");
    assert!(err.contains("c.pdf: a PDF file"), "{err}");
    assert!(!out2.exists());
}
