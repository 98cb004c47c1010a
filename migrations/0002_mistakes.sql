-- tiankong schema v2: the mistake book (错题本). A shipped migration is never edited.

-- One row per wrong answer on a mock paper. Practice never changes the schedule; a row's card
-- is answered Again through the review log only when the student sends it back
-- (`sent_back_ms`).
CREATE TABLE mistakes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    deck_id      TEXT NOT NULL,
    note_id      TEXT NOT NULL,
    slot         TEXT NOT NULL,              -- the card the question tested: item:<index> | whole | group:<n>
    kind         TEXT NOT NULL,              -- single | multi | judge | blank | list | order
    stem         TEXT NOT NULL,
    answer       TEXT NOT NULL,              -- the right answer, as shown to the student
    given        TEXT NOT NULL,              -- the student's answer, as shown
    time_ms      INTEGER NOT NULL,
    date         TEXT NOT NULL,              -- local YYYY-MM-DD of the paper
    sent_back_ms INTEGER                     -- when its card was sent back as a lapse
) STRICT;
CREATE INDEX mistakes_deck ON mistakes(deck_id, time_ms);
