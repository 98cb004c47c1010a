//! Settings: the file `$XDG_CONFIG_HOME/tiankong/config.toml` (else `~/.config/…`), then the
//! environment (`TIANKONG_LANG`, `NO_COLOR`), then command-line flags, in that order of
//! precedence. Each subsystem gets its own small struct. The environment is passed in as a
//! lookup function so resolution is testable without touching the process environment.
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Errors reading or writing the settings file; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// The TOML error carries the line and column of the problem.
    #[error("{path}:{line}:{col}: {msg}")]
    Parse {
        path: String,
        line: usize,
        col: usize,
        msg: String,
    },
    #[error("{path}: {msg}")]
    Invalid { path: String, msg: String },
    #[error("no config folder: neither XDG_CONFIG_HOME nor HOME is set")]
    NoHome,
}

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `zh`, `zh-CN`, `zh_CN.UTF-8`, `cn`, `中文` → Zh; `en…` → En.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") || s == "cn" || s == "中文" {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What the scheduler and the study session need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StudyConfig {
    /// Target probability of recall, 0.70–0.99.
    pub desired_retention: f64,
    /// New cards introduced per day.
    pub new_per_day: u32,
    /// Reviews shown per day.
    pub reviews_per_day: u32,
    /// Exam date `YYYY-MM-DD` for every deck without its own.
    pub exam_date: Option<String>,
    /// Typed answers by default.
    pub typed_answers: bool,
}

impl Default for StudyConfig {
    fn default() -> Self {
        StudyConfig {
            desired_retention: 0.9,
            new_per_day: 20,
            reviews_per_day: 200,
            exam_date: None,
            typed_answers: false,
        }
    }
}

/// What the interface needs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UiConfig {
    pub lang: Lang,
    /// `+-|` borders for terminals that draw box characters two cells wide.
    pub ascii_borders: bool,
    /// Not saved: set from `NO_COLOR` at start-up.
    #[serde(skip)]
    pub no_color: bool,
}

/// The whole settings file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub study: StudyConfig,
    pub ui: UiConfig,
    /// What this run's flags and environment changed: never saved.
    #[serde(skip)]
    pub overrides: Overrides,
}

/// Values set for one run only (`--lang`, `TIANKONG_LANG`): saving writes the file's value
/// back unless the settings screen changed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overrides {
    /// (the file's language, the one this run uses)
    pub lang: Option<(Lang, Lang)>,
}

/// Bounds the settings screen and the loader agree on.
pub const RETENTION_MIN: f64 = 0.70;
pub const RETENTION_MAX: f64 = 0.99;

impl Config {
    /// Parse a settings file's text; `path` only names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let cfg: Config = toml::from_str(text).map_err(|e| {
            let (line, col) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            ConfigError::Parse {
                path: name.clone(),
                line,
                col,
                msg: e.message().to_string(),
            }
        })?;
        cfg.validate()
            .map_err(|msg| ConfigError::Invalid { path: name, msg })?;
        Ok(cfg)
    }

    /// Check ranges and the exam date's shape.
    pub fn validate(&self) -> Result<(), String> {
        let r = self.study.desired_retention;
        if !(RETENTION_MIN..=RETENTION_MAX).contains(&r) {
            return Err(format!(
                "study.desired_retention = {r}: must be between {RETENTION_MIN} and {RETENTION_MAX}"
            ));
        }
        if let Some(d) = &self.study.exam_date {
            if crate::app::day::parse_date(d).is_none() {
                return Err(format!("study.exam_date = {d:?}: expected YYYY-MM-DD"));
            }
        }
        Ok(())
    }

    /// Read the file if it exists; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(source) => Err(ConfigError::Io {
                path: path.display().to_string(),
                source,
            }),
        }
    }

    /// What [`Config::save`] writes: this config without the run's overrides (a language
    /// the settings screen did not change goes back to the file's).
    pub fn to_save(&self) -> Config {
        let mut c = self.clone();
        if let Some((file, run)) = self.overrides.lang {
            if c.ui.lang == run {
                c.ui.lang = file;
            }
        }
        c.overrides = Overrides::default();
        c
    }

    /// Write atomically so a crash never leaves half a file; the file is private (0600 in a
    /// 0700 folder, like the database). Only the settings screen saves.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let io = |source| ConfigError::Io {
            path: path.display().to_string(),
            source,
        };
        let text = toml::to_string_pretty(&self.to_save()).map_err(|e| ConfigError::Invalid {
            path: path.display().to_string(),
            msg: e.to_string(),
        })?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.exists() {
                private_dir(dir).map_err(io)?;
            }
        }
        crate::fsutil::write_atomic(path, &text).map_err(|e| ConfigError::Io {
            path: path.display().to_string(),
            source: std::io::Error::other(e.to_string()),
        })?;
        private_file(path).map_err(io)
    }

    /// Apply the environment and flags on top of the file: `--lang` beats `TIANKONG_LANG` beats
    /// the file; `NO_COLOR` (any non-empty value) turns colour off.
    pub fn apply_overrides(
        &mut self,
        env: &dyn Fn(&str) -> Option<String>,
        lang_flag: Option<&str>,
    ) -> Result<(), String> {
        let file = self.ui.lang;
        if let Some(v) = env("TIANKONG_LANG") {
            if let Some(l) = Lang::parse(&v) {
                self.ui.lang = l;
            }
        }
        if let Some(v) = lang_flag {
            self.ui.lang = Lang::parse(v).ok_or_else(|| format!("--lang {v}: use zh or en"))?;
        }
        if self.ui.lang != file {
            self.overrides.lang = Some((file, self.ui.lang));
        }
        self.ui.no_color = env("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ok(())
    }
}

