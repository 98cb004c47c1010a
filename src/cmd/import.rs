//! `tiankong import FILE --deck ID [--out DIR]`: an Anki cloze text file or a CSV written by
//! `export` into `DIR/ID.toml` (default `./decks`). Input problems are printed as
//! `file:line:col` and nothing is written; an existing deck file is never overwritten.
//! `import FILE --update DECK` merges the file into an existing deck by note id instead,
//! editing the deck file in place (comments and unknown fields stay).
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};

use crate::cli::{Global, ImportArgs};
use crate::deck::fs::{self as deckfs, SearchPath};
use crate::deck::{to_toml, DeckId, NoteBody};
use crate::generate::update::edit_in_place;
use crate::i18n::{t, Lang};
use crate::interop::{self, Format, ImportError, Imported};
use crate::tr;

/// Import files larger than this are refused (a deck of every note ever made is far smaller).
const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// The fields `import --update` may rewrite in a note (the content an Anki or CSV file
/// carries); heading, passage, priority and fields tiankong does not know stay.
const IMPORTED_FIELDS: &[&str] = &[
    "kind",
    "prompt",
    "items",
    "ordered",
    "context",
    "item_lines",
    "text",
    "tags",
    "source",
];

pub fn run(global: &Global, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    if let Some(target) = &args.update {
        return update(global, lang, args, target);
    }
    let Some(deck) = args.deck.as_deref() else {
        bail!(
            "{}",
            t(
                lang,
                "需要 --deck ID 或 --update DECK",
                "needs --deck ID or --update DECK"
            )
        );
    };
    if !DeckId::is_valid(deck) {
        bail!(
            "{}",
            tr!(
                lang,
                "无效的卡组 id {deck:?}：只用小写字母、数字和 `-`，以字母或数字开头",
                "invalid deck id {deck:?}: use lowercase letters, digits and `-`, starting with a letter or digit"
            )
        );
    }
    let dir = args.out.clone().unwrap_or_else(|| PathBuf::from("decks"));
    let path = dir.join(format!("{deck}.toml"));
    if std::fs::symlink_metadata(&path).is_ok() {
        bail!(
            "{}",
            tr!(
                lang,
                "{} 已存在；import 从不覆盖卡组文件（合并进去用 --update {}，或换一个 --deck / --out）",
                "{} already exists; import never overwrites a deck file (merge into it with --update {}, or choose another --deck or --out)",
                path.display(),
                path.display()
            )
        );
    }
    let Some(imported) = read(lang, &args.file, deck)? else {
        return Ok(ExitCode::from(1));
    };
    std::fs::create_dir_all(&dir)
        .with_context(|| tr!(lang, "{}：无法创建", "{}: cannot create", dir.display()))?;
    crate::fsutil::write_new_atomic(&path, &to_toml(&imported.deck))?;
    let lists = imported
        .deck
        .notes
        .iter()
        .filter(|n| matches!(n.body, NoteBody::List(_)))
        .count();
    let (file, id, title) = (
        path.display(),
        &imported.deck.meta.id,
        &imported.deck.meta.title,
    );
    let (format, notes) = (imported.format.name(lang), imported.deck.notes.len());
    let clozes = notes - lists;
    println!(
        "{}",
        tr!(
            lang,
            "已写入 {file}（卡组 `{id}`，“{title}”）：按 {format} 读到 {notes} 条笔记，{lists} 个列表，{clozes} 条填空",
            "wrote {file} (deck `{id}`, \"{title}\"): {notes} notes read as {format}, {lists} lists and {clozes} cloze notes"
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Read and parse the import file as deck `deck`. `None` when it has errors (printed, with the
/// summary line): nothing is to be written.
fn read(lang: Lang, file: &Path, deck: &str) -> anyhow::Result<Option<Imported>> {
    let shown = file.display().to_string();
    let f = std::fs::File::open(file)
        .with_context(|| tr!(lang, "{shown}：无法打开", "{shown}: cannot open"))?;
    let mut bytes = Vec::new();
    f.take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| tr!(lang, "{shown}：无法读取", "{shown}: cannot read"))?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        bail!(
            "{}",
            tr!(
                lang,
                "{shown}：大于 {} MiB",
                "{shown}: larger than {} MiB",
                MAX_IMPORT_BYTES >> 20
            )
        );
    }
    // UTF-8, or GB18030/GBK as Excel on a Chinese system saves CSV.
    let text = crate::corpus::read::decode(&bytes)
        .map_err(|e| anyhow::anyhow!("{shown}: {}", e.get(lang)))?;
    match interop::import(&text, &shown, deck) {
        Ok(i) => {
            for w in &i.warnings {
                eprintln!("{}", w.show(lang));
            }
            Ok(Some(i))
        }
        Err(ImportError::Invalid(diags)) => {
            for d in &diags {
                eprintln!("{}", d.show(lang));
            }
            let errors = diags.iter().filter(|d| d.is_error()).count();
            let what = crate::i18n::plural(errors, "error", "errors");
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "{errors} 个错误；没有写入任何文件",
                    "{errors} {what}; nothing written"
                )
            );
            Ok(None)
        }
    }
}

