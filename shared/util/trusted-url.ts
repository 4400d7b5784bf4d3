/**
 * The only check that decides whether a URL may leave the app for the
 * system browser. It parses the URL (never string-matches it) and allows
 * plain http/https with a host and no embedded credentials.
 */
export function isSafeExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 4_000) return false;
  // Control characters and whitespace are stripped or reinterpreted by parsers: refuse them.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(raw)) return false;
  // Parsers treat `\` as `/` in http(s) URLs; a link written that way is not what it looks like.
  if (raw.includes('\\')) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (!url.hostname) return false;
  // `https://example.com@evil.test` puts a look-alike host in the user info.
  if (url.username !== '' || url.password !== '') return false;
  return true;
}

/**
 * A web link as shown: its host always whole, then as much of the path and query as fits in about 70 characters.
 * Cut at 70 from the start, "docs.google.com.document.d.1AbC…-edit.evil.test/…" lost the host's real end, where
 * the domain is (a security trial).
 */
export function linkDisplay(url: string, room = 70): string {
  try {
    const parsed = new URL(url);
    const rest = `${parsed.pathname === '/' ? '' : parsed.pathname}${parsed.search}`;
    const left = Math.max(room - parsed.host.length, 12);
    return `${parsed.host}${rest.length > left ? `${rest.slice(0, left - 1)}…` : rest}`;
  } catch {
    return url;
  }
}
