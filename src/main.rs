//! Mounting only: the page's `#funding-breakdown` element gets the widget.

fn main() {
    funding_breakdown::web::start();
}
