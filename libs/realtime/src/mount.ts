/** Where the Bayeux endpoint lives on the API's HTTP server; shared by server and browser. */
export const DEFAULT_MOUNT = '/realtime';

const MOUNT = /^(\/[A-Za-z0-9_-]+)+$/;

export function assertMount(mount: string): string {
  if (!MOUNT.test(mount))
    throw new TypeError(`Realtime mount must look like /realtime, got "${mount}"`);
  return mount;
}
