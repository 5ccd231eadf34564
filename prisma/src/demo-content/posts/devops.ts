import { type DemoPost } from '../types.js';

export const devopsPosts: DemoPost[] = [
  {
    slug: 'smaller-node-images-with-docker-multi-stage-builds',
    title: 'Smaller Node.js images with Docker multi-stage builds',
    summary:
      'Cutting a Node.js application image from 1.2 GB to 180 MB with a multi-stage Dockerfile, npm ci with a cache mount, production-only dependencies and a non-root user.',
    categories: ['devops', 'javascript'],
    status: 'PUBLISHED',
    publishedAt: '2024-07-23T15:50:00Z',
    body: `The first Docker image I built for this blog was 1.2 GB. It contained the TypeScript compiler, test frameworks, the whole source tree and two copies of \`node_modules\`. Deploys were slow and the image scanner listed hundreds of vulnerabilities in packages that never ran in production. A multi-stage build fixed all of it.

## The idea

A Dockerfile can have several \`FROM\` lines. Each starts a new stage; later stages copy only what they need from earlier ones with \`COPY --from\`. The final image contains the last stage and nothing else.

## The Dockerfile

\`\`\`dockerfile
# syntax=docker/dockerfile:1
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

FROM deps AS build
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]
\`\`\`

## What each part buys

- **Copying the lock file before the source** means the \`npm ci\` layer is reused as long as dependencies do not change. Editing a source file no longer reinstalls everything.
- **\`--mount=type=cache\`** keeps npm's download cache between builds without putting it in any layer.
- **A separate \`prod-deps\` stage** installs without dev dependencies, so TypeScript and the test tools never reach the final image.
- **\`USER node\`**: the official image ships an unprivileged user; there is no reason to run as root.

## Results

| Image | Size | Build after a source change |
| --- | --- | --- |
| Single stage, \`node:20\` | 1.2 GB | 95 s |
| Multi-stage, \`node:20-bookworm-slim\` | 180 MB | 14 s |

## A few more tricks

A \`.dockerignore\` matters as much as the Dockerfile. Without it, \`COPY . .\` sends your local \`node_modules\` and \`.git\` to the build context:

\`\`\`
node_modules
.git
dist
*.log
.env
\`\`\`

Build a single stage to debug it, for instance to run the tests in CI with the same dependencies as the image:

\`\`\`bash
docker build --target build -t blog:build .
docker run --rm blog:build npm test
\`\`\`

And check what ended up in the image with \`docker history blog:latest\` or [dive](https://github.com/wagoodman/dive), which shows each layer's files.

## Alpine or slim?

I tried \`node:20-alpine\` first. It is smaller still, but it uses musl instead of glibc, and native modules (the image library in particular) either needed compiling or behaved differently. The Debian \`slim\` variant is a good compromise. The [Docker documentation on multi-stage builds](https://docs.docker.com/build/building/multi-stage/) has more patterns, including building several targets in parallel.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Oskar Nilsson',
        authorEmail: 'oskar.n@example.com',
        body: 'The separate `prod-deps` stage is smart. We used `npm prune --omit=dev` in the build stage, which works but keeps the layers bigger.',
        approved: true,
        hoursAfterPost: 7,
      },
      {
        key: 'c2',
        authorName: 'Fatima Zahra',
        authorEmail: 'fatima.z@example.org',
        body: 'Tip: `npm ci --omit=dev` can still run install scripts. Add `--ignore-scripts` if you do not need them, it removes a whole class of supply-chain surprises.',
        approved: true,
        hoursAfterPost: 10,
      },
    ],
  },
  {
    slug: 'kubernetes-liveness-readiness-and-startup-probes',
    title: 'Kubernetes liveness, readiness and startup probes without the outages',
    summary:
      'What each Kubernetes probe type is for, why a liveness probe that checks the database can take a whole site down, and the probe settings and health endpoints I use now.',
    categories: ['devops'],
    status: 'PUBLISHED',
    publishedAt: '2025-04-17T06:15:00Z',
    body: `A few years ago a project I worked on had a five-minute outage caused entirely by its health checks. The database had a slow moment; every pod's liveness probe, which queried the database, timed out; Kubernetes restarted every pod at once; and the cold pods could not start because the database was still slow. Probes are simple to configure and easy to get wrong, so here is how I think about them now.

## Three probes, three questions

| Probe | Question | On failure |
| --- | --- | --- |
| \`startupProbe\` | Has the application finished starting? | Keep waiting, up to a limit, then restart |
| \`livenessProbe\` | Is the process stuck beyond repair? | Restart the container |
| \`readinessProbe\` | Should this pod receive traffic right now? | Remove it from the Service endpoints |

The important asymmetry: liveness failures **restart** containers, readiness failures only **stop traffic**. A dependency being down is a readiness question, never a liveness one.

## The endpoints

The application exposes two endpoints with deliberately different depth:

\`\`\`ts
// Liveness: the event loop answers. No database, no Redis.
app.get('/healthz/live', (_req, res) => res.send('ok'));

// Readiness: can we serve a page right now?
app.get('/healthz/ready', async (_req, res) => {
  try {
    await db.$queryRaw\`SELECT 1\`;
    res.send('ok');
  } catch {
    res.status(503).send('database unavailable');
  }
});
\`\`\`

If the database goes away, readiness fails everywhere, the Service has no endpoints, and the ingress serves its error page. Nothing restarts, and when the database comes back the pods are ready within seconds.

## The manifest

\`\`\`yaml
containers:
  - name: web
    image: registry.example.com/blog:1.42.0
    ports:
      - containerPort: 3000
    startupProbe:
      httpGet: { path: /healthz/live, port: 3000 }
      periodSeconds: 2
      failureThreshold: 30
    livenessProbe:
      httpGet: { path: /healthz/live, port: 3000 }
      periodSeconds: 10
      timeoutSeconds: 2
      failureThreshold: 3
    readinessProbe:
      httpGet: { path: /healthz/ready, port: 3000 }
      periodSeconds: 5
      timeoutSeconds: 2
      failureThreshold: 2
\`\`\`

The startup probe allows up to sixty seconds to boot (30 × 2 s). While it runs, the other probes are disabled, so a slow start never triggers a liveness restart. This replaced a fragile \`initialDelaySeconds\` guess.

## Graceful shutdown

Readiness also matters when a pod is terminated. Kubernetes sends \`SIGTERM\` and, in parallel, removes the pod from endpoints; the two race. A short \`preStop\` sleep lets the endpoint removal propagate before the application stops accepting connections:

\`\`\`yaml
lifecycle:
  preStop:
    sleep:
      seconds: 5
\`\`\`

Then handle \`SIGTERM\` in the application: stop accepting new requests, finish the ones in flight, close the database pool, exit. Keep \`terminationGracePeriodSeconds\` (30 s by default) longer than all of that.

## Checklist

- Liveness checks only the process itself.
- Readiness checks what is needed to serve a request, with short timeouts.
- Startup probes for anything that takes more than a few seconds to boot.
- Probe endpoints are cheap, unauthenticated and excluded from access logs.

The [Kubernetes documentation on probes](https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/) covers exec and gRPC probes too.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Daniel Cohen',
        authorEmail: 'daniel.c@example.com',
        body: '"A dependency being down is a readiness question, never a liveness one." Printing this and putting it on the wall.',
        approved: true,
        hoursAfterPost: 1,
      },
      {
        key: 'c2',
        authorName: 'Mei Lin',
        authorEmail: 'mei.l@example.org',
        body: 'Careful with readiness checking the database in every pod, though: if the database has a blip, you remove all pods at once and the ingress shows errors anyway. Some teams only check local state in readiness for that reason.',
        approved: true,
        hoursAfterPost: 5,
      },
      {
        key: 'c3',
        authorName: 'Inkwell author',
        authorEmail: 'author@example.com',
        body: 'True, it is a trade-off. For this site an error page during a database outage is honest, since pages cannot render anyway. For a service with good caching, I would keep serving from cache and leave the database out of readiness.',
        approved: true,
        replyTo: 'c2',
        hoursAfterPost: 8,
      },
      {
        key: 'c4',
        authorName: 'Mei Lin',
        authorEmail: 'mei.l@example.org',
        body: 'Makes sense, it depends on whether the pod can do anything useful without the database.',
        approved: true,
        replyTo: 'c3',
        hoursAfterPost: 11,
      },
    ],
  },
  {
    slug: 'caching-dependencies-in-github-actions',
    title: 'Caching dependencies in GitHub Actions to halve CI time',
    summary:
      'How the cache in GitHub Actions works (keys, restore-keys, scopes), using setup-node and setup-python built-in caching, caching build outputs, and the mistakes that make a cache useless.',
    categories: ['devops', 'testing'],
    status: 'PUBLISHED',
    publishedAt: '2024-10-08T14:00:00Z',
    body: `The CI pipeline for this blog ran in about six minutes, and more than half of that was downloading the same npm and pip packages on every push. Caching brought it to under three. The mechanism is simple, but a few details decide whether it helps at all.

## How the cache works

\`actions/cache\` saves a set of paths under a **key** at the end of a job and restores them at the start of the next one. If no entry matches the key exactly, **restore-keys** are tried as prefixes, most recent first:

\`\`\`yaml
- uses: actions/cache@v4
  with:
    path: ~/.npm
    key: npm-\${{ runner.os }}-\${{ hashFiles('package-lock.json') }}
    restore-keys: |
      npm-\${{ runner.os }}-
\`\`\`

Putting the lock file's hash in the key means a dependency change creates a new entry, while the prefix fallback still restores the previous one, so only the changed packages are downloaded.

## The built-in shortcut

For the common package managers, the setup actions do this for you:

\`\`\`yaml
- uses: actions/setup-node@v4
  with:
    node-version: 20
    cache: npm

- uses: actions/setup-python@v5
  with:
    python-version: "3.12"
    cache: pip
\`\`\`

Note what is cached: npm's download cache (\`~/.npm\`), not \`node_modules\`. \`npm ci\` deletes \`node_modules\` anyway, and the download cache is what saves network time. If you use uv, \`astral-sh/setup-uv\` has an \`enable-cache\` option that works the same way.

## Caching build outputs

Dependencies are the easy part. Tools with their own caches (TypeScript's \`.tsbuildinfo\`, pytest's \`.pytest_cache\`, Rust's \`target/\`) can also be restored. For Rust, \`Swatinem/rust-cache\` handles the awkward parts, such as pruning stale artifacts so the cache does not grow forever.

## Mistakes I made

- **Keys that never match.** Including \`github.sha\` in the key saves a new cache on every commit and never restores one exactly. Use a hash of the inputs, not the commit.
- **Caching too much.** A 3 GB cache that takes ninety seconds to download and extract is slower than installing. Time the restore step.
- **Forgetting scope.** Caches are scoped to branches: a pull request can read the base branch's cache but not another pull request's. Make sure the default branch builds regularly so there is something to restore.
- **Assuming the cache exists.** Entries are evicted after seven days without use, or when a repository exceeds its storage quota. The job must work, just slower, without it.

## Results

| Step | Before | After |
| --- | --- | --- |
| \`npm ci\` | 110 s | 35 s |
| \`pip install\` | 48 s | 9 s |
| Whole pipeline | 6 min 10 s | 2 min 50 s |

## Check it

The job log prints \`Cache restored from key: ...\` or \`Cache not found for input keys\`. The repository's Actions tab lists caches with their sizes and last use, and \`gh cache list\` shows the same from the terminal. The [GitHub documentation on dependency caching](https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/caching-dependencies-to-speed-up-workflows) has the full rules for scopes and eviction.
`,
    comments: [],
  },
  {
    slug: 'nginx-reverse-proxy-in-front-of-a-node-app',
    title: 'Nginx as a reverse proxy in front of a Node.js app',
    summary:
      'A production Nginx configuration for a Node.js application: TLS, forwarded headers, keepalive to the upstream, serving static files directly, gzip and rate limiting comment posts.',
    categories: ['devops'],
    status: 'PUBLISHED',
    publishedAt: '2024-08-15T09:45:00Z',
    body: `The Node.js process that renders this blog never talks to the internet directly. Nginx sits in front of it, terminates TLS, serves static files, compresses responses and limits abusive clients. Node could do most of that itself, but Nginx does it faster, and it lets me restart the application without dropping connections.

## The configuration

\`\`\`nginx
upstream blog_app {
    server 127.0.0.1:3000;
    keepalive 16;
}

limit_req_zone $binary_remote_addr zone=comments:10m rate=5r/m;

server {
    listen 443 ssl;
    http2 on;
    server_name blog.example.com;

    ssl_certificate     /etc/letsencrypt/live/blog.example.com/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/blog.example.com/privkey.pem;

    location /assets/ {
        root /srv/blog/public;
        expires 1y;
        add_header Cache-Control "public, immutable";
    }

    location = /api/comments {
        limit_req zone=comments burst=3 nodelay;
        proxy_pass http://blog_app;
    }

    location / {
        proxy_pass http://blog_app;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}
\`\`\`

## Forwarded headers

Behind a proxy, the application sees every request as coming from \`127.0.0.1\` over plain HTTP. The \`X-Forwarded-*\` headers carry the real client address and scheme, and the application must be told to trust them, but only from the proxy. In Express:

\`\`\`js
app.set('trust proxy', 'loopback');
\`\`\`

With that, \`req.ip\` is the reader's address and \`req.protocol\` is \`https\`, so secure cookies and absolute URLs work. Never trust forwarded headers from arbitrary hosts: anyone can send them.

## Keepalive to the upstream

By default Nginx opens a new connection to the upstream for every request. The \`keepalive 16\` directive keeps idle connections open, but it only works with HTTP/1.1 and an empty \`Connection\` header, which is why those two lines are in the \`location\` block. Under load this removed a steady stream of \`TIME_WAIT\` sockets.

## Static files and compression

Hashed assets (\`app.3f9c2a.js\`) never change, so they get a one-year \`immutable\` cache header and never touch Node. For compression:

\`\`\`nginx
gzip on;
gzip_types text/css application/javascript application/json image/svg+xml;
gzip_min_length 1024;
\`\`\`

HTML is compressed by default; the other types must be listed.

## Rate limiting comments

The \`limit_req\` zone allows five comment posts per minute per address with a burst of three. Beyond that Nginx answers \`503\` (configurable with \`limit_req_status 429;\`), and the application never sees the request. It stopped a comment-spam wave without any change to the code.

## Useful commands

| Command | Purpose |
| --- | --- |
| \`nginx -t\` | Validate the configuration before reloading |
| \`systemctl reload nginx\` | Apply changes without dropping connections |
| \`tail -f /var/log/nginx/error.log\` | See upstream errors such as \`502\` causes |

The [Nginx reverse proxy guide](https://docs.nginx.com/nginx/admin-guide/web-server/reverse-proxy/) explains buffering, which matters when you proxy large uploads or streaming responses.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Gustavo Pereira',
        authorEmail: 'gustavo.p@example.com',
        body: 'Thanks for the `proxy_set_header Connection "";` explanation. We had `keepalive` in the upstream for years and it never did anything.',
        approved: true,
        hoursAfterPost: 13,
      },
    ],
  },
  {
    slug: 'redis-as-a-cache-messagepack-vs-json',
    title: 'Redis as a cache: MessagePack vs JSON serialization',
    summary:
      'Measuring JSON against MessagePack for values cached in Redis: payload size, encode and decode time, type fidelity for dates and binary data, and why I switched for large values only.',
    categories: ['devops', 'web-performance'],
    status: 'PUBLISHED',
    publishedAt: '2025-07-09T19:30:00Z',
    body: `Most of this blog's pages are assembled from cached values in Redis: rendered post bodies, lists of recent posts, comment counts. Every value has to be serialized on the way in and parsed on the way out, and for a while JSON was the obvious choice. Then I looked at the slow log and wondered whether a binary format would do better. I measured.

## The contenders

JSON is universal and readable in \`redis-cli\`. [MessagePack](https://msgpack.org/) is a binary format with the same data model, plus binary strings and an extension mechanism for types such as timestamps. In Node.js I used \`JSON.stringify\` and \`@msgpack/msgpack\`:

\`\`\`ts
import { encode, decode } from '@msgpack/msgpack';

const asJson = Buffer.from(JSON.stringify(value));
const asMsgpack = encode(value);

await redis.set(\`post:\${slug}\`, Buffer.from(asMsgpack), 'EX', 600);
const cached = await redis.getBuffer(\`post:\${slug}\`);
const post = cached ? decode(cached) : undefined;
\`\`\`

## Payloads

I took three real values: a small object (comment counts per post), a medium one (a post with its metadata and rendered HTML), and a large list (the 500 most recent posts with summaries).

| Value | JSON | MessagePack | Saving |
| --- | --- | --- | --- |
| Comment counts (40 keys) | 1.1 KB | 0.7 KB | 36% |
| One rendered post | 24.8 KB | 24.1 KB | 3% |
| 500 post summaries | 310 KB | 262 KB | 15% |

Text-heavy values barely shrink: a string is a string in either format. The savings come from numbers, booleans and structure, which JSON spells out in characters.

## Speed

Encoding and decoding, in microseconds per operation on the server (median of many runs):

| Value | JSON encode | JSON decode | MessagePack encode | MessagePack decode |
| --- | --- | --- | --- | --- |
| Comment counts | 3 | 4 | 6 | 5 |
| One rendered post | 12 | 21 | 19 | 16 |
| 500 post summaries | 950 | 1,400 | 1,150 | 980 |

V8's built-in JSON is very fast, and it beats a JavaScript MessagePack implementation on small values. MessagePack wins on decoding large, structured values, where it saves parsing numbers and escaped strings.

## Type fidelity

This turned out to matter more than speed. JSON turns a \`Date\` into a string, and a cached post came back with \`publishedAt\` as a string that the template happily printed unformatted. MessagePack has a timestamp extension type, so dates round-trip as dates. With JSON you need a reviver, or a schema that parses values as they come back out of the cache, which I now do anyway.

## What I chose

- Small values stay JSON: faster, readable with \`redis-cli GET\`, and easy to debug.
- Large list values use MessagePack: smaller in Redis memory and on the network, faster to decode.
- A one-byte prefix marks the format, so values written by either codec can be read during the switch.

Whichever format you use, validate values on read. A cache is a place where old shapes of your data live on after a deploy changes them.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Ivan Petrov',
        authorEmail: 'ivan.p@example.org',
        body: 'The prefix byte for the format is a great idea. We switched serializers once and had to flush the whole cache, which at our traffic was quite painful.',
        approved: true,
        hoursAfterPost: 16,
      },
      {
        key: 'c2',
        authorName: 'Chloe Martin',
        authorEmail: 'chloe.m@example.com',
        body: 'Did you try compression on top? For the large HTML values, gzip would probably beat both formats by a wide margin.',
        approved: true,
        hoursAfterPost: 21,
      },
      {
        key: 'c3',
        authorName: 'Inkwell author',
        authorEmail: 'author@example.com',
        body: 'Yes, briefly: gzip cut the rendered post to about 7 KB, but cost more CPU than the network saving was worth on loopback. It would make sense for Redis on another host.',
        approved: true,
        replyTo: 'c2',
        hoursAfterPost: 25,
      },
    ],
  },
];
