//! An Anki cloze text file or a CSV written by `tiankong export` into a deck.
//!
//! The format is recognised by the first line: our CSV header row, else Anki text (with or
//! without `#key:value` file headers; `#separator:`, `#html:`, `#deck:`, `#deck column:`,
//! `#tags column:`, `#guid column:` and `#notetype column:` are honoured). An Anki note whose
//! text is a prompt line followed by lines that are each exactly one `{{cN::…}}`, numbered
//! 1, 2, 3 …, becomes a list note (the shape `export --format anki` writes); any other text
//! becomes a cloze note. Every note is validated by the deck parser's own rules and every
//! finding points at the input (`file:line:col`); with any error there is no deck.
use std::collections::HashMap;

use super::anki::{html_to_text, implicit_group_one, DECK_PREFIX, GUID_PREFIX};
use super::csv::{HEADER, HEADER_V1};
use super::delimited::{read_records, Field, Record, SyntaxError};
use super::parse_source_line;
use crate::cloze::syntax::group_of;
use crate::deck::fs::fnv1a64;
use crate::deck::parse::{
    invalid_deck_id, invalid_note_id, is_valid_note_id, repeated_note_id, unknown_note_kind,
};
use crate::deck::{
    check, to_toml, Deck, DeckId, DeckMeta, Diagnostic, ListNote, Note, NoteBody, NoteId, Pos,
    Severity, SourceRef,
};
use crate::i18n::{Lang, Text};
use crate::txt;

/// Which format a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Anki,
    Csv,
}

impl Format {
    /// The format's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Format::Anki, Lang::Zh) => "Anki 文本",
            (Format::Anki, Lang::En) => "Anki text",
            (Format::Csv, _) => "CSV",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name(Lang::En))
    }
}

/// A deck built from an import file, and the warnings found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub deck: Deck,
    pub format: Format,
    pub warnings: Vec<Diagnostic>,
}

/// The file cannot become a deck: every diagnostic (errors and warnings), by position.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("{}", summary(.0, Lang::En))]
    Invalid(Vec<Diagnostic>),
}

impl ImportError {
    /// The first error (and how many more) in `lang`; `Display` is the English one.
    pub fn show(&self, lang: Lang) -> String {
        let ImportError::Invalid(diags) = self;
        summary(diags, lang)
    }
}

fn summary(diags: &[Diagnostic], lang: Lang) -> String {
    crate::deck::diag::summary(diags, lang, ("无法导入", "cannot import"))
}

/// Build deck `deck_id` from `text` (the file's content; `file` names it in diagnostics).
pub fn import(text: &str, file: &str, deck_id: &str) -> Result<Imported, ImportError> {
    let mut cx = Cx {
        file,
        diags: Vec::new(),
    };
    if !DeckId::is_valid(deck_id) {
        cx.diags.push(Diagnostic::file(
            file,
            Severity::Error,
            invalid_deck_id(deck_id),
        ));
        return Err(ImportError::Invalid(cx.diags));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("").trim_end_matches('\r');
    let columns = if first_line == HEADER.join(",") {
        Some(HEADER.len())
    } else if first_line == HEADER_V1.join(",") {
        Some(HEADER_V1.len())
    } else {
        None
    };
    let (format, title, pending) = if let Some(columns) = columns {
        let start = text.find('\n').map_or(text.len(), |i| i + 1);
        (Format::Csv, None, cx.csv(text, start, columns))
    } else {
        let (title, pending) = cx.anki(text);
        (Format::Anki, title, pending)
    };
    let meta = DeckMeta {
        id: DeckId(deck_id.to_string()),
        title: title
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| deck_id.to_string()),
        version: None,
        source: None,
        date: None,
        exam: None,
        full_title: None,
        new_order: None,
        removed: vec![],
    };
    let notes = cx.finish(&meta, pending);
    if notes.is_empty() && !cx.has_errors() {
        cx.diags.push(Diagnostic::file(file, Severity::Error, {
            let (fz, fe) = (format.name(Lang::Zh), format.name(Lang::En));
            txt!(
                "没有读到任何笔记（按 {fz} 格式读取）",
                "no notes found (read as {fe})"
            )
        }));
    }
    let deck = Deck { meta, notes };
    if !cx.has_errors() {
        // The whole deck once more through the parser: a guard, since every note already
        // passed one by one (what could still fail here is a bug of ours).
        let checked = check(&to_toml(&deck), file);
        if checked.has_errors() {
            cx.diags.extend(checked.diagnostics);
        }
    }
    cx.diags
        .sort_by_key(|d| (d.line, d.col, d.severity != Severity::Error));
    if cx.has_errors() {
        return Err(ImportError::Invalid(cx.diags));
    }
    Ok(Imported {
        deck,
        format,
        warnings: cx.diags,
    })
}

