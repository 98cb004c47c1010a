//! PDF-extraction repair and the split into documents and paragraphs.
//!
//! Text extracted from PDFs is hard-wrapped at a fixed width, often with blank lines between
//! the wrapped lines, titles split over lines and stray spaces (`2024年 5月`, `13亿 人`). The
//! repair keys on the wrap width: a line clearly shorter than the width, ending a sentence,
//! ends its paragraph; so does a line before a paragraph marker (第一，一是 （一） ——). Text
//! that is not wrapped (most lines far from any common width) keeps one paragraph a line.
use super::{Document, Paragraph};

/// One physical line after trimming.
#[derive(Debug, Clone)]
struct Line {
    no: u32,
    text: String,
    width: usize,
    /// The raw line opened with an indent (a full-width space or two spaces).
    indent: bool,
    /// A blank line came before it.
    blank_before: bool,
}

const CN_DIGITS: &str = "一二三四五六七八九十";

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{feff}'
}

/// Characters after which a paragraph may end: a sentence end, a closing quote after one,
/// or a closing bracket (citations such as `（…时的讲话）`).
fn ends_sentence(s: &str) -> bool {
    let mut rev = s.chars().rev();
    match rev.next() {
        Some('。' | '！' | '？' | '；' | '：' | '…' | '）' | ')' | '】' | '!' | '?') => {
            true
        }
        Some('”' | '’' | '」' | '』') => matches!(rev.next(), Some('。' | '！' | '？' | '…')),
        _ => false,
    }
}

/// A line that opens a paragraph of its own: ordinal or bullet markers, notes, sources.
fn starts_paragraph(s: &str) -> bool {
    let cn = |c: char| CN_DIGITS.contains(c);
    let mut chars = s.chars().peekable();
    let first = match chars.peek() {
        Some(c) => *c,
        None => return false,
    };
    if s.starts_with("——")
        || s.starts_with('※')
        || s.starts_with("（来源")
        || s.starts_with("首先")
        || s.starts_with("其次")
        || s.starts_with("最后，")
        || s.starts_with("一方面")
        || s.starts_with("另一方面")
        || ('①'..='⑳').contains(&first)
    {
        return true;
    }
    if let Some(rest) = s.strip_prefix('第') {
        let n = rest.chars().take_while(|c| cn(*c)).count();
        if n > 0 {
            let after: String = rest.chars().skip(n).take(2).collect();
            return after.starts_with('，')
                || after.starts_with('、')
                || after.starts_with('是')
                || after.starts_with("点，")
                || after.starts_with("条，")
                || after.starts_with("步，");
        }
        return false;
    }
    if first == '（' || first == '(' {
        let inner: String = s
            .chars()
            .skip(1)
            .take_while(|c| *c != '）' && *c != ')')
            .collect();
        let n = inner.chars().count();
        return n > 0
            && n <= 3
            && (inner.chars().all(cn) || inner.chars().all(|c| c.is_ascii_digit()));
    }
    if cn(first) {
        let n = s.chars().take_while(|c| cn(*c)).count();
        let after: String = s.chars().skip(n).take(1).collect();
        return n <= 3 && (after == "、" || after == "是");
    }
    if first.is_ascii_digit() {
        let n = s.chars().take_while(|c| c.is_ascii_digit()).count();
        let after: String = s.chars().skip(n).take(1).collect();
        return n <= 2 && matches!(after.as_str(), "." | "．" | "、");
    }
    false
}

/// Brackets and quotes a line opens minus those it closes (a title or citation that wraps
/// leaves some open).
fn bracket_balance(s: &str) -> i64 {
    s.chars()
        .map(|c| match c {
            '（' | '(' | '《' | '“' => 1,
            '）' | ')' | '》' | '”' => -1,
            _ => 0,
        })
        .sum()
}

