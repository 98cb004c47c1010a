//! The key-sentence pass of `generate`: segmenter, IDF over the corpus, cloze notes.
use crate::corpus::Document;
use crate::extract::notes::ClozeNote;

/// Key-sentence cloze notes of every document, `(document index, note)`.
pub fn key_sentences(_docs: &[Document]) -> anyhow::Result<Vec<(usize, ClozeNote)>> {
    Ok(Vec::new())
}
