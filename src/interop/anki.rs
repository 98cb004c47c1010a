//! Decks to Anki's plain-text import format ("Text Files" → "File Headers" in the Anki
//! manual, Anki 2.1.55+), as notes of Anki's stock `Cloze` note type.
//!
//! Why `#html:true`: with `#html:false` Anki HTML-escapes each field and keeps a line break as
//! a raw newline, which its HTML card view shows as a space, so a list would collapse onto one
//! line (and the manual warns that quoted multi-line fields do not work with cloze). So we
//! escape `&`, `<`, `>` ourselves and write line breaks as `<br>`. Fields are quoted by
//! RFC 4180 rules when they contain a tab, a quote or start with `#`.
use std::fmt::Write as _;

use super::delimited::quote_field;
use super::ExportError;
use crate::cloze::syntax::{self, Raw};
use crate::deck::{Deck, DeckMeta, Note, NoteBody};

/// The Anki note type the export targets (Anki's stock cloze type; in a Chinese-language
/// Anki it may be named 填空题 and must be chosen in the import dialog).
pub const NOTETYPE: &str = "Cloze";
/// The prefix of the Anki deck names we write: `tiankong::<title>`.
pub const DECK_PREFIX: &str = "tiankong::";
/// The prefix of the note GUIDs we write: `tiankong/<deck id>/<note id>`.
pub const GUID_PREFIX: &str = "tiankong/";

/// The Anki text for `decks`, in the order given. One deck: `#deck:` presets it; several:
/// a deck column (Anki creates missing decks named there).
pub fn to_anki(decks: &[&Deck]) -> Result<String, ExportError> {
    let several = decks.len() > 1;
    let mut out = String::new();
    out.push_str("#separator:tab\n#html:true\n");
    let _ = writeln!(out, "#notetype:{NOTETYPE}");
    // Columns: [Deck] Text, Back Extra, Tags, GUID (1-based numbers in the headers).
    let first = if several {
        out.push_str("#deck column:1\n");
        2
    } else {
        if let Some(d) = decks.first() {
            let _ = writeln!(out, "#deck:{}", deck_name(&d.meta));
        }
        1
    };
    let _ = writeln!(out, "#tags column:{}", first + 2);
    let _ = writeln!(out, "#guid column:{}", first + 3);
    for deck in decks {
        for note in &deck.notes {
            let mut fields: Vec<String> = Vec::new();
            if several {
                fields.push(deck_name(&deck.meta));
            }
            fields.push(html(&note_text(deck, note)?));
            fields.push(html(&back_extra(note)));
            fields.push(tags(note));
            fields.push(format!("{GUID_PREFIX}{}/{}", deck.meta.id, note.id));
            let quoted: Vec<_> = fields.iter().map(|f| quote_field(f, '\t')).collect();
            out.push_str(&quoted.join("\t"));
            out.push('\n');
        }
    }
    Ok(out)
}

/// `tiankong::<title>`; `::` inside a title would make Anki subdecks, so it becomes `:`, and
/// control characters (a header is one line) become spaces.
pub fn deck_name(meta: &DeckMeta) -> String {
    let title: String = meta
        .title
        .replace("::", ":")
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let title = title.trim();
    if title.is_empty() {
        format!("{DECK_PREFIX}{}", meta.id)
    } else {
        format!("{DECK_PREFIX}{title}")
    }
}

