/**
 * The slice of the Faye client API Inkwell uses. faye ships no type declarations; the browser
 * bundle (`window.Faye`) and the Node client (`require('faye').Client`) both fit this shape.
 */

/** A pending subscribe or publish: resolves when the server acknowledges it. */
export interface FayeDeferred extends PromiseLike<void> {
  cancel?(): void;
}

export interface FayeSubscription extends FayeDeferred {
  cancel(): void;
}

export interface FayeMessage {
  channel: string;
  data?: unknown;
  ext?: Record<string, unknown>;
  error?: string;
  subscription?: string | string[];
  [field: string]: unknown;
}

export interface FayeExtension {
  incoming?(message: FayeMessage, callback: (message: FayeMessage) => void): void;
  outgoing?(message: FayeMessage, callback: (message: FayeMessage) => void): void;
}

export interface FayeClient {
  subscribe(channel: string, onData: (data: unknown) => void): FayeSubscription;
  publish(channel: string, data: unknown): FayeDeferred;
  on(event: 'transport:up' | 'transport:down', listener: () => void): void;
  addExtension(extension: FayeExtension): void;
  disable(feature: string): void;
  disconnect(): void;
}

export type FayeClientConstructor = new (
  endpoint: string,
  options?: { timeout?: number },
) => FayeClient;
