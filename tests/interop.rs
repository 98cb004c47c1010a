//! Export and import (issue 5): golden files of a small hand-written deck in both formats,
//! the shipped decks exported and imported back with equal content, and the commands
//! themselves (atomic output, no overwrite, nothing written on bad input).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use tiankong::deck::{self, Deck, Note, NoteBody};
use tiankong::interop::{self, anki::explicit_groups, Format};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> Deck {
    let path = root().join("tests/fixtures/interop/small.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    deck::parse(&text, "small.toml").unwrap().0
}

fn shipped() -> Vec<Deck> {
    let c = deck::fs::load_dirs(&[root().join("decks")]);
    assert!(
        c.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        c.diagnostics
    );
    assert!(!c.decks.is_empty());
    c.decks.into_iter().map(|l| l.deck).collect()
}

/// What a student studies: the list's prompt and items, or the cloze text with its groups
/// (`{{x}}` and `{{c1::x}}` are the same blank).
#[derive(Debug, PartialEq)]
enum Content {
    List(String, Vec<String>),
    Cloze(String),
}

fn content(n: &Note) -> Content {
    match &n.body {
        NoteBody::List(l) => Content::List(l.prompt.clone(), l.items.clone()),
        NoteBody::Cloze { text } => Content::Cloze(explicit_groups(text)),
    }
}

/// Every note of `decks` is in `back` under the same id with the same content, and nothing
/// else is. From CSV the source, `ordered` and tags come back whole; from Anki the source's
/// document and date only (Back Extra never holds a file path) and lists come back ordered.
fn assert_same_notes(decks: &[&Deck], back: &Deck, format: Format) {
    let originals: Vec<&Note> = decks.iter().flat_map(|d| &d.notes).collect();
    assert_eq!(originals.len(), back.notes.len());
    for (a, b) in originals.iter().zip(&back.notes) {
        assert_eq!(a.id, b.id);
        assert_eq!(content(a), content(b), "note {}", a.id);
        match format {
            Format::Csv => {
                assert_eq!(a.source, b.source, "note {}", a.id);
                assert_eq!(a.tags, b.tags, "note {}", a.id);
                if let (NoteBody::List(x), NoteBody::List(y)) = (&a.body, &b.body) {
                    assert_eq!(x.ordered, y.ordered, "note {}", a.id);
                }
            }
            Format::Anki => {
                let doc_date =
                    |n: &Note| n.source.as_ref().map(|s| (s.doc.clone(), s.date.clone()));
                let (x, y) = (doc_date(a), doc_date(b));
                // A source with neither document nor date has nothing to show.
                if x.as_ref().is_some_and(|(d, t)| d.is_some() || t.is_some()) {
                    assert_eq!(x, y, "note {}", a.id);
                }
                assert!(b.source.as_ref().is_none_or(|s| s.file.is_none()));
            }
        }
    }
}

#[test]
fn anki_export_of_the_fixture() {
    let d = fixture();
    let text = interop::to_anki(&[&d]).unwrap();
    insta::assert_snapshot!("anki_fixture", text);
}

#[test]
fn anki_export_of_two_decks_uses_a_deck_column() {
    let a = fixture();
    let mut b = fixture();
    b.meta.id = deck::DeckId("second".into());
    b.meta.title = "第二".into();
    b.notes.truncate(1);
    let text = interop::to_anki(&[&a, &b]).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..6],
        [
            "#separator:tab",
            "#html:true",
            "#notetype:Cloze",
            "#deck column:1",
            "#tags column:4",
            "#guid column:5"
        ]
    );
    assert!(lines[6].starts_with("tiankong::加快构建新发展格局:测试\t构建新发展格局"));
    assert!(lines.last().unwrap().starts_with("tiankong::第二\t"));
    assert!(lines
        .last()
        .unwrap()
        .ends_with("\ttiankong/second/zhuolidian"));
    // `zhuolidian` is in both decks: the second one, now in one deck, gets an id from its
    // content instead of the repeated one.
    let back = reimport(&text, Format::Anki);
    assert_eq!(back.notes.len(), 5);
    assert_eq!(back.notes[0].id.0, "zhuolidian");
    assert!(
        back.notes[4].id.0.starts_with("list-"),
        "{}",
        back.notes[4].id
    );
    assert_eq!(content(&back.notes[4]), content(&b.notes[0]));
}

#[test]
fn csv_export_of_the_fixture() {
    let d = fixture();
    let text = interop::to_csv(&[&d]).unwrap();
    assert!(text.starts_with('\u{feff}'));
    // Shown with visible line ends: rows end in CRLF, line breaks inside cells are LF.
    insta::assert_snapshot!("csv_fixture", text.replace("\r\n", "⏎\n"));
}

