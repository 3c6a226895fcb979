// Integer division by zero always panics ("attempt to divide by zero"), in debug and release;
// float division by zero gives inf or NaN instead. An average over an empty slice divides by 0.
fn average(values: &[u32]) -> u32 {
    let sum: u32 = values.iter().sum();
    sum / values.len() as u32
}

fn ratio(a: f64, b: f64) -> f64 {
    a / b
}

fn main() {
    println!("average [2, 4, 9] = {}", average(&[2, 4, 9]));
    println!("1.0 / 0.0 = {}", ratio(1.0, 0.0));
    println!("-1.0 / 0.0 = {}", ratio(-1.0, 0.0));
    println!("0.0 / 0.0 = {}", ratio(0.0, 0.0));
    println!("is_nan: {}", ratio(0.0, 0.0).is_nan());
    println!("7 % 3 = {}, -7 % 3 = {}", 7 % 3, -7 % 3);
    let batches: Vec<Vec<u32>> = vec![vec![10, 20], vec![5], vec![]];
    for b in &batches {
        println!("average {:?} = {}", b, average(b));
    }
    println!("not reached");
}
