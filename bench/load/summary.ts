import { type RoundResult } from './rounds.js';

export interface Row {
  posts: number;
  name: string;
  shape: string;
  requestsPerSecond: number;
  /** Median req/s over the median req/s of the heartbeat rounds run between this row's. */
  vsHeartbeat: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Bytes received per response, headers included: shows whether bodies came compressed. */
  bytesPerResponse: number;
  siteCpuMsPerRequest: number;
  apiCpuMsPerRequest: number;
  /** Distinct URLs answered 2xx, over all rounds. */
  urlsServed: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const sum = (values: readonly number[]): number =>
  values.reduce((total, value) => total + value, 0);

/** One row from the rounds of a target and the heartbeat rounds interleaved with them. */
export function summarize(
  row: { posts: number; name: string; shape: string },
  rounds: readonly RoundResult[],
  heartbeatRounds: readonly RoundResult[],
): Row {
  const requests = sum(rounds.map((round) => round.requests));
  const requestsPerSecond = median(rounds.map((round) => round.requestsPerSecond));
  return {
    ...row,
    requestsPerSecond,
    vsHeartbeat:
      requestsPerSecond / median(heartbeatRounds.map((round) => round.requestsPerSecond)),
    p50: median(rounds.map((round) => round.p50)),
    p99: median(rounds.map((round) => round.p99)),
    errors: sum(rounds.map((round) => round.errors)),
    non2xx: sum(rounds.map((round) => round.non2xx)),
    bytesPerResponse: sum(rounds.map((round) => round.bytes)) / Math.max(requests, 1),
    siteCpuMsPerRequest: sum(rounds.map((round) => round.siteCpuMs)) / Math.max(requests, 1),
    apiCpuMsPerRequest: sum(rounds.map((round) => round.apiCpuMs)) / Math.max(requests, 1),
    urlsServed: new Set(rounds.flatMap((round) => [...round.served])).size,
  };
}

export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| posts | row | traffic | req/s | vs heartbeat | p50 ms | p99 ms | errors / non-2xx | kB/response | site CPU ms/req | API CPU ms/req | URLs served |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.posts} | ${row.name} | ${row.shape} | ${row.requestsPerSecond.toFixed(0)} | ` +
        `${(row.vsHeartbeat * 100).toFixed(0)}% | ${row.p50.toFixed(0)} | ${row.p99.toFixed(0)} | ` +
        `${row.errors} / ${row.non2xx} | ${(row.bytesPerResponse / 1000).toFixed(1)} | ` +
        `${row.siteCpuMsPerRequest.toFixed(2)} | ` +
        `${row.apiCpuMsPerRequest.toFixed(2)} | ${row.urlsServed} |`,
    );
  }
  return lines.join('\n');
}
