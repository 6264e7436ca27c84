//! Files compiled into the binary by `build.rs`: the default theme (paths
//! relative to `themes/default/`) and the sample site (relative to the repository).

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The embedded file at `path` in `table`.
pub fn find(table: &[(&str, &'static [u8])], path: &str) -> Option<&'static [u8]> {
    table
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, bytes)| *bytes)
}
