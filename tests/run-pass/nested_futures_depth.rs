// A chain of async fns four deep: each level prints when it starts and finishes, so the output
// shows one poll of the outer future driving every level down to the leaf that is pending.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

struct Leaf {
    polls_left: u32,
}

impl Future for Leaf {
    type Output = u32;
    fn poll(mut self: std::pin::Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> {
        if self.polls_left == 0 {
            println!("      leaf: ready");
            Poll::Ready(7)
        } else {
            println!("      leaf: pending ({} left)", self.polls_left);
            self.polls_left -= 1;
            Poll::Pending
        }
    }
}

async fn level3() -> u32 {
    println!("    level3 start");
    let v = Leaf { polls_left: 2 }.await;
    println!("    level3 end");
    v + 3
}

async fn level2() -> u32 {
    println!("  level2 start");
    let v = level3().await;
    println!("  level2 end");
    v + 2
}

async fn level1() -> u32 {
    println!("level1 start");
    let a = level2().await;
    let b = level3().await;
    println!("level1 end");
    a * 100 + b
}

fn main() {
    let mut fut = pin!(level1());
    let mut cx = Context::from_waker(Waker::noop());
    let mut n = 0;
    loop {
        n += 1;
        println!("-- poll {}", n);
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            println!("ready: {}", v);
            break;
        }
    }
}
