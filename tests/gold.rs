//! The gold sets: the generator on the sample corpus and on the development texts, scored as
//! `tests/fixtures/eval/score_lists.py` scores them (a port of its rules: item matching, the
//! nearest-line tie break, `precision_ext` with an accept set, `prompt_accuracy` and
//! `prompt_defect_rate`), against the bars of issue 8.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::path::{Path, PathBuf};

use tiankong::deck::NoteBody;
use tiankong::generate::GenerateOptions;

#[derive(Debug)]
struct Gold {
    kind: String,
    explicit: bool,
    count: usize,
    items: Vec<String>,
    items_full: Option<Vec<String>>,
    line: Option<u32>,
    /// (subject, category, forbid) alternatives, when the line carries a prompt spec.
    spec: Option<(Vec<String>, Vec<String>, Vec<String>)>,
}

fn load_gold(path: &str) -> Vec<Gold> {
    let text = std::fs::read_to_string(path).unwrap();
    let strs = |x: &serde_json::Value| -> Vec<String> {
        x.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let field = |k: &str| v.get(k).map(&strs).unwrap_or_default();
            Gold {
                kind: v["kind"].as_str().unwrap().to_string(),
                explicit: v["explicit"].as_bool().unwrap_or(false),
                count: usize::try_from(v["count"].as_u64().unwrap()).unwrap(),
                items: strs(&v["items"]),
                items_full: v.get("items_full").map(strs),
                line: v
                    .get("line")
                    .and_then(serde_json::Value::as_u64)
                    .map(|l| u32::try_from(l).unwrap()),
                spec: v.get("prompt_subject").map(|_| {
                    (
                        field("prompt_subject"),
                        field("prompt_category"),
                        field("prompt_forbid"),
                    )
                }),
            }
        })
        .collect()
}

/// score_lists.py's `norm`: drop white space and punctuation.
fn norm(s: &str) -> Vec<char> {
    const P: &str = "，。、；：！？“”‘’（）《》〈〉【】…—-,.;:!?()\"'「」『』·";
    s.chars()
        .filter(|c| !c.is_whitespace() && !P.contains(*c))
        .collect()
}

/// Python's difflib.SequenceMatcher(None, a, b).ratio() (no junk; strings here are short,
/// so its autojunk rule never applies).
fn ratio(a: &[char], b: &[char]) -> f64 {
    fn matches(a: &[char], b: &[char]) -> usize {
        // Longest common block, leftmost in a, then in b (as find_longest_match).
        let (mut best, mut bi, mut bj) = (0, 0, 0);
        for i in 0..a.len() {
            for j in 0..b.len() {
                let mut k = 0;
                while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                    k += 1;
                }
                if k > best {
                    (best, bi, bj) = (k, i, j);
                }
            }
        }
        if best == 0 {
            return 0;
        }
        best + matches(&a[..bi], &b[..bj]) + matches(&a[bi + best..], &b[bj + best..])
    }
    let t = a.len() + b.len();
    if t == 0 {
        return 1.0;
    }
    2.0 * matches(a, b) as f64 / t as f64
}

fn contains(h: &[char], n: &[char]) -> bool {
    n.is_empty() || h.windows(n.len()).any(|w| w == n)
}

fn item_match(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if contains(&a, &b) || contains(&b, &a) {
        return a.len().min(b.len()) >= 2;
    }
    ratio(&a, &b) >= 0.6
}

fn matched_items(items: &[String], full: Option<&Vec<String>>, pred: &[String]) -> usize {
    let mut used = vec![false; pred.len()];
    let mut hit = 0;
    for (gi, item) in items.iter().enumerate() {
        let full = full.and_then(|f| f.get(gi)).unwrap_or(item);
        for (pi, p) in pred.iter().enumerate() {
            if used[pi] {
                continue;
            }
            let np = norm(p);
            if item_match(item, p)
                || (!np.is_empty() && contains(&norm(full), &np) && np.len() >= 4)
            {
                hit += 1;
                used[pi] = true;
                break;
            }
        }
    }
    hit
}

/// A generated list note: items, prompt, deck index, source line.
struct Pred {
    items: Vec<String>,
    prompt: String,
    deck: usize,
    line: Option<u32>,
}

