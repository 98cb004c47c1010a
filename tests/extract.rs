//! Golden tests of list extraction and PDF repair on small fixtures: one per marker family,
//! the false-positive traps, and wrapped text. Snapshots are reviewed by hand.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use tiankong::corpus;
use tiankong::extract;

fn render(path: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let docs = corpus::normalize(&text, path);
    let mut out = String::new();
    for (_, l) in extract::find_all(&docs) {
        out.push_str(&format!(
            "[{}] {} {} | {} | {}\n",
            l.line,
            l.marker,
            if l.explicit { "explicit" } else { "implicit" },
            l.prompt,
            l.items
                .iter()
                .map(|i| i.key.as_str())
                .collect::<Vec<_>>()
                .join(" / ")
        ));
    }
    out
}

fn render_paragraphs(path: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    for d in corpus::normalize(&text, path) {
        out.push_str(&format!(
            "# {} | {:?} | {:?} | {:?} | line {}\n",
            d.title, d.source, d.date, d.issue, d.line
        ));
        for p in &d.paragraphs {
            out.push_str(&format!("[{}] {}\n", p.first_line(), p.text));
        }
    }
    out
}

#[test]
fn every_marker_family() {
    insta::assert_snapshot!(render("tests/fixtures/extract/families.txt"));
}

#[test]
fn traps_make_no_lists() {
    assert_eq!(render("tests/fixtures/extract/traps.txt"), "");
}

#[test]
fn wrapped_text_is_repaired() {
    insta::assert_snapshot!(render_paragraphs("tests/fixtures/extract/wrapped.txt"));
    insta::assert_snapshot!(
        "wrapped_lists",
        render("tests/fixtures/extract/wrapped.txt")
    );
}

mod robustness {
    use proptest::prelude::*;
    use tiankong::{corpus, extract};

    /// Text built from the pieces this genre's parser keys on, so the cases reach deep paths.
    fn genre_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "第一，",
            "第二，",
            "一是",
            "二是",
            "（一）",
            "（二）",
            "一、",
            "二、",
            "——",
            "①",
            "②",
            "首先，",
            "其次，",
            "最后，",
            "一方面，",
            "另一方面，",
            "坚持",
            "着力",
            "：",
            "；",
            "、",
            "，",
            "。",
            "\n",
            "\n\n",
            " ",
            "（来源：新华网，2024年 5月 27日）",
            "2024年 5月",
            "发展",
            "中国式现代化",
            "的",
            "等",
            "三个",
            "几个",
            "“",
            "”",
            "（",
            "）",
            "一",
            "十二",
            "1.",
            "(1)",
            "是",
            "和",
            "现代化",
            "产业",
            "\r\n",
            "\u{3000}",
            "é",
            "😀",
        ]);
        prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn reader_and_extractor_never_panic_on_genre_text(text in genre_text()) {
            let docs = corpus::normalize(&text, "p.txt");
            for (_, l) in extract::find_all(&docs) {
                prop_assert!(l.items.len() >= 2);
                prop_assert!(l.items.iter().all(|i| !i.key.is_empty()));
            }
        }

        #[test]
        fn reader_never_panics_on_any_string(text in any::<String>()) {
            let docs = corpus::normalize(&text, "p.txt");
            let _ = extract::find_all(&docs);
        }

        #[test]
        fn decoder_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
            if let Ok(text) = corpus::read::decode(&bytes) {
                let _ = extract::find_all(&corpus::normalize(&text, "p.txt"));
            }
        }
    }
}

mod cli {
    use std::process::Command;

    fn generate(input: &std::path::Path) -> (bool, String, String) {
        let out = tempfile::tempdir().unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_tiankong"))
            .args(["--lang", "en", "generate"])
            .arg(input)
            .arg("--out")
            .arg(out.path().join("decks"))
            .output()
            .unwrap();
        (
            o.status.success(),
            String::from_utf8_lossy(&o.stdout).into(),
            String::from_utf8_lossy(&o.stderr).into(),
        )
    }

    #[test]
    fn empty_binary_and_missing_inputs_get_one_clear_message() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "").unwrap();
        let binary = dir.path().join("binary.txt");
        std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
        let missing = dir.path().join("missing.txt");
        for (path, word) in [
            (&empty, "empty"),
            (&binary, "binary"),
            (&missing, "No such file"),
        ] {
            let (ok, stdout, stderr) = generate(path);
            assert!(!ok, "{path:?} should fail");
            assert!(stdout.is_empty(), "{stdout}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(
                stderr.contains(&path.display().to_string()) && stderr.contains(word),
                "{stderr}"
            );
        }
        // Nothing was written for a failed run.
        assert!(!dir.path().join("decks").exists());
    }

    #[test]
    fn a_gbk_file_generates_like_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let text = std::fs::read_to_string("tests/fixtures/extract/families.txt").unwrap();
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let path = dir.path().join("gbk.txt");
        std::fs::write(&path, &gbk).unwrap();
        let (ok, stdout, stderr) = generate(&path);
        assert!(ok, "{stderr}");
        assert!(stdout.contains("15 lists"), "{stdout}");
    }
}

/// The families fixture hard-wrapped at 22 characters with indented first lines and no blank
/// lines (another common PDF extraction) gives the same lists, item for item.
#[test]
fn indented_wrapping_finds_the_same_lists() {
    let text = std::fs::read_to_string("tests/fixtures/extract/families.txt").unwrap();
    let mut wrapped = String::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        if line.chars().count() <= 16 || line.starts_with("（来源") {
            wrapped.push_str(line);
            wrapped.push('\n');
            continue;
        }
        let body: Vec<char> = format!("\u{3000}\u{3000}{line}").chars().collect();
        for chunk in body.chunks(22) {
            wrapped.extend(chunk);
            wrapped.push('\n');
        }
    }
    let items = |t: &str| -> Vec<Vec<String>> {
        extract::find_all(&corpus::normalize(t, "f.txt"))
            .into_iter()
            .map(|(_, l)| l.items.into_iter().map(|i| i.key).collect())
            .collect()
    };
    assert_eq!(items(&wrapped), items(&text));
}

/// A clause after the last item that sums the list up names it (…，X取得显著成效),
/// a count inside a quoted name (“三个代表”) is never turned into the list's size, and a run
/// of paragraphs opening on a verb of knowing is named by it.
#[test]
fn summaries_after_the_items_and_quoted_counts() {
    let out = render("tests/fixtures/extract/summaries.txt");
    assert!(out.contains("县域经济取得的四方面显著成效 |"), "{out}");
    // The summary clause is the prompt, no longer part of the last item.
    assert!(out.contains("/ 生态环境质量稳步改善\n"), "{out}");
    assert!(out.contains("“三个代表”"), "{out}");
    assert!(
        !out.contains("几个代表") && !out.contains("四个代表"),
        "{out}"
    );
    // Paragraphs that open on a verb of knowing (我们深刻体会到，…) are its category.
    assert!(out.contains("的三个深刻体会 |"), "{out}");
    // …、C和D等 with items of one length: 和 joins the last two items.
    assert!(
        out.contains("| 土地 / 劳动 / 知识 / 资本 / 技术\n"),
        "{out}"
    );
}
