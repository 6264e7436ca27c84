//! Writing the package zip: `imsmanifest.xml` and every file at the root of
//! the archive, deflated, written beside the target and renamed into place.
//! Every file is dated when the package is made (`SOURCE_DATE_EPOCH`, when
//! set, for a package the same byte for byte): a server that tells a
//! changed file by its date and size sends a course uploaded again anew.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Writes `files` (path in the zip, bytes) to `out`; returns the zip's size.
pub fn write(out: &Path, files: &[(String, Vec<u8>)]) -> io::Result<u64> {
    if out.is_dir() {
        return Err(io::Error::other(
            "that is a folder; give a file name such as course.zip",
        ));
    }
    let tmp = temp_path(out);
    let result = write_to(&tmp, files).and_then(|size| {
        std::fs::rename(&tmp, out)?;
        Ok(size)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn temp_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "package.zip".into());
    out.with_file_name(format!(".{name}.alsite-new-{}", std::process::id()))
}

fn write_to(path: &Path, files: &[(String, Vec<u8>)]) -> io::Result<u64> {
    let mut zip = ZipWriter::new(File::create(path)?);
    let dated = SimpleFileOptions::default().last_modified_time(dos_time(packaged_at()));
    let deflated = dated.compression_method(CompressionMethod::Deflated);
    let stored = dated.compression_method(CompressionMethod::Stored);
    // The manifest first: some LMSs look for it at the start of the archive.
    let mut order: Vec<&(String, Vec<u8>)> = files.iter().collect();
    order.sort_by_key(|(p, _)| (p != "imsmanifest.xml", p.clone()));
    for (name, bytes) in order {
        let options = if already_compressed(name) {
            stored
        } else {
            deflated
        };
        zip.start_file(
            name.as_str(),
            options.large_file(bytes.len() as u64 >= u32::MAX as u64),
        )
        .map_err(io::Error::other)?;
        zip.write_all(bytes)?;
    }
    let file = zip.finish().map_err(io::Error::other)?;
    file.sync_all()?;
    file.metadata().map(|m| m.len())
}

/// Images and archives gain nothing from deflate.
fn already_compressed(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip", ".pdf", ".mp4", ".mp3", ".woff2",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext))
}

/// When the package is made, in seconds since 1970: `SOURCE_DATE_EPOCH`
/// (the reproducible-builds convention) where set, else now.
fn packaged_at() -> u64 {
    let given = std::env::var("SOURCE_DATE_EPOCH").ok();
    given
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
            now.map_or(0, |d| d.as_secs())
        })
}

/// `secs` since 1970 as a zip's date and time (UTC); a time a zip cannot
/// hold (before 1980, after 2107) as 1980's first second.
fn dos_time(secs: u64) -> zip::DateTime {
    let (days, rest) = ((secs / 86_400) as i64, secs % 86_400);
    // The days since 1970 as a date (Howard Hinnant's civil_from_days).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let (h, m, s) = (rest / 3_600, rest % 3_600 / 60, rest % 60);
    let year = u16::try_from(year).unwrap_or(0);
    zip::DateTime::from_date_and_time(year, month as u8, day as u8, h as u8, m as u8, s as u8)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::dos_time;

    #[test]
    fn a_time_becomes_the_zips_date_and_time() {
        let t = dos_time(1_764_000_000); // 2025-11-24 16:00:00 UTC
        let got = (
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
        );
        assert_eq!(got, (2025, 11, 24, 16, 0, 0));
        let leap = dos_time(951_827_696); // 2000-02-29 12:34:56 UTC
        let got = (
            leap.year(),
            leap.month(),
            leap.day(),
            leap.hour(),
            leap.minute(),
        );
        assert_eq!(got, (2000, 2, 29, 12, 34));
        // Before 1980 a zip cannot say: its first date.
        assert_eq!((dos_time(0).year(), dos_time(0).month()), (1980, 1));
    }
}
