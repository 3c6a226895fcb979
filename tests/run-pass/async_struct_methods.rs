// Async methods: `async fn` taking `&self`, `&mut self` and `self`, an associated async constructor,
// and a generic async fn with a trait bound, all awaited from one driver.
use std::fmt::Display;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

struct Account {
    owner: String,
    balance: i64,
    history: Vec<i64>,
}

impl Account {
    async fn open(owner: &str, initial: i64) -> Account {
        tick().await;
        Account { owner: owner.to_string(), balance: initial, history: vec![initial] }
    }
    async fn deposit(&mut self, amount: i64) -> i64 {
        tick().await;
        self.balance += amount;
        self.history.push(amount);
        self.balance
    }
    async fn report(&self) -> String {
        tick().await;
        format!("{}: {} after {} entries", self.owner, self.balance, self.history.len())
    }
    async fn close(self) -> Vec<i64> {
        tick().await;
        println!("closing {}", self.owner);
        self.history
    }
}

async fn show_twice<T: Display>(label: &str, value: T) -> String {
    tick().await;
    format!("{}={} {}={}", label, value, label, value)
}

async fn session() {
    let mut acc = Account::open("ada", 100).await;
    println!("after deposit: {}", acc.deposit(50).await);
    println!("after withdrawal: {}", acc.deposit(-30).await);
    println!("{}", acc.report().await);
    println!("{}", show_twice("balance", acc.balance).await);
    println!("{}", show_twice("owner", &acc.owner).await);
    let history = acc.close().await;
    println!("history {:?}", history);
}

fn main() {
    let mut fut = pin!(session());
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 1;
    while fut.as_mut().poll(&mut cx).is_pending() {
        polls += 1;
    }
    println!("{} polls", polls);
}
