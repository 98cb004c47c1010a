//! The TUI's state: a small `App` holding one screen (an enum, each screen its own struct),
//! the help overlay flag and the settings. Changed only by `update`.
use crate::config::Config;
use crate::deck::DeckId;
use crate::sched::Rating;

use super::check::Check;
use super::data::{
    BrowseData, BrowseQuery, CardDetail, CardToShow, HomeData, Notice, Progress, SessionSummary,
    StatsData,
};
use super::input::{AnswerForm, LineInput};

#[derive(Debug, Clone, PartialEq)]
pub struct App {
    pub config: Config,
    pub screen: Screen,
    pub help: bool,
    /// The last error from the engine, shown on the status line until the next key.
    pub error: Option<String>,
    pub quit: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home(HomeScreen),
    Study(Box<StudyScreen>),
    Browse(Box<BrowseScreen>),
    Stats(StatsScreen),
    Settings(SettingsScreen),
}

/// Which screen, for key tables and help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenKind {
    Home,
    Study,
    Browse,
    Stats,
    Settings,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct HomeScreen {
    /// None until loaded.
    pub data: Option<HomeData>,
    pub selected: usize,
}

/// Front shown, or answer revealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Front,
    Revealed,
}

/// The card on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    pub card: CardToShow,
    pub stage: Stage,
    /// The answer form while typing (typed mode, front).
    pub form: Option<AnswerForm>,
    /// The checked typed answer (revealed).
    pub check: Option<Check>,
    /// The source passage was opened before the reveal: the answer was seen, not recalled.
    pub peeked: bool,
}

impl Current {
    /// The rating Space/Enter gives after the reveal: 重来 after a peek (the answer was read,
    /// not recalled), else the typed check's suggestion, else none (Good).
    pub fn suggested(&self) -> Option<Rating> {
        if self.peeked {
            return Some(Rating::Again);
        }
        self.check.as_ref().map(|k| k.suggested)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct StudyScreen {
    pub deck: Option<DeckId>,
    /// None while the first card loads, and after the session ends.
    pub current: Option<Current>,
    pub progress: Progress,
    pub notices: Vec<Notice>,
    /// Set when the session is over.
    pub summary: Option<SessionSummary>,
    /// Typed-answer mode (toggle `t`).
    pub typed: bool,
    /// The source passage overlay (`o`).
    pub show_source: bool,
    /// An answer is being committed: keys that would grade again are ignored until it lands.
    pub busy: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct BrowseScreen {
    pub query: BrowseQuery,
    pub data: BrowseData,
    pub selected: usize,
    /// The search field while `/` is active.
    pub search: Option<LineInput>,
    pub detail: Option<Box<CardDetail>>,
    pub loaded: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatsScreen {
    pub data: Option<Box<StatsData>>,
}

/// One line of the settings screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Retention,
    NewPerDay,
    ReviewsPerDay,
    ExamDate,
    Typed,
    Lang,
    Ascii,
}

pub const FIELDS: [Field; 7] = [
    Field::Retention,
    Field::NewPerDay,
    Field::ReviewsPerDay,
    Field::ExamDate,
    Field::Typed,
    Field::Lang,
    Field::Ascii,
];

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SettingsScreen {
    pub selected: usize,
    /// Editing the exam date.
    pub editing: Option<LineInput>,
    /// A rejected value, shown under the list.
    pub invalid: Option<String>,
    pub saved: bool,
    /// Where the settings were saved (shown under the list).
    pub saved_to: Option<String>,
}

impl App {
    /// A fresh app on the home screen (the loop then runs `Effect::LoadHome`).
    pub fn new(config: Config) -> App {
        App {
            config,
            screen: Screen::Home(HomeScreen::default()),
            help: false,
            error: None,
            quit: false,
        }
    }

    pub fn kind(&self) -> ScreenKind {
        match &self.screen {
            Screen::Home(_) => ScreenKind::Home,
            Screen::Study(_) => ScreenKind::Study,
            Screen::Browse(_) => ScreenKind::Browse,
            Screen::Stats(_) => ScreenKind::Stats,
            Screen::Settings(_) => ScreenKind::Settings,
        }
    }

    /// True when keys go to a text field rather than the key table.
    pub fn text_focus(&self) -> bool {
        match &self.screen {
            Screen::Study(s) => {
                s.summary.is_none()
                    && !s.show_source
                    && s.current.as_ref().is_some_and(|c| c.form.is_some())
            }
            Screen::Browse(b) => b.search.is_some(),
            Screen::Settings(s) => s.editing.is_some(),
            _ => false,
        }
    }
}
