#![allow(clippy::unwrap_used, clippy::expect_used)]
use super::*;

const NOW: i64 = 1_700_000_000_000;

fn date_of(ms: i64) -> String {
    // Days before NOW, enough to tell answers apart in the tests.
    format!("d-{}", (NOW - ms) / DAY_MS)
}

fn at(f: &dyn Fn(i64) -> String) -> At<'_> {
    At {
        now_ms: NOW,
        date: "today".into(),
        date_of: f,
    }
}

fn ans(card_id: i64, days_ago: i64, rating: Rating, phase_before: Phase) -> Answer {
    Answer {
        card_id,
        time_ms: NOW - days_ago * DAY_MS,
        rating,
        phase_before,
    }
}

fn decks() -> Vec<DeckInput> {
    vec![
        DeckInput {
            id: "zz".into(),
            title: "后".into(),
            version: None,
            notes: vec![NoteInput {
                id: "z1".into(),
                prompt: "z".into(),
                cards: vec![CardInput { id: 9 }],
            }],
        },
        DeckInput {
            id: "aa".into(),
            title: "前".into(),
            version: Some(3),
            notes: vec![
                NoteInput {
                    id: "n1".into(),
                    prompt: "三项".into(),
                    cards: vec![
                        CardInput { id: 1 },
                        CardInput { id: 2 },
                        CardInput { id: 3 },
                    ],
                },
                NoteInput {
                    id: "n2".into(),
                    prompt: "两项".into(),
                    cards: vec![CardInput { id: 4 }],
                },
            ],
        },
    ]
}

#[test]
fn retention_counts_review_phase_answers_rated_hard_or_better() {
    use Phase::*;
    use Rating::*;
    let answers = [
        // Card 1: learning (left out), then four review answers: Good, Again, Hard, Easy.
        ans(1, 60, Again, New),
        ans(1, 59, Good, Learning),
        ans(1, 50, Good, Review),
        ans(1, 40, Again, Review),
        ans(1, 40, Good, Relearning),
        ans(1, 10, Hard, Review),
        ans(1, 2, Easy, Review),
        // Card 2: only learning.
        ans(2, 5, Good, New),
        // Card 77 belongs to no deck: ignored.
        ans(77, 1, Again, Review),
    ];
    let f = date_of;
    let r = student(Some("甲"), &at(&f), &decks(), &answers);
    assert_eq!(r.format, STUDENT_FORMAT);
    assert_eq!(r.name.as_deref(), Some("甲"));
    // Decks sorted by id.
    assert_eq!(r.decks[0].id, "aa");
    assert_eq!(r.decks[1].id, "zz");
    let n1 = &r.decks[0].notes[0];
    assert_eq!(n1.cards, 3);
    assert_eq!(n1.reviewed, 2);
    assert_eq!(n1.reviews, 8);
    // Again while new and Again in review: both lapses.
    assert_eq!(n1.lapses, 2);
    // Good, Again, Hard, Easy in review: 3 of 4.
    assert_eq!((n1.review_passed, n1.review_answers), (3, 4));
    assert_eq!(n1.retention, Some(0.75));
    assert_eq!(n1.last_review.as_deref(), Some("d-2"));
    let n2 = &r.decks[0].notes[1];
    assert_eq!((n2.reviewed, n2.reviews, n2.retention), (0, 0, None));
    assert_eq!(n2.last_review, None);
    let d = &r.decks[0];
    assert_eq!((d.cards, d.reviewed, d.reviews, d.lapses), (4, 2, 8, 2));
    assert_eq!(d.retention, Some(0.75));
    // Last 30 days: Hard (10 days ago) and Easy (2 days ago).
    assert_eq!((d.review_passed_30d, d.review_answers_30d), (2, 2));
    assert_eq!(d.retention_30d, Some(1.0));
    assert_eq!(r.decks[1].retention, None);
}

#[test]
fn ratio_rounds_to_four_decimals() {
    assert_eq!(ratio(2, 3), Some(0.6667));
    assert_eq!(ratio(0, 0), None);
    assert_eq!(ratio(0, 5), Some(0.0));
}

