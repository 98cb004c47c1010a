//! Regenerating into existing decks (`generate --update`): notes that still match keep their
//! ids, hand-edited notes are never overwritten, new lists are added, vanished ones are kept
//! (or pruned) and reported. Pure: decks in, decks and a report out.
use crate::deck::{Deck, Note, NoteBody};

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

/// Merge a freshly generated deck into the existing one.
pub fn merge(existing: &Deck, fresh: &Deck, prune: bool) -> (Deck, DeckChanges) {
    let mut changes = DeckChanges {
        deck: existing.meta.id.0.clone(),
        pruned: prune,
        ..DeckChanges::default()
    };
    let mut claimed = vec![false; existing.notes.len()];
    // Each fresh note finds its existing note: the same id first, then the most alike
    // (at least half its items, or 60% of its text).
    let mut pairs: Vec<Option<usize>> = Vec::new();
    for f in &fresh.notes {
        let by_id = existing
            .notes
            .iter()
            .position(|e| e.id == f.id)
            .filter(|i| !claimed[*i]);
        let found = by_id.or_else(|| {
            let best = (0..existing.notes.len())
                .filter(|i| !claimed[*i])
                .map(|i| (i, likeness(f, &existing.notes[i])))
                .filter(|(_, l)| *l >= 0.5)
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            best.map(|(i, _)| i)
        });
        if let Some(i) = found {
            claimed[i] = true;
        }
        pairs.push(found);
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
    for (k, f) in fresh.notes.iter().enumerate() {
        if pairs[k].is_none() {
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
    if changes.changed() {
        // Students' copies announce what changed when the version moves up.
        meta.version = Some(existing.meta.version.unwrap_or(1) + 1);
    }
    (Deck { meta, notes }, changes)
}

fn summary(n: &Note) -> String {
    let text = match &n.body {
        NoteBody::List(l) => l.prompt.clone(),
        NoteBody::Cloze { text } => text.clone(),
    };
    text.chars().take(30).collect()
}

#[cfg(test)]
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
        let (merged, ch) = merge(&old, &fresh, false);
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
        let (pruned, _) = merge(&old, &fresh, true);
        assert!(pruned.notes.iter().all(|n| n.id.0 != "c"));
    }

    #[test]
    fn an_unchanged_corpus_changes_nothing() {
        let d = deck(vec![list("a", "三项（三项）", &["甲甲", "乙乙", "丙丙"])]);
        let (merged, ch) = merge(&d, &d, true);
        assert_eq!(merged, d);
        assert!(!ch.changed());
    }
}
