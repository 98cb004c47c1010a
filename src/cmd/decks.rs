//! `tiankong decks`: the loaded decks with their card counts, after syncing. `today` is what
//! a session of the deck would serve now (`app::Collection::today_by_deck`, the numbers the
//! home screen shows).
use std::fmt::Write as _;
use std::process::ExitCode;

use crate::cli::{Global, JsonArgs};
use crate::cmd::stats::{emit, open_collection};
use crate::store;
use crate::study::Counts;
use crate::tr;

/// One deck of `decks --json`.
#[derive(serde::Serialize)]
struct DeckJson<'a> {
    #[serde(flatten)]
    deck: &'a store::DeckSummary,
    today: TodayJson,
}

#[derive(serde::Serialize)]
struct TodayJson {
    new: usize,
    learning: usize,
    review: usize,
}

impl From<Counts> for TodayJson {
    fn from(c: Counts) -> Self {
        TodayJson {
            new: c.new,
            learning: c.learning,
            review: c.review,
        }
    }
}

pub fn run(global: &Global, args: &JsonArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    let mut o = String::new();
    let now = store::now_ms();
    let (coll, report, _backup) = open_collection(global, now)?;
    let (decks, all) = coll.today_by_deck()?;
    if args.json {
        let rows: Vec<DeckJson<'_>> = decks
            .iter()
            .map(|(d, c)| DeckJson {
                deck: d,
                today: (*c).into(),
            })
            .collect();
        writeln!(o, "{}", serde_json::to_string(&rows)?)?;
        emit(&o);
        return Ok(ExitCode::SUCCESS);
    }
    if decks.is_empty() {
        writeln!(o, "{}", tr!(lang, "没有找到卡组", "no decks found"))?;
        emit(&o);
        return Ok(ExitCode::SUCCESS);
    }
    for (d, c) in &decks {
        let version = d.version.map(|v| format!(" v{v}")).unwrap_or_default();
        let exam = d
            .exam
            .as_deref()
            .map(|e| tr!(lang, "，考试 {}", ", exam {}", e))
            .unwrap_or_default();
        writeln!(o, "{}{version}  {}", d.id, d.title)?;
        writeln!(
            o,
            "    {}",
            tr!(
                lang,
                "{} 张：新 {}，学习中 {}，今天到期 {}，暂停 {}{}",
                "{} cards: {} new, {} learning, {} due today, {} suspended{}",
                d.cards,
                d.new,
                d.learning,
                d.due,
                d.suspended,
                exam
            )
        )?;
        writeln!(
            o,
            "    {}",
            tr!(
                lang,
                "今天：新 {} 张，学习中 {} 张，复习 {} 张",
                "today: {} new, {} learning, {} review",
                c.new,
                c.learning,
                c.review
            )
        )?;
    }
    writeln!(
        o,
        "{}",
        tr!(
            lang,
            "全部卡组今天：新 {} 张，学习中 {} 张，复习 {} 张（每日上限合计）",
            "all decks today: {} new, {} learning, {} review (daily limits over all decks)",
            all.new,
            all.learning,
            all.review
        )
    )?;
    for c in report
        .changed
        .iter()
        .filter(|c| !c.first_sync && !c.is_empty())
    {
        let id = c.deck.as_ref().map(|d| d.0.as_str()).unwrap_or("?");
        writeln!(
            o,
            "{}",
            tr!(
                lang,
                "{} 已更新：新增 {}，改写 {}，移除 {}，恢复 {} 张",
                "{} changed: {} new, {} reworded, {} removed, {} restored card(s)",
                id,
                c.new.len(),
                c.reworded.len(),
                c.removed.len(),
                c.restored.len()
            )
        )?;
    }
    for m in &report.missing {
        writeln!(
            o,
            "{}",
            tr!(
                lang,
                "{}：找不到卡组文件；卡片保留，文件回来时恢复",
                "{}: deck file not found; its cards are kept and return with it",
                m
            )
        )?;
    }
    emit(&o);
    Ok(ExitCode::SUCCESS)
}
