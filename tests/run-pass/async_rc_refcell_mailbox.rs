// A single-threaded mailbox shared through Rc<RefCell<VecDeque>>: a producer async fn and two
// consumers run by a hand-written round-robin executor over Vec<Pin<Box<dyn Future>>>; the
// consumers return Pending while the queue is empty, and the run ends when all tasks finish.
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

#[derive(Default)]
struct Mailbox {
    queue: VecDeque<u32>,
    closed: bool,
}

type Shared = Rc<RefCell<Mailbox>>;

struct Recv(Shared);

impl Future for Recv {
    type Output = Option<u32>;
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u32>> {
        let mut mb = self.0.borrow_mut();
        match mb.queue.pop_front() {
            Some(v) => Poll::Ready(Some(v)),
            None if mb.closed => Poll::Ready(None),
            None => Poll::Pending,
        }
    }
}

struct Yield(bool);
impl Future for Yield {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.0 { Poll::Ready(()) } else { self.0 = true; Poll::Pending }
    }
}

async fn producer(mb: Shared, n: u32) -> String {
    for i in 1..=n {
        mb.borrow_mut().queue.push_back(i * i);
        println!("sent {}", i * i);
        if i % 2 == 0 {
            Yield(false).await;
        }
    }
    mb.borrow_mut().closed = true;
    "producer done".to_string()
}

async fn consumer(name: char, mb: Shared) -> String {
    let mut got = Vec::new();
    while let Some(v) = Recv(mb.clone()).await {
        println!("{} got {}", name, v);
        got.push(v);
        Yield(false).await;
    }
    format!("{} done with {:?}", name, got)
}

fn main() {
    let mb: Shared = Rc::new(RefCell::new(Mailbox::default()));
    let mut tasks: Vec<Option<Pin<Box<dyn Future<Output = String>>>>> = vec![
        Some(Box::pin(consumer('A', mb.clone()))),
        Some(Box::pin(producer(mb.clone(), 5))),
        Some(Box::pin(consumer('B', Rc::clone(&mb)))),
    ];
    let mut cx = Context::from_waker(Waker::noop());
    let mut tick = 0;
    while tasks.iter().any(Option::is_some) {
        tick += 1;
        for t in tasks.iter_mut() {
            if let Some(fut) = t.as_mut() {
                if let Poll::Ready(msg) = fut.as_mut().poll(&mut cx) {
                    println!("[tick {}] {}", tick, msg);
                    *t = None;
                }
            }
        }
    }
    println!("ticks {} queue left {} refs {}", tick, mb.borrow().queue.len(), Rc::strong_count(&mb));
}
