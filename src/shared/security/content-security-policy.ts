/**
 * The app's one Content-Security-Policy: Electron sends it as a header, the browser preview's server sends it
 * on every response, and the build writes it into index.html. Nothing is loaded from the network; no page may
 * frame the app (clickjacking).
 */
export interface CspOptions {
  /** Sources Vite's dev server needs besides the page (its websocket); also allows hot reload's inline scripts. */
  devConnect?: string;
  /** A `<meta>` tag cannot carry `frame-ancestors` (browsers ignore it there, with a warning): headers can. */
  delivery?: 'header' | 'meta';
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const { devConnect, delivery = 'header' } = options;
  return [
    "default-src 'none'",
    `script-src 'self'${devConnect ? " 'unsafe-inline'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${devConnect ? ` ${devConnect}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(delivery === 'header' ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

/** Headers every HTTP response of the preview server carries, whatever it answers (page, API, error, events). */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy(),
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
