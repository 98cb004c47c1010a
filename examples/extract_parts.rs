//! Developer tool: time each generation stage on a corpus file (medians of 30 runs).
fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}
fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpus/study-texts-2020-2024.txt".into());
    let text = std::fs::read_to_string(&path)?;
    let t = std::time::Instant::now();
    let keys = tiankong::generate::KeyPass::new()?;
    println!("segmenter load: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let (mut a, mut b, mut c, mut d) = (vec![], vec![], vec![], vec![]);
    for _ in 0..30 {
        let t = std::time::Instant::now();
        let docs = tiankong::corpus::normalize(&text, &path);
        a.push(t.elapsed().as_secs_f64() * 1e3);
        let t = std::time::Instant::now();
        let lists = tiankong::extract::find_all(&docs);
        b.push(t.elapsed().as_secs_f64() * 1e3);
        let t = std::time::Instant::now();
        let clozes = keys.run(&docs);
        c.push(t.elapsed().as_secs_f64() * 1e3);
        let t = std::time::Instant::now();
        let both = tiankong::generate::extract_all(&docs, &keys)?;
        d.push(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!((lists.len(), clozes.len()), (both.0.len(), both.1.len()));
    }
    let mb = text.len() as f64 / 1e6;
    let (a, b, c, d) = (median(a), median(b), median(c), median(d));
    println!("normalize {a:.2} ms, lists {b:.2} ms, key sentences {c:.2} ms, both on two threads {d:.2} ms");
    println!(
        "serial {:.1} MB/s, with threads {:.1} MB/s",
        mb / ((a + b + c) / 1e3),
        mb / ((a + d) / 1e3)
    );
    Ok(())
}
