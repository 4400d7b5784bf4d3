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
