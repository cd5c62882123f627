/**
 * Every web page the app links to. The desktop app opens a link in the system browser only when it is exactly
 * one of these — a link the app itself put on screen — never an address that came from data (an imported file,
 * a scan's text, a page a crafted record points to). Add a page here before linking to it; there is none yet.
 */
export const EXTERNAL_LINKS: readonly `https://${string}`[] = [];
