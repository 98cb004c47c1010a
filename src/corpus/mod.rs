//! Reading a corpus: files and folders of `.txt` (UTF-8 or GB18030, detected), PDF-extraction
//! repair, and the split into documents and paragraphs that keep their source line numbers.
pub mod read;
pub mod repair;

use std::path::{Path, PathBuf};

pub use repair::normalize;

use crate::i18n::{Lang, Text};

/// Why a corpus could not be read. The reasons are kept in both languages; `Display` is the
/// English one, [`CorpusError::show`] the user's.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: {}", message.en)]
    Io { path: String, message: Text },
    #[error("{path}: {}", reason.en)]
    NotText { path: String, reason: Text },
    #[error("{0}: no .txt files found")]
    NoFiles(String),
}

impl CorpusError {
    /// `path: reason` in `lang`.
    pub fn show(&self, lang: Lang) -> String {
        match self {
            CorpusError::Io { path, message } => format!("{path}: {}", message.get(lang)),
            CorpusError::NotText { path, reason } => format!("{path}: {}", reason.get(lang)),
            CorpusError::NoFiles(paths) => crate::tr!(
                lang,
                "{paths}: 没有找到 .txt 文件",
                "{paths}: no .txt files found"
            ),
        }
    }
}

/// Read every text under `paths` into documents, in file order.
pub fn load(paths: &[PathBuf]) -> Result<Vec<Document>, CorpusError> {
    let files = read::collect_files(paths)?;
    if files.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(CorpusError::NoFiles(names.join(", ")));
    }
    let mut docs = Vec::new();
    for file in files {
        let text = read::read_text(&file)?;
        docs.extend(normalize(&text, &display_path(&file)));
    }
    Ok(docs)
}

/// How a corpus file is named in decks: relative to the working directory when it lies under
/// it, else its file name — never an absolute path of this machine.
pub fn display_path(file: &Path) -> String {
    if file.is_relative() {
        return file.display().to_string();
    }
    let under_cwd = std::env::current_dir()
        .ok()
        .and_then(|cwd| file.strip_prefix(cwd).ok().map(Path::to_path_buf));
    match under_cwd {
        Some(rel) => rel.display().to_string(),
        None => file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}
/// One source document: a title, its `（来源：…）` line, and its paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The corpus file, as given on the command line (relative paths stay relative).
    pub file: String,
    pub title: String,
    /// The publisher named in the `（来源：…）` line, e.g. `《求是》`.
    pub source: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` from the source line (issue numbers like 2024年第10期 give
    /// `2024`; the issue stays in `issue`).
    pub date: Option<String>,
    pub issue: Option<String>,
    /// 1-based line of the title's first line.
    pub line: u32,
    pub paragraphs: Vec<Paragraph>,
}

/// A repaired paragraph and where its text came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub text: String,
    /// `(byte offset into text, 1-based source line)`, ascending by offset: the text from each
    /// offset on came from that line.
    pub line_map: Vec<(usize, u32)>,
}

impl Paragraph {
    /// The 1-based source line of the byte at `offset`.
    pub fn line_at(&self, offset: usize) -> u32 {
        let idx = self.line_map.partition_point(|(o, _)| *o <= offset);
        match idx.checked_sub(1).and_then(|i| self.line_map.get(i)) {
            Some((_, line)) => *line,
            None => self.line_map.first().map(|(_, l)| *l).unwrap_or(0),
        }
    }
    /// The first source line.
    pub fn first_line(&self) -> u32 {
        self.line_map.first().map(|(_, l)| *l).unwrap_or(0)
    }
}
