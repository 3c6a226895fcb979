// A raw pointer outlives the local it points to: `p` is set inside a block, the block ends (the
// local's storage is gone), and the read through `p` afterwards is a use of a dead place. No
// pinning is involved, so `pinion check` reports nothing; `pinion run` stops at the read.
struct Reading {
    sensor: &'static str,
    celsius: f64,
}

fn latest() -> Reading {
    Reading { sensor: "t1", celsius: 21.5 }
}

fn main() {
    let p: *const Reading;
    {
        let r = latest();
        p = &r;
        println!("inside the block: {} reads {}", r.sensor, unsafe { (*p).celsius });
    } // UB: `r` goes out of scope here, `p` dangles
    let other = latest();
    println!("another reading from {}", other.sensor);
    let c = unsafe { (*p).celsius }; // UB: reads through `p` after its place went away
    println!("after the block: {}", c);
}
