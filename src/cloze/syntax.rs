//! The `{{…}}` cloze syntax, read in one place: `{{x}}` a blank of group 1, `{{cN::x}}` group
//! N, a trailing `::hint`. No deck types: the deck linter, the cards, the exporters and the
//! source view all read blanks through here.

/// The blanks of a cloze text in order: (group, answer). `{{x}}` is group 1, `{{cN::x}}`
/// group N; a trailing `::hint` is not part of the answer. Unclosed `{{` is plain text.
pub fn blanks(text: &str) -> Vec<(u32, String)> {
    parse(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Blank { group, answer, .. } => Some((group, answer.to_string())),
            Piece::Text(_) => None,
        })
        .collect()
}

/// A piece of cloze text: plain text or one blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Blank {
        group: u32,
        answer: &'a str,
        hint: Option<&'a str>,
    },
}

/// Cloze text split into text and blanks (the syntax of [`blanks`]).
pub fn parse(text: &str) -> Vec<Piece<'_>> {
    split(text)
        .into_iter()
        .map(|r| match r {
            Raw::Text(t) => Piece::Text(t),
            Raw::Blank(inner) => {
                let (group, body) = group_of(inner).unwrap_or((1, inner));
                let (answer, hint) = match body.split_once("::") {
                    Some((a, h)) => (a, Some(h)),
                    None => (body, None),
                };
                Piece::Blank {
                    group,
                    answer,
                    hint,
                }
            }
        })
        .collect()
}

/// A piece of cloze text before its blanks are read: plain text, or what is between `{{`
/// and `}}` as written (for tools that rewrite blanks and keep the rest byte for byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Raw<'a> {
    Text(&'a str),
    Blank(&'a str),
}

/// Cloze text split at its `{{…}}` pairs; an unclosed `{{` is plain text.
pub fn split(text: &str) -> Vec<Raw<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else { break };
        if open > 0 {
            out.push(Raw::Text(&rest[..open]));
        }
        out.push(Raw::Blank(&after[..close]));
        rest = &after[close + 2..];
    }
    if !rest.is_empty() {
        out.push(Raw::Text(rest));
    }
    out
}

/// A blank's explicit group: `cN::body` → `(N, body)`; `None` when the blank names none.
pub fn group_of(inner: &str) -> Option<(u32, &str)> {
    let (n, body) = inner.strip_prefix('c')?.split_once("::")?;
    if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((n.parse().ok()?, body))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn parse_reads_groups_hints_and_plain_text() {
        let got = parse("甲{{乙}}丙{{c2::丁::提示}}{{c10::戊}}{{未闭合");
        assert_eq!(
            got,
            vec![
                Piece::Text("甲"),
                Piece::Blank {
                    group: 1,
                    answer: "乙",
                    hint: None
                },
                Piece::Text("丙"),
                Piece::Blank {
                    group: 2,
                    answer: "丁",
                    hint: Some("提示")
                },
                Piece::Blank {
                    group: 10,
                    answer: "戊",
                    hint: None
                },
                Piece::Text("{{未闭合"),
            ]
        );
        assert_eq!(
            blanks("甲{{乙}}丙{{c2::丁::提示}}"),
            vec![(1, "乙".to_string()), (2, "丁".to_string())]
        );
        // `cx::` is not a group number: the whole inside is the answer.
        assert_eq!(blanks("{{cx::乙}}"), vec![(1, "cx".to_string())]);
    }
}
