// A single-threaded task-queue executor: tasks are `Pin<Box<dyn Future>>` in a Vec, the ready queue
// is an `Rc<RefCell<VecDeque<usize>>>`, and each task's waker is a hand-built RawWaker whose data
// pointer is an `Rc<TaskWaker>` (clone = Rc::clone, drop = Rc::drop, wake = re-queue the task id).
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

struct TaskWaker {
    id: usize,
    queue: Rc<RefCell<VecDeque<usize>>>,
}

unsafe fn rw_clone(p: *const ()) -> RawWaker {
    Rc::increment_strong_count(p as *const TaskWaker);
    RawWaker::new(p, &VTABLE)
}
unsafe fn rw_wake(p: *const ()) {
    rw_wake_by_ref(p);
    rw_drop(p);
}
unsafe fn rw_wake_by_ref(p: *const ()) {
    let w = &*(p as *const TaskWaker);
    w.queue.borrow_mut().push_back(w.id);
}
unsafe fn rw_drop(p: *const ()) {
    drop(Rc::from_raw(p as *const TaskWaker));
}
static VTABLE: RawWakerVTable = RawWakerVTable::new(rw_clone, rw_wake, rw_wake_by_ref, rw_drop);

fn waker_for(id: usize, queue: &Rc<RefCell<VecDeque<usize>>>) -> Waker {
    let data = Rc::into_raw(Rc::new(TaskWaker { id, queue: queue.clone() }));
    unsafe { Waker::from_raw(RawWaker::new(data as *const (), &VTABLE)) }
}

async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(|cx| {
        if yielded {
            return Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    })
    .await
}

async fn job(name: &'static str, steps: u32) {
    for i in 1..=steps {
        println!("{} step {}/{}", name, i, steps);
        yield_now().await;
    }
    println!("{} done", name);
}

fn main() {
    let queue = Rc::new(RefCell::new(VecDeque::new()));
    let mut tasks: Vec<Option<Pin<Box<dyn Future<Output = ()>>>>> = Vec::new();
    for (name, steps) in [("a", 2), ("b", 3), ("c", 1)] {
        tasks.push(Some(Box::pin(job(name, steps))));
        queue.borrow_mut().push_back(tasks.len() - 1);
    }
    let mut polls = 0;
    loop {
        let next = queue.borrow_mut().pop_front();
        let Some(id) = next else { break };
        let Some(task) = tasks[id].as_mut() else { continue };
        polls += 1;
        let waker = waker_for(id, &queue);
        if task.as_mut().poll(&mut Context::from_waker(&waker)).is_ready() {
            tasks[id] = None; // drop the finished future
        }
    }
    println!("all done after {} polls; live tasks: {}", polls, tasks.iter().filter(|t| t.is_some()).count());
    println!("queue rc count: {}", Rc::strong_count(&queue));
}
