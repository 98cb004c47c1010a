//! Plain-text tables of a student's report and of the class view. Column widths are terminal
//! cells (`unicode-width`): prompts and titles are Chinese.
use std::fmt::Write as _;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{ClassView, StudentReport};
use crate::i18n::{t, Lang};
use crate::interop::delimited::quote_field;
use crate::tr;

/// Widest prompt shown in a table, in cells; longer ones end with `…`.
const PROMPT_CELLS: usize = 40;

/// `s` cut to at most `cells` terminal cells (with `…` when cut).
fn cut(s: &str, cells: usize) -> String {
    if s.width() <= cells {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > cells {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// `s` cut to `cells` and padded with spaces to exactly `cells`.
fn left(s: &str, cells: usize) -> String {
    let s = cut(s, cells);
    let pad = cells.saturating_sub(s.width());
    format!("{s}{}", " ".repeat(pad))
}

fn pct(r: Option<f64>) -> String {
    match r {
        Some(r) => format!("{:.0}%", r * 100.0),
        None => "—".to_string(),
    }
}

/// Pad a cell that may hold `—` (one cell wide, more than one byte) to the right.
fn right(s: &str, cells: usize) -> String {
    let pad = cells.saturating_sub(s.width());
    format!("{}{s}", " ".repeat(pad))
}

/// The widest of `header` and the `cells` values, for an id column.
fn col_width<'a>(header: &str, cells: impl Iterator<Item = &'a str>) -> usize {
    cells
        .map(UnicodeWidthStr::width)
        .fold(header.width(), usize::max)
}

/// Names as a list: `甲、乙` in Chinese, `a, b` in English.
fn names(lang: Lang, v: &[String]) -> String {
    v.join(t(lang, "、", ", "))
}

/// A student's report as a readable table, one block per deck.
pub fn student_table(r: &StudentReport, lang: Lang) -> String {
    let mut o = String::new();
    let who = r
        .name
        .as_deref()
        .map(|n| format!(" · {n}"))
        .unwrap_or_default();
    let _ = writeln!(
        o,
        "{}",
        tr!(
            lang,
            "tiankong 学习报告{who} · {}",
            "tiankong report{who} · {}",
            r.generated
        )
    );
    let _ = writeln!(
        o,
        "{}",
        t(
            lang,
            "保持率：复习阶段卡片的回答中评为“困难”及以上的比例（不含学习步骤）；30天：最近 30 天的同一比例；遗忘：评为“重来”的回答",
            "retention: answers rated Hard or better among answers to cards in review \
             (learning steps left out); 30 days: the same over the last 30 days; lapses: answers rated Again"
        )
    );
    if r.decks.is_empty() {
        let _ = writeln!(o, "\n{}", t(lang, "没有找到卡组", "no decks found"));
    }
    for d in &r.decks {
        let version = d.version.map(|v| format!(" v{v}")).unwrap_or_default();
        let _ = writeln!(o, "\n{}{version}  {}", d.id, d.title);
        let (cards, reviewed, reviews, lapses) = (d.cards, d.reviewed, d.reviews, d.lapses);
        let (ret, answers) = (pct(d.retention), d.review_answers);
        let (ret30, answers30) = (pct(d.retention_30d), d.review_answers_30d);
        let last = d.last_review.as_deref().unwrap_or(t(lang, "从未", "never"));
        let _ = writeln!(
            o,
            "{}",
            tr!(
                lang,
                "  {cards} 张卡片，已学 {reviewed} 张，回答 {reviews} 次，遗忘 {lapses} 次；保持率 {ret}（{answers} 次复习），30天 {ret30}（{answers30} 次）；最近复习 {last}",
                "  {cards} cards, {reviewed} reviewed, {reviews} answers, {lapses} lapses; retention {ret} of {answers}, 30 days {ret30} of {answers30}; last review {last}"
            )
        );
        let note = t(lang, "笔记", "note");
        let idw = col_width(note, d.notes.iter().map(|n| n.id.as_str()));
        let _ = writeln!(
            o,
            "  {}  {}",
            left(note, idw),
            t(
                lang,
                "卡片  已学  回答  遗忘  保持率  最近复习    提示",
                "cards  reviewed  answers  lapses  retention  last review  prompt"
            )
        );
        let w = match lang {
            Lang::Zh => [4, 4, 4, 4, 6, 10],
            Lang::En => [5, 8, 7, 6, 9, 11],
        };
        for n in &d.notes {
            let _ = writeln!(
                o,
                "  {}  {:>a$}  {:>b$}  {:>c$}  {:>d$}  {}  {}  {}",
                left(&n.id, idw),
                n.cards,
                n.reviewed,
                n.reviews,
                n.lapses,
                right(&pct(n.retention), w[4]),
                left(n.last_review.as_deref().unwrap_or("—"), w[5]),
                cut(&n.prompt, PROMPT_CELLS),
                a = w[0],
                b = w[1],
                c = w[2],
                d = w[3],
            );
        }
    }
    o
}

/// The class view as tables: students (with who is missing or handed in twice), decks,
/// weakest notes, notes nobody reviewed.
pub fn class_table(c: &ClassView, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        tr!(
            lang,
            "班级视图 · {} 名学生",
            "class view · {} students",
            c.students.len()
        )
    );
    let _ = writeln!(
        o,
        "{}",
        t(
            lang,
            "保持率：复习阶段卡片的回答中评为“困难”及以上的比例，合并全班计算；遗忘：评为“重来”的回答（学习和复习阶段都算）",
            "retention: answers rated Hard or better among answers to cards in review, pooled over the students; lapses: answers rated Again, while learning or in review"
        )
    );

    let _ = writeln!(o, "\n{}", t(lang, "学生", "students"));
    let nw = col_width(
        t(lang, "姓名", "name"),
        c.students.iter().map(|s| s.name.as_str()),
    );
    let _ = writeln!(
        o,
        "  {}  {}",
        left(t(lang, "姓名", "name"), nw),
        t(
            lang,
            "已学卡片  回答  遗忘  保持率  30天  最近学习",
            "reviewed  answers  lapses  retention  30 days  last active"
        )
    );
    for s in &c.students {
        let (a, b, l, r, r30) = match lang {
            Lang::Zh => (8, 4, 4, 6, 4),
            Lang::En => (8, 7, 6, 9, 7),
        };
        let _ = writeln!(
            o,
            "  {}  {:>a$}  {:>b$}  {:>l$}  {}  {}  {}",
            left(&s.name, nw),
            s.reviewed,
            s.reviews,
            s.lapses,
            right(&pct(s.retention), r),
            right(&pct(s.retention_30d), r30),
            s.last_active.as_deref().unwrap_or("—"),
        );
    }
    if !c.missing.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            tr!(
                lang,
                "  未交报告（名单上有）：{}",
                "  missing (on the roster, no report): {}",
                names(lang, &c.missing)
            )
        );
    }
    if !c.duplicates.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            tr!(
                lang,
                "  重复提交（只计最新一份）：{}",
                "  handed in twice (the newest counted once): {}",
                names(lang, &c.duplicates)
            )
        );
    }
    if !c.not_on_roster.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            tr!(
                lang,
                "  不在名单上：{}",
                "  not on the roster: {}",
                names(lang, &c.not_on_roster)
            )
        );
    }

    let _ = writeln!(o, "\n{}", t(lang, "卡组", "decks"));
    let idw = col_width("deck", c.decks.iter().map(|d| d.id.as_str()));
    let not_started: Vec<String> = c
        .decks
        .iter()
        .map(|d| {
            if d.not_started.is_empty() {
                "—".to_string()
            } else {
                names(lang, &d.not_started)
            }
        })
        .collect();
    // Names are never cut: the column is as wide as its longest list.
    let nsw = col_width(
        t(lang, "未开始", "not started"),
        not_started.iter().map(String::as_str),
    );
    let _ = writeln!(
        o,
        "  {}  {}  {}  {}",
        left(t(lang, "卡组", "deck"), idw),
        t(
            lang,
            "版本  卡片  已开始  保持率  30天",
            "version  cards  started  retention  30 days"
        ),
        left(t(lang, "未开始", "not started"), nsw),
        t(lang, "标题", "title"),
    );
    for (d, not_started) in c.decks.iter().zip(&not_started) {
        let started = format!("{}/{}", d.started.len(), c.students.len());
        let w = match lang {
            Lang::Zh => [4, 4, 6, 6, 4],
            Lang::En => [7, 5, 7, 9, 7],
        };
        let _ = writeln!(
            o,
            "  {}  {}  {:>c$}  {:>s$}  {}  {}  {}  {}",
            left(&d.id, idw),
            right(
                &d.version.map(|v| v.to_string()).unwrap_or("—".into()),
                w[0]
            ),
            d.cards,
            started,
            right(&pct(d.retention), w[3]),
            right(&pct(d.retention_30d), w[4]),
            left(not_started, nsw),
            cut(&d.title, PROMPT_CELLS),
            c = w[1],
            s = w[2],
        );
    }

    let _ = writeln!(
        o,
        "\n{}",
        t(
            lang,
            "最薄弱的笔记（保持率最低的在前，其次遗忘最多）",
            "weakest notes (lowest retention first, then most lapses)"
        )
    );
    if c.weakest.is_empty() {
        let _ = writeln!(
            o,
            "  {}",
            t(lang, "还没有人回答过", "nobody has answered a card yet")
        );
    } else {
        let names: Vec<String> = c
            .weakest
            .iter()
            .map(|n| format!("{}/{}", n.deck, n.note))
            .collect();
        let nw = col_width("note", names.iter().map(String::as_str));
        let _ = writeln!(
            o,
            "  {}  {}",
            left(t(lang, "笔记", "note"), nw),
            t(
                lang,
                "保持率  回答数  遗忘  学过的人  错过的人  提示",
                "retention  of answers  lapses  students  missed by  prompt"
            )
        );
        let w = match lang {
            Lang::Zh => [6, 6, 4, 8, 8],
            Lang::En => [9, 10, 6, 8, 9],
        };
        for (n, name) in c.weakest.iter().zip(&names) {
            let _ = writeln!(
                o,
                "  {}  {}  {:>a$}  {:>b$}  {:>c$}  {:>d$}  {}",
                left(name, nw),
                right(&pct(n.retention), w[0]),
                n.review_answers,
                n.lapses,
                n.students,
                n.missed_by,
                cut(&n.prompt, PROMPT_CELLS),
                a = w[1],
                b = w[2],
                c = w[3],
                d = w[4],
            );
        }
    }

    let _ = writeln!(
        o,
        "\n{}",
        t(lang, "还没有人复习过", "not reviewed by anyone")
    );
    if c.unreviewed.is_empty() {
        let _ = writeln!(o, "  —");
    } else {
        let names: Vec<String> = c
            .unreviewed
            .iter()
            .map(|n| format!("{}/{}", n.deck, n.note))
            .collect();
        let nw = col_width("note", names.iter().map(String::as_str));
        let _ = writeln!(
            o,
            "  {}  {}",
            left(t(lang, "笔记", "note"), nw),
            t(lang, "提示", "prompt")
        );
        for (n, name) in c.unreviewed.iter().zip(&names) {
            let _ = writeln!(o, "  {}  {}", left(name, nw), cut(&n.prompt, PROMPT_CELLS));
        }
    }
    o
}

