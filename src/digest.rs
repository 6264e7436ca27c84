//! Fingerprints of bytes (xxh3, 64 bits), to tell what changed between two
//! builds: a source file, a page's inputs, an output file. Not for security.

pub use xxhash_rust::xxh3::Xxh3 as Hasher;

/// The fingerprint of `bytes`.
pub fn of(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Fingerprints several parts as one; each part's length is mixed in, so
/// `["ab", "c"]` and `["a", "bc"]` differ.
pub fn of_parts<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    let mut h = Hasher::new();
    for part in parts {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part);
    }
    h.digest()
}

/// The hasher of maps keyed by the site's own names (paths, search terms):
/// xxh3, without the standard hasher's guard against crafted keys, which
/// costs time on large sites and buys nothing against the site's own files.
#[derive(Default)]
pub struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`NameHasher`]s, for `HashMap::with_hasher` and the like.
pub type NameHash = std::hash::BuildHasherDefault<NameHasher>;
