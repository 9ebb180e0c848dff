//! The page's own sentences: what it says about itself, its drop target,
//! progress, errors and the comparison. Labels (one or two words) are in
//! `render::labels`; `{placeholders}` are filled by [`fill`](super::fill).

/// Under the title.
pub const TAGLINE: &str = "Is your Go binary statically linked? If not: why, and the exact command to rebuild it static.";
/// The privacy promise.
pub const PRIVACY: &str = "Your file never leaves this page: it is read and analysed in your browser, nothing is uploaded, and nothing is executed.";
/// The drop target's title.
pub const DROP_TITLE: &str = "Drop Linux binaries here";
/// The embedded checker's drop hint: drops land on the checker only.
pub const DROP_HINT_EMBED: &str = "…or onto this box. Several at once is fine: one result per file.";
/// Under the drop title.
pub const DROP_HINT: &str = "…or anywhere on this page. Several at once is fine: one result per file.";
/// What can be dropped.
pub const DROP_NOTE: &str = "ELF (Linux), Mach-O and PE files; Go, C, C++ and Rust. Stripped binaries work too.";
/// A folder was dropped.
pub const FOLDER_DROPPED: &str = "{name} is a folder. Drop the binary inside it instead.";
/// Before an error message.
pub const CANNOT_ANALYSE: &str = "Cannot analyse this file.";
/// The worker could not start.
pub const WORKER_FAILED: &str = "This browser could not start the analysis worker.";
/// The worker died on a file.
pub const WORKER_CRASHED: &str = "The analysis stopped unexpectedly on this file. Please report it, with the file if you can.";
/// Queued.
pub const WAITING: &str = "Waiting for the analyser…";
/// Reading.
pub const READING: &str = "Reading only what is needed: {read} of {size}";
/// Done.
pub const ANALYSED_IN: &str = "Analysed in {millis} ms, reading {read} of {size}.";
/// The live region, when files are added.
pub const ANALYSING: &str = "Analysing {count} file(s).";
/// The live region, on an error.
pub const ANNOUNCE_FAILED: &str = "{name}: cannot analyse. {message}";
/// A topic page's link to a sample.
pub const TOPIC_SAMPLE: &str = "See a real binary with this cause";
/// A topic page's pointer to the check page (before the link).
pub const TOPIC_CHECK_BEFORE: &str = "Drop your binary on the ";
/// The link's text.
pub const TOPIC_CHECK_LINK: &str = "check page";
/// After the link.
pub const TOPIC_CHECK_AFTER: &str = " for the exact command, built from its own flags.";
/// A topic id the catalogue does not have.
pub const NO_SUCH_TOPIC: &str = "linklens has no page for “{id}”.";
/// An address the page does not know.
pub const NOT_FOUND: &str = "Nothing lives at #/{path}.";
/// While a documentation page is fetched (the first time it is opened).
pub const DOC_LOADING: &str = "Loading the page…";
/// A documentation page that could not be fetched.
pub const DOC_FAILED: &str = "This page could not be loaded ({reason}). Pages are kept for offline use after a first visit with a connection.";
/// The guide's title.
pub const GUIDE_TITLE: &str = "Why is my Go binary dynamic?";
/// The index of causes and warnings.
pub const CAUSES_TITLE: &str = "Why Go binaries end up dynamic";
/// Comparison: same verdict.
pub const COMPARE_SAME: &str = "Still {verdict}.";
/// Comparison: verdict changed.
pub const COMPARE_CHANGED: &str = "{before} → {after}.";
/// Comparison: causes gone.
pub const COMPARE_GONE: &str = "Gone: {ids}.";
/// Comparison: causes now linked statically.
pub const COMPARE_NOW_STATIC: &str = "Now linked statically: {ids}.";
/// Comparison: new causes.
pub const COMPARE_NEW: &str = "New: {ids}.";
/// Comparison: libraries no longer needed.
pub const COMPARE_LIBS_GONE: &str = "No longer needs {libs}.";
/// Comparison: libraries now needed.
pub const COMPARE_LIBS_NEW: &str = "Now needs {libs}.";
/// Comparison: interpreter changed.
pub const COMPARE_INTERPRETER: &str = "Interpreter: {before} → {after}.";
/// A column with no cause.
pub const NO_CGO_COMPONENT: &str = "no cgo component";
/// A column with no library.
pub const NO_LIBRARIES: &str = "no libraries";

/// The glibc floor changed between two builds.
pub const COMPARE_GLIBC: &str = "glibc floor: {before} → {after}.";