/// A note read from one row, before ids are settled and rules checked.
struct Pending {
    body: NoteBody,
    tags: Vec<String>,
    /// The note id the file gives (our CSV `note` column or our Anki GUID), and where.
    id: Option<(String, Pos)>,
    /// The id was written by hand (CSV): a bad or repeated one is an error. From a GUID it
    /// is a hint (several exported decks may share note ids): the content id is used instead.
    strict_id: bool,
    /// Where the note's text is, for findings about its content.
    at: Pos,
    source: Option<SourceRef>,
}

#[derive(Default)]
struct Headers {
    sep: Option<char>,
    html: Option<bool>,
    /// `#tags:` (or a legacy `tags:` first line): tags for every note.
    tags: Vec<String>,
    deck: Option<String>,
    deck_col: Option<usize>,
    tags_col: Option<usize>,
    guid_col: Option<usize>,
    notetype_col: Option<usize>,
}

struct Cx<'a> {
    file: &'a str,
    diags: Vec<Diagnostic>,
}

impl Cx<'_> {
    fn err(&mut self, at: Pos, msg: Text) {
        self.diags
            .push(Diagnostic::at(self.file, at, Severity::Error, msg));
    }

    fn warn(&mut self, at: Pos, msg: Text) {
        self.diags
            .push(Diagnostic::at(self.file, at, Severity::Warning, msg));
    }

    fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }

    fn syntax(&mut self, e: SyntaxError) {
        self.err(
            Pos {
                line: e.line,
                col: e.col,
            },
            e.message,
        );
    }

    fn csv(&mut self, text: &str, start: usize, columns: usize) -> Vec<Pending> {
        let records = match read_records(text, start, 2, ',', false) {
            Ok(r) => r,
            Err(e) => {
                self.syntax(e);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for rec in records {
            if rec.fields.len() != columns {
                self.err(pos_of_record(&rec), {
                    let (names, found) = (HEADER[..columns].join(","), rec.fields.len());
                    txt!(
                        "应有 {columns} 列（{names}），这一行有 {found} 列",
                        "expected {columns} fields ({names}), found {found}"
                    )
                });
                continue;
            }
            let [_deck, note, kind, main, items, source, rest @ ..] = &rec.fields[..] else {
                continue;
            };
            let (ordered, tags) = match rest {
                [o, t] => (Some(o), Some(t)),
                _ => (None, None),
            };
            let ordered = match ordered.map(|o| o.text.trim().to_ascii_lowercase()) {
                None => true,
                Some(o) if o.is_empty() || o == "true" => true,
                Some(o) if o == "false" => false,
                Some(o) => {
                    if let Some(f) = ordered {
                        self.err(
                            pos(f),
                            txt!(
                                "`ordered` 只能是 true 或 false，这里是 {o:?}",
                                "`ordered` is true or false, not {o:?}"
                            ),
                        );
                    }
                    continue;
                }
            };
            let tags: Vec<String> = tags
                .map(|t| {
                    t.text
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default();
            let id = Some(note)
                .filter(|n| !n.text.trim().is_empty())
                .map(|n| (n.text.trim().to_string(), pos(n)));
            let body = match kind.text.trim() {
                "list" => NoteBody::List(ListNote {
                    prompt: main.text.trim().to_string(),
                    items: items
                        .text
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(String::from)
                        .collect(),
                    ordered,
                    context: Vec::new(),
                    item_lines: Vec::new(),
                }),
                "cloze" => {
                    if !items.text.trim().is_empty() {
                        self.warn(
                            pos(items),
                            txt!(
                                "填空笔记没有 items；这一格已忽略",
                                "a cloze note has no items; this cell is ignored"
                            ),
                        );
                    }
                    NoteBody::Cloze {
                        text: main.text.trim().to_string(),
                    }
                }
                other => {
                    self.err(pos(kind), unknown_note_kind(other));
                    continue;
                }
            };
            out.push(Pending {
                body,
                tags,
                id,
                strict_id: true,
                at: pos(main),
                source: parse_source_line(&source.text),
            });
        }
        out
    }

    /// Anki text: file headers, then one note per record. Returns the deck title (from
    /// `#deck:` or a deck column naming a single deck) and the notes.
    fn anki(&mut self, text: &str) -> (Option<String>, Vec<Pending>) {
        let (headers, start, start_line) = self.headers(text);
        let sep = headers.sep.unwrap_or('\t');
        let records = match read_records(text, start, start_line, sep, true) {
            Ok(r) => r,
            Err(e) => {
                self.syntax(e);
                return (None, Vec::new());
            }
        };
        let html = headers
            .html
            .unwrap_or_else(|| looks_like_html(&text[start..]));
        let meta: Vec<usize> = [
            headers.deck_col,
            headers.tags_col,
            headers.guid_col,
            headers.notetype_col,
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut deck_names: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for rec in &records {
            let column = |n: Option<usize>| n.and_then(|n| rec.fields.get(n - 1));
            let Some(field) = rec
                .fields
                .iter()
                .enumerate()
                .find(|(i, _)| !meta.contains(&(i + 1)))
                .map(|(_, f)| f)
            else {
                self.err(
                    pos_of_record(rec),
                    txt!("这一行没有 Text 列", "no Text column in this row"),
                );
                continue;
            };
            let plain = if html {
                html_to_text(&field.text)
            } else {
                field.text.clone()
            };
            let plain = tidy(&plain);
            if plain.is_empty() {
                self.err(pos(field), txt!("Text 字段是空的", "empty Text field"));
                continue;
            }
            let body = match list_shape(&plain) {
                Some((prompt, items)) => NoteBody::List(ListNote {
                    prompt,
                    items,
                    ordered: true,
                    context: Vec::new(),
                    item_lines: Vec::new(),
                }),
                None => NoteBody::Cloze {
                    text: implicit_group_one(&plain),
                },
            };
            if let Some(d) = column(headers.deck_col) {
                let name = d.text.trim().to_string();
                if !deck_names.contains(&name) {
                    deck_names.push(name);
                }
            }
            // The Back Extra field (the second regular column) ends with the source line.
            let back = rec
                .fields
                .iter()
                .enumerate()
                .filter(|(i, _)| !meta.contains(&(i + 1)))
                .nth(1)
                .map(|(_, f)| {
                    if html {
                        html_to_text(&f.text)
                    } else {
                        f.text.clone()
                    }
                });
            let mut tags: Vec<String> = headers.tags.clone();
            if let Some(t) = column(headers.tags_col) {
                for tag in t.text.split_whitespace() {
                    if !tags.iter().any(|x| x == tag) {
                        tags.push(tag.to_string());
                    }
                }
            }
            // Only our own GUIDs carry a note id; Anki's random ones do not.
            let id = column(headers.guid_col).and_then(|g| {
                let rest = g.text.trim().strip_prefix(GUID_PREFIX)?;
                let (_, note) = rest.split_once('/')?;
                Some((note.to_string(), pos(g)))
            });
            out.push(Pending {
                body,
                tags,
                id,
                strict_id: false,
                at: pos(field),
                // Anki's own Back Extra is free text: taken as a source only when it has our
                // shape (a date or a file:line at the end).
                source: back
                    .and_then(|b| {
                        let b = tidy(&b);
                        parse_source_line(b.lines().last().unwrap_or(""))
                    })
                    .filter(|s| s.file.is_some() || s.line.is_some() || s.date.is_some()),
            });
        }
        let title = headers.deck.or(match deck_names.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        });
        let title = title.map(|t| t.strip_prefix(DECK_PREFIX).unwrap_or(&t).trim().to_string());
        (title, out)
    }

    /// The `#key:value` lines at the top (and a legacy `tags:` first line). Returns the
    /// headers, the byte offset and the line number where the notes start.
    fn headers(&mut self, text: &str) -> (Headers, usize, u32) {
        let mut h = Headers::default();
        let mut offset = 0;
        let mut line_no = 1u32;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            let at = Pos {
                line: line_no,
                col: 1,
            };
            if let Some(tags) = body.strip_prefix("tags:").filter(|_| line_no == 1) {
                // Anki's old global-tags line.
                h.tags = tags.split_whitespace().map(String::from).collect();
            } else if let Some(rest) = body.strip_prefix('#') {
                if let Some((key, value)) = rest.split_once(':') {
                    self.header(&mut h, key, value, at);
                }
            } else {
                break;
            }
            offset += line.len();
            line_no += 1;
        }
        (h, offset, line_no)
    }

    fn header(&mut self, h: &mut Headers, key: &str, value: &str, at: Pos) {
        let column = |cx: &mut Self| -> Option<usize> {
            match value.trim().parse::<usize>() {
                Ok(n) if n >= 1 => Some(n),
                _ => {
                    cx.err(
                        at,
                        txt!(
                            "`#{key}:` 后面应当是列号（1、2、3 …），这里是 {value:?}",
                            "`#{key}:` needs a column number (1, 2, 3 …), not {value:?}"
                        ),
                    );
                    None
                }
            }
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "separator" => {
                let name = value.trim().to_ascii_lowercase();
                let sep = match name.as_str() {
                    "comma" => Some(','),
                    "semicolon" => Some(';'),
                    "tab" => Some('\t'),
                    "space" => Some(' '),
                    "pipe" => Some('|'),
                    "colon" => Some(':'),
                    _ => {
                        let mut chars = value.chars();
                        match (chars.next(), chars.next()) {
                            (Some(c), None) if matches!(c, ',' | ';' | '\t' | ' ' | '|' | ':') => {
                                Some(c)
                            }
                            _ => None,
                        }
                    }
                };
                match sep {
                    Some(c) => h.sep = Some(c),
                    None => self.err(
                        at,
                        txt!(
                            "未知的分隔符 {value:?}：可用 Comma、Semicolon、Tab、Space、Pipe 或 Colon",
                            "unknown separator {value:?}: use Comma, Semicolon, Tab, Space, Pipe or Colon"
                        ),
                    ),
                }
            }
            "html" => match value.trim().to_ascii_lowercase().as_str() {
                "true" => h.html = Some(true),
                "false" => h.html = Some(false),
                _ => self.err(
                    at,
                    txt!(
                        "`#html:` 只能是 true 或 false，这里是 {value:?}",
                        "`#html:` is true or false, not {value:?}"
                    ),
                ),
            },
            "deck" => h.deck = Some(value.trim().to_string()),
            "tags" => h.tags = value.split_whitespace().map(String::from).collect(),
            "deck column" => h.deck_col = column(self),
            "tags column" => h.tags_col = column(self),
            "guid column" => h.guid_col = column(self),
            "notetype column" => h.notetype_col = column(self),
            // `notetype`, `columns` and anything newer: nothing to do for us.
            _ => {}
        }
    }

    /// Settle note ids (given ones first, then ids from content) and check each note with
    /// the deck parser, reporting its findings at the note's place in the input.
    fn finish(&mut self, meta: &DeckMeta, pending: Vec<Pending>) -> Vec<Note> {
        let mut taken: HashMap<String, Pos> = HashMap::new();
        let mut ids: Vec<Option<String>> = Vec::with_capacity(pending.len());
        for p in &pending {
            let id = match &p.id {
                Some((id, _))
                    if !p.strict_id && (!is_valid_note_id(id) || taken.contains_key(id)) =>
                {
                    None
                }
                Some((id, at)) if !is_valid_note_id(id) => {
                    self.err(*at, invalid_note_id(id));
                    None
                }
                Some((id, at)) => match taken.get(id) {
                    Some(first) => {
                        self.err(*at, repeated_note_id(id, first.line));
                        None
                    }
                    None => {
                        taken.insert(id.clone(), *at);
                        Some(id.clone())
                    }
                },
                None => None,
            };
            ids.push(id);
        }
        let mut notes = Vec::new();
        for (p, id) in pending.into_iter().zip(ids) {
            let id = id.unwrap_or_else(|| {
                let base = content_id(&p.body);
                let mut id = base.clone();
                let mut n = 2;
                while taken.contains_key(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                taken.insert(id.clone(), p.at);
                id
            });
            let note = Note {
                id: NoteId(id),
                body: p.body,
                source: p.source,
                passage: None,
                tags: p.tags,
                generated: None,
                heading: vec![],
                priority: None,
            };
            let one = Deck {
                meta: meta.clone(),
                notes: vec![note],
            };
            let checked = check(&to_toml(&one), self.file);
            let ok = !checked.has_errors();
            for d in checked.diagnostics {
                // Positions in the generated TOML mean nothing to the user: use the note's.
                self.diags
                    .push(Diagnostic::at(self.file, p.at, d.severity, d.message));
            }
            if ok {
                notes.extend(one.notes);
            }
        }
        notes
    }
}

/// What `import --update` did to a deck.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportChanges {
    pub unchanged: usize,
    pub updated: Vec<String>,
    pub added: Vec<String>,
    /// Notes of the deck the file does not have: kept as they are.
    pub not_in_file: Vec<String>,
}

/// Merge an imported deck into an existing one by note id (`import FILE --update DECK`): a
/// note of the file whose id the deck has replaces that note's content (prompt, items, text,
/// tags, and `ordered` when the format carries it, `keep_ordered` false) and keeps the rest (its
/// place, heading, passage, source; context and item lines while the items are the same); a
/// note with a new id is added at the end; notes the file lacks are kept. The version moves
/// up when anything changed. Pure.
pub fn merge_into(existing: &Deck, imported: &Deck, keep_ordered: bool) -> (Deck, ImportChanges) {
    let mut changes = ImportChanges::default();
    let mut notes = existing.notes.clone();
    for n in &imported.notes {
        let Some(e) = notes.iter_mut().find(|e| e.id == n.id) else {
            changes.added.push(n.id.0.clone());
            notes.push(n.clone());
            continue;
        };
        let mut new = e.clone();
        new.body = match (&e.body, &n.body) {
            (NoteBody::List(old), NoteBody::List(l)) => {
                let same_items = old.items == l.items;
                NoteBody::List(ListNote {
                    prompt: l.prompt.clone(),
                    items: l.items.clone(),
                    ordered: if keep_ordered { old.ordered } else { l.ordered },
                    // The source text of each item stays only while the items do.
                    context: if same_items {
                        old.context.clone()
                    } else {
                        Vec::new()
                    },
                    item_lines: if same_items {
                        old.item_lines.clone()
                    } else {
                        Vec::new()
                    },
                })
            }
            (_, body) => body.clone(),
        };
        new.tags = n.tags.clone();
        if new.source.is_none() {
            new.source = n.source.clone();
        }
        if new == *e {
            changes.unchanged += 1;
        } else {
            changes.updated.push(n.id.0.clone());
            *e = new;
        }
    }
    changes.not_in_file = existing
        .notes
        .iter()
        .filter(|e| !imported.notes.iter().any(|n| n.id == e.id))
        .map(|e| e.id.0.clone())
        .collect();
    let mut meta = existing.meta.clone();
    if !changes.updated.is_empty() || !changes.added.is_empty() {
        meta.version = Some(existing.meta.version.unwrap_or(1) + 1);
    }
    (Deck { meta, notes }, changes)
}

fn pos(f: &Field) -> Pos {
    Pos {
        line: f.line,
        col: f.col,
    }
}

fn pos_of_record(r: &Record) -> Pos {
    Pos {
        line: r.line,
        col: 1,
    }
}

/// Lines trimmed, line endings `\n`, no blank lines at either end.
fn tidy(s: &str) -> String {
    let lines: Vec<&str> = s.lines().map(str::trim).collect();
    lines.join("\n").trim().to_string()
}

/// A prompt line followed by at least two lines that each hold exactly one `{{cN::…}}` with N
/// counting 1, 2, 3 … — the shape `export --format anki` gives a list note (`{{c1::人口规模巨大}}的
/// 现代化`: the item is the whole line without the braces).
fn list_shape(text: &str) -> Option<(String, Vec<String>)> {
    let mut lines = text.lines();
    let prompt = lines.next()?.trim();
    if prompt.is_empty() || prompt.contains("{{") {
        return None;
    }
    let mut items = Vec::new();
    for (i, line) in lines.enumerate() {
        let line = line.trim();
        let open = line.find("{{")?;
        let close = open + 2 + line[open + 2..].find("}}")?;
        let (before, inner, after) = (&line[..open], &line[open + 2..close], &line[close + 2..]);
        let (n, blank) = group_of(inner)?;
        let braces = |s: &str| s.contains("{{") || s.contains("}}");
        if usize::try_from(n).ok()? != i + 1
            || blank.trim().is_empty()
            || blank.contains("::")
            || braces(blank)
            || braces(before)
            || braces(after)
        {
            return None;
        }
        items.push(format!("{before}{blank}{after}").trim().to_string());
    }
    (items.len() >= 2).then(|| (prompt.to_string(), items))
}

/// Anki's own guess when a file has no `#html:` header: does any field look like HTML?
fn looks_like_html(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [
        "<br", "<div", "<b>", "<i>", "<span", "<p>", "&nbsp;", "&amp;", "&lt;", "&gt;",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// A note id from the note's content: stable across imports of the same text.
fn content_id(body: &NoteBody) -> String {
    let (kind, key) = match body {
        NoteBody::List(l) => ("list", format!("{}\n{}", l.prompt, l.items.join("\n"))),
        NoteBody::Cloze { text } => ("cloze", text.clone()),
    };
    format!("{kind}-{:08x}", fnv1a64(key.as_bytes()) & 0xffff_ffff)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn errors(r: Result<Imported, ImportError>) -> Vec<String> {
        match r {
            Ok(i) => panic!("expected errors, got {:?}", i.deck),
            Err(ImportError::Invalid(d)) => d.iter().map(|d| d.show(Lang::En)).collect(),
        }
    }

    #[test]
    fn anki_without_headers_tab_guess() {
        let text = "全体人民{{c1::共同富裕}}是中国式现代化的{{c2::本质特征}}。\t来源\n";
        let imp = import(text, "a.txt", "x").unwrap();
        assert_eq!(imp.format, Format::Anki);
        assert_eq!(imp.deck.meta.title, "x");
        let NoteBody::Cloze { text } = &imp.deck.notes[0].body else {
            panic!()
        };
        assert_eq!(
            text,
            "全体人民{{共同富裕}}是中国式现代化的{{c2::本质特征}}。"
        );
        assert!(imp.deck.notes[0].id.0.starts_with("cloze-"));
    }

    #[test]
    fn anki_list_shape_and_headers() {
        let text = "#separator:Pipe\n#html:true\n#deck:tiankong::新发展格局\n#tags column:3\n#tags:g a\n\
                    中国式现代化的三个特征<br>{{c1::人口规模巨大}}<br>{{c2::全体人民共同富裕}}<br>{{c3::物质文明和精神文明相协调}}|x|a b\n";
        let imp = import(text, "a.txt", "x").unwrap();
        assert_eq!(imp.deck.meta.title, "新发展格局");
        let note = &imp.deck.notes[0];
        assert_eq!(note.tags, ["g", "a", "b"]);
        let NoteBody::List(l) = &note.body else {
            panic!("{:?}", note.body)
        };
        assert_eq!(l.prompt, "中国式现代化的三个特征");
        assert_eq!(l.items.len(), 3);
    }

    #[test]
    fn not_a_list_when_groups_skip_or_hint() {
        assert!(list_shape("p\n{{c1::a}}\n{{c3::b}}").is_none());
        assert!(list_shape("p\n{{c1::a}}\n{{c2::b::hint}}").is_none());
        assert!(list_shape("p\n{{c1::a}}").is_none());
        assert!(list_shape("p\n{{c1::a}}{{c1::x}}\n{{c2::b}}").is_none());
        assert!(list_shape("p\n{{c1::a}}\nplain\n{{c2::b}}").is_none());
        // Text around the blank is part of the item (a frame left visible, as export writes).
        assert_eq!(
            list_shape("p\n{{c1::人口规模巨大}}的现代化\n{{c2::共同富裕}}的现代化"),
            Some((
                "p".into(),
                vec!["人口规模巨大的现代化".into(), "共同富裕的现代化".into()]
            ))
        );
        assert_eq!(
            list_shape("p\n{{c1::a}}\n{{c2::b}}"),
            Some(("p".into(), vec!["a".into(), "b".into()]))
        );
    }

    #[test]
    fn errors_point_into_the_input() {
        let text = "#separator:tab\n#html:false\nok {{c1::a}}\tx\nno blank here\tx\n";
        let e = errors(import(text, "in.txt", "x"));
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].starts_with("in.txt:4:1: error: cloze text has no blank"),
            "{e:?}"
        );

        let e = errors(import("#separator:weird\n{{c1::a}}\n", "in.txt", "x"));
        assert!(
            e[0].starts_with("in.txt:1:1: error: unknown separator"),
            "{e:?}"
        );

        let csv = "deck,note,kind,prompt_or_text,items,source\r\nd,n1,list,三个特征,\"a\nb\",\r\nd,n2,card,x,,\r\n";
        let e = errors(import(csv, "in.csv", "x"));
        assert!(
            e.iter()
                .any(|m| m.starts_with("in.csv:2:") && m.contains("announces 3")),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|m| m.starts_with("in.csv:4:6: error: unknown note kind")),
            "{e:?}"
        );

        let e = errors(import(
            "deck,note,kind,prompt_or_text,items,source\nd,n1,cloze\n",
            "in.csv",
            "x",
        ));
        assert!(
            e[0].starts_with("in.csv:2:1: error: expected 6 fields"),
            "{e:?}"
        );

        let e = errors(import("\n\n#separator:tab\n", "in.txt", "x"));
        assert!(e[0].contains("no notes found"), "{e:?}");

        let e = errors(import("{{c1::a}}", "in.txt", "Bad_Id"));
        assert!(e[0].contains("invalid deck id"), "{e:?}");
    }

    #[test]
    fn csv_ids_kept_duplicates_refused() {
        let csv = "deck,note,kind,prompt_or_text,items,source\n\
                   d,n1,cloze,{{a}},,\nd,n1,cloze,{{b}},,\nd,,cloze,{{c}},,\n";
        let e = errors(import(csv, "in.csv", "x"));
        assert!(
            e[0].starts_with("in.csv:3:3: error: note id `n1` repeats (first at line 2)"),
            "{e:?}"
        );
        let csv = "deck,note,kind,prompt_or_text,items,source\n\
                   d,n1,cloze,{{a}},,\nd,,cloze,{{a}},,\nd,,cloze,{{a}},,\n";
        let imp = import(csv, "in.csv", "x").unwrap();
        let ids: Vec<&str> = imp.deck.notes.iter().map(|n| n.id.0.as_str()).collect();
        assert_eq!(ids[0], "n1");
        assert_eq!(ids[2], format!("{}-2", ids[1]));
    }

    #[test]
    fn anki_own_export_columns_are_skipped() {
        // The column layout Anki's "Notes in Plain Text" export writes.
        let text = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n\
                    Gq1&amp;x\tCloze\t政治\t坚持{{c1::党的领导}}&nbsp;\t\tt1\n";
        let imp = import(text, "a.txt", "x").unwrap();
        assert_eq!(imp.deck.meta.title, "政治");
        let NoteBody::Cloze { text } = &imp.deck.notes[0].body else {
            panic!()
        };
        assert_eq!(text, "坚持{{党的领导}}");
        assert_eq!(imp.deck.notes[0].tags, ["t1"]);
        assert!(imp.deck.notes[0].id.0.starts_with("cloze-"));
    }
}
