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
    const rest = readableEscapes(`${parsed.pathname === '/' ? '' : parsed.pathname}${parsed.search}`);
    const left = Math.max(room - parsed.host.length, 12);
    return `${parsed.host}${rest.length > left ? `${rest.slice(0, left - 1)}…` : rest}`;
  } catch {
    return url;
  }
}

/**
 * A path and query with its percent-escapes shown as the characters they stand for, where that is only letters,
 * marks, digits, punctuation and symbols: "/%C3%BC" reads "/ü" (a trial read the escapes as the link). An escape of
 * a character that changes how the link reads ("/", "?", "#", "&", "=", "%", "\\"), of a space, a control, a
 * direction mark or anything invisible stays escaped, so a link never looks like another; the host is never decoded.
 */
function readableEscapes(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(run);
    } catch {
      return run;
    }
    return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]+$/u.test(decoded) && !/[/?#&=%\\]/.test(decoded) ? decoded : run;
  });
}

