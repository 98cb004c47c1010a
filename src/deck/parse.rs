//! Deck file format v1: TOML text to a [`Deck`], validated, with every finding located at
//! `file:line:col`. Pure: no I/O, never panics on any input.
//!
//! Parsing goes through `toml::de::DeTable`, which keeps the byte span of every key and value,
//! so a wrong type, a missing field or a bad id is reported where it is written.
use std::collections::HashMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::count::count_matches;
use super::diag::{Diagnostic, LineIndex, Pos, Severity};
use super::model::{Deck, DeckId, DeckMeta, ListNote, NewOrder, Note, NoteBody, NoteId, SourceRef};
use crate::i18n::{Lang, Text};
use crate::txt;

/// A deck file that cannot be used: all its diagnostics (errors first by position, and its
/// warnings), so a caller can print them all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DeckError {
    #[error("{}", summary(.0, Lang::En))]
    Invalid(Vec<Diagnostic>),
}

impl DeckError {
    /// The first error (and how many more) in `lang`; `Display` is the English one.
    pub fn show(&self, lang: Lang) -> String {
        let DeckError::Invalid(diags) = self;
        summary(diags, lang)
    }
}

fn summary(diags: &[Diagnostic], lang: Lang) -> String {
    crate::deck::diag::summary(diags, lang, ("卡组无效", "invalid deck"))
}

/// Everything the parser found out about one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The deck, present only when there is no error.
    pub deck: Option<Deck>,
    /// Errors and warnings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The deck id and where it is written, whenever the id itself is valid (even if other
    /// parts of the file are broken), so duplicate ids across files can be reported.
    pub deck_id: Option<(DeckId, Pos)>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parse and validate a deck. `Ok` carries the deck and its warnings; `Err` carries every
/// diagnostic (at least one error). `file` is only used in the diagnostics.
pub fn parse(text: &str, file: &str) -> Result<(Deck, Vec<Diagnostic>), DeckError> {
    let checked = check(text, file);
    match checked.deck {
        Some(deck) => Ok((deck, checked.diagnostics)),
        None => Err(DeckError::Invalid(checked.diagnostics)),
    }
}

/// Parse and validate a deck, returning every diagnostic and the deck when it is usable.
pub fn check(text: &str, file: &str) -> Checked {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut cx = Cx {
        file,
        lines: LineIndex::new(text),
        diags: Vec::new(),
    };
    let mut deck_id = None;
    let deck = match DeTable::parse(text) {
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            // The TOML library's own explanation is English only.
            let why = e.message();
            cx.err(&span, txt!("TOML 格式有误：{why}", "invalid TOML: {why}"));
            None
        }
        Ok(root) => cx.document(root.get_ref(), &mut deck_id),
    };
    let mut diagnostics = cx.diags;
    diagnostics.sort_by_key(|d| (d.line, d.col));
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    Checked {
        deck: if has_errors { None } else { deck },
        diagnostics,
        deck_id,
    }
}

/// True for a note id: non-empty, no whitespace, no control characters. Chinese is allowed
/// (instructors name notes 共同富裕); the store keeps ids as opaque strings.
pub fn is_valid_note_id(s: &str) -> bool {
    !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// True for a publication date as precise as it is known: `YYYY`, `YYYY-MM` or a full
/// `YYYY-MM-DD` (a journal issue such as 2024年第10期 gives only the year).
pub fn is_valid_partial_date(s: &str) -> bool {
    // Byte slicing below: only safe on ASCII (a date like `2024中` is 7 bytes).
    if !s.is_ascii() {
        return false;
    }
    let digits = |p: &str| p.len() == 4 || p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit());
    match s.len() {
        4 => s.bytes().all(|c| c.is_ascii_digit()),
        7 => {
            let (y, m) = (&s[..4], &s[5..]);
            s.as_bytes()[4] == b'-'
                && y.bytes().all(|c| c.is_ascii_digit())
                && digits(m)
                && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        }
        _ => is_valid_date(s),
    }
}

/// True for `YYYY-MM-DD` naming a real calendar day.
pub fn is_valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// What is wrong with a cloze text, if anything: unclosed or nested `{{`, empty blanks, group
/// 0, no blank at all. Uses `cloze::blanks` for the groups so linter and cards agree.
pub fn cloze_problems(text: &str) -> Vec<Text> {
    let mut problems = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            problems.push(txt!(
                "填空文本里的 `{{{{` 没有配对的 `}}}}`",
                "unclosed `{{{{` in cloze text"
            ));
            break;
        };
        let inner = &after[..close];
        if inner.contains("{{") {
            problems.push(txt!(
                "挖空 `{{{{{inner}}}}}` 里又出现了 `{{{{`",
                "`{{{{` inside the blank `{{{{{inner}}}}}`"
            ));
        }
        rest = &after[close + 2..];
    }
    let blanks = crate::cloze::blanks(text);
    for (group, answer) in &blanks {
        if answer.trim().is_empty() {
            problems.push(txt!(
                "填空文本里有一个挖空是空的 `{{{{}}}}`",
                "empty blank `{{{{}}}}` in cloze text"
            ));
        }
        if *group == 0 {
            problems.push(txt!(
                "填空分组从 1 开始编号（`{{{{c1::…}}}}`）",
                "cloze group numbers start at 1 (`{{{{c1::…}}}}`)"
            ));
        }
    }
    if blanks.is_empty() && problems.is_empty() {
        problems.push(txt!(
            "填空文本里没有挖空（把答案写成 `{{{{答案}}}}`）",
            "cloze text has no blank (write `{{{{answer}}}}`)"
        ));
    }
    problems.dedup();
    problems
}

