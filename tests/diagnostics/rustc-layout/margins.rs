// Long lines are cut around the spans; deep indentation is elided.
#![allow(unused)]
fn main() {
    let long_name_for_a_variable_that_is_long = 1; let another_long_name_that_goes_on_and_on = 2; let z: i32 = "this line is well past one hundred and forty columns";
                                        let deep: i32 = "deeply indented line";
}
