//! Home: decks with new / learning / due counts, the exam countdown, today's totals.
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{footer, header, marker, Ctx};
use crate::tui::app::HomeScreen;
use crate::tui::strings::{self, S};
use crate::tui::text::{pad, sanitize, truncate, width};

pub fn draw(
    frame: &mut Frame,
    ctx: &Ctx,
    h: &HomeScreen,
    head: Rect,
    body: Rect,
    foot: Rect,
) -> Option<Position> {
    let right = h
        .data
        .as_ref()
        .and_then(|d| d.exam.as_ref())
        .map(|(date, days)| format!("{} ({date})", strings::exam(*days, ctx.lang)))
        .unwrap_or_default();
    header(frame, ctx, head, ctx.s(S::Home), &right);
    footer(frame, ctx, foot, ctx.s(S::HomeKeys));
    let block = ctx.theme.block(format!(" {} ", ctx.s(S::Decks)));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let Some(data) = &h.data else {
        frame.render_widget(Paragraph::new(ctx.s(S::Loading)), inner);
        return None;
    };
    let [list, totals] = Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(inner);
    let w = list.width as usize;
    // Columns: marker(2) title(*) new(5) learning(6) due(5) exam(8, only when wide).
    let show_exam = w >= 60 && data.decks.iter().any(|d| d.exam_in_days.is_some());
    // Right-aligned in cells (format!'s width counts chars, not cells).
    let num = |s: &str, n: usize| format!("{}{}", " ".repeat(n.saturating_sub(width(s))), s);
    let ncol = |label: S, n: usize| num(ctx.s(label), n);
    // The learning column is as wide as its label needs (学习中 / Learning).
    let lw = (width(ctx.s(S::ColLearning)) + 2).max(7);
    let fixed = 2 + 5 + lw + 5 + if show_exam { 10 } else { 0 };
    let tw = w.saturating_sub(fixed).max(4);
    let mut lines = Vec::new();
    let mut head_line = format!(
        "  {}{}{}{}",
        pad("", tw),
        ncol(S::ColNew, 5),
        ncol(S::ColLearning, lw),
        ncol(S::ColDue, 5)
    );
    if show_exam {
        head_line.push_str(&ncol(S::ColExam, 10));
    }
    lines.push(Line::styled(head_line, ctx.theme.dim()));
    if data.decks.is_empty() {
        for l in crate::tui::text::wrap(ctx.s(S::NoDecks), w) {
            lines.push(Line::from(l));
        }
    }
    let visible = list.height.saturating_sub(1) as usize;
    let offset = (h.selected + 1).saturating_sub(visible);
    for (i, d) in data.decks.iter().enumerate().skip(offset).take(visible) {
        let sel = i == h.selected;
        let mut row = format!(
            "{}{}{}{}{}",
            marker(sel),
            pad(&sanitize(&d.title), tw),
            num(&d.new.to_string(), 5),
            num(&d.learning.to_string(), lw),
            num(&d.due.to_string(), 5),
        );
        if show_exam {
            let e = d
                .exam_in_days
                .map(|x| {
                    format!(
                        "{x}{}",
                        if ctx.lang == crate::config::Lang::Zh {
                            "天"
                        } else {
                            "d"
                        }
                    )
                })
                .unwrap_or_default();
            row.push_str(&num(&e, 10));
        }
        let style = if sel {
            ctx.theme.selected()
        } else {
            ctx.theme.base()
        };
        lines.push(Line::styled(row, style));
    }
    frame.render_widget(Paragraph::new(lines), list);
    let (new, lrn, due) = (data.all.new, data.all.learning, data.all.due);
    let mut t = vec![Line::from(vec![Span::raw(truncate(
        &format!(
            "{} {} · {} {} · {} {} {} {} {} {}",
            ctx.s(S::TodayReviewed),
            data.reviewed_today,
            data.minutes_today,
            ctx.s(S::Minutes),
            ctx.s(S::ColNew),
            new,
            ctx.s(S::ColLearning),
            lrn,
            ctx.s(S::ColDue),
            due
        ),
        w,
    ))])];
    if let Some(warn) = data.warnings.first() {
        let more = if data.warnings.len() > 1 {
            format!(" (+{})", data.warnings.len() - 1)
        } else {
            String::new()
        };
        t.push(Line::styled(
            truncate(&format!("{}{more}", sanitize(warn)), w),
            ctx.theme.notice(),
        ));
    }
    frame.render_widget(Paragraph::new(t), totals);
    None
}
