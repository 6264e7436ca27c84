//! Which characters a font file has glyphs for: its `cmap` table, read
//! from TrueType or OpenType (`.ttf`, `.otf`, the first font of a `.ttc`),
//! WOFF (zlib per table) or WOFF2 (one Brotli stream). Only what a check
//! needs: `None` for anything it cannot read, so a font it does not
//! understand is never reported.

use std::io::Read;

/// A font's `cmap` table: which characters it has a glyph for. Its
/// subtables are read by `ttf-parser`, every format the OpenType
/// specification names.
pub struct Cmap(Vec<u8>);

impl Cmap {
    pub fn read(font: &[u8]) -> Option<Cmap> {
        let table = match font.get(..4)? {
            b"wOF2" => woff2_table(font, *b"cmap")?,
            b"wOFF" => woff_table(font, *b"cmap")?,
            b"ttcf" => sfnt_table(font, u32_at(font, 12)? as usize, *b"cmap")?.to_vec(),
            _ => sfnt_table(font, 0, *b"cmap")?.to_vec(),
        };
        let parsed = ttf_parser::cmap::Table::parse(&table)?;
        let unicode = parsed.subtables.into_iter().any(|s| s.is_unicode());
        unicode.then_some(Cmap(table))
    }

    /// Whether a Unicode subtable maps `c` to a glyph (glyph 0 is none).
    pub fn has(&self, c: char) -> bool {
        ttf_parser::cmap::Table::parse(&self.0).is_some_and(|t| {
            t.subtables
                .into_iter()
                .filter(|s| s.is_unicode())
                .any(|s| s.glyph_index(u32::from(c)).is_some_and(|g| g.0 != 0))
        })
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Table `tag` of the font whose table directory starts at `start`.
fn sfnt_table(font: &[u8], start: usize, tag: [u8; 4]) -> Option<&[u8]> {
    let count = usize::from(u16_at(font, start + 4)?);
    (0..count).find_map(|i| {
        let record = start + 12 + 16 * i;
        (font.get(record..record + 4)? == tag).then_some(())?;
        let offset = u32_at(font, record + 8)? as usize;
        font.get(offset..offset + u32_at(font, record + 12)? as usize)
    })
}

/// Table `tag` of a WOFF file, inflated when it is compressed.
fn woff_table(font: &[u8], tag: [u8; 4]) -> Option<Vec<u8>> {
    let count = usize::from(u16_at(font, 12)?);
    let entry = (0..count)
        .map(|i| 44 + 20 * i)
        .find(|&e| font.get(e..e + 4) == Some(&tag[..]))?;
    let offset = u32_at(font, entry + 4)? as usize;
    let (stored, length) = (
        u32_at(font, entry + 8)? as usize,
        u32_at(font, entry + 12)? as usize,
    );
    let data = font.get(offset..offset + stored)?;
    if stored == length {
        return Some(data.to_vec());
    }
    let mut out = Vec::with_capacity(length);
    flate2::read::ZlibDecoder::new(data)
        .take(length as u64)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// The tags WOFF2 names by a number (its "known tags"), in its order; only
/// the first ones matter here: `cmap` is number 0, `glyf` and `loca` 10 and 11.
const GLYF: usize = 10;
const LOCA: usize = 11;
const CMAP: usize = 0;

/// Table `tag` (only `cmap` is asked for) of a WOFF2 file that holds one
/// font: the tables follow each other in one Brotli stream, in the order of
/// the table directory, each as long as it is stored (transformed or not).
fn woff2_table(font: &[u8], tag: [u8; 4]) -> Option<Vec<u8>> {
    if font.get(4..8)? == b"ttcf" || tag != *b"cmap" {
        return None;
    }
    let (stream_start, tables) = woff2_directory(font)?;
    let at = tables.iter().position(|t| t.0)?;
    let offset: usize = tables[..at].iter().map(|t| t.1).sum();
    let length = tables[at].1;
    let compressed = u32_at(font, 20)? as usize;
    let stream = font.get(stream_start..stream_start + compressed)?;
    let mut out = Vec::new();
    brotli_decompressor::Decompressor::new(stream, 4096)
        .take((offset + length) as u64)
        .read_to_end(&mut out)
        .ok()?;
    out.get(offset..offset + length).map(<[u8]>::to_vec)
}

/// A WOFF2 table directory: where the compressed stream starts, and each
/// table as (whether it is `cmap`, its length in the stream).
fn woff2_directory(font: &[u8]) -> Option<(usize, Vec<(bool, usize)>)> {
    let count = usize::from(u16_at(font, 12)?);
    let mut at = 48;
    let mut tables = Vec::with_capacity(count);
    for _ in 0..count {
        let flags = *font.get(at)?;
        at += 1;
        let known = usize::from(flags & 0x3f);
        let is_cmap = if known == 63 {
            at += 4;
            font.get(at - 4..at)? == b"cmap"
        } else {
            known == CMAP
        };
        let length = base128(font, &mut at)?;
        // glyf and loca are transformed at version 0, the others at any other.
        let version = flags >> 6;
        let transformed = if known == GLYF || known == LOCA {
            version == 0
        } else {
            version != 0
        };
        let stored = if transformed {
            base128(font, &mut at)?
        } else {
            length
        };
        tables.push((is_cmap, stored));
    }
    Some((at, tables))
}

/// WOFF2's UIntBase128: 7 bits a byte, high bit set on all but the last.
fn base128(b: &[u8], at: &mut usize) -> Option<usize> {
    let mut value: usize = 0;
    for _ in 0..5 {
        let byte = *b.get(*at)?;
        *at += 1;
        value = value.checked_mul(128)? | usize::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `cmap` with one format 4 subtable mapping `a`–`z` and nothing else.
    fn latin_cmap() -> Vec<u8> {
        let mut t = vec![0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12];
        // Format 4, two segments (a–z and the closing 0xffff).
        let words: [u16; 15] = [
            4,
            32,
            0,
            4,
            4,
            1,
            0,
            0x7a,
            0xffff,
            0,
            0x61,
            0xffff,
            0u16.wrapping_sub(0x60),
            1,
            0,
        ];
        words.iter().for_each(|w| t.extend(w.to_be_bytes()));
        t.extend(0u16.to_be_bytes());
        t
    }

    fn sfnt(cmap: &[u8]) -> Vec<u8> {
        let mut f = vec![0, 1, 0, 0, 0, 1, 0, 16, 0, 0, 0, 0];
        f.extend(b"cmap");
        f.extend([0; 4]);
        f.extend(28u32.to_be_bytes());
        f.extend((cmap.len() as u32).to_be_bytes());
        f.extend(cmap);
        f
    }

    #[test]
    fn reads_a_truetype_fonts_letters() {
        let cmap = Cmap::read(&sfnt(&latin_cmap())).unwrap();
        assert!(cmap.has('a') && cmap.has('z'));
        assert!(!cmap.has('ą') && !cmap.has('A'));
    }

    #[test]
    fn reads_a_woff_table_stored_as_it_is() {
        let table = latin_cmap();
        let mut f = b"wOFF\0\x01\0\0".to_vec();
        f.extend([0; 4]);
        f.extend(1u16.to_be_bytes());
        f.resize(44, 0);
        f.extend(b"cmap");
        f.extend(64u32.to_be_bytes());
        f.extend((table.len() as u32).to_be_bytes());
        f.extend((table.len() as u32).to_be_bytes());
        f.extend([0; 4]);
        f.extend(&table);
        assert!(Cmap::read(&f).unwrap().has('q'));
    }

    #[test]
    fn anything_else_is_not_read() {
        assert!(Cmap::read(b"<!doctype html>").is_none());
        assert!(Cmap::read(b"wOF2").is_none());
        assert!(Cmap::read(&[]).is_none());
    }
}
