//! `tiankong export --format anki|csv [--deck ID] -o FILE`: the loaded decks (or one of them)
//! as an Anki text import file or as CSV (`interop`), written atomically. `-o -` writes to
//! standard output.
use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;

use crate::cli::{ExportArgs, Global};
use crate::deck::fs::{load, SearchPath};
use crate::deck::{Deck, NoteBody};
use crate::i18n::t;
use crate::interop;
use crate::tr;

pub fn run(global: &Global, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    let anki = match args.format.to_ascii_lowercase().as_str() {
        "anki" => true,
        "csv" => false,
        other => bail!(
            "{}",
            tr!(
                lang,
                "未知的导出格式 `{other}`：用 `anki` 或 `csv`",
                "unknown export format `{other}`: use `anki` or `csv`"
            )
        ),
    };
    let collection = load(&SearchPath::from_env(&global.decks));
    // A broken deck file does not stop the export of the good ones, but it is said.
    for d in collection.diagnostics.iter().filter(|d| d.is_error()) {
        eprintln!("{}", d.show(lang));
    }
    let mut decks: Vec<&Deck> = collection.decks.iter().map(|l| &l.deck).collect();
    decks.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    if let Some(id) = &args.deck {
        let known: Vec<String> = decks.iter().map(|d| d.meta.id.0.clone()).collect();
        decks.retain(|d| d.meta.id.0 == *id);
        if decks.is_empty() {
            if known.is_empty() {
                bail!(
                    "{}",
                    tr!(
                        lang,
                        "没有卡组 `{id}`：没有加载任何卡组",
                        "no deck `{id}`: no decks are loaded"
                    )
                );
            }
            let known = known.join(", ");
            bail!(
                "{}",
                tr!(
                    lang,
                    "没有卡组 `{id}`；已加载的卡组：{known}",
                    "no deck `{id}`; the loaded decks are: {known}"
                )
            );
        }
    }
    if decks.is_empty() {
        bail!(
            "{}",
            t(
                lang,
                "没有可导出的卡组（没有找到卡组文件夹，或每个卡组文件都有错误）",
                "no decks to export (no deck folder found, or every deck file is broken)"
            )
        );
    }
    let text = if anki {
        interop::to_anki(&decks)
    } else {
        interop::to_csv(&decks)
    }
    .map_err(|e| anyhow::anyhow!("{}", e.show(lang)))?;
    if args.out.as_os_str() == "-" {
        std::io::stdout().lock().write_all(text.as_bytes())?;
    } else {
        crate::fsutil::write_atomic(&args.out, &text)?;
        let (lists, clozes, cards) = counts(&decks);
        let (file, n) = (args.out.display(), decks.len());
        let kind = if anki {
            "Anki"
        } else {
            t(lang, "条目/填空组", "item/group")
        };
        eprintln!(
            "{}",
            tr!(
                lang,
                "已写入 {file}：{n} 个卡组，{lists} 条列表笔记，{clozes} 条填空笔记（{kind}：{cards} 张卡片）",
                "wrote {file}: {n} deck(s), {lists} list notes, {clozes} cloze notes ({cards} {kind} cards)"
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// List notes, cloze notes, and the cards Anki will make (one per item, one per group).
fn counts(decks: &[&Deck]) -> (usize, usize, usize) {
    let (mut lists, mut clozes, mut cards) = (0, 0, 0);
    for deck in decks {
        for note in &deck.notes {
            match &note.body {
                NoteBody::List(l) => {
                    lists += 1;
                    cards += l.items.len();
                }
                NoteBody::Cloze { text } => {
                    clozes += 1;
                    let mut groups: Vec<u32> = crate::cloze::blanks(text)
                        .into_iter()
                        .map(|b| b.0)
                        .collect();
                    groups.sort_unstable();
                    groups.dedup();
                    cards += groups.len();
                }
            }
        }
    }
    (lists, clozes, cards)
}
