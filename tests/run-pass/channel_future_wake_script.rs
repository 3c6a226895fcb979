// A hand-written channel future over Arc<Mutex<_>>: a consumer async fn awaiting it in a while-let,
// a Wake impl counting wakes, a static AtomicUsize, and a script of sends, wakes and polls.
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

static POLLS: AtomicUsize = AtomicUsize::new(0);

struct Chan {
    queue: VecDeque<String>,
    closed: bool,
    waiting: Option<Waker>,
}

struct Recv(Arc<Mutex<Chan>>);

impl Future for Recv {
    type Output = Option<String>;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        POLLS.fetch_add(1, Ordering::SeqCst);
        let mut ch = self.0.lock().unwrap();
        if let Some(m) = ch.queue.pop_front() {
            Poll::Ready(Some(m))
        } else if ch.closed {
            Poll::Ready(None)
        } else {
            ch.waiting = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

struct Flag(AtomicUsize);
impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

async fn consumer(ch: Arc<Mutex<Chan>>) -> Vec<String> {
    let mut got = Vec::new();
    while let Some(msg) = Recv(ch.clone()).await {
        got.push(msg.to_uppercase());
    }
    got
}

fn main() {
    let ch = Arc::new(Mutex::new(Chan { queue: VecDeque::new(), closed: false, waiting: None }));
    let flag = Arc::new(Flag(AtomicUsize::new(0)));
    let waker = Waker::from(flag.clone());
    let mut cx = Context::from_waker(&waker);
    let mut task = Box::pin(consumer(ch.clone()));
    let script = ["hello", "", "pinned", "world", ""];
    for (i, word) in script.iter().enumerate() {
        if word.is_empty() {
            let w = ch.lock().unwrap().waiting.take();
            if let Some(w) = w {
                w.wake();
            }
        } else {
            ch.lock().unwrap().queue.push_back(word.to_string());
        }
        let r = task.as_mut().poll(&mut cx);
        println!("step {}: {:?} (wakes so far: {})", i, r.is_ready(), flag.0.load(Ordering::SeqCst));
    }
    ch.lock().unwrap().closed = true;
    if let Poll::Ready(words) = task.as_mut().poll(&mut cx) {
        println!("{:?}", words);
    }
    println!("recv polled {} times", POLLS.load(Ordering::SeqCst));
}
