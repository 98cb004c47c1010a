//! `tiankong exam --json` on the largest shipped deck (by file size, so a bigger deck shipped
//! later is picked up): a 30-question paper checked against the deck files themselves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use tiankong::deck::{fs as deckfs, Deck, NoteBody};
use tiankong::exam::normalized;

const BIN: &str = env!("CARGO_BIN_EXE_tiankong");

fn decks_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("decks")
}

fn all_decks() -> Vec<(PathBuf, Deck)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(decks_dir()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            let (loaded, _) = deckfs::load_file(&p);
            if let Some(l) = loaded {
                out.push((p, l.deck));
            }
        }
    }
    out
}

fn largest() -> Deck {
    all_decks()
        .into_iter()
        .max_by_key(|(p, _)| std::fs::metadata(p).unwrap().len())
        .unwrap()
        .1
}

fn exam_json(deck: &str, n: usize, seed: u64) -> Vec<u8> {
    let out = Command::new(BIN)
        .args(["--decks"])
        .arg(decks_dir())
        .args(["exam", "--deck", deck, "-n", &n.to_string(), "--seed"])
        .arg(seed.to_string())
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The text between the first 「 and the following 」 of a stem.
fn quoted(stem: &str) -> &str {
    let a = stem.find('「').unwrap() + '「'.len_utf8();
    let b = a + stem[a..].find('」').unwrap();
    &stem[a..b]
}

#[test]
fn a_thirty_question_paper_on_the_largest_deck_keeps_its_promises() {
    let deck = largest();
    let id = deck.meta.id.0.clone();
    let bytes = exam_json(&id, 30, 11);
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(v["deck"], id.as_str());
    assert_eq!(v["seed"], 11);
    let qs = v["questions"].as_array().unwrap();
    assert_eq!(qs.len(), 30);

    // Items of every list of every shipped deck, normalised, by (deck, note).
    let mut lists: HashMap<(String, String), Vec<String>> = HashMap::new();
    let mut texts: HashMap<(String, String), String> = HashMap::new();
    for (_, d) in all_decks() {
        for n in &d.notes {
            let key = (d.meta.id.0.clone(), n.id.0.clone());
            match &n.body {
                NoteBody::List(l) => {
                    lists.insert(key, l.items.iter().map(|s| normalized(s)).collect());
                }
                NoteBody::Cloze { text } => {
                    texts.insert(key, text.clone());
                }
            }
        }
    }
    let other_item = |own: &(String, String), t: &str| {
        lists
            .iter()
            .any(|(k, items)| k != own && items.iter().any(|i| i == t))
    };

    let types: HashSet<&str> = qs.iter().map(|q| q["type"].as_str().unwrap()).collect();
    assert!(types.len() >= 4, "types: {types:?}");

    let (mut choice, mut from_other) = (0, 0);
    for q in qs {
        let kind = q["type"].as_str().unwrap();
        let key = (
            q["deck"].as_str().unwrap().to_string(),
            q["note"].as_str().unwrap().to_string(),
        );
        let stem = q["stem"].as_str().unwrap();
        let strs = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect()
        };
        match kind {
            "single" | "multi" => {
                let items = &lists[&key];
                let opts = strs(&q["options"]);
                let right: HashSet<usize> = q["answer"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap() as usize)
                    .collect();
                assert!(!right.is_empty());
                let norm: HashSet<String> = opts.iter().map(|o| normalized(o)).collect();
                assert_eq!(norm.len(), opts.len(), "options repeat: {opts:?}");
                choice += 1;
                let mut other = false;
                for (i, o) in opts.iter().enumerate() {
                    let n = normalized(o);
                    if right.contains(&i) {
                        assert!(
                            items.contains(&n),
                            "{stem}: right option {o} is not an item"
                        );
                    } else {
                        assert!(!items.contains(&n), "{stem}: distractor {o} is an item");
                        other |= other_item(&key, &n);
                    }
                }
                from_other += usize::from(other);
            }
            "order" => {
                let items = &lists[&key];
                let opts = strs(&q["options"]);
                let order: Vec<usize> = q["answer"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap() as usize)
                    .collect();
                let put: Vec<String> = order.iter().map(|&i| normalized(&opts[i])).collect();
                assert_eq!(&put, items, "{stem}");
                assert_ne!(
                    opts.iter().map(|o| normalized(o)).collect::<Vec<_>>(),
                    *items,
                    "an order question shown in order asks nothing"
                );
            }
            "judge" => {
                let shown = normalized(quoted(stem));
                let truth = q["answer"][0].as_bool().unwrap();
                assert_eq!(lists[&key].contains(&shown), truth, "{stem}");
                if !truth {
                    assert!(
                        other_item(&key, &shown),
                        "{stem}: not from a neighbour list"
                    );
                }
            }
            "list" => {
                let answer = strs(&q["answer"]);
                let items = &lists[&key];
                assert_eq!(
                    &answer.iter().map(|a| normalized(a)).collect::<Vec<_>>(),
                    items
                );
                for a in &answer {
                    assert!(
                        !normalized(stem).contains(&normalized(a)),
                        "{stem} shows {a}"
                    );
                }
            }
            "blank" => {
                let answer = strs(&q["answer"]);
                assert!(texts[&key].contains(answer[0].as_str()));
                for a in &answer {
                    assert!(
                        !normalized(stem).contains(&normalized(a)),
                        "{stem} shows {a}"
                    );
                }
                assert!(stem.contains('□'));
            }
            other => panic!("unknown type {other}"),
        }
    }
    assert!(choice > 0);
    assert!(
        2 * from_other > choice,
        "{from_other} of {choice} choice questions draw a distractor from another list"
    );

    // The same seed gives the same bytes; another seed another paper.
    assert_eq!(bytes, exam_json(&id, 30, 11));
    assert_ne!(bytes, exam_json(&id, 30, 12));
}

