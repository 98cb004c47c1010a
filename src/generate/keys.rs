//! The key-sentence pass of `generate`: the segmenter (loaded once), IDF over the corpus
//! being generated, cloze notes.
use crate::corpus::Document;
use crate::extract::key_sentences;
use crate::extract::notes::ClozeNote;
use crate::segment::{Idf, Segmenter};

/// The loaded segmenter; the pass runs over any number of corpora with it.
#[derive(Debug, Clone, Copy)]
pub struct KeyPass {
    seg: &'static Segmenter,
}

impl KeyPass {
    /// The process's segmenter with its domain dictionary ([`Segmenter::shared`]: loaded
    /// once, 80–160 ms; never in the TUI).
    pub fn new() -> anyhow::Result<KeyPass> {
        Ok(KeyPass {
            seg: Segmenter::shared()?,
        })
    }

    /// Key-sentence cloze notes of every document, `(document index, note)`; a sentence that
    /// an earlier document already gave is not repeated.
    pub fn run(&self, docs: &[Document]) -> Vec<(usize, ClozeNote)> {
        let idf = Idf::from_paragraphs(
            self.seg,
            docs.iter()
                .flat_map(|d| d.paragraphs.iter().map(|p| p.text.as_str())),
        );
        let mut out: Vec<(usize, ClozeNote)> = Vec::new();
        for (di, doc) in docs.iter().enumerate() {
            for k in key_sentences::find(doc, self.seg, &idf) {
                if out.iter().any(|(_, c)| c.text == k.text) {
                    continue;
                }
                out.push((
                    di,
                    ClozeNote {
                        text: k.text,
                        line: k.line,
                        passage: k.paragraph,
                    },
                ));
            }
        }
        out
    }
}

/// Load the segmenter and run the pass.
pub fn key_sentences(docs: &[Document]) -> anyhow::Result<Vec<(usize, ClozeNote)>> {
    Ok(KeyPass::new()?.run(docs))
}
