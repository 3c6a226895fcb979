// Warnings: a primary span with no label text, and a note.
#![allow(unused_variables)]
fn main() {}
fn unused() {}
fn also_unused() {
    return;
    let x = 1;
}
