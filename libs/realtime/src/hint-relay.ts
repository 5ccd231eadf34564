import { type Hint } from './hints.js';

/** Delivers a validated hint to every subscriber of `channel` on this process's Bayeux server. */
export type DeliverLocally = (channel: string, hint: Hint) => void;

export interface RelayHealth {
  fanOut: 'single-process' | 'redis';
  /** False when hints currently reach this process's readers only, or none. */
  healthy: boolean;
}

/**
 * How a hint published by this process reaches readers: directly (one process) or through
 * Redis (all processes). `publish` never rejects: realtime is a courtesy, never part of a write.
 */
export interface HintRelay {
  publish(channel: string, hint: Hint): Promise<void>;
  /** Resolves once hints published here reach every process. */
  ready(): Promise<void>;
  health(): Promise<RelayHealth>;
  close(): Promise<void>;
}

/** Single-process relay: nothing to connect, nothing to fail. */
export function createLocalRelay(deliverLocally: DeliverLocally): HintRelay {
  return {
    publish: async (channel, hint) => deliverLocally(channel, hint),
    ready: async () => undefined,
    health: async () => ({ fanOut: 'single-process', healthy: true }),
    close: async () => undefined,
  };
}
