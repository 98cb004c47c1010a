//! Stats: a year heatmap of reviews, a 30-day forecast (BarChart), true retention by week
//! (Sparkline), cards by state (Table) and the streak.
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::symbols::bar;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Cell, Paragraph, Row, Sparkline, Table};
use ratatui::Frame;

use super::{footer, header, Ctx};
use crate::tui::app::StatsScreen;
use crate::tui::data::StatsData;
use crate::tui::strings::S;
use crate::tui::theme::Theme;

/// Bars in ASCII for terminals where block elements are two cells wide.
pub const ASCII_BARS: bar::Set = bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "=",
    five_eighths: "=",
    half: "-",
    three_eighths: "-",
    one_quarter: ".",
    one_eighth: ".",
    empty: " ",
};

fn bars(theme: &Theme) -> bar::Set<'static> {
    if theme.ascii {
        ASCII_BARS
    } else {
        bar::NINE_LEVELS
    }
}

pub fn draw(
    frame: &mut Frame,
    ctx: &Ctx,
    st: &StatsScreen,
    head: Rect,
    body: Rect,
    foot: Rect,
) -> Option<Position> {
    footer(frame, ctx, foot, ctx.s(S::StatsKeys));
    let Some(d) = &st.data else {
        header(frame, ctx, head, ctx.s(S::Stats), "");
        frame.render_widget(Paragraph::new(ctx.s(S::Loading)), body);
        return None;
    };
    let right = format!(
        "{} {} · {} {} {}",
        ctx.s(S::ReviewsTotal),
        d.reviews_total,
        ctx.s(S::Streak),
        d.streak,
        ctx.s(S::Days)
    );
    header(frame, ctx, head, ctx.s(S::Stats), &right);
    let [heat, rest] = Layout::vertical([Constraint::Length(9), Constraint::Min(3)]).areas(body);
    heatmap(frame, ctx, d, heat);
    let side = if rest.width >= 70 { 30 } else { 0 };
    let [left, right] =
        Layout::horizontal([Constraint::Min(20), Constraint::Length(side)]).areas(rest);
    if side == 0 {
        // Narrow: forecast on top, the rest under it.
        let [f, r] = Layout::vertical([Constraint::Percentage(55), Constraint::Min(3)]).areas(rest);
        forecast(frame, ctx, d, f);
        side_panel(frame, ctx, d, r);
    } else {
        forecast(frame, ctx, d, left);
        side_panel(frame, ctx, d, right);
    }
    None
}

/// Level 0..=4 of a day's count relative to the year's busiest day.
pub fn heat_level(v: u32, max: u32) -> u8 {
    if v == 0 || max == 0 {
        0
    } else {
        (v as u64 * 4).div_ceil(max as u64).clamp(1, 4) as u8
    }
}

