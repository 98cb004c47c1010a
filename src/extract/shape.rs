//! Items at one depth, after a list is found and before its prompt is written.
//!
//! - A leading word of addition or of time (也, 还, 同时, 此外, 近年来 …) is not part of what a
//!   student recites: it goes from every item that carries it.
//! - A head factored out of a 、-series (`经济、政治、文化、社会、生态文明体制`) belongs to every
//!   item: `经济体制 … 生态文明体制`. Only category nouns of the genre count as such heads, and only
//!   when the other items are short bare modifiers.
//! - Stages and steps (`到2035年…，到本世纪中叶…`, `第一步…第二步…`, a `三步走` label) are learnt
//!   in order: the list becomes ordered.
use super::{char_vec, is_alnum, string_of, FoundList};

/// Words that open an item without being part of it. Checked longest first.
const FILLERS: [&str; 11] = [
    "与此同时",
    "近年来",
    "近些年",
    "同时",
    "此外",
    "另外",
    "再次",
    "并且",
    "也要",
    "也",
    "还要",
];

/// Nouns that a 、-series of modifiers shares when the text writes it once, after the last item.
const HEADS: [&str; 20] = [
    "体制",
    "体系",
    "机制",
    "制度",
    "建设",
    "领域",
    "保卫战",
    "攻坚战",
    "政府",
    "产业",
    "强国",
    "能力",
    "工程",
    "战略",
    "安全",
    "改革",
    "现代化",
    "文明",
    "行业",
    "环节",
];

/// Apply every shaping rule to a list, in place.
pub fn shape(l: &mut FoundList) {
    if l.marker == "、" {
        mend_word_cuts(l);
    }
    drop_fillers(l);
    if l.marker == "、" {
        drop_lead_verb(l);
    } else {
        drop_frame_clause(l);
    }
    expand_factored_head(l);
    if is_staged(l) {
        l.ordered = true;
    }
}

/// An item of a 、-series cut inside a word (`供应链金` of 供应链金融, `备和材料` of 设备和材料)
/// grows to the word's edge (see [`mend_edges`]). Only a short window around an item whose
/// edge touches text is segmented.
fn mend_word_cuts(l: &mut FoundList) {
    let passage: Vec<char> = char_vec(&l.passage);
    let mut from = 0;
    for item in &mut l.items {
        let key: Vec<char> = char_vec(&item.key);
        if key.is_empty() {
            continue;
        }
        let Some(s) = (from..passage.len().saturating_sub(key.len() - 1))
            .find(|&i| passage[i..i + key.len()] == key[..])
        else {
            continue;
        };
        let e = s + key.len();
        from = e;
        // An end next to punctuation (、，和 between items) is a boundary already: most items
        // need no segmenting at all.
        let open_start = s > 0 && is_alnum(passage[s - 1]) && is_alnum(passage[s]);
        // 的 or 等 after an item closes it, whatever word jieba makes of it (育美|的: 美的).
        let open_end =
            e < passage.len() && is_alnum(passage[e]) && !matches!(passage[e], '的' | '等');
        if !open_start && !open_end {
            continue;
        }
        let w0 = s.saturating_sub(6);
        let w1 = (e + 6).min(passage.len());
        let bounds: Vec<usize> = super::cut::char_boundaries(&passage[w0..w1])
            .into_iter()
            .map(|b| b + w0)
            .collect();
        // Only short words grow here (no `hi` a bound can reach): a series split at a head its
        // items share (城乡管理体制|改革) was split on purpose; the series pass mends the rest.
        let (ns, ne) = mend_edges(
            &passage,
            &bounds,
            (s, e),
            (w0, w1 + 1),
            &super::series::governs,
        );
        if (ns, ne) != (s, e) {
            let mended: String = string_of(&passage[ns..ne]);
            if item.full == item.key || !item.full.contains(mended.as_str()) {
                item.full = mended.clone();
            }
            item.key = mended;
            from = ne;
        }
    }
}

