//! `linklens`: the command-line front end. Thin glue: expand directories
//! (`walk.rs`), read each file by memory map (`input.rs`), hand the bytes
//! to `linklens::analyze` on every core, explain the facts
//! (`linklens_explain`), and print each report as text or JSON as soon as
//! it and all the files before it are done (`stream.rs`).

mod input;
mod progress;
mod stream;
mod walk;

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;
use linklens_explain::archive::ExplainedArchive;
use linklens_explain::catalogue::sentences;
use linklens_explain::render;
use linklens_explain::Report;
use serde::Serialize;

/// The command line.
#[derive(Parser, Debug)]
#[command(name = "linklens", version, about = sentences::CLI_ABOUT, after_help = sentences::CLI_EXIT_STATUS)]
struct Options {
    /// Print the man page or a shell's completions instead (what `cargo
    /// xtask dist` ships)
    #[arg(long, value_name = "KIND", hide = true)]
    generate: Option<Generate>,
    /// Print a JSON array: one report (or error) per file
    #[arg(long)]
    json: bool,
    /// Print each report as Markdown (a CI job summary, an issue comment):
    /// the same sections and words as the page's export
    #[arg(long, conflicts_with_all = ["json", "quiet"])]
    markdown: bool,
    /// Exit 1 if any file is not static (static-pie counts)
    #[arg(long)]
    require_static: bool,
    /// Print only the first line per file
    #[arg(short, long)]
    quiet: bool,
    /// No colours or bold (also: NO_COLOR set, or not a terminal)
    #[arg(long)]
    no_color: bool,
    /// Exit 1 if any file will not run on one of these targets, and show
    /// why (comma-separated ids: scratch, alpine, debian-11, rhel-8…)
    #[arg(long, value_name = "ID,...", value_delimiter = ',', value_parser = parse_target)]
    target: Vec<linklens::TargetId>,
    /// With --target: the verdicts that fail the gate besides `fails`
    /// (starts-but: it starts but a file it reads is missing there; maybe)
    #[arg(long, value_name = "VERDICT,...", value_delimiter = ',', value_parser = parse_verdict, requires = "target")]
    fail_on: Vec<linklens::Verdict>,
    /// Show every target with its verdict, reason and the error it would print
    #[arg(long)]
    targets: bool,
    /// Print the recommended fix as a file to keep instead of the report:
    /// shell, dockerfile, goreleaser, github-actions or makefile
    #[arg(long, value_name = "KIND", value_parser = parse_recipe, conflicts_with_all = ["json", "quiet"])]
    recipe: Option<linklens::RecipeKind>,
    /// With --recipe: the fix to render instead of the recommended one
    /// (cgo-off, pure-go-tags, musl-gcc, zig-musl…)
    #[arg(long, value_name = "ID", value_parser = parse_fix, requires = "recipe")]
    fix: Option<linklens::FixId>,
    /// With --recipe github-actions: the published linklens action the
    /// workflow checks its build with (owner/linklens@v0); without one, it
    /// checks with file and readelf
    #[arg(long, value_name = "ACTION", requires = "recipe")]
    action: Option<String>,
    /// The binaries to analyse; - reads standard input; a directory is
    /// walked for executables and libraries (symlinks are not followed)
    #[arg(required_unless_present = "generate", value_name = "FILE")]
    files: Vec<String>,
}

/// What `--generate` prints.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Generate {
    /// The man page (roff).
    Man,
    /// bash's completions.
    CompleteBash,
    /// zsh's completions.
    CompleteZsh,
    /// fish's completions.
    CompleteFish,
}

