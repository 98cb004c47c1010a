//! Deck sync with lasting card identity. A card is (deck id, note id, card key); keys are
//! assigned once and never reused (`item:<n>` from a per-note counter, `whole`, `group:<n>`).
//! On re-sync a note's items are matched to its existing item cards by exact text, then by
//! similarity (character-bigram Dice ≥ 0.6, best first), then by position among the cards
//! still unmatched (between their matched neighbours); matched cards keep key and history
//! and take the new text. Cards that lose their item, and every card of a note that leaves
//! its deck, are orphaned — kept, never deleted — and come back when their text or note
//! returns.
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use rusqlite::{params, OptionalExtension, Transaction};

use super::{Result, Store};
use crate::cloze::{card_specs, Slot};
use crate::deck::fs::fnv1a64;
use crate::deck::{Deck, DeckId, Note, NoteBody, NoteId};

/// Similarity at or above which a reworded item keeps its card.
pub const SIMILAR: f64 = 0.6;

/// A deck file's identity for change detection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileMeta {
    pub path: PathBuf,
    pub size: u64,
    pub mtime_ns: i64,
    /// A stable hash of the file's bytes (FNV-1a 64 from the deck loader).
    pub hash: u64,
}

impl FileMeta {
    /// The file facts of a loaded deck.
    pub fn of(d: &crate::deck::fs::LoadedDeck) -> FileMeta {
        FileMeta {
            path: d.path.clone(),
            size: d.size,
            mtime_ns: d.mtime_ns,
            hash: d.hash,
        }
    }
}

/// Loaded decks paired with their file facts, as [`Store::sync`](super::Store::sync) takes
/// them; `metas` is `decks` mapped by [`FileMeta::of`].
pub fn sync_decks<'a>(
    decks: &'a [crate::deck::fs::LoadedDeck],
    metas: &'a [FileMeta],
) -> Vec<SyncDeck<'a>> {
    decks
        .iter()
        .zip(metas)
        .map(|(d, file)| SyncDeck {
            file,
            deck: &d.deck,
        })
        .collect()
}

/// One deck to sync, with the file it came from.
#[derive(Debug, Clone, Copy)]
pub struct SyncDeck<'a> {
    pub file: &'a FileMeta,
    pub deck: &'a Deck,
}

/// One card that changed.
#[derive(Debug, Clone, PartialEq)]
pub struct CardChange {
    pub card_id: i64,
    pub note: NoteId,
    pub key: String,
    /// The text before (reworded and removed cards).
    pub old_anchor: Option<String>,
    /// The text now (for removed cards: the last text it had).
    pub anchor: String,
}

/// What a sync changed in one deck.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeckChanges {
    pub deck: Option<DeckId>,
    pub title: String,
    /// The version recorded before this sync (None when first seen or unversioned).
    pub old_version: Option<u32>,
    pub version: Option<u32>,
    /// The deck was not in the database before.
    pub first_sync: bool,
    /// Cards that did not exist before.
    pub new: Vec<CardChange>,
    /// Cards that kept their history under new text.
    pub reworded: Vec<CardChange>,
    /// Cards orphaned by this sync (item or note removed); history kept.
    pub removed: Vec<CardChange>,
    /// Orphaned cards that came back (their item or note returned).
    pub restored: Vec<CardChange>,
}

