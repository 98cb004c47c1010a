//! Regenerating into existing decks (`generate --update`): notes that still match keep their
//! ids, hand-edited notes are never overwritten, notes the instructor deleted stay deleted, new
//! lists are added, vanished ones are kept (or pruned) and reported; and the deck file is then
//! edited in place ([`apply`]) so comments, layout and unknown fields survive. Pure: decks and
//! text in, decks, text and a report out.
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use crate::deck::{to_toml, Deck, Note, NoteBody};

use crate::extract::notes::generated_hash;

/// What happened to one deck.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeckChanges {
    pub deck: String,
    /// Generated notes whose content is unchanged.
    pub unchanged: usize,
    /// Generated notes regenerated with new content (same id, so progress follows).
    pub updated: Vec<String>,
    /// New notes added.
    pub added: Vec<String>,
    /// Hand-edited notes kept as the instructor left them.
    pub kept_edits: Vec<String>,
    /// Generated notes the corpus no longer yields: kept, or removed with `--prune`.
    pub vanished: Vec<(String, String)>,
    /// Notes the corpus still yields but the instructor deleted: not brought back. Their ids
    /// are (now) in `[deck] removed`.
    pub kept_deleted: Vec<String>,
    /// Of `kept_deleted`, the ones this run found deleted and added to `removed`.
    pub newly_removed: Vec<String>,
    pub pruned: bool,
    /// True when the deck is new to the folder.
    pub new_deck: bool,
}

impl DeckChanges {
    pub fn changed(&self) -> bool {
        self.new_deck
            || !self.updated.is_empty()
            || !self.added.is_empty()
            || (self.pruned && !self.vanished.is_empty())
    }
}

/// True when a note is as `generate` wrote it: it carries a `generated` hash that matches
/// its content. Notes without one were written by hand.
pub fn is_pristine(note: &Note) -> bool {
    note.generated.as_deref() == Some(generated_hash(&note.body).as_str())
}

fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// How alike two notes are, 0.0–1.0: for lists the share of items that match (containment
/// either way), for cloze notes the share of shared characters bigrams.
fn likeness(a: &Note, b: &Note) -> f64 {
    match (&a.body, &b.body) {
        (NoteBody::List(x), NoteBody::List(y)) => {
            let ys: Vec<String> = y.items.iter().map(|s| norm(s)).collect();
            let mut used = vec![false; ys.len()];
            let mut hit = 0usize;
            for it in x.items.iter().map(|s| norm(s)) {
                if let Some(j) = (0..ys.len()).find(|j| {
                    !used[*j]
                        && !it.is_empty()
                        && !ys[*j].is_empty()
                        && (ys[*j].contains(&it) || it.contains(&ys[*j]))
                }) {
                    used[j] = true;
                    hit += 1;
                }
            }
            hit as f64 / x.items.len().max(y.items.len()).max(1) as f64
        }
        (NoteBody::Cloze { text: x }, NoteBody::Cloze { text: y }) => {
            let bigrams = |s: &str| -> Vec<(char, char)> {
                let c: Vec<char> = norm(s).chars().collect();
                c.windows(2).map(|w| (w[0], w[1])).collect()
            };
            let (bx, by) = (bigrams(x), bigrams(y));
            let shared = bx.iter().filter(|g| by.contains(g)).count();
            2.0 * shared as f64 / (bx.len() + by.len()).max(1) as f64
        }
        _ => 0.0,
    }
}

/// A merge's result: the deck to write, what changed, and the ids `generate` has made for this
/// deck so far (kept in the file's `[generator]` table: a note whose id is there but not in the
/// file was deleted by the instructor, not added by a corpus revision).
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub deck: Deck,
    pub changes: DeckChanges,
    pub generated: Vec<String>,
}

