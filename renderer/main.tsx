import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { afterFirstView, noteFirstRead } from './app/first-view';
import { installRouteReads } from './app/route-reads';
import { parseHash } from './app/routes';
import { preloadRoute } from './app/sections';
import './app/styles.css';
import { startProfileRead } from './db/startup-profile';
import { describeStorageError } from './db/storage-errors';
import { unlockDatabase } from './db/unlock';
import { watchDatabaseUpgrades } from './db/watch-upgrades';
import { requestDataKey } from './platform/data-key';
import { useUiStore } from './state/ui-store';
import { couldNot } from '../shared/util/error-message';

const announce = useUiStore.getState().announce;
// Before the first read opens the database, so an upgrade blocked at opening is reported too.
watchDatabaseUpgrades((message) => announce(message, 'error'));

// The current page's code starts downloading now, alongside the first render and the database opening,
// and so does the module that reads the profile, which the page waits for (the first-run gate): requested
// only when the gate mounts, it queued behind the page's chunks (issue 13).
void import('./db/profile-read').catch(() => undefined);
void preloadRoute(parseHash(window.location.hash));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const mount = root;

function start(): void {
  // The profile's rows first: IndexedDB answers in order, and the profile gate holds the page (startup-profile.ts).
  startProfileRead();
  // The page's rows start on their way beside its code, before the profile gate lets the page mount (route-reads.ts).
  noteFirstRead(installRouteReads());
  createRoot(mount).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // Work that need not delay the first view (storing the built-in frameworks,
  // the desktop app's automatic backups, connected mode) comes in its own
  // chunks once the first page is drawn (first-view.ts).
  afterFirstView(() => {
    void import('./db/startup')
      .then(({ prepareDatabase }) => prepareDatabase((message) => announce(message, 'error')))
      .catch((error: unknown) => announce(couldNot('prepare the database', describeStorageError(error)), 'error'));
    // Typed text kept for records since deleted or closed is forgotten (kept-text-sweep.ts).
    void import('./app/kept-text-sweep').then(({ installKeptTextSweep }) => installKeptTextSweep());
    void import('./platform/auto-backup').then(({ installAutoBackup }) => installAutoBackup());
    // Connected mode (issue 14): connects only cycles that have connection settings; the NATS client loads only for those.
    void import('./connected/start-connected').then(({ startConnectedSync }) => startConnectedSync((message) => announce(message, 'error')));
    // A print document (the desktop app's hidden print window, or a tab opened on one) needs none of it: no second
    // connection to the committee's server, no backup timer, nothing competing with its layout.
  }, { holdWhile: () => parseHash(window.location.hash).section === 'print' });
}

// The data key comes first: the database must not open before encryption at rest is set (renderer/db/encryption.ts).
requestDataKey()
  .catch(() => ({ status: 'locked', reason: 'the desktop app did not hand over the key that opens your data.' }) as const)
  .then(unlockDatabase)
  .then(start, start);
