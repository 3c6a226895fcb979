// A future that holds many kinds of borrows of its own locals across awaits — `&String`, `&mut Vec`,
// a slice, a `for` loop's iterator over `&vec`, an `Option<&str>` — all sound because the future is
// pinned (Box::pin) before its first poll and never moved after.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn report() -> String {
    let title = String::from("report");
    let title_ref = &title;
    let mut lines: Vec<String> = Vec::new();
    let lines_mut = &mut lines;
    let numbers = vec![3, 1, 4, 1, 5];
    let middle = &numbers[1..4];
    let longest: Option<&str> = ["ab", "abcd", "abc"].into_iter().max_by_key(|s| s.len());
    tick().await;
    lines_mut.push(format!("# {}", title_ref));
    for n in &numbers {
        tick().await; // the loop's iterator borrows `numbers` across this await
        lines_mut.push(format!("- {}", n));
    }
    tick().await;
    lines_mut.push(format!("middle sum {}", middle.iter().sum::<i32>()));
    lines_mut.push(format!("longest {:?}", longest));
    lines.join("\n")
}

fn main() {
    let mut fut: Pin<Box<dyn Future<Output = String>>> = Box::pin(report());
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 1;
    let text = loop {
        if let Poll::Ready(t) = fut.as_mut().poll(&mut cx) {
            break t;
        }
        polls += 1;
        let moved_box = fut; // moving the Box between polls is fine: the future stays put
        fut = moved_box;
    };
    println!("{}", text);
    println!("{} polls", polls);
}
