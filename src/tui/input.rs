//! A one-line text field with a cursor (in chars), and a multi-line answer form built from
//! them. Pure; the view puts the real terminal cursor at `cursor_cells()`.
use super::msg::Key;
use super::text::{sanitize, width};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineInput {
    pub text: String,
    /// Cursor position in chars.
    pub cursor: usize,
}

/// What a key did to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    Changed,
    Moved,
    /// Enter.
    Submit,
    /// A key the field does not use (Up, Down, Tab, Esc…).
    Ignored,
}

impl LineInput {
    pub fn new(text: &str) -> Self {
        LineInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Insert text at the cursor; control characters and line breaks are dropped (a paste
    /// into a one-line field never submits).
    pub fn insert(&mut self, s: &str) {
        let clean: String = sanitize(s).chars().filter(|c| *c != '\u{0}').collect();
        let b = self.byte_at(self.cursor);
        self.text.insert_str(b, &clean);
        self.cursor += clean.chars().count();
    }

    pub fn key(&mut self, key: Key) -> Edited {
        let len = self.text.chars().count();
        match key {
            Key::Char(c) => {
                self.insert(&c.to_string());
                Edited::Changed
            }
            Key::Backspace if self.cursor > 0 => {
                let b = self.byte_at(self.cursor - 1);
                self.text.remove(b);
                self.cursor -= 1;
                Edited::Changed
            }
            Key::Delete if self.cursor < len => {
                let b = self.byte_at(self.cursor);
                self.text.remove(b);
                Edited::Changed
            }
            Key::Left if self.cursor > 0 => {
                self.cursor -= 1;
                Edited::Moved
            }
            Key::Right if self.cursor < len => {
                self.cursor += 1;
                Edited::Moved
            }
            Key::Home => {
                self.cursor = 0;
                Edited::Moved
            }
            Key::End => {
                self.cursor = len;
                Edited::Moved
            }
            Key::Enter => Edited::Submit,
            Key::Backspace | Key::Delete | Key::Left | Key::Right => Edited::Moved,
            _ => Edited::Ignored,
        }
    }

    /// Cells from the start of the text to the cursor.
    pub fn cursor_cells(&self) -> usize {
        width(&self.text.chars().take(self.cursor).collect::<String>())
    }
}

/// The typed-answer form: one line per answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnswerForm {
    pub lines: Vec<LineInput>,
    pub focus: usize,
    pub hints: u32,
}

impl AnswerForm {
    pub fn new(n: usize) -> Self {
        AnswerForm {
            lines: vec![LineInput::default(); n.max(1)],
            focus: 0,
            hints: 0,
        }
    }

    pub fn texts(&self) -> Vec<String> {
        self.lines.iter().map(|l| l.text.clone()).collect()
    }

    /// Enter on the last line submits; elsewhere it moves down.
    pub fn key(&mut self, key: Key) -> Edited {
        match key {
            Key::Up | Key::BackTab if self.focus > 0 => {
                self.focus -= 1;
                Edited::Moved
            }
            Key::Down if self.focus + 1 < self.lines.len() => {
                self.focus += 1;
                Edited::Moved
            }
            Key::Enter if self.focus + 1 < self.lines.len() => {
                self.focus += 1;
                Edited::Moved
            }
            Key::Up | Key::Down | Key::BackTab => Edited::Moved,
            k => match self.lines.get_mut(self.focus) {
                Some(l) => l.key(k),
                None => Edited::Ignored,
            },
        }
    }

    /// A paste fills the focused line and, for several lines of pasted text, the lines below.
    /// It never submits.
    pub fn paste(&mut self, s: &str) {
        let parts: Vec<&str> = s
            .split(['\n', '\r'])
            .filter(|p| !p.trim().is_empty())
            .collect();
        for (k, part) in parts.iter().enumerate() {
            let idx = (self.focus + k).min(self.lines.len().saturating_sub(1));
            if let Some(l) = self.lines.get_mut(idx) {
                l.insert(part);
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn editing_moves_by_chars_and_counts_cells() {
        let mut f = LineInput::default();
        for c in "共同富裕".chars() {
            f.key(Key::Char(c));
        }
        assert_eq!(f.cursor, 4);
        assert_eq!(f.cursor_cells(), 8);
        f.key(Key::Left);
        f.key(Key::Backspace);
        assert_eq!(f.text, "共同裕");
        assert_eq!(f.cursor_cells(), 4);
        f.key(Key::Char('富'));
        assert_eq!(f.text, "共同富裕");
        f.key(Key::Home);
        f.key(Key::Delete);
        assert_eq!(f.text, "同富裕");
        assert_eq!(f.key(Key::Enter), Edited::Submit);
    }

    #[test]
    fn paste_never_submits_and_strips_escapes() {
        let mut form = AnswerForm::new(2);
        form.paste("甲\x1b[2J\n乙\n");
        assert_eq!(form.texts(), vec!["甲[2J", "乙"]);
        let mut one = AnswerForm::new(1);
        one.paste("a\nb\n");
        assert_eq!(one.texts(), vec!["ab"]);
    }

    #[test]
    fn enter_moves_down_then_submits() {
        let mut form = AnswerForm::new(2);
        assert_eq!(form.key(Key::Enter), Edited::Moved);
        assert_eq!(form.focus, 1);
        assert_eq!(form.key(Key::Enter), Edited::Submit);
        assert_eq!(form.key(Key::Up), Edited::Moved);
        assert_eq!(form.focus, 0);
    }
}
