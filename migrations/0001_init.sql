-- tiankong schema v1. A shipped migration is never edited: add 0002_… instead.

-- One row per deck id ever synced. `present` is 0 while the deck's file is not found (or does
-- not load): its cards stay, hidden, until it comes back.
CREATE TABLE decks (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    version      INTEGER,
    path         TEXT NOT NULL,
    size         INTEGER NOT NULL,
    mtime_ns     INTEGER NOT NULL,
    hash         INTEGER NOT NULL,           -- FNV-1a 64 of the file, as i64 bits
    exam         TEXT,                       -- YYYY-MM-DD from the deck file
    present      INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
    last_seen_ms INTEGER NOT NULL
) STRICT;

-- The current content of every note ever synced; orphaned = 1 once it left its deck.
CREATE TABLE notes (
    deck_id      TEXT NOT NULL REFERENCES decks(id),
    note_id      TEXT NOT NULL,
    pos          INTEGER NOT NULL,           -- index in the deck file: new-card order
    content_hash INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('list', 'cloze')),
    prompt       TEXT NOT NULL,              -- list prompt, or cloze text
    items        TEXT NOT NULL DEFAULT '[]', -- JSON array of item key phrases
    ordered      INTEGER NOT NULL DEFAULT 1 CHECK (ordered IN (0, 1)),
    context      TEXT NOT NULL DEFAULT '[]', -- JSON array
    item_lines   TEXT NOT NULL DEFAULT '[]', -- JSON array
    passage      TEXT,
    source       TEXT,                       -- JSON object {file, line, doc, date} or NULL
    tags         TEXT NOT NULL DEFAULT '[]', -- JSON array
    generated    TEXT,
    next_item    INTEGER NOT NULL DEFAULT 0, -- item card keys are item:<n>, n never reused
    orphaned     INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    PRIMARY KEY (deck_id, note_id)
) STRICT;

-- A card is (deck id, note id, card key); the key is assigned once and never reused.
CREATE TABLE cards (
    id              INTEGER PRIMARY KEY,
    deck_id         TEXT NOT NULL,
    note_id         TEXT NOT NULL,
    card_key        TEXT NOT NULL,           -- item:<n> | whole | group:<n>
    anchor          TEXT NOT NULL,           -- the text that identifies it (item, prompt, answers)
    slot_pos        INTEGER NOT NULL,        -- item index, or cloze group number; -1 for whole
    ord             INTEGER NOT NULL DEFAULT 0, -- new-card order: note pos * 4096 + slot (whole last)
    phase           INTEGER NOT NULL DEFAULT 0 CHECK (phase BETWEEN 0 AND 3),
    due_ms          INTEGER NOT NULL,
    stability       REAL NOT NULL DEFAULT 0,
    difficulty      REAL NOT NULL DEFAULT 0,
    reps            INTEGER NOT NULL DEFAULT 0,
    lapses          INTEGER NOT NULL DEFAULT 0,
    step            INTEGER NOT NULL DEFAULT 0,
    last_review_ms  INTEGER,
    scheduled_days  INTEGER NOT NULL DEFAULT 0,
    suspended       INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
    buried_until_ms INTEGER NOT NULL DEFAULT 0,
    leech           INTEGER NOT NULL DEFAULT 0 CHECK (leech IN (0, 1)),
    orphaned        INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    created_ms      INTEGER NOT NULL,
    UNIQUE (deck_id, note_id, card_key),
    FOREIGN KEY (deck_id, note_id) REFERENCES notes(deck_id, note_id)
) STRICT;
CREATE INDEX cards_due ON cards(due_ms) WHERE phase <> 0;
CREATE INDEX cards_new ON cards(deck_id, ord) WHERE phase = 0;
-- Covering index for the per-deck counts (stats, deck list): no table rows are read.
CREATE INDEX cards_counts ON cards(orphaned, deck_id, phase, suspended, reps);
CREATE INDEX cards_buried ON cards(buried_until_ms) WHERE buried_until_ms > 0;
CREATE INDEX cards_leech ON cards(deck_id) WHERE leech = 1;

-- Append-only (undo deletes the row it undoes; nothing updates a row). Enough to train FSRS
-- and to export Anki's revlog: id=time_ms, cid, usn, ease=rating, ivl (days, or -seconds),
-- lastIvl (the card's previous row), factor (difficulty), time=duration, type (from kind and
-- phase_before).
CREATE TABLE review_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    card_id        INTEGER NOT NULL REFERENCES cards(id),
    time_ms        INTEGER NOT NULL,
    kind           INTEGER NOT NULL DEFAULT 0 CHECK (kind BETWEEN 0 AND 2), -- 0 answer, 1 manual, 2 reschedule
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 4),        -- 0 only for manual rows
    phase_before   INTEGER NOT NULL CHECK (phase_before BETWEEN 0 AND 3),
    phase_after    INTEGER NOT NULL CHECK (phase_after BETWEEN 0 AND 3),
    elapsed_days   INTEGER NOT NULL,         -- whole days since the previous review (0 if none)
    scheduled_days INTEGER NOT NULL,         -- interval this answer set, days (0: same-day step)
    interval_secs  INTEGER NOT NULL,         -- the exact interval this answer set
    duration_ms    INTEGER NOT NULL,
    stability      REAL NOT NULL,            -- after the answer
    difficulty     REAL NOT NULL,            -- after the answer
    usn            INTEGER NOT NULL DEFAULT -1
) STRICT;
CREATE INDEX review_log_card ON review_log(card_id, time_ms);
CREATE INDEX review_log_time ON review_log(time_ms);
-- Rows that are not answers (kind <> 0) are rare: counting answers = all rows − these.
CREATE INDEX review_log_manual ON review_log(kind) WHERE kind <> 0;
CREATE TRIGGER review_log_append_only BEFORE UPDATE ON review_log
BEGIN
    SELECT RAISE(ABORT, 'review_log is append-only');
END;

-- Key/value settings: desired retention, limits, global exam date, FSRS parameters.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
