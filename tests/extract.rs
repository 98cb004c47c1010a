//! Golden tests of list extraction and PDF repair on small fixtures: one per marker family,
//! the false-positive traps, and wrapped text. Snapshots are reviewed by hand.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use tiankong::corpus;
use tiankong::extract;

fn render(path: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let docs = corpus::normalize(&text, path);
    let mut out = String::new();
    for (_, l) in extract::find_all(&docs) {
        out.push_str(&format!(
            "[{}] {} {} | {} | {}\n",
            l.line,
            l.marker,
            if l.explicit { "explicit" } else { "implicit" },
            l.prompt,
            l.items
                .iter()
                .map(|i| i.key.as_str())
                .collect::<Vec<_>>()
                .join(" / ")
        ));
    }
    out
}

fn render_paragraphs(path: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    for d in corpus::normalize(&text, path) {
        out.push_str(&format!(
            "# {} | {:?} | {:?} | {:?} | line {}\n",
            d.title, d.source, d.date, d.issue, d.line
        ));
        for p in &d.paragraphs {
            out.push_str(&format!("[{}] {}\n", p.first_line(), p.text));
        }
    }
    out
}

#[test]
fn every_marker_family() {
    insta::assert_snapshot!(render("tests/fixtures/extract/families.txt"));
}

#[test]
fn traps_make_no_lists() {
    assert_eq!(render("tests/fixtures/extract/traps.txt"), "");
}

#[test]
fn wrapped_text_is_repaired() {
    insta::assert_snapshot!(render_paragraphs("tests/fixtures/extract/wrapped.txt"));
    insta::assert_snapshot!(
        "wrapped_lists",
        render("tests/fixtures/extract/wrapped.txt")
    );
}

mod robustness {
    use proptest::prelude::*;
    use tiankong::{corpus, extract};

    /// Text built from the pieces this genre's parser keys on, so the cases reach deep paths.
    fn genre_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "第一，",
            "第二，",
            "一是",
            "二是",
            "（一）",
            "（二）",
            "一、",
            "二、",
            "——",
            "①",
            "②",
            "首先，",
            "其次，",
            "最后，",
            "一方面，",
            "另一方面，",
            "坚持",
            "着力",
            "：",
            "；",
            "、",
            "，",
            "。",
            "\n",
            "\n\n",
            " ",
            "（来源：新华网，2024年 5月 27日）",
            "2024年 5月",
            "发展",
            "中国式现代化",
            "的",
            "等",
            "三个",
            "几个",
            "“",
            "”",
            "（",
            "）",
            "一",
            "十二",
            "1.",
            "(1)",
            "是",
            "和",
            "现代化",
            "产业",
            "\r\n",
            "\u{3000}",
            "é",
            "😀",
        ]);
        prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn reader_and_extractor_never_panic_on_genre_text(text in genre_text()) {
            let docs = corpus::normalize(&text, "p.txt");
            for (_, l) in extract::find_all(&docs) {
                prop_assert!(l.items.len() >= 2);
                prop_assert!(l.items.iter().all(|i| !i.key.is_empty()));
            }
        }

        #[test]
        fn reader_never_panics_on_any_string(text in any::<String>()) {
            let docs = corpus::normalize(&text, "p.txt");
            let _ = extract::find_all(&docs);
        }

        #[test]
        fn decoder_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
            if let Ok(text) = corpus::read::decode(&bytes) {
                let _ = extract::find_all(&corpus::normalize(&text, "p.txt"));
            }
        }
    }
}

mod cli {
    use std::process::Command;

    fn generate(input: &std::path::Path) -> (bool, String, String) {
        let out = tempfile::tempdir().unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_tiankong"))
            .args(["--lang", "en", "generate"])
            .arg(input)
            .arg("--out")
            .arg(out.path().join("decks"))
            .output()
            .unwrap();
        (
            o.status.success(),
            String::from_utf8_lossy(&o.stdout).into(),
            String::from_utf8_lossy(&o.stderr).into(),
        )
    }