/// A note as Anki cloze text (plain, before HTML escaping). A list: the prompt, then one line
/// per item with its blank as `{{cN::…}}`, so every item is its own card; the blank covers what
/// tiankong's item card blanks (the key phrase, the frame all items share left visible:
/// `{{c1::人口规模巨大}}的现代化`). A cloze: groups made explicit.
pub fn note_text(deck: &Deck, note: &Note) -> Result<String, ExportError> {
    match &note.body {
        NoteBody::List(list) => {
            let mut text = list.prompt.replace(['\r', '\n'], " ");
            for (i, item) in list.items.iter().enumerate() {
                if item.contains("{{") || item.contains("}}") || item.contains("::") {
                    return Err(ExportError::new(
                        deck,
                        note,
                        crate::txt!(
                            "{item:?} 这一项含有 `{{{{`、`}}}}` 或 `::`，Anki 会把它们当作填空语法",
                            "item {item:?} contains `{{{{`, `}}}}` or `::`, which Anki reads as cloze syntax"
                        ),
                    ));
                }
                if item.contains(['\n', '\r']) {
                    return Err(ExportError::new(
                        deck,
                        note,
                        crate::txt!(
                            "{item:?} 这一项里有换行",
                            "item {item:?} contains a line break"
                        ),
                    ));
                }
                let (before, answer, after) = item_blank(note, &list.items, i, item);
                let _ = write!(text, "\n{before}{{{{c{}::{answer}}}}}{after}", i + 1);
            }
            Ok(text)
        }
        NoteBody::Cloze { text } => Ok(explicit_groups(text)),
    }
}

/// Item `i` split around the blank tiankong's item card shows for it (the card's own answer,
/// `cloze::render`, so both always agree): (visible before, blanked, visible after). The card
/// blanks either the part inside the items' shared frame or the whole item.
fn item_blank<'a>(
    note: &Note,
    items: &[String],
    i: usize,
    item: &'a str,
) -> (&'a str, &'a str, &'a str) {
    let whole = ("", item, "");
    let Some(answer) = crate::cloze::render(note, &crate::cloze::Slot::Item(i))
        .and_then(|view| view.answers.into_iter().next())
    else {
        return whole;
    };
    let frame = crate::cloze::frame(items);
    let (p, s) = (frame.prefix.as_str(), frame.suffix.as_str());
    match item.strip_prefix(p).and_then(|rest| rest.strip_suffix(s)) {
        Some(mid) if mid == answer => (&item[..p.len()], mid, &item[item.len() - s.len()..]),
        _ => whole,
    }
}

/// Back Extra: what the student reads after answering — the heading path above the note, the
/// source passage, and the document and date. Never a file path: an Anki deck is shared.
pub fn back_extra(note: &Note) -> String {
    let mut lines: Vec<String> = Vec::new();
    if !note.heading.is_empty() {
        lines.push(note.heading.join(" › "));
    }
    if let Some(p) = note.passage.as_deref().filter(|p| !p.trim().is_empty()) {
        lines.push(p.trim().to_string());
    }
    let doc_date: Vec<&str> = note
        .source
        .iter()
        .flat_map(|s| [s.doc.as_deref(), s.date.as_deref()])
        .flatten()
        .collect();
    if !doc_date.is_empty() {
        lines.push(doc_date.join(" · "));
    }
    lines.join("\n")
}

/// Make every blank's group explicit, as Anki requires: `{{x}}` → `{{c1::x}}`,
/// `{{x::hint}}` → `{{c1::x::hint}}`; `{{c2::x}}` stays. Same blank rules as `cloze::blanks`.
pub fn explicit_groups(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for piece in syntax::split(text) {
        match piece {
            Raw::Text(t) => out.push_str(t),
            Raw::Blank(inner) => {
                out.push_str("{{");
                if syntax::group_of(inner).is_none() {
                    out.push_str("c1::");
                }
                out.push_str(inner);
                out.push_str("}}");
            }
        }
    }
    out
}

/// The inverse for tiankong's own style: `{{c1::x}}` → `{{x}}` (group 1 is the default);
/// other groups stay explicit.
pub fn implicit_group_one(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in syntax::split(text) {
        match piece {
            Raw::Text(t) => out.push_str(t),
            Raw::Blank(inner) => {
                out.push_str("{{");
                match syntax::group_of(inner) {
                    Some((1, body)) if !body.is_empty() => out.push_str(body),
                    _ => out.push_str(inner),
                }
                out.push_str("}}");
            }
        }
    }
    out
}