/// Why a prompt is unusable on its own (score_lists.py's `prompt_defect`), or None.
fn prompt_defect(prompt: &str, own: &[String], others: &[&Vec<String>]) -> Option<&'static str> {
    for (a, b) in [
        ('《', '》'),
        ('“', '”'),
        ('（', '）'),
        ('(', ')'),
        ('「', '」'),
        ('『', '』'),
        ('【', '】'),
        ('‘', '’'),
    ] {
        if prompt.matches(a).count() != prompt.matches(b).count() {
            return Some("unbalanced brackets");
        }
    }
    // The `（N项）` count at the end and ellipses are not content.
    let mut core = prompt.to_string();
    if let Some(open) = core.rfind('（') {
        let tail = &core[open..];
        let inner = tail.trim_start_matches('（').trim_end_matches('）');
        let is_count = tail.ends_with("项）")
            && inner.trim_end_matches('项').chars().count() > 0
            && inner
                .trim_end_matches('项')
                .chars()
                .all(|c| c.is_ascii_digit() || "一二两三四五六七八九十".contains(c));
        if is_count {
            core.truncate(open);
        }
    }
    let core = core.replace("……", "").replace("...", "");
    if norm(&core).len() < 3 {
        return Some("no subject");
    }
    let np = norm(prompt);
    if own
        .iter()
        .any(|it| it.chars().count() >= 4 && contains(&np, &norm(it)))
    {
        return Some("gives away its own item");
    }
    for items in others {
        let n = items
            .iter()
            .filter(|it| norm(it).len() >= 4 && contains(&np, &norm(it)))
            .count();
        if n >= 2 {
            return Some("gives away another list's items");
        }
    }
    None
}

fn prompt_ok(prompt: &str, spec: &(Vec<String>, Vec<String>, Vec<String>)) -> bool {
    let np = norm(prompt);
    let any = |alts: &[String]| {
        alts.iter().any(|x| {
            let x = norm(x);
            !x.is_empty() && contains(&np, &x)
        })
    };
    let (subj, cat, forbid) = spec;
    (subj.is_empty() || any(subj)) && (cat.is_empty() || any(cat)) && !any(forbid)
}

#[derive(Debug, Clone, Copy)]
struct Scores {
    explicit: f64,
    implicit: f64,
    count: f64,
    precision_ext: f64,
    prompt_accuracy: f64,
    prompt_defects: f64,
    structure_fp: usize,
}

fn generate(path: &Path) -> Vec<Pred> {
    let opts = GenerateOptions {
        paths: vec![path.to_path_buf()],
    };
    let decks = tiankong::generate::build_decks(&opts).unwrap();
    let mut out = Vec::new();
    for (di, d) in decks.iter().enumerate() {
        for n in &d.notes {
            if let NoteBody::List(l) = &n.body {
                out.push(Pred {
                    items: l.items.clone(),
                    prompt: l.prompt.clone(),
                    deck: di,
                    line: n.source.as_ref().and_then(|s| s.line),
                });
            }
        }
    }
    out
}

