//! Deck format v1 end to end: parser robustness (proptest), writer round trip, the hostile
//! deck folder (symlinks, FIFOs, huge files, nothing modified), and `tiankong lint`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use tiankong::deck::fs::{self, SearchPath, MAX_DECK_BYTES};
use tiankong::deck::{
    check, parse, to_toml, Deck, DeckId, DeckMeta, ListNote, Note, NoteBody, NoteId, SourceRef,
};
use tiankong::i18n::Lang;

// ---------------------------------------------------------------- parser and writer

/// Text with the characters that break naive writers: quotes, backslashes, newlines, tabs,
/// control characters, braces and Chinese (but no numerals, so prompts announce no size).
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[a-z中国式现代化特征\"\\\\\n\t\r\u{1}\u{7f} '#=\\[\\]{}：；。]{0,12}",
    )
    .unwrap()
}

fn nonblank() -> impl Strategy<Value = String> {
    (
        proptest::string::string_regex("[a-z中国式现代化]").unwrap(),
        text(),
    )
        .prop_map(|(a, b)| a + &b)
}

fn id() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-z0-9][a-z0-9-]{0,10}").unwrap()
}

fn date() -> impl Strategy<Value = String> {
    (1990u32..2100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn source() -> impl Strategy<Value = Option<SourceRef>> {
    proptest::option::of(
        (
            proptest::option::of(text()),
            proptest::option::of(1u32..100_000),
            proptest::option::of(text()),
            proptest::option::of(date()),
        )
            .prop_map(|(file, line, doc, date)| SourceRef {
                file,
                line,
                doc,
                date,
            }),
    )
}

fn body() -> impl Strategy<Value = NoteBody> {
    let list = (
        nonblank(),
        proptest::collection::vec(nonblank(), 2..6),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_flat_map(|(prompt, items, ordered, with_extra)| {
            let n = items.len();
            let extra = if with_extra { n } else { 0 };
            (
                Just(prompt),
                Just(items),
                Just(ordered),
                proptest::collection::vec(text(), extra),
                proptest::collection::vec(1u32..10_000, extra),
            )
        })
        .prop_map(|(prompt, items, ordered, context, item_lines)| {
            NoteBody::List(ListNote {
                prompt,
                items,
                ordered,
                context,
                item_lines,
            })
        });
    let plain = "[a-z中国式现代化\"\\\\\n。]{0,8}";
    let cloze = (
        proptest::string::string_regex(plain).unwrap(),
        nonblank(),
        proptest::string::string_regex(plain).unwrap(),
        1u32..4,
    )
        .prop_map(|(a, answer, b, group)| {
            // Braces inside the answer would change the blank; keep them out of it.
            let answer = answer.replace(['{', '}', ':'], "x");
            NoteBody::Cloze {
                text: format!("{a}{{{{c{group}::{answer}}}}}{b}"),
            }
        });
    prop_oneof![list, cloze]
}

fn deck() -> impl Strategy<Value = Deck> {
    let meta = (
        id(),
        nonblank(),
        proptest::option::of(any::<u32>()),
        proptest::option::of(text()),
        proptest::option::of(date()),
        proptest::option::of(date()),
    )
        .prop_map(|(id, title, version, source, date, exam)| DeckMeta {
            id: DeckId(id),
            title,
            version,
            source,
            date,
            exam,
            full_title: None,
            new_order: None,
            removed: vec![],
        });
    let note = (
        body(),
        source(),
        proptest::option::of(text()),
        proptest::collection::vec(nonblank(), 0..3),
        proptest::option::of("[0-9a-f]{16}"),
    );
    (meta, proptest::collection::vec(note, 0..5)).prop_map(|(meta, notes)| Deck {
        meta,
        notes: notes
            .into_iter()
            .enumerate()
            .map(|(i, (body, source, passage, tags, generated))| Note {
                // Unique ids, some Chinese.
                id: NoteId(if i % 2 == 0 {
                    format!("n{i}")
                } else {
                    format!("笔记{i}")
                }),
                body,
                source,
                passage,
                tags,
                generated,
                heading: vec![],
                priority: None,
            })
            .collect(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_never_panics_on_strings(s in "\\PC*") {
        let _ = check(&s, "x.toml");
    }

    #[test]
    fn parse_never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = check(&String::from_utf8_lossy(&b), "x.toml");
    }

    #[test]
    fn parse_never_panics_on_near_decks(d in deck(), cut in any::<prop::sample::Index>(), junk in "[\\[\\]{}=\"#\n a-z0-9]{0,6}") {
        // A valid deck with junk spliced in somewhere: exercises the validator, not just TOML errors.
        let text = to_toml(&d);
        let mut at = cut.index(text.len() + 1);
        while !text.is_char_boundary(at) { at -= 1; }
        let spliced = format!("{}{}{}", &text[..at], junk, &text[at..]);
        let _ = check(&spliced, "x.toml");
    }

    #[test]
    fn round_trip(d in deck()) {
        let text = to_toml(&d);
        let (back, _warnings) = parse(&text, "x.toml").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &d);
        prop_assert_eq!(to_toml(&back), text);
    }
}

// ---------------------------------------------------------------- search path

#[test]
fn search_path_order_and_overrides() {
    let p = SearchPath::new(&[], Some("/x/data".as_ref()), Some("/home/u".as_ref()));
    assert_eq!(
        p.dirs,
        vec![
            PathBuf::from("decks"),
            PathBuf::from("/x/data/tiankong/decks"),
            PathBuf::from("/usr/local/share/tiankong/decks"),
            PathBuf::from("/usr/share/tiankong/decks"),
        ]
    );
    // Relative XDG_DATA_HOME is invalid per the spec: fall back to HOME.
    let p = SearchPath::new(&[], Some("rel".as_ref()), Some("/home/u".as_ref()));
    assert_eq!(
        p.dirs[1],
        PathBuf::from("/home/u/.local/share/tiankong/decks")
    );
    let p = SearchPath::new(&[], None, None);
    assert_eq!(p.dirs.len(), 3);
    let explicit = vec![PathBuf::from("/a"), PathBuf::from("/b")];
    assert_eq!(
        SearchPath::new(&explicit, None, Some("/h".as_ref())).dirs,
        explicit
    );
}

// ---------------------------------------------------------------- the hostile deck folder

const GOOD: &str = "[deck]\nid = \"good\"\ntitle = \"好\"\n\n[[note]]\nid = \"a\"\nkind = \"cloze\"\ntext = \"{{x}}\"\n";

fn deck_text(id: &str) -> String {
    GOOD.replace("\"good\"", &format!("\"{id}\""))
}

/// Every path under `root` (not following symlinks) with its type, size and mtime.
fn snapshot_tree(root: &Path) -> BTreeMap<PathBuf, (String, u64, i64, i64)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(p) = stack.pop() {
        let m = std::fs::symlink_metadata(&p).unwrap();
        let kind = format!("{:?}", m.file_type());
        out.insert(p.clone(), (kind, m.len(), m.mtime(), m.mtime_nsec()));
        if m.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                stack.push(e.unwrap().path());
            }
        }
    }
    out
}

#[test]
fn hostile_folder_is_skipped_safely_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("decks");
    std::fs::create_dir(&dir).unwrap();
    let outside = tmp.path().join("outside.toml");
    std::fs::write(&outside, deck_text("outside")).unwrap();

    std::fs::write(dir.join("a-good.toml"), deck_text("good")).unwrap();
    std::fs::write(dir.join("b-broken.toml"), "[deck\n").unwrap();
    std::fs::write(dir.join("c-dup.toml"), deck_text("good")).unwrap();
    // An older copy: the same version, so the newer a-good wins.
    std::fs::File::options()
        .write(true)
        .open(dir.join("c-dup.toml"))
        .unwrap()
        .set_modified(std::time::SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("d-zero.toml")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("e-outside.toml")).unwrap();
    std::os::unix::fs::symlink("a-good.toml", dir.join("f-inside-link.toml")).unwrap();
    let fifo = dir.join("g-fifo.toml");
    let st = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(st.success());
    let huge = std::fs::File::create(dir.join("h-huge.toml")).unwrap();
    huge.set_len(MAX_DECK_BYTES + 1).unwrap(); // sparse: costs no disk
    drop(huge);
    std::os::unix::fs::symlink("missing.toml", dir.join("i-dangling.toml")).unwrap();
    std::fs::write(dir.join("j-binary.toml"), b"[deck]\nid = \"\xff\xfe\"\n").unwrap();
    std::fs::create_dir_all(dir.join("sub/deeper/deepest")).unwrap();
    std::fs::write(dir.join("sub/k-nested.toml"), deck_text("nested")).unwrap();
    std::fs::write(dir.join("sub/deeper/l-nested2.toml"), deck_text("nested2")).unwrap();
    std::fs::write(
        dir.join("sub/deeper/deepest/m-too-deep.toml"),
        deck_text("deep"),
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
    std::fs::write(dir.join(".hidden.toml"), "ignored").unwrap();
    std::os::unix::fs::symlink(tmp.path(), dir.join("n-dirlink.toml")).unwrap();

    let before = snapshot_tree(tmp.path());
    let started = Instant::now();
    let col = fs::load_dirs(std::slice::from_ref(&dir));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "loading took {:?}",
        started.elapsed()
    );
    let after = snapshot_tree(tmp.path());
    assert_eq!(before, after, "the deck folder must not change");

    let ids: Vec<&str> = col
        .decks
        .iter()
        .map(|d| d.deck.meta.id.0.as_str())
        .collect();
    assert_eq!(
        ids,
        vec!["good", "nested2", "nested"],
        "sorted, depth ≤ 2, the newer of one id (then the first)"
    );
    let msgs: Vec<String> = col
        .diagnostics
        .iter()
        .map(|d| d.show(Lang::En).replace(&dir.display().to_string(), "D"))
        .collect();
    let expect_prefixes = [
        "D/b-broken.toml:1:6: error: invalid TOML",
        "D/c-dup.toml:2:6: warning: deck id `good` is also in D/a-good.toml:2:6 (version 1 too, newer or first); that file is used and this one is skipped",
        "D/d-zero.toml: error: symlink points outside the deck folder (to /dev/zero), skipped",
        "D/e-outside.toml: error: symlink points outside the deck folder",
        "D/f-inside-link.toml:2:6: warning: deck id `good` is also in D/a-good.toml:2:6",
        "D/g-fifo.toml: error: a FIFO (named pipe), not a regular file, skipped",
        "D/h-huge.toml: error: too large (16777217 bytes; deck files are limited to 16 MiB), skipped",
        "D/i-dangling.toml: error: broken symlink, skipped",
        "D/j-binary.toml:2:7: error: not UTF-8 text",
        "D/n-dirlink.toml: error: symlink points outside the deck folder",
    ];
    assert_eq!(msgs.len(), expect_prefixes.len(), "{msgs:#?}");
    for (m, p) in msgs.iter().zip(expect_prefixes) {
        assert!(m.starts_with(p), "{m:?} should start with {p:?}");
    }
    let good = &col.decks[0];
    assert_eq!(good.size, deck_text("good").len() as u64);
    assert_eq!(good.hash, fs::fnv1a64(deck_text("good").as_bytes()));
}

