//! Any bytes through the corpus reader: encoding detection, then PDF repair and the split
//! into documents. It must never panic, and every paragraph's line map must be usable.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = tiankong::corpus::read::decode(data) {
        // Lines as the reader counts them: CRLF, LF and a lone CR each end one.
        let unified = text.replace("\r\n", "\n").replace('\r', "\n");
        let lines = u32::try_from(unified.lines().count()).unwrap_or(u32::MAX);
        for doc in tiankong::corpus::normalize(&text, "fuzz.txt") {
            for p in &doc.paragraphs {
                // Source lines point into the input.
                let first = p.first_line();
                assert!(first <= lines.saturating_add(1), "line {first} of {lines}");
                let _ = p.line_at(p.text.len());
            }
        }
    }
});
