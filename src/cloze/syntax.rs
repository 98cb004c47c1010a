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
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else { break };
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        let inner = &after[..close];
        let (group, body) = match inner.strip_prefix('c').and_then(|s| s.split_once("::")) {
            Some((n, body)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
                (n.parse().unwrap_or(1), body)
            }
            _ => (1, inner),
        };
        let (answer, hint) = match body.split_once("::") {
            Some((a, h)) => (a, Some(h)),
            None => (body, None),
        };
        out.push(Piece::Blank {
            group,
            answer,
            hint,
        });
        rest = &after[close + 2..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
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
