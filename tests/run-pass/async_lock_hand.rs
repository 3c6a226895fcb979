// An async mutex written by hand: `lock()` is a future that waits in a FIFO of wakers; the guard's
// Drop unlocks and wakes the next waiter. Three tasks contend on a task-queue executor.
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

#[derive(Default)]
struct LockState {
    locked: bool,
    waiters: VecDeque<Waker>,
    value: u32,
}

struct Guard(Rc<RefCell<LockState>>);
impl Drop for Guard {
    fn drop(&mut self) {
        let mut s = self.0.borrow_mut();
        s.locked = false;
        if let Some(w) = s.waiters.pop_front() {
            w.wake();
        }
    }
}

struct Lock(Rc<RefCell<LockState>>);
impl Future for Lock {
    type Output = Guard;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Guard> {
        let mut s = self.0.borrow_mut();
        if s.locked {
            s.waiters.push_back(cx.waker().clone());
            return Poll::Pending;
        }
        s.locked = true;
        Poll::Ready(Guard(self.0.clone()))
    }
}

async fn yield_now() {
    let mut y = false;
    std::future::poll_fn(|cx| if y { Poll::Ready(()) } else { y = true; cx.waker().wake_by_ref(); Poll::Pending }).await
}

async fn worker(id: u32, state: Rc<RefCell<LockState>>) {
    println!("worker {} wants the lock", id);
    let guard = Lock(state.clone()).await;
    println!("worker {} holds the lock", id);
    yield_now().await; // others run meanwhile and must wait
    guard.0.borrow_mut().value += id;
    println!("worker {} releases (value {})", id, guard.0.borrow().value);
    drop(guard);
}

type Task = Pin<Box<dyn Future<Output = ()>>>;

struct Requeue(usize, Arc<Mutex<VecDeque<usize>>>);
impl Wake for Requeue {
    fn wake(self: Arc<Self>) {
        self.1.lock().unwrap().push_back(self.0);
    }
}

fn main() {
    let state = Rc::new(RefCell::new(LockState::default()));
    let mut tasks: Vec<Task> = (1..=3).map(|id| Box::pin(worker(id, state.clone())) as Task).collect();
    let queue = Arc::new(Mutex::new(VecDeque::from(vec![0, 1, 2])));
    loop {
        let next = queue.lock().unwrap().pop_front();
        let Some(id) = next else { break };
        let waker = Waker::from(Arc::new(Requeue(id, queue.clone())));
        let _ = tasks[id].as_mut().poll(&mut Context::from_waker(&waker));
    }
    println!("final value {}, locked {}", state.borrow().value, state.borrow().locked);
}