/// Split physical lines, trimming white space; a bare excerpt numeral glued to the end of a
/// citation line (`…时的讲话）八`) becomes a line of its own.
/// A line copied from a Markdown page (`## 一、总体目标`, `**（一）指导思想**`, `> …`) without
/// its marks: the genre's own headings and markers are what the reader looks for.
fn markdown_free(line: &str) -> std::borrow::Cow<'_, str> {
    let t = line.trim_start_matches('#');
    let t = if t.len() < line.len() && t.starts_with(' ') {
        t
    } else {
        line
    };
    let t = t.strip_prefix("> ").unwrap_or(t);
    if t.contains("**") || t.contains("__") {
        t.replace("**", "").replace("__", "").into()
    } else {
        t.into()
    }
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut blank = false;
    for (i, raw) in text.split('\n').enumerate() {
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let t = raw.trim_matches(is_space);
        if t.is_empty() {
            blank = true;
            continue;
        }
        let blank_before = std::mem::take(&mut blank);
        let indent = raw.starts_with('\u{3000}') || raw.starts_with("  ") || raw.starts_with('\t');
        let unmarked = markdown_free(t);
        let t = unmarked.trim_matches(is_space);
        if t.is_empty() {
            blank = true;
            continue;
        }
        let mut push = |s: &str| {
            out.push(Line {
                no,
                text: s.to_string(),
                width: cell_width(s),
                indent,
                blank_before,
            })
        };
        if let Some(pos) = t.rfind('）') {
            let tail = &t[pos + '）'.len_utf8()..];
            let n = tail.chars().count();
            if (1..=3).contains(&n) && tail.chars().all(|c| CN_DIGITS.contains(c)) {
                push(&t[..pos + '）'.len_utf8()]);
                push(tail);
                continue;
            }
        }
        push(t);
    }
    out
}

/// Page numbers (`12`, `- 12 -`, `— 12 —`, `第 12 页`) and running heads (a short line that
/// repeats on many pages) are not text: they would break the paragraphs they interrupt.
fn drop_page_furniture(lines: Vec<Line>) -> Vec<Line> {
    let page_number = |t: &str| {
        // Most lines hold a character no page number has: skip the copy below for them.
        let could = t.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(c, '-' | '—' | '–' | '·' | '第' | '页')
        });
        if !could {
            return false;
        }
        let core: String = t
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '—' | '–' | '·'))
            .collect();
        let core = core
            .strip_prefix('第')
            .and_then(|c| c.strip_suffix('页'))
            .unwrap_or(&core);
        !core.is_empty() && core.len() <= 4 && core.chars().all(|c| c.is_ascii_digit())
    };
    // Equal lines counted by sorting them together: cheaper than hashing every line, and
    // the heads are only ever looked up. Only a line of at most 30 characters can be a
    // running head (the test below), so no other line is counted.
    let mut short: Vec<&str> = lines
        .iter()
        .map(|l| l.text.as_str())
        .filter(|t| t.chars().count() <= 30)
        .collect();
    short.sort_unstable();
    let counts = short.chunk_by(|a, b| a == b).map(|run| (run[0], run.len()));
    let running: Vec<String> = counts
        .filter(|(t, n)| {
            *n >= 4
                && t.chars().count() <= 30
                && !t.chars().all(|c| CN_DIGITS.contains(c))
                && !starts_paragraph(t)
                && !ends_sentence(t)
                && !t.starts_with('（')
        })
        .map(|(t, _)| t.to_string())
        .collect();
    lines
        .into_iter()
        .filter(|l| !page_number(&l.text) && !running.contains(&l.text))
        .collect()
}

/// The wrap width of hard-wrapped text (the most common line width), or None when the lines
/// are not wrapped at one width.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let widths: Vec<usize> = lines.iter().map(|l| l.width).filter(|w| *w >= 30).collect();
    let max = widths.iter().copied().max()?;
    if lines.len() < 8 {
        return None;
    }
    let mut hist = vec![0usize; max + 1];
    for w in &widths {
        hist[*w] += 1;
    }
    let (mode, _) = hist.iter().enumerate().max_by_key(|(w, c)| (**c, *w))?;
    let near = widths
        .iter()
        .filter(|w| **w + 6 >= mode && **w <= mode + 2)
        .count();
    (mode <= 200 && near * 100 >= lines.len() * 35).then_some(mode)
}

/// Display width as a CJK PDF sets it: CJK quotes, dashes and ellipses are full width.
fn cell_width(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            // CJK ideographs (East Asian Wide), most of the text: no table look-up.
            '\u{4e00}'..='\u{9fff}' => 2,
            '“' | '”' | '‘' | '’' | '…' | '—' | '·' => 2,
            _ => unicode_width::UnicodeWidthChar::width(c).unwrap_or(0),
        })
        .sum()
}

/// A `（来源：…）` line: (publisher, date, issue).
fn parse_source(line: &str) -> Option<(Option<String>, Option<String>, Option<String>)> {
    let inner = line
        .strip_prefix('（')
        .or_else(|| line.strip_prefix('('))?
        .trim_start();
    let inner = inner.strip_prefix("来源")?;
    let inner = inner.trim_start_matches([' ', '：', ':']);
    let inner = inner
        .trim_end()
        .trim_end_matches(['）', ')'])
        .replace(is_space, "");
    let (publisher, rest) = match inner.split_once(['，', ',']) {
        Some((a, b)) => (a.to_string(), b.to_string()),
        // `《求是》2021年第3期`: the date follows the publisher without a comma.
        None => match year_start(&inner) {
            Some(i) => (inner[..i].to_string(), inner[i..].to_string()),
            None => (inner.clone(), String::new()),
        },
    };
    let (date, issue) = parse_date(&rest);
    let publisher = (!publisher.is_empty()).then_some(publisher);
    Some((publisher, date, issue))
}

