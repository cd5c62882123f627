import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The renderer gets no Node, runs sandboxed and isolated, and reaches the core only through the preload's
 * `invoke`/`on` bridge (docs/architecture.md#security).
 */
export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}
