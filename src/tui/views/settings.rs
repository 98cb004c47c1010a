//! Settings: desired retention, daily limits, exam date, typed-answer default, language,
//! ASCII borders. Every change is saved to config.toml at once.
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{cursor_at, footer, header, marker, Ctx};
use crate::tui::app::{App, Field, SettingsScreen, FIELDS};
use crate::tui::strings::S;
use crate::tui::text::{pad, sanitize, truncate, width};

fn label(f: Field) -> S {
    match f {
        Field::Retention => S::SetRetention,
        Field::NewPerDay => S::SetNewPerDay,
        Field::ReviewsPerDay => S::SetReviewsPerDay,
        Field::ExamDate => S::SetExamDate,
        Field::Typed => S::SetTyped,
        Field::Lang => S::SetLang,
        Field::Ascii => S::SetAscii,
    }
}

fn value(ctx: &Ctx, app: &App, f: Field) -> String {
    let s = &app.config.study;
    let on = |b: bool| ctx.s(if b { S::On } else { S::Off }).to_string();
    match f {
        Field::Retention => format!("{:.2}", s.desired_retention),
        Field::NewPerDay => s.new_per_day.to_string(),
        Field::ReviewsPerDay => s.reviews_per_day.to_string(),
        Field::ExamDate => s
            .exam_date
            .clone()
            .unwrap_or_else(|| ctx.s(S::NotSet).to_string()),
        Field::Typed => on(s.typed_answers),
        Field::Lang => match app.config.ui.lang {
            crate::config::Lang::Zh => "中文 (zh)".into(),
            crate::config::Lang::En => "English (en)".into(),
        },
        Field::Ascii => on(app.config.ui.ascii_borders),
    }
}

pub fn draw(
    frame: &mut Frame,
    ctx: &Ctx,
    app: &App,
    st: &SettingsScreen,
    head: Rect,
    body: Rect,
    foot: Rect,
) -> Option<Position> {
    let status = if st.saved { ctx.s(S::Saved) } else { "" };
    header(frame, ctx, head, ctx.s(S::Settings), status);
    footer(frame, ctx, foot, ctx.s(S::SettingsKeys));
    let block = ctx.theme.block(format!(" {} ", ctx.s(S::Settings)));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let w = inner.width as usize;
    let lw = FIELDS
        .iter()
        .map(|f| width(ctx.s(label(*f))))
        .max()
        .unwrap_or(10)
        .min(w / 2)
        + 2;
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, f) in FIELDS.iter().enumerate() {
        let sel = i == st.selected;
        let (val, editing) = match (&st.editing, sel) {
            (Some(input), true) => (input.text.clone(), Some(input)),
            _ => (value(ctx, app, *f), None),
        };
        let shown = if editing.is_some() || !sel {
            val
        } else {
            format!("< {val} >")
        };
        let row = format!("{}{}{}", marker(sel), pad(ctx.s(label(*f)), lw), shown);
        let style = if sel && editing.is_none() {
            ctx.theme.selected()
        } else {
            ctx.theme.base()
        };
        lines.push(Line::styled(truncate(&row, w), style));
        if let Some(input) = editing {
            cursor = Some(cursor_at(
                Position {
                    x: inner.x + 2 + lw as u16,
                    y: inner.y + i as u16,
                },
                input.cursor_cells(),
                inner,
            ));
        }
    }
    lines.push(Line::from(""));
    if st.editing.is_some() {
        lines.push(Line::styled(
            truncate(ctx.s(S::DateFormat), w),
            ctx.theme.dim(),
        ));
    }
    if let (true, Some(path)) = (st.saved, &st.saved_to) {
        lines.push(Line::styled(
            truncate(&format!("{} {}", ctx.s(S::SavedTo), sanitize(path)), w),
            ctx.theme.dim(),
        ));
    }
    if let Some(bad) = &st.invalid {
        lines.push(Line::styled(
            truncate(&format!("{}: {bad}", ctx.s(S::Error)), w),
            ctx.theme.error(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    cursor
}