impl DeckChanges {
    /// Whether any card changed.
    pub fn is_empty(&self) -> bool {
        self.new.is_empty()
            && self.reworded.is_empty()
            && self.removed.is_empty()
            && self.restored.is_empty()
    }
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SyncReport {
    /// Decks whose file changed (or were first seen), with their card changes.
    pub changed: Vec<DeckChanges>,
    /// Decks skipped because their file is unchanged.
    pub unchanged: Vec<DeckId>,
    /// Decks known to the database that were not in this sync: hidden, history kept.
    pub missing: Vec<DeckId>,
    /// Decks given twice in one sync: the later ones were ignored.
    pub duplicates: Vec<DeckId>,
}

/// Character-bigram Dice similarity in [0, 1] (multiset); strings shorter than two
/// characters compare by their characters.
pub fn dice(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let grams = |s: &str| -> Vec<(char, char)> {
        let cs: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        if cs.len() < 2 {
            return cs.iter().map(|&c| (c, '\0')).collect();
        }
        cs.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let ga = grams(a);
    let gb = grams(b);
    if ga.is_empty() || gb.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<(char, char), i32> = HashMap::new();
    for g in &ga {
        *counts.entry(*g).or_default() += 1;
    }
    let mut common = 0usize;
    for g in &gb {
        if let Some(n) = counts.get_mut(g) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
    }
    2.0 * common as f64 / (ga.len() + gb.len()) as f64
}

/// A deck row as recorded: (path, size, mtime, hash, present, version).
type KnownDeck = (String, i64, i64, i64, bool, Option<u32>);

/// An existing item card of a note.
struct OldItem {
    id: i64,
    anchor: String,
    pos: i64,
    live: bool,
}

/// Match `new` item texts to `old` item cards: returns, per new item, the index into `old`.
fn match_items(old: &[OldItem], new: &[String]) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    // 1. Exact text (a live card before an orphaned one, then the nearest position).
    for (i, text) in new.iter().enumerate() {
        let best = old
            .iter()
            .enumerate()
            .filter(|(j, o)| !taken[*j] && o.anchor == *text)
            .min_by_key(|(_, o)| (!o.live, (o.pos - i as i64).abs()));
        if let Some((j, _)) = best {
            taken[j] = true;
            out[i] = Some(j);
        }
    }
    // 2. Similar text, best pairs first.
    let mut pairs: Vec<(f64, bool, i64, usize, usize)> = Vec::new();
    for (i, text) in new.iter().enumerate() {
        if out[i].is_some() {
            continue;
        }
        for (j, o) in old.iter().enumerate() {
            if taken[j] {
                continue;
            }
            let s = dice(&o.anchor, text);
            if s >= SIMILAR {
                pairs.push((s, o.live, (o.pos - i as i64).abs(), i, j));
            }
        }
    }
    pairs.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    for (_, _, _, i, j) in pairs {
        if out[i].is_none() && !taken[j] {
            out[i] = Some(j);
            taken[j] = true;
        }
    }
    // 3. Position among the still-unmatched: a live card left over goes to the first
    //    unmatched new item between the new places of its matched neighbours (an item
    //    reworded beyond recognition where it was). Orphaned cards never match by position:
    //    their position is stale; neither does a card whose neighbours were reordered past
    //    each other, nor one with no free item in its gap (removed here, added elsewhere).
    let mut by_pos: Vec<usize> = (0..old.len()).collect();
    by_pos.sort_by_key(|&j| (old[j].pos, j));
    let new_of: Vec<Option<usize>> = {
        let mut v = vec![None; old.len()];
        for (i, m) in out.iter().enumerate() {
            if let Some(j) = m {
                v[*j] = Some(i);
            }
        }
        v
    };
    for (k, &j) in by_pos.iter().enumerate() {
        if taken[j] || !old[j].live {
            continue;
        }
        let lo = by_pos[..k]
            .iter()
            .rev()
            .find_map(|&p| new_of[p])
            .map_or(-1, |i| i as i64);
        let hi = by_pos[k + 1..]
            .iter()
            .find_map(|&p| new_of[p])
            .map_or(new.len() as i64, |i| i as i64);
        if lo >= hi {
            continue;
        }
        let free = ((lo + 1)..hi)
            .map(|i| i as usize)
            .find(|&i| out[i].is_none());
        if let Some(i) = free {
            out[i] = Some(j);
            taken[j] = true;
        }
    }
    out
}

/// The stored form of a note and a hash of it.
struct NoteRow {
    kind: &'static str,
    prompt: String,
    items: String,
    ordered: bool,
    context: String,
    item_lines: String,
    passage: Option<String>,
    source: Option<String>,
    tags: String,
    heading: String,
    generated: Option<String>,
    hash: i64,
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".to_string())
}

fn note_row(note: &Note) -> NoteRow {
    let (kind, prompt, items, ordered, context, item_lines) = match &note.body {
        NoteBody::List(l) => (
            "list",
            l.prompt.clone(),
            json(&l.items),
            l.ordered,
            json(&l.context),
            json(&l.item_lines),
        ),
        NoteBody::Cloze { text } => (
            "cloze",
            text.clone(),
            "[]".to_string(),
            true,
            "[]".to_string(),
            "[]".to_string(),
        ),
    };
    let source = note.source.as_ref().map(|s| {
        serde_json::json!({"file": s.file, "line": s.line, "doc": s.doc, "date": s.date})
            .to_string()
    });
    let tags = json(&note.tags);
    let heading = json(&note.heading);
    let mut canon = String::new();
    for part in [
        kind,
        &prompt,
        &items,
        if ordered { "1" } else { "0" },
        &context,
        &item_lines,
        note.passage.as_deref().unwrap_or("\u{1}"),
        source.as_deref().unwrap_or("\u{1}"),
        &tags,
        note.generated.as_deref().unwrap_or("\u{1}"),
        &heading,
    ] {
        canon.push_str(part);
        canon.push('\u{0}');
    }
    NoteRow {
        kind,
        hash: fnv1a64(canon.as_bytes()) as i64,
        prompt,
        items,
        ordered,
        context,
        item_lines,
        passage: note.passage.clone(),
        source,
        tags,
        heading,
        generated: note.generated.clone(),
    }
}

/// SplitMix64's finaliser: FNV-1a of ids that differ only in their last byte keeps their
/// order; this scatters them.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Each note's place in the new-card order: higher `priority` first, then the deck's
/// `new_order` — the file's order, or a shuffle that is stable (a hash of deck and note id,
/// so every sync and every screen agree on it). Indexed like `notes`.
fn new_card_ranks(deck: &crate::deck::Deck) -> Vec<i64> {
    let shuffled = deck.meta.new_order == Some(crate::deck::model::NewOrder::Shuffled);
    let mut order: Vec<usize> = (0..deck.notes.len()).collect();
    let key = |i: usize| {
        let n = &deck.notes[i];
        let tie = if shuffled {
            mix(crate::deck::fs::fnv1a64(
                format!("{}\u{0}{}", deck.meta.id.0, n.id.0).as_bytes(),
            ))
        } else {
            i as u64
        };
        (std::cmp::Reverse(n.priority.unwrap_or(0)), tie, i)
    };
    order.sort_by_key(|&i| key(i));
    let mut rank = vec![0i64; deck.notes.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r as i64;
    }
    rank
}

/// A deck file as last synced: `(path, size, mtime ns, hash, deck id)`.
pub type KnownFile = (String, u64, i64, u64, DeckId);

impl Store {
    /// Bring the database in line with `decks` (the decks that loaded now). Decks whose file
    /// is unchanged (same path, size, mtime and hash as recorded) are skipped without
    /// reading their notes; known decks absent from `decks` are marked missing (hidden, history
    /// kept). One `BEGIN IMMEDIATE` transaction; nothing is written when nothing changed.
    pub fn sync(&mut self, decks: &[SyncDeck<'_>], now_ms: i64) -> Result<SyncReport> {
        self.sync_cached(decks, &[], now_ms)
    }

    /// The deck files as last synced: `(path, size, mtime ns, hash, deck id)`, so a loader can
    /// skip parsing the files that have not changed.
    pub fn deck_files(&self) -> Result<Vec<KnownFile>> {
        let mut st = self
            .conn
            .prepare("SELECT path, size, mtime_ns, hash, id FROM decks")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?.max(0) as u64,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)? as u64,
                    DeckId(r.get::<_, String>(4)?),
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// [`Store::sync`], where `unchanged` lists decks whose files the caller found identical
    /// to what [`Store::deck_files`] recorded and did not parse: they stay present as they are.
    pub fn sync_cached(
        &mut self,
        decks: &[SyncDeck<'_>],
        unchanged: &[DeckId],
        now_ms: i64,
    ) -> Result<SyncReport> {
        let mut report = SyncReport::default();
        // Read-only pass: which decks need work?
        let mut known: HashMap<String, KnownDeck> = HashMap::new();
        {
            let mut st = self
                .conn
                .prepare("SELECT id, path, size, mtime_ns, hash, present, version FROM decks")
                .map_err(|e| self.err(e))?;
            let rows = st
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        (
                            r.get::<_, String>(1)?,
                            r.get::<_, i64>(2)?,
                            r.get::<_, i64>(3)?,
                            r.get::<_, i64>(4)?,
                            r.get::<_, bool>(5)?,
                            r.get::<_, Option<u32>>(6)?,
                        ),
                    ))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (id, v) = row.map_err(|e| self.err(e))?;
                known.insert(id, v);
            }
        }
        let mut seen: HashSet<&str> = HashSet::new();
        let mut work: Vec<&SyncDeck<'_>> = Vec::new();
        let mut revive: Vec<&str> = Vec::new();
        for id in unchanged {
            if let Some(k) = known.get(id.0.as_str()) {
                seen.insert(id.0.as_str());
                report.unchanged.push(id.clone());
                if !k.4 {
                    revive.push(id.0.as_str());
                }
            }
        }
        for d in decks {
            let id = d.deck.meta.id.0.as_str();
            if !seen.insert(id) {
                report.duplicates.push(d.deck.meta.id.clone());
                continue;
            }
            match known.get(id) {
                Some((path, size, mtime, hash, present, _))
                    if *path == d.file.path.to_string_lossy()
                        && *size == d.file.size as i64
                        && *mtime == d.file.mtime_ns
                        && *hash == d.file.hash as i64 =>
                {
                    report.unchanged.push(d.deck.meta.id.clone());
                    if !present {
                        revive.push(id);
                    }
                }
                _ => work.push(d),
            }
        }
        let mut gone: Vec<String> = known
            .iter()
            .filter(|(id, v)| v.4 && !seen.contains(id.as_str()))
            .map(|(id, _)| id.clone())
            .collect();
        gone.sort();
        report.missing = gone.iter().map(|g| DeckId(g.clone())).collect();
        if work.is_empty() && revive.is_empty() && gone.is_empty() {
            return Ok(report);
        }
        let changed = self.write(|tx| {
            for id in &revive {
                tx.execute(
                    "UPDATE decks SET present = 1, last_seen_ms = ?2 WHERE id = ?1",
                    params![id, now_ms],
                )?;
            }
            for id in &gone {
                tx.execute("UPDATE decks SET present = 0 WHERE id = ?1", [id])?;
            }
            let mut out = Vec::new();
            for d in &work {
                let old_version = known.get(d.deck.meta.id.0.as_str()).and_then(|v| v.5);
                out.push(sync_deck(tx, d, old_version, now_ms)?);
            }
            Ok(out)
        })?;
        report.changed = changed;
        Ok(report)
    }
}