type Val<'i> = Spanned<DeValue<'i>>;

const DECK_FIELDS: &[&str] = &[
    "id",
    "title",
    "version",
    "source",
    "date",
    "exam",
    "full_title",
    "new_order",
    "removed",
];
const COMMON_FIELDS: &[&str] = &[
    "id",
    "kind",
    "source",
    "passage",
    "tags",
    "generated",
    "heading",
    "priority",
];
const LIST_FIELDS: &[&str] = &["prompt", "items", "ordered", "context", "item_lines"];
const CLOZE_FIELDS: &[&str] = &["text"];
const SOURCE_FIELDS: &[&str] = &["file", "line", "doc", "date"];

struct Cx<'a> {
    file: &'a str,
    lines: LineIndex<'a>,
    diags: Vec<Diagnostic>,
}

impl Cx<'_> {
    fn push(&mut self, span: &Range<usize>, severity: Severity, msg: Text) {
        let pos = self.lines.span_pos(span);
        self.diags
            .push(Diagnostic::at(self.file, pos, severity, msg));
    }
    fn err(&mut self, span: &Range<usize>, msg: Text) {
        self.push(span, Severity::Error, msg);
    }
    fn warn(&mut self, span: &Range<usize>, msg: Text) {
        self.push(span, Severity::Warning, msg);
    }
    fn errors(&self) -> usize {
        self.diags.iter().filter(|d| d.is_error()).count()
    }

    /// Warn about every key of `table` not in `known` nor in `skip` (reported elsewhere).
    fn unknown_fields(&mut self, table: &DeTable<'_>, known: &[&str], skip: &[&str], what: Place) {
        for (k, _) in table.iter() {
            let key: &str = k.get_ref();
            if !known.contains(&key) && !skip.contains(&key) {
                let hint = known
                    .iter()
                    .chain(skip)
                    .find(|f| edit_distance(f, key) <= 2)
                    .map_or(Text::same(""), |f| {
                        txt!("（是不是想写 `{f}`？）", " (did you mean `{f}`?)")
                    });
                let (wz, we) = (what.zh(), what.en());
                let (hz, he) = (&hint.zh, &hint.en);
                self.warn(
                    &k.span(),
                    txt!(
                        "{wz}里有未知字段 `{key}`，已忽略{hz}",
                        "unknown field `{key}` in {we}, ignored{he}"
                    ),
                );
            }
        }
    }

    fn document(
        &mut self,
        root: &DeTable<'_>,
        deck_id: &mut Option<(DeckId, Pos)>,
    ) -> Option<Deck> {
        // `[generator]` is written by `generate` for `generate --update` (generate::update).
        self.unknown_fields(root, &["deck", "note", "generator"], &[], Place::File);
        let meta = match root.get("deck") {
            None => {
                self.err(&(0..0), txt!("缺少 `[deck]` 表", "missing `[deck]` table"));
                None
            }
            Some(v) => match v.get_ref().as_table() {
                Some(t) => self.meta(t, &v.span(), deck_id),
                None => {
                    let ty = type_name(v.get_ref().type_str());
                    self.err(&v.span(), {
                        let (ty_zh, ty_en) = (&ty.zh, &ty.en);
                        txt!(
                            "`deck` 应当是表，这里是{ty_zh}",
                            "`deck` must be a table, not {ty_en}"
                        )
                    });
                    None
                }
            },
        };
        let mut notes = Vec::new();
        match root.get("note") {
            None => {
                if meta.is_some() {
                    self.warn(
                        &(0..0),
                        txt!("卡组里没有笔记（`[[note]]`）", "deck has no `[[note]]`"),
                    );
                }
            }
            Some(v) => match v.get_ref().as_array() {
                None => {
                    let ty = type_name(v.get_ref().type_str());
                    self.err(&v.span(), {
                        let (ty_zh, ty_en) = (&ty.zh, &ty.en);
                        txt!(
                            "`note` 应当是表的数组（`[[note]]`），这里是{ty_zh}",
                            "`note` must be an array of tables (`[[note]]`), not {ty_en}"
                        )
                    })
                }
                Some(arr) => {
                    let mut seen: HashMap<String, Pos> = HashMap::new();
                    for item in arr.iter() {
                        match item.get_ref().as_table() {
                            Some(t) => {
                                if let Some(n) = self.note(t, &item.span(), &mut seen) {
                                    notes.push(n);
                                }
                            }
                            None => {
                                let ty = type_name(item.get_ref().type_str());
                                self.err(&item.span(), {
                                    let (ty_zh, ty_en) = (&ty.zh, &ty.en);
                                    txt!(
                                        "笔记应当是表，这里是{ty_zh}",
                                        "a note must be a table, not {ty_en}"
                                    )
                                })
                            }
                        }
                    }
                }
            },
        }
        Some(Deck { meta: meta?, notes })
    }

    fn meta(
        &mut self,
        t: &DeTable<'_>,
        span: &Range<usize>,
        deck_id: &mut Option<(DeckId, Pos)>,
    ) -> Option<DeckMeta> {
        let before = self.errors();
        self.unknown_fields(t, DECK_FIELDS, &[], Place::Deck);
        let id = self.string(t, "id", span, true, Place::Deck);
        if let Some((id, at)) = &id {
            if DeckId::is_valid(id) {
                *deck_id = Some((DeckId(id.clone()), self.lines.span_pos(at)));
            } else {
                self.err(at, invalid_deck_id(id));
            }
        }
        let title = self.string(t, "title", span, true, Place::Deck);
        if let Some((title, at)) = &title {
            if title.trim().is_empty() {
                self.err(at, txt!("卡组标题是空的", "deck title is empty"));
            }
        }
        let version = self.uint(t, "version", 0);
        let source = self
            .string(t, "source", span, false, Place::Deck)
            .map(|s| s.0);
        let date = self.date(t, "date", true);
        let exam = self.date(t, "exam", false);
        let full_title = self
            .string(t, "full_title", span, false, Place::Deck)
            .map(|s| s.0);
        let new_order = match self.string(t, "new_order", span, false, Place::Deck) {
            None => None,
            Some((v, at)) => match NewOrder::parse(&v) {
                Some(o) => Some(o),
                None => {
                    self.err(
                        &at,
                        txt!(
                            "new_order 的值 {v:?} 无效：只能是 \"file\"（按文件顺序）或 \"shuffled\"（打乱）",
                            "invalid new_order {v:?}: use \"file\" or \"shuffled\""
                        ),
                    );
                    None
                }
            },
        };
        let removed = self.strings(t, "removed").unwrap_or_default();
        if self.errors() > before {
            return None;
        }
        Some(DeckMeta {
            id: DeckId(id?.0),
            title: title?.0,
            version,
            source,
            date,
            exam,
            full_title,
            new_order,
            removed: removed.into_iter().map(|r| r.0).collect(),
        })
    }

    fn note(
        &mut self,
        t: &DeTable<'_>,
        span: &Range<usize>,
        seen: &mut HashMap<String, Pos>,
    ) -> Option<Note> {
        let before = self.errors();
        let id = self.string(t, "id", span, true, Place::Note);
        if let Some((id, at)) = &id {
            if !is_valid_note_id(id) {
                self.err(at, invalid_note_id(id));
            } else if let Some(first) = seen.get(id) {
                self.err(at, repeated_note_id(id, first.line));
            } else {
                seen.insert(id.clone(), self.lines.span_pos(at));
            }
        }
        let kind = self.string(t, "kind", span, true, Place::Note);
        let body = match kind.as_ref().map(|(k, at)| (k.as_str(), at)) {
            Some(("list", _)) => {
                let mut known = COMMON_FIELDS.to_vec();
                known.extend_from_slice(LIST_FIELDS);
                self.other_kind_fields(t, CLOZE_FIELDS, ("列表", "list"));
                self.unknown_fields(t, &known, CLOZE_FIELDS, Place::NoteTable);
                self.list(t, span).map(NoteBody::List)
            }
            Some(("cloze", _)) => {
                let mut known = COMMON_FIELDS.to_vec();
                known.extend_from_slice(CLOZE_FIELDS);
                self.other_kind_fields(t, LIST_FIELDS, ("填空", "cloze"));
                self.unknown_fields(t, &known, LIST_FIELDS, Place::NoteTable);
                self.cloze(t, span)
            }
            Some((other, at)) => {
                let at = at.clone();
                self.err(&at, unknown_note_kind(other));
                None
            }
            None => None,
        };
        let source = self.source(t);
        let passage = self
            .string(t, "passage", span, false, Place::Note)
            .map(|s| s.0);
        let tags = self.strings(t, "tags").unwrap_or_default();
        for (tag, at) in &tags {
            if tag.trim().is_empty() {
                self.err(at, txt!("标签是空的", "empty tag"));
            }
        }
        let generated = self
            .string(t, "generated", span, false, Place::Note)
            .map(|s| s.0);
        let heading = self.strings(t, "heading").unwrap_or_default();
        let priority = self.int(t, "priority");
        if self.errors() > before {
            return None;
        }
        Some(Note {
            id: NoteId(id?.0),
            body: body?,
            source,
            passage,
            tags: tags.into_iter().map(|t| t.0).collect(),
            heading: heading.into_iter().map(|h| h.0).collect(),
            priority,
            generated,
        })
    }

    /// `kind` is the note kind in (Chinese, English).
    fn other_kind_fields(&mut self, t: &DeTable<'_>, other: &[&str], kind: (&str, &str)) {
        let (kz, ke) = kind;
        for (k, _) in t.iter() {
            let key: &str = k.get_ref();
            if other.contains(&key) {
                self.warn(
                    &k.span(),
                    txt!(
                        "`{key}` 不是{kz}笔记的字段，已忽略",
                        "`{key}` is not a field of a {ke} note, ignored"
                    ),
                );
            }
        }
    }

    fn list(&mut self, t: &DeTable<'_>, span: &Range<usize>) -> Option<ListNote> {
        let before = self.errors();
        let prompt = self.string(t, "prompt", span, true, Place::ListNote);
        if let Some((p, at)) = &prompt {
            if p.trim().is_empty() {
                self.err(at, txt!("题目（prompt）是空的", "empty prompt"));
            }
        }
        let items = self.strings(t, "items");
        if items.is_none() && !t.contains_key("items") {
            self.err(
                span,
                txt!(
                    "列表笔记缺少字段 `items`",
                    "missing field `items` in list note"
                ),
            );
        }
        let well_typed = items.is_some();
        let items = items.unwrap_or_default();
        for (item, at) in &items {
            if item.trim().is_empty() {
                self.err(at, txt!("有一项是空的", "empty item"));
            }
        }
        let items_at = t.get("items").map_or(span.clone(), |v| v.span());
        let item_texts: Vec<String> = items.iter().map(|i| i.0.clone()).collect();
        if well_typed && items.len() < 2 {
            self.err(
                &items_at,
                txt!(
                    "列表至少要有两项，这里只有 {} 项",
                    "a list needs at least two items, this one has {}",
                    items.len()
                ),
            );
        }
        for (i, (item, at)) in items.iter().enumerate() {
            if items[..i].iter().any(|(other, _)| other == item) {
                self.warn(at, txt!("{item:?} 这一项重复了", "item {item:?} repeats"));
            }
        }
        if let (Some((p, at)), true) = (&prompt, items.len() >= 2) {
            if let Err(counts) = count_matches(p, &item_texts) {
                let said: Vec<String> = counts
                    .iter()
                    .map(|c| format!("{}{}", c.value, c.classifier))
                    .collect();
                self.err(
                    at,
                    txt!(
                        "题目写的是 {}，列表却有 {} 项",
                        "the prompt announces {} but the list has {} items",
                        said.join(" / "),
                        items.len()
                    ),
                );
            }
        }
        let ordered = match t.get("ordered") {
            None => true,
            Some(v) => match v.get_ref().as_bool() {
                Some(b) => b,
                None => {
                    self.type_err(v, "ordered", ("布尔值（true 或 false）", "a boolean"));
                    true
                }
            },
        };
        let context = self.strings(t, "context").unwrap_or_default();
        if !context.is_empty() && context.len() != items.len() {
            if let Some(v) = t.get("context") {
                self.err(
                    &v.span(),
                    txt!(
                        "`context` 有 {} 条，列表却有 {} 项",
                        "`context` has {} entries but there are {} items",
                        context.len(),
                        items.len()
                    ),
                );
            }
        }
        if context.len() == items.len() {
            self.context_holds_items(&items, &context);
        }
        let item_lines = self.uints(t, "item_lines").unwrap_or_default();
        if !item_lines.is_empty() && item_lines.len() != items.len() {
            if let Some(v) = t.get("item_lines") {
                self.err(
                    &v.span(),
                    txt!(
                        "`item_lines` 有 {} 个行号，列表却有 {} 项",
                        "`item_lines` has {} entries but there are {} items",
                        item_lines.len(),
                        items.len()
                    ),
                );
            }
        }
        if self.errors() > before {
            return None;
        }
        Some(ListNote {
            prompt: prompt?.0,
            items: item_texts,
            ordered,
            context: context.into_iter().map(|c| c.0).collect(),
            item_lines,
        })
    }

    /// Each item must be in its own `context` entry (the 原文 line the study screen shows under
    /// it); items reordered without their context show another item's sentence. Punctuation
    /// and spaces are ignored.
    fn context_holds_items(
        &mut self,
        items: &[(String, Range<usize>)],
        context: &[(String, Range<usize>)],
    ) {
        let norm = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
        let ctx: Vec<String> = context.iter().map(|(c, _)| norm(c)).collect();
        for (i, (item, at)) in items.iter().enumerate() {
            let it = norm(item);
            if it.is_empty() || ctx[i].contains(&it) {
                continue;
            }
            let elsewhere = ctx.iter().position(|c| c.contains(&it));
            let hint = match elsewhere {
                Some(j) => txt!(
                    "；它在第 {} 条里——是不是调整了各项的顺序，却没有同时调整 context？",
                    "; it is in entry {} — were the items reordered without their context?",
                    j + 1
                ),
                None => Text::same(""),
            };
            let n = i + 1;
            let (hz, he) = (&hint.zh, &hint.en);
            self.warn(
                at,
                txt!(
                    "第 {n} 项 {item:?} 不在对应的第 {n} 条 `context` 里{hz}",
                    "item {n} {item:?} is not in its `context` entry ({n}){he}"
                ),
            );
        }
    }

    fn cloze(&mut self, t: &DeTable<'_>, span: &Range<usize>) -> Option<NoteBody> {
        let (text, at) = self.string(t, "text", span, true, Place::ClozeNote)?;
        let problems = cloze_problems(&text);
        for p in &problems {
            self.err(&at, p.clone());
        }
        if problems.is_empty() {
            Some(NoteBody::Cloze { text })
        } else {
            None
        }
    }

    fn source(&mut self, t: &DeTable<'_>) -> Option<SourceRef> {
        let v = t.get("source")?;
        let Some(st) = v.get_ref().as_table() else {
            self.type_err(
                v,
                "source",
                (
                    "内联表 { file, line, doc, date }",
                    "an inline table { file, line, doc, date }",
                ),
            );
            return None;
        };
        let span = v.span();
        self.unknown_fields(st, SOURCE_FIELDS, &[], Place::Source);
        let file = self
            .string(st, "file", &span, false, Place::Source)
            .map(|s| s.0);
        let line = self.uint(st, "line", 1);
        let doc = self
            .string(st, "doc", &span, false, Place::Source)
            .map(|s| s.0);
        let date = self.date(st, "date", true);
        Some(SourceRef {
            file,
            line,
            doc,
            date,
        })
    }

    /// `want` is what the field must be, in (Chinese, English).
    fn type_err(&mut self, v: &Val<'_>, key: &str, want: (&str, &str)) {
        let ty = type_name(v.get_ref().type_str());
        let (wz, we) = want;
        self.err(&v.span(), {
            let (ty_zh, ty_en) = (&ty.zh, &ty.en);
            txt!(
                "`{key}` 应当是{wz}，这里是{ty_zh}",
                "`{key}` must be {we}, not {ty_en}"
            )
        });
    }

    /// A string field with the span of its value. A missing required field is reported at
    /// `span` (the table's header).
    fn string(
        &mut self,
        t: &DeTable<'_>,
        key: &str,
        span: &Range<usize>,
        required: bool,
        what: Place,
    ) -> Option<(String, Range<usize>)> {
        match t.get(key) {
            None => {
                if required {
                    let (wz, we) = (what.zh(), what.en());
                    self.err(
                        span,
                        txt!("{wz}缺少字段 `{key}`", "missing field `{key}` in {we}"),
                    );
                }
                None
            }
            Some(v) => match v.get_ref().as_str() {
                Some(s) => Some((s.to_string(), v.span())),
                None => {
                    self.type_err(v, key, ("字符串", "a string"));
                    None
                }
            },
        }
    }

    /// An array of strings, each with its span. `None` when absent or of the wrong type.
    fn strings(&mut self, t: &DeTable<'_>, key: &str) -> Option<Vec<(String, Range<usize>)>> {
        let v = t.get(key)?;
        let Some(arr) = v.get_ref().as_array() else {
            self.type_err(v, key, ("字符串数组", "an array of strings"));
            return None;
        };
        let mut out = Vec::new();
        let mut ok = true;
        for e in arr.iter() {
            match e.get_ref().as_str() {
                Some(s) => out.push((s.to_string(), e.span())),
                None => {
                    ok = false;
                    self.err(&e.span(), {
                        let ty = type_name(e.get_ref().type_str());
                        {
                            let (ty_zh, ty_en) = (&ty.zh, &ty.en);
                            txt!(
                                "`{key}` 里只能放字符串，这里是{ty_zh}",
                                "`{key}` must hold strings, not {ty_en}"
                            )
                        }
                    });
                }
            }
        }
        ok.then_some(out)
    }

    /// An array of line numbers; `None` when absent or when any element is wrong (reported).
    fn uints(&mut self, t: &DeTable<'_>, key: &str) -> Option<Vec<u32>> {
        let v = t.get(key)?;
        let Some(arr) = v.get_ref().as_array() else {
            self.type_err(v, key, ("行号数组", "an array of line numbers"));
            return None;
        };
        let all: Vec<Option<u32>> = arr.iter().map(|e| self.uint_value(e, key, 1)).collect();
        all.into_iter().collect()
    }

    /// A signed integer that fits `i32`; `None` when absent or wrong (reported).
    fn int(&mut self, t: &DeTable<'_>, key: &str) -> Option<i32> {
        let v = t.get(key)?;
        let Some(i) = v.get_ref().as_integer() else {
            self.type_err(v, key, ("整数", "an integer"));
            return None;
        };
        let n = i128::from_str_radix(i.as_str(), i.radix()).ok();
        match n.and_then(|n| i32::try_from(n).ok()) {
            Some(n) => Some(n),
            None => {
                self.err(
                    &v.span(),
                    txt!(
                        "`{key}` 应当是 {} 到 {} 之间的整数",
                        "`{key}` must be an integer from {} to {}",
                        i32::MIN,
                        i32::MAX
                    ),
                );
                None
            }
        }
    }

    fn uint(&mut self, t: &DeTable<'_>, key: &str, min: u32) -> Option<u32> {
        let v = t.get(key)?;
        self.uint_value(v, key, min)
    }

    fn uint_value(&mut self, v: &Val<'_>, key: &str, min: u32) -> Option<u32> {
        let Some(i) = v.get_ref().as_integer() else {
            self.type_err(v, key, ("整数", "an integer"));
            return None;
        };
        let n = i128::from_str_radix(i.as_str(), i.radix()).ok();
        match n.and_then(|n| u32::try_from(n).ok()) {
            Some(n) if n >= min => Some(n),
            _ => {
                self.err(
                    &v.span(),
                    txt!(
                        "`{key}` 应当是 {min} 到 {} 之间的整数",
                        "`{key}` must be an integer from {min} to {}",
                        u32::MAX
                    ),
                );
                None
            }
        }
    }

    /// A `YYYY-MM-DD` date, written as a string or as a bare TOML date; with `partial`,
    /// `YYYY` and `YYYY-MM` too.
    fn date(&mut self, t: &DeTable<'_>, key: &str, partial: bool) -> Option<String> {
        let v = t.get(key)?;
        let s = match v.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.to_string(),
            other => {
                self.err(&v.span(), {
                    let ty = type_name(other.type_str());
                    {
                        let (ty_zh, ty_en) = (&ty.zh, &ty.en);
                        txt!(
                            "`{key}` 应当是日期 \"YYYY-MM-DD\"，这里是{ty_zh}",
                            "`{key}` must be a date \"YYYY-MM-DD\", not {ty_en}"
                        )
                    }
                });
                return None;
            }
        };
        if is_valid_date(&s) || (partial && is_valid_partial_date(&s)) {
            Some(s)
        } else {
            let (sz, se) = if partial {
                (
                    "\"YYYY-MM-DD\"、\"YYYY-MM\" 或 \"YYYY\"",
                    "\"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"",
                )
            } else {
                ("\"YYYY-MM-DD\"", "\"YYYY-MM-DD\"")
            };
            self.err(
                &v.span(),
                txt!(
                    "`{key}` 应当是日期 {sz}，这里是 {s:?}",
                    "`{key}` must be a date {se}, not {s:?}"
                ),
            );
            None
        }
    }
}

