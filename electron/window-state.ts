/**
 * Window state: the main window's size, position and maximised flag, kept in
 * a small JSON file in the data folder. A saved position that no longer lies
 * on any display (a monitor was unplugged) is dropped so the window never
 * opens off-screen.
 */
import { z } from 'zod';

export const WindowStateSchema = z.object({
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Parses a stored state; anything unreadable falls back to the default. */
export function parseWindowState(text: string | null, displays: Rect[]): WindowState {
  if (!text) return DEFAULT_WINDOW_STATE;
  let parsed: WindowState;
  try {
    const result = WindowStateSchema.safeParse(JSON.parse(text));
    if (!result.success) return DEFAULT_WINDOW_STATE;
    parsed = result.data;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (parsed.x === undefined || parsed.y === undefined) return { ...parsed, x: undefined, y: undefined };
  const { x, y } = parsed;
  // Keep the position only if the window's top-left area is on some display.
  const visible = displays.some((d) => x + 100 > d.x && y >= d.y && x < d.x + d.width - 100 && y < d.y + d.height - 50);
  return visible ? parsed : { width: parsed.width, height: parsed.height, maximized: parsed.maximized };
}
