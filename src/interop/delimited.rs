//! Separator-delimited records with RFC 4180 quoting, shared by the CSV and the Anki text
//! formats: writing one field, and reading records while keeping where each field starts
//! (`line:col`, 1-based, columns in characters) so import errors point into the file.
//!
//! Reading follows what Anki's importer (the `csv` crate) accepts: a field is quoted only
//! when it starts with `"`; inside it `""` is a quote and newlines are kept; a quote in the
//! middle of an unquoted field is an ordinary character. Blank lines are skipped, and with
//! `comments` so are lines starting with `#` (Anki treats them as comments everywhere).
use std::borrow::Cow;

/// One field of a record and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub line: u32,
    pub col: u32,
}

/// One record (a row): where it starts and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: u32,
    pub fields: Vec<Field>,
}

/// A syntax error in the records, at `line:col`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{col}: {}", message.en)]
pub struct SyntaxError {
    pub line: u32,
    pub col: u32,
    pub message: crate::i18n::Text,
}

/// A field as written: quoted (with `"` doubled) when it contains the separator, a quote, a
/// line break, or starts with `#` (which Anki would take for a comment line).
pub fn quote_field(s: &str, sep: char) -> Cow<'_, str> {
    let needs = s.starts_with('#')
        || s.chars()
            .any(|c| c == sep || c == '"' || c == '\n' || c == '\r');
    if needs {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

/// Read the records of `text` from byte `start` on; `start_line` is the line number of the
/// text at `start`. Line ends are `\n` or `\r\n`.
pub fn read_records(
    text: &str,
    start: usize,
    start_line: u32,
    sep: char,
    comments: bool,
) -> Result<Vec<Record>, SyntaxError> {
    let mut rd = Reader {
        chars: text.get(start..).unwrap_or("").chars().peekable(),
        line: start_line,
        col: 1,
    };
    let mut records = Vec::new();
    loop {
        // At the start of a line.
        match rd.chars.peek() {
            None => break,
            Some('\n') => {
                rd.bump();
                continue;
            }
            Some('\r') => {
                rd.bump();
                continue;
            }
            Some('#') if comments => {
                rd.skip_line();
                continue;
            }
            Some(_) => {}
        }
        let line = rd.line;
        let mut fields = Vec::new();
        loop {
            let (fline, fcol) = (rd.line, rd.col);
            let mut value = String::new();
            if rd.chars.peek() == Some(&'"') {
                rd.bump();
                loop {
                    match rd.bump() {
                        None => {
                            return Err(SyntaxError {
                                line: fline,
                                col: fcol,
                                message: crate::txt!(
                                    "这个带引号的字段没有结束（少了一个 `\"`）",
                                    "this quoted field is never closed (a `\"` is missing)"
                                ),
                            })
                        }
                        Some('"') if rd.chars.peek() == Some(&'"') => {
                            rd.bump();
                            value.push('"');
                        }
                        Some('"') => break,
                        Some(c) => value.push(c),
                    }
                }
                match rd.chars.peek() {
                    None | Some('\n') | Some('\r') => {}
                    Some(&c) if c == sep => {}
                    Some(_) => {
                        return Err(SyntaxError {
                            line: rd.line,
                            col: rd.col,
                            message: crate::txt!(
                                "结束引号后面还有文字（引号字段里的引号要写成 `\"\"`）",
                                "text after a closing quote (write `\"\"` for a quote inside a quoted field)"
                            ),
                        })
                    }
                }
            } else {
                while let Some(&c) = rd.chars.peek() {
                    if c == sep || c == '\n' || c == '\r' {
                        break;
                    }
                    value.push(c);
                    rd.bump();
                }
            }
            fields.push(Field {
                text: value,
                line: fline,
                col: fcol,
            });
            match rd.chars.peek() {
                Some(&c) if c == sep => {
                    rd.bump();
                }
                _ => break,
            }
        }
        records.push(Record { line, fields });
        // End of the record: consume the line break, if any.
        if rd.chars.peek() == Some(&'\r') {
            rd.bump();
        }
        if rd.chars.peek() == Some(&'\n') {
            rd.bump();
        }
    }
    Ok(records)
}

struct Reader<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: u32,
    col: u32,
}

