//! `update(&mut App, Msg) -> Option<Effect>`: every state change of the TUI, no I/O. The loop
//! performs the returned effect and feeds its result back as `Msg::Loaded`/`Msg::Failed`.
use crate::config::{parse_date, Lang, RETENTION_MAX, RETENTION_MIN};
use crate::sched::Rating;

use super::app::{
    App, BrowseScreen, Current, Field, HomeScreen, Screen, SettingsScreen, Stage, StatsScreen,
    StudyScreen, FIELDS,
};
use super::check;
use super::data::StudyStep;
use super::input::{AnswerForm, Edited, LineInput};
use super::msg::{Action, Effect, Key, Loaded, Msg};

const PAGE: usize = 10;

pub fn update(app: &mut App, msg: Msg) -> Option<Effect> {
    match msg {
        Msg::Quit => {
            app.quit = true;
            None
        }
        Msg::Resize(..) => None,
        Msg::Failed(e) => {
            app.error = Some(e);
            if let Screen::Study(s) = &mut app.screen {
                s.busy = false;
            }
            None
        }
        Msg::Action(Action::Quit) => {
            app.quit = true;
            None
        }
        Msg::Action(Action::Help) => {
            app.help = !app.help;
            None
        }
        Msg::Action(a) => {
            app.error = None;
            action(app, a)
        }
        Msg::Edit(k) => {
            app.error = None;
            edit(app, k)
        }
        Msg::Paste(text) => {
            paste(app, &text);
            None
        }
        Msg::Loaded(l) => loaded(app, l),
    }
}

fn go_home(app: &mut App) -> Option<Effect> {
    app.screen = Screen::Home(HomeScreen::default());
    Some(Effect::LoadHome)
}

fn action(app: &mut App, a: Action) -> Option<Effect> {
    let typed_default = app.config.study.typed_answers;
    match &mut app.screen {
        Screen::Home(h) => match a {
            Action::Up => {
                h.selected = h.selected.saturating_sub(1);
                None
            }
            Action::Down => {
                let n = h.data.as_ref().map_or(0, |d| d.decks.len());
                h.selected = (h.selected + 1).min(n.saturating_sub(1));
                None
            }
            Action::Open => {
                let deck = h.data.as_ref()?.decks.get(h.selected)?.id.clone();
                app.screen = Screen::Study(Box::new(StudyScreen {
                    deck: Some(deck.clone()),
                    typed: typed_default,
                    ..Default::default()
                }));
                Some(Effect::Start(Some(deck)))
            }
            Action::StudyAll => {
                app.screen = Screen::Study(Box::new(StudyScreen {
                    typed: typed_default,
                    ..Default::default()
                }));
                Some(Effect::Start(None))
            }
            Action::GoBrowse => {
                let b = BrowseScreen::default();
                let q = b.query.clone();
                app.screen = Screen::Browse(Box::new(b));
                Some(Effect::Browse(q))
            }
            Action::GoStats => {
                app.screen = Screen::Stats(StatsScreen::default());
                Some(Effect::Stats)
            }
            Action::GoSettings => {
                app.screen = Screen::Settings(SettingsScreen::default());
                None
            }
            _ => None,
        },
        Screen::Study(s) => {
            if s.summary.is_some() {
                return match a {
                    Action::Back | Action::Open | Action::Accept | Action::Reveal => go_home(app),
                    _ => None,
                };
            }
            study_action(s, a)
        }
        Screen::Browse(b) => match a {
            Action::Back if b.detail.is_some() => {
                b.detail = None;
                Some(Effect::Browse(b.query.clone()))
            }
            Action::Back => go_home(app),
            _ => browse_action(b, a),
        },
        Screen::Stats(_) => match a {
            Action::Back => go_home(app),
            _ => None,
        },
        Screen::Settings(st) => match a {
            Action::Back => go_home(app),
            Action::Up => {
                st.selected = st.selected.saturating_sub(1);
                None
            }
            Action::Down => {
                st.selected = (st.selected + 1).min(FIELDS.len() - 1);
                None
            }
            Action::Decrease | Action::Increase | Action::Open => {
                let field = FIELDS[st.selected];
                if field == Field::ExamDate && a == Action::Open {
                    st.editing = Some(LineInput::new(
                        app.config.study.exam_date.as_deref().unwrap_or(""),
                    ));
                    st.invalid = None;
                    return None;
                }
                let up = a != Action::Decrease;
                adjust(&mut app.config, field, up);
                st.saved = false;
                Some(Effect::SaveSettings(Box::new(app.config.clone())))
            }
            _ => None,
        },
    }
}