fn heatmap(frame: &mut Frame, ctx: &Ctx, d: &StatsData, area: Rect) {
    let block = ctx.theme.block(format!(" {} ", ctx.s(S::Heatmap)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let glyphs: [&str; 5] = if ctx.theme.ascii {
        [".", "-", "+", "*", "#"]
    } else {
        ["·", "░", "▒", "▓", "█"]
    };
    // Weekday labels take 3 cells; one column per week, as many weeks as fit (up to 53).
    let label_w = 3u16;
    let cols = inner.width.saturating_sub(label_w).min(53) as i64;
    let max = d.heatmap.iter().copied().max().unwrap_or(0);
    let today = d.today_weekday.min(6) as i64;
    let today_cell = (cols - 1) * 7 + today;
    let days: &[&str] = match ctx.lang {
        crate::config::Lang::Zh => &["一", "", "三", "", "五", "", "日"],
        crate::config::Lang::En => &["Mo", "", "We", "", "Fr", "", "Su"],
    };
    let mut lines = Vec::new();
    for (row, day) in days.iter().enumerate().take(inner.height.min(7) as usize) {
        let mut spans = vec![Span::styled(
            format!("{day}{}", " ".repeat(3 - crate::tui::text::width(day))),
            ctx.theme.dim(),
        )];
        for col in 0..cols {
            let cell = col * 7 + row as i64;
            let ago = today_cell - cell;
            if ago < 0 {
                spans.push(Span::raw(" "));
                continue;
            }
            let idx = d.heatmap.len() as i64 - 1 - ago;
            let v = if idx >= 0 { d.heatmap[idx as usize] } else { 0 };
            let lvl = heat_level(v, max);
            spans.push(Span::styled(glyphs[lvl as usize], ctx.theme.heat(lvl)));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn forecast(frame: &mut Frame, ctx: &Ctx, d: &StatsData, area: Rect) {
    let total: u32 = d.forecast.iter().sum();
    let week: u32 = d.forecast.iter().take(7).sum();
    let title = match ctx.lang {
        crate::config::Lang::Zh => format!(" {} · 7天 {week} · 30天 {total} ", ctx.s(S::Forecast)),
        crate::config::Lang::En => format!(" {} · 7d {week} · 30d {total} ", ctx.s(S::Forecast)),
    };
    let block = ctx.theme.block(title);
    let inner = block.inner(area);
    // Fit 30 bars: width 1 and a gap when there is room, no gap otherwise, fewer days if
    // even that does not fit.
    let gap = u16::from(inner.width >= 60);
    let n = (inner.width / (1 + gap)).min(30) as usize;
    let data: Vec<Bar> = d
        .forecast
        .iter()
        .take(n)
        .map(|&v| Bar::new(v as u64).text_value(String::new()))
        .collect();
    let chart = BarChart::default()
        .block(block)
        .data(BarGroup::default().bars(&data))
        .bar_width(1)
        .bar_gap(gap)
        .bar_set(bars(&ctx.theme))
        .bar_style(if ctx.theme.color {
            Style::default().fg(ratatui::style::Color::Cyan)
        } else {
            Style::default()
        });
    frame.render_widget(chart, area);
}

fn side_panel(frame: &mut Frame, ctx: &Ctx, d: &StatsData, area: Rect) {
    let [ret, states] = Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(area);
    let last = d
        .retention_by_week
        .iter()
        .rev()
        .find_map(|r| *r)
        .map(|r| format!("{:.0}%", r * 100.0))
        .unwrap_or_else(|| "-".into());
    let block = ctx.theme.block(format!(" {} {last} ", ctx.s(S::Retention)));
    let inner_w = block.inner(ret).width as usize;
    let vals: Vec<Option<u64>> = d
        .retention_by_week
        .iter()
        .rev()
        .take(inner_w)
        .rev()
        .map(|r| r.map(|x| (x * 100.0).round() as u64))
        .collect();
    let spark = Sparkline::default()
        .block(block)
        .data(vals)
        .max(100)
        .bar_set(bars(&ctx.theme))
        .absent_value_symbol(if ctx.theme.ascii { "." } else { "·" })
        .style(if ctx.theme.color {
            Style::default().fg(ratatui::style::Color::Green)
        } else {
            Style::default()
        });
    frame.render_widget(spark, ret);
    let rows = vec![
        Row::new(vec![
            Cell::from(ctx.s(S::StNew)),
            Cell::from(d.new.to_string()),
        ]),
        Row::new(vec![
            Cell::from(ctx.s(S::StLearning)),
            Cell::from(d.learning.to_string()),
        ]),
        Row::new(vec![
            Cell::from(ctx.s(S::StReview)),
            Cell::from(d.review.to_string()),
        ]),
        Row::new(vec![
            Cell::from(ctx.s(S::Suspended)),
            Cell::from(d.suspended.to_string()),
        ]),
        Row::new(vec![
            Cell::from(ctx.s(S::ReviewsToday)),
            Cell::from(d.reviews_today.to_string()),
        ]),
        Row::new(vec![
            Cell::from(ctx.s(S::Streak)),
            Cell::from(format!("{} {}", d.streak, ctx.s(S::Days))),
        ]),
    ];
    let table = Table::new(rows, [Constraint::Length(10), Constraint::Min(6)])
        .block(ctx.theme.block(format!(" {} ", ctx.s(S::ByState))));
    frame.render_widget(table, states);
}
