//! The key-sentence pass of `generate`: the segmenter (loaded once), IDF over the corpus
//! being generated, cloze notes.
use crate::corpus::Document;
use crate::extract::notes::ClozeNote;

/// The loaded segmenter and what the pass needs besides the documents.
pub struct KeyPass {}

impl KeyPass {
    /// Load the segmenter and its domain dictionary (80–160 ms; never in the TUI).
    pub fn new() -> anyhow::Result<KeyPass> {
        Ok(KeyPass {})
    }

    /// Key-sentence cloze notes of every document, `(document index, note)`.
    pub fn run(&self, _docs: &[Document]) -> Vec<(usize, ClozeNote)> {
        Vec::new()
    }
}

/// Load the segmenter and run the pass.
pub fn key_sentences(docs: &[Document]) -> anyhow::Result<Vec<(usize, ClozeNote)>> {
    Ok(KeyPass::new()?.run(docs))
}