fn sync_deck(
    tx: &Transaction<'_>,
    d: &SyncDeck<'_>,
    old_version: Option<u32>,
    now_ms: i64,
) -> Result<DeckChanges> {
    let meta = &d.deck.meta;
    let first_sync: bool = tx
        .query_row(
            "SELECT 1 FROM decks WHERE id = ?1",
            [&meta.id.0],
            |_| Ok(()),
        )
        .optional()?
        .is_none();
    tx.execute(
        "INSERT INTO decks (id, title, version, path, size, mtime_ns, hash, exam, present, last_seen_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, version = excluded.version,
           path = excluded.path, size = excluded.size, mtime_ns = excluded.mtime_ns,
           hash = excluded.hash, exam = excluded.exam, present = 1,
           last_seen_ms = excluded.last_seen_ms",
        params![
            meta.id.0,
            meta.title,
            meta.version,
            d.file.path.to_string_lossy(),
            d.file.size as i64,
            d.file.mtime_ns,
            d.file.hash as i64,
            meta.exam,
            now_ms
        ],
    )?;
    let mut changes = DeckChanges {
        deck: Some(meta.id.clone()),
        title: meta.title.clone(),
        old_version,
        version: meta.version,
        first_sync,
        ..Default::default()
    };
    // The notes recorded for this deck: id -> (hash, orphaned, pos).
    let mut old_notes: HashMap<String, (i64, bool, i64)> = HashMap::new();
    {
        let mut st = tx
            .prepare("SELECT note_id, content_hash, orphaned, pos FROM notes WHERE deck_id = ?1")?;
        let rows = st.query_map([&meta.id.0], |r| {
            Ok((
                r.get::<_, String>(0)?,
                (
                    r.get::<_, i64>(1)?,
                    r.get::<_, bool>(2)?,
                    r.get::<_, i64>(3)?,
                ),
            ))
        })?;
        for r in rows {
            let (k, v) = r?;
            old_notes.insert(k, v);
        }
    }
    let mut present: HashSet<&str> = HashSet::new();
    let ranks = new_card_ranks(d.deck);
    for (i, note) in d.deck.notes.iter().enumerate() {
        // `pos` is the note's place in the new-card order (see `new_card_ranks`).
        let pos = ranks[i] as usize;
        if !present.insert(note.id.0.as_str()) {
            continue; // a duplicate note id: the linter reports it; the first one wins
        }
        let row = note_row(note);
        match old_notes.get(&note.id.0) {
            Some((hash, false, old_pos)) if *hash == row.hash => {
                if *old_pos != pos as i64 {
                    tx.execute(
                        "UPDATE notes SET pos = ?3 WHERE deck_id = ?1 AND note_id = ?2",
                        params![meta.id.0, note.id.0, pos as i64],
                    )?;
                    set_order(tx, &meta.id, &note.id, pos as i64)?;
                }
            }
            _ => sync_note(tx, &meta.id, note, pos as i64, &row, now_ms, &mut changes)?,
        }
    }
    // Notes that left the deck: orphan them and their cards.
    let mut left: Vec<&String> = old_notes
        .iter()
        .filter(|(id, v)| !v.1 && !present.contains(id.as_str()))
        .map(|(id, _)| id)
        .collect();
    left.sort();
    for note_id in left {
        tx.execute(
            "UPDATE notes SET orphaned = 1 WHERE deck_id = ?1 AND note_id = ?2",
            params![meta.id.0, note_id],
        )?;
        let mut st = tx.prepare(
            "SELECT id, card_key, anchor FROM cards
             WHERE deck_id = ?1 AND note_id = ?2 AND orphaned = 0 ORDER BY id",
        )?;
        let rows = st.query_map(params![meta.id.0, note_id], |r| {
            Ok(CardChange {
                card_id: r.get(0)?,
                note: NoteId(note_id.clone()),
                key: r.get(1)?,
                old_anchor: None,
                anchor: r.get(2)?,
            })
        })?;
        for r in rows {
            changes.removed.push(r?);
        }
        tx.execute(
            "UPDATE cards SET orphaned = 1 WHERE deck_id = ?1 AND note_id = ?2",
            params![meta.id.0, note_id],
        )?;
    }
    Ok(changes)
}

