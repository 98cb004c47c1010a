//! Any bytes (as lossy UTF-8) through `tiankong import`'s reader (Anki text or CSV). It must
//! never panic; a deck it builds must pass the deck parser and survive export and re-import.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tiankong::{deck, interop};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(imported) = interop::import(&text, "fuzz.txt", "fuzz") {
        let d = &imported.deck;
        let checked = deck::check(&deck::to_toml(d), "fuzz.toml");
        assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
        if let Ok(csv) = interop::to_csv(&[d]) {
            let back = interop::import(&csv, "again.csv", "fuzz");
            assert!(back.is_ok(), "CSV re-import failed: {back:?}");
        }
    }
});