/// The finding for a deck id that breaks the `[a-z0-9][a-z0-9-]*` rule (also used by import).
pub(crate) fn invalid_deck_id(id: &str) -> Text {
    txt!(
        "卡组 id `{id}` 不合规：只能用小写字母、数字和 `-`，并以字母或数字开头",
        "invalid deck id `{id}`: use lowercase letters, digits and `-`, starting with a letter or digit"
    )
}

/// The finding for a note id [`is_valid_note_id`] refuses.
pub(crate) fn invalid_note_id(id: &str) -> Text {
    txt!(
        "笔记 id {id:?} 不合规：不能为空，也不能含空格或控制字符",
        "invalid note id {id:?}: it must not be empty or contain spaces or control characters"
    )
}

/// The finding for a note id used twice in one deck.
pub(crate) fn repeated_note_id(id: &str, first_line: u32) -> Text {
    txt!(
        "笔记 id `{id}` 重复了（第一次出现在第 {first_line} 行）",
        "note id `{id}` repeats (first at line {first_line})"
    )
}

/// The finding for a note kind other than list and cloze.
pub(crate) fn unknown_note_kind(kind: &str) -> Text {
    txt!(
        "未知的笔记类型 {kind:?}：只能是 \"list\"（列表）或 \"cloze\"（填空）",
        "unknown note kind {kind:?}: use \"list\" or \"cloze\""
    )
}