/// An existing card of a note: (id, key, anchor, slot position, orphaned).
type OldCard = (i64, String, String, i64, bool);

fn sync_note(
    tx: &Transaction<'_>,
    deck: &DeckId,
    note: &Note,
    pos: i64,
    row: &NoteRow,
    now_ms: i64,
    changes: &mut DeckChanges,
) -> Result<()> {
    let note_was_orphaned: bool = tx
        .query_row(
            "SELECT orphaned FROM notes WHERE deck_id = ?1 AND note_id = ?2",
            params![deck.0, note.id.0],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(false);
    tx.execute(
        "INSERT INTO notes (deck_id, note_id, pos, content_hash, kind, prompt, items, ordered,
                            context, item_lines, passage, source, tags, generated, heading,
                            orphaned)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 0)
         ON CONFLICT(deck_id, note_id) DO UPDATE SET pos = excluded.pos,
           content_hash = excluded.content_hash, kind = excluded.kind, prompt = excluded.prompt,
           items = excluded.items, ordered = excluded.ordered, context = excluded.context,
           item_lines = excluded.item_lines, passage = excluded.passage, source = excluded.source,
           tags = excluded.tags, generated = excluded.generated, heading = excluded.heading,
           orphaned = 0",
        params![
            deck.0,
            note.id.0,
            pos,
            row.hash,
            row.kind,
            row.prompt,
            row.items,
            row.ordered,
            row.context,
            row.item_lines,
            row.passage,
            row.source,
            row.tags,
            row.generated,
            row.heading
        ],
    )?;
    let mut old: Vec<OldCard> = Vec::new();
    {
        let mut st = tx.prepare(
            "SELECT id, card_key, anchor, slot_pos, orphaned FROM cards
             WHERE deck_id = ?1 AND note_id = ?2 ORDER BY id",
        )?;
        let rows = st.query_map(params![deck.0, note.id.0], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        for r in rows {
            // A card of a note that was orphaned as a whole counts as live for matching: it
            // was orphaned with its note, not for losing its own item.
            let (id, key, anchor, slot, orphaned): OldCard = r?;
            old.push((id, key, anchor, slot, orphaned));
        }
    }
    let specs = card_specs(note);
    let item_texts: Vec<String> = specs
        .iter()
        .filter(|s| matches!(s.slot, Slot::Item(_)))
        .map(|s| s.anchor.clone())
        .collect();
    let old_items: Vec<(usize, OldItem)> = old
        .iter()
        .enumerate()
        .filter(|(_, c)| c.1.starts_with("item:"))
        .map(|(k, c)| {
            (
                k,
                OldItem {
                    id: c.0,
                    anchor: c.2.clone(),
                    pos: c.3,
                    live: !c.4 || note_was_orphaned,
                },
            )
        })
        .collect();
    let olds: Vec<OldItem> = old_items
        .iter()
        .map(|(_, o)| OldItem {
            id: o.id,
            anchor: o.anchor.clone(),
            pos: o.pos,
            live: o.live,
        })
        .collect();
    let matched = match_items(&olds, &item_texts);
    let mut next_item: i64 = tx.query_row(
        "SELECT next_item FROM notes WHERE deck_id = ?1 AND note_id = ?2",
        params![deck.0, note.id.0],
        |r| r.get(0),
    )?;
    // Keys already used by this note, so a counter never hands out an old key even if the
    // counter was lost (e.g. restored from an older backup).
    for c in &old {
        if let Some(n) =
            c.1.strip_prefix("item:")
                .and_then(|n| n.parse::<i64>().ok())
        {
            next_item = next_item.max(n + 1);
        }
    }
    let mut used: HashSet<i64> = HashSet::new();
    let mut item_i = 0usize;
    for spec in &specs {
        let (target, slot_pos): (Option<usize>, i64) = match spec.slot {
            Slot::Item(i) => {
                let m = matched
                    .get(item_i)
                    .copied()
                    .flatten()
                    .map(|j| old_items[j].0);
                item_i += 1;
                (m, i as i64)
            }
            Slot::Whole => (old.iter().position(|c| c.1 == "whole"), -1),
            Slot::Group(g) => {
                let key = format!("group:{g}");
                (old.iter().position(|c| c.1 == key), i64::from(g))
            }
        };
        match target {
            Some(k) => {
                let c = &old[k];
                used.insert(c.0);
                tx.execute(
                    "UPDATE cards SET anchor = ?2, slot_pos = ?3, orphaned = 0 WHERE id = ?1",
                    params![c.0, spec.anchor, slot_pos],
                )?;
                let change = CardChange {
                    card_id: c.0,
                    note: note.id.clone(),
                    key: c.1.clone(),
                    old_anchor: Some(c.2.clone()),
                    anchor: spec.anchor.clone(),
                };
                if c.4 {
                    changes.restored.push(change);
                } else if c.2 != spec.anchor {
                    changes.reworded.push(change);
                }
            }
            None => {
                let key = match spec.slot {
                    Slot::Item(_) => {
                        let k = format!("item:{next_item}");
                        next_item += 1;
                        k
                    }
                    Slot::Whole => "whole".to_string(),
                    Slot::Group(g) => format!("group:{g}"),
                };
                tx.execute(
                    "INSERT INTO cards (deck_id, note_id, card_key, anchor, slot_pos, due_ms, created_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                    params![deck.0, note.id.0, key, spec.anchor, slot_pos, now_ms],
                )?;
                changes.new.push(CardChange {
                    card_id: tx.last_insert_rowid(),
                    note: note.id.clone(),
                    key,
                    old_anchor: None,
                    anchor: spec.anchor.clone(),
                });
            }
        }
    }
    for c in &old {
        if used.contains(&c.0) {
            continue;
        }
        if !c.4 {
            tx.execute("UPDATE cards SET orphaned = 1 WHERE id = ?1", [c.0])?;
            changes.removed.push(CardChange {
                card_id: c.0,
                note: note.id.clone(),
                key: c.1.clone(),
                old_anchor: None,
                anchor: c.2.clone(),
            });
        }
    }
    tx.execute(
        "UPDATE notes SET next_item = ?3 WHERE deck_id = ?1 AND note_id = ?2",
        params![deck.0, note.id.0, next_item],
    )?;
    set_order(tx, deck, &note.id, pos)
}

