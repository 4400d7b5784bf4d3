/**
 * The application menu: platform-standard roles plus Levelset's sections.
 * Section items send a navigation hash to the renderer rather than loading
 * a new URL, so navigation stays blocked.
 */
import type { MenuItemConstructorOptions } from 'electron';

export const MENU_SECTIONS = [
  { label: 'Frameworks', hash: '#/frameworks', accelerator: 'CmdOrCtrl+1' },
  { label: 'Candidates', hash: '#/candidates', accelerator: 'CmdOrCtrl+2' },
  { label: 'Packets', hash: '#/packets', accelerator: 'CmdOrCtrl+3' },
  { label: 'Calibration', hash: '#/calibration', accelerator: 'CmdOrCtrl+4' },
  { label: 'Decisions', hash: '#/decisions', accelerator: 'CmdOrCtrl+5' },
] as const;

export function buildMenuTemplate(options: {
  isMac: boolean;
  appName: string;
  navigate: (hash: string) => void;
}): MenuItemConstructorOptions[] {
  const { isMac, appName, navigate } = options;
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => navigate('#/about') };
  return [
    ...(isMac ? [{ label: appName, submenu: [about, { type: 'separator' as const }, { role: 'hide' as const }, { role: 'hideOthers' as const }, { role: 'unhide' as const }, { type: 'separator' as const }, { role: 'quit' as const }] }] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: 'Go',
      submenu: MENU_SECTIONS.map((s) => ({ label: s.label, accelerator: s.accelerator, click: () => navigate(s.hash) })),
    },
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
    { role: 'help', submenu: isMac ? [] : [about] },
  ];
}
