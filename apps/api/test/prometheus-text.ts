/** One line of Prometheus text: a metric name, its labels and its value. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface PrometheusText {
  /** Metric name -> declared type (`# TYPE name counter`). */
  types: Map<string, string>;
  samples: PrometheusSample[];
}

const TYPE_LINE = /^# TYPE ([a-zA-Z_:][\w:]*) (counter|gauge|histogram|summary|untyped)$/u;
const SAMPLE_LINE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/u;
const LABEL = /([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)",?/gu;

/**
 * Parses the text exposition format (version 0.0.4) strictly enough for tests: a line that is
 * neither a comment nor a sample, or a sample of an undeclared metric, throws.
 */
export function parsePrometheusText(text: string): PrometheusText {
  const types = new Map<string, string>();
  const samples: PrometheusSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ')) continue;
    const type = TYPE_LINE.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    const sample = SAMPLE_LINE.exec(line);
    if (!sample) throw new Error(`Not a Prometheus text line: ${line}`);
    const name = sample[1]!;
    // A histogram's or summary's samples are its name with a suffix.
    const family = types.has(name) ? name : name.replace(/_(bucket|count|sum)$/u, '');
    if (!types.has(family)) throw new Error(`A sample of an undeclared metric: ${line}`);
    const labels = Object.fromEntries(
      [...(sample[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [
        key!,
        value!.replace(/\\(.)/gu, (_, char: string) => (char === 'n' ? '\n' : char)),
      ]),
    );
    samples.push({ name, labels, value: Number(sample[3]) });
  }
  return { types, samples };
}
