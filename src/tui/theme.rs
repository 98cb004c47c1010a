//! Styles by role, in 16 colours, or none at all under `NO_COLOR` (then also no bold: the
//! views mark selection with `>` and revealed answers with 【】 so nothing depends on style).
//! Also the border set: box drawing, or ASCII for terminals that draw it two cells wide.
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;
use ratatui::widgets::{Block, BorderType, Borders};

use crate::config::UiConfig;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
}

/// `+-|` borders.
pub const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    pub fn from_config(ui: &UiConfig) -> Theme {
        Theme {
            color: !ui.no_color,
            ascii: ui.ascii_borders,
        }
    }

    fn c(&self, s: Style) -> Style {
        if self.color {
            s
        } else {
            Style::default()
        }
    }

    pub fn base(&self) -> Style {
        Style::default()
    }
    pub fn title(&self) -> Style {
        self.c(Style::default()
            .fg(Color::Cyan)
            .add_modifier(Modifier::BOLD))
    }
    pub fn selected(&self) -> Style {
        self.c(Style::default().add_modifier(Modifier::REVERSED))
    }
    pub fn dim(&self) -> Style {
        self.c(Style::default().fg(Color::DarkGray))
    }
    pub fn key(&self) -> Style {
        self.c(Style::default().fg(Color::Cyan))
    }
    pub fn blank(&self) -> Style {
        self.c(Style::default().fg(Color::Yellow))
    }
    pub fn answer(&self) -> Style {
        self.c(Style::default()
            .fg(Color::Green)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED))
    }
    pub fn right(&self) -> Style {
        self.c(Style::default().fg(Color::Green))
    }
    pub fn wrong(&self) -> Style {
        self.c(Style::default()
            .fg(Color::Red)
            .add_modifier(Modifier::UNDERLINED))
    }
    pub fn notice(&self) -> Style {
        self.c(Style::default().fg(Color::Yellow))
    }
    pub fn error(&self) -> Style {
        self.c(Style::default().fg(Color::Red).add_modifier(Modifier::BOLD))
    }
    pub fn rating(&self, n: u8) -> Style {
        let fg = match n {
            1 => Color::Red,
            2 => Color::Yellow,
            3 => Color::Green,
            _ => Color::Blue,
        };
        self.c(Style::default().fg(fg))
    }
    /// Heatmap level 0..=4.
    pub fn heat(&self, level: u8) -> Style {
        let fg = match level {
            0 => Color::DarkGray,
            1 => Color::Green,
            2 => Color::Green,
            3 => Color::LightGreen,
            _ => Color::LightGreen,
        };
        self.c(Style::default().fg(fg))
    }
    /// Revealed answers get brackets when there is no colour to show them.
    pub fn bracket_answers(&self) -> bool {
        !self.color
    }

    /// A bordered block with the right border set.
    pub fn block<'a>(&self, title: impl Into<ratatui::text::Line<'a>>) -> Block<'a> {
        let b = Block::default()
            .borders(Borders::ALL)
            .title(title)
            .title_style(self.title());
        if self.ascii {
            b.border_set(ASCII_BORDER)
        } else {
            b.border_type(BorderType::Plain)
        }
    }
}
