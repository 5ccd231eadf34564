/**
 * Typed access to the faye package for Node. faye is CommonJS without type declarations, so
 * it is loaded through `createRequire` and described by the small interfaces below.
 */
import { createRequire } from 'node:module';
import { type Server as HttpServer } from 'node:http';
import {
  type FayeClient,
  type FayeClientConstructor,
  type FayeExtension,
} from './browser/faye-client.js';

export interface NodeAdapterOptions {
  mount: string;
  /** Long-poll hold time in seconds. */
  timeout?: number;
}

export interface FayeNodeAdapter {
  attach(server: HttpServer): void;
  /** A client opened (`handshake`) or ended (`disconnect`, or its session timed out) a session. */
  on(event: 'handshake' | 'disconnect', listener: (clientId: string) => void): void;
  addExtension(extension: FayeExtension): void;
  getClient(): FayeClient;
  close(): void;
}

interface FayeModule {
  NodeAdapter: new (options: NodeAdapterOptions) => FayeNodeAdapter;
  Client: FayeClientConstructor;
}

const require = createRequire(import.meta.url);
const faye = require('faye') as FayeModule;

export const FayeNodeAdapter = faye.NodeAdapter;
/** The Node Faye client: used by the API's tests, the benchmark and server-to-server checks. */
export const FayeNodeClient = faye.Client;