/// The edges of an item `s..e` of `text` moved off a cut inside a word, given the word
/// boundaries `bounds` (sorted char offsets) around it. The start grows back over the rest of a
/// short word (劳|动者 → 劳动者) or over the one character a long word lost (大|专院校) — unless that word is the verb governing the series
/// (`governs`: 推|动全员 → 全员); the end grows to the word's end when the word is short
/// (供应链金|融) or the word runs to `hi`, the end of the clause (百年奋|斗目标). Never past
/// `lo`/`hi`, never by more than three characters.
pub(super) fn mend_edges(
    text: &[char],
    bounds: &[usize],
    (s, e): (usize, usize),
    (lo, hi): (usize, usize),
    governs: &dyn Fn(&str) -> bool,
) -> (usize, usize) {
    let is_bound = |c: usize| bounds.binary_search(&c).is_ok();
    let before = |c: usize| bounds.iter().rev().find(|b| **b < c).copied();
    let after = |c: usize| bounds.iter().find(|b| **b > c).copied();
    let inside = |c: usize| {
        c > 0 && c < text.len() && is_alnum(text[c - 1]) && is_alnum(text[c]) && !is_bound(c)
    };
    // Right after a governing verb (着力|保基本) the item starts where it should, however the
    // segmenter reads the characters around it (着|力保|基本).
    // Asked only of a start inside a word (most starts are not).
    let after_verb = || (2..=4).any(|k| s >= k && governs(&string_of(&text[s - k..s])));
    let mut ns = s;
    if inside(s) && !after_verb() {
        if let (Some(b0), Some(b1)) = (before(s), after(s)) {
            let word: String = string_of(&text[b0..b1]);
            if governs(&word) && b1 + 2 <= e {
                ns = b1;
            } else if (b1 - b0 <= 3 || s - b0 == 1) && b0 >= lo {
                // A long word cut one character in (各地大|专院校) grows back by that one.
                ns = b0;
            }
        }
    }
    let mut ne = e;
    if inside(e) {
        if let (Some(b0), Some(b1)) = (before(e), after(e)) {
            // (…or a long word that lost only its last character: 各界人|士.)
            if b1 - e <= 3 && b1 <= hi && (b1 - b0 <= 3 || b1 == hi || b1 - e == 1) {
                ne = b1;
            }
        }
    }
    (ns, ne)
}

/// Verbs that govern a 、-series of nouns from outside it (发展|新一代信息技术、生物技术、新能源).
pub(super) const GOVERNING: [&str; 42] = [
    "发展", "制定", "深化", "补齐", "做好", "化解", "落实", "加强", "推进", "推动", "完善", "实施",
    "支持", "培育", "打造", "提升", "强化", "优化", "健全", "建立", "构建", "开展", "促进", "巩固",
    "坚持", "统筹", "防范", "治理", "整治", "鼓励", "引导", "规范", "严控", "控制", "淘汰", "聚焦",
    "围绕", "涵盖", "包括", "涉及", "纳入", "依托",
];

/// Adverbs that may stand before such a verb (大力|发展|风能).
const VERB_ADVERBS: [&str; 14] = [
    "大力",
    "积极",
    "加快",
    "深入",
    "着力",
    "全面",
    "持续",
    "稳步",
    "有序",
    "切实",
    "不断",
    "扎实",
    "进一步",
    "重点",
];

/// A short subject with 具有/拥有 that opens `key` (我国具有|显著的制度优势), as a byte length.
fn lead_have(key: &str) -> Option<usize> {
    ["具有", "拥有"].iter().find_map(|v| {
        key.find(v)
            .filter(|at| key[..*at].chars().count() <= 4)
            .map(|at| at + v.len())
    })
}

