/**
 * Loads the Faye browser client with a script tag, once per page. The page calls this after
 * hydration and only where there is something live to show, so other pages never pay the 34 KB.
 */
import { type FayeClientConstructor } from './faye-client.js';

/** The parts of the DOM used here; kept structural so this module needs no DOM typings. */
interface ScriptElement {
  src: string;
  async: boolean;
  integrity: string;
  crossOrigin: string | null;
  onload: (() => void) | null;
  onerror: (() => void) | null;
  remove(): void;
}

export interface ScriptEnvironment {
  document?: {
    createElement(tagName: 'script'): ScriptElement;
    head: { appendChild(element: ScriptElement): unknown };
  };
  Faye?: { Client: FayeClientConstructor };
}

export interface LoadFayeClientOptions {
  /** The site's copy of `faye/client/faye-browser-min.js`, e.g. a content-hashed bundle. */
  scriptUrl: string;
  /** SRI hash (`sha384-…`) of the script, e.g. from the site's bundle manifest. */
  integrity?: string;
}

const loads = new Map<string, Promise<FayeClientConstructor>>();

export function loadFayeClient(
  { scriptUrl, integrity }: LoadFayeClientOptions,
  environment: ScriptEnvironment = globalThis as ScriptEnvironment,
): Promise<FayeClientConstructor> {
  if (environment.Faye) return Promise.resolve(environment.Faye.Client);
  const pending = loads.get(scriptUrl);
  if (pending) return pending;

  const load = new Promise<FayeClientConstructor>((resolve, reject) => {
    const { document } = environment;
    if (!document) throw new Error('loadFayeClient needs a browser document');
    const script = document.createElement('script');
    script.async = true;
    if (integrity) {
      script.integrity = integrity;
      // SRI on a cross-origin script only works with a CORS request.
      script.crossOrigin = 'anonymous';
    }
    script.onload = () => {
      if (environment.Faye) resolve(environment.Faye.Client);
      else reject(new Error(`${scriptUrl} did not define Faye`));
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`Could not load ${scriptUrl}`));
    };
    script.src = scriptUrl;
    document.head.appendChild(script);
  });
  loads.set(scriptUrl, load);
  // A failed load is forgotten so a later page can try again.
  load.catch(() => loads.delete(scriptUrl));
  return load;
}
