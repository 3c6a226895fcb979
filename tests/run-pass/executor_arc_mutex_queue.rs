// A task-queue executor on `Arc<Mutex<..>>` and the `Wake` trait: a waker re-queues its task, and a
// running task spawns more tasks through a shared spawner. Single-threaded; Mutex only for `Wake`.
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

type Task = Pin<Box<dyn Future<Output = ()> + Send>>;

#[derive(Default)]
struct Queues {
    ready: VecDeque<usize>,
    spawned: Vec<Task>,
}

struct TaskWaker {
    id: usize,
    queues: Arc<Mutex<Queues>>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.queues.lock().unwrap().ready.push_back(self.id);
    }
}

async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(move |cx| {
        if yielded {
            return Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    })
    .await
}

async fn parent(queues: Arc<Mutex<Queues>>) {
    for i in 0..3 {
        println!("parent spawns child {}", i);
        queues.lock().unwrap().spawned.push(Box::pin(child(i)));
        yield_now().await;
    }
    println!("parent done");
}

async fn child(n: u32) {
    println!("  child {} starts", n);
    for _ in 0..n {
        yield_now().await;
    }
    println!("  child {} ends after {} yields", n, n);
}

fn main() {
    let queues = Arc::new(Mutex::new(Queues::default()));
    let mut tasks: Vec<Option<Task>> = vec![Some(Box::pin(parent(queues.clone())))];
    queues.lock().unwrap().ready.push_back(0);
    loop {
        let id = {
            let mut q = queues.lock().unwrap();
            for t in q.spawned.drain(..).collect::<Vec<_>>() {
                tasks.push(Some(t));
                q.ready.push_back(tasks.len() - 1);
            }
            match q.ready.pop_front() {
                Some(id) => id,
                None => break,
            }
        };
        let waker = Waker::from(Arc::new(TaskWaker { id, queues: queues.clone() }));
        if let Some(task) = tasks[id].as_mut() {
            if task.as_mut().poll(&mut Context::from_waker(&waker)).is_ready() {
                println!("[task {} finished]", id);
                tasks[id] = None;
            }
        }
    }
    println!("{} tasks ran", tasks.len());
}