#[test]
fn an_unknown_deck_is_an_error_not_an_empty_paper() {
    let out = Command::new(BIN)
        .args(["--decks"])
        .arg(decks_dir())
        .args(["exam", "--deck", "no-such-deck", "--json", "--lang", "en"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-deck"));
}

mod book {
    use std::path::PathBuf;

    use tiankong::cloze::Slot;
    use tiankong::deck::{Deck, DeckId, DeckMeta, ListNote, Note, NoteBody, NoteId};
    use tiankong::sched::{CardState, DayCtx, Phase, Rating, SchedConfig, Scheduler};
    use tiankong::store::{FileMeta, LogRow, NewMistake, Store, SyncDeck};

    const NOW: i64 = 1_704_110_400_000;
    const DAY: i64 = 86_400_000;

    fn deck() -> Deck {
        Deck {
            meta: DeckMeta {
                id: DeckId("d".into()),
                title: "d".into(),
                version: None,
                source: None,
                date: None,
                exam: None,
                full_title: None,
                new_order: None,
                removed: vec![],
            },
            notes: vec![Note {
                id: NoteId("n".into()),
                body: NoteBody::List(ListNote {
                    prompt: "三个要点".into(),
                    items: vec!["甲甲".into(), "乙乙".into(), "丙丙".into()],
                    ordered: true,
                    context: vec![],
                    item_lines: vec![],
                }),
                source: None,
                passage: None,
                tags: vec![],
                heading: vec![],
                priority: None,
                generated: None,
            }],
        }
    }

    fn mistake(slot: Slot) -> NewMistake {
        NewMistake {
            deck: DeckId("d".into()),
            note: NoteId("n".into()),
            slot,
            kind: "single".into(),
            stem: "下列哪一项属于「三个要点」？".into(),
            answer: "B 乙乙".into(),
            given: "A 丁丁".into(),
        }
    }

    /// Practice writes only the book; sending back answers Again through the review log,
    /// once per card.
    #[test]
    fn the_book_keeps_mistakes_and_sends_cards_back_only_when_asked() {
        let mut store = Store::open_in_memory().unwrap();
        let d = deck();
        let meta = FileMeta {
            path: PathBuf::from("d.toml"),
            size: 1,
            mtime_ns: 1,
            hash: 1,
        };
        store
            .sync(
                &[SyncDeck {
                    file: &meta,
                    deck: &d,
                }],
                NOW,
            )
            .unwrap();
        let item = |store: &Store, i| {
            store
                .note_cards(&DeckId("d".into()), &NoteId("n".into()))
                .unwrap()
                .into_iter()
                .find(|c| c.slot == Slot::Item(i))
                .unwrap()
        };
        // Put item 1 in review, as if studied 10 days ago.
        let card = item(&store, 1);
        let reviewed = CardState {
            phase: Phase::Review,
            due: NOW,
            stability: 10.0,
            difficulty: 5.0,
            reps: 3,
            lapses: 0,
            step: 0,
            last_review: Some(NOW - 10 * DAY),
            scheduled_days: 10,
        };
        let log = LogRow {
            time_ms: NOW - 10 * DAY,
            rating: Rating::Good,
            phase_before: Phase::Learning,
            phase_after: Phase::Review,
            elapsed_days: 0,
            scheduled_days: 10,
            interval_secs: 10 * 86_400,
            duration_ms: 1000,
            stability: 10.0,
            difficulty: 5.0,
        };
        store
            .record_answer(card.id, &card.state, &reviewed, &log)
            .unwrap();
        let reviews_before = store.all_reviews().unwrap().len();

        store
            .add_mistakes(&[mistake(Slot::Item(1)), mistake(Slot::Item(1))], NOW)
            .unwrap();
        let book = store.mistakes(Some(&DeckId("d".into()))).unwrap();
        assert_eq!(book.len(), 2);
        assert_eq!(book[0].entry.given, "A 丁丁");
        assert_eq!(book[0].date.len(), 10);
        assert!(book.iter().all(|m| m.sent_back_ms.is_none()));
        assert!(store
            .mistakes(Some(&DeckId("other".into())))
            .unwrap()
            .is_empty());
        // Recording mistakes changed no card and no review.
        assert_eq!(item(&store, 1).state, reviewed);
        assert_eq!(store.all_reviews().unwrap().len(), reviews_before);

        let sched = Scheduler::new(SchedConfig::default()).unwrap();
        let ids: Vec<i64> = book.iter().map(|m| m.id).collect();
        let sent = store
            .send_back_as_lapses(&ids, &sched, NOW + 1000, &|_| DayCtx::default())
            .unwrap();
        assert_eq!((sent.cards, sent.missing), (1, 0));
        let after = item(&store, 1).state;
        assert_eq!(after.phase, Phase::Relearning);
        assert_eq!(after.lapses, 1);
        let log = store.all_reviews().unwrap();
        assert_eq!(log.len(), reviews_before + 1);
        assert_eq!(log.last().unwrap().log.rating, Rating::Again);
        assert!(store
            .mistakes(None)
            .unwrap()
            .iter()
            .all(|m| m.sent_back_ms == Some(NOW + 1000)));
        // The other items were not touched.
        assert_eq!(item(&store, 0).state.phase, Phase::New);
    }
}
