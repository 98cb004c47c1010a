//! Any bytes (as lossy UTF-8) through the deck parser. It must never panic; a deck it
//! accepts must serialize and parse back to the same deck.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let checked = tiankong::deck::check(&text, "fuzz.toml");
    if let Some(deck) = checked.deck {
        let again = tiankong::deck::check(&tiankong::deck::to_toml(&deck), "again.toml");
        assert_eq!(again.deck.as_ref(), Some(&deck), "to_toml/parse round trip");
    }
});
