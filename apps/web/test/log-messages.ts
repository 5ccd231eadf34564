/**
 * The lines a process printed, as a person reads them: a JSON log line (what the servers print
 * when their output is not a terminal) as its message, any other line as it is.
 */
export function logMessages(output: string): string[] {
  return output.split('\n').map((line) => {
    if (!line.startsWith('{')) return line;
    try {
      const { msg } = JSON.parse(line) as { msg?: unknown };
      return typeof msg === 'string' ? msg : line;
    } catch {
      return line;
    }
  });
}