    #[test]
    fn empty_binary_and_missing_inputs_get_one_clear_message() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "").unwrap();
        let binary = dir.path().join("binary.txt");
        std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
        let missing = dir.path().join("missing.txt");
        for (path, word) in [
            (&empty, "empty"),
            (&binary, "binary"),
            (&missing, "No such file"),
        ] {
            let (ok, stdout, stderr) = generate(path);
            assert!(!ok, "{path:?} should fail");
            assert!(stdout.is_empty(), "{stdout}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(
                stderr.contains(&path.display().to_string()) && stderr.contains(word),
                "{stderr}"
            );
        }
        // Nothing was written for a failed run.
        assert!(!dir.path().join("decks").exists());
    }

    #[test]
    fn a_gbk_file_generates_like_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let text = std::fs::read_to_string("tests/fixtures/extract/families.txt").unwrap();
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let path = dir.path().join("gbk.txt");
        std::fs::write(&path, &gbk).unwrap();
        let (ok, stdout, stderr) = generate(&path);
        assert!(ok, "{stderr}");
        assert!(stdout.contains("15 lists"), "{stdout}");
    }
}

/// The families fixture hard-wrapped at 22 characters with indented first lines and no blank
/// lines (another common PDF extraction) gives the same lists, item for item.
#[test]
fn indented_wrapping_finds_the_same_lists() {
    let text = std::fs::read_to_string("tests/fixtures/extract/families.txt").unwrap();
    let mut wrapped = String::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        if line.chars().count() <= 16 || line.starts_with("（来源") {
            wrapped.push_str(line);
            wrapped.push('\n');
            continue;
        }
        let body: Vec<char> = format!("\u{3000}\u{3000}{line}").chars().collect();
        for chunk in body.chunks(22) {
            wrapped.extend(chunk);
            wrapped.push('\n');
        }
    }
    let items = |t: &str| -> Vec<Vec<String>> {
        extract::find_all(&corpus::normalize(t, "f.txt"))
            .into_iter()
            .map(|(_, l)| l.items.into_iter().map(|i| i.key).collect())
            .collect()
    };
    assert_eq!(items(&wrapped), items(&text));
}

/// A clause after the last item that sums the list up names it (…，X取得显著成效),
/// a count inside a quoted name (“三个代表”) is never turned into the list's size, and a run
/// of paragraphs opening on a verb of knowing is named by it.
#[test]
fn summaries_after_the_items_and_quoted_counts() {
    let out = render("tests/fixtures/extract/summaries.txt");
    assert!(out.contains("县域经济取得的四方面显著成效 |"), "{out}");
    // The summary clause is the prompt, no longer part of the last item.
    assert!(out.contains("/ 生态环境质量稳步改善\n"), "{out}");
    assert!(out.contains("“三个代表”"), "{out}");
    assert!(
        !out.contains("几个代表") && !out.contains("四个代表"),
        "{out}"
    );
    // Paragraphs that open on a verb of knowing (我们深刻体会到，…) are its category.
    assert!(out.contains("的三个深刻体会 |"), "{out}");
    // …、C和D等 with items of one length: 和 joins the last two items.
    assert!(
        out.contains("| 土地 / 劳动 / 知识 / 资本 / 技术\n"),
        "{out}"
    );
}

/// Every list found in a text: (prompt, item keys).
fn lists_of(text: &str) -> Vec<(String, Vec<String>)> {
    extract::find_all(&corpus::normalize(text, "t.txt"))
        .into_iter()
        .map(|(_, l)| (l.prompt, l.items.into_iter().map(|i| i.key).collect()))
        .collect()
}

/// The list whose items are exactly `want`, if one was found.
fn list_with(text: &str, want: &[&str]) -> Option<String> {
    lists_of(text)
        .into_iter()
        .find(|(_, items)| items.iter().map(String::as_str).eq(want.iter().copied()))
        .map(|(p, _)| p)
}

/// A quoted numeric label is linked to its expansion: one count and word (“四保” → four parts
/// opening with 保) or several (“两不准三必须” → 不准… ×2 + 必须… ×3); the label names the list.
/// A label with no expansion after it makes no list.
#[test]
fn quoted_numeric_labels_and_their_expansion() {
    let text = "今年要扎实做好“四稳”、“四保”工作，着力保粮食生产、保就业岗位、保物价平稳、保基层运转，推动经济持续向好。\n\n严格落实“两不准三必须”要求，不准虚报冒领、不准优亲厚友，必须公开透明、必须按时足额、必须专款专用。\n\n全体党员要增强“四个意识”，做到知行合一。\n";
    let four = list_with(
        text,
        &["保粮食生产", "保就业岗位", "保物价平稳", "保基层运转"],
    );
    assert!(
        four.as_deref().is_some_and(|p| p.contains("“四保”")),
        "{:?}",
        lists_of(text)
    );
    let five = [
        "不准虚报冒领",
        "不准优亲厚友",
        "必须公开透明",
        "必须按时足额",
        "必须专款专用",
    ];
    let compound = list_with(text, &five);
    assert!(
        compound
            .as_deref()
            .is_some_and(|p| p.contains("“两不准三必须”")),
        "{:?}",
        lists_of(text)
    );
    assert!(
        lists_of(text).iter().all(|(p, _)| !p.contains("四个意识")),
        "{:?}",
        lists_of(text)
    );
}

