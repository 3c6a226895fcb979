// Labels on three lines of a parse error, one of them on the last line of the file.
fn main() {
    let x = (1, 2;
}