/// Anki tags are separated by spaces, so spaces inside a tag become `_`.
fn tags(note: &Note) -> String {
    let tags: Vec<String> = note
        .tags
        .iter()
        .map(|t| {
            t.trim()
                .chars()
                .map(|c| if c.is_whitespace() { '_' } else { c })
                .collect()
        })
        .filter(|t: &String| !t.is_empty())
        .collect();
    tags.join(" ")
}

/// Plain text to an HTML field: `&`, `<`, `>` escaped (the manual's table), line breaks as
/// `<br>`.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("<br>");
                }
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// An HTML field back to plain text: `<br>` and block ends become line breaks, other tags
/// are dropped, entities decoded.
pub fn html_to_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with('<') {
            let Some(end) = tail.find('>') else {
                out.push_str(tail);
                rest = "";
                break;
            };
            let tag = tail[1..end].trim().to_ascii_lowercase();
            let name = tag
                .trim_start_matches('/')
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("");
            let block_end = tag.starts_with('/') && matches!(name, "div" | "p" | "li");
            if name == "br" || (block_end && !out.is_empty() && !out.ends_with('\n')) {
                out.push('\n');
            }
            rest = &tail[end + 1..];
        } else {
            let (decoded, used) = entity(tail);
            out.push_str(&decoded);
            rest = &tail[used..];
        }
    }
    out.push_str(rest);
    out
}

/// Decode the entity at the start of `s` (which starts with `&`); returns the text and how
/// many bytes it used. An unknown entity is kept as written.
fn entity(s: &str) -> (String, usize) {
    // Byte search: `;` is ASCII, so its index is a character boundary.
    let Some(semi) = s.bytes().take(12).position(|b| b == b';') else {
        return ("&".to_string(), 1);
    };
    let name = &s[1..semi];
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" | "#39" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let num = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
            {
                u32::from_str_radix(hex, 16).ok()
            } else {
                name.strip_prefix('#').and_then(|d| d.parse().ok())
            };
            num.and_then(char::from_u32)
        }
    };
    match c {
        Some(c) => (c.to_string(), semi + 1),
        None => ("&".to_string(), 1),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn groups_made_explicit_and_back() {
        let t = "全体人民{{共同富裕}}是{{c2::中国式现代化}}的{{本质特征::四字}}。";
        let e = explicit_groups(t);
        assert_eq!(
            e,
            "全体人民{{c1::共同富裕}}是{{c2::中国式现代化}}的{{c1::本质特征::四字}}。"
        );
        assert_eq!(implicit_group_one(&e), t);
        // Not a group marker: `c` followed by no digits.
        assert_eq!(explicit_groups("{{cat::x}}"), "{{c1::cat::x}}");
        assert_eq!(explicit_groups("no blank {{ here"), "no blank {{ here");
    }

    #[test]
    fn html_round_trip() {
        let s = "a < b & c > d\n第二行";
        assert_eq!(html(s), "a &lt; b &amp; c &gt; d<br>第二行");
        assert_eq!(html_to_text(&html(s)), s);
        assert_eq!(html("x\r\ny"), "x<br>y");
    }

    #[test]
    fn html_from_anki_editor() {
        assert_eq!(
            html_to_text("<div>坚持{{c1::党的领导}}</div><div>第二</div>&nbsp;&#20013;&#x6587;"),
            "坚持{{c1::党的领导}}\n第二\n 中文"
        );
        assert_eq!(html_to_text("<b>x</b><br/>y<BR >z"), "x\ny\nz");
        assert_eq!(html_to_text("R&D &unknown; a<b"), "R&D &unknown; a<b");
        assert_eq!(html_to_text("&amp;中文中文"), "&中文中文");
    }

    #[test]
    fn deck_names() {
        let meta = DeckMeta {
            id: crate::deck::DeckId("x".into()),
            title: "A::B\nC".into(),
            version: None,
            source: None,
            date: None,
            exam: None,
            full_title: None,
            new_order: None,
            removed: vec![],
        };
        assert_eq!(deck_name(&meta), "tiankong::A:B C");
    }
}