/// `import FILE --update DECK`: merge by note id into the deck file `target` (a path) or the
/// deck with id `target` on the deck path.
fn update(
    global: &Global,
    lang: Lang,
    args: &ImportArgs,
    target: &str,
) -> anyhow::Result<ExitCode> {
    let loaded = if Path::new(target).is_file() {
        let (loaded, diags) = deckfs::load_file(Path::new(target));
        for d in &diags {
            eprintln!("{}", d.show(lang));
        }
        loaded
    } else {
        let collection = deckfs::load(&SearchPath::from_env(&global.decks));
        collection
            .decks
            .into_iter()
            .find(|l| l.deck.meta.id.0 == target)
    };
    let Some(existing) = loaded else {
        bail!(
            "{}",
            tr!(
                lang,
                "找不到卡组 `{target}`（给出卡组文件路径，或 --decks 下的卡组 id）；没有写入任何文件",
                "no deck `{target}` (give a deck file, or a deck id in the --decks folders); nothing was written"
            )
        );
    };
    if existing.path.starts_with(deckfs::BUILTIN_PREFIX) {
        bail!(
            "{}",
            tr!(
                lang,
                "`{target}` 是内置卡组，不能修改；请先导出到卡组文件夹",
                "`{target}` is a built-in deck and cannot be changed; give a deck file"
            )
        );
    }
    let Some(imported) = read(lang, &args.file, &existing.deck.meta.id.0)? else {
        return Ok(ExitCode::from(1));
    };
    // Anki text does not carry `ordered` (every list comes back ordered): keep the deck's.
    let keep_ordered = imported.format == Format::Anki;
    let (merged, changes) = interop::merge_into(&existing.deck, &imported.deck, keep_ordered);
    let shown = existing.path.display().to_string();
    let text = deckfs::read_text(&existing.path)
        .map_err(|d| anyhow::anyhow!("{}", d.show(lang)))?
        .text;
    // `None`: the `[generator]` list stays as it is (imported notes are not generate's).
    let new_text = edit_in_place(
        &text,
        &shown,
        &existing.deck,
        &merged,
        IMPORTED_FIELDS,
        None,
    )?;
    if new_text != text {
        crate::fsutil::write_atomic(&existing.path, &new_text)?;
    }
    let (format, notes) = (imported.format.name(lang), imported.deck.notes.len());
    let (unchanged, updated, added, kept) = (
        changes.unchanged,
        changes.updated.len(),
        changes.added.len(),
        changes.not_in_file.len(),
    );
    let bumped = if merged.meta.version != existing.deck.meta.version {
        t(lang, "（版本号 +1）", " (version bumped)")
    } else {
        ""
    };
    println!(
        "{}",
        tr!(
            lang,
            "{shown}：按 {format} 读到 {notes} 条笔记：{unchanged} 条未变，{updated} 条更新，{added} 条新增；文件里没有的 {kept} 条保留不动{bumped}",
            "{shown}: {notes} notes read as {format}: {unchanged} unchanged, {updated} updated, {added} added; {kept} notes not in the file kept as they are{bumped}"
        )
    );
    Ok(ExitCode::SUCCESS)
}