/// Merge a freshly generated deck into the existing one. `generated` is the existing file's
/// `[generator] notes` list (`None` for a file written before it existed: then only the ids in
/// `[deck] removed` are known to be deleted).
pub fn merge(existing: &Deck, generated: Option<&[String]>, fresh: &Deck, prune: bool) -> Merged {
    let mut changes = DeckChanges {
        deck: existing.meta.id.0.clone(),
        pruned: prune,
        ..DeckChanges::default()
    };
    let known: &[String] = generated.unwrap_or(&[]);
    // A fresh note the instructor deleted: its id is in `removed`, or generate made it before
    // and the file no longer has it.
    let deleted = |f: &Note| {
        existing.meta.removed.contains(&f.id.0)
            || (known.contains(&f.id.0) && !existing.notes.iter().any(|e| e.id == f.id))
    };
    let mut claimed = vec![false; existing.notes.len()];
    // Each fresh note finds its existing note: the same id first (for all notes, so a reworded
    // note cannot take another's place), then the most alike (at least half its items, or 60%
    // of its text). A deleted note is matched by id only.
    let mut pairs: Vec<Option<usize>> = fresh
        .notes
        .iter()
        .map(|f| {
            let i = existing.notes.iter().position(|e| e.id == f.id)?;
            if claimed[i] {
                return None;
            }
            claimed[i] = true;
            Some(i)
        })
        .collect();
    for (k, f) in fresh.notes.iter().enumerate() {
        if pairs[k].is_some() || deleted(f) {
            continue;
        }
        let best = (0..existing.notes.len())
            .filter(|i| !claimed[*i])
            .map(|i| (i, likeness(f, &existing.notes[i])))
            .filter(|(_, l)| *l >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((i, _)) = best {
            claimed[i] = true;
            pairs[k] = Some(i);
        }
    }
    // Keep the existing order; regenerated content replaces pristine notes in place.
    let mut notes: Vec<Note> = Vec::new();
    for (i, e) in existing.notes.iter().enumerate() {
        let fresh_note = pairs
            .iter()
            .position(|p| *p == Some(i))
            .map(|k| &fresh.notes[k]);
        match fresh_note {
            Some(f) if is_pristine(e) => {
                // Lines move when text above them changes: that alone is no change of content.
                let mut n = f.clone();
                n.id = e.id.clone();
                // Tags and priority are outside the hash: the file's are kept (the instructor may
                // have changed them).
                n.tags = e.tags.clone();
                n.priority = e.priority;
                if generated_hash(&f.body) == generated_hash(&e.body) {
                    changes.unchanged += 1;
                } else {
                    changes.updated.push(e.id.0.clone());
                }
                notes.push(n);
            }
            Some(_) => {
                changes.kept_edits.push(e.id.0.clone());
                notes.push(e.clone());
            }
            None if !is_pristine(e) => {
                // Written or changed by hand: the instructor's, whatever the corpus says.
                changes.kept_edits.push(e.id.0.clone());
                notes.push(e.clone());
            }
            None => {
                changes.vanished.push((e.id.0.clone(), summary(e)));
                if !prune {
                    notes.push(e.clone());
                }
            }
        }
    }
    let mut removed = existing.meta.removed.clone();
    for (k, f) in fresh.notes.iter().enumerate() {
        if pairs[k].is_none() {
            if existing.meta.removed.contains(&f.id.0) {
                changes.kept_deleted.push(f.id.0.clone());
                continue;
            }
            if deleted(f) {
                // Made before, absent now: the instructor deleted it. Remember it in the file.
                changes.kept_deleted.push(f.id.0.clone());
                changes.newly_removed.push(f.id.0.clone());
                removed.push(f.id.0.clone());
                continue;
            }
            let mut n = f.clone();
            // A fresh id may collide with a kept note's id.
            let base = n.id.0.clone();
            let mut m = 2;
            while notes.iter().any(|x| x.id == n.id) {
                n.id.0 = format!("{base}-{m}");
                m += 1;
            }
            changes.added.push(n.id.0.clone());
            notes.push(n);
        }
    }
    let mut meta = existing.meta.clone();
    meta.removed = removed;
    if changes.changed() {
        // Students' copies announce what changed when the version moves up.
        meta.version = Some(existing.meta.version.unwrap_or(1) + 1);
    }
    // What generate has made for this deck: what it knew, what it makes now, what the file
    // holds of it; pruned notes are forgotten so that they come back if the corpus does.
    let pruned: Vec<&str> = if prune {
        changes.vanished.iter().map(|(id, _)| id.as_str()).collect()
    } else {
        Vec::new()
    };
    // A fresh note matched by likeness is written under the existing note's id: that id is
    // the one made, not the fresh one (else the next run would take the fresh id for a note the
    // instructor deleted, and drop the note).
    let made: Vec<String> = fresh
        .notes
        .iter()
        .zip(&pairs)
        .map(|(f, p)| match p {
            Some(i) => existing.notes[*i].id.0.clone(),
            None => f.id.0.clone(),
        })
        .collect();
    let mut ids: Vec<String> = known
        .iter()
        .cloned()
        .chain(made)
        .chain(
            existing
                .notes
                .iter()
                .filter(|n| n.generated.is_some())
                .map(|n| n.id.0.clone()),
        )
        .filter(|id| !pruned.contains(&id.as_str()))
        .collect();
    ids.sort();
    ids.dedup();
    Merged {
        deck: Deck { meta, notes },
        changes,
        generated: ids,
    }
}

// ---------------------------------------------------------------------------------------------
// Editing the deck file in place

/// The table that remembers which notes `generate` has made for a deck.
pub const GENERATOR_TABLE: &str = "generator";
const GENERATOR_COMMENT: &str =
    "\n# Written by `tiankong generate`: the notes it has made for this deck, so that\n\
# `generate --update` can tell a note you deleted (never brought back) from a new one.\n";

/// The fields `generate` writes and `--update` may rewrite in a note it regenerates. Anything
/// else in the note (tags, priority, fields tiankong does not know) is the instructor's.
const GENERATED_FIELDS: &[&str] = &[
    "kind",
    "prompt",
    "items",
    "ordered",
    "context",
    "item_lines",
    "text",
    "heading",
    "source",
    "passage",
    "generated",
];

/// Why a deck file could not be edited in place.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    #[error("{file}: cannot edit the deck file in place: {message}; nothing was written")]
    Edit { file: String, message: String },
}