#[test]
fn fifo_named_directly_does_not_block() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("p.toml");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let (deck, diags) = fs::load_file(&fifo);
    assert!(deck.is_none());
    assert!(diags[0].message.en.contains("FIFO"), "{diags:?}");
    assert!(diags[0].message.zh.contains("命名管道"), "{diags:?}");
    let (deck, diags) = fs::load_file(Path::new("/dev/zero"));
    assert!(deck.is_none());
    assert!(diags[0].message.en.contains("device"), "{diags:?}");
    assert!(diags[0].message.zh.contains("设备"), "{diags:?}");
}

#[test]
fn scan_reports_stamps_without_parsing() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("b.toml"), "not toml at all [").unwrap();
    std::fs::write(tmp.path().join("a.toml"), deck_text("a")).unwrap();
    let (stamps, diags) = fs::scan(&[tmp.path().to_path_buf()]);
    assert!(diags.is_empty());
    let names: Vec<_> = stamps
        .iter()
        .map(|s| s.path.file_name().unwrap().to_owned())
        .collect();
    assert_eq!(names, vec!["a.toml", "b.toml"]);
    let m = std::fs::metadata(tmp.path().join("a.toml")).unwrap();
    assert_eq!(stamps[0].size, m.len());
    assert_eq!(
        stamps[0].mtime_ns,
        m.mtime() * 1_000_000_000 + m.mtime_nsec()
    );
    let (loaded, _) = fs::load_file(&tmp.path().join("a.toml"));
    let loaded = loaded.unwrap();
    assert_eq!(
        (loaded.size, loaded.mtime_ns),
        (stamps[0].size, stamps[0].mtime_ns)
    );
}

