//! Sample data for snapshot tests, key scripts and the demo engine: real Chinese study cards,
//! a long unbroken line, a card with escape codes in its text. Deterministic.
use tiankong::deck::DeckId;
use tiankong::sched::{Phase, Rating};
use tiankong::tui::data::*;

use super::fake::FakeEngine;

fn t(s: &str) -> Seg {
    Seg::Text(s.to_string())
}
fn blank(s: &str) -> Seg {
    Seg::Blank {
        answer: s.to_string(),
    }
}

/// Again <10 min, Hard 2 days, Good 4 days, Easy 9 days: the example bar.
pub fn previews() -> [Preview; 4] {
    [
        Preview {
            rating: Rating::Again,
            interval_secs: 600,
        },
        Preview {
            rating: Rating::Hard,
            interval_secs: 2 * 86_400,
        },
        Preview {
            rating: Rating::Good,
            interval_secs: 4 * 86_400,
        },
        Preview {
            rating: Rating::Easy,
            interval_secs: 9 * 86_400,
        },
    ]
}

const FEATURES: [&str; 5] = [
    "人口规模巨大的现代化",
    "全体人民共同富裕的现代化",
    "物质文明和精神文明相协调的现代化",
    "人与自然和谐共生的现代化",
    "走和平发展道路的现代化",
];

const MARKS: [&str; 6] = ["① ", "② ", "③ ", "④ ", "⑤ ", "⑥ "];

fn source() -> SourceView {
    SourceView {
        doc: Some("高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗".into()),
        date: Some("2022-10-16".into()),
        file: Some("corpus/ershida.txt".into()),
        line: Some(412),
        passage: "中国式现代化，是中国共产党领导的社会主义现代化，既有各国现代化的共同特征，更有基于自己国情的中国特色。中国式现代化是人口规模巨大的现代化。中国式现代化是全体人民共同富裕的现代化。\n共同富裕是中国特色社会主义的本质要求，也是一个长期的历史过程。".into(),
        highlight: vec!["全体人民共同富裕".into()],
    }
}

/// One list item blanked (the second feature), the others as context.
pub fn item_card() -> CardToShow {
    let lines = FEATURES
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if i == 1 {
                vec![t(MARKS[i]), blank("全体人民共同富裕"), t("的现代化")]
            } else {
                vec![t(MARKS[i]), t(f)]
            }
        })
        .collect();
    CardToShow {
        card: CardRef(1),
        deck_title: "党的二十大报告".into(),
        kind: CardKind::Item,
        phase: Phase::Review,
        prompt: Some("中国式现代化的五个特征".into()),
        lines,
        answers: vec!["全体人民共同富裕".into()],
        ordered: true,
        previews: previews(),
        source: Some(source()),
        typed_default: false,
        heading: vec![
            "高举中国特色社会主义伟大旗帜".into(),
            "三、新时代新征程中国共产党的使命任务".into(),
        ],
    }
}

/// The whole list at once, unordered.
pub fn whole_card() -> CardToShow {
    let items = [
        "加快培育完整内需体系",
        "加快科技自立自强",
        "推动产业链供应链优化升级",
        "推进农业农村现代化",
        "提高人民生活品质",
        "牢牢守住安全发展这条底线",
    ];
    CardToShow {
        card: CardRef(2),
        deck_title: "加快构建新发展格局".into(),
        kind: CardKind::Whole,
        phase: Phase::New,
        prompt: Some("构建新发展格局要把握好的六个重要着力点".into()),
        lines: items
            .iter()
            .enumerate()
            .map(|(i, it)| vec![t(MARKS[i]), blank(it)])
            .collect(),
        answers: items.iter().map(|s| s.to_string()).collect(),
        ordered: false,
        previews: previews(),
        source: None,
        typed_default: false,
        heading: vec![],
    }
}

/// A key sentence with one blank.
pub fn cloze_card() -> CardToShow {
    CardToShow {
        card: CardRef(3),
        deck_title: "党的二十大报告".into(),
        kind: CardKind::Cloze,
        phase: Phase::Learning,
        prompt: None,
        lines: vec![vec![
            t("全体人民共同富裕是中国式现代化的"),
            blank("本质特征"),
            t("。"),
        ]],
        answers: vec!["本质特征".into()],
        ordered: true,
        previews: previews(),
        source: Some(source()),
        typed_default: false,
        heading: vec![],
    }
}

