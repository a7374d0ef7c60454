//! The `marsad` command.
fn main() {
    println!("marsad: being written");
}