/// New cards come in deck order: by note position, items in order, the whole-list card last.
fn set_order(tx: &Transaction<'_>, deck: &DeckId, note: &NoteId, pos: i64) -> Result<()> {
    tx.execute(
        "UPDATE cards SET ord = ?3 * 4096 + CASE WHEN slot_pos < 0 THEN 4095 ELSE min(slot_pos, 4094) END
         WHERE deck_id = ?1 AND note_id = ?2",
        params![deck.0, note.0, pos],
    )?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn olds(v: &[(&str, i64, bool)]) -> Vec<OldItem> {
        v.iter()
            .enumerate()
            .map(|(i, (a, p, l))| OldItem {
                id: i as i64,
                anchor: a.to_string(),
                pos: *p,
                live: *l,
            })
            .collect()
    }
    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn dice_values() {
        assert_eq!(dice("abc", "abc"), 1.0);
        // bigrams ab,bc vs ab,bd: one in common of four.
        assert!((dice("abc", "abd") - 0.5).abs() < 1e-12);
        assert_eq!(dice("abc", "xyz"), 0.0);
        assert_eq!(dice("", "a"), 0.0);
        // 推动产业链供应链优化升级 vs 推进产业链供应链优化升级: 11 bigrams each, 9 shared.
        let d = dice("推动产业链供应链优化升级", "推进产业链供应链优化升级");
        assert!((d - 18.0 / 22.0).abs() < 1e-12, "{d}");
    }

    #[test]
    fn reordered_inserted_and_reworded_items_match() {
        let old = olds(&[
            ("甲乙丙丁", 0, true),
            ("戊己庚辛", 1, true),
            ("壬癸子丑", 2, true),
        ]);
        // Reorder, insert a new item, reword the third slightly.
        let new = s(&["戊己庚辛", "全新的一项", "甲乙丙丁", "壬癸子丑寅"]);
        let m = match_items(&old, &new);
        assert_eq!(m, vec![Some(1), None, Some(0), Some(2)]);
    }

    #[test]
    fn unrecognisable_rewording_falls_back_to_position_but_not_for_orphans() {
        let old = olds(&[
            ("甲乙丙丁", 0, true),
            ("戊己庚辛", 1, true),
            ("旧的孤儿", 2, false),
        ]);
        let new = s(&["甲乙丙丁", "完全不同", "另一项目"]);
        let m = match_items(&old, &new);
        assert_eq!(m, vec![Some(0), Some(1), None]);
    }

    #[test]
    fn position_fallback_stays_between_matched_neighbours() {
        // Inserted 新 at 2; 丁 (old 3) reworded beyond recognition after 丙 (now at 3).
        let old = olds(&[
            ("甲甲甲", 0, true),
            ("乙乙乙", 1, true),
            ("丙丙丙", 2, true),
            ("丁丁丁", 3, true),
        ]);
        let new = s(&["乙乙乙", "甲甲甲", "新新新", "丙丙丙", "完全不同"]);
        assert_eq!(
            match_items(&old, &new),
            vec![Some(1), Some(0), None, Some(2), Some(3)]
        );
        // Removed here, added elsewhere: no match (the gap after 乙 is empty).
        let old = olds(&[
            ("甲甲甲", 0, true),
            ("乙乙乙", 1, true),
            ("丙丙丙", 2, true),
        ]);
        let new = s(&["另一个", "甲甲甲", "乙乙乙"]);
        assert_eq!(match_items(&old, &new), vec![None, Some(0), Some(1)]);
    }

    #[test]
    fn similarity_prefers_best_pair() {
        let old = olds(&[("加快科技自立自强", 0, true), ("加快科技自立", 1, true)]);
        let new = s(&["加快科技自立自强步伐"]);
        let m = match_items(&old, &new);
        assert_eq!(m, vec![Some(0)]);
    }
}
