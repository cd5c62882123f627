import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Reads the saved bounds; a missing, damaged or off-screen state falls back to centred defaults. */
export function loadWindowState(file: string, displays: Rect[]): WindowState {
  let state: WindowState;
  try {
    state = windowStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  // A monitor unplugged since last time must not leave the window out of reach.
  const visible = displays.some((d) => x >= d.x && y >= d.y && x < d.x + d.width && y < d.y + d.height);
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(state));
}
