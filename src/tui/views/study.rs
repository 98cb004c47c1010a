//! Study: the card with □ blanks in place, the answer highlighted in place after reveal, the
//! rating bar with intervals, the typed-answer form and its diff, the source passage, the
//! progress line and the end-of-session summary.
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{centered, cursor_at, footer, header, style, wrapped, Ctx, Tag};
use crate::cloze::mask;
use crate::config::Lang;
use crate::sched::Rating;
use crate::tui::app::{Current, Stage, StudyScreen};
use crate::tui::check::Check;
use crate::tui::data::{CardToShow, Progress, Seg, SessionSummary, SourceView};
use crate::tui::strings::{self, S};
use crate::tui::text::{self, char_width, sanitize, Run};
use crate::tui::theme::Theme;

pub fn draw(
    frame: &mut Frame,
    ctx: &Ctx,
    s: &StudyScreen,
    head: Rect,
    body: Rect,
    foot: Rect,
) -> Option<Position> {
    let deck = s
        .current
        .as_ref()
        .map(|c| sanitize(&c.card.deck_title))
        .unwrap_or_default();
    let left = if deck.is_empty() {
        ctx.s(S::Study).to_string()
    } else {
        format!("{} · {deck}", ctx.s(S::Study))
    };
    header(
        frame,
        ctx,
        head,
        &left,
        &progress_line(&s.progress, ctx.lang),
    );
    if let Some(sum) = &s.summary {
        footer(frame, ctx, foot, ctx.s(S::SummaryKeys));
        summary(frame, ctx, sum, s, body);
        return None;
    }
    let Some(cur) = &s.current else {
        footer(frame, ctx, foot, "");
        frame.render_widget(Paragraph::new(ctx.s(S::Loading)), body);
        return None;
    };
    let typing = cur.form.is_some();
    footer(
        frame,
        ctx,
        foot,
        ctx.s(if typing {
            S::StudyKeysTyping
        } else if cur.stage == Stage::Revealed {
            S::StudyKeysRevealed
        } else {
            S::StudyKeysFront
        }),
    );
    let cursor = card_area(frame, ctx, s, cur, body);
    if s.show_source {
        if let Some(src) = &cur.card.source {
            // The hidden part is highlighted only once it is revealed.
            source(frame, ctx, src, cur.stage == Stage::Revealed, body);
        }
        return None;
    }
    cursor
}

/// `已完成 3 · 剩余 12 张（新 5 学习中 1 复习 6）`
pub fn progress_line(p: &Progress, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "已完成 {} · 剩余 {} 张（新 {} 学习中 {} 复习 {}）",
            p.done,
            p.left(),
            p.new,
            p.learning,
            p.review
        ),
        Lang::En => format!(
            "done {} · left {} (new {} learning {} review {})",
            p.done,
            p.left(),
            p.new,
            p.learning,
            p.review
        ),
    }
}

/// The card's front (or revealed) text as tagged runs, one Vec per source line.
pub fn front_runs(card: &CardToShow, revealed: bool, theme: &Theme) -> Vec<Vec<Run<Tag>>> {
    card.lines
        .iter()
        .map(|line| {
            line.iter()
                .map(|seg| match seg {
                    Seg::Text(t) => Run::new(sanitize(t), Tag::Plain),
                    Seg::Blank { answer } if revealed => {
                        let a = sanitize(answer);
                        if theme.bracket_answers() {
                            Run::new(format!("【{a}】"), Tag::Answer)
                        } else {
                            Run::new(a, Tag::Answer)
                        }
                    }
                    Seg::Blank { answer } => Run::new(mask(answer), Tag::Blank),
                })
                .collect()
        })
        .collect()
}

