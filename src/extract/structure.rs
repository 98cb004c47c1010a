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
    // A chapter of a regulation (第二章　组织设置) is a part of its outline.
    if let Some(k) = numbered(chars, '章').filter(|k| chars.len() - k <= HEADING_MAX) {
        let body: String = chars[k..].iter().collect::<String>().trim().to_string();
        return (!body.is_empty()).then(|| Heading {
            level: 0,
            text: chars.iter().collect(),
            body,
            para,
        });
    }
    let m = marker_at(chars, 0, true)?;
    // An entry of a chronicle (（11）1月25日，…) says when, it heads no section.
    if opens_with_date(&chars[m.len..]) {
        return None;
    }
    // An item of an enumeration (（八）受理党员控告和申诉；) ends on a semicolon: a clause of a
    // sentence, no heading.
    if chars.iter().rev().find(|c| !c.is_whitespace()) == Some(&'；') {
        return None;
    }
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

/// Whether `s` opens with a day written in digits (1月25日, 2020年1月25日): a chronicle's
/// entry. A year alone (2024年工作任务) is a period, no entry.
pub fn opens_with_date(s: &[char]) -> bool {
    let digits = |from: usize| {
        s[from.min(s.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut at = 0;
    if digits(0) == 4 && s.get(4) == Some(&'年') {
        at = 5;
    }
    let m = digits(at);
    let d = digits(at + m + 1);
    (1..=2).contains(&m)
        && s.get(at + m) == Some(&'月')
        && (1..=2).contains(&d)
        && s.get(at + m + 1 + d) == Some(&'日')
}

/// Where the text of a paragraph opening on `第N章`/`第N条` (`unit`) starts: after the
/// label and the space after it.
pub fn numbered(chars: &[char], unit: char) -> Option<usize> {
    if chars.first() != Some(&'第') {
        return None;
    }
    let k = chars[1..]
        .iter()
        .take_while(|c| "一二三四五六七八九十百零".contains(**c) || c.is_ascii_digit())
        .count();
    (k > 0 && chars.get(1 + k) == Some(&unit)).then(|| {
        2 + k
            + chars[2 + k..]
                .iter()
                .take_while(|c| c.is_whitespace())
                .count()
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
        // A new article (第十三条) closes the numbered points of the one before.
        if numbered(chars.as_ref(), '条').is_some() {
            cur.retain(|x| x.level == 0);
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
    fn a_regulation_has_chapters_and_articles_close_their_points() {
        let paras: Vec<Vec<char>> = [
            "第二章　组织设置",
            "第九条 机关基层党组织的基本任务是：",
            "（一）组织党员学习；",
            "本单位要加强学习。",
            "（二）受理党员控告和申诉；保障党员权利",
            "第十条 机关基层党组织应当增强创造力、凝聚力、战斗力。",
        ]
        .iter()
        .map(|s| s.chars().collect())
        .collect();
        let p = heading_paths(&paras);
        let texts = |i: usize| p[i].iter().map(|h| h.body.as_str()).collect::<Vec<_>>();
        assert_eq!(texts(1), ["组织设置"]);
        // A point that ends on a semicolon is an item, no heading that owns what follows…
        assert_eq!(heading_of(&paras[2], 2), None);
        assert_eq!(texts(3), ["组织设置"]);
        // …and one that does not is closed by the next article.
        assert_eq!(texts(5), ["组织设置"]);
    }

    #[test]
    fn a_dated_entry_is_no_heading() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        assert!(opens_with_date(&c("1月25日，召开会议")));
        assert!(opens_with_date(&c("2020年12月31日凌晨")));
        assert!(!opens_with_date(&c("2024年工作任务")));
        assert!(!opens_with_date(&c("12个月")));
        assert_eq!(heading_of(&c("（11）1月25日，召开会议。"), 0), None);
        assert!(heading_of(&c("一、2023年工作回顾"), 0).is_some());
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