fn reimport(text: &str, format: Format) -> Deck {
    let imported = interop::import(text, "export", "back").unwrap();
    assert_eq!(imported.format, format);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    imported.deck
}

#[test]
fn fixture_round_trips_through_both_formats() {
    let d = fixture();
    for (text, format) in [
        (interop::to_anki(&[&d]).unwrap(), Format::Anki),
        (interop::to_csv(&[&d]).unwrap(), Format::Csv),
    ] {
        let back = reimport(&text, format);
        assert_same_notes(&[&d], &back, format);
    }
    // Back Extra: heading path, passage, document and date; no file path.
    let anki = interop::to_anki(&[&d]).unwrap();
    assert!(!anki.contains("corpus/a.txt"), "{anki}");
    assert!(anki.contains("\t习近平：新发展阶段贯彻新发展理念必然要求构建新发展格局 › 四、构建新发展格局要把握好几个重要着力点<br>构建新发展格局，要把握好以下几个重要着力点。<br>第一，加快培育完整内需体系。<br>习近平：新发展阶段贯彻新发展理念必然要求构建新发展格局 · 2020-10-29\t"), "{anki}");
    // Anki keeps tags (spaces become `_`) and the title from `#deck:`.
    let back = reimport(&anki, Format::Anki);
    assert_eq!(back.meta.title, "加快构建新发展格局:测试");
    assert_eq!(back.notes[0].tags, ["marker:第一", "hand_edited"]);
    // The cloze text comes back in deck style, `{{x}}` for group 1.
    assert_eq!(content(&back.notes[3]), content(&d.notes[3]));
    let NoteBody::Cloze { text } = &back.notes[2].body else {
        panic!()
    };
    assert_eq!(
        text,
        "全体人民共同富裕是中国式现代化的{{本质特征}}，{{c2::高质量发展}}是首要任务。"
    );
}

#[test]
fn shipped_decks_round_trip() {
    let decks = shipped();
    let refs: Vec<&Deck> = decks.iter().collect();
    let anki = interop::to_anki(&refs).unwrap();
    let csv = interop::to_csv(&refs).unwrap();
    assert_same_notes(&refs, &reimport(&anki, Format::Anki), Format::Anki);
    assert_same_notes(&refs, &reimport(&csv, Format::Csv), Format::Csv);
    // Each deck alone too (the `#deck:` header form), with its title.
    for d in &decks {
        let back = reimport(&interop::to_anki(&[d]).unwrap(), Format::Anki);
        assert_same_notes(&[d], &back, Format::Anki);
        assert_eq!(back.meta.title, d.meta.title.replace("::", ":").trim());
    }
}

