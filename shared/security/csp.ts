/**
 * The Content-Security-Policy, one string for every place that states it:
 * vite.config.ts writes it into index.html's meta tag, and main sends it as a
 * response header for every page the app:// protocol serves
 * (electron/app-protocol.ts). Nothing remote, no eval, no inline script.
 * 'self' is app://levelset in the desktop app, so import workers built by Vite
 * (new Worker(new URL(..., import.meta.url))) load under worker-src 'self'.
 * connect-src also allows WebSockets for connected mode (issue 14): the NATS
 * server's address is entered per cycle, so only the scheme can be pinned;
 * wss:// anywhere, plain ws:// only to this machine (shared/connected/state.ts
 * serverUrlProblem refuses the rest before anything connects).
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' wss: ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ');

/** The dev server alone needs inline script for React Refresh (its hot-reload websocket is local, already allowed). */
export const DEV_CSP = STRICT_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
