//! Browse: search, filters, the card list, and one card's detail with its review history.
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};
use ratatui::Frame;

use super::{cursor_at, footer, header, marker, Ctx};
use crate::tui::app::BrowseScreen;
use crate::tui::data::{BrowseRow, CardDetail, SortBy};
use crate::tui::strings::{self, S};
use crate::tui::text::{self, pad, sanitize, truncate, width};

pub fn draw(
    frame: &mut Frame,
    ctx: &Ctx,
    b: &BrowseScreen,
    head: Rect,
    body: Rect,
    foot: Rect,
) -> Option<Position> {
    let count = if b.loaded {
        format!("{}", b.data.rows.len())
    } else {
        String::new()
    };
    header(frame, ctx, head, ctx.s(S::Browse), &count);
    if let Some(d) = &b.detail {
        footer(frame, ctx, foot, ctx.s(S::DetailKeys));
        detail(frame, ctx, d, body);
        return None;
    }
    footer(frame, ctx, foot, ctx.s(S::BrowseKeys));
    let [bar, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(body);
    // Line 1: search; line 2: filters.
    let deck = match &b.query.deck {
        None => ctx.s(S::AllDecks).to_string(),
        Some(id) => b
            .data
            .decks
            .iter()
            .find(|d| &d.0 == id)
            .map_or(id.0.clone(), |d| sanitize(&d.1)),
    };
    let sort = match b.query.sort {
        SortBy::Due => ctx.s(S::SortDue),
        SortBy::Difficulty => ctx.s(S::SortDifficulty),
    };
    let label = format!("{}: ", ctx.s(S::Search));
    let text_shown = match &b.search {
        Some(f) => f.text.clone(),
        None => b.query.text.clone(),
    };
    let search_line = Line::from(vec![
        Span::styled(label.clone(), ctx.theme.key()),
        Span::raw(truncate(
            &text_shown,
            (bar.width as usize).saturating_sub(width(&label) + 1),
        )),
    ]);
    let filter_line = Line::styled(
        truncate(
            &format!(
                "{}: {} · {} · {}: {}",
                ctx.s(S::Filter),
                strings::state_filter(b.query.state, ctx.lang),
                deck,
                ctx.s(S::Sort),
                sort
            ),
            bar.width as usize,
        ),
        ctx.theme.dim(),
    );
    frame.render_widget(Paragraph::new(vec![search_line, filter_line]), bar);
    let cursor = b.search.as_ref().map(|f| {
        cursor_at(
            Position {
                x: bar.x + width(&label) as u16,
                y: bar.y,
            },
            f.cursor_cells(),
            bar,
        )
    });
    let block = ctx.theme.block("");
    let inner = block.inner(list);
    frame.render_widget(block, list);
    if !b.loaded {
        frame.render_widget(Paragraph::new(ctx.s(S::Loading)), inner);
        return cursor;
    }
    if b.data.rows.is_empty() {
        frame.render_widget(Paragraph::new(ctx.s(S::NoCards)), inner);
        return cursor;
    }
    let w = inner.width as usize;
    // The column headers take the first row of the list.
    let h = (inner.height as usize).saturating_sub(1);
    let offset = (b.selected + 1).saturating_sub(h);
    let head = format!(
        "{}{} {} {:>4} {}",
        marker(false),
        pad(ctx.s(S::ColState), 6),
        pad(ctx.s(S::ColDueIn), 10),
        ctx.s(S::ColDiff),
        ctx.s(S::ColQuestion)
    );
    let mut lines: Vec<Line> = vec![Line::styled(truncate(&head, w), ctx.theme.dim())];
    lines.extend(
        b.data
            .rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(h)
            .map(|(i, r)| {
                let sel = i == b.selected;
                let st = if sel {
                    ctx.theme.selected()
                } else {
                    ctx.theme.base()
                };
                Line::styled(row_text(ctx, r, sel, w), st)
            }),
    );
    frame.render_widget(Paragraph::new(lines), inner);
    cursor
}

/// `> 复习  3天后  5.2  坚持□□□□的领导  [已暂停]`
fn row_text(ctx: &Ctx, r: &BrowseRow, sel: bool, w: usize) -> String {
    let state = strings::phase(r.phase, ctx.lang);
    let due = r
        .due_in_days
        .map(|d| strings::due_in(d, ctx.lang))
        .unwrap_or_else(|| "-".into());
    let diff = if r.difficulty > 0.0 {
        format!("{:.1}", r.difficulty)
    } else {
        "-".into()
    };
    let mut flags = String::new();
    if r.suspended {
        flags.push_str(&format!(" [{}]", ctx.s(S::SuspendedMark)));
    }
    if r.leech {
        flags.push_str(&format!(" [{}]", ctx.s(S::LeechMark)));
    }
    let fixed = format!(
        "{}{} {} {:>4} ",
        marker(sel),
        pad(state, 6),
        pad(&due, 10),
        diff
    );
    let rest = w.saturating_sub(width(&fixed) + width(&flags));
    format!("{fixed}{}{flags}", pad(&sanitize(&r.question), rest))
}

fn detail(frame: &mut Frame, ctx: &Ctx, d: &CardDetail, body: Rect) {
    let block = ctx
        .theme
        .block(format!(" {} ", sanitize(&d.row.deck_title)));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let w = inner.width.max(1) as usize;
    let mut lines: Vec<Line> = Vec::new();
    for l in text::wrap(&sanitize(&d.row.question), w) {
        lines.push(Line::from(l));
    }
    for l in text::wrap(&format!("→ {}", sanitize(&d.row.answer)), w) {
        lines.push(Line::styled(l, ctx.theme.answer()));
    }
    let mut facts = format!(
        "{} · {} {:.1} · {} {:.1} · {} {} · {} {}",
        strings::phase(d.row.phase, ctx.lang),
        ctx.s(S::ColDiff),
        d.row.difficulty,
        ctx.s(S::Stability),
        d.stability,
        ctx.s(S::Reps),
        d.reps,
        ctx.s(S::Lapses),
        d.lapses
    );
    if d.row.suspended {
        facts.push_str(&format!(" · [{}]", ctx.s(S::SuspendedMark)));
    }
    if d.row.leech {
        facts.push_str(&format!(" · [{}]", ctx.s(S::LeechMark)));
    }
    for l in text::wrap(&facts, w) {
        lines.push(Line::styled(l, ctx.theme.dim()));
    }
    lines.push(Line::styled(ctx.s(S::History), ctx.theme.title()));
    let top = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), inner);
    let hist = Rect {
        x: inner.x,
        y: inner.y + top.min(inner.height),
        width: inner.width,
        height: inner.height.saturating_sub(top),
    };
    if d.history.is_empty() {
        frame.render_widget(Paragraph::new(ctx.s(S::NoHistory)), hist);
        return;
    }
    // Newest first, so the latest reviews show when the history is long.
    let rows: Vec<Row> = d
        .history
        .iter()
        .rev()
        .map(|h| {
            Row::new(vec![
                Cell::from(h.when.clone()),
                Cell::from(format!(
                    "{} {}",
                    h.rating.as_u8(),
                    strings::rating(h.rating, ctx.lang)
                ))
                .style(ctx.theme.rating(h.rating.as_u8())),
                Cell::from(strings::interval(h.interval_secs, ctx.lang)),
                Cell::from(format!("{:.1}s", h.duration_ms as f64 / 1000.0)),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(17),
            Constraint::Length(8),
            Constraint::Length(8),
            Constraint::Length(7),
        ],
    );
    frame.render_widget(table, hist);
}