/// Each list item is its own cloze, and its blank is the one tiankong's item card shows.
#[test]
fn every_list_item_is_its_own_cloze() {
    // Lists whose blanks leave a shared frame visible (…的现代化): the shipped decks have some.
    let mut framed = 0;
    for d in shipped() {
        let text = interop::to_anki(&[&d]).unwrap();
        let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(rows.len(), d.notes.len());
        for (row, note) in rows.iter().zip(&d.notes) {
            let NoteBody::List(list) = &note.body else {
                continue;
            };
            let field = row.split('\t').next().unwrap();
            let lines: Vec<&str> = field.split("<br>").collect();
            assert_eq!(lines.len(), list.items.len() + 1, "{row}");
            for (i, item) in list.items.iter().enumerate() {
                let card = tiankong::cloze::render(note, &tiankong::cloze::Slot::Item(i)).unwrap();
                let open = format!("{{{{c{}::", i + 1);
                let blank = format!("{open}{}}}}}", card.answers[0]);
                assert!(lines[i + 1].contains(&blank), "{} vs {blank}", lines[i + 1]);
                assert_eq!(
                    lines[i + 1].replacen(&open, "", 1).replacen("}}", "", 1),
                    *item
                );
            }
            framed += usize::from(
                list.items
                    .iter()
                    .any(|i| !lines.iter().any(|l| l.contains(&format!("::{i}}}}}")))),
            );
        }
    }
    assert!(
        framed > 0,
        "no list with a shared frame in the shipped decks"
    );
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tiankong"));
    c.args(["--lang", "en"]);
    c
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn commands_export_and_import() {
    let tmp = tempfile::tempdir().unwrap();
    let decks = root().join("decks");
    let out = tmp.path().join("all.txt");
    let (code, _, err) = run(bin()
        .arg("--decks")
        .arg(&decks)
        .args(["export", "--format", "anki", "-o"])
        .arg(&out));
    assert_eq!(code, 0, "{err}");
    assert_eq!(files_in(tmp.path()), ["all.txt"], "no temporary file left");
    let refs = shipped();
    let expected = interop::to_anki(&refs.iter().collect::<Vec<_>>()).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);

    // Unknown deck: the known ids are listed, and nothing is written.
    let (code, _, err) = run(bin()
        .arg("--decks")
        .arg(&decks)
        .args(["export", "--format", "csv", "--deck", "nope", "-o"])
        .arg(tmp.path().join("x.csv")));
    assert_ne!(code, 0);
    assert!(err.contains("no deck `nope`"), "{err}");
    assert!(err.contains(&refs[0].meta.id.0), "{err}");
    let (code, _, err) = run(bin()
        .arg("--decks")
        .arg(&decks)
        .args(["export", "--format", "apkg", "-o"])
        .arg(tmp.path().join("x.apkg")));
    assert_ne!(code, 0);
    assert!(err.contains("use `anki` or `csv`"), "{err}");
    assert_eq!(files_in(tmp.path()), ["all.txt"]);

    // Import writes DIR/ID.toml, which lints clean; a second import refuses to overwrite.
    let dir = tmp.path().join("decks");
    let (code, stdout, err) = run(bin()
        .arg("import")
        .arg(&out)
        .args(["--deck", "class-a", "--out"])
        .arg(&dir));
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("class-a.toml"), "{stdout}");
    let written = std::fs::read_to_string(dir.join("class-a.toml")).unwrap();
    let (back, warnings) = deck::parse(&written, "class-a.toml").unwrap();
    assert!(warnings.is_empty());
    assert_same_notes(&refs.iter().collect::<Vec<_>>(), &back, Format::Anki);
    let before = written.clone();
    let (code, _, err) = run(bin()
        .arg("import")
        .arg(&out)
        .args(["--deck", "class-a", "--out"])
        .arg(&dir));
    assert_ne!(code, 0);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("class-a.toml")).unwrap(),
        before
    );

    // Bad input: located errors, exit 1, nothing written.
    let bad = tmp.path().join("bad.txt");
    std::fs::write(&bad, "#separator:tab\nok {{c1::a}}\tx\nno blank here\tx\n").unwrap();
    let (code, _, err) = run(bin()
        .arg("import")
        .arg(&bad)
        .args(["--deck", "bad", "--out"])
        .arg(&dir));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("bad.txt:3:1: error: cloze text has no blank"),
        "{err}"
    );
    assert_eq!(files_in(&dir), ["class-a.toml"]);
    // The same findings in Chinese for a Chinese user: same place, same exit code.
    let out = Command::new(env!("CARGO_BIN_EXE_tiankong"))
        .env("TIANKONG_LANG", "zh")
        .arg("import")
        .arg(&bad)
        .args(["--deck", "bad", "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("bad.txt:3:1: 错误: 填空文本里没有挖空（把答案写成 `{{答案}}`）"),
        "{err}"
    );
    assert!(err.contains("1 个错误；没有写入任何文件"), "{err}");
    assert!(!err.contains("error"), "no English left: {err}");
    assert_eq!(files_in(&dir), ["class-a.toml"]);
}

#[test]
fn import_update_merges_a_spreadsheet_edit_into_the_deck_file_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let decks = tmp.path().join("decks");
    std::fs::create_dir(&decks).unwrap();
    let file = decks.join("small.toml");
    let original =
        std::fs::read_to_string(root().join("tests/fixtures/interop/small.toml")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let csv = tmp.path().join("small.csv");
    let (code, _, err) = run(bin()
        .arg("--decks")
        .arg(&decks)
        .args(["export", "--format", "csv", "-o"])
        .arg(&csv));
    assert_eq!(code, 0, "{err}");
    // In the spreadsheet: a prompt reworded, a tag added, the unordered list made ordered, and
    // a new row.
    let text = std::fs::read_to_string(&csv).unwrap();
    let edited = text
        .replacen(
            "构建新发展格局要把握好的三个重要着力点",
            "构建新发展格局的三个着力点",
            1,
        )
        .replacen(
            "\"marker:第一\nhand edited\"",
            "\"marker:第一\nhand edited\n期中\"",
            1,
        )
        .replacen(",false,", ",true,", 1)
        + "xin-fazhan-geju,xin,cloze,{{高质量发展}}是首要任务。,,,,\r\n";
    assert_ne!(edited, text);
    std::fs::write(&csv, &edited).unwrap();

    let (code, out, err) = run(bin().arg("import").arg(&csv).arg("--update").arg(&file));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 updated, 1 added"), "{out}");
    assert!(out.contains("(version bumped)"), "{out}");
    let after = std::fs::read_to_string(&file).unwrap();
    // The file's comments stay; only the changed lines change.
    assert!(
        after.starts_with("# tiankong deck, format v1\n# A small hand-written deck"),
        "{after}"
    );
    let (deck, _) = deck::parse(&after, "small.toml").unwrap();
    assert_eq!(deck.meta.version, Some(3));
    let by_id = |id: &str| deck.notes.iter().find(|n| n.id.0 == id).unwrap();
    let NoteBody::List(z) = &by_id("zhuolidian").body else {
        panic!()
    };
    assert_eq!(z.prompt, "构建新发展格局的三个着力点");
    assert_eq!(
        by_id("zhuolidian").tags,
        ["marker:第一", "hand edited", "期中"]
    );
    // What the CSV does not carry stays: heading and passage.
    assert_eq!(by_id("zhuolidian").heading.len(), 2);
    assert!(by_id("zhuolidian").passage.is_some());
    let NoteBody::List(t) = &by_id("tezheng").body else {
        panic!()
    };
    assert!(t.ordered);
    assert_eq!(deck.notes.last().unwrap().id.0, "xin");
    assert_eq!(deck.notes.len(), 5);
    // Only the changed lines went: version, prompt, tags, `ordered = false`.
    let gone: Vec<&str> = original
        .lines()
        .filter(|l| !after.lines().any(|a| a == *l))
        .collect();
    assert_eq!(gone.len(), 4, "{gone:?}");
    assert!(gone.contains(&"ordered = false"), "{gone:?}");

    // The same file again changes nothing.
    let (code, out, err) = run(bin().arg("import").arg(&csv).arg("--update").arg(&file));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("5 unchanged, 0 updated, 0 added"), "{out}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), after);

    // An unknown deck: nothing written.
    let (code, _, err) = run(bin()
        .arg("--decks")
        .arg(&decks)
        .arg("import")
        .arg(&csv)
        .args(["--update", "nope"]));
    assert_ne!(code, 0);
    assert!(err.contains("no deck `nope`"), "{err}");
}