/// Where a field is looked for, as messages name it.
#[derive(Debug, Clone, Copy)]
enum Place {
    File,
    Deck,
    Note,
    NoteTable,
    ListNote,
    ClozeNote,
    Source,
}

impl Place {
    fn zh(self) -> &'static str {
        match self {
            Place::File => "文件顶层",
            Place::Deck => "[deck] 表",
            Place::Note | Place::NoteTable => "笔记（[[note]]）",
            Place::ListNote => "列表笔记",
            Place::ClozeNote => "填空笔记",
            Place::Source => "`source` 表",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Place::File => "the file",
            Place::Deck => "[deck]",
            Place::Note => "note",
            Place::NoteTable => "[[note]]",
            Place::ListNote => "list note",
            Place::ClozeNote => "cloze note",
            Place::Source => "`source`",
        }
    }
}

/// A TOML type (`DeValue::type_str`) with its article, in both languages.
fn type_name(type_str: &str) -> Text {
    let zh = match type_str {
        "string" => "字符串",
        "integer" => "整数",
        "float" => "小数",
        "boolean" => "布尔值",
        "datetime" => "日期时间",
        "array" => "数组",
        "table" => "表",
        other => other,
    };
    let en = match type_str {
        "integer" | "array" => format!("an {type_str}"),
        _ => format!("a {type_str}"),
    };
    Text {
        zh: zh.to_string(),
        en,
    }
}

