//! `tiankong generate PATH... --out DIR`: corpus texts to one deck file per source document.
//! An existing deck file is never overwritten without `--force` (a hand-edited deck is the
//! instructor's work; `--update` merges into it instead). A corpus file that cannot be read is
//! reported by name and the good ones are still generated (exit 1).
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::{GenerateArgs, Global};
use crate::corpus::read::{collect_files, read_text};
use crate::corpus::CorpusError;
use crate::deck::{Deck, NoteBody};
use crate::fsutil::{write_atomic, write_new_atomic};
use crate::generate::{build_decks, update::new_file, GenerateError, GenerateOptions};
use crate::i18n::Lang;
use crate::tr;

/// What one document gave.
struct Summary {
    file: String,
    title: String,
    lists: usize,
    items: usize,
    clozes: usize,
}

pub fn run(global: &Global, args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    if let Some(dir) = &args.update {
        return super::update::run(lang, args, dir);
    }
    let Some(out) = &args.out else {
        anyhow::bail!(
            "{}",
            crate::i18n::t(
                lang,
                "generate 需要 --out DIR 或 --update DECK_DIR",
                "generate needs --out DIR or --update DECK_DIR"
            )
        );
    };
    let (decks, bad) = build(lang, args)?;
    // Every target is decided before anything is written: a refusal writes nothing.
    let existing = if out.is_dir() {
        super::update::existing_decks(lang, out)?.0
    } else {
        Vec::new()
    };
    // The same deck under another file name, deck id or title (renamed by the instructor,
    // found as `--update` finds it) is the same deck.
    let targets = super::update::assign(&decks, &existing);
    let mut plan: Vec<(PathBuf, bool)> = Vec::new();
    let mut refused = Vec::new();
    for (deck, found) in decks.iter().zip(&targets) {
        let target = match found {
            Some(i) => existing[*i].loaded.path.clone(),
            None => out.join(format!("{}.toml", deck.meta.id)),
        };
        let exists = std::fs::symlink_metadata(&target).is_ok();
        if exists && !args.force {
            refused.push(target.display().to_string());
        }
        plan.push((target, exists));
    }
    if !refused.is_empty() {
        for f in &refused {
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "{f}: 卡组文件已存在，未覆盖",
                    "{f}: the deck file already exists; not overwritten"
                )
            );
        }
        let dir = out.display();
        eprintln!(
            "{}",
            tr!(
                lang,
                "没有写入任何文件。要保留手工修改并合并新内容，用 generate … --update {dir}；要覆盖（手工修改会丢失），加 --force。",
                "nothing was written. To keep hand edits and merge the new content use generate … --update {dir}; to overwrite (hand edits are lost) add --force."
            )
        );
        return Ok(ExitCode::from(1));
    }
    if !args.dry_run {
        std::fs::create_dir_all(out).with_context(|| {
            tr!(
                lang,
                "{}: 无法创建文件夹",
                "{}: cannot create the folder",
                out.display()
            )
        })?;
    }
    let mut summaries = Vec::new();
    for (deck, (path, exists)) in decks.iter().zip(&plan) {
        if args.dry_run {
            let what = if *exists {
                crate::i18n::t(lang, "将覆盖", "would overwrite")
            } else {
                crate::i18n::t(lang, "将写入", "would write")
            };
            println!("{what} {}", path.display());
        } else if *exists {
            write_atomic(path, &new_file(deck))?;
        } else {
            write_new_atomic(path, &new_file(deck))?;
        }
        summaries.push(summary(path, deck));
    }
    print_summary(lang, &summaries);
    if args.dry_run {
        println!(
            "{}",
            crate::i18n::t(
                lang,
                "（--dry-run：没有写入任何文件）",
                "(--dry-run: nothing was written)"
            )
        );
    }
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The decks of the corpus files that can be read, and how many could not (each is reported on
/// stderr by name). No readable file at all is an error.
pub fn build(lang: Lang, args: &GenerateArgs) -> anyhow::Result<(Vec<Deck>, usize)> {
    let files = collect_files(&args.paths).map_err(|e| anyhow::anyhow!("{}", e.show(lang)))?;
    if files.is_empty() {
        // Named here: past this point the corpus reader would only see an empty list.
        let given: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        anyhow::bail!("{}", CorpusError::NoFiles(given.join(", ")).show(lang));
    }
    let mut good = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        match read_text(&f) {
            Ok(_) => good.push(f),
            Err(e) => errors.push(e),
        }
    }
    let bad = errors.len();
    if good.is_empty() {
        if let [one] = errors.as_slice() {
            // One file, unreadable: its reason is the whole message.
            anyhow::bail!("{}", one.show(lang));
        }
    }
    for e in &errors {
        let e = e.show(lang);
        eprintln!("{}", tr!(lang, "{e}（已跳过）", "{e} (skipped)"));
    }
    if good.is_empty() && bad > 0 {
        anyhow::bail!(
            "{}",
            tr!(
                lang,
                "{bad} 个语料文件都无法读取；没有生成卡组",
                "none of the {bad} corpus files could be read; no deck was generated"
            )
        );
    }
    let decks = build_decks(&GenerateOptions { paths: good })
        .map_err(|e| anyhow::anyhow!("{}", generate_error(lang, &e)))?;
    if bad > 0 {
        eprintln!(
            "{}",
            tr!(
                lang,
                "{bad} 个文件无法读取，其余文件已生成",
                "{bad} files could not be read; the others were generated"
            )
        );
    }
    Ok((decks, bad))
}

