//! Finding enumerated lists in normalised paragraphs (pure).
//!
//! Explicit lists are found by their markers: paragraph-initial (第一， 一是 一、（一） 1. ①
//! —— 首先 一方面, items spanning paragraphs) and inline (markers inside one paragraph).
//! Implicit lists are parallel structure: `：…；…；…` enumerations, clauses with a shared head
//! (坚持…；坚持…, 着力…，着力…, 以…为…), paragraphs that open alike, numeric summaries spelled out
//! (“三步走”战略，即…), and 、-series that are the point of their sentence. Each list gets a
//! prompt from its lead sentence and its size, and each item a key phrase.
mod cut;
pub mod key_sentences;
pub mod markers;
pub mod notes;
pub mod phrase;
pub mod prompt;
mod series;
mod shape;
pub mod structure;

use crate::corpus::{Document, Paragraph};
use markers::{marker_at, Family, Marker};
use phrase::{key_phrase, strip_shared_subject};
use structure::Heading;

/// One item of a list found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundItem {
    /// The key phrase a card blanks.
    pub key: String,
    /// The whole item text, kept as context.
    pub full: String,
    /// 1-based source line of the item's start.
    pub line: u32,
}

/// A list found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundList {
    pub prompt: String,
    pub items: Vec<FoundItem>,
    /// The marker family (`第一`, `一是`, `坚持`, `、` …).
    pub marker: String,
    /// True when ordinal or bullet markers introduce the items.
    pub explicit: bool,
    /// True when the order of the items is part of what is learnt.
    pub ordered: bool,
    /// 1-based source line of the first item.
    pub line: u32,
    /// The paragraph(s) the list came from (for the source view).
    pub passage: String,
    /// The headings above the list (`四、构建新发展格局要把握好几个重要着力点`), outermost first.
    pub heading: Vec<String>,
    /// The text the prompt was taken from (a lead sentence, a heading, a summary noun).
    pub lead: String,
    /// What every item is said of (`我国现代化` in 我国现代化是…的现代化 ×5), when they share it.
    pub subject: Option<String>,
    /// Index of the paragraph of the first item.
    pub para: usize,
}

/// A paragraph as characters, with the byte offset of each character for line look-ups.
struct P<'a> {
    para: &'a Paragraph,
    chars: Vec<char>,
    offs: Vec<usize>,
    /// Index of the paragraph in its document.
    idx: usize,
    /// Its sentences as char ranges (end exclusive, including the stop), found once: every
    /// rule reads them.
    sents: Vec<(usize, usize)>,
}

impl<'a> P<'a> {
    fn new(idx: usize, para: &'a Paragraph) -> P<'a> {
        // Sized once: a paragraph is hundreds of characters, grown push by push it reallocates.
        let n = para.text.chars().count();
        let (mut offs, mut chars) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut sents = Vec::new();
        let mut start = 0;
        for (i, (o, c)) in para.text.char_indices().enumerate() {
            offs.push(o);
            chars.push(c);
            if matches!(c, '。' | '！' | '？') {
                sents.push((start, i + 1));
                start = i + 1;
            }
        }
        if start < chars.len() {
            sents.push((start, chars.len()));
        }
        P {
            para,
            chars,
            offs,
            idx,
            sents,
        }
    }
    fn line(&self, ci: usize) -> u32 {
        self.para.line_at(self.off(ci))
    }
    /// Byte offset of char `ci` (the text's length past the end).
    fn off(&self, ci: usize) -> usize {
        self.offs.get(ci).copied().unwrap_or(self.para.text.len())
    }
    /// Chars `a..b` as a string: one copy of the bytes, not one push per char (hot: every
    /// rule cuts clauses this way).
    fn text(&self, a: usize, b: usize) -> String {
        let (x, y) = (self.off(a), self.off(b));
        self.para
            .text
            .get(x..y.max(x))
            .unwrap_or_default()
            .to_string()
    }
    /// The index just after the sentence that contains `i`.
    fn sentence_end(&self, i: usize) -> usize {
        (i..self.chars.len())
            .find(|k| matches!(self.chars[*k], '。' | '！' | '？'))
            .map(|k| k + 1)
            .unwrap_or(self.chars.len())
    }
    /// The sentences before char `i`, nearest first.
    fn sentences_before(&self, i: usize) -> Vec<String> {
        let head = self.text(0, i);
        head.split_inclusive(['。', '！', '？'])
            .map(|s| s.trim_end_matches(['。', '！', '？']).to_string())
            .filter(|s| !s.trim().is_empty())
            .rev()
            .collect()
    }
}

/// Every list found in a document, in text order, without duplicates.
pub fn find_lists(doc: &Document) -> Vec<FoundList> {
    let paras: Vec<P> = doc
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| P::new(i, p))
        .collect();
    let chars: Vec<&[char]> = paras.iter().map(|p| p.chars.as_slice()).collect();
    let paths = structure::heading_paths(&chars);
    let mut found = Vec::new();
    found.extend(block_lists(doc, &paras));
    found.extend(inline_lists(&paras));
    found.extend(series::implicit_lists(&paras));
    let mut lists = dedup(found);
    let topic = notes::short_title(&doc.title);
    for l in &mut lists {
        let path: &[Heading] = paths.get(l.para).map(Vec::as_slice).unwrap_or_default();
        // A list inside a numbered paragraph belongs to that paragraph's heading, unless the
        // numbered paragraphs are its items.
        let own = match l.marker.as_str() {
            "一、" | "（一）" => None,
            _ => chars
                .get(l.para)
                .and_then(|c| structure::heading_of(c, l.para)),
        };
        l.heading = path
            .iter()
            .chain(own.iter())
            .map(|h| h.text.clone())
            .collect();
        // A paragraph's run-in head (推动生态环境综合治理。…), when the list is not in it.
        let para_head = paras.get(l.para).and_then(|p| {
            let end = p
                .chars
                .iter()
                .position(|c| matches!(c, '。' | '！' | '？'))?;
            let start = marker_at(&p.chars, 0, true).map(|m| m.len).unwrap_or(0);
            let head = p.text(start, end);
            let inside = l
                .items
                .first()
                .is_some_and(|i| head.contains(i.key.as_str()));
            ((4..=24).contains(&(end - start)) && !inside).then_some(head)
        });
        shape::shape(l);
        prompt::finish(l, path, own.as_ref(), para_head.as_deref(), &topic);
    }
    prompt::spare_other_lists(&mut lists, &topic);
    lists
}

