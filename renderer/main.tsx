import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/styles.css';
import { prepareDatabase, unlockDatabase } from './db/startup';
import { describeStorageError } from './db/storage-errors';
import { installAutoBackup } from './platform/auto-backup';
import { getPlatform } from './platform/bridge';
import { useUiStore } from './state/ui-store';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const mount = root;

function start(): void {
  createRoot(mount).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  const announce = useUiStore.getState().announce;
  prepareDatabase((message) => announce(message, 'error')).catch((error: unknown) => announce(`Could not prepare the database: ${describeStorageError(error)}`, 'error'));
  installAutoBackup();
}

// The data key comes first: the database must not open before encryption at rest is set (renderer/db/encryption.ts).
getPlatform()
  .dataKey()
  .catch(() => ({ status: 'locked', reason: 'the desktop app did not hand over the key that opens your data.' }) as const)
  .then(unlockDatabase)
  .then(start, start);