#[test]
fn load_falls_back_to_builtin_only_without_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = SearchPath {
        dirs: vec![tmp.path().join("nope")],
    };
    let col = fs::load(&missing);
    assert_eq!(col.origin, fs::Origin::BuiltIn);
    assert_eq!(col.decks.len(), fs::builtin_texts().len());
    let present = SearchPath {
        dirs: vec![tmp.path().join("nope"), tmp.path().to_path_buf()],
    };
    let col = fs::load(&present);
    assert_eq!(
        col.origin,
        fs::Origin::Folders(vec![tmp.path().to_path_buf()])
    );
    assert!(col.decks.is_empty());
}

// ---------------------------------------------------------------- tiankong lint

fn lint(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_tiankong"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TIANKONG_DECKS")
        .args(["--lang", "en", "lint"])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn lint_fixture_folder() {
    let (out, code) = lint(&["tests/fixtures/lint"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(out);
}

#[test]
fn lint_warnings_only_exits_zero_and_missing_path_fails() {
    let (out, code) = lint(&[
        "tests/fixtures/lint/good.toml",
        "tests/fixtures/lint/warnings-only.toml",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("2 files, 0 errors, 2 warnings\n"), "{out}");
    let (out, code) = lint(&["tests/fixtures/lint/good.toml", "no/such.toml"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out,
        "no/such.toml: error: cannot read: no such file or folder\n1 file, 1 error, 0 warnings\n"
    );
}

/// `tiankong lint` as a user in another language would run it: `env` and `args` choose it.
fn lint_as(env: Option<&str>, args: &[&str]) -> (String, i32) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tiankong"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TIANKONG_DECKS")
        .env_remove("TIANKONG_LANG");
    if let Some(lang) = env {
        cmd.env("TIANKONG_LANG", lang);
    }
    let out = cmd.args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn lint_fixture_folder_in_chinese() {
    let (out, code) = lint_as(Some("zh"), &["lint", "tests/fixtures/lint"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(out);
}

#[test]
fn lint_speaks_the_language_asked_for_with_the_same_shape_and_exit_code() {
    let zh = "no/such.toml: 错误: 无法读取：没有这个文件或文件夹\n1 个文件，1 个错误，0 个警告\n";
    let en =
        "no/such.toml: error: cannot read: no such file or folder\n1 file, 1 error, 0 warnings\n";
    let missing = ["tests/fixtures/lint/good.toml", "no/such.toml"];
    let with = |pre: &[&'static str]| -> Vec<&'static str> {
        pre.iter().copied().chain(["lint"]).chain(missing).collect()
    };
    // Chinese by default.
    assert_eq!(lint_as(None, &with(&[])), (zh.to_string(), 1));
    assert_eq!(lint_as(Some("en"), &with(&[])), (en.to_string(), 1));
    // The flag wins over the environment, before or after the subcommand.
    assert_eq!(
        lint_as(Some("en"), &with(&["--lang", "zh"])),
        (zh.to_string(), 1)
    );
    let mut after = with(&[]);
    after.insert(1, "--lang");
    after.insert(2, "en");
    assert_eq!(lint_as(Some("zh"), &after), (en.to_string(), 1));
    // Warnings only: exit 0 in both languages, the warning word follows the language.
    let warn = ["lint", "tests/fixtures/lint/warnings-only.toml"];
    let (out, code) = lint_as(Some("zh"), &warn);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("warnings-only.toml:5:1: 警告: [deck] 表里有未知字段 `author`，已忽略\n"),
        "{out}"
    );
    assert!(out.ends_with("1 个文件，0 个错误，2 个警告\n"), "{out}");
    let (out, code) = lint_as(Some("en"), &warn);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(
            "warnings-only.toml:5:1: warning: unknown field `author` in [deck], ignored\n"
        ),
        "{out}"
    );
}

#[test]
fn builtin_decks_are_valid() {
    // The repository's decks/ is embedded at build time; a shipped deck must lint clean.
    let col = fs::builtin();
    let errors: Vec<String> = col
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.show(Lang::En))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(col.decks.len(), fs::builtin_texts().len());
}

/// A file the caller already knows (same stamp and hash) is read and hashed but not parsed;
/// the others are parsed as usual.
#[test]
fn load_cached_parses_only_changed_files() {
    use tiankong::deck::fs::{load_cached, SearchPath};
    use tiankong::deck::DeckId;
    let dir = tempfile::tempdir().unwrap();
    let deck = |id: &str| {
        format!("[deck]\nid = \"{id}\"\ntitle = \"t\"\n\n[[note]]\nid = \"n\"\nkind = \"cloze\"\ntext = \"{{{{空}}}}白\"\n")
    };
    std::fs::write(dir.path().join("a.toml"), deck("a")).unwrap();
    std::fs::write(dir.path().join("b.toml"), deck("b")).unwrap();
    let search = SearchPath {
        dirs: vec![dir.path().to_path_buf()],
    };
    let (first, none) = load_cached(&search, &|_, _| None);
    assert_eq!(first.decks.len(), 2);
    assert!(none.is_empty());
    let a = first
        .decks
        .iter()
        .find(|d| d.deck.meta.id.0 == "a")
        .unwrap()
        .clone();
    let known = move |stamp: &tiankong::deck::fs::FileStamp, hash: u64| {
        (stamp.path == a.path
            && stamp.size == a.size
            && stamp.mtime_ns == a.mtime_ns
            && hash == a.hash)
            .then(|| DeckId("a".into()))
    };
    let (second, unchanged) = load_cached(&search, &known);
    assert_eq!(
        second
            .decks
            .iter()
            .map(|d| d.deck.meta.id.0.as_str())
            .collect::<Vec<_>>(),
        ["b"]
    );
    assert_eq!(
        unchanged
            .iter()
            .map(|u| u.id.0.as_str())
            .collect::<Vec<_>>(),
        ["a"]
    );
    // A changed file is parsed again.
    std::fs::write(
        dir.path().join("a.toml"),
        deck("a").replace("title = \"t\"", "title = \"t2\""),
    )
    .unwrap();
    let (third, unchanged) = load_cached(&search, &known);
    assert_eq!(third.decks.len(), 2);
    assert!(unchanged.is_empty());
}

#[test]
fn the_higher_version_of_a_deck_id_wins_then_the_newer_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let v = |n: u32, title: &str| {
        GOOD.replace(
            "title = \"好\"",
            &format!("title = \"{title}\"\nversion = {n}"),
        )
    };
    // An old backup sorts first; the published deck has version 2.
    std::fs::write(dir.join("0-backup-old.toml"), v(1, "旧")).unwrap();
    std::fs::write(dir.join("good.toml"), v(2, "新")).unwrap();
    let old = std::time::SystemTime::now() - Duration::from_secs(86_400);
    let set_mtime = |name: &str, t: std::time::SystemTime| {
        std::fs::File::options()
            .write(true)
            .open(dir.join(name))
            .unwrap()
            .set_modified(t)
            .unwrap();
    };
    // Even when the backup is the newer file.
    set_mtime("good.toml", old);
    let col = fs::load_dirs(&[dir.to_path_buf()]);
    assert_eq!(col.decks.len(), 1);
    assert_eq!(col.decks[0].deck.meta.title, "新");
    let msgs: Vec<String> = col.diagnostics.iter().map(|d| d.show(Lang::En)).collect();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].contains("0-backup-old.toml:2:6: warning: deck id `good` is also in"),
        "{msgs:?}"
    );
    assert!(
        msgs[0].contains("good.toml:2:6 (version 2 > 1)"),
        "{msgs:?}"
    );

    // One version: the newer file.
    std::fs::write(dir.join("0-backup-old.toml"), v(2, "较新")).unwrap();
    let col = fs::load_dirs(&[dir.to_path_buf()]);
    assert_eq!(col.decks[0].deck.meta.title, "较新");
    set_mtime("0-backup-old.toml", old - Duration::from_secs(60));
    let col = fs::load_dirs(&[dir.to_path_buf()]);
    assert_eq!(col.decks[0].deck.meta.title, "新");

    // lint says the same.
    let out = Command::new(env!("CARGO_BIN_EXE_tiankong"))
        .args(["--lang", "en", "lint"])
        .arg(dir)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "a warning, not an error: {text}");
    assert!(
        text.contains("0-backup-old.toml:2:6: warning: deck id `good` is also in"),
        "{text}"
    );
}