/// The lists of the accept set: further lists that are fine to generate.
fn load_accept(path: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let v: toml::Value = toml::from_str(&text).unwrap();
    v["note"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n.get("kind").and_then(toml::Value::as_str) == Some("list"))
        .map(|n| {
            n["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

fn score(path: &Path, gold_path: &str, accept: &[Vec<String>]) -> Scores {
    let pred = generate(path);
    let gold = load_gold(gold_path);
    let mut hit = vec![false; pred.len()];
    let (mut ex, mut ex_n, mut im, mut im_n, mut count_ok, mut found_n, mut structure_fp) =
        (0, 0, 0, 0, 0, 0, 0);
    let (mut prompt_ok_n, mut prompt_n) = (0, 0);
    for g in &gold {
        let (mut best, mut best_i, mut best_d) = (0, None, None);
        for (i, p) in pred.iter().enumerate() {
            let h = matched_items(&g.items, g.items_full.as_ref(), &p.items);
            // Equal matches (a list repeated in the text): the note nearest the gold line.
            let d = match (p.line, g.line) {
                (Some(a), Some(b)) => Some(a.abs_diff(b)),
                _ => None,
            };
            let nearer = matches!((d, best_d), (Some(d), None) | (Some(d), Some(_)) if best_d.is_none_or(|b| d < b));
            if h > best || (h == best && h > 0 && nearer) {
                (best, best_i, best_d) = (h, Some(i), d);
            }
        }
        let found = best >= 2.max(g.items.len().div_ceil(2));
        if g.kind == "structure" {
            if let (true, Some(i)) = (found, best_i) {
                structure_fp += 1;
                hit[i] = true;
            }
            continue;
        }
        if g.explicit {
            ex_n += 1;
        } else {
            im_n += 1;
        }
        if let (true, Some(i)) = (found, best_i) {
            hit[i] = true;
            if g.explicit {
                ex += 1;
            } else {
                im += 1;
            }
            found_n += 1;
            count_ok += usize::from(pred[i].items.len() == g.count);
            if let Some(spec) = &g.spec {
                prompt_n += 1;
                prompt_ok_n += usize::from(prompt_ok(&pred[i].prompt, spec));
            }
        }
    }
    let ok_ext = pred
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            hit[*i]
                || accept
                    .iter()
                    .any(|e| matched_items(e, None, &p.items) >= 2.max(e.len().div_ceil(2)))
        })
        .count();
    let defects = pred
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            let others: Vec<&Vec<String>> = pred
                .iter()
                .enumerate()
                .filter(|(j, o)| j != i && o.deck == p.deck)
                .map(|(_, o)| &o.items)
                .collect();
            prompt_defect(&p.prompt, &p.items, &others).is_some()
        })
        .count();
    let s = Scores {
        explicit: ex as f64 / ex_n.max(1) as f64,
        implicit: im as f64 / im_n.max(1) as f64,
        count: count_ok as f64 / found_n.max(1) as f64,
        precision_ext: ok_ext as f64 / pred.len().max(1) as f64,
        prompt_accuracy: prompt_ok_n as f64 / prompt_n.max(1) as f64,
        prompt_defects: defects as f64 / pred.len().max(1) as f64,
        structure_fp,
    };
    println!("{}: {s:?} (lists {})", path.display(), pred.len());
    s
}

const SAMPLE: &str = "corpus/study-texts-2020-2024.txt";
const SAMPLE_GOLD: &str = "tests/fixtures/eval/gold_seed.jsonl";
const SAMPLE_ACCEPT: &str = "tests/fixtures/eval/accept_seed/accept_seed.toml";

#[test]
fn the_sample_meets_the_bars() {
    let s = score(Path::new(SAMPLE), SAMPLE_GOLD, &load_accept(SAMPLE_ACCEPT));
    assert!(s.explicit >= 0.95, "explicit recall {:.3}", s.explicit);
    assert!(s.implicit >= 0.75, "implicit recall {:.3}", s.implicit);
    assert!(s.count >= 0.95, "count accuracy {:.3}", s.count);
    assert!(s.precision_ext >= 0.75, "precision {:.3}", s.precision_ext);
    assert!(
        s.prompt_accuracy >= PROMPT_BAR_SAMPLE,
        "prompt accuracy {:.3}",
        s.prompt_accuracy
    );
    assert!(
        s.prompt_defects <= 0.02,
        "prompt defects {:.3}",
        s.prompt_defects
    );
    assert_eq!(s.structure_fp, 0, "excerpt numbering became a list");
}

/// Issue 8 asks for 0.90; what the generator reaches is asserted so that it cannot slip back.
const PROMPT_BAR_SAMPLE: f64 = 0.93;

