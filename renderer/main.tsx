import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/styles.css';
import { prepareDatabase } from './db/startup';
import { describeStorageError } from './db/storage-errors';
import { installAutoBackup } from './platform/auto-backup';
import { useUiStore } from './state/ui-store';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

const announce = useUiStore.getState().announce;
prepareDatabase((message) => announce(message, 'error')).catch((error: unknown) => announce(`Could not prepare the database: ${describeStorageError(error)}`, 'error'));
installAutoBackup();
