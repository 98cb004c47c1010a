//! Reading corpus files: which files count as texts, and decoding (UTF-8 or GB18030/GBK).
use std::fs;
use std::path::{Path, PathBuf};

use super::CorpusError;
use crate::i18n::{io_reason, Text};
use crate::txt;

/// The largest corpus file read (a study text is a few MB at most).
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Expand files and folders into the `.txt` files to read, sorted, without duplicates.
/// Folders are walked recursively; files that are not `.txt` are passed over, and so is a
/// `.txt` file that is a word list (a domain dictionary: `word freq [tag]` lines). Documents
/// an instructor may drop in by mistake (PDF, Word, images: [`DOCUMENT_EXTENSIONS`]) are kept,
/// so that [`read_text`] refuses them by name with a hint instead of passing them over.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CorpusError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| CorpusError::Io {
            path: path.display().to_string(),
            message: io_text(&e),
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
        message: io_text(&e),
    })?;
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let Ok(meta) = fs::metadata(&p) else { continue };
        if meta.is_dir() {
            walk(&p, out, depth + 1)?;
        } else if meta.is_file() {
            let ext = p
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            let doc = ext
                .as_deref()
                .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e));
            if doc || (ext.as_deref() == Some("txt") && !looks_like_dictionary(&p)) {
                out.push(p);
            }
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
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(200)
        .collect();
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

/// Extensions of documents that are not plain text but may sit in a corpus folder.
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "pdf", "doc", "docx", "wps", "odt", "rtf", "epub", "png", "jpg", "jpeg", "gif", "tif", "tiff",
    "webp", "bmp", "heic", "caj", "zip",
];

/// What a file is by its first bytes, when it is a known non-text format: the reason to give
/// and how to get text out of it.
fn not_text_signature(bytes: &[u8]) -> Option<Text> {
    // (signature, Chinese, English)
    const SIGNATURES: &[(&[u8], &str, &str)] = &[
        (b"%PDF-", "这是 PDF 文件，不是文本：请先提取文字，例如 `pdftotext -layout FILE.pdf FILE.txt`", "a PDF file, not a text: extract its text first, e.g. `pdftotext -layout FILE.pdf FILE.txt`"),
        (b"PK\x03\x04", "这是 Word（.docx）、WPS 或其他压缩格式的文档，不是文本：请另存为纯文本（UTF-8 .txt），或用 `pandoc FILE.docx -t plain -o FILE.txt`", "a Word (.docx), WPS or other zipped document, not a text: save it as plain text (UTF-8 .txt), or `pandoc FILE.docx -t plain -o FILE.txt`"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "这是旧版 Word（.doc）或 WPS 文档，不是文本：请另存为纯文本（UTF-8 .txt），或用 `antiword FILE.doc > FILE.txt`", "an old Word (.doc) or WPS document, not a text: save it as plain text (UTF-8 .txt), or `antiword FILE.doc > FILE.txt`"),
        (b"{\\rtf", "这是 RTF 文档，不是文本：请另存为纯文本（UTF-8 .txt）", "an RTF document, not a text: save it as plain text (UTF-8 .txt)"),
        (b"\x89PNG", "这是 PNG 图片，不是文本：请先做文字识别，例如 `tesseract FILE.png FILE -l chi_sim`", "a PNG image, not a text: run OCR on it first, e.g. `tesseract FILE.png FILE -l chi_sim`"),
        (b"\xFF\xD8\xFF", "这是 JPEG 图片，不是文本：请先做文字识别，例如 `tesseract FILE.jpg FILE -l chi_sim`", "a JPEG image, not a text: run OCR on it first, e.g. `tesseract FILE.jpg FILE -l chi_sim`"),
        (b"GIF8", "这是 GIF 图片，不是文本", "a GIF image, not a text"),
        (b"II*\0", "这是 TIFF 图片，不是文本：请先做文字识别（`tesseract`）", "a TIFF image, not a text: run OCR on it first (`tesseract`)"),
        (b"MM\0*", "这是 TIFF 图片，不是文本：请先做文字识别（`tesseract`）", "a TIFF image, not a text: run OCR on it first (`tesseract`)"),
        (b"BM", "这是 BMP 图片，不是文本", "a BMP image, not a text"),
    ];
    let head = bytes.get(..16).unwrap_or(bytes);
    if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return Some(txt!("这是 WebP 图片，不是文本", "a WebP image, not a text"));
    }
    SIGNATURES
        .iter()
        .find(|(sig, _, _)| {
            head.starts_with(sig) && !(*sig == b"BM" && std::str::from_utf8(bytes).is_ok())
        })
        .map(|(_, zh, en)| Text {
            zh: (*zh).to_string(),
            en: (*en).to_string(),
        })
}