/// Verbs before a quoted numeric label (坚持和完善“三个统筹”) govern it: they are never its
/// parts, while a count after its parts (速度、质量这两个关系) names them.
#[test]
fn verbs_before_a_quoted_label_are_not_its_parts() {
    let text =
        "各地要坚持和完善“两个结合”，推动工作落地见效。\n\n速度、质量这两个关系必须处理好。\n";
    let lists = lists_of(text);
    assert!(
        lists
            .iter()
            .all(|(_, items)| !items.iter().any(|i| i == "坚持" || i.starts_with("完善"))),
        "{lists:?}"
    );
    assert!(list_with(text, &["速度", "质量"]).is_some(), "{lists:?}");
}

/// Clauses that open with the same three or more characters (更好推动…×3), and clauses framed
/// alike at both ends (主动接受…监督，自觉接受…监督，依法接受…监督), are lists.
#[test]
fn clauses_sharing_an_opening_or_a_frame() {
    let text = "关于做好今年工作的几点意见\n\n新的一年，更好推动科技创新，更好推动产业升级，更好推动区域协调。\n\n各级机关依法履职。主动接受人大的法律监督，自觉接受政协的民主监督，依法接受群众的社会监督。\n";
    assert!(
        list_with(
            text,
            &["更好推动科技创新", "更好推动产业升级", "更好推动区域协调"]
        )
        .is_some(),
        "{:?}",
        lists_of(text)
    );
    let frame = list_with(
        text,
        &[
            "主动接受人大的法律监督",
            "自觉接受政协的民主监督",
            "依法接受群众的社会监督",
        ],
    );
    assert!(
        frame.as_deref().is_some_and(|p| p.contains("监督")),
        "{:?}",
        lists_of(text)
    );
}

/// 、-series: quoted names start the series at the first quote (whatever 、 stands before it)
/// and lose their quotes; A、B和C with one 、 is a list when the items end alike (or, of one
/// length, have a head, an owner's 的 or a joint predicate: not 加强人才培养、技术研发和市场推广); a shared
/// suffix ends the item after 和 (…和智慧型乡村|建设); short words built on one character
/// (医教、医养、医护) are a set; a series that fills its clause (着力稳就业、保民生、促增长) is one;
/// words that differ only by a numeral (二中、三中、四中) are not, nor what a clause denies.
#[test]
fn dun_series_on_general_features() {
    let text = "我们要全面、坚定地贯彻“科技为先”、“人才为本”、“创新为要”、开放合作的原则，持续推进改革。\n\n完善峰谷电价、季节电价和居民阶梯电价政策。加强人才培养、技术研发和市场推广。\n\n扎实推进平安乡村、法治乡村、文明乡村和智慧型乡村建设。\n\n促进医教、医养、医护协同发展。\n\n着力稳就业、保民生、促增长，扎实推进各项工作。\n\n认真学习二中、三中、四中全会精神。\n\n不是要求各地都搞省内、市内、县内的小循环。\n";
    let found = lists_of(text);
    for want in [
        &["科技为先", "人才为本", "创新为要", "开放合作"][..],
        &["峰谷电价", "季节电价", "居民阶梯电价"],
        &["平安乡村", "法治乡村", "文明乡村", "智慧型乡村"],
        &["医教", "医养", "医护"],
        &["稳就业", "保民生", "促增长"],
    ] {
        assert!(list_with(text, want).is_some(), "{want:?} in {found:?}");
    }
    assert!(
        found.iter().all(|(_, items)| !items
            .iter()
            .any(|i| i.contains("技术研发") || i.contains("三中") || i.contains("市内"))),
        "{found:?}"
    );
}

