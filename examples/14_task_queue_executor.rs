// Teaches: how an executor uses wakers — a tiny task queue.
//
// Each task is a `Pin<Box<dyn Future>>` (pinned once, on the heap). The ready queue holds task ids;
// a task's waker pushes its id back onto the queue. The executor only polls tasks that were woken,
// so a task that returns Pending without arranging a wake would simply never run again.
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

struct TaskWaker {
    id: usize,
    queue: Arc<Mutex<VecDeque<usize>>>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        println!("    (task {} woken: back in the queue)", self.id);
        self.queue.lock().unwrap().push_back(self.id);
    }
}

async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(move |cx| {
        if yielded {
            return Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref(); // "poll me again soon"
        Poll::Pending
    })
    .await
}

async fn job(name: &str, steps: u32) -> String {
    for i in 1..=steps {
        println!("  {} step {}/{}", name, i, steps);
        yield_now().await;
    }
    format!("{} finished", name)
}

struct Executor {
    tasks: Vec<Option<Pin<Box<dyn Future<Output = String>>>>>,
    queue: Arc<Mutex<VecDeque<usize>>>,
}

impl Executor {
    fn spawn(&mut self, fut: impl Future<Output = String> + 'static) {
        self.tasks.push(Some(Box::pin(fut)));
        self.queue.lock().unwrap().push_back(self.tasks.len() - 1);
    }

    fn run(&mut self) {
        loop {
            let next = self.queue.lock().unwrap().pop_front();
            let Some(id) = next else { break };
            let Some(task) = self.tasks[id].as_mut() else { continue };
            println!("poll task {}", id);
            let waker = Waker::from(Arc::new(TaskWaker { id, queue: self.queue.clone() }));
            if let Poll::Ready(msg) = task.as_mut().poll(&mut Context::from_waker(&waker)) {
                println!("  -> {}", msg);
                self.tasks[id] = None;
            }
        }
    }
}

fn main() {
    let mut ex = Executor { tasks: Vec::new(), queue: Arc::new(Mutex::new(VecDeque::new())) };
    ex.spawn(job("fetch", 2));
    ex.spawn(job("parse", 1));
    ex.spawn(async { String::from("instant finished") });
    ex.run();
    println!("queue empty, all tasks done: {}", ex.tasks.iter().all(|t| t.is_none()));
}
