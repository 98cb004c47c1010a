//! Developer tool: run extraction (and the key-sentence pass) over a corpus file many times,
//! for profiling: `extract_loop [FILE]`.
fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpus/study-texts-2020-2024.txt".into());
    let text = std::fs::read_to_string(&path)?;
    let keys = tiankong::generate::KeyPass::new()?;
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..30 {
        let docs = tiankong::corpus::normalize(&text, &path);
        let (lists, clozes) = tiankong::generate::extract_all(&docs, &keys)?;
        n += lists.len() + clozes.len();
    }
    let per = t.elapsed().as_secs_f64() / 30.0;
    println!(
        "{n} results, {:.1} ms per pass, {:.1} MB/s",
        per * 1000.0,
        text.len() as f64 / per / 1e6
    );
    Ok(())
}
