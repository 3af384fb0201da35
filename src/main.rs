//! Entry point: mounts the app in the browser, runs the command line natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    sorot::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(a) => args.push(a),
            Err(raw) => {
                eprintln!("sorot: argument {raw:?} is not valid UTF-8");
                std::process::exit(2);
            }
        }
    }
    std::process::exit(sorot::cli::main(args));
}
