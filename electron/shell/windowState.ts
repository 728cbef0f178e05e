import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import type { Logger } from './log';

/** The main window's last place and size, kept in userData/window-state.json. */
export interface WindowState {
  /** Absent on first start: the window is centred. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1400, height: 900 };
export const MIN_WINDOW_SIZE = { width: 900, height: 600 };
const SAVE_DELAY_MS = 500;
/** How much of the window must lie on a display for it to count as visible there. */
const MIN_VISIBLE = { width: 160, height: 80 };

/**
 * Whether a window with these bounds can be seen and grabbed on one of the displays: enough
 * of it overlaps a work area, and its top edge (the title bar) is on that display. A monitor
 * unplugged since the last run fails this, and the window falls back to the default place.
 */
export function isVisibleOnSomeDisplay(bounds: Rectangle, workAreas: Rectangle[]): boolean {
  return workAreas.some((area) => {
    const overlapWidth = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const overlapHeight = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
    const topOnDisplay = bounds.y >= area.y && bounds.y < area.y + area.height - MIN_VISIBLE.height / 2;
    return overlapWidth >= MIN_VISIBLE.width && overlapHeight >= MIN_VISIBLE.height && topOnDisplay;
  });
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The saved state if it is well-formed and visible on a current display, else the default
 * size (shrunk to fit a small primary display) with no position, so the window is centred.
 */
export function loadWindowState(file: string, workAreas: Rectangle[], primary: Rectangle): WindowState {
  const fallback: WindowState = {
    width: Math.max(MIN_WINDOW_SIZE.width, Math.min(DEFAULT_WINDOW_SIZE.width, primary.width)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.min(DEFAULT_WINDOW_SIZE.height, primary.height)),
    maximized: false,
  };
  let saved: Record<string, unknown>;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return fallback;
  }
  if (typeof saved !== 'object' || saved === null) return fallback;
  const { x, y, width, height, maximized } = saved;
  if (!finite(x) || !finite(y) || !finite(width) || !finite(height)) return fallback;
  const bounds = {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.max(MIN_WINDOW_SIZE.width, Math.round(width)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.round(height)),
  };
  if (!isVisibleOnSomeDisplay(bounds, workAreas)) return { ...fallback, maximized: maximized === true };
  return { ...bounds, maximized: maximized === true };
}

function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2));
  renameSync(temp, file);
}

/**
 * Saves the window's normal (unmaximised) bounds and maximised flag: debounced while it is
 * moved or resized, at once when it closes.
 */
export function trackWindowState(win: BrowserWindow, file: string, log: Logger): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    try {
      writeWindowState(file, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (err) {
      log('Could not save the window state', err);
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('move', later);
  win.on('resize', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', save);
}
