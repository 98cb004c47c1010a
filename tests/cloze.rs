//! Key sentences (jieba + domain dictionary) and card rendering: golden tests on real sentences
//! of the sample corpus (hard-wrapped lines joined here, with their real line numbers), negative
//! cases, and the `preview` command on a small deck.
use std::sync::OnceLock;

use tiankong::cloze::{self, frame, mask, render, Slot, Span};
use tiankong::corpus::{Document, Paragraph};
use tiankong::deck::{ListNote, Note, NoteBody, NoteId};
use tiankong::extract::key_sentences;
use tiankong::segment::{is_stop_word, Idf, Segmenter};

fn seg() -> &'static Segmenter {
    static SEG: OnceLock<Segmenter> = OnceLock::new();
    SEG.get_or_init(|| match Segmenter::new() {
        Ok(s) => s,
        Err(e) => panic!("segmenter: {e}"),
    })
}

/// A paragraph from its source lines `(text, line)`, joined as the corpus reader joins them.
fn para(lines: &[(&str, u32)]) -> Paragraph {
    let mut text = String::new();
    let mut line_map = Vec::new();
    for (t, l) in lines {
        line_map.push((text.len(), *l));
        text.push_str(t);
    }
    Paragraph { text, line_map }
}

fn doc(paragraphs: Vec<Paragraph>) -> Document {
    Document {
        file: "corpus/study-texts-2020-2024.txt".into(),
        title: "fixture".into(),
        source: None,
        date: None,
        issue: None,
        line: 1,
        paragraphs,
    }
}

/// Real paragraphs (or the part of them around a sentence) that hold key sentences.
const POSITIVE: &[&[(&str, u32)]] = &[
    &[
        (
            "第十一次集体学习。中共中央总书记习近平在主持学习时强调，",
            724,
        ),
        (
            "必须牢记高质量发展是新时代的硬道理，全面贯彻新发展理念，",
            726,
        ),
        (
            "把加快建设现代化经济体系、推进高水平科技自立自强、加快构",
            728,
        ),
        (
            "建新发展格局、统筹推进深层次改革和高水平开放、统筹高质量",
            730,
        ),
        (
            "发展和高水平安全等战略任务落实到位，完善推动高质量发展的",
            732,
        ),
        (
            "考核评价体系，为推动高质量发展打牢基础。发展新质生产力是",
            734,
        ),
        (
            "推动高质量发展的内在要求和重要着力点，必须继续做好创新这",
            736,
        ),
        ("篇大文章，推动新质生产力加快发展。", 738),
    ],
    &[
        (
            "习近平强调，全体人民共同富裕是中国式现代化的本质特征，",
            1246,
        ),
        (
            "区域协调发展是实现共同富裕的必然要求。广东要下功夫解决区",
            1248,
        ),
    ],
    &[
        ("习近平指出，加快构建新发展格局，是推动高质量发展的战", 1294),
        (
            "略基点。要把实施扩大内需战略同深化供给侧结构性改革有机结",
            1296,
        ),
    ],
    &[("人民是我们党执政的最大底气，是党和国家最深厚的根基。", 2020)],
    &[
        (
            "内大循环动力和可靠性。构建新发展格局的关键在于实现经济循",
            926,
        ),
        (
            "环的畅通无阻。能否实现，主要取决于供给和需求两端是否动力",
            928,
        ),
    ],
    &[
        ("要进一步深化改革开放。改革开放是当代中国大踏步赶上时", 616),
        (
            "代的重要法宝，是决定中国式现代化成败的关键一招。推进中国",
            618,
        ),
        (
            "式现代化，必须进一步全面深化改革开放，不断解放和发展社会",
            620,
        ),
    ],
    &[
        ("习近平指出，科技创新能够催生新产业、新模式、新动能，", 783),
        (
            "是发展新质生产力的核心要素。必须加强科技创新特别是原创性、",
            785,
        ),
    ],
    &[
        ("习近平强调，实现高水平科技自立自强，是中国式现代化建", 1220),
        (
            "设的关键。要深入实施创新驱动发展战略，加强区域创新体系建",
            1222,
        ),
    ],
];

