//! Building a paper: which notes and types to ask, stems, options and distractors.
//!
//! Distractors are items of other lists, ranked by how easily a student would confuse the two
//! lists: the same category word in the prompt (…的特征 vs …的特征), the same item frame
//! (坚持… / …的现代化), shared wording (character bigrams of the prompts and items), then the
//! same document and the same deck. Never an item of the question's own list (compared after
//! normalising), never two options that normalise to the same text.
use std::collections::{BTreeSet, HashSet};

use rand::rngs::ChaCha8Rng;
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};

use super::{normalized, Answer, ExamError, Kind, Paper, Question};
use crate::cloze::{self, frame, mask, Piece, Slot};
use crate::deck::{Deck, DeckId, ListNote, Note, NoteBody};

/// What paper to build.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PaperSpec {
    /// Ask only about this deck (distractors still come from every deck).
    pub deck: Option<DeckId>,
    /// Ask only about notes with this tag.
    pub tag: Option<String>,
    pub questions: usize,
    pub seed: u64,
}

/// One note with its deck, as the builder sees it.
#[derive(Debug, Clone, Copy)]
struct Entry<'a> {
    deck: &'a DeckId,
    doc: Option<&'a str>,
    note: &'a Note,
}

/// Every note of the loaded decks: the questions' notes and the distractors' lists.
#[derive(Debug)]
pub struct Pool<'a> {
    entries: Vec<Entry<'a>>,
}

impl<'a> Pool<'a> {
    pub fn new(decks: &'a [Deck]) -> Pool<'a> {
        let entries = decks
            .iter()
            .flat_map(|d| {
                d.notes.iter().map(move |n| Entry {
                    deck: &d.meta.id,
                    doc: n.source.as_ref().and_then(|s| s.doc.as_deref()),
                    note: n,
                })
            })
            .collect();
        Pool { entries }
    }
}

/// A list with what the ranking compares, computed once.
struct ListInfo<'a> {
    entry: Entry<'a>,
    list: &'a ListNote,
    norm_items: Vec<String>,
    category: String,
    frame: cloze::Frame,
    bigrams: HashSet<(char, char)>,
}

fn list_info<'a>(e: Entry<'a>) -> Option<ListInfo<'a>> {
    let NoteBody::List(list) = &e.note.body else {
        return None;
    };
    let mut text = list.prompt.clone();
    for it in &list.items {
        text.push_str(it);
    }
    let chars: Vec<char> = normalized(&text).chars().collect();
    Some(ListInfo {
        entry: e,
        list,
        norm_items: list.items.iter().map(|s| normalized(s)).collect(),
        category: category(&list.prompt),
        frame: frame(&list.items),
        bigrams: chars.windows(2).map(|w| (w[0], w[1])).collect(),
    })
}

/// The category word of a prompt named as exam books do (subject + 的 + count + category):
/// 中国式现代化的五个特征 → 特征. Empty when the prompt has no count.
fn category(prompt: &str) -> String {
    let p = prompt.trim();
    // Drop a trailing （N项） size note.
    let p = match p.rfind('（') {
        Some(i) if p.ends_with('）') => &p[..i],
        _ => p,
    };
    let chars: Vec<char> = p.chars().collect();
    const NUM: &str = "一二三四五六七八九十两几多";
    const CLASSIFIER: &str = "个条项点方面大种";
    // The last run of numerals followed by a classifier; the rest is the category.
    let mut cut = None;
    for i in 0..chars.len() {
        if NUM.contains(chars[i]) {
            let mut j = i;
            while j < chars.len() && NUM.contains(chars[j]) {
                j += 1;
            }
            if j < chars.len() && CLASSIFIER.contains(chars[j]) {
                cut = Some(j + 1);
            }
        }
    }
    match cut {
        Some(c) if c < chars.len() => chars[c..].iter().collect(),
        _ => String::new(),
    }
}