/// A line that is only a date in brackets: `（2021年5月20日）`.
fn is_date_line(t: &str) -> bool {
    let inner = t
        .trim()
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    inner.chars().count() <= 12
        && inner.ends_with('日')
        && year_start(inner) == Some(0)
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | ' '))
}

/// Byte offset of the first four-digit year followed by 年 (`2021年`), if any.
fn year_start(s: &str) -> Option<usize> {
    let idx: Vec<(usize, char)> = s.char_indices().collect();
    idx.windows(5).find_map(|w| {
        (w[..4].iter().all(|(_, c)| c.is_ascii_digit()) && w[4].1 == '年').then_some(w[0].0)
    })
}

/// Common Chinese surnames (the most frequent ~200, which cover nearly every name): a byline
/// is a personal name, and a name starts with one of these.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习";

/// A byline under a title: a personal name (2–4 Han characters, starting with a common
/// surname; a two-character name is often set with a space, `李 强`), optionally after an
/// office and a space (`国务院总理 李强`). It names the author, not the topic.
fn is_byline(line: &str) -> bool {
    let parts: Vec<&str> = line
        .split([' ', '\u{3000}'])
        .filter(|p| !p.is_empty())
        .collect();
    let name: String = match parts.as_slice() {
        [] => return false,
        // `李 强`: a name set with a space.
        _ if parts.iter().all(|p| p.chars().count() == 1) => parts.concat(),
        [name] => name.to_string(),
        [office, name @ ..] => {
            if office.chars().count() > 10 || name.len() > 2 {
                // More than an office and a (possibly spaced) name: a title line.
                return false;
            } else if name.iter().all(|p| p.chars().count() == 1) && name.len() == 2 {
                name.concat()
            } else if name.len() == 1 {
                name[0].to_string()
            } else {
                return false;
            }
        }
    };
    let han = |c: char| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF);
    let n = name.chars().count();
    let surname = [
        "欧阳", "司马", "诸葛", "上官", "司徒", "令狐", "皇甫", "尉迟", "长孙", "慕容",
    ]
    .iter()
    .any(|s| name.starts_with(s))
        || name.chars().next().is_some_and(|c| SURNAMES.contains(c));
    (2..=4).contains(&n) && name.chars().all(han) && surname
}

/// `2024年5月27日` → 2024-05-27; `2024年第10期` → (2024, issue); `2023年4月` → 2023-04.
fn parse_date(s: &str) -> (Option<String>, Option<String>) {
    let num_before = |s: &str, unit: char| -> Option<(u32, usize)> {
        let pos = s.find(unit)?;
        let digits: String = s[..pos]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let n = digits.parse().ok()?;
        Some((n, pos + unit.len_utf8()))
    };
    let Some((year, after_year)) = num_before(s, '年') else {
        return (None, None);
    };
    if !(1900..=2200).contains(&year) {
        return (None, None);
    }
    let rest = &s[after_year..];
    if rest.starts_with('第') {
        let issue = rest.trim_end_matches(['）', ')']).to_string();
        return (Some(format!("{year}")), Some(format!("{year}年{issue}")));
    }
    match num_before(rest, '月') {
        Some((m, after_m)) if (1..=12).contains(&m) => match num_before(&rest[after_m..], '日') {
            Some((d, _)) if (1..=31).contains(&d) => {
                (Some(format!("{year:04}-{m:02}-{d:02}")), None)
            }
            _ => (Some(format!("{year:04}-{m:02}")), None),
        },
        _ => (Some(format!("{year}")), None),
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x2018..=0x201F | 0x2026 | 0x2014 | 0x00B7 | 0x2460..=0x24FF | 0x25A0..=0x25FF)
}