/// Real paragraphs with nothing an exam would blank, or nothing a card could stand on.
const NEGATIVE: &[&[(&str, u32)]] = &[
    // `这是…`: the card would not say what "this" is.
    &[
        ("五是要提高人民生活品质。这是畅通国内大循环的出发点和", 1952),
        (
            "落脚点，也是国内国际双循环相互促进的关键联结点。适应人民",
            1953,
        ),
    ],
    // …and a `是…` chain continuing such a subject.
    &[
        (
            "础上，提出要推进国家治理体系和治理能力现代化。这是完善和",
            219,
        ),
        (
            "发展中国特色社会主义制度的必然要求，是实现社会主义现代化",
            221,
        ),
        (
            "的应有之义。我们之所以决定这次三中全会研究全面深化改革问",
            223,
        ),
    ],
    // 第一要务 without a `是…的` judgement; `重点是发展` opens an explanation.
    &[
        (
            "制改革牵引作用。这就是说，要把握住我国现阶段社会基本矛盾",
            330,
        ),
        (
            "的主要方面，重点是发展。只有紧紧围绕发展这个第一要务来部",
            332,
        ),
        (
            "署各方面改革，以解放和发展社会生产力为改革提供强大牵引，",
            334,
        ),
        (
            "才能更好推动生产关系与生产力、上层建筑与经济基础相适应。",
            336,
        ),
    ],
    // 关键时期 is a period, not a judgement.
    &[("总之，“十四五”时期是我国实现新的更大发展的关键时期。", 1543)],
    // 民生 / 基础性工程 are not in the judgement list (precision over recall).
    &[
        ("习近平在听取讲解和讨论后发表了重要讲话。他指出，就业", 29),
        (
            "是最基本的民生，事关人民群众切身利益，事关经济社会健康发",
            31,
        ),
    ],
    &[
        (
            "基层治理和民生保障事关人民群众切身利益，是促进共同富裕、",
            1335,
        ),
        (
            "打造高品质生活的基础性工程，各级党委和政府必须牢牢记在心",
            1337,
        ),
    ],
];

fn idf() -> Idf {
    let paras: Vec<Paragraph> = POSITIVE.iter().chain(NEGATIVE).map(|p| para(p)).collect();
    Idf::from_paragraphs(seg(), paras.iter().map(|p| p.text.as_str()))
}

#[test]
fn key_sentences_golden() {
    let idf = idf();
    let d = doc(POSITIVE.iter().map(|p| para(p)).collect());
    let found: Vec<String> = key_sentences::find(&d, seg(), &idf)
        .into_iter()
        .map(|k| format!("{} {}", k.line, k.text))
        .collect();
    insta::assert_yaml_snapshot!(found);
}

#[test]
fn key_sentences_negative() {
    let idf = idf();
    for p in NEGATIVE {
        let d = doc(vec![para(p)]);
        let found = key_sentences::find(&d, seg(), &idf);
        assert!(found.is_empty(), "unexpected notes: {found:#?}");
    }
}

#[test]
fn key_sentence_blanks_fall_on_word_boundaries_and_are_not_stop_words() {
    let idf = idf();
    let d = doc(POSITIVE.iter().map(|p| para(p)).collect());
    let found = key_sentences::find(&d, seg(), &idf);
    assert!(found.len() >= 8);
    for k in found {
        let pieces = cloze::parse(&k.text);
        let plain: String = pieces
            .iter()
            .map(|p| match p {
                cloze::Piece::Text(t) => *t,
                cloze::Piece::Blank { answer, .. } => *answer,
            })
            .collect();
        let bounds: Vec<usize> = seg().words(&plain).iter().map(|w| w.end).collect();
        let mut at = 0;
        let mut blanks = 0;
        for p in &pieces {
            match p {
                cloze::Piece::Text(t) => at += t.len(),
                cloze::Piece::Blank { answer, .. } => {
                    blanks += 1;
                    assert!(
                        at == 0 || bounds.contains(&at),
                        "{}: blank starts mid-word",
                        k.text
                    );
                    at += answer.len();
                    assert!(bounds.contains(&at), "{}: blank ends mid-word", k.text);
                    assert!(!is_stop_word(answer), "{}: stop word blanked", k.text);
                }
            }
        }
        assert!((1..=2).contains(&blanks), "{}", k.text);
        assert!(
            k.paragraph
                .contains(&plain.trim_end_matches('。').to_string())
                || k.paragraph.contains(&plain)
        );
    }
}

