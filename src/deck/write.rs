//! Deck to TOML text, format v1: readable, with a fixed field order, and deterministic (the
//! same deck always gives byte-identical text, so regenerated decks diff cleanly). Pure.
//!
//! Strings are always TOML basic strings with escapes (never literal or multi-line strings),
//! so one rule covers quotes, backslashes, newlines and control characters.
use std::fmt::Write as _;

use super::model::{Deck, ListNote, Note, NoteBody, SourceRef};

/// The first line of every deck file written by tiankong.
pub const HEADER: &str = "# tiankong deck, format v1";

/// Serialize a deck. `parse(&to_toml(d), _)` gives back `d` for any valid deck.
pub fn to_toml(deck: &Deck) -> String {
    let mut out = String::new();
    out.push_str(HEADER);
    out.push_str("\n\n[deck]\n");
    let m = &deck.meta;
    field(&mut out, "id", &quote(&m.id.0));
    field(&mut out, "title", &quote(&m.title));
    if let Some(v) = m.version {
        field(&mut out, "version", &v.to_string());
    }
    opt_str(&mut out, "source", m.source.as_deref());
    opt_str(&mut out, "date", m.date.as_deref());
    opt_str(&mut out, "exam", m.exam.as_deref());
    opt_str(&mut out, "full_title", m.full_title.as_deref());
    opt_str(&mut out, "new_order", m.new_order.map(|o| o.as_str()));
    if !m.removed.is_empty() {
        string_array(&mut out, "removed", &m.removed);
    }
    for note in &deck.notes {
        out.push_str("\n[[note]]\n");
        write_note(&mut out, note);
    }
    out
}

fn write_note(out: &mut String, note: &Note) {
    field(out, "id", &quote(&note.id.0));
    match &note.body {
        NoteBody::List(list) => {
            field(out, "kind", "\"list\"");
            write_list(out, list);
        }
        NoteBody::Cloze { text } => {
            field(out, "kind", "\"cloze\"");
            field(out, "text", &quote(text));
        }
    }
    if !note.heading.is_empty() {
        let parts: Vec<String> = note.heading.iter().map(|h| quote(h)).collect();
        field(out, "heading", &format!("[{}]", parts.join(", ")));
    }
    if let Some(src) = &note.source {
        field(out, "source", &source_table(src));
    }
    opt_str(out, "passage", note.passage.as_deref());
    if !note.tags.is_empty() {
        let tags: Vec<String> = note.tags.iter().map(|t| quote(t)).collect();
        field(out, "tags", &format!("[{}]", tags.join(", ")));
    }
    if let Some(p) = note.priority {
        field(out, "priority", &p.to_string());
    }
    opt_str(out, "generated", note.generated.as_deref());
}

fn write_list(out: &mut String, list: &ListNote) {
    field(out, "prompt", &quote(&list.prompt));
    string_array(out, "items", &list.items);
    if !list.ordered {
        field(out, "ordered", "false");
    }
    if !list.context.is_empty() {
        string_array(out, "context", &list.context);
    }
    if !list.item_lines.is_empty() {
        let lines: Vec<String> = list.item_lines.iter().map(u32::to_string).collect();
        field(out, "item_lines", &format!("[{}]", lines.join(", ")));
    }
}

fn source_table(src: &SourceRef) -> String {
    let mut parts = Vec::new();
    if let Some(f) = &src.file {
        parts.push(format!("file = {}", quote(f)));
    }
    if let Some(l) = src.line {
        parts.push(format!("line = {l}"));
    }
    if let Some(d) = &src.doc {
        parts.push(format!("doc = {}", quote(d)));
    }
    if let Some(d) = &src.date {
        parts.push(format!("date = {}", quote(d)));
    }
    if parts.is_empty() {
        "{}".to_string()
    } else {
        format!("{{ {} }}", parts.join(", "))
    }
}

fn field(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {value}");
}

fn opt_str(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        field(out, key, &quote(v));
    }
}

/// One element per line, so a diff shows which item changed.
fn string_array(out: &mut String, key: &str, values: &[String]) {
    if values.is_empty() {
        field(out, key, "[]");
        return;
    }
    let _ = writeln!(out, "{key} = [");
    for v in values {
        let _ = writeln!(out, "  {},", quote(v));
    }
    out.push_str("]\n");
}

/// A TOML basic string. Escapes what TOML requires (`"`, `\`, control characters including
/// DEL) and nothing else, so Chinese text stays readable.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::deck::model::{DeckId, DeckMeta, NoteId};
    use crate::deck::parse::parse;

    fn sample() -> Deck {
        Deck {
            meta: DeckMeta {
                id: DeckId("xin-fazhan-geju".into()),
                title: "加快构建新发展格局".into(),
                version: Some(1),
                source: Some("corpus/讲话.txt".into()),
                date: Some("2020-10-29".into()),
                exam: None,
                full_title: Some("在经济社会领域专家座谈会上的讲话".into()),
                new_order: Some(crate::deck::NewOrder::Shuffled),
                removed: vec!["old-note".into()],
            },
            notes: vec![
                Note {
                    id: NoteId("zhuolidian".into()),
                    body: NoteBody::List(ListNote {
                        prompt: "构建新发展格局的三个重要着力点".into(),
                        items: vec![
                            "加快培育完整内需体系".into(),
                            "加快科技自立自强".into(),
                            "推动产业链供应链优化升级".into(),
                        ],
                        ordered: false,
                        context: vec![],
                        item_lines: vec![12, 14, 16],
                    }),
                    source: Some(SourceRef {
                        file: Some("corpus/讲话.txt".into()),
                        line: Some(11),
                        doc: Some("在经济社会领域专家座谈会上的讲话".into()),
                        date: None,
                    }),
                    passage: Some("一是要加快培育完整内需体系。\n二是\t\"科技\"\\".into()),
                    tags: vec!["经济".into(), "格局".into()],
                    generated: Some("9f2c".into()),
                    heading: vec![
                        "讲话".into(),
                        "四、构建新发展格局要把握好几个重要着力点".into(),
                    ],
                    priority: Some(-2),
                },
                Note {
                    id: NoteId("gongtong-fuyu".into()),
                    body: NoteBody::Cloze {
                        text: "全体人民共同富裕是中国式现代化的{{本质特征}}。".into(),
                    },
                    source: None,
                    passage: None,
                    tags: vec![],
                    generated: None,
                    heading: vec![],
                    priority: None,
                },
            ],
        }
    }

    #[test]
    fn sample_deck_text() {
        insta::assert_snapshot!(to_toml(&sample()));
    }

    #[test]
    fn round_trip_and_stable() {
        let deck = sample();
        let text = to_toml(&deck);
        let (back, warnings) = parse(&text, "x.toml").unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(back, deck);
        assert_eq!(to_toml(&back), text);
    }

    #[test]
    fn quoting() {
        assert_eq!(quote("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(quote("中\n文\u{7f}\u{1}"), r#""中\n文\u007F\u0001""#);
    }
}