/// A generation failure in `lang` (`GenerateError`'s `Display` is English).
fn generate_error(lang: Lang, e: &GenerateError) -> String {
    match e {
        GenerateError::Corpus(c) => c.show(lang),
        GenerateError::NoDocuments(paths) => tr!(
            lang,
            "{paths}: 没有找到任何文档",
            "no documents found in {paths}"
        ),
        // The segmenter's own reason (a dictionary line) stays as it is written.
        GenerateError::Segmenter(why) => tr!(
            lang,
            "无法加载分词器：{why}",
            "cannot load the segmenter: {why}"
        ),
        GenerateError::KeyPass => crate::i18n::t(
            lang,
            "关键句提取出错；没有写入任何卡组",
            "the key-sentence pass failed; no deck was written",
        )
        .to_string(),
        // A failure added to `generate` later is said in English until it is translated here.
        #[allow(unreachable_patterns)]
        _ => e.to_string(),
    }
}

fn summary(path: &Path, deck: &Deck) -> Summary {
    let mut s = Summary {
        file: path.display().to_string(),
        title: deck.meta.title.clone(),
        lists: 0,
        items: 0,
        clozes: 0,
    };
    for n in &deck.notes {
        match &n.body {
            NoteBody::List(l) => {
                s.lists += 1;
                s.items += l.items.len();
            }
            NoteBody::Cloze { .. } => s.clozes += 1,
        }
    }
    s
}

fn print_summary(lang: Lang, all: &[Summary]) {
    let (mut lists, mut items, mut clozes) = (0, 0, 0);
    for s in all {
        println!(
            "{}",
            tr!(
                lang,
                "{}  {} 个列表，{} 项，{} 条填空  {}",
                "{}  {} lists, {} items, {} cloze notes  {}",
                s.file,
                s.lists,
                s.items,
                s.clozes,
                s.title
            )
        );
        lists += s.lists;
        items += s.items;
        clozes += s.clozes;
    }
    println!(
        "{}",
        tr!(
            lang,
            "合计：{} 个卡组，{lists} 个列表，{items} 项，{clozes} 条填空",
            "total: {} decks, {lists} lists, {items} items, {clozes} cloze notes",
            all.len()
        )
    );
}
