//! `tiankong optimize [--dry-run]`: fit FSRS parameters to the user's own review log.
use std::process::ExitCode;

use crate::cli::{Global, OptimizeArgs};
use crate::cmd::stats::open_synced;
use crate::store;

pub fn run(global: &Global, args: &OptimizeArgs) -> anyhow::Result<ExitCode> {
    let now = store::now_ms();
    let (store, _) = open_synced(global, now)?;
    let reviews = store.all_reviews()?;
    let cards = {
        let mut ids: Vec<i64> = reviews.iter().map(|r| r.card_id).collect();
        ids.dedup();
        ids.len()
    };
    println!("review log: {} answers on {cards} cards", reviews.len());
    // The fitting lives in the scheduler (`sched::optimize::fit`), which has not landed in
    // this tree yet: say so plainly rather than pretend.
    let _ = args.dry_run;
    anyhow::bail!("optimize is not available in this build yet (the FSRS optimizer is not wired)")
}
