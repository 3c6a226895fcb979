// Rust twin of the Duration formatting test: `{:?}` and `{:.N?}` for a range of durations.
use std::time::Duration;
fn main() {
    let ds = [
        Duration::from_millis(1500),
        Duration::from_millis(300),
        Duration::from_micros(1),
        Duration::from_nanos(100),
        Duration::new(2, 1),
        Duration::from_secs(0),
        Duration::from_secs(60),
        Duration::from_nanos(1_234_567),
        Duration::from_secs_f64(0.1),
        Duration::from_nanos(999_999_999),
        Duration::from_micros(1_999_999),
        Duration::from_millis(250) * 3,
        Duration::from_secs(1) - Duration::from_millis(1),
    ];
    for d in ds {
        println!("{:?} {:.0?} {:.2?} {:.3?} {:.12?} ms={} s={}", d, d, d, d, d, d.as_millis(), d.as_secs_f64());
    }
}
