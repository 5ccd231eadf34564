import { type HeartbeatReport } from '@inkwell/contract';
/**
 * The dependencies /__heartbeat__ reports on. Each feature registers the backend it relies on;
 * a check that throws or takes longer than the timeout counts as failing.
 */
export type HealthCheck = () => Promise<void>;

export class HealthChecks {
  private readonly checks = new Map<string, HealthCheck>();

  constructor(private readonly timeoutMs = 2_000) {}

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async run(): Promise<HeartbeatReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await this.runOne(check)] as const),
    );
    const checks = Object.fromEntries(entries);
    return { status: entries.every(([, result]) => result === 'ok') ? 'ok' : 'failing', checks };
  }

  private async runOne(check: HealthCheck): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      await Promise.race([check(), timeout]);
      return 'ok';
    } catch (error) {
      return `failing: ${(error as Error).message}`;
    } finally {
      clearTimeout(timer);
    }
  }
}
