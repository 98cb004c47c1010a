//! Keys to messages. One table per screen; the help overlay is drawn from the same tables so
//! it cannot drift from what the keys do. Text fields (typed answers, search, a setting)
//! take keys directly as `Msg::Edit`.
use crate::sched::Rating;

use super::app::{App, ScreenKind};
use super::msg::{Action, Key, Msg};
use super::strings::S;

/// One binding: the keys, how help shows them, what they do, what help says.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub label: &'static str,
    pub action: Action,
    pub help: S,
}

const fn b(keys: &'static [Key], label: &'static str, action: Action, help: S) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
    }
}

use Key::Char as C;

const COMMON_TAIL: [Binding; 3] = [
    b(&[C('?')], "?", Action::Help, S::HelpKey),
    b(&[Key::Esc], "Esc", Action::Back, S::BackKey),
    b(&[C('q')], "q", Action::Quit, S::QuitKey),
];

pub const HOME: &[Binding] = &[
    b(&[Key::Up, C('k')], "↑ k", Action::Up, S::MoveUp),
    b(&[Key::Down, C('j')], "↓ j", Action::Down, S::MoveDown),
    b(&[Key::Enter], "Enter", Action::Open, S::StudyDeck),
    b(&[C('a')], "a", Action::StudyAll, S::StudyAllKey),
    b(&[C('b'), C('/')], "b /", Action::GoBrowse, S::BrowseKey),
    b(&[C('s')], "s", Action::GoStats, S::StatsKey),
    b(&[C('c'), C(',')], "c ,", Action::GoSettings, S::SettingsKey),
    COMMON_TAIL[0],
    COMMON_TAIL[2],
];

pub const STUDY: &[Binding] = &[
    b(&[C(' ')], "Space", Action::Reveal, S::RevealKey),
    b(&[C('1')], "1", Action::Rate(Rating::Again), S::RateAgainKey),
    b(&[C('2')], "2", Action::Rate(Rating::Hard), S::RateHardKey),
    b(&[C('3')], "3", Action::Rate(Rating::Good), S::RateGoodKey),
    b(&[C('4')], "4", Action::Rate(Rating::Easy), S::RateEasyKey),
    b(&[Key::Enter], "Enter", Action::Accept, S::AcceptKey),
    b(&[C('u')], "u", Action::Undo, S::UndoKey),
    b(&[C('o')], "o", Action::Source, S::SourceKey),
    b(&[C('s')], "s", Action::Suspend, S::SuspendKey),
    b(&[C('b')], "b", Action::Bury, S::BuryKey),
    b(&[C('t')], "t", Action::ToggleTyped, S::TypedKey),
    COMMON_TAIL[0],
    COMMON_TAIL[1],
    COMMON_TAIL[2],
];

/// Shown in help for the study screen while typing (not a key table: keys go to the field).
pub const TYPING_HELP: &[(&str, S)] = &[
    ("Enter", S::TypingEnter),
    ("↑ ↓", S::TypingLines),
    ("Tab", S::TypingHint),
    ("Esc", S::TypingEsc),
];

pub const BROWSE: &[Binding] = &[
    b(&[Key::Up, C('k')], "↑ k", Action::Up, S::MoveUp),
    b(&[Key::Down, C('j')], "↓ j", Action::Down, S::MoveDown),
    b(&[Key::PageUp], "PgUp", Action::PageUp, S::PageUpKey),
    b(&[Key::PageDown], "PgDn", Action::PageDown, S::PageDownKey),
    b(&[Key::Enter], "Enter", Action::Open, S::DetailKey),
    b(&[C('/')], "/", Action::Search, S::SearchKey),
    b(&[C('f')], "f", Action::CycleState, S::FilterStateKey),
    b(&[C('d')], "d", Action::CycleDeck, S::FilterDeckKey),
    b(&[C('o')], "o", Action::ToggleSort, S::SortKey),
    b(&[C('s')], "s", Action::ToggleSuspend, S::SuspendToggleKey),
    COMMON_TAIL[0],
    COMMON_TAIL[1],
    COMMON_TAIL[2],
];

pub const STATS: &[Binding] = &[COMMON_TAIL[0], COMMON_TAIL[1], COMMON_TAIL[2]];

pub const SETTINGS: &[Binding] = &[
    b(&[Key::Up, C('k')], "↑ k", Action::Up, S::MoveUp),
    b(&[Key::Down, C('j')], "↓ j", Action::Down, S::MoveDown),
    b(
        &[Key::Left, C('h'), C('-')],
        "← h",
        Action::Decrease,
        S::DecreaseKey,
    ),
    b(
        &[Key::Right, C('l'), C('+')],
        "→ l",
        Action::Increase,
        S::IncreaseKey,
    ),
    b(&[Key::Enter, C(' ')], "Enter", Action::Open, S::EditKey),
    COMMON_TAIL[0],
    COMMON_TAIL[1],
    COMMON_TAIL[2],
];

pub fn table(kind: ScreenKind) -> &'static [Binding] {
    match kind {
        ScreenKind::Home => HOME,
        ScreenKind::Study => STUDY,
        ScreenKind::Browse => BROWSE,
        ScreenKind::Stats => STATS,
        ScreenKind::Settings => SETTINGS,
    }
}

/// The message for a key in the app's current state.
pub fn map_key(app: &App, key: Key) -> Option<Msg> {
    if key == Key::CtrlC {
        return Some(Msg::Action(Action::Quit));
    }
    if app.help {
        // Any of these closes help; other keys are swallowed so help never grades a card.
        return match key {
            Key::Esc | Key::Enter | C('?') | C('q') | C(' ') => Some(Msg::Action(Action::Help)),
            _ => None,
        };
    }
    if app.text_focus() {
        return Some(Msg::Edit(key));
    }
    table(app.kind())
        .iter()
        .find(|bd| bd.keys.contains(&key))
        .map(|bd| Msg::Action(bd.action))
}