/// How confusable list `b` is with the question's list `a` (higher first).
fn affinity(a: &ListInfo<'_>, b: &ListInfo<'_>) -> f64 {
    let mut s = 0.0;
    if !a.category.is_empty() && a.category == b.category {
        s += 4.0;
    }
    let shares = |x: &str, y: &str| !x.is_empty() && x == y;
    if shares(&a.frame.prefix, &b.frame.prefix) || shares(&a.frame.suffix, &b.frame.suffix) {
        s += 3.0;
    }
    let common = a.bigrams.intersection(&b.bigrams).count() as f64;
    let union = (a.bigrams.len() + b.bigrams.len()) as f64 - common;
    if union > 0.0 {
        s += 6.0 * common / union;
    }
    if a.entry.doc.is_some() && a.entry.doc == b.entry.doc {
        s += 1.0;
    }
    if a.entry.deck == b.entry.deck {
        s += 1.0;
    }
    s
}

/// Distractors for list `a`: items of other lists, best-ranked lists first, at most two per
/// list, none normalising to an item of `a` or to another distractor.
fn distractors(
    a: &ListInfo<'_>,
    lists: &[ListInfo<'_>],
    rng: &mut ChaCha8Rng,
    want: usize,
) -> Vec<String> {
    let own: HashSet<&str> = a.norm_items.iter().map(String::as_str).collect();
    let mut ranked: Vec<(f64, usize)> = lists
        .iter()
        .enumerate()
        .filter(|(_, b)| !std::ptr::eq(b.list, a.list))
        .map(|(i, b)| (affinity(a, b), i))
        .collect();
    // Shuffle first so equal scores are broken by the seed, then a stable sort by score.
    ranked.shuffle(rng);
    ranked.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (_, i) in ranked {
        let b = &lists[i];
        let mut idx: Vec<usize> = (0..b.list.items.len()).collect();
        idx.shuffle(rng);
        let mut taken = 0;
        for k in idx {
            let n = &b.norm_items[k];
            if n.chars().count() < 2 || own.contains(n.as_str()) || seen.contains(n) {
                continue;
            }
            seen.insert(n.clone());
            out.push(b.list.items[k].clone());
            taken += 1;
            if out.len() == want || taken == 2 {
                break;
            }
        }
        if out.len() == want {
            break;
        }
    }
    out
}

/// A list whose items are distinct after normalising (else options could repeat).
fn distinct_items(info: &ListInfo<'_>) -> bool {
    let set: HashSet<&String> = info.norm_items.iter().collect();
    set.len() == info.norm_items.len() && info.norm_items.iter().all(|n| !n.is_empty())
}

/// True when `stem` gives away any of `answers` (compared after normalising).
fn shows(stem: &str, answers: &[String]) -> bool {
    let s = normalized(stem);
    answers.iter().any(|a| {
        let a = normalized(a);
        !a.is_empty() && s.contains(&a)
    })
}

/// The prompt as a stem names the list: without the trailing （N项） size note.
fn prompt_name(list: &ListNote) -> String {
    let p = list.prompt.trim();
    match p.rfind('（') {
        Some(i) if p.ends_with('）') && p[i..].contains('项') => p[..i].to_string(),
        _ => p.to_string(),
    }
}

struct Ctx<'a, 'r> {
    lists: &'r [ListInfo<'a>],
    rng: &'r mut ChaCha8Rng,
}

fn base(e: &Entry<'_>, kind: Kind, slot: Slot, stem: String) -> Question {
    Question {
        kind,
        deck: e.deck.clone(),
        note: e.note.id.clone(),
        slot,
        stem,
        options: Vec::new(),
        answer: Answer::Options(Vec::new()),
        ordered: false,
        passage: e.note.passage.clone(),
    }
}