/// A cached load (unchanged files are not parsed) applies the same rule: an unchanged old
/// backup does not win over a newer version that sorts after it.
#[test]
fn a_cached_load_still_picks_the_higher_version() {
    use tiankong::deck::fs::{load_cached, SearchPath};
    use tiankong::deck::DeckId;
    let dir = tempfile::tempdir().unwrap();
    let deck = |v: u32| {
        format!("[deck]\nid = \"a\"\ntitle = \"v{v}\"\nversion = {v}\n\n[[note]]\nid = \"n\"\nkind = \"cloze\"\ntext = \"{{{{空}}}}白\"\n")
    };
    std::fs::write(dir.path().join("0-backup.toml"), deck(1)).unwrap();
    let search = SearchPath {
        dirs: vec![dir.path().to_path_buf()],
    };
    let (first, _) = load_cached(&search, &|_, _| None);
    let backup = first.decks[0].clone();
    // The backup is known (as a student's database would know it); version 2 arrives.
    std::fs::write(dir.path().join("a.toml"), deck(2)).unwrap();
    let known = move |stamp: &tiankong::deck::fs::FileStamp, hash: u64| {
        (stamp.path == backup.path && hash == backup.hash).then(|| DeckId("a".into()))
    };
    let (second, unchanged) = load_cached(&search, &known);
    assert!(unchanged.is_empty(), "{unchanged:?}");
    assert_eq!(second.decks.len(), 1);
    assert_eq!(second.decks[0].deck.meta.title, "v2");
    assert!(second
        .diagnostics
        .iter()
        .any(|d| d.file.ends_with("0-backup.toml") && !d.is_error()));
}
