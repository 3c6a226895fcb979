// rustc: skip (uses the futures and tokio crates, which the oracle machines do not have)
// Shapes from futures and tokio that pinion recognises by path.
use futures::{join, pin_mut, select};

async fn a() -> u32 {
    1
}
async fn b() -> u32 {
    2
}

#[tokio::main]
async fn main() {
    let fa = a();
    let fb = b();
    pin_mut!(fa, fb);
    let (x, y) = futures::join!(a(), b());
    let (p, q) = tokio::join!(a(), b());
    let first = select! {
        v = fa => v,
        w = fb => { w + 1 },
    };
    let c = a();
    tokio::pin!(c);
    let r = tokio::select! {
        v = &mut c => v,
    };
    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    let h = tokio::spawn(async { 3 });
    let out = futures::executor::block_on(async { 4 });
}