/// Join the lines of one paragraph, dropping the spaces that PDF extraction put between
/// CJK characters and numbers (`2024年 5月`, `13亿 人`, `第 2次`). A space between two
/// non-CJK words (`World Bank`) stays.
fn join(lines: &[&Line]) -> Paragraph {
    // Lines without any space to judge (most of them) are copied whole.
    let spaced = lines.iter().enumerate().any(|(k, line)| {
        line.text.is_empty()
            || line.text.chars().any(is_space)
            || (k > 0
                && lines[k - 1]
                    .text
                    .ends_with(|c: char| c.is_ascii_alphabetic())
                && line.text.starts_with(|c: char| c.is_ascii_alphabetic()))
    });
    if !spaced {
        let mut text = String::with_capacity(lines.iter().map(|l| l.text.len()).sum());
        let mut line_map: Vec<(usize, u32)> = Vec::new();
        for line in lines {
            if line_map.last().is_none_or(|(_, l)| *l != line.no) {
                line_map.push((text.len(), line.no));
            }
            text.push_str(&line.text);
        }
        return Paragraph { text, line_map };
    }
    // The paragraph's characters are its lines' in order, with a space for a line break
    // between two ASCII words: kept as slices of the lines, so that text between spaces is
    // copied a run at a time.
    let mut segs: Vec<(&str, u32)> = Vec::with_capacity(lines.len() * 2);
    let mut prev: Option<char> = None;
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            // A line break between two ASCII words is a space; otherwise nothing.
            let next = line.text.chars().next();
            if prev.is_some_and(|c| c.is_ascii_alphanumeric())
                && next.is_some_and(|c| c.is_ascii_alphabetic())
                && prev.is_some_and(|c| c.is_ascii_alphabetic())
            {
                segs.push((" ", line.no));
                prev = Some(' ');
            }
        }
        segs.push((line.text.as_str(), line.no));
        if let Some(c) = line.text.chars().next_back() {
            prev = Some(c);
        }
    }
    let mut text = String::with_capacity(segs.iter().map(|(t, _)| t.len()).sum());
    let mut line_map: Vec<(usize, u32)> = Vec::new();
    let mark = |text: &String, line_map: &mut Vec<(usize, u32)>, no: u32| {
        if line_map.last().is_none_or(|(_, l)| *l != no) {
            line_map.push((text.len(), no));
        }
    };
    // (segment, byte offset in it) of the next character.
    let (mut s, mut pos) = (0, 0);
    while let Some(&(t, no)) = segs.get(s) {
        let rest = &t[pos..];
        let Some(k) = rest.find(is_space) else {
            if !rest.is_empty() {
                mark(&text, &mut line_map, no);
                text.push_str(rest);
            }
            (s, pos) = (s + 1, 0);
            continue;
        };
        if k > 0 {
            mark(&text, &mut line_map, no);
            text.push_str(&rest[..k]);
        }
        // Collapse the run (over line ends too); keep one space only between two non-CJK
        // characters.
        let (mut s2, mut p2) = (s, pos + k);
        while let Some(&(t2, _)) = segs.get(s2) {
            match t2[p2..].find(|c: char| !is_space(c)) {
                Some(m) => {
                    p2 += m;
                    break;
                }
                None => (s2, p2) = (s2 + 1, 0),
            }
        }
        let before = text.chars().next_back();
        let after = segs.get(s2).and_then(|(t2, _)| t2[p2..].chars().next());
        let keep = match (before, after) {
            (Some(b), Some(a)) => !is_cjk(b) && !is_cjk(a),
            _ => false,
        };
        if keep {
            mark(&text, &mut line_map, no);
            text.push(' ');
        }
        (s, pos) = (s2, p2);
    }
    Paragraph { text, line_map }
}

