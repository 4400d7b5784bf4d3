import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/styles.css';
import { prepareDatabase } from './db/startup';
import { useUiStore } from './state/ui-store';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

prepareDatabase().catch((error: unknown) => {
  useUiStore.getState().announce(`Could not prepare the built-in frameworks: ${error instanceof Error ? error.message : String(error)}`, 'error');
});
