// Format specs: width, fill and alignment, sign, zero padding, `#x`/`#b`/`#o`, precision for floats
// and strings, `08.3`, width and precision from arguments (`{:>1$}`, `{:.*}`, `{:w$}`), named and
// positional arguments, inline captured names, and `{{ }}` escapes.
fn main() {
    println!("[{:5}] [{:<5}] [{:>5}] [{:^5}]", 42, 42, 42, 42);
    println!("[{:5}] [{:<5}] [{:>5}] [{:^5}]", "ab", "ab", "ab", "ab");
    println!("[{:*^9}] [{:->6}] [{:_<4}]", "mid", 7, 'c');
    println!("[{:+}] [{:+}] [{:+.1}]", 5, -5, 2.25);
    println!("[{:05}] [{:05}] [{:+06}] [{:<05}]", 42, -42, 42, 42);
    println!("[{:x}] [{:X}] [{:#x}] [{:#010x}] [{:#b}] [{:o}] [{:#o}]", 255, 255, 255, 255, 5, 8, 8);
    println!("[{:08.3}] [{:8.3}] [{:<8.3}] [{:+08.2}]", 3.14159, 3.14159, 3.14159, -2.5);
    println!("[{:.0}] [{:.1}] [{:.3}] [{:.2}]", 2.5, 0.05, 1.0005, 1e-10);
    println!("[{:.3}] [{:5.2}] [{:>8.4}]", "truncate", "abc", "precision");
    let width = 7;
    let prec = 2;
    println!("[{:w$}] [{:>1$}] [{:.*}] [{:w$.p$}]", 1.5, 6, 3, 9.87654, 1.0 / 3.0, w = width, p = prec);
    println!("[{:>width$}] [{:^width$.prec$}]", "r", 2.0f64.sqrt());
    println!("{0} {1} {0} {name} {}", "a", "b", name = "n");
    let city = "Lisbon";
    let temp = 21.456;
    println!("{city} is {temp:.1} degrees; {city:?} {temp:>8.2}");
    println!("{{literal braces}} {{{}}}", 1);
    println!("[{:?}] [{:>8?}] [{:<10?}]", "dbg", Some(1), (1, 2));
    println!("[{:#06x}] [{:#06b}] [{:x?}] [{:X?}]", 31, 3, vec![10, 255], vec![10, 255]);
    println!("[{:e}] [{:E}] [{:.2e}] [{:e}]", 1234.5, 0.00012, 123456.0, 5);
    println!("[{:10}] [{:<10}] [{:^10?}]", true, false, 'x');
    println!("[{:>6}] [{:06}]", -0.0, -1.5);
    let items = [("apple", 3, 0.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.0)];
    for (name, qty, price) in items {
        println!("{:<10}|{:>4}|{:>7.2}|{:>8.2}", name, qty, price, qty as f64 * price);
    }
}