/// The man page or completions, from the same definitions as the parser.
fn generate(kind: Generate) -> io::Result<()> {
    use clap::CommandFactory;
    let mut cmd = Options::command();
    let mut out = io::stdout().lock();
    let shell = match kind {
        Generate::Man => return clap_mangen::Man::new(cmd).render(&mut out),
        Generate::CompleteBash => clap_complete::Shell::Bash,
        Generate::CompleteZsh => clap_complete::Shell::Zsh,
        Generate::CompleteFish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(shell, &mut cmd, "linklens", &mut out);
    Ok(())
}

/// A recipe kind, or a usage error that lists them.
fn parse_recipe(s: &str) -> Result<linklens::RecipeKind, String> {
    one_of(
        s,
        linklens::RecipeKind::parse,
        linklens::RecipeKind::ALL.iter().map(|k| k.as_str()),
        "recipe",
    )
}

/// A verdict id, or a usage error that lists them.
fn parse_verdict(s: &str) -> Result<linklens::Verdict, String> {
    one_of(
        s,
        linklens::Verdict::parse,
        linklens::Verdict::ALL.iter().map(|k| k.as_str()),
        "verdict",
    )
}

/// A fix id, or a usage error that lists them.
fn parse_fix(s: &str) -> Result<linklens::FixId, String> {
    one_of(
        s,
        linklens::FixId::parse,
        linklens::FixId::ALL.iter().map(|k| k.as_str()),
        "fix",
    )
}

fn one_of<T>(
    s: &str,
    parse: fn(&str) -> Option<T>,
    all: impl Iterator<Item = &'static str>,
    what: &str,
) -> Result<T, String> {
    parse(s.trim()).ok_or_else(|| {
        linklens_explain::catalogue::fill(
            sentences::CLI_UNKNOWN_ID,
            &[("what", what), ("ids", &all.collect::<Vec<_>>().join(", "))],
        )
    })
}

/// A target id, or a usage error that lists them all.
fn parse_target(s: &str) -> Result<linklens::TargetId, String> {
    one_of(
        s,
        linklens::TargetId::parse,
        linklens::TargetId::ALL.iter().map(|t| t.as_str()),
        "target",
    )
}

/// One entry of `--json` output: `path` and the report (`schema`, `facts`,
/// `explanation`), or an error; for an archive, an entry with its summary
/// (`archive`: its facts and their explanation, without the members),
/// then one entry per member named `outer!/inner`.
#[derive(Serialize)]
struct Entry<'a> {
    path: &'a str,
    #[serde(flatten)]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive: Option<ArchiveJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorJson>,
}

/// An archive's summary: its facts and their explanation, without the
/// members (they follow as entries).
#[derive(Serialize)]
struct ArchiveJson<'a> {
    schema: u32,
    facts: ArchiveFacts<'a>,
    explanation: ArchiveWords<'a>,
}

#[derive(Serialize)]
struct ArchiveFacts<'a> {
    format: linklens::archive::ArchiveFormat,
    chain: &'a [linklens::archive::ArchiveFormat],
    files: u64,
    elf: u64,
    go: u64,
    dynamic: u64,
    bytes_scanned: u64,
    images: &'a [linklens::archive::ImageReport],
    errors: &'a [linklens::archive::ArchiveError],
}

#[derive(Serialize)]
struct ArchiveWords<'a> {
    images: &'a [linklens_explain::archive::ImageWords],
    errors: &'a [String],
}

#[derive(Serialize)]
struct ErrorJson {
    code: &'static str,
    message: String,
}

/// What one file gives: its rendered output and what it means for the exit status.
struct Done {
    text: String,
    failed: bool,
    dynamic: bool,
    /// Fails on a target named by `--target`.
    off_target: bool,
    /// For standard error: why a file has no recipe.
    notes: String,
}