/// The lists of every document, `(document index, list)`. A list whose items repeat a list of
/// an earlier document (a passage quoted again) is kept only the first time.
pub fn find_all(docs: &[Document]) -> Vec<(usize, FoundList)> {
    merge_documents(docs.iter().map(find_lists))
}

/// The lists of each document (as [`find_lists`] gives them, in document order) merged as
/// [`find_all`] merges them, so that callers may find each document's lists on any thread.
pub fn merge_documents<I>(per_doc: I) -> Vec<(usize, FoundList)>
where
    I: IntoIterator<Item = Vec<FoundList>>,
{
    let mut out: Vec<(usize, FoundList)> = Vec::new();
    // The normalised keys of each kept list, computed once rather than per comparison.
    let mut keys: Vec<Vec<String>> = Vec::new();
    for (di, lists) in per_doc.into_iter().enumerate() {
        for l in lists {
            let key: Vec<String> = l.items.iter().map(|i| norm(&i.key)).collect();
            let seen = out
                .iter()
                .zip(&keys)
                .any(|((d, _), k)| *d != di && *k == key);
            if !seen {
                out.push((di, l));
                keys.push(key);
            }
        }
    }
    out
}

/// Markers at the start of each paragraph.
fn lead_markers(paras: &[P]) -> Vec<Option<Marker>> {
    paras.iter().map(|p| marker_at(&p.chars, 0, true)).collect()
}

/// The lead sentence for a list: the nearest preceding sentence (up to four back) that names
/// a vague quantity or a count, else the nearest one.
fn choose_lead(cands: &[String], n: usize) -> String {
    let counts = |s: &str| {
        let c: Vec<char> = char_vec(s);
        [
            "几个",
            "许多",
            "一些",
            "几方面",
            "多方面",
            "几点",
            "若干",
            "以下",
            "如下",
        ]
        .iter()
        .any(|v| s.contains(v))
            || (0..c.len()).any(|i| {
                phrase::count_at(&c, i).is_some_and(|(v, _, _)| usize::try_from(v).ok() == Some(n))
            })
    };
    cands
        .iter()
        .take(4)
        .find(|s| counts(s))
        // A sentence that says what one thing is (总的思路是，坚持…，构建…) holds its own
        // content; it announces nothing after it.
        .or(cands.first().filter(|s| !states_its_content(s)))
        .cloned()
        .unwrap_or_default()
}

/// Whether a sentence opens on a short subject and a copula before a comma (总的思路是，…;
/// 基本要求是，…): what it defines follows inside it.
fn states_its_content(s: &str) -> bool {
    s.split_once('，').is_some_and(|(head, _)| {
        head.ends_with('是') && (3..=8).contains(&head.chars().count()) && !head.contains('、')
    })
}

/// At most `max` characters, ended at a sentence end when one is near, else with `…`.
fn clip(text: &str, max: usize) -> String {
    // One walk over at most `max + 1` characters, no copy of them: the byte offset of
    // character `max` (when there is one) and the end of the last stop from `max / 2` on.
    let (mut at_max, mut stop_end) = (None, None);
    for (k, (o, c)) in text.char_indices().enumerate() {
        if k == max {
            at_max = Some(o);
            break;
        }
        if k >= max / 2 && matches!(c, '。' | '！' | '？' | '；') {
            stop_end = Some(o + c.len_utf8());
        }
    }
    let Some(at_max) = at_max else {
        return text.to_string();
    };
    match stop_end {
        Some(e) => text[..e].to_string(),
        None => {
            let mut out = String::with_capacity(at_max + '…'.len_utf8());
            out.push_str(&text[..at_max]);
            out.push('…');
            out
        }
    }
}