/// The sample as clean text (one paragraph a line) and wrapped again at another width, the
/// way a PDF sets it (first lines indented two characters, a blank line between lines):
/// every figure stays within three points of the original's.
#[test]
fn clean_and_rewrapped_text_score_alike() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let docs = tiankong::corpus::normalize(&text, "sample");
    let mut clean = String::new();
    for d in &docs {
        clean.push_str(&d.title);
        clean.push('\n');
        if let Some(src) = &d.source {
            clean.push_str(&format!(
                "（来源：{}，{}）\n",
                src,
                d.issue.clone().or(d.date.clone()).unwrap_or_default()
            ));
        }
        for p in &d.paragraphs {
            clean.push_str(&p.text);
            clean.push('\n');
        }
    }
    let mut wrapped = String::new();
    for line in clean.lines() {
        let chars: Vec<char> = line.chars().collect();
        // Titles and source lines stay whole; paragraphs wrap at 32 characters.
        if chars.len() <= 30 || line.starts_with("（来源") {
            wrapped.push_str(line);
            wrapped.push_str("\n\n");
            continue;
        }
        let mut k = 0;
        let mut width = 30;
        while k < chars.len() {
            let end = (k + width).min(chars.len());
            wrapped.extend(&chars[k..end]);
            wrapped.push_str("\n\n");
            k = end;
            width = 32;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let clean_path = dir.path().join("clean.txt");
    let wrapped_path = dir.path().join("wrapped.txt");
    std::fs::write(&clean_path, &clean).unwrap();
    std::fs::write(&wrapped_path, &wrapped).unwrap();
    let accept = load_accept(SAMPLE_ACCEPT);
    let base = score(Path::new(SAMPLE), SAMPLE_GOLD, &accept);
    for s in [
        score(&clean_path, SAMPLE_GOLD, &accept),
        score(&wrapped_path, SAMPLE_GOLD, &accept),
    ] {
        for (name, a, b) in [
            ("explicit", s.explicit, base.explicit),
            ("implicit", s.implicit, base.implicit),
            ("count", s.count, base.count),
            ("precision", s.precision_ext, base.precision_ext),
            ("prompts", s.prompt_accuracy, base.prompt_accuracy),
            ("defects", s.prompt_defects, base.prompt_defects),
        ] {
            assert!((a - b).abs() <= 0.03, "{name} {a:.3} vs {b:.3}");
        }
        assert_eq!(s.structure_fp, 0);
    }
}

/// A development text (tests/fixtures/eval/dev/<slug>/): its gold and clean copy, and its
/// PDF-wrapped copy with the same gold at the wrapped lines (`gold.wrapped.jsonl`, made by
/// wrap.py: the nearest-line tie break must compare lines of the file that was scored).
struct DevText {
    slug: String,
    gold: String,
    clean: PathBuf,
    wrapped_gold: String,
    wrapped: PathBuf,
}

/// The development texts, clean and PDF-wrapped.
fn dev_texts() -> Vec<DevText> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir("tests/fixtures/eval/dev") else {
        return out;
    };
    let mut dirs: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    dirs.sort();
    for d in dirs {
        let gold = d.join("gold.jsonl");
        let wrapped_gold = d.join("gold.wrapped.jsonl");
        if gold.exists() {
            assert!(wrapped_gold.exists(), "{}: run wrap.py", d.display());
            out.push(DevText {
                slug: d
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                gold: gold.display().to_string(),
                clean: d.join("source.txt"),
                wrapped_gold: wrapped_gold.display().to_string(),
                wrapped: d.join("source.wrapped.txt"),
            });
        }
    }
    out
}

/// What the generator reaches on the development texts today, so that it cannot slip back
/// (issue 8's bars are in `the_dev_texts_meet_the_bars`).
#[test]
fn the_dev_texts_hold_their_floor() {
    let texts = dev_texts();
    assert!(!texts.is_empty(), "no development texts");
    for t in texts {
        let gold = &t.gold;
        let c = score(&t.clean, gold, &[]);
        let w = score(&t.wrapped, &t.wrapped_gold, &[]);
        let floor = dev_floor(&t.slug);
        for s in [c, w] {
            assert!(s.explicit >= floor.0, "{gold}: explicit {:.3}", s.explicit);
            assert!(s.implicit >= floor.1, "{gold}: implicit {:.3}", s.implicit);
            assert!(
                s.prompt_accuracy >= floor.2,
                "{gold}: prompts {:.3}",
                s.prompt_accuracy
            );
        }
        for (name, a, b) in [
            ("explicit", c.explicit, w.explicit),
            ("implicit", c.implicit, w.implicit),
            ("prompts", c.prompt_accuracy, w.prompt_accuracy),
        ] {
            assert!(
                (a - b).abs() <= 0.03,
                "{gold}: {name} clean {a:.3} wrapped {b:.3}"
            );
        }
    }
}