/// The students of the class view as CSV for a spreadsheet: one row per student, then one
/// per roster name without a report (`status` says which). Retention as a fraction.
pub fn class_csv(c: &ClassView) -> String {
    let mut o = String::new();
    o.push_str("name,status,report_date,decks_started,cards,reviewed,answers,lapses,retention,retention_30d,last_active\n");
    let cell = |s: &str| quote_field(s, ',').into_owned();
    let num = |r: Option<f64>| r.map(|r| r.to_string()).unwrap_or_default();
    for s in &c.students {
        let status = if c.duplicates.contains(&s.name) {
            "duplicate"
        } else if c.not_on_roster.contains(&s.name) {
            "not_on_roster"
        } else {
            "ok"
        };
        let _ = writeln!(
            o,
            "{},{status},{},{},{},{},{},{},{},{},{}",
            cell(&s.name),
            cell(&s.report_date),
            s.decks_started,
            s.cards,
            s.reviewed,
            s.reviews,
            s.lapses,
            num(s.retention),
            num(s.retention_30d),
            cell(s.last_active.as_deref().unwrap_or("")),
        );
    }
    for m in &c.missing {
        let _ = writeln!(o, "{},missing,,,,,,,,,", cell(m));
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_counts_cells_not_chars() {
        assert_eq!(cut("中国式现代化", 12), "中国式现代化");
        assert_eq!(cut("中国式现代化", 7), "中国式…");
        assert_eq!(left("中国", 6), "中国  ");
        assert_eq!(right("—", 3), "  —");
    }
}