fn card_area(
    frame: &mut Frame,
    ctx: &Ctx,
    s: &StudyScreen,
    cur: &Current,
    body: Rect,
) -> Option<Position> {
    let card = &cur.card;
    let revealed = cur.stage == Stage::Revealed;
    let title = match card.prompt.as_deref() {
        Some(p) => format!(
            " {} ",
            text::truncate(&sanitize(p), body.width.saturating_sub(4) as usize)
        ),
        None => String::new(),
    };
    // Breathing room inside the card when there is space for it.
    let pad = if body.width >= 60 { 2 } else { 1 };
    let top = u16::from(body.height >= 20);
    let block = ctx
        .theme
        .block(title)
        .padding(ratatui::widgets::Padding::new(pad, pad, top, 0));
    let inner_w = body.width.saturating_sub(2 + 2 * pad);
    // Bottom part (one cell in from the edge): notices, then the form / check / rating bar.
    let bw = body.width.saturating_sub(1);
    let mut bottom: Vec<Line> = Vec::new();
    for n in &s.notices {
        bottom.extend(wrapped(
            &ctx.theme,
            &[Run::new(strings::notice(n, ctx.lang), Tag::Notice)],
            bw,
        ));
    }
    let mut form_lines = 0u16;
    if let Some(form) = &cur.form {
        form_lines = form.lines.len() as u16 + 2;
    } else if revealed {
        if let Some(check) = &cur.check {
            bottom.extend(check_lines(ctx, check, bw));
        }
        bottom.extend(rating_bar(ctx, card, cur.suggested(), cur.peeked, bw));
    } else {
        bottom.push(Line::styled(ctx.s(S::ShowAnswer), ctx.theme.key()));
    }
    // The card gets what is left, at least 3 rows.
    let want_bottom = bottom.len() as u16 + form_lines;
    let card_h = body
        .height
        .saturating_sub(want_bottom)
        .max(3.min(body.height));
    let [card_r, form_r, bottom_r] = Layout::vertical([
        Constraint::Length(card_h),
        Constraint::Length(form_lines),
        Constraint::Min(0),
    ])
    .areas(body);
    let inner = block.inner(card_r);
    frame.render_widget(block, card_r);
    let mut lines: Vec<Line> = Vec::new();
    if !card.heading.is_empty() {
        // Where the note sits in its document: one dimmed line, cut short rather than wrapped.
        let path = card
            .heading
            .iter()
            .map(|h| sanitize(h))
            .collect::<Vec<_>>()
            .join(" › ");
        lines.push(Line::styled(
            text::truncate(&path, inner_w.max(1) as usize),
            ctx.theme.dim(),
        ));
    }
    for runs in front_runs(card, revealed, &ctx.theme) {
        lines.extend(wrapped(&ctx.theme, &runs, inner_w.max(1)));
    }
    // Keep the blank in view when the card is taller than the box: scroll to the first blank.
    let first_blank = lines
        .iter()
        .position(|l| {
            l.spans
                .iter()
                .any(|sp| sp.style == ctx.theme.blank() && sp.content.contains('□'))
        })
        .unwrap_or(0);
    let h = inner.height as usize;
    let scroll = if lines.len() > h && first_blank >= h {
        (first_blank + 1 - h.min(first_blank + 1)) as u16
    } else {
        0
    };
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
    let bottom_r = Rect {
        x: bottom_r.x + 1.min(bottom_r.width),
        width: bottom_r.width.saturating_sub(1),
        ..bottom_r
    };
    frame.render_widget(Paragraph::new(bottom), bottom_r);
    cur.form.as_ref().and_then(|form| {
        let block = ctx.theme.block(format!(" {} ", ctx.s(S::YourAnswer)));
        let fi = block.inner(form_r);
        frame.render_widget(block, form_r);
        let mut cursor = None;
        for (i, line) in form.lines.iter().enumerate() {
            let y = fi.y + i as u16;
            if y >= fi.y + fi.height {
                break;
            }
            let label = if form.lines.len() > 1 {
                format!("{:>2}. ", i + 1)
            } else {
                "> ".to_string()
            };
            let lw = text::width(&label);
            // Show the tail of a line longer than the field, keeping the cursor visible.
            let avail = (fi.width as usize).saturating_sub(lw + 1);
            let before = line.cursor_cells();
            let skip_cells = before.saturating_sub(avail);
            let mut shown = String::new();
            let mut acc = 0;
            for c in line.text.chars() {
                if acc >= skip_cells {
                    shown.push(c);
                }
                acc += char_width(c);
            }
            let row = Rect {
                x: fi.x,
                y,
                width: fi.width,
                height: 1,
            };
            frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::styled(label, ctx.theme.dim()),
                    Span::raw(text::truncate(&shown, avail + 1)),
                ])),
                row,
            );
            if i == form.focus {
                cursor = Some(cursor_at(
                    Position {
                        x: fi.x + lw as u16,
                        y,
                    },
                    before - skip_cells,
                    fi,
                ));
            }
        }
        cursor
    })
}

