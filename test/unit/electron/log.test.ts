import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, formatLogLine, LOG_MAX_ENTRY, type LogFs } from '../../../electron/log';

/** An in-memory file system with the sync calls the logger uses; `full` makes every write fail like ENOSPC. */
function memoryFs() {
  const files = new Map<string, string>();
  const state = { full: false };
  const fs: LogFs = {
    appendFileSync(file, data) {
      if (state.full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      files.set(file, (files.get(file) ?? '') + data);
    },
    statSync(file) {
      const text = files.get(file);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return { size: Buffer.byteLength(text) };
    },
    renameSync(from, to) {
      const text = files.get(from);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      files.set(to, text);
      files.delete(from);
    },
    rmSync(file) {
      files.delete(file);
    },
    mkdirSync() {
      return undefined;
    },
  };
  return { fs, files, state };
}

const dir = path.join('/data', 'Levelset');
const file = path.join(dir, 'levelset.log');
const at = new Date('2026-03-04T05:06:07.089Z');

describe('log', () => {
  it('appends one line per entry with ISO time and level', () => {
    const { fs, files } = memoryFs();
    const log = createLogger({ dir, fs, now: () => at });
    log('info', 'started');
    log('error', 'broke');
    expect(files.get(file)).toBe('2026-03-04T05:06:07.089Z INFO started\n2026-03-04T05:06:07.089Z ERROR broke\n');
  });

  it('keeps each entry on one line, so a message cannot forge another entry', () => {
    expect(formatLogLine(at, 'warn', 'a\n2026-01-01T00:00:00.000Z ERROR forged\r\nb\u0007')).toBe(
      '2026-03-04T05:06:07.089Z WARN a ⏎ 2026-01-01T00:00:00.000Z ERROR forged ⏎ b \n',
    );
    expect(formatLogLine(at, 'info', 'x'.repeat(LOG_MAX_ENTRY + 50)).length).toBeLessThan(LOG_MAX_ENTRY + 60);
  });

  it('rotates past the size limit and keeps three files in all', () => {
    const { fs, files } = memoryFs();
    // Each line is 24 (time) + 1 + 4 (INFO) + 1 + 5 (message) + 1 (newline) = 36 bytes; limit 100 bytes → 2 lines per file.
    const log = createLogger({ dir, fs, now: () => at, maxBytes: 100 });
    for (let i = 0; i < 9; i++) log('info', `msg-${i}`);
    expect([...files.keys()].sort()).toEqual([file, `${file}.1`, `${file}.2`]);
    expect(files.get(file)).toBe('2026-03-04T05:06:07.089Z INFO msg-8\n');
    expect(files.get(`${file}.1`)).toContain('msg-6');
    expect(files.get(`${file}.1`)).toContain('msg-7');
    expect(files.get(`${file}.2`)).toContain('msg-4');
    expect(files.get(`${file}.2`)).toContain('msg-5');
    for (const text of files.values()) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(100);
  });

  it('never throws when the disk is full, and writes again once there is room', () => {
    const { fs, files, state } = memoryFs();
    const log = createLogger({ dir, fs, now: () => at });
    state.full = true;
    expect(() => log('error', 'lost')).not.toThrow();
    state.full = false;
    log('info', 'back');
    expect(files.get(file)).toBe('2026-03-04T05:06:07.089Z INFO back\n');
  });
});