/// The short opening clauses of a paragraph's sentences, framed by the same word at the same
/// place (…有新进展，… ×3), are a list; a lead-in (主要表现在，) is not an item.
#[test]
fn sentence_openings_framed_alike() {
    let text = "过去一年成绩显著。主要表现在，农业生产有新进展，粮食产量稳中有增。工业制造有新提升，高端装备加快发展。对外贸易有新突破，出口结构持续优化。\n";
    assert!(
        list_with(
            text,
            &["农业生产有新进展", "工业制造有新提升", "对外贸易有新突破"]
        )
        .is_some(),
        "{:?}",
        lists_of(text)
    );
}

/// A 、-series' first item starts after the verb or preposition before it even when one
/// middle item is long (…、农村供水保障和污水处理设施、…): its cut is measured against the other items'
/// own lengths, not only their mean.
#[test]
fn the_first_item_sheds_its_verb_beside_a_long_item() {
    let text = "加大对农田水利、乡村道路、农村供水保障和污水处理设施、冷链物流等项目的支持力度。\n";
    let lists = lists_of(text);
    assert!(
        lists
            .iter()
            .any(|(_, items)| items.first().is_some_and(|i| i == "农田水利")),
        "{lists:?}"
    );
}

/// Numbered items that go on numbering across sections (1.–3. under （一）, 4.–6. under （二）)
/// are one list per section, as （四）（五） after （一）–（三） are; a run that neither opens at 1
/// nor goes on from the last one is none.
#[test]
fn numbering_that_goes_on_across_sections_makes_a_list_per_section() {
    let text = "关于推进示范应用的实施意见\n（来源：新华社）\n一、推进场景应用\n（一）招标环节\n1.招标策划。辅助分析需求。\n2.文件编制。辅助编写文件。\n3.文件检测。辅助检查文件。\n（二）评标环节\n4.开标。自动完成开标。\n5.专家抽取。自动生成方案。\n6.辅助评标。辅助专家评审。\n（三）监管环节\n9.信用管理。打造信用评价。\n10.协同监管。打造预警模型。\n11.投诉处理。辅助处理投诉。\n";
    let second = list_with(text, &["开标", "专家抽取", "辅助评标"]);
    assert!(second.is_some(), "{:?}", lists_of(text));
    assert!(list_with(text, &["招标策划", "文件编制", "文件检测"]).is_some());
    // 9. does not follow 6.: no list.
    assert!(
        list_with(text, &["信用管理", "协同监管", "投诉处理"]).is_none(),
        "{:?}",
        lists_of(text)
    );
}

/// A series after a preposition (基于A、B、C等，…) keeps the preposition out of its first item
/// and out of its name: the paragraph's head names it.
#[test]
fn a_preposition_before_a_series_names_nothing() {
    let text = "关于推进示范应用的实施意见\n（来源：新华社）\n辅助定标决策。基于招标需求、供应链管理、历史交易情况等，结合有关平台数据，对候选人进行画像。\n";
    let p = list_with(text, &["招标需求", "供应链管理", "历史交易情况"]);
    assert!(
        p.as_deref().is_some_and(|p| !p.contains("基于")),
        "{:?}",
        lists_of(text)
    );
}

/// A regulation's articles (第四条 …应当遵循以下原则：（一）…；) name their points by the
/// announcing sentence, without the article's label; a point that ends on a semicolon is no
/// heading that owns the articles after it.
#[test]
fn an_article_of_a_regulation_announces_its_points() {
    let text = "某某工作条例\n（来源：新华社）\n第一章　总则\n第三条 本单位党组织必须高举旗帜。\n第四条 本单位党组织工作应当遵循以下原则：\n（一）坚持党的全面领导；\n（二）坚持从严治党；\n（三）坚持服务群众；\n（四）受理党员控告和申诉；保障党员权利\n第五条 本单位党组织要增强党员的使命感、责任感、荣誉感。\n";
    let p = list_with(
        text,
        &[
            "坚持党的全面领导",
            "坚持从严治党",
            "坚持服务群众",
            "受理党员控告和申诉",
        ],
    );
    assert_eq!(
        p.as_deref(),
        Some("本单位党组织工作应当遵循的四个原则"),
        "{:?}",
        lists_of(text)
    );
    let p = list_with(text, &["使命感", "责任感", "荣誉感"]).unwrap_or_default();
    assert!(
        !p.contains("第五条") && !p.contains("受理党员"),
        "{p} {:?}",
        lists_of(text)
    );
}

