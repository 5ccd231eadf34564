import { type DemoPost } from '../types.js';

export const rustPosts: DemoPost[] = [
  {
    slug: 'rust-ownership-and-borrowing-through-a-small-parser',
    title: 'Rust ownership and borrowing, explained through a small parser',
    summary:
      "Learning Rust's ownership rules, shared and mutable borrows, and lifetimes by writing a front-matter parser that returns string slices instead of copies.",
    categories: ['rust'],
    status: 'PUBLISHED',
    publishedAt: '2024-05-07T17:10:00Z',
    body: `I learned Rust by rewriting the front-matter parser of this blog's importer, the bit that reads \`title: ...\` lines at the top of a Markdown file. It is a small program, but it runs straight into every rule of ownership and borrowing, which makes it a good teacher.

## Ownership: one owner at a time

Every value in Rust has exactly one owner, and the value is dropped when its owner goes out of scope. Assigning a \`String\` to another variable *moves* it:

\`\`\`rust
let source = std::fs::read_to_string("post.md")?;
let text = source;          // ownership moves to \`text\`
println!("{}", source.len()); // error[E0382]: borrow of moved value: \`source\`
\`\`\`

No garbage collector is needed because the compiler always knows who must free the memory.

## Borrowing instead of moving

Most functions do not need ownership, only a look. A reference (\`&T\`) borrows the value:

\`\`\`rust
fn count_lines(text: &str) -> usize {
    text.lines().count()
}

let source = std::fs::read_to_string("post.md")?;
let n = count_lines(&source); // \`source\` is still ours afterwards
\`\`\`

The rules the borrow checker enforces:

1. Any number of shared references (\`&T\`), **or**
2. exactly one mutable reference (\`&mut T\`),
3. and no reference may outlive the value it points to.

Rule 1 or 2, never both at once, is what prevents data races and iterator invalidation at compile time.

## Returning borrowed data: lifetimes

My first parser copied every key and value into new \`String\`s. That works, but the whole point was to avoid allocations. Returning slices of the input is better, and it is where lifetimes appear:

\`\`\`rust
#[derive(Debug)]
struct FrontMatter<'a> {
    fields: Vec<(&'a str, &'a str)>,
    body: &'a str,
}

fn parse(input: &str) -> Option<FrontMatter<'_>> {
    let rest = input.strip_prefix("---\\n")?;
    let end = rest.find("\\n---\\n")?;
    let fields = rest[..end]
        .lines()
        .filter_map(|line| line.split_once(": "))
        .collect();
    Some(FrontMatter { fields, body: &rest[end + 5..] })
}
\`\`\`

The lifetime \`'a\` says: a \`FrontMatter\` borrows from the input and cannot outlive it. Thanks to lifetime elision, \`parse\` only needs \`'_\`.

The compiler then refuses this, correctly:

\`\`\`rust
let meta = {
    let source = std::fs::read_to_string("post.md")?;
    parse(&source)
}; // error[E0597]: \`source\` does not live long enough
\`\`\`

\`source\` is dropped at the closing brace while \`meta\` still points into it. In C this would compile and read freed memory later.

## When you need ownership anyway

Sometimes data must outlive its source, for example when it is sent to another thread. Then convert explicitly: \`key.to_string()\`, or \`Cow<'a, str>\` when most values can be borrowed but a few need unescaping.

## What helped me

- Reading the compiler's errors to the end. They usually contain the fix.
- Starting with owned \`String\`s everywhere, then introducing borrows where profiling showed allocations mattered.
- Chapter 4 of [The Rust Programming Language](https://doc.rust-lang.org/book/ch04-00-understanding-ownership.html), twice.

The parser now allocates one \`Vec\` per file and is about five times faster than the version that copied everything.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Mateo García',
        authorEmail: 'mateo.g@example.com',
        body: 'The example where `source` does not live long enough is the one that made it click for me too. The compiler is basically doing the code review.',
        approved: true,
        hoursAfterPost: 3,
      },
      {
        key: 'c2',
        authorName: 'Ingrid Solberg',
        authorEmail: 'ingrid.s@example.org',
        body: 'Small nit: `body: &rest[end + 5..]` skips `\\n---\\n`, which is five bytes, correct, but a file with Windows line endings breaks it. Worth a `.replace("\\r\\n", "\\n")` before parsing, though that gives you an owned `String` again.',
        approved: true,
        hoursAfterPost: 14,
      },
      {
        key: 'c3',
        authorName: 'Inkwell author',
        authorEmail: 'author@example.com',
        body: 'Right, which is exactly where `Cow<str>` shines: borrow when the input is clean, own only when it needed normalising.',
        approved: true,
        replyTo: 'c2',
        hoursAfterPost: 20,
      },
      {
        key: 'c4',
        authorName: 'Ingrid Solberg',
        authorEmail: 'ingrid.s@example.org',
        body: 'Nice, I had not thought of `Cow` for that. Going to steal it.',
        approved: true,
        replyTo: 'c3',
        hoursAfterPost: 24,
      },
    ],
  },
  {
    slug: 'async-rust-with-tokio-spawning-channels-and-select',
    title: 'Async Rust with tokio: spawning tasks, channels and select!',
    summary:
      'A practical introduction to the tokio runtime: spawning tasks, JoinSet, bounded mpsc channels for backpressure, select! for timeouts and shutdown, and the blocking-code trap.',
    categories: ['rust'],
    status: 'PUBLISHED',
    publishedAt: '2024-12-12T22:15:00Z',
    body: `The link checker for this blog was my excuse to learn async Rust. Rust's \`async fn\` produces futures that do nothing until polled; a runtime drives them. [tokio](https://tokio.rs/) is the runtime most of the ecosystem builds on, and its API maps closely onto the patterns I knew from Python's asyncio.

## The runtime and tasks

\`\`\`toml
[dependencies]
tokio = { version = "1", features = ["full"] }
reqwest = "0.12"
\`\`\`

\`\`\`rust
#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        reqwest::get("https://www.rust-lang.org").await.map(|r| r.status())
    });
    println!("{:?}", handle.await);
}
\`\`\`

\`#[tokio::main]\` starts a multi-threaded runtime with one worker per core. \`tokio::spawn\` schedules a task on it and returns a \`JoinHandle\`. Spawned futures must be \`Send + 'static\`: they can move between threads and cannot borrow from the caller's stack. That is ownership rules meeting concurrency; clone an \`Arc\` or move owned data in.

## Many tasks: JoinSet

\`\`\`rust
use tokio::task::JoinSet;

let mut set = JoinSet::new();
for url in urls {
    let client = client.clone(); // reqwest::Client is an Arc inside
    set.spawn(async move { (url.clone(), client.head(&url).send().await) });
}
while let Some(joined) = set.join_next().await {
    let (url, result) = joined.expect("task panicked");
    report(&url, result);
}
\`\`\`

Dropping a \`JoinSet\` aborts the tasks still in it, which gives a form of structured concurrency.

## Channels and backpressure

Producers and consumers talk over channels. A bounded \`mpsc\` channel makes \`send\` wait when the buffer is full, so a fast producer cannot exhaust memory:

\`\`\`rust
let (tx, mut rx) = tokio::sync::mpsc::channel::<String>(100);

tokio::spawn(async move {
    for url in crawl_sitemap().await {
        if tx.send(url).await.is_err() {
            break; // receiver gone
        }
    }
});

while let Some(url) = rx.recv().await {
    check(url).await;
}
\`\`\`

tokio also has \`oneshot\` (one value), \`broadcast\` (every receiver gets every value) and \`watch\` (receivers see the latest value), which covers most needs.

## select!: first one wins

\`tokio::select!\` waits on several futures and runs the branch of whichever completes first, dropping the others. Timeouts and graceful shutdown both fall out of it:

\`\`\`rust
tokio::select! {
    result = check_all(urls) => println!("done: {result:?}"),
    _ = tokio::time::sleep(Duration::from_secs(60)) => eprintln!("timed out"),
    _ = tokio::signal::ctrl_c() => eprintln!("interrupted"),
}
\`\`\`

Dropping a future cancels it, so whatever was in flight in the losing branches simply stops. Keep that in mind: a future dropped halfway through a multi-step operation leaves that operation half done.

## The blocking trap

An async task that blocks (heavy computation, \`std::fs\`, a synchronous database driver) stalls its worker thread and every task queued on it. Move such work off the runtime:

\`\`\`rust
let digest = tokio::task::spawn_blocking(move || sha256_file(&path)).await?;
\`\`\`

[tokio-console](https://github.com/tokio-rs/console) shows tasks that are busy for a long time without yielding, which is how I found a regex compilation hiding in a hot loop.

## Compared with Python

| asyncio | tokio |
| --- | --- |
| \`asyncio.create_task\` | \`tokio::spawn\` |
| \`asyncio.TaskGroup\` | \`JoinSet\` |
| \`asyncio.Queue(maxsize)\` | \`mpsc::channel(capacity)\` |
| \`asyncio.timeout\` | \`tokio::time::timeout\` |
| \`asyncio.to_thread\` | \`spawn_blocking\` |

The ideas transfer almost one to one; the difference is that Rust checks at compile time what Python leaves to discipline.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Kwame Asante',
        authorEmail: 'kwame.a@example.com',
        body: 'The comparison table with asyncio is perfect. I am sending this to our Python team who are starting a tokio service.',
        approved: true,
        hoursAfterPost: 5,
      },
      {
        key: 'c2',
        authorName: 'Elif Yilmaz',
        authorEmail: 'elif.y@example.org',
        body: 'Is `features = ["full"]` a good idea for production? It pulls in a lot; we list only `rt-multi-thread`, `macros`, `sync`, `time`, `signal`.',
        approved: false,
        hoursAfterPost: 40,
      },
    ],
  },
  {
    slug: 'error-handling-in-rust-with-thiserror-and-anyhow',
    title: 'Error handling in Rust with Result, thiserror and anyhow',
    summary:
      "How Rust's Result and the ? operator replace exceptions, when to define error enums with thiserror in a library, and when anyhow with context is enough for an application.",
    categories: ['rust'],
    status: 'PUBLISHED',
    publishedAt: '2025-09-02T08:30:00Z',
    body: `Rust has no exceptions. A function that can fail returns \`Result<T, E>\`, and the caller must do something with it. That sounded tedious until I used the \`?\` operator and two small crates that nearly everyone in the ecosystem relies on.

## Result and ?

\`\`\`rust
use std::fs;
use std::io;

fn read_title(path: &str) -> Result<String, io::Error> {
    let text = fs::read_to_string(path)?; // returns early on error
    Ok(text.lines().next().unwrap_or_default().to_string())
}
\`\`\`

\`?\` unwraps an \`Ok\`, or converts the error with \`From\` and returns it. The conversion is the key: it lets one function combine operations with different error types, provided its own error type can be built from each of them.

## Libraries: precise errors with thiserror

A library's callers want to match on what went wrong. An enum describes every failure, and [thiserror](https://docs.rs/thiserror) derives the boilerplate (\`Display\`, \`Error\`, \`From\`):

\`\`\`rust
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ImportError {
    #[error("cannot read {path}")]
    Io { path: String, #[source] source: std::io::Error },

    #[error("front matter is missing a \`{0}\` field")]
    MissingField(&'static str),

    #[error("invalid date: {0}")]
    Date(#[from] chrono::ParseError),
}
\`\`\`

Callers can now distinguish a missing field (show a message, skip the file) from an I/O error (abort the import).

## Applications: anyhow and context

At the top of a command-line tool, nobody matches on error variants; you want a readable message and a chain of causes. [anyhow](https://docs.rs/anyhow) provides one error type that wraps any error, plus \`context\`:

\`\`\`rust
use anyhow::{Context, Result};

fn main() -> Result<()> {
    let dir = std::env::args().nth(1).context("usage: import <dir>")?;
    for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {dir}"))? {
        let path = entry?.path();
        import_post(&path).with_context(|| format!("importing {}", path.display()))?;
    }
    Ok(())
}
\`\`\`

A failure prints the whole chain:

\`\`\`
Error: importing posts/2019-hello-world.md

Caused by:
    front matter is missing a \`title\` field
\`\`\`

## Choosing

| Situation | Use |
| --- | --- |
| Library with callers who react to specific failures | \`thiserror\` enum |
| Application or script | \`anyhow::Result\` with \`.context()\` |
| Truly impossible states | \`expect("why this cannot fail")\` |

## Habits

- Never \`unwrap()\` on input from outside the program. \`expect\` with a reason is acceptable for invariants.
- Add context at the boundaries where you know *what you were doing*; the low-level error knows only *what failed*.
- Keep error messages lowercase and without trailing punctuation, so chains read naturally.

The [error handling chapter](https://doc.rust-lang.org/book/ch09-00-error-handling.html) of the Rust book explains the standard library side in more depth.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Sam Whitfield',
        authorEmail: 'sam.w@example.com',
        body: 'The rule "context where you know what you were doing" is a great way to put it.',
        approved: true,
        hoursAfterPost: 12,
      },
    ],
  },
];
