import { pathToFileURL } from 'node:url';

export interface RendererEntry {
  /** What the window loads; the IPC bridge trusts only this page. */
  entryUrl: string;
  /** Vite's dev server, when a development build uses it. */
  devServerUrl?: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where the window loads the app from. A packaged build loads its own renderer and nothing else, whatever the
 * environment says: `ELECTRON_RENDERER_URL` would otherwise make any page the trusted origin of the IPC bridge.
 * A development build may load Vite's dev server from that variable, and only over http on this computer.
 */
export function rendererEntry(options: { isPackaged: boolean; devServerUrl: string | undefined; packagedIndex: string }): RendererEntry {
  const packaged = { entryUrl: pathToFileURL(options.packagedIndex).href };
  if (options.isPackaged || !options.devServerUrl) return packaged;
  let url: URL;
  try {
    url = new URL(options.devServerUrl);
  } catch {
    return packaged;
  }
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) return packaged;
  return { entryUrl: url.href, devServerUrl: url.href };
}
