import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appUrl, createAppProtocolHandler, resolveAppPath } from '../../../electron/app-protocol';
import { STRICT_CSP } from '../../../shared/security/csp';

const root = path.resolve('/opt/Levelset/resources/app.asar/dist/renderer');

describe('resolveAppPath', () => {
  it('maps app://levelset paths to files under the renderer folder', () => {
    expect(resolveAppPath(root, 'app://levelset/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://levelset/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://levelset/assets/index-1.js?v=1#/x')).toBe(path.join(root, 'assets', 'index-1.js'));
    expect(resolveAppPath(root, 'app://levelset/assets/a%20b.js')).toBe(path.join(root, 'assets', 'a b.js'));
  });

  it('never resolves outside the folder, whatever the traversal', () => {
    // URL parsing folds plain and %2e%2e dot segments at the root, so these land inside the folder (and 404 there).
    for (const url of [
      'app://levelset/../../etc/passwd',
      'app://levelset/%2e%2e/%2e%2e/etc/passwd',
      'app://levelset/%2fetc%2fpasswd',
      'app://levelset//etc/passwd',
      'app://levelset/assets/..%2f..%2f..%2fetc/passwd',
    ]) {
      const resolved = resolveAppPath(root, url);
      if (resolved !== null) expect(resolved.startsWith(root + path.sep), url).toBe(true);
    }
    expect(resolveAppPath(root, 'app://levelset/assets/..%2f..%2f..%2fetc/passwd')).toBeNull();
  });

  it('refuses backslashes, drive paths, NUL bytes, bad encoding and other origins', () => {
    for (const url of [
      'app://levelset/..%5c..%5cwindows%5cwin.ini',
      'app://levelset/C:%5cwindows%5cwin.ini',
      'app://levelset/C:/windows/win.ini',
      'app://levelset/index.html%00.js',
      'app://levelset/%E0%A4%A',
      'app://other/index.html',
      'app://levelset.evil/index.html',
      'file:///etc/passwd',
      'https://levelset/index.html',
      'not a url',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('builds page URLs with a route hash', () => {
    expect(appUrl('index.html', '/print/session/s-1')).toBe('app://levelset/index.html#/print/session/s-1');
  });
});

describe('the app:// handler', () => {
  const files = new Map<string, string>([
    [path.join(root, 'index.html'), '<html></html>'],
    [path.join(root, 'assets', 'index-1.js'), 'console.log(1)'],
    [path.join(root, 'assets', 'style.css'), 'body{}'],
    [path.join(root, 'favicon.svg'), '<svg/>'],
  ]);
  const fs = {
    stat: vi.fn(async (file: string) => {
      if (file === path.join(root, 'assets')) return { isFile: () => false };
      if (file === path.join(root, 'pipe.js')) return { isFile: () => false };
      if (!files.has(file)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return { isFile: () => true };
    }),
    readFile: vi.fn(async (file: string) => new TextEncoder().encode(files.get(file) ?? '')),
  };
  const handle = createAppProtocolHandler(root, fs);

  it('serves files with their MIME type and the CSP as a header', async () => {
    for (const [url, type] of [
      ['app://levelset/index.html', 'text/html; charset=utf-8'],
      ['app://levelset/assets/index-1.js', 'text/javascript; charset=utf-8'],
      ['app://levelset/assets/style.css', 'text/css; charset=utf-8'],
      ['app://levelset/favicon.svg', 'image/svg+xml'],
    ] as const) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(STRICT_CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await handle(new Request('app://levelset/index.html'))).text()).toBe('<html></html>');
  });

  it('answers 404 for missing files, folders, non-files and traversal, reading nothing', async () => {
    fs.readFile.mockClear();
    for (const url of ['app://levelset/missing.js', 'app://levelset/assets', 'app://levelset/pipe.js', 'app://levelset/%2e%2e/%2e%2e/secret.js', 'app://other/index.html']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(STRICT_CSP);
    }
    expect(await handle(new Request('app://levelset/index.html', { method: 'POST', body: 'x' })).then((r) => r.status)).toBe(404);
    expect(fs.readFile).not.toHaveBeenCalled();
  });
});
