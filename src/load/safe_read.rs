//! Reading a file of the site so that what is read is what was checked.
//!
//! The walk of `content/` refuses links that lead out of the site's folder
//! and skips pipes. A file can change between the walk and the read,
//! though (`serve` rebuilds while the trainer, or anyone who can write to
//! the folder, keeps saving): swapped for a link to `/etc/passwd`, it
//! would be published; swapped for a named pipe, the read would wait for
//! a writer forever and no later save would be rebuilt. So the file is
//! judged by what was opened, not by its name: it must be a regular file
//! (opened without waiting, so a pipe is refused at once), and, where the
//! system says where an open file really is (Linux), inside the site's
//! folder.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The bytes of `root/rel`, a regular file inside the site's folder.
pub fn read_bytes(root: &Path, rel: &Path) -> io::Result<Vec<u8>> {
    let (file, len) = open_file(root, rel)?;
    read_all(file, len)
}

/// The whole of an open file of `len` bytes.
pub(super) fn read_all(mut file: std::fs::File, len: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Opens the regular file `rel` under `root` as [`read_bytes`] does, without
/// reading it: the file and its length. Whether a file can be read is known
/// once it is open.
pub fn open_file(root: &Path, rel: &Path) -> io::Result<(std::fs::File, u64)> {
    let file = match open_beneath(root, rel) {
        Some(opened) => opened?,
        None => open_anywhere_inside(root, rel)?,
    };
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(io::ErrorKind::IsADirectory.into());
    }
    if !meta.is_file() {
        return Err(io::Error::other(
            "it is not a file but a pipe or a device, which cannot be published",
        ));
    }
    Ok((file, meta.len()))
}

/// The bytes of the regular file at `path`, wherever it is (a theme's
/// template, a strings file), opened without waiting: a named pipe there
/// is refused at once, not waited on for ever.
pub fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    let file = options().open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("it is not a file"));
    }
    read_all(file, meta.len())
}

/// Opens the file without waiting (a pipe opens at once, and is refused).
fn options() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options
}

/// The site folder files are opened beneath, kept open from read to read.
#[cfg(target_os = "linux")]
static ROOT: Mutex<Option<(PathBuf, std::sync::Arc<std::fs::File>)>> = Mutex::new(None);

/// Forgets the site folder opened for earlier reads, so the next read opens
/// the folder that is at its path now: while `serve` runs, one deleted and
/// put back, or another moved in its place, is not the one opened before.
/// Called as each load of the site begins (once, not at every read).
pub fn reopen_root() {
    #[cfg(target_os = "linux")]
    {
        *ROOT.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// Opens `rel` in one step that the system keeps inside `root`, links
/// and all (Linux 5.6 and later): `None` where it cannot say (an older
/// system, or a link written as an absolute path, which may still lead
/// inside), for [`open_anywhere_inside`] to decide.
#[cfg(target_os = "linux")]
fn open_beneath(root: &Path, rel: &Path) -> Option<io::Result<std::fs::File>> {
    use std::os::fd::{AsRawFd, FromRawFd};
    use std::os::unix::ffi::OsStrExt;
    let dir = {
        let mut last = ROOT.lock().unwrap_or_else(|e| e.into_inner());
        match &*last {
            Some((given, dir)) if given == root => std::sync::Arc::clone(dir),
            _ => {
                let dir = std::sync::Arc::new(std::fs::File::open(root).ok()?);
                *last = Some((root.to_path_buf(), std::sync::Arc::clone(&dir)));
                dir
            }
        }
    };
    let name = std::ffi::CString::new(rel.as_os_str().as_bytes()).ok()?;
    // SAFETY: `open_how` is three integers; zero is a valid value of each.
    let mut how: libc::open_how = unsafe { std::mem::zeroed() };
    how.flags = (libc::O_RDONLY | libc::O_NONBLOCK | libc::O_CLOEXEC) as u64;
    how.resolve = libc::RESOLVE_BENEATH;
    // SAFETY: a valid directory descriptor, a NUL-terminated path and a
    // filled `open_how` of the size given.
    let fd = unsafe {
        libc::syscall(
            libc::SYS_openat2,
            dir.as_raw_fd(),
            name.as_ptr(),
            std::ptr::addr_of!(how),
            std::mem::size_of::<libc::open_how>(),
        )
    };
    if fd < 0 {
        let e = io::Error::last_os_error();
        return match e.raw_os_error() {
            // No openat2 (or not allowed), or a way out of `root` (a link
            // written as an absolute path leaves it on the way in).
            Some(libc::ENOSYS | libc::EPERM | libc::EXDEV | libc::EINVAL) => None,
            _ => Some(Err(e)),
        };
    }
    // SAFETY: a descriptor just opened, owned by nothing else.
    Some(Ok(unsafe { std::fs::File::from_raw_fd(fd as i32) }))
}

#[cfg(not(target_os = "linux"))]
fn open_beneath(_root: &Path, _rel: &Path) -> Option<io::Result<std::fs::File>> {
    None
}

/// Opens `root/rel` following links, then, where the system says where
/// the open file really is (Linux), refuses it when that is outside the
/// site's folder.
fn open_anywhere_inside(root: &Path, rel: &Path) -> io::Result<std::fs::File> {
    let file = options().open(root.join(rel))?;
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let opened = std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd()));
        if let Ok(real) = opened {
            if !inside(root, &real) {
                return Err(io::Error::other(format!(
                    "it is a link to {}, outside the site's folder",
                    real.display()
                )));
            }
        }
    }
    Ok(file)
}

/// Whether `real` (a path with every link resolved) is in the site's
/// folder `root`, itself resolved once (the last site's answer is kept: a
/// build reads thousands of files of one site).
fn inside(root: &Path, real: &Path) -> bool {
    static LAST: Mutex<Option<(PathBuf, PathBuf)>> = Mutex::new(None);
    let resolved = {
        let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
        match &*last {
            Some((given, resolved)) if given == root => resolved.clone(),
            _ => {
                let resolved = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
                *last = Some((root.to_path_buf(), resolved.clone()));
                resolved
            }
        }
    };
    real.starts_with(resolved)
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn site(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("alsite-safe-read-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("content")).unwrap();
        dir
    }

    #[test]
    fn a_file_inside_is_read_and_a_link_out_or_a_pipe_is_refused() {
        let root = site("links");
        std::fs::write(root.join("content/a.txt"), "mine").unwrap();
        std::os::unix::fs::symlink(root.join("content/a.txt"), root.join("content/in.txt"))
            .unwrap();
        assert_eq!(
            read_bytes(&root, Path::new("content/a.txt")).unwrap(),
            b"mine"
        );
        assert_eq!(
            read_bytes(&root, Path::new("content/in.txt")).unwrap(),
            b"mine"
        );

        let outside = root.with_extension("secret");
        std::fs::write(&outside, "secret").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("content/out.txt")).unwrap();
        let e = read_bytes(&root, Path::new("content/out.txt")).unwrap_err();
        assert!(e.to_string().contains("outside the site's folder"), "{e}");

        // A pipe is refused at once, not waited on.
        let pipe = root.join("content/pipe.txt");
        let name = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
        let e = read_bytes(&root, Path::new("content/pipe.txt")).unwrap_err();
        assert!(e.to_string().contains("not a file but a pipe"), "{e}");
        let _ = std::fs::remove_dir_all(&root);
        let _ = std::fs::remove_file(&outside);
    }
}
