#!/usr/bin/env python3
"""Import tiankong's Anki export of a deck folder into Anki's own backend (the `anki` PyPI
package, the code the Anki desktop app runs) and check that every Anki card blanks exactly
what the matching tiankong card blanks.

tiankong's cards come from `tiankong preview` (the cards as a student sees them, answers in
【】); Anki's from rendering each imported card's answer side (the revealed cloze is a
`<span class="cloze">`). Item card N of a list note pairs with Anki's cloze N, cloze group N
with cloze N. The whole-list card has no Anki twin and is counted apart.

Usage: anki_check.py --bin target/release/tiankong --decks decks
Exit 0 when every card matches, 1 otherwise (each mismatch printed).
"""

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile

from anki.collection import Collection, ImportCsvRequest

CARD_HEADER = re.compile(
    r"^── (\S+) · card \d+/\d+ \((?:item (\d+)|c(\d+)|(whole list))\) ──$", re.M
)
CLOZE_SPAN = re.compile(r'<span class="cloze"[^>]*>(.*?)</span>', re.S)


def tk(binary, decks, *args):
    run = subprocess.run(
        [binary, "--lang", "en", "--decks", decks, *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return run.stdout


def tiankong_cards(binary, decks):
    """{(deck, note, ordinal): [answers]} for item and cloze cards; and the whole-list count."""
    cards = {}
    whole = 0
    for deck in json.loads(tk(binary, decks, "decks", "--json")):
        text = tk(binary, decks, "preview", deck["id"])
        heads = list(CARD_HEADER.finditer(text))
        for k, m in enumerate(heads):
            end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
            body = text[m.end() : end]
            if m.group(4):
                whole += 1
                continue
            ordinal = int(m.group(2) or m.group(3))
            # The back follows the answer label; 原文 lines (the source) come after it.
            back = re.split(r"\n(?:答案：|Answer:)\n", body, maxsplit=1)[-1]
            back = back.split("\n原文：")[0]
            cards[(deck["id"], m.group(1), ordinal)] = re.findall(r"【(.*?)】", back, re.S)
    return cards, whole


def anki_cards(export):
    """{(deck, note, ordinal): [answers]} from Anki's rendering of the imported notes."""
    cards = {}
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "check.anki2"))
        try:
            metadata = col.get_csv_metadata(path=export, delimiter=None)
            log = col.import_csv(ImportCsvRequest(path=export, metadata=metadata)).log
            failed = len(log.conflicting) + len(log.empty_first_field) + len(log.missing_notetype)
            if failed:
                print(f"anki: {failed} rows not imported", file=sys.stderr)
            for nid in col.find_notes(""):
                note = col.get_note(nid)
                prefix, deck, note_id = note.guid.split("/", 2)
                if prefix != "tiankong":
                    continue
                for card in note.cards():
                    spans = CLOZE_SPAN.findall(card.answer())
                    answers = [html.unescape(re.sub(r"<[^>]+>", "", s)) for s in spans]
                    cards[(deck, note_id, card.ord + 1)] = answers
        finally:
            col.close()
    return cards


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default="target/release/tiankong")
    ap.add_argument("--decks", default="decks")
    args = ap.parse_args()
    want, whole = tiankong_cards(args.bin, args.decks)
    with tempfile.TemporaryDirectory() as tmp:
        export = os.path.join(tmp, "decks.txt")
        subprocess.run(
            [args.bin, "--decks", args.decks, "export", "--format", "anki", "-o", export],
            check=True,
            capture_output=True,
        )
        got = anki_cards(export)
    bad = 0
    for key in sorted(set(want) | set(got)):
        w, g = want.get(key), got.get(key)
        if w != g:
            bad += 1
            print(f"{'/'.join(map(str, key))}: tiankong {w!r}, Anki {g!r}")
    notes = {k[:2] for k in want}
    print(
        f"{len(notes)} notes, {len(want)} tiankong item/cloze cards, {len(got)} Anki cards, "
        f"{len(want) - bad} with the same blanks, {bad} different; "
        f"{whole} whole-list cards have no Anki twin"
    )
    return 1 if bad or not want else 0


if __name__ == "__main__":
    sys.exit(main())
