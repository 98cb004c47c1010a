//! Document structure: the heading path above every paragraph (一、 › （一）), so a list knows
//! the section it belongs to and a card can show it as context.
use super::markers::{marker_at, Family};

/// A heading is a short line of its own (`四、构建新发展格局要把握好几个重要着力点`), or the
/// first sentence of a numbered paragraph (`（一）指导思想。以…`) when that sentence is short.
const HEADING_MAX: usize = 40;

/// One heading: its outline level (0 for 一、, 1 for （一）) and its text with the marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    /// The heading without its marker (`构建新发展格局要把握好几个重要着力点`).
    pub body: String,
    /// Index of the heading's paragraph.
    pub para: usize,
}

/// The heading a paragraph opens with, if it is one.
pub fn heading_of(chars: &[char], para: usize) -> Option<Heading> {
    let m = marker_at(chars, 0, true)?;
    let level = match m.family {
        Family::Heading => 0,
        Family::Paren => 1,
        _ => return None,
    };
    let end = chars
        .iter()
        .position(|c| matches!(c, '。' | '！' | '？' | '：'))
        .unwrap_or(chars.len());
    if end > HEADING_MAX || end <= m.len {
        return None;
    }
    Some(Heading {
        level,
        text: chars[..end].iter().collect(),
        body: chars[m.len..end].iter().collect(),
        para,
    })
}

/// For every paragraph, the headings above it, outermost first (a heading paragraph's own path
/// holds only its ancestors).
pub fn heading_paths<T: AsRef<[char]>>(paras: &[T]) -> Vec<Vec<Heading>> {
    let mut out = Vec::with_capacity(paras.len());
    let mut cur: Vec<Heading> = Vec::new();
    for (i, chars) in paras.iter().enumerate() {
        let h = heading_of(chars.as_ref(), i);
        if let Some(h) = &h {
            cur.retain(|x| x.level < h.level);
        }
        out.push(cur.clone());
        if let Some(h) = h {
            cur.push(h);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_outline() {
        let paras: Vec<Vec<char>> = [
            "导语。",
            "一、形势背景",
            "正文一。",
            "二、总体要求",
            "（一）指导思想。以习近平新时代中国特色社会主义思想为指导。",
            "（二）主要目标",
            "到2025年，质量整体水平进一步全面提高。",
            "三、推动经济质量效益型发展",
            "（三）增强质量发展创新动能。建立质量创新体系。",
        ]
        .iter()
        .map(|s| s.chars().collect())
        .collect();
        let p = heading_paths(&paras);
        let texts = |i: usize| p[i].iter().map(|h| h.text.as_str()).collect::<Vec<_>>();
        assert!(texts(0).is_empty());
        assert_eq!(texts(2), ["一、形势背景"]);
        assert_eq!(texts(5), ["二、总体要求"]);
        assert_eq!(texts(6), ["二、总体要求", "（二）主要目标"]);
        // A new 一、 section closes the （一） above it.
        assert_eq!(texts(8), ["三、推动经济质量效益型发展"]);
        assert_eq!(p[6][1].body, "主要目标");
    }

    #[test]
    fn a_long_numbered_paragraph_is_not_a_heading() {
        let long: Vec<char> =
            "一、我们要坚持以人民为中心的发展思想，把人民对美好生活的向往作为奋斗目标，\
                               一切为了人民。"
                .chars()
                .collect();
        assert_eq!(heading_of(&long, 0), None);
    }
}