/// Analyse one file and render it at once, so no report outlives its file.
fn analyse(path: &str, opts: &Options, text: render::TextOptions) -> Done {
    let data = input::Input::open(path);
    if let Ok(data) = &data {
        let head = &data.bytes()[..data.bytes().len().min(linklens_archive::HEAD)];
        if linklens_archive::format(head).is_some() {
            let len = data.bytes().len() as u64;
            let limits = linklens_archive::Limits::default();
            // Read through the file, not the map: a compressed archive is
            // read once, front to back, and its pages need not stay resident
            // (decoders buffer what they read).
            let file = std::fs::File::open(path).ok().filter(|_| path != "-");
            let bar = progress::archive(path, len);
            // The bar follows the file as it is read (the compressed bytes:
            // its length is known); the walk says what it has found so far.
            let mut tick = |p: linklens_archive::Progress| {
                if let Some(bar) = &bar {
                    bar.set_message(linklens_explain::catalogue::fill(
                        sentences::CLI_PROGRESS,
                        &[("files", &p.files.to_string()), ("elf", &p.elf.to_string())],
                    ));
                }
            };
            let progress: Option<&mut dyn FnMut(linklens_archive::Progress)> =
                if bar.is_some() { Some(&mut tick) } else { None };
            let report = match (file, &bar) {
                (Some(f), Some(bar)) => {
                    linklens_archive::open(&mut bar.wrap_read(f), len, &limits, progress)
                }
                (Some(mut f), None) => linklens_archive::open(&mut f, len, &limits, progress),
                (None, _) => linklens_archive::open(
                    &mut std::io::Cursor::new(data.bytes()),
                    len,
                    &limits,
                    progress,
                ),
            };
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            if let Some(report) = report {
                return archive(path, &ExplainedArchive::new(report), opts, text);
            }
        }
    }
    let result = match data {
        Ok(data) => linklens::analyze(data.bytes())
            .map(Report::new)
            .map_err(|e| ErrorJson {
                code: e.code(),
                message: linklens_explain::error::message(&e),
            }),
        Err(input::InputError(message)) => Err(ErrorJson {
            code: "io",
            message,
        }),
    };
    let failed = result.is_err();
    let dynamic = result.as_ref().is_ok_and(|r| !r.facts.linkage.is_static());
    let off_target = result
        .as_ref()
        .is_ok_and(|r| fails_on(&r.explanation, opts));
    if let (Some(kind), Ok(r)) = (opts.recipe, &result) {
        let (text, notes) = recipe(path, r, kind, opts);
        return Done {
            text,
            failed,
            dynamic,
            off_target,
            notes,
        };
    }
    let text = if opts.json {
        let entry = match &result {
            Ok(r) => Entry {
                path,
                report: Some(r),
                archive: None,
                error: None,
            },
            Err(e) => Entry {
                path,
                report: None,
                archive: None,
                error: Some(ErrorJson {
                    code: e.code,
                    message: e.message.clone(),
                }),
            },
        };
        serde_json::to_string_pretty(&entry).unwrap_or_default()
    } else {
        match (&result, opts.markdown) {
            (Ok(r), true) => render::markdown(path, r),
            (Ok(r), false) => render::text(path, r, text),
            (Err(e), _) => file_error(path, &e.message),
        }
    };
    Done {
        text,
        failed,
        dynamic,
        off_target,
        notes: String::new(),
    }
}

/// The recipe of a file's recommended fix (or of `--fix`), or why it has none.
fn recipe(
    path: &str,
    r: &Report,
    kind: linklens::RecipeKind,
    opts: &Options,
) -> (String, String) {
    use linklens_explain::catalogue;
    let id = opts.fix;
    let label = catalogue::recipe(kind).label;
    let fixes = &r.explanation.fixes;
    let fix = match id {
        Some(id) => fixes.iter().find(|f| f.id == id),
        None => fixes.first(),
    };
    let Some(fix) = fix else {
        let ids: Vec<&str> = fixes.iter().map(|f| f.id.as_str()).collect();
        let why = match id {
            Some(id) => catalogue::fill(
                sentences::CLI_NO_SUCH_FIX,
                &[("fix", id.as_str()), ("fixes", &ids.join(", "))],
            ),
            None => catalogue::fill(
                sentences::CLI_NO_FIX,
                &[("linkage", render::labels::linkage_phrase(r.facts.linkage))],
            ),
        };
        return (String::new(), format!("{path}: {why}\n"));
    };
    let options = render::recipe::Options {
        action: opts.action.as_deref().or(render::recipe::ACTION),
    };
    match render::recipe::recipe_with(r, fix, kind, options) {
        Ok(text) => (text, String::new()),
        Err(why) => (
            String::new(),
            format!(
                "{path}: {}\n",
                catalogue::fill(sentences::CLI_NO_RECIPE, &[("recipe", label), ("why", why)])
            ),
        ),
    }
}

