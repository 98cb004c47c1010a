//! Command-line messages in the user's language. Every user-visible line a command prints
//! goes through [`tr!`] (formatted) or [`t`] (plain), so `--lang` reaches all of them.
//! The TUI keeps its own string table (`tui::strings`). Pure code that cannot know the run's
//! language (the deck checker, the importer, the corpus reader) returns a [`Text`] holding both
//! languages, built with [`txt!`]; the edge that prints it picks one with [`Text::get`].
pub use crate::config::Lang;

/// A message written in both languages, chosen when it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// The same text in both languages (a path, a library's own message).
    pub fn same(s: impl Into<String>) -> Self {
        let s = s.into();
        Text {
            zh: s.clone(),
            en: s,
        }
    }
}

/// The plain message for `lang`.
pub fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// `tr!(lang, "中文 {x}", "English {x}")`: `format!` of the text in `lang`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::config::Lang::Zh => format!($zh $(, $arg)*),
            $crate::config::Lang::En => format!($en $(, $arg)*),
        }
    };
}

/// The English word for `n` things (Chinese has no plural).
pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Why a file operation failed, in words a user knows; other errors keep the system's text.
pub fn io_reason(e: &std::io::Error) -> Text {
    match e.kind() {
        std::io::ErrorKind::NotFound => Text {
            zh: "没有这个文件或文件夹".into(),
            en: "no such file or folder".into(),
        },
        std::io::ErrorKind::PermissionDenied => Text {
            zh: "没有权限".into(),
            en: "permission denied".into(),
        },
        _ => Text::same(e.to_string()),
    }
}

/// `txt!("中文 {x}", "English {x}")`: a [`Text`] with both texts formatted.
#[macro_export]
macro_rules! txt {
    ($zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        $crate::i18n::Text {
            zh: format!($zh $(, $arg)*),
            en: format!($en $(, $arg)*),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_language() {
        assert_eq!(t(Lang::Zh, "卡组", "decks"), "卡组");
        assert_eq!(t(Lang::En, "卡组", "decks"), "decks");
        let n = 3;
        assert_eq!(tr!(Lang::Zh, "{n} 张", "{n} cards"), "3 张");
        assert_eq!(tr!(Lang::En, "{} 张", "{} cards", n), "3 cards");
    }

    #[test]
    fn text_keeps_both_languages() {
        let n = 2;
        let m = txt!("{} 个错误", "{} errors", n);
        assert_eq!(m.get(Lang::Zh), "2 个错误");
        assert_eq!(m.get(Lang::En), "2 errors");
        assert_eq!(Text::same("a.toml").get(Lang::Zh), "a.toml");
    }
}
