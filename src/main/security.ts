import { app, session, shell, type IpcMainInvokeEvent } from 'electron';
import { EXTERNAL_LINKS } from '../shared/links';
import { contentSecurityPolicy as appContentSecurityPolicy } from '../shared/security/content-security-policy';

/**
 * True for the renderer's own entry point: the dev server's origin in development, the packaged
 * index.html otherwise. Anything else (remote pages, other local files) is foreign.
 */
export function isAppUrl(url: string, entryUrl: string): boolean {
  let target: URL;
  let entry: URL;
  try {
    target = new URL(url);
    entry = new URL(entryUrl);
  } catch {
    return false;
  }
  if (entry.protocol === 'file:') return target.protocol === 'file:' && target.pathname === entry.pathname;
  return target.origin === entry.origin;
}

/** IPC is accepted only from the main frame of our own page (never a subframe or a foreign document). */
export function isTrustedIpcSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, entryUrl: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, entryUrl);
}

/** The app's policy (src/shared/security); development adds what Vite's hot reload needs. */
export function contentSecurityPolicy(devServerUrl?: string): string {
  if (!devServerUrl) return appContentSecurityPolicy();
  const { origin, host } = new URL(devServerUrl);
  return appContentSecurityPolicy({ devConnect: `${origin} ws://${host}` });
}

/**
 * Opens a link in the system browser only when it is one the app itself made (exactly a page of `allowed`);
 * anything else — any other https address included — is refused. Returns whether it was opened.
 */
export function openAppLink(url: string, allowed: readonly string[] = EXTERNAL_LINKS): boolean {
  if (!allowed.includes(url)) return false;
  void shell.openExternal(url);
  return true;
}

export interface SecurityOptions {
  /** Vite's dev server, in a development build only. */
  devServerUrl?: string;
  /** The pages links may open in the system browser (the app's list by default). */
  externalLinks?: readonly string[];
}

/**
 * Navigation, new windows, webviews and permission requests are refused app-wide; requests for remote
 * content are cancelled (the app works offline and loads nothing from the network into its pages).
 */
export function installSecurityGuards(entryUrl: string, options: SecurityOptions = {}): void {
  const { devServerUrl, externalLinks = EXTERNAL_LINKS } = options;
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url, entryUrl)) return;
      event.preventDefault();
      openAppLink(url, externalLinks);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, entryUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // The app's own links to web pages open in the person's browser, never inside the app.
      openAppLink(url, externalLinks);
      return { action: 'deny' };
    });
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const remote = /^(https?|wss?):/.test(details.url) && !(devServerUrl && isAppUrl(details.url, devServerUrl));
    callback({ cancel: remote });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy(devServerUrl)] },
    });
  });
}
