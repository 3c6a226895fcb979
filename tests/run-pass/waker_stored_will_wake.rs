// A future that stores its waker, re-stores it only when `will_wake` says it changed, and is woken
// later by a "signal" that owns the stored waker (Rc<RefCell<..>> shared state).
use std::cell::RefCell;
use std::future::Future;
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

struct Named(&'static str, AtomicU32);
impl Wake for Named {
    fn wake(self: Arc<Self>) {
        self.1.fetch_add(1, Ordering::SeqCst);
        println!("  wake -> {}", self.0);
    }
}

#[derive(Default)]
struct Shared {
    fired: bool,
    waker: Option<Waker>,
    stores: u32,
}

struct WaitSignal(Rc<RefCell<Shared>>);

impl Future for WaitSignal {
    type Output = &'static str;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        let mut s = self.0.borrow_mut();
        if s.fired {
            return Poll::Ready("signalled");
        }
        let same = s.waker.as_ref().map_or(false, |w| w.will_wake(cx.waker()));
        if !same {
            s.waker = Some(cx.waker().clone());
            s.stores += 1;
        }
        Poll::Pending
    }
}

fn fire(shared: &Rc<RefCell<Shared>>) {
    let waker = {
        let mut s = shared.borrow_mut();
        s.fired = true;
        s.waker.take()
    };
    if let Some(w) = waker {
        w.wake();
    }
}

fn main() {
    let shared = Rc::new(RefCell::new(Shared::default()));
    let a = Arc::new(Named("executor A", AtomicU32::new(0)));
    let b = Arc::new(Named("executor B", AtomicU32::new(0)));
    let wa = Waker::from(a.clone());
    let wb = Waker::from(b.clone());
    let mut fut = pin!(async {
        let r = WaitSignal(shared.clone()).await;
        println!("  task got: {}", r);
    });
    println!("poll with A: {:?}", fut.as_mut().poll(&mut Context::from_waker(&wa)));
    println!("poll with A again: {:?}", fut.as_mut().poll(&mut Context::from_waker(&wa)));
    println!("poll with B: {:?}", fut.as_mut().poll(&mut Context::from_waker(&wb)));
    println!("waker stored {} times", shared.borrow().stores);
    fire(&shared);
    println!("poll after fire: {:?}", fut.as_mut().poll(&mut Context::from_waker(&wb)));
    println!("A woken {}, B woken {}", a.1.load(Ordering::SeqCst), b.1.load(Ordering::SeqCst));
}
