//! Developer tool: print the documents and paragraphs the corpus reader makes of a file.
fn main() -> anyhow::Result<()> {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    for doc in tiankong::corpus::load(&paths)? {
        println!(
            "=== {} | {:?} | {:?} | {:?} | line {}",
            doc.title, doc.source, doc.date, doc.issue, doc.line
        );
        for p in &doc.paragraphs {
            println!("[{}] {}", p.first_line(), p.text);
        }
    }
    Ok(())
}
