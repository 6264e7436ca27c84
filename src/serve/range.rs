//! Byte ranges (`Range: bytes=…`), so a video or audio file of the site
//! plays and seeks in every browser (Safari asks for ranges and plays
//! nothing without them). One range is served as 206; a range past the end
//! gets 416; anything else (several ranges, a range not understood, or an
//! `If-Range`, which this server has no validators for) gets the whole file,
//! as RFC 9110 allows.

use super::response::{Piece, Response};
use std::ops::Range;

/// What a `Range` header asks of a body of a known length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    /// The whole body (no range, or one this server ignores).
    Whole,
    /// These bytes of it.
    Part(Range<usize>),
    /// A range that starts past the end: 416.
    Unsatisfiable,
}

/// Reads a `Range` value against a body of `len` bytes.
pub fn wanted(value: &str, len: usize) -> Wanted {
    let value = value.trim();
    let Some(spec) = value
        .get(..6)
        .filter(|unit| unit.eq_ignore_ascii_case("bytes="))
        .map(|_| value[6..].trim())
    else {
        return Wanted::Whole;
    };
    // Empty list elements count for nothing (`bytes=0-1,` is one range).
    let mut ranges = spec.split(',').map(str::trim).filter(|r| !r.is_empty());
    let (Some(spec), None) = (ranges.next(), ranges.next()) else {
        return Wanted::Whole;
    };
    let Some((first, last)) = spec.split_once('-') else {
        return Wanted::Whole;
    };
    let (first, last) = (number(first.trim()), number(last.trim()));
    match (first, last) {
        // `bytes=-500`: the last 500 bytes.
        (Some(None), Some(Some(n))) if n > 0 && len > 0 => Wanted::Part(len.saturating_sub(n)..len),
        // The last bytes of an empty file: all of it, which no 206 can say.
        (Some(None), Some(Some(n))) if n > 0 => Wanted::Whole,
        (Some(None), Some(Some(_))) => Wanted::Unsatisfiable,
        (Some(Some(a)), Some(None)) if a < len => Wanted::Part(a..len),
        (Some(Some(a)), Some(Some(b))) if a <= b && a < len => {
            Wanted::Part(a..b.saturating_add(1).min(len))
        }
        (Some(Some(a)), Some(Some(b))) if a <= b => Wanted::Unsatisfiable,
        (Some(Some(_)), Some(None)) => Wanted::Unsatisfiable,
        _ => Wanted::Whole,
    }
}

/// `None`: not digits; `Some(None)`: empty; `Some(Some(n))`: a number (too
/// large to count is as large as can be).
fn number(text: &str) -> Option<Option<usize>> {
    if text.is_empty() {
        return Some(None);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Some(text.parse().unwrap_or(usize::MAX)))
}

/// A 200 answer to a GET cut to the range asked for: 206 with the part,
/// 416 when the range starts past the end, the whole otherwise. Every 200
/// says ranges are taken.
pub fn apply(response: Response, range: Option<&str>) -> Response {
    let len = response.len();
    let response = response.header("Accept-Ranges", "bytes");
    let part = match range.map(|r| wanted(r, len)) {
        None | Some(Wanted::Whole) => return response,
        Some(Wanted::Unsatisfiable) => {
            return Response::text(416, "the range asked for starts past the end of the file\n")
                .header("Content-Range", format!("bytes */{len}"))
        }
        Some(Wanted::Part(part)) => part,
    };
    let mut cut = Response::new(206);
    cut.headers = response.headers;
    cut.headers.push((
        "Content-Range",
        format!("bytes {}-{}/{len}", part.start, part.end - 1),
    ));
    cut.body = slice(response.body, part);
    cut
}

/// The pieces of `body` that fall in `part`, still sharing the site's files.
fn slice(body: Vec<Piece>, part: Range<usize>) -> Vec<Piece> {
    let mut at = 0;
    let mut out = Vec::new();
    for piece in body {
        let n = piece.bytes().len();
        let (start, end) = (part.start.max(at), part.end.min(at + n));
        if start < end {
            out.push(piece.sub(start - at..end - at));
        }
        at += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn reads_one_byte_range() {
        assert_eq!(wanted("bytes=0-9", 100), Wanted::Part(0..10));
        assert_eq!(wanted("bytes=90-", 100), Wanted::Part(90..100));
        assert_eq!(wanted("bytes=-10", 100), Wanted::Part(90..100));
        assert_eq!(wanted("bytes=-500", 100), Wanted::Part(0..100));
        assert_eq!(wanted("bytes=50-999999", 100), Wanted::Part(50..100));
        assert_eq!(wanted("Bytes= 5-5", 100), Wanted::Part(5..6));
        // Empty list elements count for nothing (RFC 9110, 5.6.1).
        assert_eq!(wanted("bytes=0-1,", 100), Wanted::Part(0..2));
        assert_eq!(wanted("bytes=, 0-1 ,,", 100), Wanted::Part(0..2));
        assert_eq!(wanted("bytes=0-1,5-6", 100), Wanted::Whole);
        assert_eq!(
            wanted("bytes=0-99999999999999999999999", 100),
            Wanted::Part(0..100)
        );
    }

    #[test]
    fn past_the_end_is_unsatisfiable_and_the_rest_is_ignored() {
        for r in [
            "bytes=100-",
            "bytes=100-200",
            "bytes=-0",
            "bytes=999999999999999999999-",
        ] {
            assert_eq!(wanted(r, 100), Wanted::Unsatisfiable, "{r}");
        }
        // An empty file: a first byte is past its end, but a suffix asks for
        // "the last n bytes", which is all of it (RFC 9110, 14.1.1).
        assert_eq!(wanted("bytes=0-", 0), Wanted::Unsatisfiable);
        assert_eq!(wanted("bytes=-5", 0), Wanted::Whole);
        assert_eq!(wanted("bytes=-0", 0), Wanted::Unsatisfiable);
        for r in [
            "bytes=0-1,5-9",
            "bytes=9-5",
            "bytes=a-b",
            "bytes=-",
            "bytes=--5",
            "items=0-5",
            "bytes 0-5",
            "",
        ] {
            assert_eq!(wanted(r, 100), Wanted::Whole, "{r}");
        }
    }

    #[test]
    fn cuts_across_pieces_and_keeps_sharing_the_file() {
        let file = Arc::new(b"<body></body>".to_vec());
        let page = || {
            Response::new(200).body(vec![
                Piece::Shared(file.clone(), 0..6),
                Piece::Static(b"<script></script>"),
                Piece::Shared(file.clone(), 6..13),
            ])
        };
        let cut = apply(page(), Some("bytes=4-25"));
        assert_eq!(cut.status, 206);
        let bytes: Vec<u8> = cut.body.iter().flat_map(|p| p.bytes().to_vec()).collect();
        assert_eq!(bytes, b"y><script></script></b");
        assert!(cut
            .headers
            .contains(&("Content-Range", "bytes 4-25/30".to_string())));
        assert_eq!(Arc::strong_count(&file), 3, "the cut shares the file");
        let past = apply(page(), Some("bytes=30-"));
        assert_eq!(past.status, 416);
        assert!(past
            .headers
            .contains(&("Content-Range", "bytes */30".to_string())));
        assert_eq!(apply(page(), Some("bytes=0-1,4-5")).status, 200);
    }
}
