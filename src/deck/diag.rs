//! Diagnostics about deck files: where (`file:line:col`, 1-based, columns in characters),
//! how bad, and what. Shared by the parser, the filesystem adapter and `tiankong lint`.
//! The message is kept in both languages ([`Text`]); [`Diagnostic::show`] picks the run's.
use std::ops::Range;

use crate::i18n::{Lang, Text};

/// How bad a diagnostic is: an error makes the file unusable, a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The word printed between the position and the message.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        }
    }
}

/// A 1-based line and a 1-based column counted in characters (not bytes, not cells).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// One finding about one file. `line == 0` means the whole file (it could not be read, or
/// it is not a regular file); it is then shown without `:line:col`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: u32,
    pub col: u32,
    pub severity: Severity,
    pub message: Text,
}

impl Diagnostic {
    pub fn at(file: &str, pos: Pos, severity: Severity, message: Text) -> Self {
        Diagnostic {
            file: file.to_string(),
            line: pos.line,
            col: pos.col,
            severity,
            message,
        }
    }

    /// A finding about the whole file (no position).
    pub fn file(file: &str, severity: Severity, message: Text) -> Self {
        Diagnostic {
            file: file.to_string(),
            line: 0,
            col: 0,
            severity,
            message,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Diagnostic {
    /// `file:line:col: severity: message` (or `file: severity: message`) in `lang`. Only the
    /// severity word and the message change with the language; the shape does not, so scripts
    /// can split on `: ` either way.
    pub fn show(&self, lang: Lang) -> String {
        let (sev, msg) = (self.severity.label(lang), self.message.get(lang));
        if self.line == 0 {
            format!("{}: {sev}: {msg}", self.file)
        } else {
            format!("{}:{}:{}: {sev}: {msg}", self.file, self.line, self.col)
        }
    }
}

/// Maps byte offsets of one text to line and character column.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// The position of a byte offset; offsets past the end or inside a character are moved
    /// back to the nearest character boundary so this never panics.
    pub(crate) fn pos(&self, offset: usize) -> Pos {
        let mut off = offset.min(self.text.len());
        while off > 0 && !self.text.is_char_boundary(off) {
            off -= 1;
        }
        let line = match self.starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        let col = self.text.get(start..off).map_or(0, |s| s.chars().count());
        Pos {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
        }
    }

    pub(crate) fn span_pos(&self, span: &Range<usize>) -> Pos {
        self.pos(span.start)
    }
}

/// One line for a failed check: the first error, and how many more there are; `none` when
/// there is no error at all (`invalid deck`, `cannot import`).
pub fn summary(diags: &[Diagnostic], lang: Lang, none: (&'static str, &'static str)) -> String {
    let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
    match errors.as_slice() {
        [] => crate::i18n::t(lang, none.0, none.1).to_string(),
        [one] => one.show(lang),
        [first, rest @ ..] => crate::tr!(
            lang,
            "{}（另有 {} 个错误）",
            "{} (and {} more errors)",
            first.show(lang),
            rest.len()
        ),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let idx = LineIndex::new("ab\n中文x\n\nz");
        assert_eq!(idx.pos(0), Pos { line: 1, col: 1 });
        assert_eq!(idx.pos(2), Pos { line: 1, col: 3 });
        assert_eq!(idx.pos(3), Pos { line: 2, col: 1 });
        // "中文" is 6 bytes: x is the third character of line 2.
        assert_eq!(idx.pos(9), Pos { line: 2, col: 3 });
        // Inside a multi-byte character: moved back to its start.
        assert_eq!(idx.pos(4), Pos { line: 2, col: 1 });
        assert_eq!(idx.pos(11), Pos { line: 3, col: 1 });
        assert_eq!(idx.pos(12), Pos { line: 4, col: 1 });
        assert_eq!(idx.pos(999), Pos { line: 4, col: 2 });
    }

    #[test]
    fn display_with_and_without_position() {
        let bad = crate::txt!("坏了", "bad");
        let d = Diagnostic::at("d.toml", Pos { line: 3, col: 7 }, Severity::Error, bad);
        assert_eq!(d.show(Lang::En), "d.toml:3:7: error: bad");
        assert_eq!(d.show(Lang::Zh), "d.toml:3:7: 错误: 坏了");
        let w = Diagnostic::file("p", Severity::Warning, crate::txt!("已跳过", "skipped"));
        assert_eq!(w.show(Lang::En), "p: warning: skipped");
        assert_eq!(w.show(Lang::Zh), "p: 警告: 已跳过");
    }
}
