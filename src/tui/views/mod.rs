//! Drawing. Views only read `App`; they return where the terminal cursor belongs (typed
//! input) so the input method's candidate window follows it. Layout helpers shared by the
//! screens live here.
mod browse;
mod help;
mod home;
mod settings;
mod stats;
mod study;

use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use crate::config::Lang;

use super::app::{App, Screen};
use super::strings::S;
use super::text::{self, Run};
use super::theme::Theme;

/// Below this the screens do not fit; we say so instead of drawing garbage.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// What a view needs besides its screen state.
pub struct Ctx {
    pub theme: Theme,
    pub lang: Lang,
}

impl Ctx {
    pub fn s(&self, s: S) -> &'static str {
        s.get(self.lang)
    }
}

/// Style tags for text runs; the theme maps them to styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Plain,
    Blank,
    Answer,
    Dim,
    Right,
    Wrong,
    Title,
    Key,
    Notice,
}

pub fn style(theme: &Theme, tag: Tag) -> Style {
    match tag {
        Tag::Plain => theme.base(),
        Tag::Blank => theme.blank(),
        Tag::Answer => theme.answer(),
        Tag::Dim => theme.dim(),
        Tag::Right => theme.right(),
        Tag::Wrong => theme.wrong(),
        Tag::Title => theme.title(),
        Tag::Key => theme.key(),
        Tag::Notice => theme.notice(),
    }
}

/// Wrap tagged runs to `width` cells and turn them into ratatui lines.
pub fn wrapped(theme: &Theme, runs: &[Run<Tag>], width: u16) -> Vec<Line<'static>> {
    text::wrap_runs(runs, width as usize)
        .into_iter()
        .map(|l| {
            Line::from(
                l.into_iter()
                    .map(|r| Span::styled(r.text, style(theme, r.tag)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

/// Draw the whole app; sets the cursor when a text field has focus.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let ctx = Ctx {
        theme: Theme::from_config(&app.config.ui),
        lang: app.config.ui.lang,
    };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, &ctx, area);
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let cursor = match &app.screen {
        Screen::Home(h) => home::draw(frame, &ctx, h, header, body, footer),
        Screen::Study(s) => study::draw(frame, &ctx, s, header, body, footer),
        Screen::Browse(b) => browse::draw(frame, &ctx, b, header, body, footer),
        Screen::Stats(s) => stats::draw(frame, &ctx, s, header, body, footer),
        Screen::Settings(s) => settings::draw(frame, &ctx, app, s, header, body, footer),
    };
    if let Some(err) = &app.error {
        let line = format!("{}: {}", ctx.s(S::Error), text::sanitize(err));
        frame.render_widget(Clear, footer);
        frame.render_widget(
            Paragraph::new(text::truncate(&line, footer.width as usize)).style(ctx.theme.error()),
            footer,
        );
    }
    if app.help {
        help::draw(frame, &ctx, app, body);
    } else if let Some(p) = cursor {
        frame.set_cursor_position(p);
    }
}

fn too_small(frame: &mut Frame, ctx: &Ctx, area: Rect) {
    let lines = vec![
        Line::from(ctx.s(S::TooSmall)),
        Line::from(format!(
            "{} {}x{} ({}x{})",
            ctx.s(S::TooSmallNeed),
            MIN_WIDTH,
            MIN_HEIGHT,
            area.width,
            area.height
        )),
    ];
    let lines: Vec<Line> = lines
        .into_iter()
        .flat_map(|l| {
            let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            text::wrap(&s, area.width.max(1) as usize)
                .into_iter()
                .map(Line::from)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The one-line header: app · screen · detail on the left, `right` flush right.
pub fn header(frame: &mut Frame, ctx: &Ctx, area: Rect, left: &str, right: &str) {
    let w = area.width as usize;
    let rw = text::width(right);
    let left = format!(" {} · {left}", ctx.s(S::AppName));
    let lw = w.saturating_sub(rw + 1);
    let line = Line::from(vec![
        Span::styled(text::pad(&left, lw), ctx.theme.title()),
        Span::raw(" "),
        Span::styled(
            text::truncate(right, w.saturating_sub(lw + 1)),
            ctx.theme.dim(),
        ),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The footer: key hints, truncated to fit.
pub fn footer(frame: &mut Frame, ctx: &Ctx, area: Rect, keys: &str) {
    frame.render_widget(
        Paragraph::new(fit_keys(keys, area.width as usize)).style(ctx.theme.key()),
        area,
    );
}

/// A key bar in `width` cells: when it does not fit, keys from the middle give way to `…`
/// so that the first keys and the last one (`q 退出`, `? 帮助`) stay on every screen.
pub fn fit_keys(keys: &str, width: usize) -> String {
    let full = format!(" {keys}");
    if text::width(&full) <= width {
        return full;
    }
    let parts: Vec<&str> = keys.split(" · ").collect();
    let Some((last, rest)) = parts.split_last() else {
        return text::truncate(&full, width);
    };
    let tail = format!(" · … · {last}");
    let mut out = String::from(" ");
    for (i, p) in rest.iter().enumerate() {
        let next = if i == 0 {
            format!("{out}{p}")
        } else {
            format!("{out} · {p}")
        };
        if text::width(&next) + text::width(&tail) > width {
            break;
        }
        out = next;
    }
    if out.trim().is_empty() {
        return text::truncate(&format!(" {last}"), width);
    }
    text::truncate(&format!("{out}{tail}"), width)
}

/// A `>` marker (and reverse video in colour) for the selected row.
pub fn marker(selected: bool) -> &'static str {
    if selected {
        "> "
    } else {
        "  "
    }
}

/// A rectangle of at most `w`x`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clear a popup's area, including a wide character just left of it whose right half would
/// otherwise poke into the popup's border.
pub fn clear_popup(frame: &mut Frame, area: Rect) {
    use ratatui::buffer::CellWidth;
    frame.render_widget(Clear, area);
    if area.x > 0 {
        let buf = frame.buffer_mut();
        for y in area.y..area.y + area.height {
            let left = (area.x - 1, y);
            if buf[left].cell_width() > 1 {
                buf[left].reset();
            }
        }
    }
}

/// Where the cursor goes for a field drawn at `origin` with `cells` before the cursor.
pub fn cursor_at(origin: Position, cells: usize, limit: Rect) -> Position {
    let x = (origin.x as usize + cells).min((limit.x + limit.width).saturating_sub(1) as usize);
    Position {
        x: x as u16,
        y: origin.y,
    }
}

#[cfg(test)]
mod key_bar_tests {
    use super::fit_keys;

    #[test]
    fn the_last_key_stays_when_the_bar_is_cut() {
        let keys = "Enter 学习 · a 全部 · b 浏览 · s 统计 · c 设置 · ? 帮助 · q 退出";
        assert_eq!(fit_keys(keys, 80), format!(" {keys}"));
        let cut = fit_keys(keys, 40);
        assert!(cut.ends_with("· … · q 退出"), "{cut}");
        assert!(cut.starts_with(" Enter 学习"), "{cut}");
        assert!(crate::tui::text::width(&cut) <= 40);
        assert_eq!(fit_keys(keys, 9), " q 退出");
    }
}
