//! Messages into `update` and effects out of it. Keys arrive as `Key` (terminal-independent,
//! so key scripts need no crossterm); results of effects come back as `Msg::Loaded`.
use crate::config::Config;
use crate::deck::DeckId;
use crate::sched::Rating;

use super::data::{
    BrowseData, BrowseQuery, CardDetail, CardRef, HomeData, SessionSummary, StatsData, StudyStep,
};

/// A key press, reduced to what the TUI distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
    Tab,
    BackTab,
    /// Ctrl-C: quit from anywhere (raw mode turns off SIGINT from the keyboard).
    CtrlC,
}

/// A command bound to a key outside text entry (see `keymap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Open,
    Back,
    Quit,
    Help,
    // Home
    StudyAll,
    GoBrowse,
    GoStats,
    GoSettings,
    // Study
    Reveal,
    Rate(Rating),
    /// Space/Enter after reveal: the suggested rating (Good unless a typed check said else).
    Accept,
    Undo,
    Source,
    Suspend,
    Bury,
    ToggleTyped,
    // Browse
    Search,
    CycleState,
    CycleDeck,
    ToggleSort,
    ToggleSuspend,
    // Settings
    Decrease,
    Increase,
}

/// Input to `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Action(Action),
    /// A key while a text field has focus (typed answer, search, a setting).
    Edit(Key),
    /// Bracketed paste: inserted as text, never an Enter.
    Paste(String),
    Resize(u16, u16),
    Loaded(Loaded),
    Failed(String),
    /// SIGTERM/SIGINT/SIGHUP, or the terminal went away.
    Quit,
}

/// Results of effects.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Home(HomeData),
    Step(StudyStep),
    Ended(SessionSummary),
    Browse(BrowseData),
    Detail(Box<CardDetail>),
    Stats(Box<StatsData>),
    /// A browse-screen suspend toggle took effect; reload the list.
    SuspendSet,
    /// Settings saved (to this file, when there is one).
    Saved(Option<std::path::PathBuf>),
}

/// Work for the loop: I/O the pure core cannot do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadHome,
    Start(Option<DeckId>),
    /// `peeked`: the source was opened before the reveal.
    Answer {
        card: CardRef,
        rating: Rating,
        peeked: bool,
    },
    Undo,
    Suspend(CardRef),
    Bury(CardRef),
    EndSession,
    Browse(BrowseQuery),
    Detail(CardRef),
    SetSuspended(CardRef, bool),
    Stats,
    SaveSettings(Box<Config>),
}
