//! Reading corpus files: which files count as texts, and decoding (UTF-8 or GB18030/GBK).
use std::fs;
use std::path::{Path, PathBuf};

use super::CorpusError;

/// The largest corpus file read (a study text is a few MB at most).
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Expand files and folders into the `.txt` files to read, sorted, without duplicates.
/// Folders are walked recursively; files that are not `.txt` are passed over, and so is a
/// `.txt` file that is a word list (a domain dictionary: `word freq [tag]` lines).
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CorpusError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| CorpusError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        if meta.is_dir() {
            walk(path, &mut out, 0)?;
        } else {
            out.push(path.clone());
        }
    }
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> Result<(), CorpusError> {
    if depth > 8 {
        return Ok(());
    }
    let rd = fs::read_dir(dir).map_err(|e| CorpusError::Io {
        path: dir.display().to_string(),
        message: e.to_string(),
    })?;
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let Ok(meta) = fs::metadata(&p) else { continue };
        if meta.is_dir() {
            walk(&p, out, depth + 1)?;
        } else if meta.is_file()
            && p.extension().and_then(|e| e.to_str()) == Some("txt")
            && !looks_like_dictionary(&p)
        {
            out.push(p);
        }
    }
    Ok(())
}

/// A jieba-style word list (`word freq [tag]` on most lines) is not a study text.
fn looks_like_dictionary(path: &Path) -> bool {
    let Ok(bytes) = fs::read(path) else {
        return false;
    };
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(200).collect();
    if lines.len() < 3 {
        return false;
    }
    let dict_like = lines
        .iter()
        .filter(|l| {
            let mut parts = l.split_whitespace();
            let word = parts.next();
            let freq = parts.next();
            let rest = parts.count();
            word.is_some() && freq.is_some_and(|f| f.parse::<u64>().is_ok()) && rest <= 1
        })
        .count();
    dict_like * 10 >= lines.len() * 8
}

/// Read and decode one file. Empty, binary and undecodable files are errors.
pub fn read_text(path: &Path) -> Result<String, CorpusError> {
    let name = path.display().to_string();
    let meta = fs::metadata(path).map_err(|e| CorpusError::Io {
        path: name.clone(),
        message: e.to_string(),
    })?;
    if !meta.is_file() {
        return Err(CorpusError::NotText {
            path: name,
            reason: "not a regular file".into(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(CorpusError::NotText {
            path: name,
            reason: format!("larger than {} MiB", MAX_FILE_BYTES / (1024 * 1024)),
        });
    }
    let bytes = fs::read(path).map_err(|e| CorpusError::Io {
        path: name.clone(),
        message: e.to_string(),
    })?;
    decode(&bytes).map_err(|reason| CorpusError::NotText { path: name, reason })
}

/// Decode bytes as UTF-8 (BOM tolerated), else GB18030 (which covers GBK and GB2312).
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("the file is empty".into());
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err("UTF-16 is not supported; save the file as UTF-8".into());
    }
    if bytes.contains(&0) {
        return Err("a binary file (it contains NUL bytes), not a text".into());
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let (cow, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                return Err("neither UTF-8 nor GB18030/GBK text".into());
            }
            cow.into_owned()
        }
    };
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control * 100 > text.chars().count().max(1) {
        return Err("a binary file (control characters), not a text".into());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_bom_and_gbk() {
        assert_eq!(decode("\u{feff}第一，".as_bytes()).unwrap(), "第一，");
        let (gbk, _, _) = encoding_rs::GBK.encode("坚持以人民为中心。");
        assert_eq!(decode(&gbk).unwrap(), "坚持以人民为中心。");
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b" \n\n").unwrap_err().contains("empty"));
        assert!(decode(b"ab\0cd").unwrap_err().contains("binary"));
        assert!(decode(&[0xff, 0xff, 0xff, 0x41]).is_err());
    }
}