/// An archive: its summary, then each member as a file of its own.
fn archive(path: &str, a: &ExplainedArchive, opts: &Options, text: render::TextOptions) -> Done {
    use render::member_name;
    let (r, e) = (&a.facts, &a.explanation);
    let failed = !r.errors.is_empty();
    let dynamic = r
        .members
        .iter()
        .any(|m| m.facts.as_ref().is_some_and(|f| !f.linkage.is_static()));
    let off_target = e.members.iter().flatten().any(|x| fails_on(x, opts));
    let reports: Vec<Option<Report>> = a.members().map(|(_, report)| report).collect();
    let mut out = String::new();
    if opts.json {
        let summary = ArchiveJson {
            schema: linklens::SCHEMA_VERSION,
            facts: ArchiveFacts {
                format: r.format,
                chain: &r.chain,
                files: r.files,
                elf: r.elf,
                go: r.go,
                dynamic: r.dynamic,
                bytes_scanned: r.bytes_scanned,
                images: &r.images,
                errors: &r.errors,
            },
            explanation: ArchiveWords {
                images: &e.images,
                errors: &e.errors,
            },
        };
        let mut entries = vec![serde_json::to_string_pretty(&Entry {
            path,
            report: None,
            archive: Some(summary),
            error: None,
        })
        .unwrap_or_default()];
        for (m, report) in r.members.iter().zip(&reports) {
            let name = member_name(path, &m.path);
            let error = m.error.as_ref().map(|e| ErrorJson {
                code: e.id.as_str(),
                message: linklens_explain::archive::error_message(e),
            });
            entries.push(
                serde_json::to_string_pretty(&Entry {
                    path: &name,
                    report: report.as_ref(),
                    archive: None,
                    error,
                })
                .unwrap_or_default(),
            );
        }
        out = entries.join(",\n");
    } else {
        // The archive's summary is the terminal's text; in Markdown, a block
        // of it (colour is off with --markdown).
        let summary = render::archive_text(path, a, text);
        out.push_str(&if opts.markdown {
            format!("```text\n{summary}```\n")
        } else {
            summary
        });
        for (m, report) in r.members.iter().zip(&reports) {
            let name = member_name(path, &m.path);
            match (report, &m.error) {
                (Some(report), _) => {
                    out.push_str(if text.quiet { "" } else { "\n" });
                    out.push_str(&if opts.markdown {
                        render::markdown(&name, report)
                    } else {
                        render::text(&name, report, text)
                    });
                }
                (None, Some(e)) => out.push_str(&file_error(
                    &name,
                    &linklens_explain::archive::error_message(e),
                )),
                (None, None) => {}
            }
        }
    }
    Done {
        text: out,
        failed,
        dynamic,
        off_target,
        notes: String::new(),
    }
}

/// The text line for a file that gave no report.
fn file_error(path: &str, message: &str) -> String {
    linklens_explain::catalogue::fill(
        sentences::CLI_FILE_ERROR,
        &[("path", path), ("message", message)],
    ) + "\n"
}

/// The file will not run on a target named by `--target`: a verdict
/// `fails` there (or one `--fail-on` names), or no verdict at all (a file
/// for another system).
fn fails_on(e: &linklens_explain::Explanation, opts: &Options) -> bool {
    let failing = |v: linklens::Verdict| v == linklens::Verdict::Fails || opts.fail_on.contains(&v);
    opts.target.iter().any(|id| {
        e.targets
            .iter()
            .find(|t| t.id == *id)
            .is_none_or(|t| failing(t.verdict))
    })
}

fn main() -> ExitCode {
    let opts = match Options::try_parse() {
        Ok(o) => o,
        Err(e) => {
            // Help and version go to stdout with status 0; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    if let Some(kind) = opts.generate {
        return match generate(kind) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("linklens: {e}");
                ExitCode::from(2)
            }
        };
    }
    let color = !opts.no_color
        && !opts.json
        && !opts.markdown
        && io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let targets = if opts.targets {
        render::TargetView::All
    } else if opts.target.is_empty() {
        render::TargetView::Compact
    } else {
        render::TargetView::Only(
            opts.target
                .iter()
                .fold(render::TargetSet::default(), |s, t| s.with(*t)),
        )
    };
    let text = render::TextOptions {
        color,
        quiet: opts.quiet,
        targets,
    };
    let (paths, walk_errors) = walk::expand(&opts.files);
    for e in &walk_errors {
        eprintln!("linklens: {e}");
    }
    let separator = if opts.json {
        ",\n"
    } else if opts.quiet {
        ""
    } else {
        "\n"
    };
    let mut printer = stream::Printer::new(io::stdout().lock(), opts.json, separator);
    let (mut failed, mut not_static, mut off_target) = (!walk_errors.is_empty(), false, false);
    let bar = progress::files(paths.len());
    let written = stream::in_order(
        &paths,
        |path| analyse(path, &opts, text),
        |done| {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            failed |= done.failed;
            not_static |= done.dynamic;
            off_target |= done.off_target;
            if !done.notes.is_empty() {
                eprint!("{}", done.notes);
                failed = true;
            }
            if done.text.is_empty() {
                return Ok(());
            }
            printer.print(&done.text)
        },
    )
    .and_then(|()| printer.finish());
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("linklens: {e}");
            return ExitCode::from(2);
        }
    }
    if failed {
        ExitCode::from(2)
    } else if (opts.require_static && not_static) || off_target {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