/// A long unbroken line with an escape sequence and a bell in it (must be shown as text).
pub fn long_card() -> CardToShow {
    CardToShow {
        card: CardRef(4),
        deck_title: "长句\x1b[31m测试".into(),
        kind: CardKind::Cloze,
        phase: Phase::New,
        prompt: Some("——关于“两个确立”的决定性意义\x07".into()),
        lines: vec![vec![
            t("党确立习近平同志党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位，反映了全党全军全国各族人民共同心愿，对新时代党和国家事业发展、对推进中华民族伟大复兴历史进程具有"),
            blank("决定性意义"),
            t("。\x1b[2J"),
        ]],
        answers: vec!["决定性意义".into()],
        ordered: true,
        previews: previews(),
        source: None,
        typed_default: false,
        heading: vec![],
    }
}

pub fn decks() -> Vec<DeckRow> {
    vec![
        DeckRow {
            id: DeckId("ershida".into()),
            title: "党的二十大报告".into(),
            total: 120,
            new: 20,
            learning: 3,
            due: 41,
            exam_in_days: Some(30),
        },
        DeckRow {
            id: DeckId("xin-fazhan-geju".into()),
            title: "加快构建新发展格局".into(),
            total: 36,
            new: 12,
            learning: 0,
            due: 5,
            exam_in_days: None,
        },
        DeckRow {
            id: DeckId("jiuye".into()),
            title: "就业工作的八条经验：坚持把就业作为民生之本的长期实践总结".into(),
            total: 9,
            new: 9,
            learning: 0,
            due: 0,
            exam_in_days: Some(2),
        },
    ]
}

pub fn home() -> HomeData {
    HomeData {
        decks: decks(),
        // The new-card limit (20) is over all decks: 20, not 20 + 12 + 9.
        all: DayCounts {
            new: 20,
            learning: 3,
            due: 46,
        },
        reviewed_today: 37,
        minutes_today: 12,
        exam: Some(("2025-12-20".into(), 30)),
        warnings: vec!["decks/bad.toml:3:7: expected `=`".into()],
    }
}

/// A year of reviews with a weekly rhythm, a gap, and a streak of 9 days.
pub fn stats() -> StatsData {
    let heatmap: Vec<u32> = (0..365u32)
        .map(|i| {
            if (200..230).contains(&i) {
                0
            } else {
                (i * 7 + i / 3) % 23 + if i % 7 == 5 { 0 } else { 3 }
            }
        })
        .collect();
    StatsData {
        heatmap,
        today_weekday: 2,
        today: "2025-11-19".into(),
        forecast: (0..30u32)
            .map(|i| (41 + i * 13) % 37 + u32::from(i == 0) * 20)
            .collect(),
        retention_by_week: (0..26)
            .map(|w| {
                if w == 10 {
                    None
                } else {
                    Some(0.80 + f64::from(w % 5) * 0.03)
                }
            })
            .collect(),
        new: 41,
        learning: 3,
        review: 112,
        suspended: 4,
        streak: 9,
        reviews_total: 5210,
        reviews_today: 37,
    }
}

pub fn history() -> Vec<HistoryRow> {
    vec![
        HistoryRow {
            when: "2025-10-01 21:03".into(),
            rating: Rating::Good,
            interval_secs: 86_400,
            duration_ms: 6400,
        },
        HistoryRow {
            when: "2025-10-02 20:40".into(),
            rating: Rating::Again,
            interval_secs: 600,
            duration_ms: 12100,
        },
        HistoryRow {
            when: "2025-10-02 20:52".into(),
            rating: Rating::Hard,
            interval_secs: 2 * 86_400,
            duration_ms: 8000,
        },
    ]
}

/// A fake engine loaded with the cards above.
pub fn engine() -> FakeEngine {
    let mut e = FakeEngine::new(
        decks(),
        vec![item_card(), whole_card(), cloze_card(), long_card()],
    );
    e.stats = stats();
    e.detail_history = history();
    e
}