/// A chronicle's dated entries are no list to recite, nor is a roll of places; an entry's date
/// owns no list inside it.
#[test]
fn chronicles_and_places_are_no_lists() {
    let text = "疫情防控白皮书\n（来源：新华社）\n（一）第一阶段：迅即应对\n（1）1月20日，召开会议。\n（2）1月22日，发布通知。\n（3）1月23日，暂停交通。\n（4）1月24日，派出专家组赴北京、成都、广州、深圳和武汉等地进行实地考察，强调要按照集中患者、集中专家、集中资源、集中救治“四集中”原则开展救治。\n";
    let lists = lists_of(text);
    assert!(
        lists
            .iter()
            .all(|(_, items)| !items.iter().any(|i| i.starts_with("1月"))),
        "{lists:?}"
    );
    assert!(
        lists
            .iter()
            .all(|(_, items)| !items.iter().any(|i| i == "成都")),
        "{lists:?}"
    );
    let p = list_with(text, &["集中患者", "集中专家", "集中资源", "集中救治"]);
    assert_eq!(p.as_deref(), Some("“四集中”原则"), "{lists:?}");
}

/// A lead that says what kind of items a body has (…的基本职责是：; …的职责是监督、执纪、问责，
/// 主要包括：) names the list by that kind, without a bracketed note.
#[test]
fn a_lead_defining_a_kind_names_the_list_by_it() {
    let text = "某某工作条例\n（来源：新华社）\n第十条 本单位党委（含总支部委员会）的基本职责是：\n（一）宣传和执行党的路线；\n（二）组织党员学习；\n（三）做好思想政治工作。\n第十一条 本单位纪委的职责是监督、执纪、问责，主要包括：\n（一）维护党章；\n（二）检查执行情况；\n（三）受理检举。\n";
    let p = list_with(
        text,
        &["宣传和执行党的路线", "组织党员学习", "做好思想政治工作"],
    );
    assert_eq!(
        p.as_deref(),
        Some("本单位党委的三项基本职责"),
        "{:?}",
        lists_of(text)
    );
    let p = list_with(text, &["维护党章", "检查执行情况", "受理检举"]);
    assert_eq!(
        p.as_deref(),
        Some("本单位纪委的三项职责"),
        "{:?}",
        lists_of(text)
    );
}

/// A series named only by a short category (…等政策协同 → 政策) is owned by the short run-in
/// head that leads its paragraph, not by the section far above.
#[test]
fn a_run_in_head_owns_a_short_category() {
    let text = "工作报告\n（来源：新华社）\n二、总体要求和政策取向\n打好政策“组合拳”。加强财政、货币、就业、产业、区域、贸易、环保、监管等政策协同以及与改革开放举措的协调配合，增强政策合力。\n";
    let p = list_with(
        text,
        &[
            "财政", "货币", "就业", "产业", "区域", "贸易", "环保", "监管",
        ],
    );
    assert_eq!(
        p.as_deref(),
        Some("打好政策“组合拳”的八项政策"),
        "{:?}",
        lists_of(text)
    );
}