/// `$XDG_CONFIG_HOME/tiankong/config.toml`, else `$HOME/.config/tiankong/config.toml`.
/// The settings file (when there is one) with the environment and this run's `--lang` on
/// top. Nothing is saved: flags apply to this run only.
pub fn load_for_run(lang_flag: Option<&str>) -> Result<Config, ConfigError> {
    let mut config = match config_path(&process_env) {
        Ok(p) => Config::load(&p)?,
        Err(_) => Config::default(),
    };
    config
        .apply_overrides(&process_env, lang_flag)
        .map_err(|msg| ConfigError::Invalid {
            path: "--lang".to_string(),
            msg,
        })?;
    Ok(config)
}

pub fn config_path(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf, ConfigError> {
    let base = match env("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        Some(x) => PathBuf::from(x),
        None => match env("HOME").filter(|v| !v.is_empty()) {
            Some(h) => PathBuf::from(h).join(".config"),
            None => return Err(ConfigError::NoHome),
        },
    };
    Ok(base.join("tiankong").join("config.toml"))
}

/// The process environment as a lookup, for the edges (cmd/).
pub fn process_env(key: &str) -> Option<String> {
    std::env::var(key).ok()
}

/// `YYYY-MM-DD` → (year, month, day): the one strict parser ([`crate::app::day::parse_date`];
/// `2025-02-31` is refused).
pub use crate::app::day::parse_date;

#[cfg(unix)]
fn private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

#[cfg(unix)]
fn private_file(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn private_file(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn missing_file_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = Config::load(&dir.path().join("none.toml")).unwrap();
        assert_eq!(cfg, Config::default());
        assert_eq!(cfg.study.desired_retention, 0.9);
    }

    #[test]
    fn save_then_load_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/config.toml");
        let mut cfg = Config::default();
        cfg.study.desired_retention = 0.85;
        cfg.study.exam_date = Some("2025-12-20".into());
        cfg.ui.lang = Lang::En;
        cfg.ui.ascii_borders = true;
        cfg.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("desired_retention = 0.85"), "{text}");
        assert!(text.contains("lang = \"en\""), "{text}");
        assert_eq!(Config::load(&path).unwrap(), cfg);
    }

    #[cfg(unix)]
    #[test]
    fn saved_settings_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tiankong/config.toml");
        Config::default().save(&path).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }

    #[test]
    fn a_flag_is_for_this_run_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        // --lang en on a Chinese settings file, another setting changed on the screen.
        let mut cfg = Config::default();
        cfg.apply_overrides(&env_of(&[]), Some("en")).unwrap();
        assert_eq!(cfg.ui.lang, Lang::En);
        cfg.study.new_per_day = 30;
        cfg.save(&path).unwrap();
        let saved = Config::load(&path).unwrap();
        assert_eq!(saved.ui.lang, Lang::Zh, "the flag is not saved");
        assert_eq!(saved.study.new_per_day, 30, "the screen's change is");
        // Without a flag, a language changed on the settings screen is saved.
        let mut cfg2 = Config::load(&path).unwrap();
        cfg2.apply_overrides(&env_of(&[]), None).unwrap();
        cfg2.ui.lang = Lang::En;
        cfg2.save(&path).unwrap();
        assert_eq!(Config::load(&path).unwrap().ui.lang, Lang::En);
    }

    #[test]
    fn an_exam_date_that_does_not_exist_is_refused() {
        let text = "[study]\nexam_date = \"2025-02-31\"\n";
        assert!(Config::parse(text, Path::new("c.toml")).is_err());
        let text = "[study]\nexam_date = \"2025-02-28\"\n";
        assert!(Config::parse(text, Path::new("c.toml")).is_ok());
    }

    #[test]
    fn parse_error_names_line_and_column() {
        let text = "[study]\nnew_per_day = \"many\"\n";
        let err = Config::parse(text, Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.toml:2:15:"), "{err}");
    }

    #[test]
    fn out_of_range_retention_is_rejected() {
        let err = Config::parse("[study]\ndesired_retention = 0.3\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("desired_retention"), "{err}");
        let err = Config::parse("[study]\nexam_date = \"soon\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn flag_beats_env_beats_file() {
        let mut cfg = Config::parse("[ui]\nlang = \"zh\"\n", Path::new("c")).unwrap();
        cfg.apply_overrides(&env_of(&[("TIANKONG_LANG", "en_US.UTF-8")]), None)
            .unwrap();
        assert_eq!(cfg.ui.lang, Lang::En);
        cfg.apply_overrides(&env_of(&[("TIANKONG_LANG", "en")]), Some("zh"))
            .unwrap();
        assert_eq!(cfg.ui.lang, Lang::Zh);
        assert!(cfg.apply_overrides(&env_of(&[]), Some("fr")).is_err());
    }

    #[test]
    fn no_color_needs_a_non_empty_value() {
        let mut cfg = Config::default();
        cfg.apply_overrides(&env_of(&[("NO_COLOR", "")]), None)
            .unwrap();
        assert!(!cfg.ui.no_color);
        cfg.apply_overrides(&env_of(&[("NO_COLOR", "1")]), None)
            .unwrap();
        assert!(cfg.ui.no_color);
    }

    #[test]
    fn config_path_prefers_xdg() {
        let p = config_path(&env_of(&[("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")])).unwrap();
        assert_eq!(p, PathBuf::from("/x/tiankong/config.toml"));
        let p = config_path(&env_of(&[("HOME", "/h")])).unwrap();
        assert_eq!(p, PathBuf::from("/h/.config/tiankong/config.toml"));
        assert!(config_path(&env_of(&[])).is_err());
    }
}