/// Change one setting by one step (or toggle it).
fn adjust(cfg: &mut crate::config::Config, field: Field, up: bool) {
    let s = &mut cfg.study;
    match field {
        Field::Retention => {
            let step = if up { 0.01 } else { -0.01 };
            let v = ((s.desired_retention + step) * 100.0).round() / 100.0;
            s.desired_retention = v.clamp(RETENTION_MIN, RETENTION_MAX);
        }
        Field::NewPerDay => {
            s.new_per_day = if up {
                s.new_per_day.saturating_add(5).min(9999)
            } else {
                s.new_per_day.saturating_sub(5)
            };
        }
        Field::ReviewsPerDay => {
            s.reviews_per_day = if up {
                s.reviews_per_day.saturating_add(50).min(99999)
            } else {
                s.reviews_per_day.saturating_sub(50)
            };
        }
        Field::ExamDate => {}
        Field::Typed => s.typed_answers = !s.typed_answers,
        Field::Lang => {
            cfg.ui.lang = match cfg.ui.lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }
        }
        Field::Ascii => cfg.ui.ascii_borders = !cfg.ui.ascii_borders,
    }
}

fn study_action(s: &mut StudyScreen, a: Action) -> Option<Effect> {
    if s.show_source {
        if matches!(a, Action::Back | Action::Source) {
            s.show_source = false;
        }
        return None;
    }
    match a {
        Action::Back => Some(Effect::EndSession),
        Action::Undo if !s.busy => {
            s.busy = true;
            Some(Effect::Undo)
        }
        Action::ToggleTyped => {
            s.typed = !s.typed;
            if let Some(c) = &mut s.current {
                if c.stage == Stage::Front {
                    c.form = s.typed.then(|| AnswerForm::new(c.card.answers.len()));
                }
            }
            None
        }
        _ => {
            let busy = s.busy;
            let c = s.current.as_mut()?;
            match a {
                Action::Reveal | Action::Accept | Action::Open if c.stage == Stage::Front => {
                    c.stage = Stage::Revealed;
                    c.form = None;
                    None
                }
                Action::Reveal | Action::Accept | Action::Open if !busy => {
                    let rating = c.suggested().unwrap_or(Rating::Good);
                    s.busy = true;
                    Some(Effect::Answer {
                        card: c.card.card,
                        rating,
                        peeked: c.peeked,
                    })
                }
                Action::Rate(rating) if c.stage == Stage::Revealed && !busy => {
                    s.busy = true;
                    Some(Effect::Answer {
                        card: c.card.card,
                        rating,
                        peeked: c.peeked,
                    })
                }
                Action::Source if c.card.source.is_some() => {
                    // Before the reveal the passage gives the answer away: the card is marked
                    // peeked (suggested 重来, and the log keeps it).
                    if c.stage == Stage::Front {
                        c.peeked = true;
                    }
                    s.show_source = true;
                    None
                }
                Action::Suspend if !busy => {
                    s.busy = true;
                    Some(Effect::Suspend(c.card.card))
                }
                Action::Bury if !busy => {
                    s.busy = true;
                    Some(Effect::Bury(c.card.card))
                }
                _ => None,
            }
        }
    }
}

fn browse_action(b: &mut BrowseScreen, a: Action) -> Option<Effect> {
    let n = b.data.rows.len();
    let last = n.saturating_sub(1);
    match a {
        Action::Up => b.selected = b.selected.saturating_sub(1),
        Action::Down => b.selected = (b.selected + 1).min(last),
        Action::PageUp => b.selected = b.selected.saturating_sub(PAGE),
        Action::PageDown => b.selected = (b.selected + PAGE).min(last),
        Action::Open if b.detail.is_none() => {
            return b.data.rows.get(b.selected).map(|r| Effect::Detail(r.card));
        }
        Action::Search => b.search = Some(LineInput::new(&b.query.text)),
        Action::CycleState => {
            b.query.state = b.query.state.next();
            return Some(Effect::Browse(b.query.clone()));
        }
        Action::CycleDeck => {
            let decks = &b.data.decks;
            b.query.deck = match &b.query.deck {
                None => decks.first().map(|d| d.0.clone()),
                Some(cur) => {
                    let i = decks.iter().position(|d| &d.0 == cur);
                    i.and_then(|i| decks.get(i + 1)).map(|d| d.0.clone())
                }
            };
            return Some(Effect::Browse(b.query.clone()));
        }
        Action::ToggleSort => {
            b.query.sort = match b.query.sort {
                super::data::SortBy::Due => super::data::SortBy::Difficulty,
                super::data::SortBy::Difficulty => super::data::SortBy::Due,
            };
            return Some(Effect::Browse(b.query.clone()));
        }
        Action::ToggleSuspend => {
            let row = match &b.detail {
                Some(d) => &d.row,
                None => b.data.rows.get(b.selected)?,
            };
            return Some(Effect::SetSuspended(row.card, !row.suspended));
        }
        _ => {}
    }
    None
}