/// Why a corpus file could not be read: in Chinese in plain words, in English the system's own
/// text as before (`No such file or directory (os error 2)`).
fn io_text(e: &std::io::Error) -> Text {
    Text {
        zh: io_reason(e).zh,
        en: e.to_string(),
    }
}

/// Read and decode one file. Empty, binary and undecodable files are errors.
pub fn read_text(path: &Path) -> Result<String, CorpusError> {
    let name = path.display().to_string();
    let meta = fs::metadata(path).map_err(|e| CorpusError::Io {
        path: name.clone(),
        message: io_text(&e),
    })?;
    if !meta.is_file() {
        return Err(CorpusError::NotText {
            path: name,
            reason: txt!("不是普通文件", "not a regular file"),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(CorpusError::NotText {
            path: name,
            reason: {
                let mib = MAX_FILE_BYTES / (1024 * 1024);
                txt!("文件大于 {mib} MiB", "larger than {mib} MiB")
            },
        });
    }
    let bytes = fs::read(path).map_err(|e| CorpusError::Io {
        path: name.clone(),
        message: io_text(&e),
    })?;
    decode(&bytes).map_err(|reason| CorpusError::NotText { path: name, reason })
}

/// Decode bytes as UTF-8 (BOM tolerated), else GB18030 (which covers GBK and GB2312).
pub fn decode(bytes: &[u8]) -> Result<String, Text> {
    // By signature first: a PDF without NUL bytes would otherwise decode as (odd) text.
    if let Some(why) = not_text_signature(bytes) {
        return Err(why);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(txt!("文件是空的", "the file is empty"));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(txt!(
            "不支持 UTF-16 编码；请把文件另存为 UTF-8",
            "UTF-16 is not supported; save the file as UTF-8"
        ));
    }
    if bytes.contains(&0) {
        return Err(txt!(
            "这是二进制文件（含有 NUL 字节），不是文本",
            "a binary file (it contains NUL bytes), not a text"
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let (cow, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                return Err(txt!(
                    "既不是 UTF-8 也不是 GB18030/GBK 编码的文本",
                    "neither UTF-8 nor GB18030/GBK text"
                ));
            }
            cow.into_owned()
        }
    };
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control * 100 > text.chars().count().max(1) {
        return Err(txt!(
            "这是二进制文件（控制字符太多），不是文本",
            "a binary file (control characters), not a text"
        ));
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
        assert!(decode(b"").unwrap_err().en.contains("empty"));
        assert!(decode(b" \n\n").unwrap_err().en.contains("empty"));
        assert!(decode(b"ab\0cd").unwrap_err().en.contains("binary"));
        // Both languages are there for the edge to pick.
        assert_eq!(decode(b"").unwrap_err().zh, "文件是空的");
        assert!(decode(b"ab\0cd").unwrap_err().zh.contains("二进制"));
        assert!(decode(&[0xff, 0xff, 0xff, 0x41]).is_err());
    }

    #[test]
    fn refuses_documents_by_signature_with_a_hint() {
        // A PDF whose bytes are all text (no NUL, valid UTF-8) is still a PDF.
        let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n\xe4\xb8\xad\n";
        assert!(decode(pdf).unwrap_err().en.contains("pdftotext -layout"));
        let docx = b"PK\x03\x04\x14\x00\x06\x00word/document.xml";
        assert!(decode(docx).unwrap_err().en.contains("Word"));
        let doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest";
        assert!(decode(doc).unwrap_err().en.contains(".doc"));
        assert!(decode(b"\x89PNG\r\n\x1a\nIHDR")
            .unwrap_err()
            .en
            .contains("PNG"));
        assert!(decode(b"\xFF\xD8\xFF\xE0JFIF")
            .unwrap_err()
            .en
            .contains("JPEG"));
        assert!(decode(b"{\\rtf1\\ansi hello}")
            .unwrap_err()
            .en
            .contains("RTF"));
        // Text that happens to start like a signature is still text.
        assert_eq!(decode("BM是缩写。".as_bytes()).unwrap(), "BM是缩写。");
        assert_eq!(decode("PDF 文件".as_bytes()).unwrap(), "PDF 文件");
    }
}
