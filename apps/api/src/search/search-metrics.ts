import { performance } from 'node:perf_hooks';
import { type SearchResults, SearchValidationError } from '@inkwell/search';
import { Histogram, type Registry } from 'prom-client';

export type SearchOperation = 'search' | 'suggest';
export type SearchEngineKind = 'postgres' | 'elasticsearch';

/**
 * How an engine call ended: `ok`; `corrected` when the typed words found nothing and a
 * corrected spelling answered instead; `invalid` for a refused query; `error` when the engine
 * failed (the reader got a 503).
 */
type SearchOutcome = 'ok' | 'corrected' | 'invalid' | 'error';

function outcomeOf(answer: unknown): SearchOutcome {
  const corrected = (answer as Partial<SearchResults>).terms?.correctedTo;
  return typeof corrected === 'string' ? 'corrected' : 'ok';
}

/** Times the engine's searches and suggestions (cached answers never reach it). */
export class SearchMetrics {
  private readonly duration: Histogram<'operation' | 'engine' | 'outcome'>;

  constructor(
    registry: Registry,
    private readonly engine: SearchEngineKind,
  ) {
    this.duration = new Histogram({
      name: 'inkwell_search_duration_seconds',
      help: 'Search engine calls (cache misses), by operation, engine and outcome.',
      labelNames: ['operation', 'engine', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
  }

  async time<T>(operation: SearchOperation, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const observe = (outcome: SearchOutcome) =>
      this.duration.observe(
        { operation, engine: this.engine, outcome },
        (performance.now() - started) / 1000,
      );
    try {
      const answer = await run();
      observe(outcomeOf(answer));
      return answer;
    } catch (error) {
      observe(error instanceof SearchValidationError ? 'invalid' : 'error');
      throw error;
    }
  }
}
