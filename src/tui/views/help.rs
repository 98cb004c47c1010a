//! Help (`?`): the keys of the current screen, drawn from the same tables the keymap uses.
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{centered, Ctx};
use crate::tui::app::{App, ScreenKind};
use crate::tui::keymap::{table, TYPING_HELP};
use crate::tui::strings::S;
use crate::tui::text::{pad, truncate, width};

pub fn draw(frame: &mut Frame, ctx: &Ctx, app: &App, body: Rect) {
    let kind = app.kind();
    let mut rows: Vec<(String, String)> = table(kind)
        .iter()
        .map(|b| (b.label.to_string(), ctx.s(b.help).to_string()))
        .collect();
    if kind == ScreenKind::Study {
        rows.push((String::new(), String::new()));
        rows.push((format!("[{}]", ctx.s(S::HelpTyping)), String::new()));
        rows.extend(
            TYPING_HELP
                .iter()
                .map(|(k, s)| (k.to_string(), ctx.s(*s).to_string())),
        );
    }
    let kw = rows.iter().map(|r| width(&r.0)).max().unwrap_or(5) + 2;
    let dw = rows.iter().map(|r| width(&r.1)).max().unwrap_or(10);
    let area = centered(body, (kw + dw + 4) as u16, rows.len() as u16 + 3);
    let block = ctx.theme.block(format!(" {} ", ctx.s(S::Help)));
    let inner = block.inner(area);
    super::clear_popup(frame, area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(pad(&format!(" {k}"), kw.min(w)), ctx.theme.key()),
                Span::raw(truncate(&d, w.saturating_sub(kw))),
            ])
        })
        .collect();
    lines.push(Line::styled(
        truncate(&format!(" {}", ctx.s(S::HelpClose)), w),
        ctx.theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}
