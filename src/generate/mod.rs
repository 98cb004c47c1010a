//! The corpus → decks pipeline behind `tiankong generate`: read the corpus, extract lists and
//! key sentences, build one deck per document (`build_decks`), and merge a regenerated corpus
//! into existing decks (`update`). Plain option structs; the command line lives in `cli`/`cmd`.
pub mod keys;
pub mod update;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::deck::{Deck, DeckId};
use crate::extract::{self, notes};
use crate::segment::Segmenter;

pub use keys::KeyPass;

/// What to generate from.
#[derive(Debug, Clone, Default)]
pub struct GenerateOptions {
    /// Corpus files or folders of `.txt` files.
    pub paths: Vec<PathBuf>,
}

/// Why generation failed.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error(transparent)]
    Corpus(#[from] crate::corpus::CorpusError),
    #[error("no documents found in {0}")]
    NoDocuments(String),
    #[error("cannot load the segmenter: {0}")]
    Segmenter(String),
    #[error("the key-sentence pass failed; no deck was written")]
    KeyPass,
}

/// Read the corpus and build one deck per document (lists and key sentences).
pub fn build_decks(opts: &GenerateOptions) -> Result<Vec<Deck>, GenerateError> {
    // The dictionary load is most of a run: start it now, so that reading the corpus and
    // finding its lists overlap it.
    Segmenter::preload();
    let docs = crate::corpus::load(&opts.paths)?;
    if docs.is_empty() {
        return Err(GenerateError::NoDocuments(
            opts.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ));
    }
    let (found, clozes) = extract(&docs, &|| {
        KeyPass::new().map_err(|e| GenerateError::Segmenter(format!("{e:#}")))
    })?;
    let mut decks: Vec<Deck> = Vec::new();
    for (di, doc) in docs.iter().enumerate() {
        let lists: Vec<_> = found
            .iter()
            .filter(|(d, _)| *d == di)
            .map(|(_, l)| l.clone())
            .collect();
        let cl: Vec<notes::ClozeNote> = clozes
            .iter()
            .filter(|(d, _)| *d == di)
            .map(|(_, c)| c.clone())
            .collect();
        if lists.is_empty() && cl.is_empty() {
            continue;
        }
        let mut id = notes::deck_id(doc);
        // Two documents of one date and title: number the later ones.
        let mut n = 2;
        let base = id.0.clone();
        while decks.iter().any(|d| d.meta.id == id) {
            id = DeckId(format!("{base}-{n}"));
            n += 1;
        }
        let mut deck = notes::build_deck(doc, id, &lists, &cl);
        // Note ids are unique across the corpus too (a list quoted in two documents with
        // other items): exports and imports merge decks and key notes by id.
        for i in 0..deck.notes.len() {
            let earlier = |id: &str| decks.iter().any(|d| d.notes.iter().any(|m| m.id.0 == id));
            if earlier(&deck.notes[i].id.0) {
                let base = deck.notes[i].id.0.clone();
                let free = |id: &str| !earlier(id) && deck.notes.iter().all(|m| m.id.0 != id);
                let mut k = 2;
                while !free(&format!("{base}-{k}")) {
                    k += 1;
                }
                deck.notes[i].id = crate::deck::NoteId(format!("{base}-{k}"));
            }
        }
        decks.push(deck);
    }
    Ok(decks)
}

/// Lists and cloze notes, each with the index of its document.
pub type Found = (
    Vec<(usize, extract::FoundList)>,
    Vec<(usize, notes::ClozeNote)>,
);

/// Lists and key sentences of the documents. The passes are independent, so they run on two
/// threads (the machines this runs on have at least two cores): one takes the key sentences,
/// then both take documents' lists in turn; the lists are merged in document order, so the
/// result does not depend on which thread found what. A failed key pass is an error: decks
/// without their cloze notes must never be written as if complete.
pub fn extract_all(
    docs: &[crate::corpus::Document],
    keys: &KeyPass,
) -> Result<Found, GenerateError> {
    extract(docs, &|| Ok(*keys))
}

/// [`extract_all`] with the key pass obtained on its thread (`build_decks` lets the
/// segmenter finish loading there while lists are found).
fn extract(
    docs: &[crate::corpus::Document],
    keys: &(dyn Fn() -> Result<KeyPass, GenerateError> + Sync),
) -> Result<Found, GenerateError> {
    let next = AtomicUsize::new(0);
    // Longest documents first, so that the two threads finish together: dealt in file order,
    // a long document taken last keeps one thread busy while the other waits.
    let mut order: Vec<(usize, &crate::corpus::Document)> = docs.iter().enumerate().collect();
    order.sort_by_key(|(_, d)| {
        std::cmp::Reverse(d.paragraphs.iter().map(|p| p.text.len()).sum::<usize>())
    });
    let lists = || {
        let mut mine: Vec<(usize, Vec<extract::FoundList>)> = Vec::new();
        while let Some(&(i, doc)) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            mine.push((i, extract::find_lists(doc)));
        }
        mine
    };
    std::thread::scope(|s| {
        let helper =
            std::thread::Builder::new().spawn_scoped(s, || (keys().map(|k| k.run(docs)), lists()));
        let mut found = lists();
        let clozes = match helper {
            Ok(h) => {
                let (clozes, more) = h.join().map_err(|_| GenerateError::KeyPass)?;
                found.extend(more);
                clozes?
            }
            // No second thread: the key pass runs on this one.
            Err(_) => keys()?.run(docs),
        };
        found.sort_by_key(|(i, _)| *i);
        Ok((
            extract::merge_documents(found.into_iter().map(|(_, l)| l)),
            clozes,
        ))
    })
}