#[test]
fn a_report_round_trips_through_json() {
    let f = date_of;
    let r = student(
        None,
        &at(&f),
        &decks(),
        &[ans(4, 1, Rating::Good, Phase::Review)],
    );
    let text = serde_json::to_string(&r).unwrap();
    assert!(text.starts_with("{\"format\":\"tiankong-report/1\",\"name\":null,"));
    assert_eq!(parse_student(&text).unwrap(), r);
}

#[test]
fn bad_reports_say_line_and_column() {
    let e = parse_student("{\n  \"format\": \"tiankong-report/1\",\n  \"name\": 3\n}").unwrap_err();
    let ReportError::Json {
        line,
        column,
        message,
    } = e;
    assert_eq!(line, 3);
    assert_eq!(column, 11);
    assert!(message.contains("invalid type"), "{message}");

    let e = parse_student("{\"format\": \"anki\", \"name\": null}").unwrap_err();
    let ReportError::Json { line, message, .. } = e;
    assert_eq!(line, 1);
    assert!(
        message.contains("expected \"tiankong-report/1\""),
        "{message}"
    );

    let e = parse_student("{\"format\": \"tiankong-report/1\", \"name\": null}").unwrap_err();
    assert!(e.to_string().contains("missing field `generated`"), "{e}");
}

fn note(id: &str, reviews: u32, lapses: u32, passed: u32, answers: u32) -> NoteReport {
    NoteReport {
        id: id.into(),
        prompt: format!("{id} prompt"),
        cards: 2,
        reviewed: u32::from(reviews > 0),
        reviews,
        lapses,
        review_answers: answers,
        review_passed: passed,
        retention: ratio(passed, answers),
        last_review: None,
    }
}

fn deck_report(id: &str, version: Option<u32>, notes: Vec<NoteReport>) -> DeckReport {
    let sum = |f: fn(&NoteReport) -> u32| notes.iter().map(f).sum::<u32>();
    DeckReport {
        id: id.into(),
        title: format!("{id} v{version:?}"),
        version,
        cards: sum(|n| n.cards),
        reviewed: sum(|n| n.reviewed),
        reviews: sum(|n| n.reviews),
        lapses: sum(|n| n.lapses),
        review_answers: sum(|n| n.review_answers),
        review_passed: sum(|n| n.review_passed),
        retention: ratio(sum(|n| n.review_passed), sum(|n| n.review_answers)),
        review_answers_30d: 0,
        review_passed_30d: 0,
        retention_30d: None,
        last_review: None,
        notes,
    }
}

fn report(name: Option<&str>, decks: Vec<DeckReport>) -> StudentReport {
    StudentReport {
        format: STUDENT_FORMAT.into(),
        name: name.map(Into::into),
        generated: "2025-01-01".into(),
        decks,
    }
}