/// A new deck file: the deck as `generate` writes it, and the `[generator]` table listing
/// its notes.
pub fn new_file(deck: &Deck) -> String {
    let mut ids: Vec<String> = deck.notes.iter().map(|n| n.id.0.clone()).collect();
    ids.sort();
    format!(
        "{}{GENERATOR_COMMENT}[{GENERATOR_TABLE}]\nnotes = {}\n",
        to_toml(deck),
        id_array(&ids)
    )
}

fn id_array(ids: &[String]) -> toml_edit::Value {
    toml_edit::Value::Array(ids.iter().map(String::as_str).collect())
}

/// The `[generator] notes` list of a deck file's text, `None` when it has none.
pub fn generated_ids(text: &str) -> Option<Vec<String>> {
    let doc: DocumentMut = text.parse().ok()?;
    let arr = doc.get(GENERATOR_TABLE)?.get("notes")?.as_array()?;
    Some(
        arr.iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
    )
}

/// Edit the text of `existing`'s file into `merged`, touching only what changed: the version,
/// `removed`, the notes regenerated with new content (their generated fields only), notes
/// added at the end, notes pruned, and the `[generator]` list. Comments, blank lines, field
/// order and unknown fields stay. The result is parsed back and must give `merged.deck`, else
/// nothing is returned to write.
pub fn apply(
    text: &str,
    file: &str,
    existing: &Deck,
    merged: &Merged,
) -> Result<String, UpdateError> {
    edit_in_place(
        text,
        file,
        existing,
        &merged.deck,
        GENERATED_FIELDS,
        Some(&merged.generated),
    )
}

