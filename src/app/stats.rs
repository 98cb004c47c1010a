//! The collection's statistics over time, aggregated once for the stats screen and the
//! `stats` command: counts by state, the last year's answers by day, the streak, true
//! retention by week and the next month's due cards.
use super::{Collection, Result, Today};
use crate::store::{DayReviews, Stats};

/// Weeks of true retention shown.
pub const RETENTION_WEEKS: usize = 26;

/// What the stats screen shows, as domain numbers (the TUI turns it into its view model).
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub today: Today,
    pub stats: Stats,
    /// Answers per day for the last 365 days; the last entry is today.
    pub year: Vec<DayReviews>,
    /// Consecutive days with answers, ending today (or yesterday).
    pub streak: u32,
    /// True retention (share of review answers not Again) for the last weeks, oldest first;
    /// None when the week had no reviews.
    pub retention_by_week: Vec<Option<f64>>,
    /// Cards due on each of the next 30 days (index 0 = today, overdue included).
    pub forecast: Vec<u32>,
}

impl Collection {
    /// Counts by state now (what `stats` prints).
    pub fn stats(&self) -> Result<Stats> {
        let t = self.today()?;
        Ok(self.store.stats(t.now_ms, &t.day)?)
    }

    /// The whole overview of the stats screen.
    pub fn overview(&self) -> Result<Overview> {
        let t = self.today()?;
        let year = self.store.daily_reviews(&t.day, 365)?;
        let stats = self.store.stats(t.now_ms, &t.day)?;
        let answers: Vec<u32> = year.iter().map(|d| d.answers).collect();
        Ok(Overview {
            streak: streak(&answers),
            retention_by_week: retention_by_week(&year, RETENTION_WEEKS),
            forecast: self.store.forecast(&t.day, 30)?,
            today: t,
            stats,
            year,
        })
    }
}

/// Consecutive days with answers ending today, or yesterday when today has none yet.
fn streak(days: &[u32]) -> u32 {
    let mut it = days.iter().rev().peekable();
    if it.peek().is_some_and(|&&n| n == 0) {
        it.next();
    }
    it.take_while(|&&n| n > 0).count() as u32
}

/// True retention of the last `weeks` weeks, oldest first. Weeks end today: the last one is
/// the last 7 days.
fn retention_by_week(year: &[DayReviews], weeks: usize) -> Vec<Option<f64>> {
    let mut out: Vec<Option<f64>> = year
        .rchunks(7)
        .take(weeks)
        .map(|w| {
            let (n, again) = w.iter().fold((0u32, 0u32), |a, d| {
                (a.0 + d.review_answers, a.1 + d.review_again)
            });
            (n > 0).then(|| f64::from(n - again.min(n)) / f64::from(n))
        })
        .collect();
    out.reverse();
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn streak_counts_back_from_today_or_yesterday() {
        assert_eq!(streak(&[1, 0, 2, 3, 4]), 3);
        assert_eq!(streak(&[1, 2, 3, 0]), 3, "today not yet studied");
        assert_eq!(streak(&[1, 0, 2, 3, 0]), 2);
        assert_eq!(streak(&[1, 0, 0]), 0);
        assert_eq!(streak(&[]), 0);
    }

    #[test]
    fn retention_weeks_end_today_oldest_first() {
        let day = |n, again| DayReviews {
            review_answers: n,
            review_again: again,
            ..DayReviews::default()
        };
        // 10 days: the last 7 (4 answers, 1 Again) and the 3 before (2 answers, 2 Again).
        let mut year = vec![day(1, 1), day(1, 1), day(0, 0)];
        year.extend([
            day(0, 0),
            day(2, 1),
            day(0, 0),
            day(0, 0),
            day(1, 0),
            day(0, 0),
            day(1, 0),
        ]);
        assert_eq!(retention_by_week(&year, 26), vec![Some(0.0), Some(0.75)]);
        assert_eq!(retention_by_week(&[day(0, 0)], 26), vec![None]);
    }
}
