/**
 * A link to a page outside Levelset. It gets an href only when the URL
 * passes the parser-based safety check (plain http or https), and opens
 * through the platform bridge, which in Electron hands it to the system
 * browser after checking it again; anything else is shown as text.
 */
import type { MouseEvent } from 'react';
import { isSafeExternalUrl, linkDisplay } from '../../../shared/util/trusted-url';
import { getPlatform } from '../../platform/bridge';

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
    <a href={url} onClick={open} rel="noopener noreferrer" target="_blank" title={url}>
      {linkDisplay(url)}
      <span className="visually-hidden"> (opens in your browser)</span>
    </a>
  );
}
