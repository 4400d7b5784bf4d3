/**
 * The log file: levelset.log in the data folder, one line per entry with the
 * ISO time and level. At about 1 MB it rotates (levelset.log → .1 → .2), so
 * at most three files are kept. Logging never throws: a full disk or a
 * read-only folder loses the line, not the app.
 */
import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'error' | 'warn' | 'info';

export const LOG_MAX_BYTES = 1024 * 1024;
/** Files kept in all: the current one and two rotated ones. */
export const LOG_FILES_KEPT = 3;
/** A single entry is cut to this many characters (a renderer could send a huge message). */
export const LOG_MAX_ENTRY = 8_000;

export interface LogFs {
  appendFileSync(file: string, data: string): void;
  statSync(file: string): { size: number };
  renameSync(from: string, to: string): void;
  rmSync(file: string, options: { force: boolean }): void;
  mkdirSync(dir: string, options: { recursive: boolean }): unknown;
}

export interface LoggerOptions {
  dir: string;
  fs?: LogFs;
  now?: () => Date;
  maxBytes?: number;
}

/** One line: newlines and other control characters are escaped so an entry cannot forge another. */
export function formatLogLine(at: Date, level: LogLevel, message: string): string {
  const text = message.length > LOG_MAX_ENTRY ? `${message.slice(0, LOG_MAX_ENTRY)}… (cut)` : message;
  const oneLine = text.replace(/\r?\n/g, ' ⏎ ').replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `${at.toISOString()} ${level.toUpperCase()} ${oneLine}\n`;
}

export function createLogger(options: LoggerOptions): (level: LogLevel, message: string) => void {
  const fsx = options.fs ?? fs;
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const file = path.join(options.dir, 'levelset.log');
  const rotated = (n: number) => `${file}.${n}`;

  function rotateIfNeeded(incoming: number): void {
    let size = 0;
    try {
      size = fsx.statSync(file).size;
    } catch {
      return; // no file yet
    }
    if (size + incoming <= maxBytes) return;
    fsx.rmSync(rotated(LOG_FILES_KEPT - 1), { force: true });
    for (let n = LOG_FILES_KEPT - 2; n >= 1; n--) {
      try {
        fsx.renameSync(rotated(n), rotated(n + 1));
      } catch {
        // that generation does not exist yet
      }
    }
    fsx.renameSync(file, rotated(1));
  }

  return (level, message) => {
    try {
      const line = formatLogLine(now(), level, message);
      fsx.mkdirSync(options.dir, { recursive: true });
      rotateIfNeeded(Buffer.byteLength(line));
      fsx.appendFileSync(file, line);
    } catch {
      // Disk full, read-only or gone: the entry is lost, the app goes on.
    }
  };
}

let current: ((level: LogLevel, message: string) => void) | null = null;

/** Points `log` at the data folder (main calls this once the folder is known). */
export function initLog(options: LoggerOptions): void {
  current = createLogger(options);
}

/** Logs one entry; before initLog it goes to stderr. Never throws. */
export function log(level: LogLevel, message: string): void {
  if (current) return current(level, message);
  try {
    process.stderr.write(formatLogLine(new Date(), level, message));
  } catch {
    // nowhere to write
  }
}

/** An error (or anything thrown) as a short text with its stack when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return typeof error === 'string' ? error : JSON.stringify(error);
  } catch {
    return String(error);
  }
}
