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