/// The items of a list and the subject they share, if any.
fn make_items(parts: Vec<(String, u32)>) -> (Vec<FoundItem>, Option<String>) {
    let mut keys: Vec<String> = parts.iter().map(|(t, _)| key_phrase(t)).collect();
    let subject = strip_shared_subject(&mut keys);
    let items = parts
        .into_iter()
        .zip(keys)
        .map(|((full, line), key)| FoundItem {
            key,
            full: clip(full.trim(), 160),
            line,
        })
        .collect();
    (items, subject)
}

/// Paragraph-initial markers: items are paragraphs (with the paragraphs that follow them).
fn block_lists(doc: &Document, paras: &[P]) -> Vec<FoundList> {
    let leads = lead_markers(paras);
    let mut out = Vec::new();
    let families = [
        Family::Heading,
        Family::Paren,
        Family::Di,
        Family::DiDian,
        Family::DiBu,
        Family::DiTiao,
        Family::NShi,
        Family::Arabic,
        Family::ArabicParen,
        Family::Circled,
        Family::Sequence,
        Family::Side,
    ];
    out.extend(dash_lists(doc, paras, &leads));
    for fam in families {
        let mut runs: Vec<Vec<(usize, Marker)>> = Vec::new();
        let mut cur: Vec<(usize, Marker)> = Vec::new();
        let mut last_closed: u32 = 0;
        let close = |cur: &mut Vec<(usize, Marker)>,
                     runs: &mut Vec<Vec<(usize, Marker)>>,
                     last: &mut u32| {
            if let Some((_, m)) = cur.last() {
                *last = m.value;
            }
            if cur.len() >= 2 {
                runs.push(std::mem::take(cur));
            }
            cur.clear();
        };
        for (pi, lead) in leads.iter().enumerate() {
            let Some(m) = lead else {
                // Items may run over several paragraphs, but not over a dozen — except the
                // parts of a document (一、二、), which run as long as they need.
                // (Nor do sections under labels on lines of their own, （四）智慧交通。: they run
                // as long as a part of the document may.)
                let labels = cur.iter().all(|(k, _)| paras[*k].chars.len() <= 16);
                let most = if labels { 40 } else { 12 };
                if fam != Family::Heading && cur.last().is_some_and(|(last, _)| pi - last > most) {
                    close(&mut cur, &mut runs, &mut last_closed);
                }
                continue;
            };
            if m.family == fam {
                let next_ok = match cur.last() {
                    None => false,
                    Some((_, prev)) => {
                        m.value == prev.value + 1
                            || (fam == Family::Sequence && m.value == 9 && prev.value >= 1)
                    }
                };
                if next_ok {
                    cur.push((pi, *m));
                } else {
                    close(&mut cur, &mut runs, &mut last_closed);
                    // （三）（四） and 4. 5. go on numbering across sections: a run may open
                    // where the last one under the section before closed.
                    let continued =
                        matches!(fam, Family::Paren | Family::Arabic | Family::ArabicParen)
                            && m.value == last_closed + 1;
                    if m.value == 1 || continued {
                        cur.push((pi, *m));
                    }
                }
            } else if m.family.level() < fam.level() {
                close(&mut cur, &mut runs, &mut last_closed);
            }
        }
        close(&mut cur, &mut runs, &mut last_closed);
        for run in runs {
            out.push(block_list(doc, paras, &leads, fam, &run));
        }
    }
    out
}

/// —— bullets: paragraphs in a row that open with a dash.
fn dash_lists(doc: &Document, paras: &[P], leads: &[Option<Marker>]) -> Vec<FoundList> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        let is_dash = |k: usize| leads[k].is_some_and(|m| m.family == Family::Dash);
        if !is_dash(i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < paras.len() && is_dash(j) {
            j += 1;
        }
        if j - i >= 2 {
            let run: Vec<(usize, Marker)> =
                (i..j).filter_map(|k| leads[k].map(|m| (k, m))).collect();
            out.push(block_list(doc, paras, leads, Family::Dash, &run));
        }
        i = j;
    }
    out
}

