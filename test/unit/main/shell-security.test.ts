import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the parts of `electron` the shell touches; records what the shell registers. */
const mock = vi.hoisted(() => {
  const appHandlers = new Map<string, (...args: unknown[]) => void>();
  const session = {
    permissionRequest: null as null | ((...args: unknown[]) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    headers: null as null | ((details: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void),
  };
  return {
    appHandlers,
    session,
    openExternal: vi.fn(async () => undefined),
  };
});

vi.mock('electron', () => ({
  app: { on: (name: string, handler: (...args: unknown[]) => void) => mock.appHandlers.set(name, handler) },
  shell: { openExternal: mock.openExternal },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: (...args: unknown[]) => void) => (mock.session.permissionRequest = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => boolean) => (mock.session.permissionCheck = h),
      webRequest: {
        onBeforeRequest: (h: typeof mock.session.beforeRequest) => (mock.session.beforeRequest = h),
        onHeadersReceived: (h: typeof mock.session.headers) => (mock.session.headers = h),
      },
    },
  },
}));

const { installSecurityGuards, isAppUrl, isTrustedIpcSender, contentSecurityPolicy, openAppLink } = await import('../../../src/main/security');
const { secureWebPreferences } = await import('../../../src/main/window-options');

const entry = 'file:///opt/harmony/resources/app.asar/out/renderer/index.html';

function fakeWebContents() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    handlers,
    on: (name: string, handler: (...args: unknown[]) => void) => handlers.set(name, handler),
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    open: (url: string) => openHandler!({ url }),
  };
}

function attempt(contents: ReturnType<typeof fakeWebContents>, event: string, url?: string): boolean {
  const preventDefault = vi.fn();
  contents.handlers.get(event)!({ preventDefault }, url);
  return preventDefault.mock.calls.length === 0;
}

describe('window preferences', () => {
  it('isolate and sandbox the renderer without Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('security guards', () => {
  beforeEach(() => {
    mock.appHandlers.clear();
    installSecurityGuards(entry);
  });

  it('block navigation away from the app and any webview', () => {
    const contents = fakeWebContents();
    mock.appHandlers.get('web-contents-created')!({}, contents);
    expect(attempt(contents, 'will-navigate', 'https://example.com/')).toBe(false);
    expect(attempt(contents, 'will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(attempt(contents, 'will-navigate', `${entry}#/crew`)).toBe(true);
    expect(attempt(contents, 'will-redirect', 'https://example.com/')).toBe(false);
    expect(attempt(contents, 'will-attach-webview')).toBe(false);
  });

  it('deny new windows, and open no web page the app did not link to itself', () => {
    mock.openExternal.mockClear();
    const contents = fakeWebContents();
    mock.appHandlers.get('web-contents-created')!({}, contents);
    // The app's list of pages is empty today: no https address at all reaches the system browser.
    for (const url of ['https://www.imo.org/', 'https://evil.example/phish', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(attempt(contents, 'will-navigate', 'https://evil.example/')).toBe(false);
    expect(mock.openExternal).not.toHaveBeenCalled();
  });

  it('hand exactly the listed pages to the system browser, from a new window or a link', () => {
    mock.openExternal.mockClear();
    mock.appHandlers.clear();
    installSecurityGuards(entry, { externalLinks: ['https://www.imo.org/en/OurWork/HumanElement/Pages/STCW-Conv-LINK.aspx'] });
    const contents = fakeWebContents();
    mock.appHandlers.get('web-contents-created')!({}, contents);
    expect(contents.open('https://www.imo.org/en/OurWork/HumanElement/Pages/STCW-Conv-LINK.aspx')).toEqual({ action: 'deny' });
    expect(attempt(contents, 'will-navigate', 'https://www.imo.org/en/OurWork/HumanElement/Pages/STCW-Conv-LINK.aspx')).toBe(false);
    expect(mock.openExternal).toHaveBeenCalledTimes(2);
    // A page beside it, a longer address or another scheme is not the listed page.
    for (const url of ['https://www.imo.org/', 'https://www.imo.org/en/OurWork/HumanElement/Pages/STCW-Conv-LINK.aspx?next=https://evil.example', 'http://www.imo.org/en/OurWork/HumanElement/Pages/STCW-Conv-LINK.aspx']) {
      contents.open(url);
    }
    expect(mock.openExternal).toHaveBeenCalledTimes(2);
    expect(openAppLink('https://evil.example/')).toBe(false);
  });

  it('refuse every permission and cancel remote requests', () => {
    const granted = vi.fn();
    mock.session.permissionRequest!({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(mock.session.permissionCheck!({}, 'geolocation')).toBe(false);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      mock.session.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://cdn.jsdelivr.net/x.js')).toBe(true);
    expect(decide(entry)).toBe(false);
  });

  it('set a strict Content-Security-Policy on responses', () => {
    let headers: Record<string, string[]> = {};
    mock.session.headers!({ responseHeaders: {} }, (r) => (headers = (r as { responseHeaders: typeof headers }).responseHeaders));
    const csp = headers['Content-Security-Policy']![0]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy().match(/script-src[^;]*/)![0]).toBe("script-src 'self'");
  });
});

describe('IPC sender check', () => {
  it('accepts only the main frame of the app page', () => {
    expect(isTrustedIpcSender({ senderFrame: { url: `${entry}#/vessels`, parent: null } as never }, entry)).toBe(true);
    expect(isTrustedIpcSender({ senderFrame: { url: entry, parent: {} } as never }, entry)).toBe(false);
    expect(isTrustedIpcSender({ senderFrame: { url: 'https://evil.example/', parent: null } as never }, entry)).toBe(false);
    expect(isTrustedIpcSender({ senderFrame: null }, entry)).toBe(false);
  });

  it('compares the dev server by origin', () => {
    expect(isAppUrl('http://localhost:5173/#/crew', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('not a url', entry)).toBe(false);
  });
});