/// One question of `kind` about list `a`, or `None` when the list cannot carry it.
fn list_question(a: &ListInfo<'_>, kind: Kind, cx: &mut Ctx<'_, '_>) -> Option<Question> {
    let items = &a.list.items;
    if items.len() < 2 || !distinct_items(a) {
        return None;
    }
    let name = prompt_name(a.list);
    let e = &a.entry;
    match kind {
        Kind::Single => {
            let ds = distractors(a, cx.lists, cx.rng, 3);
            if ds.len() < 3 {
                return None;
            }
            let i = cx.rng.random_range(0..items.len());
            let mut opts: Vec<(String, bool)> = ds.into_iter().map(|d| (d, false)).collect();
            opts.push((items[i].clone(), true));
            opts.shuffle(cx.rng);
            let mut q = base(
                e,
                kind,
                Slot::Item(i),
                format!("下列哪一项属于「{name}」？"),
            );
            q.answer = Answer::Options(opts.iter().positions(|o| o.1));
            q.options = opts.into_iter().map(|o| o.0).collect();
            Some(q)
        }
        Kind::Multi => {
            let k = cx.rng.random_range(2..=items.len().min(4));
            let ds = distractors(a, cx.lists, cx.rng, 5 - k);
            if ds.is_empty() {
                return None;
            }
            let mut idx: Vec<usize> = (0..items.len()).collect();
            idx.shuffle(cx.rng);
            let mut opts: Vec<(String, bool)> =
                idx[..k].iter().map(|&i| (items[i].clone(), true)).collect();
            opts.extend(ds.into_iter().map(|d| (d, false)));
            opts.shuffle(cx.rng);
            let mut q = base(
                e,
                kind,
                Slot::Whole,
                format!("下列哪些属于「{name}」？（多选）"),
            );
            q.answer = Answer::Options(opts.iter().positions(|o| o.1));
            q.options = opts.into_iter().map(|o| o.0).collect();
            Some(q)
        }
        Kind::List => {
            let order = if a.list.ordered { "，按顺序" } else { "" };
            let stem = format!("写出「{name}」的全部 {} 项{order}。", items.len());
            if shows(&stem, items) {
                return None;
            }
            let mut q = base(e, kind, Slot::Whole, stem);
            q.answer = Answer::Texts(items.clone());
            q.ordered = a.list.ordered;
            Some(q)
        }
        Kind::Order => {
            if !a.list.ordered || items.len() < 3 {
                return None;
            }
            let mut perm: Vec<usize> = (0..items.len()).collect();
            // A shuffle that leaves the list in order asks nothing: reshuffle (bounded).
            for _ in 0..8 {
                perm.shuffle(cx.rng);
                if perm.windows(2).any(|w| w[0] > w[1]) {
                    break;
                }
            }
            if perm.windows(2).all(|w| w[0] < w[1]) {
                return None;
            }
            // options[j] = items[perm[j]]; the answer lists option indices in item order.
            let mut answer = vec![0; items.len()];
            for (j, &i) in perm.iter().enumerate() {
                answer[i] = j;
            }
            let mut q = base(
                e,
                kind,
                Slot::Whole,
                format!("把「{name}」的各项按原文顺序排列。"),
            );
            q.options = perm.iter().map(|&i| items[i].clone()).collect();
            q.answer = Answer::Options(answer);
            Some(q)
        }
        Kind::Judge => {
            let truth = cx.rng.random_bool(0.5);
            let i = cx.rng.random_range(0..items.len());
            let shown = if truth {
                items[i].clone()
            } else {
                distractors(a, cx.lists, cx.rng, 1).pop()?
            };
            let mut q = base(
                e,
                kind,
                Slot::Item(i),
                format!("判断：「{shown}」是「{name}」中的一项。"),
            );
            q.answer = Answer::Truth(truth);
            Some(q)
        }
        Kind::Blank => None,
    }
}

/// A typed blank from a cloze note: one group blanked (one □ per character), the other groups
/// shown; `None` when the rest of the text would give the answer away.
fn blank_question(e: &Entry<'_>, text: &str, rng: &mut ChaCha8Rng) -> Option<Question> {
    let groups: BTreeSet<u32> = cloze::blanks(text).into_iter().map(|(g, _)| g).collect();
    let groups: Vec<u32> = groups.into_iter().collect();
    let g = *groups.get(rng.random_range(0..groups.len().max(1)))?;
    let mut stem = String::new();
    let mut answers = Vec::new();
    for p in cloze::parse(text) {
        match p {
            Piece::Text(t) => stem.push_str(t),
            Piece::Blank { group, answer, .. } if group == g => {
                stem.push_str(&mask(answer));
                answers.push(answer.to_string());
            }
            Piece::Blank { answer, .. } => stem.push_str(answer),
        }
    }
    if answers.iter().all(|a| normalized(a).is_empty()) || shows(&stem, &answers) {
        return None;
    }
    let mut q = base(e, Kind::Blank, Slot::Group(g), stem);
    q.answer = Answer::Texts(answers);
    Some(q)
}