fn block_list(
    doc: &Document,
    paras: &[P],
    leads: &[Option<Marker>],
    fam: Family,
    run: &[(usize, Marker)],
) -> FoundList {
    let parts: Vec<(String, u32)> = run
        .iter()
        .map(|(pi, m)| {
            let p = &paras[*pi];
            (p.text(m.len, p.chars.len()), p.line(m.len))
        })
        .collect();
    let (items, subject) = make_items(parts);
    let n = items.len();
    let first = run[0].0;
    // The lead: the paragraph before the first item, unless it is an item of another list;
    // for （一） lists the section heading above them.
    let mut cands: Vec<String> = Vec::new();
    // A sentence that ends on a colon right before the first item announces them (第四条
    // 机关基层党组织工作应当遵循以下原则：（一）…).
    let announced = first
        .checked_sub(1)
        .filter(|k| leads[*k].is_none() && paras[*k].chars.last() == Some(&'：'));
    if let (Family::Paren, Some(k)) = (fam, announced) {
        cands.extend(paras[k].sentences_before(paras[k].chars.len()));
    } else if fam == Family::Paren {
        if let Some(h) = (0..first)
            .rev()
            .find(|k| leads[*k].is_some_and(|m| m.family == Family::Heading))
        {
            let m = leads[h].map(|m| m.len).unwrap_or(0);
            cands.push(paras[h].text(m, paras[h].chars.len()));
        }
    } else if first > 0 {
        let prev = &paras[first - 1];
        cands.extend(prev.sentences_before(prev.chars.len()));
    }
    let lead = if fam == Family::Heading {
        cands
            .iter()
            .take(2)
            .find(|s| {
                ["几个", "几点", "几方面", "以下", "如下"]
                    .iter()
                    .any(|v| s.contains(v))
                    && !notes::frames_document(s)
            })
            .cloned()
            .unwrap_or_default()
    } else {
        choose_lead(&cands, n)
    };
    // The passage: the lead paragraph and each item's opening sentence, not whole sections.
    let mut passage_parts: Vec<String> = Vec::new();
    if first > 0 && leads[first - 1].is_none() {
        passage_parts.push(clip(&paras[first - 1].para.text, 200));
    }
    passage_parts.extend(run.iter().map(|(pi, _)| clip(&paras[*pi].para.text, 120)));
    let passage = passage_parts.join("\n");
    // An outline of sections with no sentence naming them: the parts of the document.
    let prompt = if fam == Family::Heading && lead.is_empty() {
        let count = markers::cn_numeral(n, true);
        format!("{}的{count}个部分", notes::document_name(&doc.title))
    } else {
        String::new()
    };
    FoundList {
        prompt,
        line: items.first().map(|i| i.line).unwrap_or(doc.line),
        items,
        marker: fam.name().to_string(),
        explicit: true,
        ordered: !matches!(fam, Family::Side | Family::Dash),
        passage,
        heading: vec![],
        lead,
        subject,
        para: first,
    }
}

/// Markers inside one paragraph: 一是…二是…, 第一点…第二点…, ①…②…, 首先…其次…最后…
fn inline_lists(paras: &[P]) -> Vec<FoundList> {
    let mut out = Vec::new();
    for p in paras {
        // A marker starts only at a clause boundary (`marker_at` asks that first): the
        // positions after one are the only ones worth asking about.
        let marks: Vec<(usize, Marker)> = (0..p.chars.len())
            .filter(|i| markers::at_boundary(&p.chars, *i))
            .filter_map(|i| marker_at(&p.chars, i, false).map(|m| (i, m)))
            .collect();
        let mut families: Vec<Family> = marks.iter().map(|(_, m)| m.family).collect();
        families.sort();
        families.dedup();
        for fam in families {
            if fam == Family::Dash {
                continue;
            }
            let fm: Vec<(usize, Marker)> = marks
                .iter()
                .copied()
                .filter(|(_, m)| m.family == fam)
                .collect();
            let mut run: Vec<(usize, Marker)> = Vec::new();
            let mut runs = Vec::new();
            for (i, m) in fm {
                let cont = run.last().is_some_and(|(_, prev): &(usize, Marker)| {
                    m.value == prev.value + 1 || (fam == Family::Sequence && m.value == 9)
                });
                if cont {
                    run.push((i, m));
                } else {
                    if run.len() >= 2 {
                        runs.push(std::mem::take(&mut run));
                    }
                    run.clear();
                    if m.value == 1 {
                        run.push((i, m));
                    }
                }
            }
            if run.len() >= 2 {
                runs.push(run);
            }
            for run in runs {
                // A paragraph-initial run of one paragraph is left to the block pass only
                // when it spans paragraphs; here every item is in this paragraph.
                let parts: Vec<(String, u32)> = run
                    .iter()
                    .enumerate()
                    .map(|(k, (i, m))| {
                        let start = i + m.len;
                        let end = match run.get(k + 1) {
                            Some((j, _)) => *j,
                            None => p.sentence_end(start),
                        };
                        (p.text(start, end), p.line(start))
                    })
                    .collect();
                let (items, subject) = make_items(parts);
                let first = run[0].0;
                // Lead: the clause before the first marker in its sentence, else the
                // sentences before it.
                let sent_start = (0..first)
                    .rev()
                    .find(|k| matches!(p.chars[*k], '。' | '！' | '？'))
                    .map(|k| k + 1)
                    .unwrap_or(0);
                let mut cands = Vec::new();
                let same = p.text(sent_start, first);
                if same.trim_matches(|c: char| !is_alnum(c)).chars().count() >= 4 {
                    cands.push(same);
                }
                cands.extend(p.sentences_before(sent_start));
                let lead = choose_lead(&cands, items.len());
                let end = run
                    .last()
                    .map(|(i, _)| p.sentence_end(*i))
                    .unwrap_or(p.chars.len());
                out.push(FoundList {
                    prompt: String::new(),
                    line: p.line(first),
                    items,
                    marker: fam.name().to_string(),
                    explicit: true,
                    ordered: !matches!(fam, Family::Side),
                    passage: p.text(sent_start, end),
                    heading: vec![],
                    lead,
                    subject,
                    para: p.idx,
                });
            }
        }
    }
    out
}

