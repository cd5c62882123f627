const MINUTE = 60_000;

/** How far this computer's clock is off the server's, in words; null when it is near enough. */
export function clockWarning(offsetMs: number): string | null {
  const off = Math.abs(offsetMs);
  if (off < 2 * MINUTE) return null;
  const amount = off >= 2 * 86_400_000 ? `${Math.round(off / 86_400_000)} days` : off >= 2 * 3_600_000 ? `${Math.round(off / 3_600_000)} hours` : `${Math.round(off / MINUTE)} minutes`;
  // The offset is the server's clock minus this computer's: negative means this computer is ahead.
  return `This computer's clock is ${amount} ${offsetMs < 0 ? 'ahead of' : 'behind'} the office server's. Set the date and time correctly; until then sync follows the server's time.`;
}