/// Paragraphs under a （一） heading that open on a short head sentence make a list, though
/// the first leads into them and the last closes them; with a paragraph left out, heads that
/// are clauses of a sentence (…，…。) are prose.
#[test]
fn run_in_heads_with_a_lead_and_a_closing_paragraph() {
    let text = "城市更新行动方案\n\n一、发展基础\n\n（一）主要成效。\n\n“十四五”以来，各地坚持以人民为中心，统筹推进城市更新工作，城市面貌发生了深刻变化，人民群众的获得感不断增强。\n\n老旧小区改造扎实推进。全国累计开工改造城镇老旧小区二十多万个，惠及居民三千多万户，加装电梯、增设停车位等工作同步推进。\n\n城市基础设施持续完善。城市燃气、供水、排水等老化管道更新改造稳步实施，城市防洪排涝能力明显提升，地下管网运行更加安全。\n\n历史文化保护传承有力。各地普查认定历史建筑数万处，划定历史文化街区一千多片，城市历史文脉得到有效延续和活化利用。\n\n同时也要看到，城市更新仍面临资金来源单一、群众参与不足等问题，需要在实践中逐步加以解决。\n\n（二）面临形势。\n\n当前，城市发展进入城市更新的重要时期，由大规模增量建设转为存量提质改造和增量结构调整并重。\n\n过去五年，城市建设成效明显。各地累计完成投资规模较大，城市功能不断完善，为下一步工作打下了坚实基础。\n\n新的阶段，任务更加艰巨。城市更新涉及面广，利益诉求多元，需要统筹好发展和安全、当前和长远的关系。\n\n面向未来，前景十分广阔。城市更新潜力巨大，将为扩大内需、改善民生提供有力支撑，推动城市高质量发展。\n";
    let heads = [
        "老旧小区改造扎实推进",
        "城市基础设施持续完善",
        "历史文化保护传承有力",
    ];
    assert!(list_with(text, &heads).is_some(), "{:?}", lists_of(text));
    // (Heads with a comma in them, one paragraph left out: prose, no list.)
    assert!(
        lists_of(text)
            .iter()
            .all(|(_, items)| !items.iter().any(|i| i.starts_with("过去五年"))),
        "{:?}",
        lists_of(text)
    );
}

/// Two series joined by 的 (A、B、C|的|D、E和F): the first ends at the 的, and a verb alone
/// before it in a later clause leaves the clause the sentence opens with as their owner. A 的
/// in the last chunk (…、共享的新发展理念) is the series' name, no second series.
#[test]
fn a_series_before_de_and_another_after_it() {
    let text = "数据安全管理办法\n\n依法加强个人信息保护，规范身份信息、隐私信息、生物特征信息的采集、传输和使用。\n\n全面落实城市更新任务，完善老旧小区、城中村、棚户区的改造、管理和服务。\n\n坚持创新、协调、绿色、开放、共享的新发展理念。\n";
    let info = list_with(text, &["身份信息", "隐私信息", "生物特征信息"]);
    assert!(
        info.as_deref()
            .is_some_and(|p| p.contains("个人信息保护") && p.contains("三个信息")),
        "{:?}",
        lists_of(text)
    );
    // (Items of other lengths, no shared ending: found, and no item holds the 的.)
    assert!(
        lists_of(text).iter().all(|(_, items)| items
            .iter()
            .all(|i| !i.contains("的改造") && !i.contains("的采集"))),
        "{:?}",
        lists_of(text)
    );
    assert!(
        list_with(text, &["创新", "协调", "绿色", "开放", "共享"]).is_some(),
        "{:?}",
        lists_of(text)
    );
}

/// A series named by a verb of doing alone (开展/突破…等领域关键技术研发) gets an owner: the
/// short heading above it (（一）储能技术。) when its sentence has none; and a run-in head
/// replaces an owner the series' own clause gave it (自立自强。全面提升X能力，突破A、B、C).
#[test]
fn a_bare_verb_series_under_a_short_head_takes_the_head() {
    let text = "能源科技创新规划\n\n一、重点任务\n\n（一）储能技术。\n\n开展电化学储能、压缩空气储能、氢储能等领域关键技术研发。\n\n自立自强。全面提升能源领域自主创新能力，突破关键共性技术、前沿引领技术、颠覆性技术，实现高水平科技自立自强。\n";
    let ls = lists_of(text);
    let storage = list_with(text, &["电化学储能", "压缩空气储能", "氢储能"]);
    assert!(
        storage
            .as_deref()
            .is_some_and(|p| p.contains("储能技术") && p.contains("领域")),
        "{ls:?}"
    );
    let tech = list_with(text, &["关键共性技术", "前沿引领技术", "颠覆性技术"]);
    assert!(
        tech.as_deref()
            .is_some_and(|p| p.starts_with("自立自强") && p.matches('：').count() <= 1),
        "{ls:?}"
    );
}