/// `positions` of items matching a predicate (a tiny helper over iterators).
trait Positions<T> {
    fn positions(self, f: impl Fn(&T) -> bool) -> Vec<usize>;
}
impl<'a, T: 'a, I: Iterator<Item = &'a T>> Positions<T> for I {
    fn positions(self, f: impl Fn(&T) -> bool) -> Vec<usize> {
        self.enumerate()
            .filter(|(_, x)| f(x))
            .map(|(i, _)| i)
            .collect()
    }
}

/// Build a paper of `spec.questions` questions (fewer when the notes cannot carry that many).
/// Types are taken in turn so a paper mixes them; each (note, type) is asked at most once.
/// The paper is sorted by type, as exam papers are.
pub fn build_paper(pool: &Pool<'_>, spec: &PaperSpec) -> Result<Paper, ExamError> {
    if spec.questions == 0 {
        return Err(ExamError::ZeroQuestions);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let lists: Vec<ListInfo<'_>> = pool.entries.iter().filter_map(|e| list_info(*e)).collect();
    let asked: Vec<&Entry<'_>> = pool
        .entries
        .iter()
        .filter(|e| spec.deck.as_ref().is_none_or(|d| d == e.deck))
        .filter(|e| spec.tag.as_ref().is_none_or(|t| e.note.tags.contains(t)))
        .collect();
    if asked.is_empty() {
        return Err(ExamError::NoNotes);
    }
    // Candidates per type, each in a seeded order.
    let mut queues: Vec<(Kind, Vec<usize>)> = Kind::ALL
        .iter()
        .map(|&k| {
            let mut v: Vec<usize> = asked
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    matches!(e.note.body, NoteBody::Cloze { .. }) == (k == Kind::Blank)
                })
                .map(|(i, _)| i)
                .collect();
            v.shuffle(&mut rng);
            (k, v)
        })
        .collect();
    let mut out: Vec<Question> = Vec::new();
    while out.len() < spec.questions && queues.iter().any(|(_, v)| !v.is_empty()) {
        for (kind, queue) in queues.iter_mut() {
            if out.len() == spec.questions {
                break;
            }
            while let Some(i) = queue.pop() {
                let e = asked[i];
                let q = match &e.note.body {
                    NoteBody::Cloze { text } => blank_question(e, text, &mut rng),
                    NoteBody::List(_) => {
                        let Some(info) = lists.iter().find(|l| std::ptr::eq(l.entry.note, e.note))
                        else {
                            continue;
                        };
                        let mut cx = Ctx {
                            lists: &lists,
                            rng: &mut rng,
                        };
                        list_question(info, *kind, &mut cx)
                    }
                };
                if let Some(q) = q {
                    out.push(q);
                    break;
                }
            }
        }
    }
    out.sort_by_key(|q| q.kind);
    Ok(Paper {
        deck: spec.deck.clone(),
        seed: spec.seed,
        questions: out,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::deck::{DeckMeta, NoteId};

    fn list(id: &str, prompt: &str, items: &[&str]) -> Note {
        Note {
            id: NoteId(id.into()),
            body: NoteBody::List(ListNote {
                prompt: prompt.into(),
                items: items.iter().map(|s| s.to_string()).collect(),
                ordered: true,
                context: vec![],
                item_lines: vec![],
            }),
            source: None,
            passage: None,
            tags: vec![],
            heading: vec![],
            priority: None,
            generated: None,
        }
    }

    fn deck(id: &str, notes: Vec<Note>) -> Deck {
        Deck {
            meta: DeckMeta {
                id: DeckId(id.into()),
                title: id.into(),
                version: None,
                source: None,
                date: None,
                exam: None,
                full_title: None,
                new_order: None,
                removed: vec![],
            },
            notes,
        }
    }

    /// The example: 中国式现代化的五个特征 borrows from 各国现代化的共同特征 before an
    /// unrelated list of the same deck; a true item is never a distractor even when another
    /// list shares it.
    #[test]
    fn distractors_come_from_the_most_confusable_list() {
        let decks = vec![
            deck(
                "a",
                vec![
                    list(
                        "tezheng",
                        "中国式现代化的五个特征",
                        &[
                            "人口规模巨大的现代化",
                            "全体人民共同富裕的现代化",
                            "物质文明和精神文明相协调的现代化",
                            "人与自然和谐共生的现代化",
                            "走和平发展道路的现代化",
                        ],
                    ),
                    list(
                        "jingyan",
                        "就业工作的八条经验",
                        &["坚持就业优先", "稳定市场主体", "扩大就业容量"],
                    ),
                ],
            ),
            deck(
                "b",
                vec![list(
                    "gongtong",
                    "各国现代化的五个共同特征",
                    &[
                        "工业化的现代化",
                        "城镇化的现代化",
                        "信息化的现代化",
                        "人口规模巨大的现代化",
                    ],
                )],
            ),
        ];
        let pool = Pool::new(&decks);
        let lists: Vec<ListInfo<'_>> = pool.entries.iter().filter_map(|e| list_info(*e)).collect();
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let got = distractors(&lists[0], &lists, &mut rng, 2);
        assert_eq!(got.len(), 2);
        for d in &got {
            assert!(
                ["工业化的现代化", "城镇化的现代化", "信息化的现代化"].contains(&d.as_str()),
                "{d}"
            );
        }
        // Asked for more than the neighbour has, the rest comes from the next list.
        let more = distractors(&lists[0], &lists, &mut rng, 5);
        assert!(!more.iter().any(|d| d == "人口规模巨大的现代化"));
        assert!(more
            .iter()
            .any(|d| d == "坚持就业优先" || d == "稳定市场主体" || d == "扩大就业容量"));
    }

    #[test]
    fn the_category_is_the_word_after_the_count() {
        assert_eq!(category("中国式现代化的五个特征"), "特征");
        assert_eq!(category("构建新发展格局的六个重要着力点"), "重要着力点");
        assert_eq!(category("关键要素（三项）"), "");
    }

    /// `--tag` limits what is asked; the same seed gives the same paper.
    #[test]
    fn a_tag_limits_the_questions_and_a_seed_repeats_the_paper() {
        let mut tagged = list("t", "五个特征", &["甲甲甲", "乙乙乙", "丙丙丙", "丁丁丁"]);
        tagged.tags = vec!["key".into()];
        let decks = vec![deck(
            "a",
            vec![
                tagged,
                list("u", "三条经验", &["戊戊戊", "己己己", "庚庚庚"]),
                list("v", "三个方面", &["辛辛辛", "壬壬壬", "癸癸癸"]),
            ],
        )];
        let pool = Pool::new(&decks);
        let spec = PaperSpec {
            tag: Some("key".into()),
            questions: 10,
            seed: 4,
            ..PaperSpec::default()
        };
        let p = build_paper(&pool, &spec).unwrap();
        assert!(!p.questions.is_empty());
        assert!(p.questions.iter().all(|q| q.note.0 == "t"));
        assert_eq!(p, build_paper(&pool, &spec).unwrap());
    }

    #[test]
    fn a_paper_needs_questions_and_notes() {
        let decks = vec![deck("a", vec![])];
        let pool = Pool::new(&decks);
        let spec = PaperSpec {
            questions: 3,
            ..PaperSpec::default()
        };
        assert_eq!(build_paper(&pool, &spec), Err(ExamError::NoNotes));
        let spec = PaperSpec::default();
        assert_eq!(build_paper(&pool, &spec), Err(ExamError::ZeroQuestions));
    }
}
