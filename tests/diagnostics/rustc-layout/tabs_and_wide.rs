// Tabs are shown as four spaces; wide characters take two columns.
#![allow(unused)]
fn main() {
	let y: i32 = "tab";
    let 日本 = "漢字"; let z: i32 = "x";
    let s = "🦀🦀"; let w: u8 = "é";
		let v: i32 =	"two tabs";
}