#[test]
fn merge_pools_retention_orders_weakest_and_lists_who_has_not_started() {
    let a = report(
        Some("甲"),
        vec![deck_report(
            "d",
            Some(1),
            vec![
                note("x", 4, 1, 3, 4),
                note("y", 2, 0, 2, 2),
                note("z", 0, 0, 0, 0),
            ],
        )],
    );
    let b = report(
        None,
        vec![
            deck_report(
                "d",
                Some(2),
                vec![
                    note("x", 6, 2, 1, 4),
                    note("y", 1, 3, 0, 0),
                    note("w", 3, 2, 2, 4),
                    note("z", 0, 0, 0, 0),
                ],
            ),
            deck_report("e", None, vec![note("q", 0, 0, 0, 0)]),
        ],
    );
    let c = merge(&[a, b], None);
    assert_eq!(c.format, CLASS_FORMAT);
    let names: Vec<&str> = c.students.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["甲", "student 2"]);
    assert!(c.missing.is_empty() && c.duplicates.is_empty());
    // 甲: x, y answered (2 of 3 notes, one card each), 6 answers, 1 lapse, 5/6.
    let s = &c.students[0];
    assert_eq!((s.reviewed, s.reviews, s.lapses), (2, 6, 1));
    assert_eq!(s.retention, Some(0.8333));
    let d = &c.decks[0];
    assert_eq!(d.id, "d");
    assert_eq!(d.title, "d vSome(2)", "title of the highest version");
    assert_eq!(d.version, Some(2));
    assert_eq!(d.started, ["甲", "student 2"]);
    // Pooled: (3+2) + (1+0+2) passed of (4+2) + (4+0+4) answers = 8/14.
    assert_eq!((d.review_passed, d.review_answers), (8, 14));
    assert_eq!(d.retention, Some(0.5714));
    // Deck e: only student 2 has it and has not answered; 甲 lacks it.
    let e = &c.decks[1];
    assert_eq!(e.not_started, ["甲", "student 2"]);
    assert!(e.started.is_empty());
    // x: 4/8 = 0.5, w: 2/4 = 0.5 (fewer lapses: 2 < 3), y: 2/2 = 1.0, then q? no: z and q unreviewed.
    let order: Vec<(&str, Option<f64>, u32)> = c
        .weakest
        .iter()
        .map(|n| (n.note.as_str(), n.retention, n.lapses))
        .collect();
    assert_eq!(
        order,
        [
            ("x", Some(0.5), 3),
            ("w", Some(0.5), 2),
            ("y", Some(1.0), 3)
        ]
    );
    assert_eq!(c.weakest[0].students, 2);
    assert_eq!(c.weakest[1].students, 1);
    // y: 甲 never missed it, student 2 did (3 lapses).
    assert_eq!((c.weakest[2].students, c.weakest[2].missed_by), (2, 1));
    let unrev: Vec<(&str, &str)> = c
        .unreviewed
        .iter()
        .map(|n| (n.deck.as_str(), n.note.as_str()))
        .collect();
    assert_eq!(unrev, [("d", "z"), ("e", "q")]);
}

#[test]
fn notes_answered_only_in_learning_come_after_those_with_retention() {
    let a = report(
        Some("a"),
        vec![deck_report(
            "d",
            Some(1),
            vec![note("learning", 5, 0, 0, 0), note("good", 3, 0, 3, 3)],
        )],
    );
    let c = merge(&[a], None);
    let order: Vec<&str> = c.weakest.iter().map(|n| n.note.as_str()).collect();
    assert_eq!(order, ["good", "learning"]);
    assert_eq!(c.weakest[1].retention, None);
}

#[test]
fn a_student_twice_counts_once_with_the_newest_report_and_the_roster_names_the_missing() {
    let old = report(
        Some("甲"),
        vec![deck_report("d", Some(1), vec![note("x", 2, 1, 1, 2)])],
    );
    let mut new = report(
        Some(" 甲 "),
        vec![deck_report("d", Some(1), vec![note("x", 5, 1, 3, 4)])],
    );
    new.generated = "2025-01-08".into();
    let b = report(
        Some("乙"),
        vec![deck_report("d", Some(1), vec![note("x", 1, 0, 1, 1)])],
    );
    let stray = report(Some("丁"), vec![]);
    let roster = parse_roster("姓名\n甲\n乙, 2班\n# 转学\n\n丙\n甲\n");
    assert_eq!(roster, ["甲", "乙", "丙"]);
    let c = merge(&[new.clone(), b, old.clone(), stray], Some(&roster));
    let names: Vec<&str> = c.students.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["甲", "乙", "丁"]);
    assert_eq!(c.duplicates, ["甲"]);
    assert_eq!(c.missing, ["丙"]);
    assert_eq!(c.not_on_roster, ["丁"]);
    // The newer report counted, once: 5 answers, not 2 or 7.
    assert_eq!(c.students[0].reviews, 5);
    assert_eq!(c.decks[0].reviews, 5 + 1);
    assert_eq!(c.weakest[0].students, 2);
    // Whatever the order they come in.
    let c2 = merge(&[old, new], None);
    assert_eq!(c2.students[0].reviews, 5);
}

#[test]
fn cloze_prompts_show_answers_in_brackets() {
    let n = Note {
        id: crate::deck::NoteId("c".into()),
        body: NoteBody::Cloze {
            text: "全体人民{{c2::共同富裕::四字}}是中国式现代化的{{本质特征}}。".into(),
        },
        source: None,
        passage: None,
        tags: vec![],
        generated: None,
        heading: vec![],
        priority: None,
    };
    assert_eq!(
        note_prompt(&n),
        "全体人民[共同富裕]是中国式现代化的[本质特征]。"
    );
}
