-- tiankong schema: the day's new-card walk reads only this index. Home walks every deck's new
-- cards in order (`Store::new_card_notes`); with `cards_new` each row cost a lookup in the table
-- for its note and flags. Same key order (deck, ord, id), so it replaces `cards_new`.
CREATE INDEX cards_new_walk
    ON cards(deck_id, ord, id, note_id, orphaned, suspended, buried_until_ms, phase)
    WHERE phase = 0;
DROP INDEX cards_new;
