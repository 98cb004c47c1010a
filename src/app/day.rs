//! The study day, in one place: the 4 a.m. rollover, the local UTC offset at the moment
//! asked, civil dates and the one strict date parser. The clock itself is the caller's
//! (`Collection` holds an injectable one); the local time zone comes from the store
//! (SQLite's `localtime`, which honours `TZ`).
pub use crate::sched::ROLLOVER_HOUR;
use crate::sched::{date_to_day, day_index};
use crate::store::{Day, Store, StoreError};

/// One moment and the study day it falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Today {
    pub now_ms: i64,
    /// The study day's bounds in Unix milliseconds.
    pub day: Day,
    /// Local time minus UTC at `now_ms`, in seconds (so a DST change at 2 a.m. is honoured).
    pub utc_offset_secs: i32,
    /// The study-day index (see [`crate::sched::day_index`]).
    pub index: i64,
}

impl Today {
    /// The study day at `now_ms` in the store's local time zone.
    pub fn at(store: &Store, now_ms: i64) -> Result<Today, StoreError> {
        let day = store.day_at(now_ms, ROLLOVER_HOUR)?;
        let utc_offset_secs = store.utc_offset_secs(now_ms)?;
        Ok(Today {
            now_ms,
            day,
            utc_offset_secs,
            index: day_index(now_ms, utc_offset_secs, ROLLOVER_HOUR),
        })
    }

    /// Whole study days from today to the study day of `ms` (negative: in the past).
    pub fn days_until(&self, ms: i64) -> i64 {
        day_index(ms, self.utc_offset_secs, ROLLOVER_HOUR) - self.index
    }
}

/// A strict `YYYY-MM-DD` calendar date: four-digit year, a month and a day that exist
/// (`2025-02-31` and `2025-2-3` are refused).
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.trim().as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    let y = digits(0..4)? as i32;
    let m = digits(5..7)?;
    let d = digits(8..10)?;
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The study-day index of a `YYYY-MM-DD` date (an exam date), if the date is valid.
pub fn date_day(s: &str) -> Option<i64> {
    let (y, m, d) = parse_date(s)?;
    Some(date_to_day(y, m, d))
}

/// Days since 1970-01-01 to (year, month, day): Howard Hinnant's civil-from-days.
pub fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `YYYY-MM-DD` of a study-day index (the calendar date the study day starts on).
pub fn day_date(index: i64) -> String {
    let (y, m, d) = civil(index);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DD HH:MM` local time.
pub fn local_time(ms: i64, utc_offset_secs: i32) -> String {
    let secs = ms.div_euclid(1000) + i64::from(utc_offset_secs);
    let (y, m, d) = civil(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", s / 3600, s % 3600 / 60)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn strict_dates() {
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date(" 2025-12-31 "), Some((2025, 12, 31)));
        for bad in [
            "2025-02-29",
            "2025-02-31",
            "2025-04-31",
            "2025-2-3",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "1900-02-29",
            "+025-01-01",
            "２０２５-01-01",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
        assert_eq!(parse_date("2000-02-29"), Some((2000, 2, 29)));
    }

    #[test]
    fn civil_dates_and_local_time() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(date_to_day(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(civil(date_to_day(1999, 12, 31)), (1999, 12, 31));
        assert_eq!(day_date(date_to_day(2026, 3, 1)), "2026-03-01");
        // 2024-12-20 20:00 UTC is 2024-12-21 04:00 in China.
        assert_eq!(local_time(1_734_724_800_000, 8 * 3600), "2024-12-21 04:00");
    }

    #[test]
    fn a_day_rolls_over_at_four() {
        let s = Store::open_in_memory().unwrap();
        // 2024-12-20 19:59:59 UTC = 03:59:59 at +8, still the 20th's study day when TZ is
        // +8; whatever TZ the test runs in, one second later is never an earlier day.
        let t = 1_734_724_799_000;
        let a = Today::at(&s, t).unwrap();
        let b = Today::at(&s, t + 1000).unwrap();
        assert!(b.index >= a.index);
        assert!(a.day.start_ms <= t && t < a.day.end_ms);
        assert_eq!(a.days_until(t + 3 * 86_400_000), 3);
    }
}
