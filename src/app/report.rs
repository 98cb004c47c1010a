//! A student's progress report from their database: present decks, their notes in deck order
//! with their live cards, and every answer, handed to `crate::report` (which aggregates and
//! renders). `cmd/report` prints it; the class view (`--merge`) reads JSON files, not a store.
use std::collections::HashMap;

use crate::report::{self, Answer, At, CardInput, DeckInput, NoteInput, StudentReport};
use crate::store::{BrowseFilter, BrowseSort, BrowseState, Store};

/// The report of the synced database at `now_ms`: present decks, their notes in deck order
/// with their live cards, and every answer.
pub fn student(store: &Store, now_ms: i64, name: Option<&str>) -> super::Result<StudentReport> {
    let day = super::Today::at(store, now_ms)?.day;
    let summaries = store.deck_summaries(now_ms, &day)?;
    // Live cards of present decks, in deck then card order: notes come out in deck order.
    let cards = store.browse(&BrowseFilter {
        state: BrowseState::All,
        sort: BrowseSort::Deck,
        ..BrowseFilter::default()
    })?;
    let mut decks: Vec<DeckInput> = summaries
        .iter()
        .map(|d| DeckInput {
            id: d.id.0.clone(),
            title: d.title.clone(),
            version: d.version,
            notes: vec![],
        })
        .collect();
    let deck_at: HashMap<String, usize> = decks
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i))
        .collect();
    let mut note_at: HashMap<(String, String), (usize, usize)> = HashMap::new();
    for c in &cards {
        let Some(&di) = deck_at.get(&c.deck.0) else {
            continue;
        };
        let key = (c.deck.0.clone(), c.note.0.clone());
        let (di, ni) = match note_at.get(&key) {
            Some(&at) => at,
            None => {
                let prompt = store
                    .note(&c.deck, &c.note)?
                    .map(|n| report::note_prompt(&n))
                    .unwrap_or_default();
                decks[di].notes.push(NoteInput {
                    id: c.note.0.clone(),
                    prompt,
                    cards: vec![],
                });
                let at = (di, decks[di].notes.len() - 1);
                note_at.insert(key, at);
                at
            }
        };
        decks[di].notes[ni].cards.push(CardInput { id: c.id });
    }
    let answers: Vec<Answer> = store
        .all_reviews()?
        .into_iter()
        .map(|e| Answer {
            card_id: e.card_id,
            time_ms: e.log.time_ms,
            rating: e.log.rating,
            phase_before: e.log.phase_before,
        })
        .collect();
    let date_of = |ms: i64| store.local_date(ms).unwrap_or_default();
    let at = At {
        now_ms,
        date: store.local_date(now_ms)?,
        date_of: &date_of,
    };
    Ok(report::student(name, &at, &decks, &answers))
}
