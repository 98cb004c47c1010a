//! Study days and interval text. A study day starts at the roll-over hour (4 a.m.) local time;
//! the local offset is passed in, never read from the system.

/// The study day rolls over at 4 a.m. local time: the one place this hour is written.
pub const ROLLOVER_HOUR: u32 = 4;

/// One day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;

/// The study-day index of `ms`: days since 1970-01-01 in local time, counting a day from
/// `rollover_hour` to `rollover_hour`. A calendar date D maps to the study day that begins at
/// D `rollover_hour`:00, which is [`date_to_day`]`(D)`.
pub fn day_index(ms: i64, utc_offset_secs: i32, rollover_hour: u32) -> i64 {
    let local_secs =
        ms.div_euclid(1000) + i64::from(utc_offset_secs) - i64::from(rollover_hour) * 3600;
    local_secs.div_euclid(86_400)
}

/// The first millisecond of study day `day`.
pub fn day_start_ms(day: i64, utc_offset_secs: i32, rollover_hour: u32) -> i64 {
    (day * 86_400 - i64::from(utc_offset_secs) + i64::from(rollover_hour) * 3600) * 1000
}

/// The study-day index of a calendar date (proleptic Gregorian), e.g. an exam date.
/// Howard Hinnant's days-from-civil.
pub fn date_to_day(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Language of short interval text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

/// An interval as short text for the rating bar: `<1分` `10分` `3小时` `2天` `3月` `1.2年`, or
/// `<1m` `10m` `3h` `2d` `3mo` `1.2y`.
pub fn format_interval(ms: i64, lang: Lang) -> String {
    let (min, hour, day, month, year) = match lang {
        Lang::Zh => ("分", "小时", "天", "月", "年"),
        Lang::En => ("m", "h", "d", "mo", "y"),
    };
    let secs = ms.max(0) as f64 / 1000.0;
    if secs < 60.0 {
        return format!("<1{min}");
    }
    if secs < 3600.0 {
        return format!("{}{min}", (secs / 60.0).round() as i64);
    }
    if secs < 86_400.0 {
        return format!("{}{hour}", one_decimal(secs / 3600.0));
    }
    let days = secs / 86_400.0;
    if days < 30.0 {
        format!("{}{day}", days.round() as i64)
    } else if days < 365.0 {
        format!("{}{month}", one_decimal(days / 30.0))
    } else {
        format!("{}{year}", one_decimal(days / 365.0))
    }
}

/// 1.0 -> "1", 1.24 -> "1.2".
fn one_decimal(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn dates_map_to_days() {
        assert_eq!(date_to_day(1970, 1, 1), 0);
        assert_eq!(date_to_day(2000, 3, 1), 11_017);
        assert_eq!(date_to_day(2024, 12, 21), 20_078);
        // 2024-12-21 04:00 in China is the first moment of that study day.
        let start = day_start_ms(20_078, 8 * 3600, 4);
        assert_eq!(start, 1_734_724_800_000);
        assert_eq!(day_index(start, 8 * 3600, 4), 20_078);
        assert_eq!(day_index(start - 1, 8 * 3600, 4), 20_077);
    }

    #[test]
    fn interval_text() {
        let m = 60_000;
        let d = DAY_MS;
        let cases = [
            (30_000, "<1分", "<1m"),
            (10 * m, "10分", "10m"),
            (330_000, "6分", "6m"),
            (3 * 60 * m, "3小时", "3h"),
            (2 * d, "2天", "2d"),
            (90 * d, "3月", "3mo"),
            (45 * d, "1.5月", "1.5mo"),
            (438 * d, "1.2年", "1.2y"),
        ];
        for (ms, zh, en) in cases {
            assert_eq!(format_interval(ms, Lang::Zh), zh, "{ms}");
            assert_eq!(format_interval(ms, Lang::En), en, "{ms}");
        }
    }
}
