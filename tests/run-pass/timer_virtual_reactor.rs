// A fake reactor with virtual time: `sleep(ms)` registers (deadline, waker) with the reactor, the
// executor runs ready tasks and, when none is ready, jumps the clock to the next deadline and wakes.
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

struct Reactor {
    now: Cell<u64>,
    timers: RefCell<Vec<(u64, Waker)>>,
}

struct Sleep {
    reactor: Rc<Reactor>,
    deadline: u64,
}

impl Future for Sleep {
    type Output = u64;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        let now = self.reactor.now.get();
        if now >= self.deadline {
            return Poll::Ready(now);
        }
        self.reactor.timers.borrow_mut().push((self.deadline, cx.waker().clone()));
        Poll::Pending
    }
}

fn sleep(reactor: &Rc<Reactor>, ms: u64) -> Sleep {
    Sleep { reactor: reactor.clone(), deadline: reactor.now.get() + ms }
}

struct Requeue(usize, Arc<Mutex<VecDeque<usize>>>);
impl Wake for Requeue {
    fn wake(self: Arc<Self>) {
        self.1.lock().unwrap().push_back(self.0);
    }
}

async fn task(name: &'static str, reactor: Rc<Reactor>, delays: Vec<u64>) {
    for d in delays {
        let woke_at = sleep(&reactor, d).await;
        println!("t={:>4}ms  {} slept {}ms", woke_at, name, d);
    }
}

fn main() {
    let reactor = Rc::new(Reactor { now: Cell::new(0), timers: RefCell::new(Vec::new()) });
    let ready = Arc::new(Mutex::new(VecDeque::from(vec![0, 1, 2])));
    let mut tasks: Vec<Pin<Box<dyn Future<Output = ()>>>> = vec![
        Box::pin(task("read", reactor.clone(), vec![30, 30])),
        Box::pin(task("tick", reactor.clone(), vec![25, 25, 25])),
        Box::pin(task("slow", reactor.clone(), vec![1000])),
    ];
    let mut done = 0;
    while done < tasks.len() {
        let next = ready.lock().unwrap().pop_front();
        if let Some(id) = next {
            let waker = Waker::from(Arc::new(Requeue(id, ready.clone())));
            if tasks[id].as_mut().poll(&mut Context::from_waker(&waker)).is_ready() {
                done += 1;
            }
            continue;
        }
        let mut timers = reactor.timers.borrow_mut();
        let earliest = timers.iter().map(|(d, _)| *d).min().expect("deadlock: no timers");
        reactor.now.set(earliest);
        let (due, later): (Vec<_>, Vec<_>) = timers.drain(..).partition(|(d, _)| *d <= earliest);
        *timers = later;
        drop(timers);
        for (_, w) in due {
            w.wake();
        }
    }
    println!("finished at t={}ms", reactor.now.get());
}