/// Group lines into paragraphs.
fn paragraphs(lines: &[Line], width: Option<usize>) -> Vec<Paragraph> {
    let Some(w) = width else {
        return lines.iter().map(|l| join(&[l])).collect();
    };
    // Texts that indent their first lines say where paragraphs start; a stray leading space
    // (one, not two) does not count.
    let indents = lines.iter().filter(|l| l.indent).count();
    let uses_indent = indents * 20 >= lines.len() && indents * 2 <= lines.len();
    // Blank lines between some lines, not between all, are paragraph breaks (pdftotext's
    // layout); between (nearly) every line they say nothing.
    let blanks = lines.iter().filter(|l| l.blank_before).count();
    let uses_blanks = blanks * 20 >= lines.len() && blanks * 10 <= lines.len() * 6;
    let mut out = Vec::new();
    let mut cur: Vec<&Line> = Vec::new();
    // Brackets and quotes opened and not yet closed in the current paragraph.
    let mut depth: i64 = 0;
    for (i, line) in lines.iter().enumerate() {
        cur.push(line);
        depth += bracket_balance(&line.text);
        let next = lines.get(i + 1);
        let short = line.width + 3 <= w;
        let very_short = line.width + 8 <= w;
        let end = match next {
            None => true,
            Some(next) => {
                // `一、标题` without sentence punctuation is a heading line, whatever its width.
                if cur.len() == 1 && is_heading_line(&line.text) {
                    out.push(join(&cur));
                    cur.clear();
                    depth = 0;
                    continue;
                }
                let open = depth > 0;
                if uses_blanks && next.blank_before && !open {
                    out.push(join(&cur));
                    cur.clear();
                    depth = 0;
                    continue;
                }
                if uses_indent && next.indent && !open {
                    out.push(join(&cur));
                    cur.clear();
                    depth = 0;
                    continue;
                }
                if open && cur.len() < 4 {
                    false
                } else if ends_sentence(&line.text) {
                    // A full line ending a sentence ends the paragraph when the next line is
                    // indented (first lines are set about two characters narrower).
                    let indented =
                        next.width + 5 >= w && next.width + 3 <= w && !ends_sentence(&next.text);
                    // A short line without a sentence end is a heading or an excerpt numeral.
                    let heading = next.width + 8 <= w && !ends_sentence(&next.text);
                    // A marker after a semicolon goes on the same list (…；②…, …；另一方面…).
                    let marker =
                        !uses_indent && starts_paragraph(&next.text) && !line.text.ends_with('；');
                    short || marker || indented || heading
                } else {
                    // A heading, a bare numeral or a title-like line: short, no sentence end.
                    very_short && !open
                }
            }
        };
        if end {
            out.push(join(&cur));
            cur.clear();
            depth = 0;
        }
    }
    out
}

/// `一、正确认识国际国内形势`: an outline heading on a line of its own.
fn is_heading_line(s: &str) -> bool {
    let n = s.chars().take_while(|c| CN_DIGITS.contains(*c)).count();
    n > 0
        && n <= 3
        && s.chars().nth(n) == Some('、')
        && !s.contains(['，', '。', '；', '：', '！', '？'])
        && s.chars().count() <= 40
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::new();
    let mut last_space = false;
    for c in s.chars() {
        if is_space(c) {
            if !last_space && !out.is_empty() {
                out.push(' ');
            }
            last_space = true;
        } else {
            // A space before or after digits, 年, 月, 日 is an artifact, not a separator.
            if last_space
                && (c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '期'))
                && out.ends_with(' ')
            {
                out.pop();
            }
            if last_space && out.ends_with(' ') {
                let before = out.chars().rev().nth(1);
                if before.is_some_and(|b| b.is_ascii_digit()) {
                    out.pop();
                }
            }
            out.push(c);
            last_space = false;
        }
    }
    out.trim_end().to_string()
}

/// Chinese text typed or scraped with ASCII punctuation (`发展,改革;开放(试行):`) gets the
/// full-width marks the genre uses, so that clauses and series are read as in a published
/// text. A mark is converted only beside a CJK character (`1,000`, `12:30` and `f(x)` stay),
/// a `)` only when its `(` was.
fn full_width_marks(text: &str) -> std::borrow::Cow<'_, str> {
    let marks = [',', ';', ':', '(', ')', '?', '!'];
    let mut out = String::new();
    // Bytes of `text` copied into `out` so far.
    let mut copied = 0;
    // Whether each open `(` was converted, innermost last.
    let mut opens: Vec<bool> = Vec::new();
    for (k, c) in text.match_indices(marks) {
        // Right after a mark made wide (…年):), what precedes is the wide one.
        let prev = if copied == k && copied > 0 {
            out.chars().next_back()
        } else {
            text[..k].chars().next_back()
        };
        let before = prev.is_some_and(is_cjk);
        let after = text[k + c.len()..].chars().next().is_some_and(is_cjk);
        let wide = match c {
            "," => (before || after).then_some('，'),
            ";" => (before || after).then_some('；'),
            // After CJK only: 原文:http://… and 12:30 stay.
            ":" => before.then_some('：'),
            "?" => before.then_some('？'),
            "!" => before.then_some('！'),
            "(" => {
                opens.push(before || after);
                (before || after).then_some('（')
            }
            _ => opens.pop().unwrap_or(before || after).then_some('）'),
        };
        if let Some(w) = wide {
            out.push_str(&text[copied..k]);
            out.push(w);
            copied = k + c.len();
        }
    }
    if copied == 0 {
        return text.into();
    }
    out.push_str(&text[copied..]);
    out.into()
}

