-- tiankong schema: answers given after looking at the source (peeked), and each note's
-- heading path for the study card's context line. (0002 is the mistakes table.)

-- 1 when the student opened the source passage before the reveal: the answer was not recall.
ALTER TABLE review_log ADD COLUMN peeked INTEGER NOT NULL DEFAULT 0 CHECK (peeked IN (0, 1));

-- JSON array: the note's section path in its document.
ALTER TABLE notes ADD COLUMN heading TEXT NOT NULL DEFAULT '[]';

-- Deck files are parsed again at the next sync (hash 0 matches no file), so headings, priorities
-- and the new-card order of decks synced before this migration are read.
UPDATE decks SET hash = 0;
