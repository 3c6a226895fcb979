// Float formatting: Display prints the shortest text that reads back exactly (`1` for 1.0, no
// exponent for large values), Debug keeps `.0` and uses exponents for very large/small values;
// f32 vs f64, NaN/inf, -0.0, rounding with precision, `{:e}`.
fn main() {
    let values = [1.0, 0.1 + 0.2, 1e21, 1e15, 1e16, 1e-7, 123456789.125, -0.0, 2.5e-5, f64::MAX, f64::MIN_POSITIVE];
    for v in values {
        println!("{} | {:?} | {:e}", v, v, v);
    }
    println!("{} {:?}", 0.1f32, 0.1f32);
    println!("{} {:?}", 1.0f32 / 3.0, 1.0f64 / 3.0);
    println!("{} {}", 16777216.0f32, 16777217.0f32);
    println!("{} {:?}", f32::MAX, f32::MIN_POSITIVE);
    println!("{} {} {}", f64::NAN, f64::INFINITY, f64::NEG_INFINITY);
    println!("{:?} {:?} {:e}", f64::NAN, -f64::INFINITY, f64::INFINITY);
    println!("{:.2} {:.2} {:.2} {:.2}", 0.125, 0.375, 2.675, -1.005);
    println!("{:.0} {:.0} {:.0} {:.0}", 0.5, 1.5, 2.5, -0.5);
    println!("{:.1} {:.3}", f64::NAN, f64::INFINITY);
    println!("{:10.3e}|{:<12e}|", 299792458.0, 6.02214076e23);
    let sum: f64 = (1..=10).map(|i| 1.0 / i as f64).sum();
    println!("harmonic(10) = {}", sum);
    println!("sqrt(2) = {}, pi = {}, e = {}", 2f64.sqrt(), std::f64::consts::PI, std::f64::consts::E);
    // `-1.5f64.floor()` is `-(1.5f64.floor())`: a method call binds tighter than unary minus.
    println!("powi {} powf {} floor {}", 2f64.powi(10), 2f64.powf(0.5), -1.5f64.floor());
    println!("ceil {} round {} trunc {}", -1.5f64.ceil(), -2.5f64.round(), -2.7f64.trunc());
    println!("min {} max {} abs {} fract {:.3}", 1.5f64.min(f64::NAN), 2.0f64.max(-3.0), -4.25f64.abs(), 3.875f64.fract());
    println!("parse: {:?} {:?} {:?}", "2.5e3".parse::<f64>(), "inf".parse::<f64>(), "x1".parse::<f64>().is_err());
    println!("{}", 100000000000000000000.0f64);
    println!("{} {}", 1e300 * 10.0, 5e-324);
    println!("{:?} {}", 0.3f32 as f64, 7.0e-45f32);
}
