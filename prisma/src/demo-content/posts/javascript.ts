import { type DemoPost } from '../types.js';

export const javascriptPosts: DemoPost[] = [
  {
    slug: 'the-javascript-event-loop-microtasks-and-macrotasks',
    title: 'The JavaScript event loop: tasks, microtasks and rendering',
    summary:
      'What actually happens between a setTimeout callback, a resolved promise and a repaint, with examples that explain surprising output orders and frozen pages.',
    categories: ['javascript', 'browsers'],
    status: 'PUBLISHED',
    publishedAt: '2024-10-27T20:05:00Z',
    body: `A reader sent me a snippet that printed its lines "in the wrong order" and asked whether it was a browser bug. It was not; it was the event loop doing exactly what the specification says. Here is the model I wish I had learned first.

## One thread, several queues

JavaScript on a page runs on a single main thread. The event loop repeatedly does the following:

1. Take **one task** from a task queue (a \`setTimeout\` callback, a click handler, a message from a worker) and run it to completion.
2. Run **all microtasks** queued so far: promise reactions, \`queueMicrotask\` callbacks, \`MutationObserver\` callbacks. Microtasks queued by microtasks also run, before anything else.
3. If it is time for a frame, **render**: run \`requestAnimationFrame\` callbacks, compute styles and layout, paint.

Then back to step 1.

## The snippet

\`\`\`js
console.log('1: script');

setTimeout(() => console.log('2: timeout'), 0);

Promise.resolve()
  .then(() => console.log('3: microtask'))
  .then(() => console.log('4: chained microtask'));

queueMicrotask(() => console.log('5: queueMicrotask'));

console.log('6: script end');
\`\`\`

The output is \`1, 6, 3, 5, 4, 2\`. The script itself is a task, so it runs to the end first. Then the microtask queue drains: \`3\` and \`5\` were queued during the script, and \`4\` is queued when \`3\` resolves, so it comes after \`5\`. The timeout is a new task and waits for all of that.

## Why a page freezes

Because the microtask queue is drained completely, an endless chain of microtasks starves rendering just like a \`while (true)\` loop does:

\`\`\`js
function spin() {
  queueMicrotask(spin); // the page never paints again
}
\`\`\`

The same chain with \`setTimeout\` keeps the page responsive, because the browser gets a chance to render between tasks.

## Breaking up long work

A long task (over 50 ms) blocks input handling and hurts Interaction to Next Paint. Split the work and yield to the event loop between chunks:

\`\`\`js
async function processAll(items, handle) {
  let deadline = performance.now() + 10;
  for (const item of items) {
    handle(item);
    if (performance.now() > deadline) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      deadline = performance.now() + 10;
    }
  }
}
\`\`\`

Newer browsers offer \`scheduler.yield()\`, which resumes your work ahead of other queued tasks; feature-detect it and fall back to \`setTimeout\`.

## Node.js is similar, with phases

Node's loop, built on libuv, has phases (timers, poll for I/O, check for \`setImmediate\`, close callbacks), and drains \`process.nextTick\` callbacks and then promise microtasks between each callback. The practical rules are the same: microtasks before the next task, and never block the loop with synchronous work.

## Seeing it

The Performance panel of Firefox's or Chrome's developer tools shows tasks as blocks on the main thread track; long tasks are marked. Jake Archibald's talk "In The Loop" and the [HTML specification's event loop section](https://html.spec.whatwg.org/multipage/webappapis.html#event-loops) are the two references I return to.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Chen Wei',
        authorEmail: 'chen.w@example.com',
        body: 'I got `1, 6, 3, 5, 4, 2` wrong in an interview once. Now I understand why the chained `.then` comes after `queueMicrotask`.',
        approved: true,
        hoursAfterPost: 2,
      },
      {
        key: 'c2',
        authorName: 'Ama Mensah',
        authorEmail: 'ama.m@example.org',
        body: 'Nice explanation of why `scheduler.yield()` is better than `setTimeout(0)`: the continuation goes to the front of the queue. Is there a polyfill worth using until every browser has it?',
        approved: true,
        hoursAfterPost: 19,
      },
    ],
  },
  {
    slug: 'react-server-rendering-and-hydration-mismatches',
    title: 'React server rendering and hydration: avoiding mismatches',
    summary:
      'How server-side rendering and hydration fit together in React, why hydration mismatches happen (dates, random ids, browser-only APIs) and how to fix each one.',
    categories: ['javascript', 'web-performance'],
    status: 'PUBLISHED',
    publishedAt: '2025-05-20T07:40:00Z',
    body: `The web front end of this blog is rendered on the server with React and then hydrated in the browser. Server rendering gives readers HTML immediately, which is good for Largest Contentful Paint and for search engines. Hydration is the step where React attaches event handlers to that HTML, and it is where the subtle bugs live.

## What hydration does

On the server, \`renderToPipeableStream\` (or a framework like Remix) produces HTML. In the browser, \`hydrateRoot\` renders the same component tree again and, instead of creating DOM nodes, walks the existing ones and attaches to them:

\`\`\`tsx
import { hydrateRoot } from 'react-dom/client';
import { App } from './App';

hydrateRoot(document.getElementById('root')!, <App />);
\`\`\`

This only works if the browser's first render produces exactly the same output as the server's. When it does not, React reports a hydration mismatch and, in React 18 and 19, falls back to client rendering for the affected subtree: slower, and a visible flash.

## The usual suspects

| Cause | Example | Fix |
| --- | --- | --- |
| Time | \`new Date().toLocaleString()\` | Render a stable value, format after mount |
| Locale and time zone | \`Intl.DateTimeFormat()\` without options | Pass locale and \`timeZone\` explicitly |
| Random values | \`Math.random()\` for an id | \`useId()\` |
| Browser-only APIs | \`window.innerWidth\`, \`localStorage\` | Read them in \`useEffect\` |
| Invalid HTML | \`<div>\` inside \`<p>\` | Fix the markup; the parser rewrites it |

## Dates, the most common one

The published date on each post was formatted with the visitor's time zone. The server runs in UTC, so a reader in Tokyo got a mismatch on posts published late in the evening. Two fixes work: format with an explicit time zone on both sides, or render a neutral value first and the local one after hydration:

\`\`\`tsx
function PublishedAt({ iso }: { iso: string }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    setLocal(new Date(iso).toLocaleDateString());
  }, [iso]);
  return <time dateTime={iso}>{local ?? iso.slice(0, 10)}</time>;
}
\`\`\`

\`useEffect\` never runs on the server, so the first client render matches the HTML, and the local date appears right after.

## Ids that match

Generating ids for \`aria-describedby\` with a counter or \`Math.random()\` differs between server and client. \`useId()\` produces the same id on both because it is derived from the component's position in the tree.

## Hydration cost

Hydration also has a performance price: the browser must download, parse and execute the JavaScript for every component before the page responds to clicks. On a slow phone this can take seconds, and it shows up in Interaction to Next Paint. What helped here:

- Keep mostly-static parts (the post body) out of interactive components, so their code is small.
- Lazy-load heavy widgets, such as the comment editor, with \`React.lazy\` and \`Suspense\`.
- Measure with the Performance panel: hydration shows up as one long task right after the bundle loads.

The [React documentation for hydrateRoot](https://react.dev/reference/react-dom/client/hydrateRoot) lists the mismatch causes and the \`suppressHydrationWarning\` escape hatch, which I reserve for timestamps only.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Lucas Moreau',
        authorEmail: 'lucas.m@example.com',
        body: "The time zone one bit us too. We ended up passing the reader's time zone in a cookie so the server could render the right value from the start.",
        approved: true,
        hoursAfterPost: 6,
      },
      {
        key: 'c2',
        authorName: 'Inkwell author',
        authorEmail: 'author@example.com',
        body: 'That is a neat approach. The first visit still renders in UTC, but every later page is correct without a flash.',
        approved: true,
        replyTo: 'c1',
        hoursAfterPost: 9,
      },
    ],
  },
  {
    slug: 'realtime-comments-with-websockets-bayeux-and-long-polling',
    title: 'Realtime comments with WebSockets, Bayeux and a long-polling fallback',
    summary:
      'How new comments appear live on this blog using the Bayeux protocol through Faye, with WebSockets when available, long-polling through restrictive proxies, and a plain poll as the last resort.',
    categories: ['javascript', 'devops'],
    status: 'PUBLISHED',
    publishedAt: '2025-02-26T13:35:00Z',
    body: `When someone comments on a post, other readers of that post see it appear within a second or two. Building that was more interesting than I expected, mostly because of the networks readers sit behind.

## Why not just WebSockets?

WebSockets give a persistent, two-way connection and are supported by every current browser. But some corporate proxies and old mobile networks still break them: the upgrade request is refused, or the connection is silently dropped after thirty seconds of inactivity. A realtime feature needs a fallback.

## Bayeux and Faye

Bayeux is a publish/subscribe protocol over HTTP, designed in the CometD project. Clients subscribe to channels such as \`/posts/42/comments\`; the server delivers messages published on them. Crucially, it negotiates the transport: WebSocket if it works, otherwise long-polling, where the client keeps one HTTP request open until the server has a message or a timeout expires.

[Faye](https://faye.jcoglan.com/) implements Bayeux for Node.js and ships a browser client:

\`\`\`js
import http from 'node:http';
import faye from 'faye';

const bayeux = new faye.NodeAdapter({ mount: '/realtime', timeout: 45 });
const server = http.createServer(app);
bayeux.attach(server);
server.listen(3000);
\`\`\`

In the browser:

\`\`\`js
const client = new Faye.Client('/realtime');
client.subscribe(\`/posts/\${postId}/comments\`, (message) => {
  refreshComments(message.commentId);
});
\`\`\`

## Only the server may publish

By default any client can publish to any channel, which would let anyone push fake comments to every reader. A server-side extension rejects publishes from the outside:

\`\`\`js
bayeux.addExtension({
  incoming(message, callback) {
    if (!message.channel.startsWith('/meta/') && message.ext?.token !== serverToken) {
      message.error = '403::Publishing is not allowed';
    }
    callback(message);
  },
});
\`\`\`

The server's own client adds the token through an \`outgoing\` extension. Notice that the message carries only an id: a hint to refetch through the normal API, never the comment itself, so moderation rules apply in one place.

## More than one server process

Faye keeps subscriptions in memory, so a message published in process A does not reach a reader connected to process B. Options:

- The faye-redis engine, old and unmaintained at this point.
- A small bridge of my own: each process subscribes to a Redis pub/sub channel and republishes what it receives locally.

I chose the bridge: thirty lines and no abandoned dependency.

## Proxies

Behind Nginx, WebSocket upgrades need explicit headers, and long-polling needs a read timeout longer than Faye's \`timeout\`:

\`\`\`nginx
location /realtime {
    proxy_pass http://app;
    proxy_http_version 1.1;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection "upgrade";
    proxy_read_timeout 75s;
}
\`\`\`

## The last resort

If the realtime connection fails entirely, the page polls the comments endpoint every sixty seconds while the tab is visible. It is not instant, but nobody is left with a stale page.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Yusuf Demir',
        authorEmail: 'yusuf.d@example.org',
        body: 'Sending only the id as a hint is such an underrated pattern. It also means a dropped message costs nothing, the next poll catches up.',
        approved: true,
        hoursAfterPost: 4,
      },
      {
        key: 'c2',
        authorName: 'Bianca Rossi',
        authorEmail: 'bianca.r@example.com',
        body: 'Did you consider Server-Sent Events instead? One direction is all you need here, and it goes through most proxies.',
        approved: true,
        hoursAfterPost: 28,
      },
      {
        key: 'c3',
        authorName: 'Inkwell author',
        authorEmail: 'author@example.com',
        body: "I did. SSE would work for this, and it is simpler. Faye won because it gives me long-polling and WebSocket with one client API, and I already had it running for the admin's live preview.",
        approved: true,
        replyTo: 'c2',
        hoursAfterPost: 31,
      },
    ],
  },
  {
    slug: 'cancelling-fetch-requests-with-abortcontroller',
    title: 'Cancelling fetch requests with AbortController and AbortSignal.timeout',
    summary:
      'How to cancel in-flight fetch calls when a search box changes or a component unmounts, add timeouts with AbortSignal.timeout, and combine signals with AbortSignal.any.',
    categories: ['javascript'],
    status: 'PUBLISHED',
    publishedAt: '2026-01-09T11:55:00Z',
    body: `The search box on this blog sends a request as you type. Without cancellation, a slow response for \`pyth\` can arrive after the fast one for \`python\` and overwrite the correct results. The fix is to abort the previous request whenever a new one starts, and the platform has everything needed built in.

## The basics

An \`AbortController\` produces a \`signal\`; pass it to \`fetch\` and call \`abort()\` to cancel:

\`\`\`js
const controller = new AbortController();
const response = fetch('/api/search?q=python', { signal: controller.signal });
controller.abort();
// the fetch promise rejects with a DOMException named "AbortError"
\`\`\`

Aborting also closes the underlying connection or stream, so the server stops sending bytes nobody will read.

## Latest request wins

\`\`\`ts
let current: AbortController | undefined;

export async function search(query: string): Promise<SearchResult[] | undefined> {
  current?.abort();
  current = new AbortController();
  try {
    const response = await fetch(\`/api/search?q=\${encodeURIComponent(query)}\`, {
      signal: current.signal,
    });
    return (await response.json()) as SearchResult[];
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return undefined;
    throw error;
  }
}
\`\`\`

Returning \`undefined\` for aborted requests lets the caller ignore them without treating them as failures.

## Timeouts

\`AbortSignal.timeout(ms)\` returns a signal that aborts by itself. The rejection is a \`TimeoutError\` rather than an \`AbortError\`, so you can tell the two apart:

\`\`\`js
await fetch('/api/posts', { signal: AbortSignal.timeout(5000) });
\`\`\`

To have both a timeout and manual cancellation, combine them with \`AbortSignal.any\`, available in all current browsers and in Node.js 20:

\`\`\`js
const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(5000)]);
\`\`\`

## In React components

Abort in the effect's cleanup so that an unmounted component never sets state from a late response:

\`\`\`tsx
useEffect(() => {
  const controller = new AbortController();
  fetch(\`/api/posts/\${slug}/comments\`, { signal: controller.signal })
    .then((response) => response.json())
    .then(setComments)
    .catch((error) => {
      if (error.name !== 'AbortError') setError(error);
    });
  return () => controller.abort();
}, [slug]);
\`\`\`

In development React mounts effects twice, so you will see one aborted request in the network panel for every component. That is expected, and a good sign the cleanup works.

## Not only for fetch

Many APIs accept a signal now:

- \`addEventListener(type, handler, { signal })\`: abort removes the listener, handy for removing many at once.
- Node.js \`fs/promises\`, \`timers/promises\` and \`child_process\` accept \`signal\`.
- Your own functions can accept one and check \`signal.throwIfAborted()\` between steps.

See the [MDN page on AbortController](https://developer.mozilla.org/en-US/docs/Web/API/AbortController) for the full list and browser support.
`,
    comments: [],
  },
];