/// Levenshtein distance over characters, for "did you mean" hints on short field names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let v = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            cur.push(v);
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    const GOOD: &str = r#"# tiankong deck, format v1

[deck]
id = "xin-fazhan-geju"
title = "加快构建新发展格局"
version = 2
source = "corpus/a.txt"
date = 2020-10-29
exam = "2025-06-01"

[[note]]
id = "zhuolidian"
kind = "list"
prompt = "构建新发展格局的三个重要着力点"
items = ["加快培育完整内需体系", "加快科技自立自强", "推动产业链供应链优化升级"]
ordered = false
context = ["第一，加快培育完整内需体系。", "第二，加快科技自立自强。", "第三，推动产业链供应链优化升级。"]
item_lines = [10, 11, 12]
source = { file = "corpus/a.txt", line = 9, doc = "讲话", date = "2020-10-29" }
passage = "第一段\n第二段"
tags = ["经济"]
generated = "abc123"

[[note]]
id = "共同富裕"
kind = "cloze"
text = "全体人民共同富裕是中国式现代化的{{本质特征}}。"
"#;

    fn msgs(text: &str) -> Vec<String> {
        check(text, "d.toml")
            .diagnostics
            .iter()
            .map(|d| d.show(Lang::En))
            .collect()
    }

    #[test]
    fn good_deck_parses_fully() {
        let (deck, warnings) = parse(GOOD, "d.toml").unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(deck.meta.id.0, "xin-fazhan-geju");
        assert_eq!(deck.meta.version, Some(2));
        assert_eq!(deck.meta.date.as_deref(), Some("2020-10-29"));
        assert_eq!(deck.meta.exam.as_deref(), Some("2025-06-01"));
        assert_eq!(deck.notes.len(), 2);
        let NoteBody::List(list) = &deck.notes[0].body else {
            panic!("list expected")
        };
        assert_eq!(list.items.len(), 3);
        assert!(!list.ordered);
        assert_eq!(list.item_lines, vec![10, 11, 12]);
        assert_eq!(deck.notes[0].passage.as_deref(), Some("第一段\n第二段"));
        assert_eq!(deck.notes[0].source.as_ref().and_then(|s| s.line), Some(9));
        assert_eq!(deck.notes[1].id.0, "共同富裕");
        let checked = check(GOOD, "d.toml");
        assert_eq!(
            checked.deck_id,
            Some((DeckId("xin-fazhan-geju".into()), Pos { line: 4, col: 6 }))
        );
    }

    #[test]
    fn ordered_defaults_to_true_and_bom_is_accepted() {
        let text = "\u{feff}[deck]\nid = \"a\"\ntitle = \"t\"\n[[note]]\nid = \"n\"\nkind = \"list\"\nprompt = \"p\"\nitems = [\"x\", \"y\"]\n";
        let (deck, _) = parse(text, "d.toml").unwrap();
        let NoteBody::List(list) = &deck.notes[0].body else {
            panic!("list expected")
        };
        assert!(list.ordered);
    }

    #[test]
    fn invalid_toml_is_one_located_error() {
        let m = msgs("[deck]\nid = \"x\ntitle = \"t\"\n");
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].starts_with("d.toml:2:"), "{m:?}");
        assert!(m[0].contains("error: invalid TOML"), "{m:?}");
    }

    #[test]
    fn missing_deck_and_fields() {
        assert_eq!(msgs(""), vec!["d.toml:1:1: error: missing `[deck]` table"]);
        let m = msgs("[deck]\ntitle = \"t\"\n");
        assert_eq!(m, vec!["d.toml:1:1: error: missing field `id` in [deck]"]);
        let m = msgs(
            "[deck]\nid = \"a\"\ntitle = \"t\"\n\n[[note]]\nkind = \"cloze\"\ntext = \"{{x}}\"\n",
        );
        assert_eq!(m, vec!["d.toml:5:1: error: missing field `id` in note"]);
    }

    #[test]
    fn wrong_types_are_located_at_the_value() {
        let m = msgs("[deck]\nid = \"a\"\ntitle = 5\nversion = -1\n");
        assert_eq!(
            m,
            vec![
                "d.toml:3:9: error: `title` must be a string, not an integer",
                "d.toml:4:11: error: `version` must be an integer from 0 to 4294967295",
            ]
        );
    }

    #[test]
    fn bad_ids() {
        let m = msgs("[deck]\nid = \"Bad_Id\"\ntitle = \"t\"\n");
        assert_eq!(m.len(), 1);
        assert!(
            m[0].starts_with("d.toml:2:6: error: invalid deck id `Bad_Id`"),
            "{m:?}"
        );
        let m = msgs("[deck]\nid = \"a\"\ntitle = \"t\"\n[[note]]\nid = \"a b\"\nkind = \"cloze\"\ntext = \"{{x}}\"\n");
        assert!(
            m[0].starts_with("d.toml:5:6: error: invalid note id"),
            "{m:?}"
        );
    }

    #[test]
    fn repeated_note_ids() {
        let note = "[[note]]\nid = \"n\"\nkind = \"cloze\"\ntext = \"{{x}}\"\n";
        let text = format!("[deck]\nid = \"a\"\ntitle = \"t\"\n{note}{note}");
        assert_eq!(
            msgs(&text),
            vec!["d.toml:9:6: error: note id `n` repeats (first at line 5)"]
        );
    }

    #[test]
    fn list_rules() {
        let head = "[deck]\nid = \"a\"\ntitle = \"t\"\n[[note]]\nid = \"n\"\nkind = \"list\"\n";
        let one = format!("{head}prompt = \"p\"\nitems = [\"x\"]\n");
        assert_eq!(
            msgs(&one),
            vec!["d.toml:8:9: error: a list needs at least two items, this one has 1"]
        );
        let empty = format!("{head}prompt = \"p\"\nitems = [\"x\", \" \"]\n");
        assert_eq!(msgs(&empty), vec!["d.toml:8:15: error: empty item"]);
        let count = format!("{head}prompt = \"五个特征\"\nitems = [\"x\", \"y\"]\n");
        assert_eq!(
            msgs(&count),
            vec!["d.toml:7:10: error: the prompt announces 5个 but the list has 2 items"]
        );
        let ctx = format!("{head}prompt = \"p\"\nitems = [\"x\", \"y\"]\ncontext = [\"c\"]\n");
        assert_eq!(
            msgs(&ctx),
            vec!["d.toml:9:11: error: `context` has 1 entries but there are 2 items"]
        );
        let lines = format!("{head}prompt = \"p\"\nitems = [\"x\", \"y\"]\nitem_lines = [0, 3]\n");
        assert_eq!(
            msgs(&lines),
            vec!["d.toml:9:15: error: `item_lines` must be an integer from 1 to 4294967295"]
        );
        let no_items = format!("{head}prompt = \"p\"\n");
        assert_eq!(
            msgs(&no_items),
            vec!["d.toml:4:1: error: missing field `items` in list note"]
        );
    }

    #[test]
    fn cloze_rules() {
        let head = "[deck]\nid = \"a\"\ntitle = \"t\"\n[[note]]\nid = \"n\"\nkind = \"cloze\"\n";
        let m = |t: &str| msgs(&format!("{head}text = {t:?}\n"));
        assert_eq!(
            m("没有空"),
            vec!["d.toml:7:8: error: cloze text has no blank (write `{{answer}}`)"]
        );
        assert_eq!(
            m("a{{b"),
            vec!["d.toml:7:8: error: unclosed `{{` in cloze text"]
        );
        assert_eq!(
            m("{{x}} a{{b"),
            vec!["d.toml:7:8: error: unclosed `{{` in cloze text"]
        );
        assert_eq!(
            m("{{}}"),
            vec!["d.toml:7:8: error: empty blank `{{}}` in cloze text"]
        );
        assert!(m("{{c0::x}}")[0].contains("group numbers start at 1"));
        assert!(m("{{c1::x}}{{c2::y::hint}}").is_empty());
    }

    #[test]
    fn findings_follow_the_language_asked_for() {
        let text = "[deck]\nid = \"a\"\ntitle = 3\nversion = \"x\"\n";
        let err = parse(text, "d.toml").unwrap_err();
        assert_eq!(
            err.show(Lang::Zh),
            "d.toml:3:9: 错误: `title` 应当是字符串，这里是整数（另有 1 个错误）"
        );
        assert_eq!(
            err.show(Lang::En),
            "d.toml:3:9: error: `title` must be a string, not an integer (and 1 more errors)"
        );
        assert_eq!(err.to_string(), err.show(Lang::En));
    }

    #[test]
    fn unknown_fields_warn_and_keep_the_deck() {
        let text = "[deck]\nid = \"a\"\ntitle = \"t\"\nauthor = \"me\"\n[[note]]\nid = \"n\"\nkind = \"cloze\"\ntext = \"{{x}}\"\npromt = \"p\"\nitems = [\"a\", \"b\"]\n";
        let (_, warnings) = parse(text, "d.toml").unwrap();
        let w: Vec<String> = warnings.iter().map(|d| d.show(Lang::En)).collect();
        assert_eq!(
            w,
            vec![
                "d.toml:4:1: warning: unknown field `author` in [deck], ignored",
                "d.toml:9:1: warning: unknown field `promt` in [[note]], ignored (did you mean `prompt`?)",
                "d.toml:10:1: warning: `items` is not a field of a cloze note, ignored",
            ]
        );
    }

    #[test]
    fn unknown_kind_and_bad_date() {
        let text = "[deck]\nid = \"a\"\ntitle = \"t\"\nexam = \"2025-02-30\"\n[[note]]\nid = \"n\"\nkind = \"card\"\n";
        assert_eq!(
            msgs(text),
            vec![
                "d.toml:4:8: error: `exam` must be a date \"YYYY-MM-DD\", not \"2025-02-30\"",
                "d.toml:7:8: error: unknown note kind \"card\": use \"list\" or \"cloze\"",
            ]
        );
    }

    #[test]
    fn dates() {
        assert!(is_valid_date("2024-02-29"));
        assert!(is_valid_partial_date("2024") && is_valid_partial_date("2024-05"));
        assert!(
            !is_valid_partial_date("2024-13")
                && !is_valid_partial_date("24")
                && !is_valid_partial_date("2024-5")
                && !is_valid_partial_date("2024中")
        );
        assert!(!is_valid_date("2023-02-29"));
        assert!(!is_valid_date("2023-13-01"));
        assert!(!is_valid_date("2023-1-01"));
        assert!(!is_valid_date("２０２３-01-01"));
    }

    #[test]
    fn error_display_summarises() {
        let err = parse("[deck]\n", "d.toml").unwrap_err();
        assert_eq!(
            err.to_string(),
            "d.toml:1:1: error: missing field `id` in [deck] (and 1 more errors)"
        );
    }
}
