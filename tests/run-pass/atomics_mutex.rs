// Atomics and Mutex on one thread: fetch_add/fetch_sub/swap/compare_exchange/fetch_max with their
// returned previous values, AtomicBool flags, `Mutex` lock guards in scopes, `try_lock` while held,
// `Arc<Mutex<..>>` shared by clones, and `into_inner`.
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

static NEXT_ID: AtomicU32 = AtomicU32::new(100);

fn next_id() -> u32 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

fn main() {
    println!("ids {} {} {}", next_id(), next_id(), next_id());
    let n = AtomicI64::new(10);
    println!("fetch_add {} -> {}", n.fetch_add(5, Ordering::SeqCst), n.load(Ordering::SeqCst));
    println!("fetch_sub {} -> {}", n.fetch_sub(20, Ordering::SeqCst), n.load(Ordering::SeqCst));
    println!("swap {} -> {}", n.swap(42, Ordering::SeqCst), n.load(Ordering::SeqCst));
    println!("cas ok {:?}", n.compare_exchange(42, 43, Ordering::SeqCst, Ordering::SeqCst));
    println!("cas fail {:?}", n.compare_exchange(42, 44, Ordering::SeqCst, Ordering::SeqCst));
    println!("fetch_max {} -> {}", n.fetch_max(100, Ordering::SeqCst), n.load(Ordering::SeqCst));
    let flag = AtomicBool::new(false);
    println!("flag swap {} then {}", flag.swap(true, Ordering::SeqCst), flag.load(Ordering::SeqCst));
    let hits = AtomicUsize::new(0);
    for _ in 0..5 {
        hits.fetch_add(2, Ordering::Relaxed);
    }
    println!("hits {} into_inner {}", hits.load(Ordering::Relaxed), hits.into_inner());

    let m = Mutex::new(vec![1, 2]);
    {
        let mut guard = m.lock().unwrap();
        guard.push(3);
        println!("locked: try_lock is_err {}", m.try_lock().is_err());
    }
    println!("after guard dropped: try_lock is_ok {}", m.try_lock().is_ok());
    println!("{:?}", m.lock().unwrap());
    let shared = Arc::new(Mutex::new(0u64));
    let handles: Vec<Arc<Mutex<u64>>> = (0..3).map(|_| Arc::clone(&shared)).collect();
    for (i, h) in handles.iter().enumerate() {
        *h.lock().unwrap() += (i as u64 + 1) * 10;
    }
    println!("total {} strong {}", *shared.lock().unwrap(), Arc::strong_count(&shared));
    drop(handles);
    let inner = Arc::try_unwrap(shared).unwrap().into_inner().unwrap();
    println!("inner {}", inner);
    let mut counter = Mutex::new(5);
    *counter.get_mut().unwrap() += 1;
    println!("get_mut -> {:?}", counter.lock().map(|g| *g));
}