/// `1 重来 <10分 · 2 困难 2天 · 3 良好 4天 · 4 简单 9天`; the suggested rating in brackets.
/// Wraps between outcomes, never inside one.
pub fn rating_bar(
    ctx: &Ctx,
    card: &CardToShow,
    suggested: Option<Rating>,
    peeked: bool,
    width: u16,
) -> Vec<Line<'static>> {
    let sep = " · ";
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cur: Vec<Span<'static>> = Vec::new();
    let mut cur_w = 0usize;
    for p in &card.previews {
        let n = p.rating.as_u8();
        let mut label = format!(
            "{n} {} {}",
            strings::rating(p.rating, ctx.lang),
            strings::interval(p.interval_secs, ctx.lang)
        );
        let st = if Some(p.rating) == suggested {
            label = format!("[{label}]");
            ctx.theme.key()
        } else {
            ctx.theme.rating(n)
        };
        let lw = text::width(&label);
        if !cur.is_empty() && cur_w + text::width(sep) + lw > width as usize {
            lines.push(Line::from(std::mem::take(&mut cur)));
            cur_w = 0;
        }
        if !cur.is_empty() {
            cur.push(Span::styled(sep, ctx.theme.dim()));
            cur_w += text::width(sep);
        }
        cur.push(Span::styled(label, st));
        cur_w += lw;
    }
    if !cur.is_empty() {
        lines.push(Line::from(cur));
    }
    if let Some(r) = suggested {
        let keys = match ctx.lang {
            Lang::Zh => "Enter/空格",
            Lang::En => "Enter/Space",
        };
        let why = if peeked {
            format!("（{}）", ctx.s(S::Peeked))
        } else {
            String::new()
        };
        let msg = format!(
            "{}: {} {}{why} · {keys}",
            ctx.s(S::Suggested),
            r.as_u8(),
            strings::rating(r, ctx.lang)
        );
        lines.push(Line::styled(msg, ctx.theme.key()));
    }
    lines
}

/// Per item: the typed line with wrong chars marked in colour and by a `^` line beneath
/// (shown without colour too), then the expected line with the missed chars in 【】.
pub fn check_lines(ctx: &Ctx, check: &Check, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if check.items.iter().all(|i| i.exact) {
        out.push(Line::styled(
            format!("= {}", ctx.s(S::AllCorrect)),
            ctx.theme.right(),
        ));
        return out;
    }
    let many = check.items.len() > 1;
    for (k, item) in check.items.iter().enumerate() {
        let num = if many {
            format!("{}. ", k + 1)
        } else {
            String::new()
        };
        if item.exact {
            let t: String = item.typed.iter().map(|(c, _)| *c).collect();
            out.push(Line::from(vec![
                Span::raw(format!("= {num}")),
                Span::styled(t, ctx.theme.right()),
            ]));
            continue;
        }
        let prefix = format!("x {num}");
        let pw = text::width(&prefix);
        let mut runs = vec![Run::new(prefix.clone(), Tag::Plain)];
        let mut marks = " ".repeat(pw);
        for (c, ok) in &item.typed {
            runs.push(Run::new(
                c.to_string(),
                if *ok { Tag::Right } else { Tag::Wrong },
            ));
            marks.push_str(&(if *ok { " " } else { "^" }).repeat(char_width(*c)));
        }
        if item.typed.is_empty() {
            runs.push(Run::new("—", Tag::Wrong));
        }
        let mut exp = vec![Run::new(
            format!("{}→ ", " ".repeat(pw.saturating_sub(2))),
            Tag::Dim,
        )];
        let mut missing = String::new();
        for (c, ok) in &item.expected {
            if *ok {
                if !missing.is_empty() {
                    exp.push(Run::new(
                        format!("【{}】", std::mem::take(&mut missing)),
                        Tag::Answer,
                    ));
                }
                exp.push(Run::new(c.to_string(), Tag::Plain));
            } else {
                missing.push(*c);
            }
        }
        if !missing.is_empty() {
            exp.push(Run::new(format!("【{missing}】"), Tag::Answer));
        }
        out.extend(wrapped(&ctx.theme, &runs, width));
        // The caret line only lines up when the typed line fits on one row.
        if marks.contains('^') && text::width(&marks) <= width as usize {
            out.push(Line::styled(
                marks.trim_end().to_string(),
                style(&ctx.theme, Tag::Wrong),
            ));
        }
        out.extend(wrapped(&ctx.theme, &exp, width));
    }
    out
}