/// Examples of a kind (…等关键技术) governed by a verb alone in a later clause are owned by
/// the clause the sentence opens with (推动X发展：突破的三类关键技术); an activity after 等
/// (…等调节力度) is no kind, and the verb gets no owner from this rule.
#[test]
fn examples_of_a_kind_in_a_later_clause_are_the_first_clauses() {
    let text = "物流发展规划\n\n推动物流智能化发展，突破智能仓储、智能分拣、智能安检等关键技术，推广应用自动化立体仓库。\n\n完善收入分配制度，加大税收、社保、转移支付等调节力度，提高精准性。\n";
    let ls = lists_of(text);
    let tech = list_with(text, &["智能仓储", "智能分拣", "智能安检"]);
    assert!(
        tech.as_deref()
            .is_some_and(|p| p.contains("物流智能化") && p.contains("三类关键技术")),
        "{ls:?}"
    );
    let adjust = list_with(text, &["税收", "社保", "转移支付"]);
    assert!(
        adjust
            .as_deref()
            .is_some_and(|p| !p.contains("三类调节力度")),
        "{ls:?}"
    );
}

/// `A、B和C` with no shared ending makes a list when its items are of one length and whole
/// words after a verb or 的 (加强规划实施的|跟踪分析、效果评估和监督检查), named by its own
/// clause; not addressees (向…的A、B和C表示感谢) nor a first item that opens on the verb
/// (加强网络、数据安全和个人信息保护).
#[test]
fn a_triple_of_one_length_joined_by_he() {
    let text = "规划实施\n\n细化分解目标任务，加强规划实施的跟踪分析、效果评估和监督检查。\n\n我们向关心和支持中国现代化建设的各国政府、国际组织和各国朋友表示衷心感谢。\n\n加强网络、数据安全和个人信息保护。\n";
    let ls = lists_of(text);
    let p = list_with(text, &["跟踪分析", "效果评估", "监督检查"]);
    assert!(
        p.as_deref().is_some_and(|p| p.contains("规划实施")),
        "{ls:?}"
    );
    assert!(
        ls.iter()
            .all(|(_, items)| !items.iter().any(|i| i == "国际组织" || i == "数据安全")),
        "{ls:?}"
    );
}

/// Qualities of one noun before what is said of it (功能完善、运行高效、市场化的X体系基本建成)
/// are its features; kinds of one thing that share an ending (财产安全、公共安全…的产品) are
/// not; 以A、B、C为导向 names the role they play together, though its items are short.
#[test]
fn qualities_of_a_noun_and_a_role_they_play() {
    let text = "科技成果转化\n\n深化改革举措，功能完善、运行高效、市场化的科技成果转化体系基本建成。\n\n加快建立以创新价值、能力、贡献为导向的科技人才评价体系。\n";
    let ls = lists_of(text);
    let q = list_with(text, &["功能完善", "运行高效", "市场化"]);
    assert_eq!(q.as_deref(), Some("科技成果转化体系的三个特征"), "{ls:?}");
    let role = list_with(text, &["创新价值", "能力", "贡献"]);
    assert!(
        role.as_deref().is_some_and(|p| p.ends_with("三个导向")),
        "{ls:?}"
    );
}

/// Short words before a head noun that a 的 joins to another noun share that head
/// (加强国家、部门、地方重点科技创新平台的梯次布局), named by the phrase; an activity before the
/// 的 (自然、经济、文化发展的具体情况) is no head of theirs.
#[test]
fn a_factored_head_before_de() {
    let text = "平台建设\n\n加强国家、部门、地方重点科技创新平台的梯次布局和协同联动。\n\n要充分考虑自然、经济、文化发展的具体情况。\n";
    let ls = lists_of(text);
    let p = list_with(text, &["国家", "部门", "地方"]);
    assert!(
        p.as_deref().is_some_and(|p| p.contains("梯次布局")),
        "{ls:?}"
    );
    assert!(
        list_with(text, &["自然", "经济", "文化"]).is_none(),
        "{ls:?}"
    );
}

/// Sections under labels on lines of their own (（二）交通装备。) run as long as they need: a
/// long section between two labels does not split their run.
#[test]
fn labelled_sections_run_long() {
    let mut text = String::from("科技创新规划\n\n一、重点任务\n\n（一）基础设施。\n\n");
    for k in 0..15 {
        text.push_str(&format!(
            "开展第{k}项基础设施关键技术研究，提升工程建设水平和质量。\n\n"
        ));
    }
    text.push_str(
        "（二）交通装备。\n\n推动交通装备研发应用。\n\n（三）运输服务。\n\n提升运输服务品质。\n",
    );
    let ls = lists_of(&text);
    assert!(
        list_with(&text, &["基础设施", "交通装备", "运输服务"]).is_some(),
        "{ls:?}"
    );
}
