import { type DemoPost } from '../types.js';

export const pythonPosts: DemoPost[] = [
  {
    slug: 'python-asyncio-task-groups-cancellation-and-timeouts',
    title: 'Python asyncio in practice: task groups, cancellation and timeouts',
    summary:
      'Structured concurrency with asyncio.TaskGroup, timeouts that do not leak tasks, handling CancelledError correctly, and running blocking code without freezing the event loop.',
    categories: ['python'],
    status: 'PUBLISHED',
    publishedAt: '2024-04-02T06:50:00Z',
    body: `I rewrote the script that checks the external links in old posts from a thread pool to \`asyncio\`. It went from four minutes to twenty seconds, and along the way I relearned every asyncio mistake I had ever made. These are the patterns I now use by default, all available since Python 3.11.

## Start tasks in a TaskGroup

\`asyncio.gather\` is the classic way to run coroutines concurrently, but if one of them fails the others keep running in the background, unobserved. \`asyncio.TaskGroup\` gives structured concurrency: when the \`async with\` block exits, every task has finished, and if one fails the rest are cancelled.

\`\`\`python
import asyncio
import httpx

async def check(client: httpx.AsyncClient, url: str) -> tuple[str, int]:
    response = await client.head(url, follow_redirects=True)
    return url, response.status_code

async def check_all(urls: list[str]) -> list[tuple[str, int]]:
    async with httpx.AsyncClient(timeout=10) as client:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(check(client, url)) for url in urls]
    return [task.result() for task in tasks]
\`\`\`

Failures arrive as an \`ExceptionGroup\`, which you handle with \`except*\`:

\`\`\`python
try:
    results = asyncio.run(check_all(urls))
except* httpx.ConnectError as group:
    for error in group.exceptions:
        print("unreachable:", error.request.url)
\`\`\`

## Bound the concurrency

Three thousand simultaneous requests will get you rate limited, or worse. A semaphore keeps it polite:

\`\`\`python
limit = asyncio.Semaphore(20)

async def check(client: httpx.AsyncClient, url: str) -> tuple[str, int]:
    async with limit:
        response = await client.head(url, follow_redirects=True)
        return url, response.status_code
\`\`\`

## Timeouts as context managers

\`asyncio.timeout()\` cancels whatever runs inside it when the deadline passes and converts the cancellation into a \`TimeoutError\` at the block boundary:

\`\`\`python
async with asyncio.timeout(30):
    results = await check_all(urls)
\`\`\`

Because it is a context manager, it composes with task groups: the timeout cancels the group, and the group cancels its children. No orphaned tasks.

## Do not swallow cancellation

Cancellation is delivered as \`asyncio.CancelledError\` raised at an \`await\`. It inherits from \`BaseException\`, so a bare \`except Exception\` will not catch it, which is good. The mistake I keep seeing is this:

\`\`\`python
try:
    await do_work()
except asyncio.CancelledError:
    log.info("cancelled")  # and then... nothing
\`\`\`

If you catch it, clean up and re-raise it. Otherwise \`TaskGroup\` and \`timeout()\` cannot do their job, and shutdown hangs.

## Blocking code

Anything that blocks (a synchronous database driver, \`time.sleep\`, heavy parsing) stalls every task on the loop. Move it to a thread:

\`\`\`python
html = await asyncio.to_thread(parse_feed, raw_bytes)
\`\`\`

To find offenders, run with \`PYTHONASYNCIODEBUG=1\`: asyncio then logs every callback that holds the loop for more than 100 ms.

## Summary

- Prefer \`TaskGroup\` to \`gather\`; handle failures with \`except*\`.
- Limit concurrency with a \`Semaphore\`.
- Use \`asyncio.timeout()\` rather than \`wait_for\` in new code.
- Re-raise \`CancelledError\`.
- Push blocking work to \`asyncio.to_thread\`.

The [asyncio task documentation](https://docs.python.org/3/library/asyncio-task.html) is more readable than its reputation suggests.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Felix Wagner',
        authorEmail: 'felix.w@example.org',
        body: '`except*` still looks strange to me, but the TaskGroup plus timeout combination is lovely. We replaced a 200-line supervisor class with it.',
        approved: true,
        hoursAfterPost: 8,
      },
      {
        key: 'c2',
        authorName: 'Grace Liu',
        authorEmail: 'grace.l@example.com',
        body: 'Worth mentioning: the context manager returned by `asyncio.timeout` has a `reschedule()` method, handy when you want to extend a deadline while streaming.',
        approved: true,
        hoursAfterPost: 15,
      },
    ],
  },
  {
    slug: 'packaging-a-python-project-with-uv-and-pip',
    title: 'Packaging a Python project with uv, pip and pyproject.toml',
    summary:
      'A modern packaging setup for a small Python tool: one pyproject.toml, a lock file managed by uv, editable installs, building wheels and what still works with plain pip.',
    categories: ['python', 'devops'],
    status: 'PUBLISHED',
    publishedAt: '2025-05-13T21:10:00Z',
    body: `The static-site importer I wrote for this blog is a small Python command-line tool. For years it had a \`setup.py\`, a \`requirements.txt\`, a \`requirements-dev.txt\` and a README paragraph explaining which to install when. This spring I moved it to a single \`pyproject.toml\` managed with [uv](https://docs.astral.sh/uv/), while keeping it installable with plain \`pip\`.

## One file describes the project

\`\`\`toml
[project]
name = "inkwell-import"
version = "1.4.0"
description = "Import posts from static site generators"
requires-python = ">=3.11"
dependencies = [
    "httpx>=0.27",
    "python-frontmatter>=1.1",
]

[project.scripts]
inkwell-import = "inkwell_import.cli:main"

[dependency-groups]
dev = ["pytest>=8", "hypothesis>=6.100", "ruff>=0.8"]

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
\`\`\`

The \`[project]\` table is standard ([PEP 621](https://peps.python.org/pep-0621/)), so any build frontend understands it. \`[dependency-groups]\` ([PEP 735](https://peps.python.org/pep-0735/)) holds development tools that should never end up in the published package.

## Day to day with uv

\`\`\`bash
uv sync                 # create .venv, install the project and the dev group
uv add "rich>=13"       # add a dependency and update uv.lock
uv run pytest           # run inside the environment, syncing first if needed
uv lock --upgrade-package httpx
\`\`\`

\`uv sync\` makes the virtual environment match \`uv.lock\` exactly, removing anything that is not in it. That alone has ended the "works on my machine" conversations on this project. And it is fast: a cold sync of this project takes under two seconds where \`pip install -r\` took about forty.

## The lock file

\`uv.lock\` is cross-platform: it records resolutions for every supported Python version and operating system, so one file serves Linux CI and a colleague's Mac. Commit it for applications and tools. For a library, commit it too, but remember your users will not use it: your version ranges in \`dependencies\` are what they get.

## Still friendly to pip

Nothing in the setup requires uv. A plain pip user can do:

\`\`\`bash
python -m venv .venv
. .venv/bin/activate
pip install -e .
pip install --group dev   # pip 25.1 and newer understand dependency groups
\`\`\`

The editable install (\`-e\`) points the environment at the source tree, so code changes apply without reinstalling.

## Building and publishing

\`\`\`bash
uv build                # writes dist/*.tar.gz and dist/*.whl
uv publish --token "$PYPI_TOKEN"
\`\`\`

Before publishing, I install the built wheel into a fresh environment and run the command once. It catches the classic mistake of a data file that exists in the repository but is not included in the wheel.

## What I removed

- \`setup.py\` and \`setup.cfg\`
- \`requirements.txt\` and \`requirements-dev.txt\`
- A \`Makefile\` target that created the virtualenv

Fewer files, one source of truth, and a lock file that CI and every developer share.
`,
    comments: [],
  },
  {
    slug: 'python-free-threaded-build-first-impressions',
    title: "First impressions of Python's free-threaded build",
    summary:
      'Trying the free-threaded (no-GIL) build of Python on a CPU-bound image processing script: how to install it, how to check the GIL is really off, and early numbers.',
    categories: ['python', 'web-performance'],
    status: 'DRAFT',
    publishedAt: null,
    body: `Python 3.13 shipped an experimental build without the global interpreter lock (PEP 703), and with Python 3.14 the free-threaded build became officially supported. I wanted to know whether it helps a real script of mine: the one that generates thumbnails for old posts, which currently uses a process pool.

## Installing it

uv can install the free-threaded build directly; its executable has a \`t\` suffix:

\`\`\`bash
uv python install 3.14t
uv venv --python 3.14t .venv-ft
.venv-ft/bin/python -VV
\`\`\`

## Is the GIL really off?

A C extension that does not declare itself safe for free-threading makes the interpreter turn the GIL back on at import time, with a warning. Check at run time:

\`\`\`python
import sys

print(sys._is_gil_enabled())  # False on a free-threaded build with safe extensions
\`\`\`

You can force it either way with the \`PYTHON_GIL\` environment variable or \`-X gil=0\`.

## A first experiment

The thumbnail script resizes a few thousand images. I replaced the \`ProcessPoolExecutor\` with a \`ThreadPoolExecutor\` and ran both on a four-core laptop:

| Setup | Wall time | Peak memory |
| --- | --- | --- |
| 3.14, processes (4) | 41 s | 610 MB |
| 3.14, threads (4) | 118 s | 190 MB |
| 3.14t, threads (4) | 44 s | 205 MB |

Threads on the free-threaded build are as fast as processes, with a third of the memory, because nothing is pickled or copied between workers. Single-threaded code ran about 8% slower on 3.14t.

## Open questions

- Which of my dependencies declare free-threading support? Pillow does, some smaller ones do not yet.
- How do race conditions show up in code that was only ever run under the GIL? Dictionaries and lists are internally locked, but compound operations like \`counter += 1\` on shared state are not atomic.
- Is it worth it for a script that runs once a week? Probably not yet, but for a long-running worker the memory saving is attractive.

I will finish this post after running the experiment on the server, which has two cores and much less memory than my laptop.
`,
    comments: [],
  },
];