/// The governing verb (with its adverb) that opens `key`, as a byte length; or a short
/// subject with 具有/拥有 ([`lead_have`]).
fn lead_verb(key: &str) -> Option<usize> {
    if let Some(h) = lead_have(key) {
        return Some(h);
    }
    let adv = VERB_ADVERBS
        .iter()
        .find(|a| key.starts_with(**a))
        .map_or(0, |a| a.len());
    GOVERNING
        .iter()
        .find(|v| key[adv..].starts_with(**v))
        .map(|v| adv + v.len())
}

/// The verb that governs a series of nouns stays out of its first item: `大力发展风能、太阳能、
/// 生物质能` → 风能. Only when no other item opens with a verb (扩大内需、优化结构 are verb
/// phrases, each whole) and the other items are short nouns the rest is like.
fn drop_lead_verb(l: &mut FoundList) {
    if l.items.len() < 3 {
        return;
    }
    let n = |s: &str| s.chars().count();
    let Some(v) = lead_verb(&l.items[0].key) else {
        return;
    };
    let others = &l.items[1..];
    if others.iter().any(|i| lead_verb(&i.key).is_some()) {
        return;
    }
    let max = others.iter().map(|i| n(&i.key)).max().unwrap_or(0);
    let first = l.items[0].key.as_str();
    // The first item's last two characters, the ending items of one kind share.
    let tail = &first[first.char_indices().rev().nth(1).map_or(0, |(i, _)| i)..];
    let same_end = others.iter().all(|i| i.key.ends_with(tail));
    // What a subject has (我国具有|显著的制度优势、…的需求优势、…的供给优势) are nouns of one
    // kind, however long: the subject and its verb leave the first item.
    if lead_have(first).is_some() {
        let rest = &first[v..];
        if n(rest) >= 4 && n(rest) <= max + 3 {
            // The subject and verb name the list by the ending the items share (我国具有的
            // 四个优势).
            if same_end {
                let owner = &first[..v];
                l.prompt = format!(
                    "{owner}的{}个{tail}",
                    super::markers::cn_numeral(l.items.len(), true)
                );
            }
            drop_key_opening(&mut l.items[0], v);
        }
        return;
    }
    // Items as long as the first that open with a verb too (补齐短板、拉长长板、锻造新板) are
    // verb phrases alike, and items that end like the first (发展规划、专项规划、区域规划) are
    // nouns of one kind.
    let alike = others.iter().all(|i| n(&i.key) == n(first))
        && super::cut::segmenter().is_none_or(|s| others.iter().any(|i| s.opens_with_verb(&i.key)));
    if alike || same_end {
        return;
    }
    let rest = &first[v..];
    // 发展|和减排: the verb was a noun of a pair, not a verb of the series.
    let glued = rest.starts_with(['和', '与', '及', '的', '等', '同', '、']);
    // A verb that takes the whole series as its object, like a preposition (依托|国家级新区、
    // 国家高新技术产业开发区), takes it however long the items are.
    let takes_all = ["依托", "围绕", "聚焦", "涵盖", "包括", "涉及"]
        .iter()
        .any(|w| first[..v].ends_with(w));
    if glued || (!takes_all && (max > 6 || n(rest) > max + 2)) || n(rest) < 2 {
        return;
    }
    drop_key_opening(&mut l.items[0], v);
}

/// `item` without the first `bytes` of its key, in its key and in the full text that starts
/// with it.
fn drop_key_opening(item: &mut super::FoundItem, bytes: usize) {
    let rest = item.key[bytes..].to_string();
    if let Some(full) = item.full.strip_prefix(item.key.as_str()) {
        item.full = format!("{rest}{full}");
    }
    item.key = rest;
}

/// Clauses that frame what follows (通过劳动教育，使学生能够|理解和形成…): how or why, never
/// what is learnt.
const FRAME_OPENERS: [&str; 6] = ["通过", "为了", "围绕", "按照", "根据", "依托"];

