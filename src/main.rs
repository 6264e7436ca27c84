// Output goes through alsite::console (outln!, errln!), which stops quietly
// when the reader has gone; print! and its kin would panic.
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod cli;

fn main() -> std::process::ExitCode {
    alsite::memory::configure();
    cli::run()
}