#[test]
fn key_sentences_are_deterministic() {
    let idf = idf();
    let d = doc(POSITIVE.iter().map(|p| para(p)).collect());
    assert_eq!(
        key_sentences::find(&d, seg(), &idf),
        key_sentences::find(&d, seg(), &idf)
    );
}

#[test]
fn masks_hide_letters_and_show_punctuation() {
    assert_eq!(mask("本质特征"), "□□□□");
    assert_eq!(mask("新业态、新模式"), "□□□、□□□");
    assert_eq!(mask("“一带一路”"), "“□□□□”");
    assert_eq!(mask("5G 网络"), "□□ □□");
    assert_eq!(mask(""), "");
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn frames_keep_shared_text_only_when_enough_is_left() {
    let f = frame(&strings(&[
        "人口规模巨大的现代化",
        "全体人民共同富裕的现代化",
        "走和平发展道路的现代化",
    ]));
    assert_eq!((f.prefix.as_str(), f.suffix.as_str()), ("", "的现代化"));
    let f = frame(&strings(&["坚持创业带动就业", "坚持实施就业优先战略"]));
    assert_eq!((f.prefix.as_str(), f.suffix.as_str()), ("坚持", ""));
    // A one-character common part (推动/推进) is not a frame.
    let f = frame(&strings(&[
        "推动产业链供应链优化升级",
        "推进农业农村现代化",
    ]));
    assert_eq!((f.prefix.as_str(), f.suffix.as_str()), ("", ""));
    // 坚持创新 / 坚持创业: the prefix 坚持创 would leave one character: shortened to 坚持.
    let f = frame(&strings(&["坚持创新", "坚持创业"]));
    assert_eq!((f.prefix.as_str(), f.suffix.as_str()), ("坚持", ""));
    // Nothing can be kept: 坚持 would leave one character of 坚持新.
    let f = frame(&strings(&["坚持新", "坚持创业"]));
    assert_eq!((f.prefix.as_str(), f.suffix.as_str()), ("", ""));
    let f = frame(&strings(&["坚持创新发展", "坚持创业带动"]));
    assert_eq!((f.prefix.as_str(), f.suffix.as_str()), ("坚持创", ""));
    // Both sides when both leave enough.
    let f = frame(&strings(&["加快培育内需体系建设", "加快科技自立自强建设"]));
    assert_eq!((f.prefix.as_str(), f.suffix.as_str()), ("加快", "建设"));
    // One item: no frame.
    assert_eq!(frame(&strings(&["坚持创新"])).prefix, "");
}

fn list_note(items: &[&str]) -> Note {
    Note {
        id: NoteId("n".into()),
        body: NoteBody::List(ListNote {
            prompt: "p".into(),
            items: strings(items),
            ordered: true,
            context: Vec::new(),
            item_lines: Vec::new(),
        }),
        source: None,
        passage: None,
        tags: Vec::new(),
        generated: None,
        heading: vec![],
        priority: None,
    }
}

fn plain(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => t.clone(),
            Span::Blank { masked, .. } => masked.clone(),
        })
        .collect()
}

#[test]
fn long_lists_show_a_window_of_neighbours() {
    let items = [
        "甲一甲",
        "乙二乙",
        "丙三丙",
        "丁四丁",
        "戊五戊",
        "己六己",
        "庚七庚",
        "辛八辛",
        "壬九壬",
    ];
    let note = list_note(&items);
    let Some(view) = render(&note, &Slot::Item(0)) else {
        panic!("no card")
    };
    assert_eq!(
        plain(&view.front),
        "1. □□□\n2. 乙二乙\n3. 丙三丙\n4. 丁四丁\n…"
    );
    let Some(view) = render(&note, &Slot::Item(5)) else {
        panic!("no card")
    };
    assert_eq!(
        plain(&view.front),
        "…\n3. 丙三丙\n4. 丁四丁\n5. 戊五戊\n6. □□□\n7. 庚七庚\n8. 辛八辛\n9. 壬九壬"
    );
    assert_eq!(view.answers, ["己六己"]);
    // A list of 7 shows everything.
    let Some(view) = render(&list_note(&items[..7]), &Slot::Item(6)) else {
        panic!("no card")
    };
    assert_eq!(plain(&view.front).lines().count(), 7);
    // The whole-list card asks for every item.
    let Some(view) = render(&note, &Slot::Whole) else {
        panic!("no card")
    };
    assert_eq!(view.answers.len(), 9);
    assert!(view.prompt.contains("9"));
}

