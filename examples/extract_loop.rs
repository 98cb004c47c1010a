//! Developer tool: run extraction over a corpus file many times (for profiling).
fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpus/study-texts-2020-2024.txt".into());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut n = 0;
    for _ in 0..30 {
        let docs = tiankong::corpus::normalize(&text, &path);
        n += tiankong::extract::find_all(&docs).len();
    }
    println!("{n}");
}
