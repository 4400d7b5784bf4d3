/**
 * The app:// protocol: the renderer is served from app://levelset/ instead of
 * file://, so 'self' in the CSP means the built renderer and nothing else on
 * disk (under file:// any local file could run as a script). The handler
 * serves only regular files inside the built renderer folder, refuses any
 * path that leaves it (../, encoded traversal, absolute or drive paths,
 * NUL bytes) and sends the CSP as a response header as well as the meta tag.
 */
import path from 'node:path';
import { STRICT_CSP } from '../shared/security/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'levelset';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The URL of a renderer page, e.g. appUrl('index.html', '/print/session/s-1'). */
export function appUrl(page = 'index.html', hash?: string): string {
  return `${APP_ORIGIN}/${page}${hash ? `#${hash}` : ''}`;
}

/**
 * Privileges for protocol.registerSchemesAsPrivileged (before 'ready'):
 * standard, so relative URLs resolve and IndexedDB is allowed; secure, so
 * the page is a secure context; fetch and CORS-mode requests, because Vite
 * loads module scripts and workers with `crossorigin` (same origin; no other
 * origin is ever allowed, the handler sends no Access-Control header). It
 * does NOT bypass the CSP.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
} as const;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request URL to a file inside `root`, or null when it is not ours or
 * would leave the folder. `root` must be absolute.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let relative: string;
  try {
    // URL parsing already folds plain "../"; decoding then reveals %2e%2e and %2f tricks, checked below.
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.includes('\\')) return null;
  relative = relative.replace(/^\/+/, '');
  if (relative === '') relative = 'index.html';
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, path.normalize(relative));
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

export interface AppProtocolFs {
  stat(file: string): Promise<{ isFile(): boolean }>;
  readFile(file: string): Promise<Uint8Array>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': STRICT_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** The protocol.handle callback: the file's bytes with its MIME type and the CSP, or 404. */
export function createAppProtocolHandler(root: string, fs: AppProtocolFs): (request: Request) => Promise<Response> {
  return async (request) => {
    const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const file = resolveAppPath(root, request.url);
    if (!file) return notFound();
    try {
      // A directory, FIFO or device is never served (and never opened).
      if (!(await fs.stat(file)).isFile()) return notFound();
      const body = await fs.readFile(file);
      return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
        status: 200,
        headers: { 'Content-Type': mimeType(file), ...SECURITY_HEADERS },
      });
    } catch {
      return notFound();
    }
  };
}