fn norm(s: &str) -> String {
    // The runs between dropped characters copied whole (most characters are kept).
    let mut out = String::with_capacity(s.len());
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if !is_alnum(c) {
            out.push_str(&s[run..i]);
            run = i + c.len_utf8();
        }
    }
    out.push_str(&s[run..]);
    out
}

/// The characters of `s`, counted first so that the vector is sized once and filled in place.
pub(super) fn char_vec(s: &str) -> Vec<char> {
    let mut out = vec!['\0'; s.chars().count()];
    for (d, c) in out.iter_mut().zip(s.chars()) {
        *d = c;
    }
    out
}

/// `cs` as a string, sized for three bytes a character (CJK) so that it rarely grows.
pub(super) fn string_of(cs: &[char]) -> String {
    let mut out = String::with_capacity(cs.len() * 3);
    out.extend(cs);
    out
}

/// `c.is_alphanumeric()`, answered without Unicode's tables for the characters of this genre
/// (CJK ideographs and Chinese punctuation): the table look-up is slow, and every finder asks.
pub(super) fn is_alnum(c: char) -> bool {
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    if matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '“'
            | '”'
            | '！'
            | '？'
            | '（'
            | '）'
            | '《'
            | '》'
            | '—'
            | '…'
    ) {
        return false;
    }
    c.is_alphanumeric()
}

/// The characters of `s` folded into 64 bits: `a` can contain `b` only when `a`'s mask
/// holds all of `b`'s bits, a test far cheaper than the substring search it guards.
pub(super) fn char_mask(s: &str) -> u64 {
    s.chars().fold(0, |m, c| m | 1 << (u32::from(c) % 64))
}

/// How much a list's structure vouches for it: explicit markers first, then enumerations
/// with a colon, a shared head or a count, then paragraph parallels, bare semicolon series
/// and 、-series last.
fn rank(l: &FoundList) -> u8 {
    if l.explicit {
        return 0;
    }
    match l.marker.as_str() {
        "：；" | "坚持" | "以…为" | "numeric" | "：，" | "run-in" => 1,
        "parallel" | "，" => 2,
        "；" => 3,
        _ => 4,
    }
}

/// Whether the list's passage opens on its first item: the sentence is about the items
/// (国有企业、民营企业、外资企业都是…), not one that only mentions them.
pub(super) fn opens_its_passage(l: &FoundList) -> bool {
    l.items
        .first()
        .is_some_and(|i| l.passage.starts_with(i.key.as_str()))
}

