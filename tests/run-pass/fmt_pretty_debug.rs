// `{:#?}` pretty Debug of nested data: derived Debug on named, tuple and unit structs, enums with
// data, Vecs, Options, tuples and empty collections, next to the one-line `{:?}`.
#[derive(Debug)]
struct Unit;

#[derive(Debug)]
struct Meters(f64);

#[derive(Debug)]
enum Status {
    Idle,
    Busy { task: String, progress: u8 },
    Failed(String, i32),
}

#[derive(Debug)]
struct Machine {
    name: &'static str,
    tags: Vec<&'static str>,
    status: Status,
    history: Vec<Status>,
    distance: Option<Meters>,
    marker: Unit,
    pair: (u8, char),
    empty: Vec<u32>,
}

fn main() {
    let m = Machine {
        name: "m1",
        tags: vec!["fast", "loud"],
        status: Status::Busy { task: String::from("polling"), progress: 40 },
        history: vec![Status::Idle, Status::Failed(String::from("timeout"), -2)],
        distance: Some(Meters(12.5)),
        marker: Unit,
        pair: (7, 'x'),
        empty: vec![],
    };
    println!("{:?}", m);
    println!("{:#?}", m);
    println!("{:#?}", (1, "a"));
    println!("{:#?}", Some(Status::Idle));
    println!("{:#?}", vec![[1, 2]]);
    let nothing: Option<Unit> = None;
    println!("{:#?} {:#?}", nothing, Meters(0.0));
}
