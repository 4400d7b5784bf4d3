/**
 * A link to a page outside Levelset. It gets an href only when the URL
 * passes the parser-based safety check (plain http or https), and opens
 * through the platform bridge, which in Electron hands it to the system
 * browser after checking it again; anything else is shown as text.
 */
import type { MouseEvent } from 'react';
import { isSafeExternalUrl } from '../../../shared/util/trusted-url';
import { getPlatform } from '../../platform/bridge';

function display(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname;
    const text = `${parsed.host}${path}${parsed.search}`;
    return text.length > 70 ? `${text.slice(0, 69)}…` : text;
  } catch {
    return url;
  }
}

export function ExternalLink({ url }: { url: string }) {
  if (!isSafeExternalUrl(url)) {
    return (
      <span className="muted" title="Not a web link, so it cannot be opened">
        {url}
      </span>
    );
  }
  function open(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    void getPlatform().openExternal(url);
  }
  return (
    <a href={url} onClick={open} rel="noopener noreferrer" target="_blank">
      {display(url)}
      <span className="visually-hidden"> (opens in your browser)</span>
    </a>
  );
}
