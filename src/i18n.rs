//! Command-line messages in the user's language. Every user-visible line a command prints
//! goes through [`tr!`] (formatted) or [`t`] (plain), so `--lang` reaches all of them.
//! The TUI keeps its own string table (`tui::strings`).
pub use crate::config::Lang;

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
}
