/**
 * Follows the API's stream of dropped cache tags (`GET /api/dropped-tags`, server-sent events)
 * for the page cache: `onLive` once the API promises every drop from then on, `onDrop` for each
 * write, `onDown` as soon as that promise lapses (the stream ended, failed or went silent past
 * the API's keep-alive). It reconnects on its own, waiting a little longer after each failure
 * (up to 2 s, so a site started before its API follows it soon after the API listens).
 */
export interface DroppedTagsStreamOptions {
  /** The API's base URL (API_URL). */
  apiUrl: string;
  onLive(): void;
  onDrop(tags: string[]): void;
  onDown(): void;
  /** Silence longer than this (no event, no keep-alive) counts as a lost stream. */
  idleTimeoutMs?: number;
  /** First wait before reconnecting; it doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  log?: (line: string) => void;
}

export interface DroppedTagsStream {
  close(): void;
}

/** Three of the API's keep-alives (every 15 s). */
const DEFAULT_IDLE_TIMEOUT_MS = 45_000;

/** The events of a server-sent events text: `event` (default `message`) and joined `data`. */
export function parseServerSentEvents(text: string): Array<{ event: string; data: string }> {
  return text
    .split(/\r?\n\r?\n/)
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        const [, field, value = ''] = /^([^:]+):? ?(.*)$/.exec(line) ?? [];
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      return { event, data: data.join('\n') };
    })
    .filter(({ data }) => data !== '');
}

export function followDroppedTags(options: DroppedTagsStreamOptions): DroppedTagsStream {
  const {
    apiUrl,
    idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS,
    retryMs = 250,
    maxRetryMs = 2_000,
  } = options;
  const log = options.log ?? ((line: string) => console.warn(line));
  let closed = false;
  let controller: AbortController | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let wait = retryMs;
  /** One line per outage, not one per attempt; none while the API is still starting. */
  let wasLive = false;
  let reportedDown = false;

  const handle = (event: string, data: string): void => {
    if (event === 'ready') {
      wait = retryMs;
      if (reportedDown) log("Site caches: following the API's dropped tags again");
      reportedDown = false;
      wasLive = true;
      options.onLive();
    } else if (event === 'message') {
      const { tags } = JSON.parse(data) as { tags: unknown };
      if (!Array.isArray(tags)) throw new Error('a drop without tags');
      options.onDrop(tags.map(String));
    }
  };

  async function follow(signal: AbortSignal, resetIdle: () => void): Promise<void> {
    const response = await fetch(`${apiUrl}/api/dropped-tags`, {
      headers: { accept: 'text/event-stream' },
      signal,
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new Error(`answered ${response.status}`);
    }
    const decoder = new TextDecoder();
    let buffered = '';
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      resetIdle();
      buffered += decoder.decode(value, { stream: true });
      const complete = buffered.lastIndexOf('\n\n');
      if (complete === -1) continue;
      for (const { event, data } of parseServerSentEvents(buffered.slice(0, complete))) {
        handle(event, data);
      }
      buffered = buffered.slice(complete + 2);
    }
    throw new Error('the stream ended');
  }

  const connect = (): void => {
    if (closed) return;
    controller = new AbortController();
    const { signal } = controller;
    let idleTimer: NodeJS.Timeout | undefined;
    const resetIdle = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => controller?.abort(new Error('silent')), idleTimeoutMs);
    };
    resetIdle();
    follow(signal, resetIdle).catch((error: unknown) => {
      clearTimeout(idleTimer);
      options.onDown();
      if (closed) return;
      if (wasLive && !reportedDown) {
        const reason: unknown = signal.aborted ? signal.reason : error;
        log(
          `Site caches: not following the API's dropped tags (${String(reason)}); ` +
            'pages and shared reads come from the API afresh until it answers',
        );
        reportedDown = true;
      }
      retryTimer = setTimeout(connect, wait);
      wait = Math.min(wait * 2, maxRetryMs);
    });
  };
  connect();

  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      controller?.abort(new Error('closed'));
    },
  };
}
