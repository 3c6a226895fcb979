// Derived std traits: Debug, Clone, Copy, PartialEq/Eq, PartialOrd/Ord (field order, then variant
// order), Default, and using them for sorting, comparing, dedup and max; Clone of nested data is deep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
struct Version {
    major: u8,
    minor: u8,
    patch: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Low,
    Mid(u8),
    High { boost: u8 },
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Package {
    name: String,
    version: Version,
    deps: Vec<String>,
    score: f32,
}

fn main() {
    let mut versions = vec![
        Version { major: 1, minor: 2, patch: 3 },
        Version { major: 0, minor: 9, patch: 0 },
        Version { major: 1, minor: 10, patch: 0 },
        Version { major: 1, minor: 2, patch: 3 },
    ];
    versions.sort();
    versions.dedup();
    println!("{:?}", versions);
    println!("max {:?}", versions.iter().max());
    let v = versions[0];
    let copy = v; // Copy: `v` stays usable
    println!("{:?} == {:?}: {}, < : {}", v, copy, v == copy, v < versions[1]);
    println!("default {:?}", Version::default());
    let mut levels = vec![Level::High { boost: 1 }, Level::Mid(5), Level::Low, Level::Mid(2)];
    levels.sort();
    println!("{:?}", levels);
    println!("{}", Level::Mid(200) < Level::High { boost: 0 });
    let base = Package { name: "pinion".into(), deps: vec!["tree-sitter".into()], ..Default::default() };
    let mut fork = base.clone();
    fork.deps.push("prettier".into());
    fork.version.minor = 1;
    println!("{:?}", base);
    println!("{:?}", fork);
    println!("equal {} partial_cmp {:?}", base == fork, 1.0f32.partial_cmp(&f32::NAN));
    println!("{:?}", std::cmp::max(Level::Low, Level::Mid(0)));
    println!("{:?}", "b".cmp("a").then(1.cmp(&2)));
}
