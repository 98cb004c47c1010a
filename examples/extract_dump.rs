//! Developer tool: print the lists found in a corpus, and write them as minimal deck files
//! for the scorer when an output folder is given: `extract_dump CORPUS [OUTDIR]`.
use serde::Serialize;

#[derive(Serialize)]
struct Out {
    note: Vec<N>,
}
#[derive(Serialize)]
struct N {
    kind: String,
    prompt: String,
    items: Vec<String>,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let docs = tiankong::corpus::load(&[args[0].clone().into()])?;
    let mut notes = Vec::new();
    {
        for (_, l) in tiankong::extract::find_all(&docs) {
            println!("[{}] {} {} | {} | {}", l.line, l.marker, if l.explicit { "E" } else { "I" }, l.prompt, l.items.iter().map(|i| i.key.as_str()).collect::<Vec<_>>().join(" / "));
            notes.push(N { kind: "list".into(), prompt: l.prompt, items: l.items.into_iter().map(|i| i.key).collect() });
        }
    }
    if let Some(dir) = args.get(1) {
        std::fs::create_dir_all(dir)?;
        std::fs::write(format!("{dir}/all.toml"), toml::to_string(&Out { note: notes })?)?;
    }
    Ok(())
}
