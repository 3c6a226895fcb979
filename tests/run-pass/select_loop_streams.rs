// A select-like polling loop: several Pin<Box<dyn Future>> branches in a Vec<Option<_>>, polled in
// turn each round, finished ones taken out; results gathered with their branch index, RawWaker-free.
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

struct Sleep {
    left: u32,
}

impl Future for Sleep {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.left == 0 {
            Poll::Ready(())
        } else {
            self.left -= 1;
            Poll::Pending
        }
    }
}

fn sleep(n: u32) -> Sleep {
    Sleep { left: n }
}

async fn fetch(id: u32, delay: u32, polls: Rc<Cell<u32>>) -> Result<String, String> {
    polls.set(polls.get() + 1);
    sleep(delay).await;
    if id % 3 == 0 {
        return Err(format!("fetch {} failed", id));
    }
    sleep(1).await;
    Ok(format!("page{}", id))
}

type Branch = Pin<Box<dyn Future<Output = Result<String, String>>>>;

fn main() {
    let started = Rc::new(Cell::new(0));
    let mut branches: Vec<Option<Branch>> = vec![
        Some(Box::pin(fetch(1, 4, started.clone()))),
        Some(Box::pin(fetch(2, 1, started.clone()))),
        Some(Box::pin(fetch(3, 2, started.clone()))),
        Some(Box::pin(async { Ok::<String, String>("instant".to_string()) })),
    ];
    let mut cx = Context::from_waker(Waker::noop());
    let mut round = 0;
    let mut results = Vec::new();
    'rounds: loop {
        round += 1;
        let mut pending = 0;
        for (i, slot) in branches.iter_mut().enumerate() {
            let Some(fut) = slot else { continue };
            match fut.as_mut().poll(&mut cx) {
                Poll::Ready(Ok(page)) => {
                    println!("round {}: branch {} -> {}", round, i, page);
                    results.push((i, page));
                    *slot = None;
                }
                Poll::Ready(Err(e)) => {
                    println!("round {}: branch {} error: {}", round, i, e);
                    *slot = None;
                    if results.len() >= 2 {
                        println!("enough results, giving up on the rest");
                        break 'rounds;
                    }
                }
                Poll::Pending => pending += 1,
            }
        }
        if pending == 0 {
            break;
        }
    }
    let left = branches.iter().filter(|b| b.is_some()).count();
    println!("rounds {} started {} left {} results {:?}", round, started.get(), left, results);
    branches.clear();
    println!("strong count {}", Rc::strong_count(&started));
}