impl Reader<'_> {
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line = self.line.saturating_add(1);
            self.col = 1;
        } else {
            self.col = self.col.saturating_add(1);
        }
        Some(c)
    }

    fn skip_line(&mut self) {
        while let Some(c) = self.bump() {
            if c == '\n' {
                break;
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn texts(r: &Record) -> Vec<&str> {
        r.fields.iter().map(|f| f.text.as_str()).collect()
    }

    #[test]
    fn quoting_only_when_needed() {
        assert_eq!(quote_field("中国式现代化", ','), "中国式现代化");
        assert_eq!(quote_field("a,b", ','), "\"a,b\"");
        assert_eq!(quote_field("a,b", '\t'), "a,b");
        assert_eq!(quote_field("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
        assert_eq!(quote_field("two\nlines", '\t'), "\"two\nlines\"");
        assert_eq!(quote_field("#not a comment", '\t'), "\"#not a comment\"");
    }

    #[test]
    fn reads_quoted_fields_with_positions() {
        let text = "a,\"b,\"\"c\"\"\nd\",e\r\n\n中文,x\n";
        let recs = read_records(text, 0, 1, ',', false).unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(texts(&recs[0]), ["a", "b,\"c\"\nd", "e"]);
        assert_eq!((recs[0].fields[1].line, recs[0].fields[1].col), (1, 3));
        assert_eq!((recs[0].fields[2].line, recs[0].fields[2].col), (2, 4));
        assert_eq!(recs[1].line, 4);
        assert_eq!(texts(&recs[1]), ["中文", "x"]);
        // Columns count characters: x is the fourth character of its line.
        assert_eq!(recs[1].fields[1].col, 4);
    }

    #[test]
    fn comments_and_empty_trailing_fields() {
        let text = "#separator:tab\nx\t\t\n# later comment\ny";
        let recs = read_records(text, 0, 1, '\t', true).unwrap();
        assert_eq!(texts(&recs[0]), ["x", "", ""]);
        assert_eq!(texts(&recs[1]), ["y"]);
        assert_eq!(recs[1].line, 4);
        // Without comment handling the header is a record.
        let recs = read_records(text, 0, 1, '\t', false).unwrap();
        assert_eq!(texts(&recs[0]), ["#separator:tab"]);
    }

    #[test]
    fn quote_inside_unquoted_field_is_literal() {
        let recs = read_records("ab\"c,d\n", 0, 1, ',', false).unwrap();
        assert_eq!(texts(&recs[0]), ["ab\"c", "d"]);
    }

    #[test]
    fn syntax_errors_are_located() {
        let err = read_records("ok\n\"never closed\n", 0, 1, ',', false).unwrap_err();
        assert_eq!((err.line, err.col), (2, 1));
        let err = read_records("\"a\"b,c", 0, 1, ',', false).unwrap_err();
        assert_eq!((err.line, err.col), (1, 4));
    }

    #[test]
    fn start_offset_and_line() {
        let text = "header\nx,y\n";
        let recs = read_records(text, 7, 2, ',', false).unwrap();
        assert_eq!(recs.len(), 1);
        assert_eq!((recs[0].line, recs[0].fields[1].col), (2, 3));
    }

    #[test]
    fn written_fields_read_back() {
        let values = [
            "plain",
            "a,b",
            "q\"uote",
            "multi\nline",
            "#hash",
            "",
            "tab\there",
        ];
        for sep in [',', '\t'] {
            let line: Vec<String> = values
                .iter()
                .map(|v| quote_field(v, sep).into_owned())
                .collect();
            let text = line.join(&sep.to_string()) + "\n";
            let recs = read_records(&text, 0, 1, sep, true).unwrap();
            assert_eq!(recs.len(), 1, "{text:?}");
            assert_eq!(texts(&recs[0]), values, "{text:?}");
        }
    }
}
