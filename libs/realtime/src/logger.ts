/**
 * Where realtime problems are reported. The API injects its own logger (a Nest `Logger` fits);
 * realtime never throws into the write path, so this is the only place failures surface.
 */
export interface RealtimeLogger {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: RealtimeLogger = {
  warn: (message) => console.warn(message),
  error: (message, error) => console.error(message, error),
};