fn edit(app: &mut App, k: Key) -> Option<Effect> {
    match &mut app.screen {
        Screen::Study(s) => {
            let c = s.current.as_mut()?;
            let form = c.form.as_mut()?;
            match k {
                Key::Esc => {
                    // Leave typing for this session; the keys work again.
                    c.form = None;
                    s.typed = false;
                }
                Key::Tab => {
                    let f = form.focus;
                    let expected = c.card.answers.get(f)?;
                    let line = form.lines.get_mut(f)?;
                    if let Some(h) = check::hint(&line.text, expected) {
                        *line = LineInput::new(&h);
                        form.hints += 1;
                    }
                }
                _ => {
                    if form.key(k) == Edited::Submit {
                        let texts = form.texts();
                        let hints = form.hints;
                        c.check =
                            Some(check::check(&texts, &c.card.answers, c.card.ordered, hints));
                        c.form = None;
                        c.stage = Stage::Revealed;
                    }
                }
            }
            None
        }
        Screen::Browse(b) => {
            let field = b.search.as_mut()?;
            match k {
                Key::Esc => {
                    b.search = None;
                    None
                }
                _ => match field.key(k) {
                    Edited::Submit => {
                        b.search = None;
                        None
                    }
                    Edited::Changed => {
                        b.query.text = field.text.clone();
                        b.selected = 0;
                        Some(Effect::Browse(b.query.clone()))
                    }
                    _ => None,
                },
            }
        }
        Screen::Settings(st) => {
            let field = st.editing.as_mut()?;
            match k {
                Key::Esc => {
                    st.editing = None;
                    st.invalid = None;
                    None
                }
                _ => {
                    if field.key(k) != Edited::Submit {
                        return None;
                    }
                    let text = field.text.trim().to_string();
                    if text.is_empty() {
                        app.config.study.exam_date = None;
                    } else if parse_date(&text).is_some() {
                        app.config.study.exam_date = Some(text);
                    } else {
                        st.invalid = Some(text);
                        return None;
                    }
                    st.editing = None;
                    st.invalid = None;
                    st.saved = false;
                    Some(Effect::SaveSettings(Box::new(app.config.clone())))
                }
            }
        }
        _ => None,
    }
}

fn paste(app: &mut App, text: &str) {
    match &mut app.screen {
        Screen::Study(s) => {
            if let Some(form) = s.current.as_mut().and_then(|c| c.form.as_mut()) {
                form.paste(text);
            }
        }
        Screen::Browse(b) => {
            if let Some(f) = &mut b.search {
                f.insert(text);
                b.query.text = f.text.clone();
            }
        }
        Screen::Settings(st) => {
            if let Some(f) = &mut st.editing {
                f.insert(text);
            }
        }
        _ => {}
    }
}

fn loaded(app: &mut App, l: Loaded) -> Option<Effect> {
    match (&mut app.screen, l) {
        (Screen::Home(h), Loaded::Home(data)) => {
            h.selected = h.selected.min(data.decks.len().saturating_sub(1));
            h.data = Some(data);
            None
        }
        (Screen::Study(s), Loaded::Step(step)) => {
            s.busy = false;
            s.show_source = false;
            match step {
                StudyStep::Card {
                    card,
                    progress,
                    notices,
                } => {
                    if card.typed_default && s.progress.done == 0 && s.current.is_none() {
                        s.typed = true;
                    }
                    let form = s.typed.then(|| AnswerForm::new(card.answers.len()));
                    s.current = Some(Current {
                        card: *card,
                        stage: Stage::Front,
                        form,
                        check: None,
                        peeked: false,
                    });
                    s.progress = progress;
                    s.notices = notices;
                }
                StudyStep::Done { summary, notices } => {
                    s.current = None;
                    // The header counts from the same numbers as the summary.
                    s.progress = summary.left;
                    s.summary = Some(summary);
                    s.notices = notices;
                }
            }
            None
        }
        (Screen::Study(s), Loaded::Ended(summary)) => {
            s.busy = false;
            s.current = None;
            s.progress = summary.left;
            s.summary = Some(summary);
            None
        }
        (Screen::Browse(b), Loaded::Browse(data)) => {
            b.selected = b.selected.min(data.rows.len().saturating_sub(1));
            b.data = data;
            b.loaded = true;
            None
        }
        (Screen::Browse(b), Loaded::Detail(d)) => {
            b.detail = Some(d);
            None
        }
        (Screen::Browse(b), Loaded::SuspendSet) => match &b.detail {
            Some(d) => Some(Effect::Detail(d.row.card)),
            None => Some(Effect::Browse(b.query.clone())),
        },
        (Screen::Stats(st), Loaded::Stats(d)) => {
            st.data = Some(d);
            None
        }
        (Screen::Settings(st), Loaded::Saved(path)) => {
            st.saved = true;
            st.saved_to = path.map(|p| p.display().to_string());
            None
        }
        // A result for a screen the user already left: drop it.
        _ => None,
    }
}