/// Edit the text of `existing`'s file into `target` (the same notes in the same order, some
/// changed, some removed, new ones at the end): a changed note gets the `fields` that differ
/// rewritten, every other line stays as it is. `generated` replaces the `[generator]` list.
/// The result is parsed back and must give `target`, else nothing is returned to write.
pub fn edit_in_place(
    text: &str,
    file: &str,
    existing: &Deck,
    target: &Deck,
    fields: &[&str],
    generated: Option<&[String]>,
) -> Result<String, UpdateError> {
    let fail = |message: String| UpdateError::Edit {
        file: file.to_string(),
        message,
    };
    let mut doc: DocumentMut = text.parse().map_err(|e| fail(format!("{e}")))?;
    let meta = &target.meta;
    {
        let deck = doc
            .get_mut("deck")
            .and_then(Item::as_table_mut)
            .ok_or_else(|| fail("no [deck] table".into()))?;
        if meta.version != existing.meta.version {
            if let Some(v) = meta.version {
                set_value(deck, "version", toml_edit::Value::from(i64::from(v)));
            }
        }
        if meta.removed != existing.meta.removed {
            if meta.removed.is_empty() {
                deck.remove("removed");
            } else {
                set_value(deck, "removed", id_array(&meta.removed));
            }
        }
    }
    if doc.get("note").is_none() {
        doc.insert("note", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    {
        let notes = doc
            .get_mut("note")
            .and_then(Item::as_array_of_tables_mut)
            .ok_or_else(|| fail("`note` is not an array of tables".into()))?;
        let keep = |t: &Table| {
            let id = t.get("id").and_then(Item::as_str);
            target.notes.iter().any(|n| Some(n.id.0.as_str()) == id)
        };
        notes.retain(keep);
        for m in &target.notes {
            let old = existing.notes.iter().find(|e| e.id == m.id);
            let at = notes
                .iter()
                .position(|t| t.get("id").and_then(Item::as_str) == Some(m.id.0.as_str()));
            match (old, at) {
                (Some(e), _) if e == m => {}
                (Some(e), Some(i)) => {
                    let (before, after) = (render_note(e)?, render_note(m)?);
                    if let Some(t) = notes.get_mut(i) {
                        rewrite_fields(t, fields, &before, &after);
                    }
                }
                (None, None) => notes.push(render_note(m)?),
                _ => return Err(fail(format!("note `{}` not found in the file", m.id))),
            }
        }
    }
    if let Some(ids) = generated {
        match doc.get_mut(GENERATOR_TABLE).and_then(Item::as_table_mut) {
            Some(t) => set_value(t, "notes", id_array(ids)),
            None => {
                let mut t = Table::new();
                t.decor_mut().set_prefix(GENERATOR_COMMENT);
                t.insert("notes", toml_edit::value(id_array(ids)));
                doc.insert(GENERATOR_TABLE, Item::Table(t));
            }
        }
    }
    let out = doc.to_string();
    // The edit must mean exactly the target deck: never write a file that says otherwise.
    match crate::deck::parse(&out, file) {
        Ok((deck, _)) if deck == *target => Ok(out),
        Ok(_) => Err(fail(
            "the edited file would not hold the intended deck".into(),
        )),
        Err(e) => Err(fail(format!("the edited file would not parse: {e}"))),
    }
}

/// The note as `generate` writes it, as a TOML table (without a document position, so that a
/// pushed note goes after the last one).
fn render_note(note: &Note) -> Result<Table, UpdateError> {
    let deck = Deck {
        meta: crate::deck::DeckMeta {
            id: crate::deck::DeckId("x".into()),
            title: "x".into(),
            version: None,
            source: None,
            date: None,
            exam: None,
            full_title: None,
            new_order: None,
            removed: vec![],
        },
        notes: vec![note.clone()],
    };
    let fail = |message: String| UpdateError::Edit {
        file: format!("note `{}`", note.id),
        message,
    };
    let doc: DocumentMut = to_toml(&deck).parse().map_err(|e| fail(format!("{e}")))?;
    let mut t = doc
        .get("note")
        .and_then(Item::as_array_of_tables)
        .and_then(|a| a.get(0))
        .cloned()
        .ok_or_else(|| fail("not rendered".into()))?;
    t.set_position(None);
    Ok(t)
}

/// Rewrite the `fields` of `t` that differ between `before` (the note as it was) and `after`
/// (as it is to be). Keys keep their place and comments; a value keeps its trailing comment.
fn rewrite_fields(t: &mut Table, fields: &[&str], before: &Table, after: &Table) {
    for key in fields {
        let (b, a) = (before.get(key), after.get(key));
        if b.map(ToString::to_string) == a.map(ToString::to_string) {
            continue;
        }
        match a.and_then(Item::as_value) {
            Some(v) => set_value(t, key, v.clone()),
            None => {
                t.remove(key);
            }
        }
    }
}

/// Set `key` to `value`, keeping the key (its comments and place) and the old value's
/// decoration (a trailing comment) when the key exists.
fn set_value(t: &mut Table, key: &str, mut value: toml_edit::Value) {
    match t.get_mut(key) {
        Some(item) => {
            if let Some(old) = item.as_value() {
                *value.decor_mut() = old.decor().clone();
            }
            *item = Item::Value(value);
        }
        None => {
            t.insert(key, Item::Value(value));
        }
    }
}

fn summary(n: &Note) -> String {
    let text = match &n.body {
        NoteBody::List(l) => l.prompt.clone(),
        NoteBody::Cloze { text } => text.clone(),
    };
    text.chars().take(30).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::deck::{DeckId, DeckMeta, ListNote, NoteId};

    fn list(id: &str, prompt: &str, items: &[&str]) -> Note {
        let body = NoteBody::List(ListNote {
            prompt: prompt.into(),
            items: items.iter().map(|s| s.to_string()).collect(),
            ordered: true,
            context: vec![],
            item_lines: vec![],
        });
        Note {
            id: NoteId(id.into()),
            generated: Some(generated_hash(&body)),
            body,
            source: None,
            passage: None,
            tags: vec![],
            heading: vec![],
            priority: None,
        }
    }

    fn deck(notes: Vec<Note>) -> Deck {
        Deck {
            meta: DeckMeta {
                id: DeckId("d".into()),
                title: "t".into(),
                version: Some(1),
                source: None,
                date: None,
                exam: None,
                full_title: None,
                new_order: None,
                removed: vec![],
            },
            notes,
        }
    }

    #[test]
    fn edits_are_kept_matches_keep_ids_new_lists_added_vanished_reported() {
        let mut edited = list("a", "三个方面（三项）", &["甲甲", "乙乙", "丙丙"]);
        if let NoteBody::List(l) = &mut edited.body {
            l.prompt = "教师改过的提示".into();
        }
        let old = deck(vec![
            edited,
            list("b", "两点（两项）", &["丁丁丁", "戊戊戊"]),
            list("c", "将消失（两项）", &["己己", "庚庚"]),
        ]);
        // The corpus revision: a's list reworded, b's items grown and its id changed, c gone,
        // a new list d.
        let fresh = deck(vec![
            list("a", "三个方面（三项）", &["甲甲", "乙乙", "丙丙丙"]),
            list("x", "三点（三项）", &["丁丁丁", "戊戊戊", "辛辛辛"]),
            list("d", "新的（两项）", &["壬壬", "癸癸"]),
        ]);
        let Merged {
            deck: merged,
            changes: ch,
            ..
        } = merge(&old, None, &fresh, false);
        let ids: Vec<&str> = merged.notes.iter().map(|n| n.id.0.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d"]);
        assert_eq!(ch.kept_edits, ["a"]);
        assert_eq!(ch.updated, ["b"]);
        assert_eq!(ch.added, ["d"]);
        assert_eq!(ch.vanished.len(), 1);
        assert_eq!(merged.meta.version, Some(2));
        match &merged.notes[0].body {
            NoteBody::List(l) => assert_eq!(l.prompt, "教师改过的提示"),
            NoteBody::Cloze { .. } => panic!("kind changed"),
        }
        match &merged.notes[1].body {
            NoteBody::List(l) => assert_eq!(l.items.len(), 3),
            NoteBody::Cloze { .. } => panic!("kind changed"),
        }
        let pruned = merge(&old, None, &fresh, true).deck;
        assert!(pruned.notes.iter().all(|n| n.id.0 != "c"));
    }

    #[test]
    fn a_note_matched_by_likeness_survives_the_next_update() {
        // The corpus revises a list's items, so its fresh id differs from the file's.
        let old = deck(vec![list(
            "list-old",
            "三个方面",
            &["甲一", "乙二", "丙三"],
        )]);
        let fresh = deck(vec![list(
            "list-new",
            "三个方面",
            &["甲一", "乙二", "丙三四"],
        )]);
        let first = merge(&old, Some(&["list-old".to_string()]), &fresh, true);
        assert_eq!(first.deck.notes.len(), 1);
        assert_eq!(first.deck.notes[0].id.0, "list-old");
        // The same corpus again: nothing changes, nothing is taken for deleted or dropped.
        let second = merge(&first.deck, Some(&first.generated), &fresh, true);
        assert_eq!(second.deck.notes.len(), 1, "{:?}", second.changes);
        assert!(second.changes.newly_removed.is_empty());
        assert!(second.changes.vanished.is_empty());
        assert!(!second.changes.changed());
    }

    #[test]
    fn an_unchanged_corpus_changes_nothing() {
        let d = deck(vec![list("a", "三项（三项）", &["甲甲", "乙乙", "丙丙"])]);
        let m = merge(&d, None, &d, true);
        assert_eq!(m.deck, d);
        assert!(!m.changes.changed());
    }

    #[test]
    fn a_deleted_note_stays_deleted_and_is_recorded() {
        let a = list("a", "甲（两项）", &["甲甲", "甲乙"]);
        let b = list("b", "乙（两项）", &["乙甲", "乙乙"]);
        let c = list("c", "丙（两项）", &["丙甲", "丙乙"]);
        let fresh = deck(vec![a.clone(), b.clone(), c.clone()]);
        // The instructor deleted b; generate had made a, b, c.
        let edited = deck(vec![a.clone(), c.clone()]);
        let made: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let m = merge(&edited, Some(&made), &fresh, false);
        assert_eq!(m.deck.notes, edited.notes);
        assert_eq!(m.deck.meta.removed, ["b"]);
        assert_eq!(m.changes.kept_deleted, ["b"]);
        assert_eq!(m.changes.newly_removed, ["b"]);
        assert!(!m.changes.changed(), "a deletion alone is no new version");
        // Next time, `removed` alone keeps it out, and it is not recorded twice.
        let again = merge(&m.deck, Some(&m.generated), &fresh, false);
        assert_eq!(again.deck.notes, edited.notes);
        assert_eq!(again.deck.meta.removed, ["b"]);
        assert!(again.changes.newly_removed.is_empty());
        // Without the memory, a missing note is taken for a new one (the old behaviour).
        let blind = merge(&edited, None, &fresh, false);
        assert_eq!(blind.changes.added, ["b"]);
    }

    #[test]
    fn a_deleted_note_is_not_matched_to_another_by_likeness() {
        let a = list("a", "甲（三项）", &["甲甲", "乙乙", "丙丙"]);
        let a2 = list("a2", "甲（三项）", &["甲甲", "乙乙", "丁丁"]);
        let fresh = deck(vec![a.clone(), a2.clone()]);
        let made: Vec<String> = vec!["a".into(), "a2".into()];
        // a deleted; a2 kept: a must not take a2's place.
        let m = merge(&deck(vec![a2.clone()]), Some(&made), &fresh, false);
        assert_eq!(m.deck.notes, vec![a2]);
        assert_eq!(m.changes.kept_deleted, ["a"]);
    }

    const EDITED: &str = r#"# tiankong deck, format v1
# 教师：第二单元，期中考试用

[deck]
id = "d"
title = "t"
version = 1
owner = "王老师"   # a field tiankong does not know

# 这一条改过提示
[[note]]
id = "a"
kind = "list"
prompt = "教师改过的提示"
items = ["甲甲", "乙乙"]
generated = "0000000000000000"

[[note]]
id = "b"
kind = "list"
prompt = "两点（两项）"
items = [
  "丁丁丁",   # 保留这条注释
  "戊戊戊",
]
tags = ["重点"]
"#;

    #[test]
    fn apply_edits_in_place_keeping_comments_layout_and_unknown_fields() {
        let (old, _) = crate::deck::parse(EDITED, "d.toml").unwrap();
        // Make b pristine as generate would have written it.
        let mut old = old;
        let mut text = EDITED.to_string();
        let hash = generated_hash(&old.notes[1].body);
        text = text.replace(
            "tags = [\"重点\"]\n",
            &format!("tags = [\"重点\"]\ngenerated = \"{hash}\"\n"),
        );
        old.notes[1].generated = Some(hash);
        let fresh = deck(vec![
            list("a", "三个方面（两项）", &["甲甲", "乙乙"]),
            list("b", "两点（三项）", &["丁丁丁", "戊戊戊", "己己己"]),
            list("n", "新的（两项）", &["壬壬", "癸癸"]),
        ]);
        let m = merge(&old, None, &fresh, false);
        let out = apply(&text, "d.toml", &old, &m).unwrap();
        for kept in [
            "# 教师：第二单元，期中考试用",
            "owner = \"王老师\"   # a field tiankong does not know",
            "# 这一条改过提示\n[[note]]\nid = \"a\"",
            "prompt = \"教师改过的提示\"",
            "tags = [\"重点\"]",
        ] {
            assert!(out.contains(kept), "lost {kept:?}:\n{out}");
        }
        assert!(out.contains("version = 2"), "{out}");
        assert!(out.contains("\"己己己\""), "{out}");
        assert!(out.contains("prompt = \"两点（三项）\""), "{out}");
        // The new note comes after the last one, before the generator list.
        let n_at = out.find("id = \"n\"").unwrap();
        let g_at = out.find("[generator]").unwrap();
        assert!(
            out.find("id = \"b\"").unwrap() < n_at && n_at < g_at,
            "{out}"
        );
        let (back, _) = crate::deck::parse(&out, "d.toml").unwrap();
        assert_eq!(back, m.deck);
        assert_eq!(generated_ids(&out).unwrap(), m.generated);
        // Applying the same merge to its own result changes nothing more.
        let m2 = merge(&back, Some(&m.generated), &fresh, false);
        assert_eq!(apply(&out, "d.toml", &back, &m2).unwrap(), out);
    }
}