/// Normalise one decoded file into documents. `file` names the file in the documents.
pub fn normalize(text: &str, file: &str) -> Vec<Document> {
    let text: std::borrow::Cow<str> = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    let text = match full_width_marks(&text) {
        std::borrow::Cow::Owned(o) => std::borrow::Cow::Owned(o),
        std::borrow::Cow::Borrowed(_) => text,
    };
    let lines = drop_page_furniture(split_lines(&text));
    let width = wrap_width(&lines);

    // Document boundaries: each `（来源：…）` line and the title lines just above it.
    struct Head {
        title_start: usize,
        source_idx: usize,
    }
    let mut heads: Vec<Head> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if parse_source(&line.text).is_none() {
            continue;
        }
        let floor = heads.last().map(|h| h.source_idx + 1).unwrap_or(0);
        let mut start = i;
        while start > floor && i - start < 4 {
            let prev = &lines[start - 1];
            // A title may end in `（节选）`; a citation line or a sentence is not a title.
            let t = &prev.text;
            let sentence_end = t.ends_with(['。', '！', '？', '；', '：', '”']);
            let citation = t.starts_with('（') && t.ends_with('）');
            // `（2021年5月20日）` under a title dates the document: part of the title block.
            if citation && is_date_line(t) {
                start -= 1;
                continue;
            }
            if sentence_end || citation || t.chars().all(|c| CN_DIGITS.contains(c)) {
                break;
            }
            start -= 1;
        }
        heads.push(Head {
            title_start: start,
            source_idx: i,
        });
    }

    // Documents are built with their bodies; the bodies are made into paragraphs at the end,
    // on two threads (most of normalising is there, and it runs before anything else can).
    let mut docs: Vec<(Document, &[Line])> = Vec::new();
    let stem = std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_string());
    // Text before the first titled document, or the whole file when there is none.
    let first_start = heads.first().map(|h| h.title_start).unwrap_or(lines.len());
    if first_start > 0 {
        let body = &lines[..first_start];
        let (title, line_no, body) = untitled_head(body, width, &stem);
        docs.push((
            Document {
                file: file.to_string(),
                title,
                source: None,
                date: None,
                issue: None,
                line: line_no,
                paragraphs: Vec::new(),
            },
            body,
        ));
    }
    for (k, head) in heads.iter().enumerate() {
        let end = heads
            .get(k + 1)
            .map(|h| h.title_start)
            .unwrap_or(lines.len());
        let mut title_lines = &lines[head.title_start..head.source_idx];
        // The author's name on the line above the source line is a byline, not the title.
        if let [rest @ .., last] = title_lines {
            // A title line filling the wrap width continues on the next line: that is no byline.
            let wrapped = rest
                .last()
                .zip(width)
                .is_some_and(|(prev, w)| prev.width + 4 >= w);
            if !rest.is_empty() && !wrapped && is_byline(&last.text) {
                title_lines = rest;
            }
        }
        let title = collapse_spaces(
            &title_lines
                .iter()
                .filter(|l| !is_date_line(&l.text))
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(""),
        );
        let (source, date, issue) = parse_source(&lines[head.source_idx].text).unwrap_or_default();
        let body = &lines[head.source_idx + 1..end];
        docs.push((
            Document {
                file: file.to_string(),
                title: if title.is_empty() {
                    stem.clone()
                } else {
                    title
                },
                source,
                date,
                issue,
                line: lines[head.title_start].no,
                paragraphs: Vec::new(),
            },
            body,
        ));
    }
    let bodies: Vec<&[Line]> = docs.iter().map(|(_, b)| *b).collect();
    let paras = paragraphs_of_all(&bodies, width);
    let untitled_first = first_start > 0;
    docs.into_iter()
        .zip(paras)
        .enumerate()
        .filter_map(|(k, ((mut d, _), p))| {
            // Text before the first titled document is a document only when it has text.
            if k == 0 && untitled_first && p.is_empty() {
                return None;
            }
            d.paragraphs = p;
            Some(d)
        })
        .collect()
}

/// [`paragraphs`] of every body, in order: the bodies are split in two runs of about equal
/// length, the second on a thread of its own (serially when no thread can be started).
fn paragraphs_of_all(bodies: &[&[Line]], width: Option<usize>) -> Vec<Vec<Paragraph>> {
    let size = |b: &[Line]| b.iter().map(|l| l.text.len() + 1).sum::<usize>();
    let total: usize = bodies.iter().map(|b| size(b)).sum();
    let mut acc = 0;
    let split = bodies
        .iter()
        .position(|b| {
            acc += size(b);
            acc * 2 >= total
        })
        .map_or(bodies.len(), |k| k + 1);
    let (head, tail) = bodies.split_at(split);
    let run = |part: &[&[Line]]| -> Vec<Vec<Paragraph>> {
        part.iter().map(|b| paragraphs(b, width)).collect()
    };
    // A short text is done before a thread would start.
    if tail.is_empty() || total < 32 * 1024 {
        return run(bodies);
    }
    std::thread::scope(|s| {
        let other = std::thread::Builder::new().spawn_scoped(s, || run(tail));
        let mut out = run(head);
        match other.map(|h| h.join()) {
            Ok(Ok(rest)) => out.extend(rest),
            _ => out.extend(run(tail)),
        }
        out
    })
}

