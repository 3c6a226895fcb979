// Traits with default methods, associated types and associated consts; static dispatch through
// generic bounds; trait methods that call other trait methods; impls for several types.
trait Container {
    type Item;
    const KIND: &'static str;
    const LIMIT: usize = 4;

    fn items(&self) -> Vec<Self::Item>;
    fn len(&self) -> usize {
        self.items().len()
    }
    fn is_full(&self) -> bool {
        self.len() >= Self::LIMIT
    }
}

struct Bag(Vec<u8>);
struct Word(String);

impl Container for Bag {
    type Item = u8;
    const KIND: &'static str = "bag";
    fn items(&self) -> Vec<u8> {
        self.0.clone()
    }
}

impl Container for Word {
    type Item = char;
    const KIND: &'static str = "word";
    const LIMIT: usize = 6;
    fn items(&self) -> Vec<char> {
        self.0.chars().collect()
    }
    fn len(&self) -> usize {
        self.0.chars().count() // overrides the default
    }
}

fn report<C: Container>(c: &C) -> String
where
    C::Item: std::fmt::Debug,
{
    format!("{} (limit {}): {:?} len {} full {}", C::KIND, C::LIMIT, c.items(), c.len(), c.is_full())
}

trait Greet {
    fn name(&self) -> String;
    fn greet(&self) -> String {
        format!("Hello, {}!", self.name())
    }
}

impl Greet for i32 {
    fn name(&self) -> String {
        format!("number {}", self)
    }
}
impl Greet for &str {
    fn name(&self) -> String {
        self.to_string()
    }
    fn greet(&self) -> String {
        format!("Hi {}", self)
    }
}

fn main() {
    println!("{}", report(&Bag(vec![1, 2, 3])));
    println!("{}", report(&Bag(vec![9; 5])));
    println!("{}", report(&Word(String::from("crab"))));
    println!("{}", report(&Word(String::from("ferrisé"))));
    println!("{} / {}", 7.greet(), "ada".greet());
    println!("{} {} {}", <Bag as Container>::KIND, Word::LIMIT, Bag::LIMIT);
}