/// A first item that is only the frame of the sentence it opens (`通过劳动教育`, then `，使学生
/// 能够理解和形成马克思主义劳动观`) starts after the frame, and after a causative 使…能够 that
/// follows it. Not when the siblings open the same way: then the frame is what they share.
fn drop_frame_clause(l: &mut FoundList) {
    if l.items.len() < 2 {
        return;
    }
    let key = l.items[0].key.as_str();
    let Some(f) = FRAME_OPENERS.iter().find(|f| key.starts_with(**f)) else {
        return;
    };
    if l.items[1..].iter().any(|i| i.key.starts_with(f)) {
        return;
    }
    let Some(rest) = l.items[0]
        .full
        .strip_prefix(key)
        .and_then(|r| r.strip_prefix('，'))
    else {
        return;
    };
    // 使学生能够|…, 让青少年得以|…: the causative goes with the frame.
    let rest = ["使", "让"]
        .iter()
        .find_map(|c| rest.strip_prefix(c))
        .and_then(|r| {
            ["能够", "得以"].iter().find_map(|m| {
                r.find(m)
                    .filter(|at| r[..*at].chars().count() <= 6)
                    .map(|at| &r[at + m.len()..])
            })
        })
        .unwrap_or(rest)
        .to_string();
    let new_key = rest
        .split(['，', '；', '。', '：'])
        .next()
        .unwrap_or("")
        .to_string();
    if new_key.chars().count() < 4 {
        return;
    }
    let first = &mut l.items[0];
    first.full = rest;
    first.key = new_key;
}

fn drop_fillers(l: &mut FoundList) {
    for item in &mut l.items {
        let key = item.key.as_str();
        let Some(f) = FILLERS.iter().find(|f| key.starts_with(**f)) else {
            continue;
        };
        // 也要 and 还要 keep their 要-less rest only; what follows must still be an item.
        let rest = key[f.len()..].trim_start_matches(['，', ',', '、']);
        // 还原, 也许: the filler must not be the first half of a word — a following character
        // that cannot start an item (a particle or another adverb) says it is.
        let next = rest.chars().next();
        let glued = matches!(
            next,
            Some('许' | '就' | '原' | '款' | '是' | '不' | '没' | '会' | '可')
        ) && f.chars().count() == 1;
        if rest.chars().count() >= 2 && !glued {
            let stripped = rest.to_string();
            if let Some(full) = item.full.strip_prefix(key) {
                item.full = format!("{stripped}{full}");
            } else if let Some(full) = item.full.strip_prefix(*f) {
                item.full = full.trim_start_matches(['，', ',']).to_string();
            }
            item.key = stripped;
        }
    }
}

/// `经济、政治、文化、社会、生态文明体制` → each item with 体制, when the last item is a
/// modifier of the others' length followed by a head noun that no other item has.
fn expand_factored_head(l: &mut FoundList) {
    if l.items.len() < 3 || l.marker != "、" {
        return;
    }
    let Some((last, rest)) = l.items.split_last() else {
        return;
    };
    let lens: Vec<usize> = rest.iter().map(|i| i.key.chars().count()).collect();
    let longest = lens.iter().copied().max().unwrap_or(0);
    if longest == 0 || longest > 4 {
        return;
    }
    // The longest head that ends the last item (现代化 before 化-less heads).
    let Some(head) = HEADS
        .iter()
        .filter(|h| last.key.ends_with(**h))
        .max_by_key(|h| h.len())
    else {
        return;
    };
    let modifier_len = last.key.chars().count() - head.chars().count();
    // The modifier is as short as its siblings (one character either way, at most four).
    // The modifier is no shorter than any sibling and at most four characters: in
    // 有基础、有条件、有能力 the last item is a sibling of its own (有 + noun), not a modifier.
    let shortest = lens.iter().copied().min().unwrap_or(0);
    if modifier_len < shortest || modifier_len > 4 {
        return;
    }
    // Items that open alike (有…、有…; 边…、边…) are parallel phrases, complete as written.
    let first = |s: &str| s.chars().next();
    if l.items.iter().all(|i| first(&i.key) == first(&last.key)) {
        return;
    }
    // A sibling that ends in the head already, or contains it, means the head is not factored.
    if rest.iter().any(|i| i.key.contains(*head)) {
        return;
    }
    let n = l.items.len();
    for item in l.items.iter_mut().take(n - 1) {
        item.key = format!("{}{head}", item.key);
        // The context shows the item as learnt, so it holds the item (lint checks it).
        if !item.full.contains(item.key.as_str()) {
            item.full = item.key.clone();
        }
    }
}