/// The title of a document without a source line: its first line when that reads like a
/// title (short, no sentence end), else the file name.
fn untitled_head<'a>(
    body: &'a [Line],
    width: Option<usize>,
    stem: &str,
) -> (String, u32, &'a [Line]) {
    let Some(first) = body.first() else {
        return (stem.to_string(), 1, body);
    };
    let limit = width.map(|w| w.saturating_sub(6)).unwrap_or(80);
    let title_like =
        first.width <= limit && !ends_sentence(&first.text) && !starts_paragraph(&first.text);
    if title_like {
        // A title split over two short lines.
        let mut n = 1;
        if let Some(second) = body.get(1) {
            if second.width <= limit / 2
                && !ends_sentence(&second.text)
                && !starts_paragraph(&second.text)
                && body.len() > 2
            {
                n = 2;
            }
        }
        let title = collapse_spaces(
            &body[..n]
                .iter()
                .map(|l| l.text.as_str())
                .collect::<String>(),
        );
        (title, first.no, &body[n..])
    } else {
        (stem.to_string(), first.no, body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every paragraph's text, in order, of every document.
    fn paragraph_texts(docs: &[Document]) -> Vec<String> {
        docs.iter()
            .flat_map(|d| d.paragraphs.iter().map(|p| p.text.clone()))
            .collect()
    }

    #[test]
    fn markdown_marks_are_no_text() {
        assert_eq!(markdown_free("**一、总体目标**"), "一、总体目标");
        assert_eq!(markdown_free("## （一）指导思想"), " （一）指导思想");
        assert_eq!(markdown_free("> 引文"), "引文");
        // A # that opens no heading, and plain text, stay.
        assert_eq!(markdown_free("#3号文件"), "#3号文件");
        assert!(matches!(
            markdown_free("一、总体目标"),
            std::borrow::Cow::Borrowed(_)
        ));
        let md = "标题\n（来源：新华社）\n**一、总体要求**\n\n**（一）指导思想。** 坚持创新。\n";
        let plain = md.replace("**", "");
        assert_eq!(
            paragraph_texts(&normalize(md, "a.txt")),
            paragraph_texts(&normalize(&plain, "a.txt"))
        );
    }

    #[test]
    fn ascii_marks_beside_chinese_become_full_width() {
        assert_eq!(
            full_width_marks("坚持改革,扩大开放;推进规划(2014—2020年):一是"),
            "坚持改革，扩大开放；推进规划（2014—2020年）：一是"
        );
        // Numbers, times, addresses and code keep theirs.
        for kept in [
            "增长1,000万",
            "12:30开会",
            "原文 http://a.b/c?d=1",
            "f(x) = 1, 2",
        ] {
            assert_eq!(full_width_marks(kept), kept);
        }
        // A ) closes as its ( opened: 中心(TISC) is Chinese, (a, b) inside it is not.
        assert_eq!(full_width_marks("中心(TISC)建成"), "中心（TISC）建成");
        assert_eq!(full_width_marks("见(x(a)y)处"), "见（x(a)y）处");
        // Nothing to convert: the text itself, not a copy.
        assert!(matches!(
            full_width_marks("全角，文本。"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_text_with_ascii_commas_reads_as_its_full_width_twin() {
        let narrow =
            "标题\n（来源：新华社）\n我们要坚持创新,坚持协调,坚持绿色,坚持开放,坚持共享。\n";
        let wide = narrow.replace(',', "，");
        let a = normalize(narrow, "a.txt");
        let b = normalize(&wide, "a.txt");
        assert_eq!(paragraph_texts(&a), paragraph_texts(&b));
    }

    #[test]
    fn a_long_corpus_is_made_into_paragraphs_as_each_document_alone() {
        // Over the size at which the bodies are split between two threads.
        let doc = |k: usize| {
            let body: String = (0..12)
                .map(|p| {
                    format!(
                        "第{k}篇第{p}段。{}\n",
                        "推进高质量发展，建设现代化产业体系。".repeat(8)
                    )
                })
                .collect();
            format!(
                "文章{k}\n（来源：新华社，2024年1月{}日）\n{body}",
                k % 28 + 1
            )
        };
        let all: String = (0..24).map(doc).collect();
        assert!(all.len() > 64 * 1024);
        let docs = normalize(&all, "all.txt");
        assert_eq!(docs.len(), 24);
        for (k, d) in docs.iter().enumerate() {
            let alone = normalize(&doc(k), "one.txt");
            let texts = |d: &Document| -> Vec<String> {
                d.paragraphs.iter().map(|p| p.text.clone()).collect()
            };
            assert_eq!(d.title, format!("文章{k}"));
            assert_eq!(texts(d), texts(&alone[0]), "document {k}");
        }
    }

    #[test]
    fn blank_lines_between_some_lines_break_paragraphs() {
        // Wrapped at 16 characters, a blank line between paragraphs only. The first and
        // second paragraphs end on full lines: only the blank line says a paragraph ends.
        let paras = [
            "推动产业链供应链优化升级。保持工业经济平稳运行，实施制造业重点产业链高质量发展行动，提升其韧性。",
            "积极培育新兴产业和未来产业。实施产业创新工程，完善产业生态，拓展应用场景，促进新兴产业加快发展。",
            "深入推进数字经济创新发展。制定支持数字经济高质量发展政策，积极推进数字产业化。",
        ];
        let mut text = String::from("标题\n（来源：新华网，2024年5月27日）\n");
        for p in paras {
            let chars: Vec<char> = p.chars().collect();
            text.push('\n');
            for line in chars.chunks(16) {
                text.extend(line);
                text.push('\n');
            }
        }
        let docs = normalize(&text, "t");
        let got: Vec<&str> = docs[0].paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(got, paras);
    }

    #[test]
    fn a_dated_title_block_keeps_its_title() {
        let text = "关于支持某地建设示范区的意见\n（2021年5月20日）\n（来源：某网，2021年6月10日）\n正文第一段。\n";
        let docs = normalize(text, "a.txt");
        assert_eq!(docs[0].title, "关于支持某地建设示范区的意见");
        assert_eq!(docs[0].date.as_deref(), Some("2021-06-10"));
    }

    #[test]
    fn a_byline_is_not_part_of_the_title() {
        let text =
            "全面加强某项工作\n激发创新活力\n张三丰\n（来源：《某刊》2021年第3期）\n第一段正文。\n";
        let docs = normalize(text, "a.txt");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].title, "全面加强某项工作激发创新活力");
        assert_eq!(docs[0].source.as_deref(), Some("《某刊》"));
        assert_eq!(docs[0].date.as_deref(), Some("2021"));
        assert_eq!(docs[0].issue.as_deref(), Some("2021年第3期"));
        // An office and a name: still a byline. A one-line title is never dropped.
        assert!(is_byline("国务院总理 王五"));
        assert!(is_byline("国务院总理 李 强"));
        assert!(is_byline("李 强"));
        // A title's last line of four characters is no name.
        assert!(!is_byline("对外开放"));
        assert!(!is_byline("构建新发展格局"));
        assert!(!is_byline("（节选）"));
        let docs = normalize("李四\n（来源：新华网，2024年5月27日）\n正文。\n", "b.txt");
        assert_eq!(docs[0].title, "李四");
    }

    #[test]
    fn source_lines_parse() {
        assert_eq!(
            parse_source("（来源：新华网，2024年 5月 27日）"),
            Some((Some("新华网".into()), Some("2024-05-27".into()), None))
        );
        assert_eq!(
            parse_source("（来源：《求是》，2024年第 10期）"),
            Some((
                Some("《求是》".into()),
                Some("2024".into()),
                Some("2024年第10期".into())
            ))
        );
        assert_eq!(parse_source("（2024年3月21日在湖南考察时的讲话）"), None);
    }

    #[test]
    fn paragraph_markers() {
        for s in [
            "第一，更好统筹",
            "一是要加快",
            "（一）指导思想。",
            "二、总体要求",
            "——经济发展",
            "1. 加强",
            "①坚持",
        ] {
            assert!(starts_paragraph(s), "{s}");
        }
        for s in [
            "第一次集体学习",
            "第一要务是发展",
            "一带一路",
            "二十大",
            "1300万人",
        ] {
            assert!(!starts_paragraph(s), "{s}");
        }
    }

    #[test]
    fn cell_width_shortcut_for_ideographs_agrees_with_unicode_width() {
        // The shortcut must not change a single width (it decides wrap widths).
        for c in '\u{4e00}'..='\u{9fff}' {
            assert_eq!(unicode_width::UnicodeWidthChar::width(c), Some(2), "{c}");
            assert_eq!(cell_width(&c.to_string()), 2, "{c}");
        }
    }
}
