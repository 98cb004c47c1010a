//! The sizes a list prompt announces (五个特征, 六条经验, 三方面, 4个): a numeral followed by a
//! classifier. Pure; used by the linter to catch a prompt whose count disagrees with its items.

/// One announced size in a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptCount {
    pub value: u32,
    /// The classifier after the numeral (个, 条, 方面, …).
    pub classifier: &'static str,
}

/// Classifiers that announce how many items a list has. Longer ones first so 方面 wins over
/// a hypothetical 方. 是 is left out on purpose: 一是/二是 are ordinal markers, not sizes.
const CLASSIFIERS: &[&str] = &[
    "方面", "个", "条", "项", "点", "种", "大", "类", "步", "句", "字", "件",
];

/// Every size announced in `prompt`, in order. Ordinals (第五个…) and counts below two (一个
/// usually means "a") are skipped; 大 only counts up to ten so 二十大/十九大 (party congresses)
/// are not taken for sizes; 两点论 is a term, not a size.
pub fn prompt_counts(prompt: &str) -> Vec<PromptCount> {
    let chars: Vec<char> = prompt.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_numeral(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_numeral(chars[i]) {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let ordinal = start > 0 && chars[start - 1] == '第';
        let rest: String = chars[i..chars.len().min(i + 3)].iter().collect();
        let Some(classifier) = CLASSIFIERS.iter().find(|c| rest.starts_with(**c)) else {
            continue;
        };
        let Some(value) = parse_numeral(&run) else {
            continue;
        };
        let after: String = chars
            .get(i + classifier.chars().count()..)
            .map_or(String::new(), |s| s.iter().take(1).collect());
        if ordinal || value < 2 || (*classifier == "大" && value > 10) {
            continue;
        }
        // 两点论/重点论 and 两个一百年-style names: 点论 is a doctrine, not a size.
        if *classifier == "点" && after == "论" {
            continue;
        }
        out.push(PromptCount { value, classifier });
    }
    out
}

/// True when a prompt announcing sizes agrees with its items: some announced size equals the
/// number of items, or (for 字) the number of characters in the items. No announced size
/// agrees trivially.
pub fn count_matches(prompt: &str, items: &[String]) -> Result<(), Vec<PromptCount>> {
    let counts = prompt_counts(prompt);
    if counts.is_empty() {
        return Ok(());
    }
    let n = u32::try_from(items.len()).unwrap_or(u32::MAX);
    let chars = u32::try_from(
        items
            .iter()
            .map(|s| s.chars().filter(|c| c.is_alphanumeric()).count())
            .sum::<usize>(),
    )
    .unwrap_or(u32::MAX);
    let ok = counts
        .iter()
        .any(|c| c.value == n || (c.classifier == "字" && c.value == chars));
    if ok {
        Ok(())
    } else {
        Err(counts)
    }
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "零〇一二三四五六七八九十两百".contains(c)
}

/// 2, ２, 十, 十一, 二十, 二十三, 两, 一百 — up to 999; anything odd gives None.
fn parse_numeral(s: &str) -> Option<u32> {
    if s.chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        let ascii: String = s
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or('0'),
                c => c,
            })
            .collect();
        return ascii.parse().ok();
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in s.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            _ => {
                if pending.is_some() {
                    // Two digits in a row (一二, 十四五) are not a number.
                    return None;
                }
                pending = Some(digit(c)?);
                continue;
            }
        };
        if unit >= last_unit {
            return None;
        }
        last_unit = unit;
        total += pending.take().unwrap_or(1) * unit;
    }
    total += pending.unwrap_or(0);
    Some(total)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn values(p: &str) -> Vec<u32> {
        prompt_counts(p).into_iter().map(|c| c.value).collect()
    }

    #[test]
    fn numerals() {
        for (s, v) in [
            ("两", 2),
            ("五", 5),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十四", 24),
            ("一百", 100),
            ("4", 4),
            ("12", 12),
            ("６", 6),
        ] {
            assert_eq!(parse_numeral(s), Some(v), "{s}");
        }
        assert_eq!(parse_numeral("十四五"), None);
        assert_eq!(parse_numeral("一二"), None);
    }

    #[test]
    fn sizes_in_prompts() {
        assert_eq!(values("中国式现代化的五个特征"), vec![5]);
        assert_eq!(values("就业工作的八条经验"), vec![8]);
        assert_eq!(values("三方面要求"), vec![3]);
        assert_eq!(values("三个方面"), vec![3]);
        assert_eq!(values("构建新发展格局的六个重要着力点"), vec![6]);
        assert_eq!(values("4个坚持"), vec![4]);
        assert_eq!(values("十项任务"), vec![10]);
        assert_eq!(values("十一个方面"), vec![11]);
        assert_eq!(values("五大发展理念"), vec![5]);
        assert_eq!(values("二十四字社会主义核心价值观"), vec![24]);
    }

    #[test]
    fn not_sizes() {
        assert!(values("第五个特征").is_empty());
        assert!(values("一个中心").is_empty());
        assert!(values("党的二十大报告的要求").is_empty());
        assert!(values("坚持两点论和重点论的统一").is_empty());
        assert!(values("十四五规划的目标").is_empty());
        assert!(values("新发展理念").is_empty());
        assert!(values("一是二是").is_empty());
    }

    #[test]
    fn matching_items() {
        let items = |n: usize| (0..n).map(|i| format!("项{i}")).collect::<Vec<_>>();
        assert!(count_matches("五个特征", &items(5)).is_ok());
        assert!(count_matches("五个特征", &items(4)).is_err());
        assert!(count_matches("没有数", &items(4)).is_ok());
        // One of several announced sizes agreeing is enough.
        assert!(count_matches("党的二十大提出的三个务必", &items(3)).is_ok());
        let four = vec![
            "自力更生".to_string(),
            "艰苦奋斗".into(),
            "勤俭".into(),
            "节约建国".into(),
        ];
        assert!(count_matches("十四字方针", &four).is_ok());
        assert!(count_matches("四字方针", &four).is_ok());
        assert!(count_matches("五字方针", &four).is_err());
    }
}