#[test]
fn render_refuses_slots_the_note_does_not_have() {
    let note = list_note(&["甲一", "乙二"]);
    assert!(render(&note, &Slot::Item(2)).is_none());
    assert!(render(&note, &Slot::Group(1)).is_none());
    let cloze = Note {
        body: NoteBody::Cloze {
            text: "{{c2::甲}}是乙".into(),
        },
        ..note
    };
    assert!(render(&cloze, &Slot::Group(1)).is_none());
    assert!(render(&cloze, &Slot::Group(2)).is_some());
    assert!(render(&cloze, &Slot::Whole).is_none());
}

#[test]
fn cloze_cards_mask_their_group_and_show_the_others() {
    let note = Note {
        id: NoteId("n".into()),
        body: NoteBody::Cloze {
            text: "{{c2::改革开放}}是决定中国式现代化成败的{{c1::关键一招::四字}}。".into(),
        },
        source: None,
        passage: None,
        tags: Vec::new(),
        generated: None,
        heading: vec![],
        priority: None,
    };
    let Some(c1) = render(&note, &Slot::Group(1)) else {
        panic!("no c1")
    };
    assert_eq!(
        plain(&c1.front),
        "改革开放是决定中国式现代化成败的□□□□（四字）。"
    );
    assert_eq!(c1.answers, ["关键一招"]);
    let Some(c2) = render(&note, &Slot::Group(2)) else {
        panic!("no c2")
    };
    assert_eq!(plain(&c2.front), "□□□□是决定中国式现代化成败的关键一招。");
    assert_eq!(c2.answers, ["改革开放"]);
}

const DECK: &str = r#"
[deck]
id = "fixture"
title = "预览样例"

[[note]]
id = "wuge-tezheng"
kind = "list"
prompt = "中国式现代化的五个特征"
items = ["人口规模巨大的现代化", "全体人民共同富裕的现代化", "物质文明和精神文明相协调的现代化",
         "人与自然和谐共生的现代化", "走和平发展道路的现代化"]
context = ["我国现代化是人口规模巨大的现代化。", "", "", "", ""]

[[note]]
id = "jiuye-jingyan"
kind = "list"
prompt = "新时代就业工作的八条经验"
ordered = false
items = ["坚持把就业作为民生之本", "坚持实施就业优先战略", "坚持依靠发展促进就业",
         "坚持扩大就业容量和提升就业质量相结合", "坚持突出抓好重点群体就业", "坚持创业带动就业",
         "坚持营造公平就业环境", "坚持构建和谐劳动关系"]

[[note]]
id = "gaige-kaifang"
kind = "cloze"
text = "{{c2::改革开放}}是当代中国大踏步赶上时代的{{c1::重要法宝}}，是决定中国式现代化成败的{{c1::关键一招::四字}}。"
"#;

fn preview(args: &[&str]) -> std::process::Output {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    };
    let path = dir.path().join("fixture.toml");
    if let Err(e) = std::fs::write(&path, DECK) {
        panic!("write deck: {e}");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tiankong"))
        .arg("preview")
        .arg(&path)
        .args(args)
        .env("TIANKONG_DB", dir.path().join("db"))
        .output();
    match out {
        Ok(o) => o,
        Err(e) => panic!("run tiankong: {e}"),
    }
}

#[test]
fn preview_golden() {
    let out = preview(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn preview_one_note_and_unknown_note() {
    let out = preview(&["--note", "gaige-kaifang"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("── ").count(), 2);
    assert!(!text.contains("wuge-tezheng"));
    let out = preview(&["--note", "nope"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope"));
}
