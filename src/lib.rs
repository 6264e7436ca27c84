//! alsite: a static-site generator for Action Learning trainers.
//!
//! Data flows one way: [`load`] reads a site folder into a [`model::Site`],
//! [`check`] returns diagnostics, [`render`] makes output files, [`build`]
//! writes them. README.md, "Development", lists every module and what it owns.

// Output goes through `console` (outln!, errln!), which stops quietly when the
// reader has gone; print! and its kin would panic.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod build;
pub mod check;
pub mod colour;
pub mod config;
pub mod console;
pub mod diagnostic;
pub mod digest;
pub mod embedded;
pub mod font_cmap;
pub mod html;
pub mod i18n;
pub mod load;
pub mod memory;
pub mod model;
pub mod new;
pub mod new_files;
pub mod package;
pub mod render;
pub mod search;
pub mod serve;
pub mod suggest;
pub mod synth;
pub mod theme;
