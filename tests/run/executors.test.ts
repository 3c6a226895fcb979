// The executor shapes of the runtime reached from Rust source: `#[tokio::main]`, `tokio::spawn`,
// `tokio::time::sleep` (virtual time: nothing really waits), `tokio::join!`, `futures::join!`,
// `tokio::select!` and `futures::executor::block_on`. rustc has no tokio or futures crate here, so the
// expected outputs are reasoned, each in a comment, from what those crates document.
import { describe, expect, it } from "vitest";
import { run } from "../../src/compile.js";
import { Session } from "../../src/pipeline.js";

const session = new Session();

function runText(text: string): { stdout: string; stderr: string; code: number } {
  let stdout = "";
  let stderr = "";
  const r = run(session, "executors.rs", text, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { stdout, stderr: stderr || r.diagnostics.map((d) => d.message).join("\n"), code: r.exitCode };
}

const WORK = `
use std::time::Duration;
async fn work(id: u32, ms: u64) -> u32 {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    println!("task {} done after {}ms", id, ms);
    id * 10
}
`;

describe("executors", () => {
  it("tokio::main, spawn, sleep and join!: tasks finish in the order of their virtual deadlines", () => {
    // All four sleeps start at t=0 (spawned tasks run as soon as main first yields; join! polls both of
    // its futures on its first poll), so they finish at t=5, 10, 20, 30: tasks 4, 2, 3, 1. join!
    // completes when its slower future (task 3) does; the handles then give 10 and 20.
    const r = runText(`${WORK}
#[tokio::main]
async fn main() {
    let a = tokio::spawn(work(1, 30));
    let b = tokio::spawn(work(2, 10));
    let (x, y) = tokio::join!(work(3, 20), work(4, 5));
    println!("joined {} {}", x, y);
    println!("{} {}", a.await.unwrap(), b.await.unwrap());
}`);
    expect(r).toEqual({ stdout: "task 4 done after 5ms\ntask 2 done after 10ms\ntask 3 done after 20ms\njoined 30 40\ntask 1 done after 30ms\n10 20\n", stderr: "", code: 0 });
  });

  it("select! completes with the first ready branch and drops the other", () => {
    // Branch 2 is ready at t=10, first: its body gives 20 + 1. Branch 1's future is dropped before its
    // sleep ends, so task 1 never prints. futures::join! then runs `work(3, 1)` and a ready block.
    const r = runText(`${WORK}
#[tokio::main]
async fn main() {
    let r = tokio::select! {
        a = work(1, 30) => a,
        b = work(2, 10) => b + 1,
    };
    println!("first {}", r);
    let (x, y) = futures::join!(work(3, 1), async { 7 });
    println!("{} {}", x, y);
}`);
    expect(r).toEqual({ stdout: "task 2 done after 10ms\nfirst 21\ntask 3 done after 1ms\n30 7\n", stderr: "", code: 0 });
  });

  it("tokio::sync::mpsc: spawned workers send through clones of a bounded sender; recv ends when all are dropped", () => {
    // Worker i sleeps 10 * (3 - i) ms, so workers 2, 1, 0 finish at t = 10, 20, 30 and send in that
    // order; after `drop(tx)` the last clone goes with worker 0, and recv() gives None. 0 + 1 + 2 = 3.
    const r = runText(`
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;
use tokio::time::{sleep, Duration};
#[tokio::main]
async fn main() {
    let counter = Arc::new(Mutex::new(0));
    let (tx, mut rx) = mpsc::channel::<String>(4);
    let mut handles = Vec::new();
    for i in 0..3 {
        let counter = Arc::clone(&counter);
        let tx = tx.clone();
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(10 * (3 - i))).await;
            *counter.lock().unwrap() += i;
            tx.send(format!("worker {} done", i)).await.unwrap();
        }));
    }
    drop(tx);
    while let Some(msg) = rx.recv().await {
        println!("{}", msg);
    }
    for h in handles {
        h.await.unwrap();
    }
    println!("counter = {}", *counter.lock().unwrap());
}`);
    expect(r).toEqual({ stdout: "worker 2 done\nworker 1 done\nworker 0 done\ncounter = 3\n", stderr: "", code: 0 });
  });

  it("tokio::sync::oneshot and an unbounded mpsc channel", () => {
    // The spawned task replies 7 * 7; a receiver whose sender was dropped gets Err(RecvError); the
    // unbounded sender sends at once (0 + 2 + 4 = 6), and recv() ends after drop(utx).
    const r = runText(`
use tokio::sync::{mpsc, oneshot};
async fn compute(x: u32, reply: oneshot::Sender<u32>) {
    tokio::task::yield_now().await;
    let _ = reply.send(x * x);
}
#[tokio::main]
async fn main() {
    let (tx, rx) = oneshot::channel();
    tokio::spawn(compute(7, tx));
    println!("got {:?}", rx.await);
    let (tx, rx) = oneshot::channel::<u32>();
    drop(tx);
    println!("dropped sender: {}", rx.await.is_err());
    let (utx, mut urx) = mpsc::unbounded_channel();
    for i in 0..3 {
        utx.send(i * 2).unwrap();
    }
    drop(utx);
    let mut sum = 0;
    while let Some(v) = urx.recv().await {
        sum += v;
    }
    println!("sum {}", sum);
}`);
    expect(r).toEqual({ stdout: "got Ok(49)\ndropped sender: true\nsum 6\n", stderr: "", code: 0 });
  });

  it("futures::executor::block_on runs a future to completion from a plain main", () => {
    // An async block whose inner await is ready at once: block_on returns its value, 6 * 7.
    const r = runText(`
async fn six() -> u32 { 6 }
fn main() {
    let v = futures::executor::block_on(async { six().await * 7 });
    println!("{}", v);
}`);
    expect(r).toEqual({ stdout: "42\n", stderr: "", code: 0 });
  });

  it("a std fn the runtime does not implement is refused by name, before running", () => {
    // Nothing of main runs: no "before" on stdout.
    const r = runText(`
fn main() {
    println!("before");
    let v = std::env::var("HOME");
    println!("{}", v.is_ok());
}`);
    expect(r.stdout).toBe("");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("`env::var` is not supported by `pinion run` yet");
  });
});