mod props {
    use super::*;
    use proptest::prelude::*;
    use tiankong::deck::{DeckId, DeckMeta, ListNote, NoteId};

    // Text with the characters that need care in both formats: separators, quotes, HTML
    // specials, a leading `#`, tabs; no line breaks, braces or `::` (export refuses those in
    // items), no count words (the linter checks a prompt's count against its items).
    const PIECE: &str = "[a-z中文，、;|<>&\"#\t ]{1,6}";

    fn clean(s: String) -> Option<String> {
        let t = s.trim().to_string();
        (!t.is_empty() && t == s && !t.contains(':')).then_some(t)
    }

    fn piece() -> impl Strategy<Value = String> {
        PIECE.prop_filter_map("trimmed, non-empty", clean)
    }

    fn note() -> impl Strategy<Value = NoteBody> {
        prop_oneof![
            (piece(), proptest::collection::btree_set(piece(), 2..6)).prop_map(|(p, items)| {
                NoteBody::List(ListNote {
                    prompt: p,
                    items: items.into_iter().collect(),
                    ordered: true,
                    context: Vec::new(),
                    item_lines: Vec::new(),
                })
            }),
            (piece(), piece(), piece(), 1u32..4).prop_map(|(a, b, c, g)| NoteBody::Cloze {
                text: format!("{a}{{{{{b}}}}}{c}{{{{c{g}::{a}}}}}"),
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_deck_round_trips(bodies in proptest::collection::vec(note(), 1..6)) {
            let deck = Deck {
                meta: DeckMeta {
                    id: DeckId("p".into()),
                    title: "T".into(),
                    version: None,
                    source: None,
                    date: None,
                    exam: None,
                    full_title: None,
                    new_order: None,
                    removed: vec![],
                },
                notes: bodies
                    .into_iter()
                    .enumerate()
                    .map(|(i, body)| Note {
                        id: NoteId(format!("n{i}")),
                        body,
                        source: None,
                        passage: None,
                        tags: Vec::new(),
                        generated: None,
                        heading: vec![],
                        priority: None,
                    })
                    .collect(),
            };
            // Only decks the linter accepts are worth exporting.
            prop_assume!(deck::check(&deck::to_toml(&deck), "p.toml").diagnostics.is_empty());
            for text in [interop::to_anki(&[&deck]).unwrap(), interop::to_csv(&[&deck]).unwrap()] {
                let back = interop::import(&text, "p", "p").unwrap().deck;
                prop_assert_eq!(back.notes.len(), deck.notes.len());
                for (a, b) in deck.notes.iter().zip(&back.notes) {
                    prop_assert_eq!(&a.id, &b.id);
                    prop_assert_eq!(content(a), content(b));
                }
            }
        }

        #[test]
        fn import_never_panics(text in "(#[a-z ]{0,8}:[a-z0-9]{0,4}\n)?[\"\t,{}c1:a-z中<>&;\n\r#]{0,80}") {
            let _ = interop::import(&text, "x", "x");
        }
    }
}