/// The number of targets it runs on changed.
pub const COMPARE_TARGETS: &str = "Runs on {after} of the targets, was {before}.";
/// A cancelled analysis.
pub const CANCELLED: &str = "Cancelled.";

/// A message to the worker that named no file (never sent by this page).
pub const NO_FILE_IN_MESSAGE: &str = "The worker was sent no file to read.";
/// The cancel button.
pub const CANCEL: &str = "Cancel";
/// Scanning an archive: bytes so far.
pub const SCANNING: &str = "Scanning the archive: {read} read or decompressed ({size} on disk), {files} files, {elf} ELF so far";
/// An archive's analysis time.
pub const ARCHIVE_ANALYSED_IN: &str = "Scanned in {millis} ms.";
/// After an image's fix: the binary's own result, with its command, follows.
pub const FIX_BELOW: &str = " (the command is in the binary's result below)";
/// An archive whose first bytes promised a format it does not have.
pub const ARCHIVE_UNREADABLE: &str = "The archive could not be read.";
/// The worker has no synchronous file reader (`FileReaderSync`).
pub const READER_UNAVAILABLE: &str = "This browser cannot read files inside a worker (it has no FileReaderSync).";
/// A share link's file could not be read to its end for its SHA-256.
pub const SHARE_UNREADABLE: &str = "The file could not be read again for its link: it may have been moved or changed since it was dropped. Drop it again to share it.";
/// The report the page sent back for a share link did not parse.
pub const SHARE_NO_REPORT: &str = "The report could not be read back for its link. Please report it.";

/// The copy button's label, and what it says after a copy.
pub const COPY: &str = "Copy";
/// After a copy that worked.
pub const COPIED: &str = "Copied";
/// After a copy the browser refused.
pub const COPY_FAILED: &str = "Copy failed: select the text";

/// A sample link names no sample; `{slug}` is its name.
pub const SAMPLE_UNKNOWN: &str = "There is no sample called “{slug}”.";
/// The sample could not be fetched and is not cached.
pub const SAMPLE_OFFLINE: &str = "The sample “{slug}” could not be loaded (offline before it was ever loaded?).";
/// The server answered with `{status}`.
pub const SAMPLE_STATUS: &str = "The sample “{slug}” could not be loaded (HTTP {status}).";
/// The sample does not decompress.
pub const SAMPLE_DAMAGED: &str = "The sample “{slug}” is damaged: it does not decompress.";
/// The sample's response had no body.
pub const SAMPLE_EMPTY: &str = "The sample “{slug}” came back empty.";
/// The browser cannot make a `File`.
pub const NO_FILES_HERE: &str = "This browser cannot create files.";

/// Why a documentation page did not load: the network.
pub const REASON_OFFLINE: &str = "offline";
/// Why a documentation page did not load: the server's status.
pub const REASON_STATUS: &str = "HTTP {status}";
/// Why a documentation page did not load: its body could not be read.
pub const REASON_UNREADABLE: &str = "unreadable";

/// The progress bars' names, for screen readers.
pub const PROGRESS_ANALYSIS: &str = "Analysis progress";
/// While a file is read.
pub const PROGRESS_READ: &str = "Bytes read";
/// While an archive is walked.
pub const PROGRESS_SCAN: &str = "Archive scan progress";
/// A result's name, for screen readers.
pub const RESULT_FOR: &str = "Result for {name}";
/// The button that removes a result.
pub const REMOVE_FILE: &str = "Remove {name}";
/// Above the results.
pub const RESULTS_COUNT: &str = "Results ({count})";
/// Removes every result.
pub const CLEAR_ALL: &str = "Clear all";
/// The file chooser's label.
pub const CHOOSE_FILES: &str = "Choose files";

/// A sample's name in the "Try an example" menu, by its slug.
pub fn sample_title(slug: &str) -> &'static str {
    match slug {
        "static" => "hello world: static",
        "lookuphost" => "net.LookupHost: the cgo DNS resolver",
        "userlookup" => "user.Lookup: os/user's cgo lookups",
        "cstdio" => "the program's own C code",
        "sqlite" => "a cgo dependency: go-sqlite3",
        "pie" => "-buildmode=pie without cgo",
        "plugin" => "the plugin package",
        "purego" => "purego: C libraries without cgo",
        "asan" => "an -asan build",
        "c" => "a C program (not Go)",
        "race" => "a -race build",
        "gccgo" => "built by gccgo",
        "external-link" => "-linkmode=external without cgo",
        _ => "",
    }
}
