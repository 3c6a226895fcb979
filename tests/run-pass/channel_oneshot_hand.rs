// A oneshot channel written by hand (Rc<RefCell<..>> shared slot + stored waker), with a sender task
// and a receiver task on a tiny round-robin executor; the receiver sleeps until the send wakes it.
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

struct Slot<T> {
    value: Option<T>,
    waker: Option<Waker>,
}

struct Sender<T>(Rc<RefCell<Slot<T>>>);
struct Receiver<T>(Rc<RefCell<Slot<T>>>);

fn oneshot<T>() -> (Sender<T>, Receiver<T>) {
    let slot = Rc::new(RefCell::new(Slot { value: None, waker: None }));
    (Sender(slot.clone()), Receiver(slot))
}

impl<T> Sender<T> {
    fn send(self, v: T) {
        let mut slot = self.0.borrow_mut();
        slot.value = Some(v);
        if let Some(w) = slot.waker.take() {
            println!("  send: waking the receiver");
            w.wake();
        }
    }
}

impl<T> Future for Receiver<T> {
    type Output = T;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut slot = self.0.borrow_mut();
        match slot.value.take() {
            Some(v) => Poll::Ready(v),
            None => {
                slot.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

async fn yield_now() {
    let mut y = false;
    std::future::poll_fn(move |_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn producer(tx: Sender<String>) {
    for i in 0..2 {
        println!("producer: working {}", i);
        yield_now().await;
    }
    tx.send(String::from("result from producer"));
    println!("producer: sent");
}

async fn consumer(rx: Receiver<String>) {
    println!("consumer: waiting");
    let msg = rx.await;
    println!("consumer: got {:?}", msg);
}

fn main() {
    let (tx, rx) = oneshot();
    let mut tasks: Vec<Pin<Box<dyn Future<Output = ()>>>> = vec![Box::pin(consumer(rx)), Box::pin(producer(tx))];
    let mut cx = Context::from_waker(Waker::noop());
    let mut round = 0;
    while !tasks.is_empty() {
        round += 1;
        println!("round {}", round);
        tasks.retain_mut(|t| t.as_mut().poll(&mut cx).is_pending());
    }
}