/// Time-stage openers: 到2035年, 到本世纪中叶, 到上世纪末, 到“十四五”末, 到建党一百年时, 至2030年.
pub(super) fn stage_opener(key: &str) -> bool {
    let k: Vec<char> = char_vec(key);
    if let Some(c) = k.first() {
        if *c == '第' && k.get(2) == Some(&'步') {
            return true;
        }
    }
    if !matches!(k.first(), Some('到' | '至')) {
        return false;
    }
    let head: String = k.iter().take(12).collect();
    ["年", "世纪", "中叶", "末"]
        .iter()
        .any(|t| head.contains(t))
}

fn is_staged(l: &FoundList) -> bool {
    if l.items.len() >= 2 && l.items.iter().all(|i| stage_opener(&i.key)) {
        return true;
    }
    // A numeric label of steps (三步走, 两步走) or stages (两个阶段) announces an order.
    let label = format!("{}{}", l.prompt, l.lead);
    let chars: Vec<char> = char_vec(&label);
    chars
        .windows(3)
        .any(|w| matches!(w[0], '两' | '三' | '四' | '五') && w[1] == '步' && w[2] == '走')
        || label.contains("个阶段")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::FoundItem;

    fn list(marker: &str, keys: &[&str]) -> FoundList {
        FoundList {
            prompt: String::new(),
            items: keys
                .iter()
                .map(|k| FoundItem {
                    key: k.to_string(),
                    full: k.to_string(),
                    line: 1,
                })
                .collect(),
            marker: marker.to_string(),
            explicit: false,
            ordered: false,
            line: 1,
            passage: String::new(),
            heading: vec![],
            lead: String::new(),
            subject: None,
            para: 0,
        }
    }

    fn keys(l: &FoundList) -> Vec<&str> {
        l.items.iter().map(|i| i.key.as_str()).collect()
    }

    #[test]
    fn a_factored_head_goes_to_every_item() {
        let mut l = list("、", &["交通", "能源", "水利", "城市管理体制"]);
        // 城市管理 is four characters beside two-character siblings: still a modifier.
        shape(&mut l);
        assert_eq!(
            keys(&l),
            ["交通体制", "能源体制", "水利体制", "城市管理体制"]
        );
        let mut l = list("、", &["大气", "水体", "土壤保卫战"]);
        shape(&mut l);
        assert_eq!(keys(&l), ["大气保卫战", "水体保卫战", "土壤保卫战"]);
    }

    #[test]
    fn a_last_item_that_is_a_word_of_its_own_is_left_alone() {
        // 有 + noun three times: the last item's 有 is no modifier of the others.
        let mut l = list("、", &["有决心", "有信心", "有能力"]);
        shape(&mut l);
        assert_eq!(keys(&l), ["有决心", "有信心", "有能力"]);
        let mut l = list("、", &["边学习", "边总结", "边建设"]);
        shape(&mut l);
        assert_eq!(keys(&l), ["边学习", "边总结", "边建设"]);
        // 社会保障 ends in no head noun: nothing is factored.
        let mut l = list("、", &["产业", "就业", "教育", "社会保障"]);
        shape(&mut l);
        assert_eq!(keys(&l), ["产业", "就业", "教育", "社会保障"]);
        // Long siblings are whole items, not modifiers.
        let mut l = list("、", &["完善市场准入", "健全产权保护", "优化营商环境体系"]);
        shape(&mut l);
        assert_eq!(keys(&l)[0], "完善市场准入");
        // A sibling with the head already: the series is not factored.
        let mut l = list("、", &["法律体系", "监察", "人民监督体系"]);
        shape(&mut l);
        assert_eq!(keys(&l), ["法律体系", "监察", "人民监督体系"]);
        // Only 、-series factor a head; clause lists never do.
        let mut l = list("一是", &["交通", "能源", "城市管理体制"]);
        shape(&mut l);
        assert_eq!(keys(&l)[0], "交通");
    }

    #[test]
    fn items_cut_inside_a_word_grow_to_its_edge() {
        let mut l = list("、", &["普惠金融", "绿色金融", "供应链金"]);
        l.passage = "统筹推进普惠金融、绿色金融、供应链金融发展。".to_string();
        shape(&mut l);
        assert_eq!(keys(&l), ["普惠金融", "绿色金融", "供应链金融"]);
        // Whole words stay as they are.
        let mut l = list("、", &["产权保护", "市场准入", "公平竞争"]);
        l.passage = "完善产权保护、市场准入、公平竞争等制度。".to_string();
        shape(&mut l);
        assert_eq!(keys(&l), ["产权保护", "市场准入", "公平竞争"]);
    }

    #[test]
    fn an_edge_inside_a_word_moves_to_the_word_edge() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        let no_verb = |_: &str| false;
        // 坚持|劳动者|优先, the item cut after 劳: it grows back over the short word.
        let t = c("坚持劳动者优先");
        assert_eq!(
            mend_edges(&t, &[0, 2, 5, 7], (3, 7), (0, 7), &no_verb),
            (2, 7)
        );
        // 推动|全员|参与 cut after 推: a governing verb is left to the frame.
        let t = c("推动全员参与");
        let verb = |w: &str| w == "推动";
        assert_eq!(mend_edges(&t, &[0, 2, 4, 6], (1, 6), (0, 6), &verb), (2, 6));
        assert_eq!(
            mend_edges(&t, &[0, 2, 4, 6], (1, 6), (0, 6), &no_verb),
            (0, 6)
        );
        // 着力|保障 read by the segmenter as 着|力保|障: after a governing verb the start stands.
        let t = c("着力保障民生");
        let verb = |w: &str| w == "着力";
        assert_eq!(
            mend_edges(&t, &[0, 1, 3, 4, 6], (2, 6), (0, 6), &verb),
            (2, 6)
        );
        assert_eq!(
            mend_edges(&t, &[0, 1, 3, 4, 6], (2, 6), (0, 6), &no_verb),
            (1, 6)
        );
        // 各地|大专院校 cut one character in: the long word takes it back.
        let t = c("各地大专院校");
        assert_eq!(mend_edges(&t, &[0, 2, 6], (3, 6), (0, 6), &no_verb), (2, 6));
        // …but two characters in, the cut stands (no guess at a long word's start).
        let t = c("各地大专院校");
        assert_eq!(mend_edges(&t, &[0, 2, 6], (4, 6), (0, 6), &no_verb), (4, 6));
        // 各界人|士: a long word that lost its last character takes it back.
        let t = c("各界人士要团结");
        assert_eq!(
            mend_edges(&t, &[0, 4, 5, 7], (0, 3), (0, 7), &no_verb),
            (0, 4)
        );
        // 实现|百年奋斗目标, cut inside a long word that ends the clause: it grows to its end.
        let t = c("实现百年奋斗目标");
        assert_eq!(mend_edges(&t, &[0, 2, 8], (2, 5), (0, 8), &no_verb), (2, 8));
        // A cut between the parts of a long word inside the clause (乡村|建设行动) stays.
        let t = c("乡村建设行动");
        assert_eq!(mend_edges(&t, &[0, 4, 6], (0, 2), (0, 6), &no_verb), (0, 2));
    }

    #[test]
    fn fillers_leave_the_items() {
        let mut l = list(
            "；",
            &[
                "近年来持续改善水质",
                "同时，稳步扩大绿地",
                "也要加快治理噪声",
            ],
        );
        shape(&mut l);
        assert_eq!(keys(&l), ["持续改善水质", "稳步扩大绿地", "加快治理噪声"]);
        // 还原 and 也许 are words, not fillers.
        let mut l = list("；", &["还原历史真相", "也许还有机会"]);
        shape(&mut l);
        assert_eq!(keys(&l), ["还原历史真相", "也许还有机会"]);
    }

    #[test]
    fn a_first_item_that_is_only_a_frame_starts_after_it() {
        let mut l = list(
            "；",
            &["通过劳动教育", "体会劳动创造美好生活", "具备基本劳动能力"],
        );
        l.items[0].full = "通过劳动教育，使学生能够理解和形成马克思主义劳动观，牢固树立观念".into();
        shape(&mut l);
        assert_eq!(keys(&l)[0], "理解和形成马克思主义劳动观");
        // Siblings framed alike keep their frames.
        let mut l = list("；", &["通过改革", "通过开放", "通过创新"]);
        l.items[0].full = "通过改革，释放活力".into();
        shape(&mut l);
        assert_eq!(keys(&l)[0], "通过改革");
    }

    #[test]
    fn the_verb_governing_a_series_of_nouns_leaves_its_first_item() {
        let mut l = list("、", &["大力发展风能", "太阳能", "生物质能", "海洋能"]);
        shape(&mut l);
        assert_eq!(keys(&l), ["风能", "太阳能", "生物质能", "海洋能"]);
        // A series of verb phrases keeps each verb.
        let mut l = list("、", &["扩大内需", "优化结构", "提振信心"]);
        shape(&mut l);
        assert_eq!(keys(&l), ["扩大内需", "优化结构", "提振信心"]);
        // Nor is a verb taken from items longer than the short nouns that follow.
        let mut l = list("、", &["加强基础研究和前沿技术布局", "新材料", "新技术"]);
        shape(&mut l);
        assert_eq!(keys(&l)[0], "加强基础研究和前沿技术布局");
        let mut l = list(
            "、",
            &[
                "我国具有显著的制度优势",
                "超大规模市场的需求优势",
                "产业体系完备的供给优势",
            ],
        );
        shape(&mut l);
        assert_eq!(keys(&l)[0], "显著的制度优势");
        assert_eq!(l.prompt, "我国具有的三个优势");
        let mut l = list(
            "、",
            &["依托国家级新区", "国家高新技术产业开发区", "自由贸易试验区"],
        );
        shape(&mut l);
        assert_eq!(keys(&l)[0], "国家级新区");
        // 发展和减排 is a pair of nouns.
        let mut l = list("、", &["发展和减排", "整体和局部", "短期和中长期"]);
        shape(&mut l);
        assert_eq!(keys(&l)[0], "发展和减排");
        let mut l = list("、", &["补齐短板", "拉长长板", "锻造新板"]);
        shape(&mut l);
        assert_eq!(keys(&l)[0], "补齐短板");
        let mut l = list("、", &["发展规划", "专项规划", "区域规划"]);
        shape(&mut l);
        assert_eq!(keys(&l)[0], "发展规划");
    }

    #[test]
    fn stages_are_learnt_in_order() {
        let mut l = list(
            "，",
            &["到2030年基本建成示范区", "到本世纪中叶全面建成示范区"],
        );
        shape(&mut l);
        assert!(l.ordered);
        let mut l = list(
            "：",
            &["第一步解决温饱", "第二步达到小康", "第三步基本实现现代化"],
        );
        shape(&mut l);
        assert!(l.ordered);
        let mut l = list("，", &["解决温饱", "达到小康"]);
        l.lead = "“两步走”战略".to_string();
        shape(&mut l);
        assert!(l.ordered);
        // Items that merely mention a year are not stages.
        let mut l = list("、", &["推进2030年前碳达峰", "完善考核办法"]);
        shape(&mut l);
        assert!(!l.ordered);
    }
}
