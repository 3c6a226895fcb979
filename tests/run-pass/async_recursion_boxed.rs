// Recursion in async code needs a box: an async fn's future cannot contain itself, so the recursive
// call returns `Pin<Box<dyn Future>>`. Fibonacci and a tree walk, each awaiting its children.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

fn fib(n: u32) -> Pin<Box<dyn Future<Output = u64>>> {
    Box::pin(async move {
        if n < 2 {
            return n as u64;
        }
        fib(n - 1).await + fib(n - 2).await
    })
}

enum Tree {
    Leaf(i32),
    Node(Box<Tree>, Box<Tree>),
}

fn depth_sum<'a>(t: &'a Tree, depth: u32) -> Pin<Box<dyn Future<Output = i32> + 'a>> {
    Box::pin(async move {
        match t {
            Tree::Leaf(v) => {
                println!("{}leaf {}", "  ".repeat(depth as usize), v);
                let mut y = false;
                std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await;
                *v
            }
            Tree::Node(l, r) => {
                println!("{}node", "  ".repeat(depth as usize));
                depth_sum(l, depth + 1).await + depth_sum(r, depth + 1).await
            }
        }
    })
}

fn block_on<F: Future>(fut: F) -> (F::Output, u32) {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return (v, polls);
        }
    }
}

fn main() {
    println!("fib(15) = {:?}", block_on(fib(15)));
    let tree = Tree::Node(
        Box::new(Tree::Leaf(1)),
        Box::new(Tree::Node(Box::new(Tree::Leaf(2)), Box::new(Tree::Leaf(3)))),
    );
    println!("sum = {:?}", block_on(depth_sum(&tree, 0)));
}