fn summary(frame: &mut Frame, ctx: &Ctx, sum: &SessionSummary, s: &StudyScreen, body: Rect) {
    // No answers: no share to speak of (not "0%").
    let share = if sum.answered == 0 {
        "-".to_string()
    } else {
        format!(
            "{}%",
            (sum.correct as f64 * 100.0 / sum.answered as f64).round() as u32
        )
    };
    let mut lines = vec![
        Line::from(""),
        Line::from(format!("{}  {}", ctx.s(S::Answered), sum.answered)),
        Line::from(format!("{}  {share}", ctx.s(S::ShareCorrect))),
        Line::from(format!(
            "{}  {}",
            ctx.s(S::TimeSpent),
            strings::duration(sum.seconds, ctx.lang)
        )),
        Line::from(format!("{}  {}", ctx.s(S::Tomorrow), sum.tomorrow)),
    ];
    if sum.held_back > 0 {
        lines.push(Line::from(format!(
            "{} {}",
            sum.held_back,
            ctx.s(S::HeldBack)
        )));
    }
    for n in &s.notices {
        lines.push(Line::styled(
            strings::notice(n, ctx.lang),
            ctx.theme.notice(),
        ));
    }
    let area = centered(body, 44, lines.len() as u16 + 3);
    let block = ctx.theme.block(format!(" {} ", ctx.s(S::Session)));
    let inner = block.inner(area);
    super::clear_popup(frame, area);
    frame.render_widget(block, area);
    let w = inner.width.max(1) as usize;
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            let st = l.style;
            let t: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            Line::styled(format!("  {}", text::truncate(&t, w.saturating_sub(2))), st)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The source passage over the card: document, date, file:line, the paragraph with the
/// answers highlighted.
fn source(frame: &mut Frame, ctx: &Ctx, src: &SourceView, revealed: bool, body: Rect) {
    let area = body;
    let block = ctx.theme.block(format!(" {} ", ctx.s(S::Source)));
    let inner = block.inner(area);
    super::clear_popup(frame, area);
    frame.render_widget(block, area);
    let mut meta = Vec::new();
    if let Some(d) = &src.doc {
        meta.push(sanitize(d));
    }
    if let Some(d) = &src.date {
        meta.push(sanitize(d));
    }
    if let Some(f) = &src.file {
        meta.push(match src.line {
            Some(l) => format!("{}:{l}", sanitize(f)),
            None => sanitize(f),
        });
    }
    let mut lines: Vec<Line> = Vec::new();
    let w = inner.width.max(1);
    lines.extend(wrapped(
        &ctx.theme,
        &[Run::new(meta.join(" · "), Tag::Dim)],
        w,
    ));
    lines.push(Line::from(""));
    for para in text::sanitize_lines(&src.passage) {
        let runs = if revealed {
            highlight_runs(&para, &src.highlight, &ctx.theme)
        } else {
            highlight_runs(&para, &[], &ctx.theme)
        };
        lines.extend(wrapped(&ctx.theme, &runs, w));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(ctx.s(S::SourceKeys), ctx.theme.key()));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Split a paragraph into runs with every occurrence of any `needles` tagged as an answer.
pub fn highlight_runs(para: &str, needles: &[String], theme: &Theme) -> Vec<Run<Tag>> {
    let mut marked = vec![false; para.len()];
    for n in needles.iter().filter(|n| !n.is_empty()) {
        let n = sanitize(n);
        let mut from = 0;
        while let Some(i) = para[from..].find(&n) {
            let start = from + i;
            for m in &mut marked[start..start + n.len()] {
                *m = true;
            }
            from = start + n.len();
        }
    }
    let mut runs: Vec<Run<Tag>> = Vec::new();
    let mut cur = String::new();
    let mut cur_on = false;
    for (b, c) in para.char_indices() {
        let on = marked[b];
        if on != cur_on && !cur.is_empty() {
            runs.push(finish(std::mem::take(&mut cur), cur_on, theme));
        }
        cur_on = on;
        cur.push(c);
    }
    if !cur.is_empty() {
        runs.push(finish(cur, cur_on, theme));
    }
    runs
}

fn finish(s: String, on: bool, theme: &Theme) -> Run<Tag> {
    if on && theme.bracket_answers() {
        Run::new(format!("【{s}】"), Tag::Answer)
    } else if on {
        Run::new(s, Tag::Answer)
    } else {
        Run::new(s, Tag::Plain)
    }
}