/// (explicit, implicit, prompts) reached on a development text, clean and wrapped, held just
/// under what each reaches so no change lets it slip back (issue 8's bars are asserted by
/// `the_dev_texts_meet_the_bars`).
fn dev_floor(slug: &str) -> (f64, f64, f64) {
    match slug {
        "labor-edu-2020" => (0.95, 0.70, 0.97),
        "qs-fzdl-2022" => (0.95, 0.80, 0.92),
        "qs-gtfy-2021" => (0.95, 0.70, 0.88),
        "gwr-2025" => (0.95, 0.90, 0.90),
        // Held out until 2026-12-01 (implicit 0.632, prompts 0.769 then, before any rule was
        // made with it in view).
        "zscq-2021" => (0.95, 0.60, 0.95),
        // Held out until 2026-12-02 (explicit 0.846, implicit 0.617, prompts 0.744 then).
        "jtqg-2019" => (0.95, 0.60, 0.82),
        // Labelled on 2026-12-02 (explicit 1.00, implicit 0.757, prompts 0.687 on its first
        // run).
        "szjj-2021" => (0.95, 0.75, 0.80),
        // Labelled on 2026-12-02 (explicit 1.00, implicit 0.644, prompts 0.627 on its first
        // run).
        "jtkj-2022" => (0.95, 0.70, 0.84),
        _ => (0.95, 0.75, 0.92),
    }
}

#[test]
fn the_dev_texts_meet_the_bars() {
    for t in dev_texts() {
        for (path, gold) in [(&t.clean, &t.gold), (&t.wrapped, &t.wrapped_gold)] {
            let s = score(path, gold, &[]);
            assert!(s.explicit >= 0.90, "{gold}: explicit {:.3}", s.explicit);
            assert!(s.implicit >= 0.60, "{gold}: implicit {:.3}", s.implicit);
            assert!(
                s.prompt_accuracy >= 0.80,
                "{gold}: prompts {:.3}",
                s.prompt_accuracy
            );
        }
    }
}

#[test]
fn the_port_agrees_with_difflib_on_known_ratios() {
    // Values computed with Python's difflib.SequenceMatcher(None, a, b).ratio().
    let r = |a: &str, b: &str| {
        ratio(
            &a.chars().collect::<Vec<_>>(),
            &b.chars().collect::<Vec<_>>(),
        )
    };
    assert!((r("abcd", "bcde") - 0.75).abs() < 1e-9);
    assert!((r("人口规模巨大的现代化", "人口规模巨大") - 0.75).abs() < 1e-9);
    assert!((r("abc", "xyz") - 0.0).abs() < 1e-9);
}

#[test]
fn the_prompt_rules_agree_with_the_scorer_on_known_prompts() {
    // Verdicts of score_lists.py's prompt_defect / prompt_ok on these prompts.
    let own = vec!["加快培育完整内需体系".to_string()];
    assert_eq!(
        prompt_defect("推动……（三项）", &own, &[]),
        Some("no subject")
    );
    assert_eq!(
        prompt_defect(
            "中共中央国务院印发《质量强国建设纲要的十一个部分",
            &own,
            &[]
        ),
        Some("unbalanced brackets")
    );
    let other = vec!["内外统筹".to_string(), "提质增效".to_string()];
    assert_eq!(
        prompt_defect("《意见》坚持内外统筹、提质增效（四项）", &own, &[&other]),
        Some("gives away another list's items")
    );
    assert_eq!(
        prompt_defect("构建新发展格局的六个重要着力点", &own, &[]),
        None
    );
    let spec = (
        vec!["中国式现代化".to_string(), "我国现代化".to_string()],
        vec!["特征".to_string(), "特色".to_string()],
        vec!["共同特征".to_string()],
    );
    assert!(prompt_ok("中国式现代化的五个特征", &spec));
    assert!(!prompt_ok("既有各国现代化的共同特征（五项）", &spec));
}
