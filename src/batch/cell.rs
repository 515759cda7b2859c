//! How a batch writes a figure in a table cell (CSV, xlsx, the year-over-year lines).

/// A number as people write it: no `.0` on whole numbers.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
