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
use crate::tui::text;
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
    // The heatmap's seven weekday rows, its date line when there is room.
    let heat_h = if body.height >= 20 { 10 } else { 9 };
    let [heat, rest] =
        Layout::vertical([Constraint::Length(heat_h), Constraint::Min(3)]).areas(body);
    heatmap(frame, ctx, d, heat);
    if rest.width >= 70 {
        let [left, right] =
            Layout::horizontal([Constraint::Min(20), Constraint::Length(30)]).areas(rest);
        forecast(frame, ctx, d, left);
        side_panel(frame, ctx, d, right);
    } else {
        // Narrow: the forecast on top; retention and card states side by side under it, so
        // every box keeps some rows on a short terminal.
        let low = rest.height.saturating_sub(6).clamp(4, 6);
        let [f, r] = Layout::vertical([Constraint::Min(3), Constraint::Length(low)]).areas(rest);
        forecast(frame, ctx, d, f);
        let [ret, states] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Min(10)]).areas(r);
        retention(frame, ctx, d, ret);
        card_states(frame, ctx, d, states);
    }
    None
}

/// `MM-DD` of the day `offset` days from `today` (`YYYY-MM-DD`), for axis labels.
fn axis_date(today: &str, offset: i64) -> String {
    match crate::app::day::date_day(today) {
        Some(day) => crate::app::day::day_date(day + offset)
            .get(5..)
            .unwrap_or("")
            .to_string(),
        None => String::new(),
    }
}

/// One line with `left` at the start and `right` at the end of `width` cells.
fn ends(left: &str, right: &str, width: usize) -> String {
    let gap = width.saturating_sub(text::width(left) + text::width(right));
    if gap == 0 {
        return text::truncate(left, width);
    }
    format!("{left}{}{right}", " ".repeat(gap))
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
    if inner.height > 7 && cols > 0 {
        // The first column's Monday and today: the time axis.
        // A year back: the year is part of the label.
        let first = crate::app::day::date_day(&d.today)
            .map(|t| crate::app::day::day_date(t - today_cell))
            .unwrap_or_default();
        let last = match ctx.lang {
            crate::config::Lang::Zh => "今天",
            crate::config::Lang::En => "today",
        };
        let w = (label_w as usize) + cols as usize;
        lines.push(Line::styled(
            format!(
                "{}{}",
                " ".repeat(label_w as usize),
                ends(&first, last, w - 3)
            ),
            ctx.theme.dim(),
        ));
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
    frame.render_widget(block, area);
    // Axes: the busiest day's count on the left (the bars' scale), dates along the bottom.
    let max = d.forecast.iter().copied().max().unwrap_or(0);
    let y_w = (text::width(&max.to_string()) as u16 + 1).min(inner.width / 3);
    let x_h = u16::from(inner.height >= 3);
    let [y_axis, plot] =
        Layout::horizontal([Constraint::Length(y_w), Constraint::Min(1)]).areas(inner);
    let [plot, x_axis] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(x_h)]).areas(plot);
    let mut y_lines = vec![Line::styled(max.to_string(), ctx.theme.dim())];
    for _ in 2..plot.height {
        y_lines.push(Line::from(""));
    }
    if plot.height >= 2 {
        y_lines.push(Line::styled("0", ctx.theme.dim()));
    }
    frame.render_widget(Paragraph::new(y_lines), y_axis);
    // Fit 30 bars: width 1 and a gap when there is room, no gap otherwise, fewer days if
    // even that does not fit.
    let gap = u16::from(plot.width >= 60);
    let n = (plot.width / (1 + gap)).min(30) as usize;
    if x_h > 0 && n > 0 {
        let span = (n as u16 * (1 + gap)).saturating_sub(gap) as usize;
        let first = match ctx.lang {
            crate::config::Lang::Zh => "今天",
            crate::config::Lang::En => "today",
        };
        let last = axis_date(&d.today, n as i64 - 1);
        frame.render_widget(
            Paragraph::new(Line::styled(ends(first, &last, span), ctx.theme.dim())),
            x_axis,
        );
    }
    let data: Vec<Bar> = d
        .forecast
        .iter()
        .take(n)
        .map(|&v| Bar::new(v as u64).text_value(String::new()))
        .collect();
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&data))
        .bar_width(1)
        .bar_gap(gap)
        .bar_set(bars(&ctx.theme))
        .bar_style(if ctx.theme.color {
            Style::default().fg(ratatui::style::Color::Cyan)
        } else {
            Style::default()
        });
    frame.render_widget(chart, plot);
}

fn side_panel(frame: &mut Frame, ctx: &Ctx, d: &StatsData, area: Rect) {
    let [ret, states] = Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(area);
    retention(frame, ctx, d, ret);
    card_states(frame, ctx, d, states);
}

/// Weekly true retention as a sparkline (0 at the bottom, 100% at the top), the last week's
/// figure in the title.
fn retention(frame: &mut Frame, ctx: &Ctx, d: &StatsData, ret: Rect) {
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
}

/// Cards by state and today's totals: one per line when there is room, packed two a line
/// when there is not, so the box always says something.
fn card_states(frame: &mut Frame, ctx: &Ctx, d: &StatsData, states: Rect) {
    let block = ctx.theme.block(format!(" {} ", ctx.s(S::ByState)));
    let inner = block.inner(states);
    let pairs = [
        (ctx.s(S::StNew), d.new.to_string()),
        (ctx.s(S::StLearning), d.learning.to_string()),
        (ctx.s(S::StReview), d.review.to_string()),
        (ctx.s(S::Suspended), d.suspended.to_string()),
        (ctx.s(S::ReviewsToday), d.reviews_today.to_string()),
        (ctx.s(S::Streak), format!("{} {}", d.streak, ctx.s(S::Days))),
    ];
    if (inner.height as usize) < pairs.len() {
        let per_line = pairs.len().div_ceil(inner.height.max(1) as usize);
        let lines: Vec<Line> = pairs
            .chunks(per_line)
            .map(|c| {
                let t = c
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(" · ");
                Line::from(text::truncate(&t, inner.width as usize))
            })
            .collect();
        frame.render_widget(Paragraph::new(lines).block(block), states);
        return;
    }
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
    let table = Table::new(rows, [Constraint::Length(10), Constraint::Min(6)]).block(block);
    frame.render_widget(table, states);
}
