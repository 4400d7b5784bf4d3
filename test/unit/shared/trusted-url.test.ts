import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, linkDisplay } from '../../../shared/util/trusted-url';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.com',
    'https://example.com/path?q=1#frag',
    'http://example.com:8080/',
    'https://sub.example.co.uk/a/b',
    'HTTPS://EXAMPLE.COM/',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['credentials hiding the real host', 'https://example.com@evil.test'],
    ['user and password', 'https://user:pass@example.com/'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['javascript scheme in capitals', 'JaVaScRiPt:alert(1)'],
    ['javascript with leading space', ' javascript:alert(1)'],
    ['tab inside the scheme', 'java\tscript:alert(1)'],
    ['newline before the URL', '\nhttps://example.com'],
    ['file scheme', 'file:///etc/passwd'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['blob URL', 'blob:https://example.com/uuid'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['custom protocol', 'levelset://open'],
    ['smb share', 'smb://server/share'],
    ['ftp', 'ftp://example.com/file'],
    ['protocol-relative', '//example.com'],
    ['relative path', '/etc/passwd'],
    ['no host', 'https://'],
    ['backslash trick', 'https:\\\\evil.test'],
    ['empty', ''],
    ['not a URL', 'not a url'],
  ])('refuses %s', (_why, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl({ href: 'https://example.com' })).toBe(false);
  });
});

describe('linkDisplay: a web link as shown', () => {
  it('keeps the host whole, where the real domain is, and shortens the path instead', () => {
    const spoof = 'https://docs.google.com.document.d.1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-edit.evil.test/document/d/1x/edit';
    const shown = linkDisplay(spoof);
    expect(shown.startsWith('docs.google.com.document.d.1abcdefghijklmnopqrstuvwxyz0123456789-edit.evil.test/')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('shows a short link whole, and the path of a long one up to about 70 characters', () => {
    expect(linkDisplay('https://example.com/a/b?c=1')).toBe('example.com/a/b?c=1');
    expect(linkDisplay('https://example.com/')).toBe('example.com');
    const long = linkDisplay(`https://example.com/${'x'.repeat(200)}`);
    expect(long).toBe(`example.com/${'x'.repeat(70 - 'example.com'.length - 2)}…`);
  });

  it('shows escaped letters and symbols as themselves, and keeps escaped anything that changes how a link reads', () => {
    // A trial read "example.org/%C3%BC?b=%3Cx%3E" where the manager had typed "ü" and "<x>".
    expect(linkDisplay('https://example.org/%C3%BC?b=%3Cx%3E')).toBe('example.org/ü?b=<x>');
    // A slash, a query separator, a space, a right-to-left override, a zero-width space: left as written.
    expect(linkDisplay('https://example.org/a%2Fb%3Fc%23d%26e%3Df')).toBe('example.org/a%2Fb%3Fc%23d%26e%3Df');
    expect(linkDisplay('https://example.org/a%20b')).toBe('example.org/a%20b');
    expect(linkDisplay('https://example.org/x%E2%80%AEgpj.exe')).toBe('example.org/x%E2%80%AEgpj.exe');
    expect(linkDisplay('https://example.org/x%E2%80%8By')).toBe('example.org/x%E2%80%8By');
    // Not UTF-8: as written.
    expect(linkDisplay('https://example.org/%FF')).toBe('example.org/%FF');
    // The host is the URL parser's (an IDN in its xn-- form), never decoded here.
    expect(linkDisplay('https://xn--mnchen-3ya.de/')).toBe('xn--mnchen-3ya.de');
  });
});
