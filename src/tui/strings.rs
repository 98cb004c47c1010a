//! Every UI string, in both languages, in one table; plus the few formatted phrases
//! (intervals, due dates, counts). Chinese is the default.
use crate::config::Lang;
use crate::sched::{Phase, Rating};

use super::data::{Notice, StateFilter};

macro_rules! strings {
    ($($name:ident => $zh:expr, $en:expr;)*) => {
        /// A UI string key.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum S { $($name),* }
        impl S {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((S::$name, Lang::Zh) => $zh, (S::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

strings! {
    AppName => "填空", "tiankong";
    Home => "主页", "Home";
    Study => "学习", "Study";
    Browse => "浏览", "Browse";
    Stats => "统计", "Stats";
    Settings => "设置", "Settings";
    Help => "帮助", "Help";
    Loading => "加载中…", "Loading…";
    TooSmall => "终端太小", "Terminal too small";
    TooSmallNeed => "至少需要", "need at least";
    // Keys in help
    HelpKey => "帮助", "help";
    BackKey => "返回", "back";
    QuitKey => "退出", "quit";
    MoveUp => "上移", "move up";
    MoveDown => "下移", "move down";
    StudyDeck => "学习所选卡组", "study the selected deck";
    StudyAllKey => "学习全部卡组", "study all decks";
    BrowseKey => "浏览卡片", "browse cards";
    StatsKey => "统计", "statistics";
    SettingsKey => "设置", "settings";
    RevealKey => "显示答案；再按 = 良好", "show answer; again = Good";
    RateAgainKey => "重来", "Again";
    RateHardKey => "困难", "Hard";
    RateGoodKey => "良好", "Good";
    RateEasyKey => "简单", "Easy";
    AcceptKey => "显示答案 / 建议评分", "show answer / suggested rating";
    UndoKey => "撤销上一次", "undo the last answer";
    SourceKey => "原文（揭晓前看：建议重来）", "source (before the reveal: suggests Again)";
    SuspendKey => "暂停此卡", "suspend this card";
    BuryKey => "今天跳过此卡", "bury until tomorrow";
    TypedKey => "切换输入答案", "toggle typed answers";
    TypingEnter => "下一行 / 检查答案", "next line / check";
    TypingLines => "切换行", "switch line";
    TypingHint => "提示下一个字", "hint: next character";
    TypingEsc => "不输入，改为翻看", "stop typing, reveal by keys";
    PageUpKey => "上一页", "page up";
    PageDownKey => "下一页", "page down";
    DetailKey => "卡片详情与复习记录", "card detail and history";
    SearchKey => "搜索", "search";
    FilterStateKey => "按状态筛选", "filter by state";
    FilterDeckKey => "按卡组筛选", "filter by deck";
    SortKey => "按到期 / 难度排序", "sort by due / difficulty";
    SuspendToggleKey => "暂停 / 恢复", "suspend / unsuspend";
    DecreaseKey => "减小", "decrease";
    IncreaseKey => "增大", "increase";
    EditKey => "修改 / 切换", "edit / toggle";
    HelpTyping => "输入答案时", "While typing";
    HelpClose => "按 ? 或 Esc 关闭", "? or Esc closes";
    // Home
    Decks => "卡组", "Decks";
    ColNew => "新", "New";
    ColLearning => "学习中", "Learning";
    ColDue => "到期", "Due";
    ColTotal => "总数", "Total";
    ColExam => "考试", "Exam";
    NoDecks => "没有找到卡组。用 --decks 指定卡组文件夹，或用 tiankong generate 生成。",
        "No decks found. Point --decks at a deck folder, or make one with tiankong generate.";
    TodayReviewed => "今天已复习", "Reviewed today";
    Minutes => "分钟", "min";
    HomeKeys => "Enter 学习 · a 全部 · b 浏览 · s 统计 · c 设置 · ? 帮助 · q 退出",
        "Enter study · a all · b browse · s stats · c settings · ? help · q quit";
    // Study
    Prompt => "题目", "Prompt";
    ShowAnswer => "空格 显示答案", "Space show answer";
    StudyKeysFront => "空格 显示 · t 输入 · o 原文 · u 撤销 · s 暂停 · b 跳过 · ? 帮助",
        "Space reveal · t type · o source · u undo · s suspend · b bury · ? help";
    StudyKeysRevealed => "1-4 评分 · 空格 确认 · o 原文 · u 撤销 · s 暂停 · b 跳过 · ? 帮助",
        "1-4 rate · Space accept · o source · u undo · s suspend · b bury · ? help";
    Peeked => "看过原文", "source seen";
    StudyKeysTyping => "Enter 检查 · Tab 提示 · ↑↓ 换行 · Esc 不输入",
        "Enter check · Tab hint · ↑↓ line · Esc stop typing";
    Done => "完成", "done";
    Left => "剩余", "left";
    YourAnswer => "你的答案", "You typed";
    Correct => "正确答案", "Answer";
    Suggested => "建议评分", "Suggested";
    AllCorrect => "全部正确", "All correct";
    Session => "本次学习结束", "Session complete";
    Answered => "回答", "Answered";
    ShareCorrect => "正确率", "Correct";
    TimeSpent => "用时", "Time";
    Tomorrow => "明天到期", "Due tomorrow";
    HeldBack => "同一笔记的卡片推迟到以后", "sibling cards held for later days";
    SummaryKeys => "Enter 返回主页 · q 退出", "Enter home · q quit";
    NoSource => "此卡没有原文", "No source for this card";
    Source => "原文", "Source";
    SourceKeys => "o 或 Esc 关闭", "o or Esc closes";
    Line => "行", "line";
    // Browse
    Search => "搜索", "Search";
    AllDecks => "全部卡组", "all decks";
    Filter => "筛选", "Filter";
    Sort => "排序", "Sort";
    SortDue => "到期", "due";
    SortDifficulty => "难度", "difficulty";
    NoCards => "没有符合条件的卡片", "No matching cards";
    ColQuestion => "问题", "Question";
    ColState => "状态", "State";
    ColDueIn => "到期", "Due";
    ColDiff => "难度", "Diff";
    History => "复习记录", "History";
    NoHistory => "还没有复习记录", "No reviews yet";
    Stability => "稳定性", "Stability";
    Reps => "复习次数", "Reviews";
    Lapses => "遗忘次数", "Lapses";
    SuspendedMark => "已暂停", "suspended";
    LeechMark => "难记", "leech";
    BrowseKeys => "/ 搜索 · f 状态 · d 卡组 · o 排序 · Enter 详情 · s 暂停/恢复 · Esc 返回",
        "/ search · f state · d deck · o sort · Enter detail · s suspend · Esc back";
    DetailKeys => "s 暂停/恢复 · Esc 返回列表", "s suspend/unsuspend · Esc back to list";
    // Stats
    Heatmap => "过去一年的复习", "Reviews, last year";
    Forecast => "未来30天到期", "Due, next 30 days";
    Retention => "每周真实保持率", "True retention by week";
    ByState => "卡片状态", "Cards by state";
    Streak => "连续学习", "Streak";
    Days => "天", "days";
    ReviewsTotal => "复习总数", "Reviews total";
    ReviewsToday => "今天", "Today";
    Suspended => "已暂停", "Suspended";
    StatsKeys => "Esc 返回 · q 退出", "Esc back · q quit";
    // Settings
    SetRetention => "期望保持率", "Desired retention";
    SetNewPerDay => "每天新卡上限", "New cards per day";
    SetReviewsPerDay => "每天复习上限", "Reviews per day";
    SetExamDate => "考试日期", "Exam date";
    SetTyped => "默认输入答案", "Typed answers by default";
    SetLang => "界面语言", "Language";
    SetAscii => "ASCII 边框", "ASCII borders";
    On => "开", "on";
    Off => "关", "off";
    NotSet => "未设置", "not set";
    Saved => "已保存", "Saved";
    SavedTo => "已保存到", "Saved to";
    DateFormat => "日期格式：YYYY-MM-DD（留空＝不设）", "Date as YYYY-MM-DD (empty = none)";
    SettingsKeys => "↑↓ 选择 · ←→ 调整 · Enter 修改 · Esc 返回",
        "↑↓ select · ←→ adjust · Enter edit · Esc back";
    // States and filters
    StNew => "新", "new";
    StLearning => "学习中", "learning";
    StReview => "复习", "review";
    StRelearning => "学习中", "learning";
    FilterAll => "全部", "all";
    FilterDue => "到期", "due";
    FilterSuspended => "已暂停", "suspended";
    FilterLeech => "难记", "leech";
    // Notices
    NoticeLeech => "这张卡片反复遗忘，已暂停（难记卡）", "Leech: this card was suspended";
    NoticeSuspended => "已暂停此卡", "Card suspended";
    NoticeBuried => "此卡今天不再出现", "Card buried until tomorrow";
    NoticeUndone => "已撤销", "Undone";
    NoticeNothingToUndo => "没有可撤销的操作", "Nothing to undo";
    Error => "错误", "Error";
}

pub fn rating(r: Rating, lang: Lang) -> &'static str {
    match r {
        Rating::Again => S::RateAgainKey.get(lang),
        Rating::Hard => S::RateHardKey.get(lang),
        Rating::Good => S::RateGoodKey.get(lang),
        Rating::Easy => S::RateEasyKey.get(lang),
    }
}

pub fn phase(p: Phase, lang: Lang) -> &'static str {
    match p {
        Phase::New => S::StNew.get(lang),
        Phase::Learning => S::StLearning.get(lang),
        Phase::Review => S::StReview.get(lang),
        Phase::Relearning => S::StRelearning.get(lang),
    }
}

pub fn state_filter(f: StateFilter, lang: Lang) -> &'static str {
    match f {
        StateFilter::All => S::FilterAll.get(lang),
        StateFilter::New => S::StNew.get(lang),
        StateFilter::Due => S::FilterDue.get(lang),
        StateFilter::Suspended => S::FilterSuspended.get(lang),
        StateFilter::Leech => S::FilterLeech.get(lang),
    }
}

/// An interval as the rating bar and the browser show it: `<1分` `10分` `3小时` `4天` `1.5月`
/// `2年` — the one wording, [`crate::sched::format_interval`].
pub fn interval(secs: i64, lang: Lang) -> String {
    let l = match lang {
        Lang::Zh => crate::sched::Lang::Zh,
        Lang::En => crate::sched::Lang::En,
    };
    crate::sched::format_interval(secs.saturating_mul(1000), l)
}

/// Days until due: 今天, 3天后, 逾期2天.
pub fn due_in(days: i64, lang: Lang) -> String {
    match (lang, days) {
        (Lang::Zh, 0) => "今天".into(),
        (Lang::Zh, d) if d > 0 => format!("{d}天后"),
        (Lang::Zh, d) => format!("逾期{}天", -d),
        (Lang::En, 0) => "today".into(),
        (Lang::En, d) if d > 0 => format!("in {d}d"),
        (Lang::En, d) => format!("{}d late", -d),
    }
}

/// The exam countdown.
pub fn exam(days: i64, lang: Lang) -> String {
    match (lang, days) {
        (Lang::Zh, 0) => "今天考试".into(),
        (Lang::Zh, d) if d > 0 => format!("距考试 {d} 天"),
        (Lang::Zh, _) => "考试已过".into(),
        (Lang::En, 0) => "exam today".into(),
        (Lang::En, 1) => "exam in 1 day".into(),
        (Lang::En, d) if d > 0 => format!("exam in {d} days"),
        (Lang::En, _) => "exam passed".into(),
    }
}

pub fn notice(n: &Notice, lang: Lang) -> String {
    match n {
        Notice::SiblingsHeld(k) => match lang {
            Lang::Zh => format!("同一笔记的 {k} 张卡片推迟到明天"),
            Lang::En => format!("{k} sibling card(s) held until tomorrow"),
        },
        Notice::LeechSuspended => S::NoticeLeech.get(lang).into(),
        Notice::Suspended => S::NoticeSuspended.get(lang).into(),
        Notice::Buried => S::NoticeBuried.get(lang).into(),
        Notice::Undone => S::NoticeUndone.get(lang).into(),
        Notice::NothingToUndo => S::NoticeNothingToUndo.get(lang).into(),
    }
}

/// Time spent: `12分30秒` / `12m30s`.
pub fn duration(secs: u64, lang: Lang) -> String {
    let (m, s) = (secs / 60, secs % 60);
    match (lang, m) {
        (Lang::Zh, 0) => format!("{s}秒"),
        (Lang::Zh, _) => format!("{m}分{s}秒"),
        (Lang::En, 0) => format!("{s}s"),
        (Lang::En, _) => format!("{m}m{s}s"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn intervals_read_like_the_rating_bar() {
        assert_eq!(interval(600, Lang::Zh), "10分");
        assert_eq!(interval(30, Lang::Zh), "<1分");
        assert_eq!(interval(2 * 86_400, Lang::Zh), "2天");
        assert_eq!(interval(5 * 3600, Lang::En), "5h");
        assert_eq!(interval(45 * 86_400, Lang::Zh), "1.5月");
        assert_eq!(interval(730 * 86_400, Lang::En), "2y");
    }

    #[test]
    fn due_and_exam_phrases() {
        assert_eq!(due_in(-2, Lang::Zh), "逾期2天");
        assert_eq!(due_in(3, Lang::En), "in 3d");
        assert_eq!(exam(23, Lang::Zh), "距考试 23 天");
        assert_eq!(exam(1, Lang::En), "exam in 1 day");
        assert_eq!(duration(750, Lang::Zh), "12分30秒");
    }

    #[test]
    fn both_languages_are_filled() {
        for s in [S::AppName, S::TooSmall, S::HomeKeys, S::Saved] {
            assert!(!s.get(Lang::Zh).is_empty() && !s.get(Lang::En).is_empty());
            assert_ne!(s.get(Lang::Zh), s.get(Lang::En));
        }
    }
}
