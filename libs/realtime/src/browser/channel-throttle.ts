/**
 * At most one delivery per channel per window, without losing the last value: the first value
 * goes out at once, later ones within the window collapse into one trailing delivery of the
 * newest. A burst of comments thus costs a reader two refetches, not one per comment.
 */
export interface ChannelThrottle<T> {
  push(channel: string, value: T): void;
  cancel(): void;
}

interface Window<T> {
  timer: ReturnType<typeof setTimeout>;
  trailing?: { value: T };
}

export function createChannelThrottle<T>(
  windowMs: number,
  deliver: (channel: string, value: T) => void,
): ChannelThrottle<T> {
  const windows = new Map<string, Window<T>>();

  const openWindow = (channel: string): void => {
    const timer = setTimeout(() => {
      const trailing = windows.get(channel)?.trailing;
      windows.delete(channel);
      if (!trailing) return;
      deliver(channel, trailing.value);
      openWindow(channel);
    }, windowMs);
    windows.set(channel, { timer });
  };

  return {
    push(channel, value) {
      const open = windows.get(channel);
      if (open) {
        open.trailing = { value };
        return;
      }
      deliver(channel, value);
      openWindow(channel);
    },
    cancel() {
      for (const { timer } of windows.values()) clearTimeout(timer);
      windows.clear();
    },
  };
}
