//! Drawing the exam screens. Views only read state; widths are terminal cells and Chinese
//! text is wrapped by `tui::text::wrap`.
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::state::{
    answer_text, judge_options, response_text, Book, Cram, ExamApp, Result, Screen, Sitting,
};
use crate::exam::{letter, Kind};
use crate::i18n::{t as tl, Lang};
use crate::tr;
use crate::tui::text::{truncate, width, wrap};
use crate::tui::theme::Theme;

/// Everything a view needs besides the state.
pub struct ViewCtx {
    pub theme: Theme,
    pub lang: Lang,
    pub now_ms: i64,
}

fn push_wrapped(out: &mut Vec<Line<'static>>, text: &str, w: usize, style: Style) {
    for l in wrap(text, w.max(4)) {
        out.push(Line::styled(l, style));
    }
}

/// A question type's name: 单选 on a Chinese paper, `single` otherwise.
fn kind_name(k: Kind, lang: Lang) -> &'static str {
    tl(lang, k.zh(), k.as_str())
}

fn clock(deadline: Option<i64>, now: i64, lang: Lang) -> String {
    match deadline {
        Some(d) => {
            let secs = ((d - now).max(0) + 999) / 1000;
            tr!(
                lang,
                " · 剩余 {:02}:{:02}",
                " · {:02}:{:02} left",
                secs / 60,
                secs % 60
            )
        }
        None => String::new(),
    }
}

/// Draw the current screen.
pub fn draw(f: &mut Frame<'_>, app: &ExamApp, cx: &ViewCtx) {
    let area = f.area();
    let [body, foot] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let (lines, keys, cursor) = match &app.screen {
        Screen::Sitting(s) if s.handing_in => hand_in(s, body, cx),
        Screen::Sitting(s) => sitting(s, body, cx),
        Screen::Marked(r) => marked(r, body, cx),
        Screen::Book(b) => book(b, body, cx),
        Screen::Cram(c) => cram(c, body, cx),
    };
    let block = cx.theme.block(title(app, cx.lang));
    let inner = block.inner(body);
    f.render_widget(Paragraph::new(lines).block(block), body);
    f.render_widget(Paragraph::new(Line::styled(keys, cx.theme.key())), foot);
    if let Some((x, y)) = cursor {
        let (x, y) = (inner.x + x, inner.y + y);
        if x < inner.right() && y < inner.bottom() {
            f.set_cursor_position(Position::new(x, y));
        }
    }
}

fn title(app: &ExamApp, lang: Lang) -> String {
    let name = match &app.screen {
        Screen::Sitting(_) => tl(lang, "模拟考试", "Mock exam"),
        Screen::Marked(_) => tl(lang, "阅卷", "Marked paper"),
        Screen::Book(_) => tl(lang, "错题本", "Mistake book"),
        Screen::Cram(_) => tl(lang, "考前突击", "Cram"),
    };
    format!(" {name} ")
}

