// A task-queue executor with Arc<Task>: Wake, boxed dyn futures in a Vec<Option<Pin<Box<_>>>>, a
// hand-written future that wakes itself, and async fns that share a log through Rc<RefCell<_>>.
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

struct Task {
    id: usize,
    queue: Arc<Mutex<VecDeque<usize>>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        self.queue.lock().unwrap().push_back(self.id);
    }
}

struct Yield {
    left: u32,
}

impl Future for Yield {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.left == 0 {
            Poll::Ready(7)
        } else {
            self.left -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

async fn job(name: &'static str, n: u32, log: Rc<RefCell<Vec<String>>>) -> u32 {
    let v = Yield { left: n }.await;
    log.borrow_mut().push(format!("{} finished", name));
    v + n
}

fn main() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let queue = Arc::new(Mutex::new(VecDeque::new()));
    let mut tasks: Vec<Option<Pin<Box<dyn Future<Output = u32>>>>> = Vec::new();
    tasks.push(Some(Box::pin(job("a", 2, log.clone()))));
    tasks.push(Some(Box::pin(job("b", 0, log.clone()))));
    tasks.push(Some(Box::pin(job("c", 1, log.clone()))));
    for i in 0..tasks.len() {
        queue.lock().unwrap().push_back(i);
    }
    let mut total = 0;
    loop {
        let next = queue.lock().unwrap().pop_front();
        let Some(id) = next else { break };
        let waker = Waker::from(Arc::new(Task { id, queue: queue.clone() }));
        let mut cx = Context::from_waker(&waker);
        if let Some(fut) = tasks[id].as_mut() {
            if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
                println!("task {} -> {}", id, v);
                total += v;
                tasks[id] = None;
            }
        }
    }
    println!("total {}", total);
    for line in log.borrow().iter() {
        println!("{}", line);
    }
}
