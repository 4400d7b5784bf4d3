/**
 * The Content-Security-Policy, one string for every place that states it:
 * vite.config.ts writes it into index.html's meta tag, and main sends it as a
 * response header for every page the app:// protocol serves
 * (electron/app-protocol.ts). Nothing remote, no eval, no inline script.
 * 'self' is app://levelset in the desktop app, so import workers built by Vite
 * (new Worker(new URL(..., import.meta.url))) load under worker-src 'self'.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ');

/** The dev server alone needs inline script for React Refresh and a websocket for hot reload. */
export const DEV_CSP = STRICT_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*");