type Drawn = (Vec<Line<'static>>, String, Option<(u16, u16)>);

fn sitting(s: &Sitting, area: Rect, cx: &ViewCtx) -> Drawn {
    let w = usize::from(area.width.saturating_sub(2));
    let t = &cx.theme;
    let mut out = Vec::new();
    let n = s.paper.questions.len();
    let Some(q) = s.paper.questions.get(s.cur) else {
        return (out, String::new(), None);
    };
    out.push(Line::styled(
        tr!(
            cx.lang,
            "第 {}/{} 题 · {} · 已答 {}{}",
            "Question {}/{} · {} · {} answered{}",
            s.cur + 1,
            n,
            kind_name(q.kind, cx.lang),
            s.answered(),
            clock(s.deadline_ms, cx.now_ms, cx.lang)
        ),
        t.title(),
    ));
    out.push(Line::raw(""));
    push_wrapped(&mut out, &q.stem, w, t.base());
    out.push(Line::raw(""));
    let chosen = s.chosen.get(s.cur).cloned().unwrap_or_default();
    let mut cursor = None;
    let keys;
    match q.kind {
        Kind::Blank | Kind::List => {
            let lines = s.typed.get(s.cur).cloned().unwrap_or_default();
            for (i, l) in lines.iter().enumerate() {
                let label = if q.kind == Kind::Blank {
                    tr!(cx.lang, "空{} ", "blank {} ", i + 1)
                } else {
                    format!("{:>2}. ", i + 1)
                };
                let style = if i == s.line { t.selected() } else { t.base() };
                let text = truncate(l, w.saturating_sub(width(&label) + 1));
                if i == s.line {
                    cursor = Some(((width(&label) + width(&text)) as u16, out.len() as u16));
                }
                out.push(Line::from(vec![
                    Span::styled(label, t.dim()),
                    Span::styled(text, style),
                ]));
            }
            keys = if q.kind == Kind::List {
                tl(
                    cx.lang,
                    "输入答案 · Enter 下一项（空行 Enter 下一题）· ↑↓ 换行 · Tab 下一题 · Shift+Tab 上一题 · Esc 交卷",
                    "type · Enter next item (on an empty line: next question) · ↑↓ lines · Tab next · Shift+Tab previous · Esc hand in",
                )
            } else {
                tl(
                    cx.lang,
                    "输入答案 · Enter 下一题 · Tab 下一题 · Shift+Tab 上一题 · Esc 交卷",
                    "type · Enter next · Tab next · Shift+Tab previous · Esc hand in",
                )
            };
        }
        _ => {
            for (i, o) in s.options(s.cur, cx.lang).iter().enumerate() {
                let on = chosen.contains(&i);
                let mark = match q.kind {
                    Kind::Order => match chosen.iter().position(|&c| c == i) {
                        Some(p) => format!("[{}]", p + 1),
                        None => "[ ]".to_string(),
                    },
                    Kind::Multi => if on { "[x]" } else { "[ ]" }.to_string(),
                    _ => if on { "(•)" } else { "( )" }.to_string(),
                };
                let style = if on { t.selected() } else { t.base() };
                push_wrapped(&mut out, &format!("{mark} {}. {o}", letter(i)), w, style);
            }
            if q.kind == Kind::Order && !chosen.is_empty() {
                out.push(Line::raw(""));
                let seq: Vec<String> = chosen.iter().map(|&c| letter(c).to_string()).collect();
                out.push(Line::styled(
                    tr!(cx.lang, "你的顺序：{}", "your order: {}", seq.join(" → ")),
                    t.answer(),
                ));
            }
            keys = match q.kind {
                Kind::Multi => tl(
                    cx.lang,
                    "字母 选/取消 · Enter 下一题 · ← 上一题 · Esc 交卷",
                    "letters choose/unchoose · Enter next · ← previous · Esc hand in",
                ),
                Kind::Order => tl(
                    cx.lang,
                    "按顺序按字母 · Backspace 撤回 · Enter 下一题 · ← 上一题 · Esc 交卷",
                    "letters in order · Backspace take back · Enter next · ← previous · Esc hand in",
                ),
                _ => tl(
                    cx.lang,
                    "字母 选择 · Enter 下一题 · ← 上一题 · Esc 交卷",
                    "letters choose · Enter next · ← previous · Esc hand in",
                ),
            };
        }
    }
    (out, keys.to_string(), cursor)
}

fn hand_in(s: &Sitting, _area: Rect, cx: &ViewCtx) -> Drawn {
    let t = &cx.theme;
    let n = s.paper.questions.len();
    let answered = s.answered();
    let mut out = vec![
        Line::styled(
            tr!(
                cx.lang,
                "交卷？已答 {}/{} 题{}",
                "Hand in? {}/{} answered{}",
                answered,
                n,
                clock(s.deadline_ms, cx.now_ms, cx.lang)
            ),
            t.title(),
        ),
        Line::raw(""),
    ];
    if answered < n {
        out.push(Line::styled(
            tr!(
                cx.lang,
                "还有 {} 题没有作答。",
                "{} questions are not answered.",
                n - answered
            ),
            t.notice(),
        ));
    }
    (
        out,
        tl(
            cx.lang,
            "Enter 交卷 · Esc 返回检查 · q 放弃（不交卷）",
            "Enter hand in · Esc back to check · q leave (not handed in)",
        )
        .to_string(),
        None,
    )
}

fn marked(r: &Result, area: Rect, cx: &ViewCtx) -> Drawn {
    let w = usize::from(area.width.saturating_sub(2));
    let t = &cx.theme;
    let mut out = vec![Line::styled(
        tr!(
            cx.lang,
            "成绩：{:.0} 分（满分 100）",
            "Score: {:.0} of 100",
            r.overall
        ),
        t.title(),
    )];
    let per: Vec<String> = r
        .per_type
        .iter()
        .map(|(k, s)| format!("{} {}/{}", kind_name(*k, cx.lang), s.right, s.questions))
        .collect();
    push_wrapped(&mut out, &per.join(" · "), w, t.base());
    out.push(Line::raw(""));
    for (i, q) in r.paper.questions.iter().enumerate().skip(r.scroll) {
        let m = r.marks.get(i);
        let right = m.is_some_and(|m| m.right);
        let (mark, style) = if right {
            ("✓", t.right())
        } else {
            ("✗", t.wrong())
        };
        let credit = m.map_or(0.0, |m| m.credit);
        let part = if !right && credit > 0.0 {
            tr!(cx.lang, "（得 {:.0}%）", " ({:.0}% credit)", credit * 100.0)
        } else {
            String::new()
        };
        push_wrapped(
            &mut out,
            &format!(
                "{mark} {}. [{}]{part} {}",
                i + 1,
                kind_name(q.kind, cx.lang),
                q.stem
            ),
            w,
            style,
        );
        let options = if q.kind == Kind::Judge {
            judge_options(cx.lang)
        } else {
            q.options.clone()
        };
        if matches!(q.kind, Kind::Single | Kind::Multi | Kind::Order) {
            for (k, o) in options.iter().enumerate() {
                push_wrapped(&mut out, &format!("   {}. {o}", letter(k)), w, t.dim());
            }
        }
        push_wrapped(
            &mut out,
            &tr!(
                cx.lang,
                "   正确答案：{}",
                "   right answer: {}",
                answer_text(&r.paper, i, &options, cx.lang)
            ),
            w,
            t.answer(),
        );
        // Every question shows the student's answer and its source passage, right or not.
        let given = r
            .responses
            .get(i)
            .map(|x| response_text(q.kind, x, &options, cx.lang))
            .unwrap_or_default();
        push_wrapped(
            &mut out,
            &tr!(cx.lang, "   你的答案：{}", "   your answer: {}", given),
            w,
            if right { t.right() } else { t.wrong() },
        );
        if let Some(p) = &q.passage {
            let p = p.replace('\n', " ");
            push_wrapped(
                &mut out,
                &tr!(
                    cx.lang,
                    "   原文：{}",
                    "   source: {}",
                    truncate(&p, w.saturating_mul(2))
                ),
                w,
                t.dim(),
            );
        }
    }
    let keys = tl(
        cx.lang,
        "↑↓ 翻看 · m 错题本 · q 退出",
        "↑↓ scroll · m mistake book · q quit",
    );
    (out, keys.to_string(), None)
}

fn book(b: &Book, area: Rect, cx: &ViewCtx) -> Drawn {
    let w = usize::from(area.width.saturating_sub(2));
    let t = &cx.theme;
    let pending = b.rows.iter().filter(|m| m.sent_back_ms.is_none()).count();
    let mut out = vec![Line::styled(
        tr!(
            cx.lang,
            "共 {} 道错题 · {} 道未送回复习",
            "{} mistakes · {} not sent back",
            b.rows.len(),
            pending
        ),
        t.title(),
    )];
    if let Some(n) = &b.notice {
        out.push(Line::styled(n.clone(), t.notice()));
    }
    out.push(Line::raw(""));
    if b.rows.is_empty() {
        out.push(Line::styled(
            tl(cx.lang, "错题本是空的。", "The mistake book is empty."),
            t.dim(),
        ));
    }
    for (i, m) in b.rows.iter().enumerate().skip(b.sel.saturating_sub(2)) {
        let e = &m.entry;
        let sent = if m.sent_back_ms.is_some() {
            " [已送回]"
        } else {
            ""
        };
        let style = if i == b.sel { t.selected() } else { t.base() };
        let kind = Kind::parse(&e.kind)
            .map_or_else(|| e.kind.clone(), |k| kind_name(k, cx.lang).to_string());
        push_wrapped(
            &mut out,
            &format!("{} {} · {kind}{sent}  {}", m.date, e.deck, e.stem),
            w,
            style,
        );
        push_wrapped(
            &mut out,
            &tr!(cx.lang, "   你的答案：{}", "   your answer: {}", e.given),
            w,
            t.wrong(),
        );
        push_wrapped(
            &mut out,
            &tr!(cx.lang, "   正确答案：{}", "   right answer: {}", e.answer),
            w,
            t.answer(),
        );
    }
    let keys = if b.confirm {
        tr!(
            cx.lang,
            "把 {} 道错题的卡作为遗忘送回复习计划？y 确定 · 其他键取消",
            "Send the cards of {} mistakes back as lapses? y yes · any other key no",
            pending
        )
    } else {
        tl(
            cx.lang,
            "↑↓ 移动 · r 送回复习（记为遗忘）· Esc 返回 · q 退出",
            "↑↓ move · r send back (as lapses) · Esc back · q quit",
        )
        .to_string()
    };
    (out, keys, None)
}

fn cram(c: &Cram, area: Rect, cx: &ViewCtx) -> Drawn {
    let w = usize::from(area.width.saturating_sub(2));
    let t = &cx.theme;
    let mut out = Vec::new();
    let Some(card) = c.cards.get(c.cur) else {
        out.push(Line::styled(
            tl(cx.lang, "没有可突击的卡。", "No cards to cram."),
            t.dim(),
        ));
        return (out, tl(cx.lang, "q 退出", "q quit").to_string(), None);
    };
    out.push(Line::styled(
        tr!(
            cx.lang,
            "第 {}/{} 张 · 现在记得的概率 {:.0}% · 不计入复习",
            "Card {}/{} · recall now {:.0}% · not a review",
            c.cur + 1,
            c.cards.len(),
            card.recall * 100.0
        ),
        t.title(),
    ));
    out.push(Line::raw(""));
    push_wrapped(&mut out, &card.prompt, w, t.dim());
    for l in card.front.lines() {
        push_wrapped(&mut out, l, w, t.base());
    }
    if c.revealed {
        out.push(Line::raw(""));
        for l in card.back.lines() {
            push_wrapped(&mut out, l, w, t.answer());
        }
    }
    let keys = if c.revealed {
        tl(
            cx.lang,
            "Space 下一张 · ← 上一张 · q 退出",
            "Space next · ← previous · q quit",
        )
    } else {
        tl(
            cx.lang,
            "Space 显示答案 · q 退出",
            "Space show the answer · q quit",
        )
    };
    (out, keys.to_string(), None)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    use super::*;
    use crate::cloze::Slot;
    use crate::deck::{DeckId, NoteId};
    use crate::exam::{Answer, Paper, Question};
    use crate::tui::msg::Key;

    fn screen(app: &ExamApp, w: u16, h: u16) -> String {
        screen_in(app, w, h, Lang::Zh)
    }

    fn screen_in(app: &ExamApp, w: u16, h: u16, lang: Lang) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        let cx = ViewCtx {
            theme: Theme {
                color: false,
                ascii: false,
            },
            lang,
            now_ms: 0,
        };
        term.draw(|f| draw(f, app, &cx)).unwrap();
        let buf = term.backend().buffer().clone();
        let mut s = String::new();
        for y in 0..h {
            let mut x = 0;
            while x < w {
                let sym = buf[(x, y)].symbol();
                s.push_str(sym);
                // A wide character covers the next cell too.
                x += width(sym).max(1) as u16;
            }
            s.push('\n');
        }
        s
    }

    fn paper() -> Paper {
        Paper {
            deck: None,
            seed: 1,
            questions: vec![Question {
                kind: Kind::Single,
                deck: DeckId("d".into()),
                note: NoteId("n".into()),
                slot: Slot::Item(0),
                stem: "下列哪一项属于「中国式现代化的五个特征」？".into(),
                options: vec![
                    "人口规模巨大的现代化".into(),
                    "工业化的现代化".into(),
                    "城镇化的现代化".into(),
                    "信息化的现代化".into(),
                ],
                answer: Answer::Options(vec![0]),
                ordered: false,
                passage: Some("中国式现代化是人口规模巨大的现代化。".into()),
            }],
        }
    }

    #[test]
    fn the_question_its_options_keys_and_clock_are_on_screen() {
        let app = ExamApp::sitting(paper(), Some(75_000));
        let s = screen(&app, 80, 24);
        assert!(s.contains("第 1/1 题 · 单选 · 已答 0 · 剩余 01:15"), "{s}");
        assert!(s.contains("( ) A. 人口规模巨大的现代化"), "{s}");
        assert!(s.contains("字母 选择"), "{s}");
        let en = screen_in(&app, 80, 24, Lang::En);
        assert!(
            en.contains("Question 1/1 · single · 0 answered · 01:15 left"),
            "{en}"
        );
        assert!(en.contains("letters choose"), "{en}");
        // Narrow: the stem wraps, nothing panics.
        let s = screen(&app, 30, 12);
        assert!(s.contains("下列哪一项属于"), "{s}");
    }

    #[test]
    fn the_marked_paper_shows_the_right_answer_yours_and_the_source() {
        let mut app = ExamApp::sitting(paper(), None);
        for k in [Key::Char('b'), Key::Enter, Key::Enter] {
            app.key(k);
        }
        let s = screen(&app, 80, 24);
        assert!(s.contains("成绩：0 分"), "{s}");
        assert!(s.contains("✗ 1. [单选]"), "{s}");
        assert!(s.contains("正确答案：A 人口规模巨大的现代化"), "{s}");
        assert!(s.contains("你的答案：B 工业化的现代化"), "{s}");
        assert!(
            s.contains("原文：中国式现代化是人口规模巨大的现代化。"),
            "{s}"
        );
    }

    #[test]
    fn true_or_false_and_no_answer_follow_the_language() {
        let mut p = paper();
        p.questions[0].kind = Kind::Judge;
        p.questions[0].stem = "中国式现代化是人口规模巨大的现代化。".into();
        p.questions[0].options = vec![];
        p.questions[0].answer = Answer::Truth(true);
        let app = ExamApp::sitting(p.clone(), None);
        let zh = screen(&app, 80, 24);
        assert!(zh.contains("A. 对") && zh.contains("B. 错"), "{zh}");
        let en = screen_in(&app, 80, 24, Lang::En);
        assert!(en.contains("A. True") && en.contains("B. False"), "{en}");
        assert!(!en.contains('对') && !en.contains('错'), "{en}");
        // Handed in blank: the marked paper names the right answer and the missing one.
        let mut app = ExamApp::sitting(p, None);
        for k in [Key::Enter, Key::Enter] {
            app.key(k);
        }
        let zh = screen(&app, 80, 24);
        assert!(
            zh.contains("正确答案：对") && zh.contains("（未答）"),
            "{zh}"
        );
        let en = screen_in(&app, 80, 24, Lang::En);
        assert!(
            en.contains("right answer: True") && en.contains("(no answer)"),
            "{en}"
        );
    }
}