/// Drop lists that repeat another list: when at least half of one list's items match distinct
/// items of a list ranked before it (explicit first, then longer), it goes.
fn dedup(mut lists: Vec<FoundList>) -> Vec<FoundList> {
    lists.retain(|l| {
        l.items.len() >= 2
            && l.items.iter().all(|i| !i.key.is_empty())
            // Entries of a chronicle (1月20日 …, 1月22日 …) are dates, no list to recite.
            && 2 * l
                .items
                .iter()
                .filter(|i| structure::opens_with_date(&char_vec(&i.key)))
                .count()
                < l.items.len()
            // A list that names one item twice was cut wrong.
            && l
                .items
                .iter()
                .enumerate()
                .all(|(k, i)| l.items[..k].iter().all(|j| j.key != i.key))
    });
    let keys: Vec<Vec<String>> = lists
        .iter()
        .map(|l| l.items.iter().map(|i| norm(&i.key)).collect())
        .collect();
    // Character counts once, not per comparison (the pairs are many in a dense text).
    let lens: Vec<Vec<usize>> = keys
        .iter()
        .map(|ks| ks.iter().map(|k| k.chars().count()).collect())
        .collect();
    let masks: Vec<Vec<u64>> = keys
        .iter()
        .map(|ks| ks.iter().map(|k| char_mask(k)).collect())
        .collect();
    // Each list's item masks hashed to one bit each: two lists with an item mask in common
    // share a bit.
    let blooms: Vec<u64> = masks
        .iter()
        .map(|ms| {
            ms.iter().fold(0u64, |b, m| {
                b | 1 << (m.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
            })
        })
        .collect();
    // The words a series is coined on, when every item adds one character to them alike
    // (更平衡、更协调、更包容 / 平衡性、协调性、包容性: 平衡, 协调, 包容); none otherwise.
    let stems: Vec<Option<Vec<Vec<char>>>> = keys
        .iter()
        .map(|ks| {
            let cs: Vec<Vec<char>> = ks.iter().map(|k| char_vec(k)).collect();
            let (pre, suf) = (series::common_prefix(&cs), series::common_suffix(&cs));
            // (A negation is no affix: 不平衡、不协调 is the problem 平衡性、协调性 answers.)
            let negated = cs
                .first()
                .and_then(|c| c.first())
                .is_some_and(|c| matches!(c, '不' | '非' | '无' | '未'));
            let cut = match (pre, suf) {
                (1, 0) if !negated => (1, 0),
                (0, 1) => (0, 1),
                _ => return None,
            };
            (cs.len() >= 3 && cs.iter().all(|c| c.len() >= cut.0 + cut.1 + 2)).then(|| {
                cs.iter()
                    .map(|c| c[cut.0..c.len() - cut.1].to_vec())
                    .collect()
            })
        })
        .collect();
    // Lists overlap when their item lines do (a list over several paragraphs holds a series
    // in one of them) or they start in neighbouring paragraphs.
    let span = |l: &FoundList| {
        let lines = l.items.iter().map(|i| i.line);
        (
            lines.clone().min().unwrap_or(l.line),
            lines.max().unwrap_or(l.line),
        )
    };
    let spans: Vec<(u32, u32)> = lists.iter().map(span).collect();
    let near: Vec<Vec<bool>> = (0..lists.len())
        .map(|i| {
            (0..lists.len())
                .map(|j| {
                    lists[i].para.abs_diff(lists[j].para) <= 1
                        || (spans[i].0 <= spans[j].1 && spans[j].0 <= spans[i].1)
                })
                .collect()
        })
        .collect();
    // Two finders reading one passage word its items a little differently (数字消费 / 数字):
    // there one item inside the other is the same item. Far apart, the same words can name
    // different lists (数字消费、绿色消费 … and 数字、绿色 … 合作领域): only equal items match.
    let same = |(a, i): (&str, (usize, usize)), (b, j): (&str, (usize, usize))| {
        let (ma, mb) = (masks[i.0][i.1], masks[j.0][j.1]);
        // Near, one series restates another on the same words, in another sentence too
        // (提高发展的平衡性、协调性、包容性。…推动发展更平衡、更协调、更包容).
        if let (true, Some(sa), Some(sb)) = (near[i.0][j.0], &stems[i.0], &stems[j.0]) {
            if sa[i.1] == sb[j.1] {
                return true;
            }
        }
        // Two 、-series from two sentences are two lists (one series a clause): their words
        // differ (政府负责、社会协同… / 政府、学校、家庭、社会…).
        let two_series = lists[i.0].marker.starts_with('、')
            && lists[j.0].marker.starts_with('、')
            && lists[i.0].passage != lists[j.0].passage;
        if !near[i.0][j.0] || two_series {
            // Equal strings fold to equal masks: most pairs differ there.
            return ma == mb && a == b;
        }
        let (la, lb) = (lens[i.0][i.1], lens[j.0][j.1]);
        // …and the inner one is most of the outer (质量 is not 中国速度向中国质量转变).
        la.min(lb) >= 2
            && la.min(lb) * 2 >= la.max(lb)
            && ((ma & mb == mb && a.contains(b)) || (ma & mb == ma && b.contains(a)))
    };
    let mut order: Vec<usize> = (0..lists.len()).collect();
    // Among equals, a series its sentence is about (国有企业、民营企业、外资企业都是…) before
    // one that is only mentioned (分别推出支持国有企业、民营企业、外资企业发展政策).
    let mentioned = |l: &FoundList| l.marker.starts_with('、') && !opens_its_passage(l);
    order.sort_by_key(|i| {
        (
            rank(&lists[*i]),
            std::cmp::Reverse(lists[*i].items.len()),
            mentioned(&lists[*i]),
            lists[*i].line,
        )
    });
    let mut kept: Vec<usize> = Vec::new();
    // Which items of a kept list are matched already, one buffer for every pair.
    let mut used: Vec<bool> = Vec::new();
    for i in order {
        let l = &lists[i];
        // A series inside one item of another list is that item's wording, not a list.
        let series = l.marker.starts_with('、');
        let all = masks[i].iter().fold(0, |m, k| m | k);
        let inside = series
            && lists.iter().zip(&keys).zip(&masks).any(|((o, ok), om)| {
                !o.marker.starts_with('、')
                    && o.marker != "parallel"
                    && ok.iter().zip(om).any(|(it, m)| {
                        // …when the series is most of that item: a long clause that holds a
                        // whole series (坚持法治国家、法治政府、法治社会一体建设) holds a list.
                        // Words of one or two characters (农业、工业、国防) inside a long item
                        // are its wording still.
                        // (`it` is normalised: the series' own 、 are gone from it too.)
                        let series_len: usize = lens[i].iter().sum::<usize>();
                        let short_words = lens[i].iter().sum::<usize>() < 3 * lens[i].len();
                        all & m == all
                            && keys[i].iter().all(|x| it.contains(x.as_str()))
                            && (short_words || it.chars().count() <= series_len + 2)
                    })
            });
        if inside {
            continue;
        }
        // The items of `i` a list must share to repeat it: half of them, and two at least.
        let need = keys[i].len().div_ceil(2).max(2);
        let dup = kept.iter().any(|k| {
            // Far apart only equal items match, and equal items have equal masks: lists
            // with no mask in common share nothing (most pairs).
            if !near[i][*k] && blooms[i] & blooms[*k] == 0 {
                return false;
            }
            // Far apart, a shorter run of the same words is another list (家庭、学校、社会
            // 各方面 / 政府、学校、家庭、社会共同参与): only one as long repeats it.
            if !near[i][*k] && keys[i].len() != keys[*k].len() {
                return false;
            }
            used.clear();
            used.resize(keys[*k].len(), false);
            let mut shared = 0;
            for (a, it) in keys[i].iter().enumerate() {
                // Settled either way before the last item: stop there.
                if shared >= need {
                    return true;
                }
                if shared + (keys[i].len() - a) < need {
                    return false;
                }
                if let Some(j) = (0..keys[*k].len())
                    .find(|j| !used[*j] && same((it, (i, a)), (&keys[*k][*j], (*k, *j))))
                {
                    used[j] = true;
                    shared += 1;
                }
            }
            shared >= need
        });
        if !dup {
            kept.push(i);
        }
    }
    kept.sort_by_key(|i| (lists[*i].line, *i));
    kept.into_iter().map(|i| lists[i].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 、-series found at paragraph `para` (one line a paragraph, as in a clean text).
    fn series(para: usize, items: &[&str]) -> FoundList {
        FoundList {
            prompt: String::new(),
            items: items
                .iter()
                .map(|k| FoundItem {
                    key: k.to_string(),
                    full: k.to_string(),
                    line: para as u32 + 1,
                })
                .collect(),
            marker: "、".into(),
            explicit: false,
            ordered: false,
            line: para as u32 + 1,
            passage: String::new(),
            heading: Vec::new(),
            lead: String::new(),
            subject: None,
            para,
        }
    }

    fn keys(lists: &[FoundList]) -> Vec<Vec<&str>> {
        lists
            .iter()
            .map(|l| l.items.iter().map(|i| i.key.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_sentence_that_states_its_own_content_is_no_lead() {
        let cands = vec![
            "总的思路是，坚持以人民为中心，促进共同富裕，使全体人民扎实迈进。".to_string(),
            "我们要把握好以下几点。".to_string(),
        ];
        // A sentence further back that announces the items wins over it…
        assert_eq!(choose_lead(&cands, 6), "我们要把握好以下几点。");
        // …and with none, there is no lead (the list is named from its section or topic).
        assert_eq!(choose_lead(&cands[..1], 6), "");
        // A sentence that is about something else still leads.
        let plain = vec!["为此，必须着力破除主要矛盾和问题。".to_string()];
        assert_eq!(choose_lead(&plain, 5), plain[0]);
    }

    #[test]
    fn is_alnum_is_is_alphanumeric() {
        for c in ('\u{0}'..='\u{FFFF}').chain('\u{20000}'..='\u{2FFFF}') {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn one_passage_worded_twice_is_one_list() {
        let kept = dedup(vec![
            series(3, &["数字", "绿色", "健康", "智能"]),
            series(3, &["数字消费", "绿色消费", "健康消费"]),
        ]);
        assert_eq!(keys(&kept), vec![vec!["数字", "绿色", "健康", "智能"]]);
    }

    #[test]
    fn the_same_words_far_apart_are_two_lists_unless_equal() {
        let kept = dedup(vec![
            series(3, &["数字", "绿色", "健康", "智能"]),
            series(9, &["数字消费", "绿色消费", "健康消费"]),
            // A run as long with the same words repeats the list…
            series(20, &["数字", "绿色", "健康", "智能"]),
            // …a shorter one is another list (家庭、学校、社会 / 政府、学校、家庭、社会).
            series(30, &["数字", "绿色", "健康"]),
        ]);
        assert_eq!(
            keys(&kept),
            vec![
                vec!["数字", "绿色", "健康", "智能"],
                vec!["数字消费", "绿色消费", "健康消费"],
                vec!["数字", "绿色", "健康"],
            ]
        );
    }

    #[test]
    fn of_two_equal_series_the_one_its_sentence_is_about_stays() {
        let mut said = series(3, &["国有企业", "民营企业", "外资企业"]);
        said.passage = "分别推出支持国有企业、民营企业、外资企业发展政策。".into();
        let mut about = series(30, &["国有企业", "民营企业", "外资企业"]);
        about.passage = "国有企业、民营企业、外资企业都是现代化建设的重要力量。".into();
        let kept = dedup(vec![said, about]);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].para, 30);
    }

    #[test]
    fn two_series_in_two_sentences_of_a_paragraph_are_two_lists() {
        let mut a = series(3, &["政府负责", "社会协同", "有关部门"]);
        a.passage = "建立政府负责、社会协同、有关部门共同参与的安全管控机制。".into();
        let mut b = series(3, &["政府", "学校", "家庭", "社会"]);
        b.passage = "建立政府、学校、家庭、社会共同参与的风险分散机制。".into();
        assert_eq!(dedup(vec![a.clone(), b.clone()]).len(), 2);
        // One sentence read twice is one list.
        b.passage = a.passage.clone();
        assert_eq!(dedup(vec![a, b]).len(), 1);
    }

    #[test]
    fn a_series_is_an_items_wording_only_when_it_is_the_whole_item() {
        let mut outer = series(
            4,
            &[
                "坚持城市更新、乡村建设、园区改造统筹推进",
                "坚持绿色发展",
                "坚持共建共享",
            ],
        );
        outer.marker = "坚持".into();
        let inner = series(4, &["城市更新", "乡村建设", "园区改造"]);
        let mut short = series(4, &["科学规划", "建设管理", "运营维护"]);
        short.marker = "、".into();
        let mut holder = series(
            6,
            &["加强科学规划、建设管理、运营维护", "严控成本", "防范风险"],
        );
        holder.marker = "坚持".into();
        let kept = dedup(vec![outer, inner, holder, short]);
        let ks = keys(&kept);
        assert!(
            ks.contains(&vec!["城市更新", "乡村建设", "园区改造"]),
            "{ks:?}"
        );
        assert!(
            !ks.contains(&vec!["科学规划", "建设管理", "运营维护"]),
            "{ks:?}"
        );
    }

    #[test]
    fn a_series_under_a_verb_and_its_owner_in_an_item_is_a_list() {
        let mut outer = series(
            4,
            &[
                "提高发展的平衡性、协调性、包容性",
                "着力扩大中等收入群体规模",
                "促进基本公共服务均等化",
            ],
        );
        outer.marker = "第一".into();
        let inner = series(4, &["平衡性", "协调性", "包容性"]);
        let kept = dedup(vec![outer, inner]);
        assert!(
            keys(&kept).contains(&vec!["平衡性", "协调性", "包容性"]),
            "{:?}",
            keys(&kept)
        );
    }

    #[test]
    fn a_series_restated_on_the_same_words_nearby_is_one_list() {
        let mut named = series(4, &["平衡性", "协调性", "包容性"]);
        named.passage = "提高发展的平衡性、协调性、包容性。".into();
        let mut again = series(4, &["更平衡", "更协调", "更包容"]);
        again.passage = "推动发展更平衡、更协调、更包容。".into();
        let kept = dedup(vec![named.clone(), again.clone()]);
        assert_eq!(keys(&kept), vec![vec!["平衡性", "协调性", "包容性"]]);
        // Far apart, they are two lists.
        let mut far = again.clone();
        far.para = 9;
        for i in &mut far.items {
            i.line = 10;
        }
        far.line = 10;
        assert_eq!(dedup(vec![named.clone(), far]).len(), 2);
        // A negation is no affix: 不平衡、不协调、不充分 is the problem, not the goal.
        let mut problem = series(4, &["不平衡", "不协调", "不充分"]);
        problem.passage = "发展不平衡、不协调、不充分。".into();
        let mut goal = series(4, &["平衡性", "协调性", "充分性"]);
        goal.passage = "提高发展的平衡性、协调性、充分性。".into();
        assert_eq!(dedup(vec![problem, goal]).len(), 2);
        // An affix of two characters makes other words (数字经济 is not 数字化).
        let mut economies = series(4, &["数字经济", "绿色经济", "海洋经济"]);
        economies.passage = "发展数字经济、绿色经济、海洋经济。".into();
        let mut turns = series(4, &["数字化", "绿色化", "海洋化"]);
        turns.passage = "推进数字化、绿色化、海洋化。".into();
        assert_eq!(dedup(vec![economies, turns]).len(), 2);
    }

    #[test]
    fn a_word_inside_a_long_item_is_not_that_item() {
        let kept = dedup(vec![
            series(2, &["技术", "标准", "品牌", "质量", "服务"]),
            series(
                2,
                &[
                    "中国制造向中国创造转变",
                    "中国速度向中国质量转变",
                    "中国产品向中国品牌转变",
                ],
            ),
        ]);
        assert_eq!(kept.len(), 2);
    }
}
