/** About: the version and where the data lives, for support and IT; who is recorded on changes; data and backups. */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';
import { PageHeader } from '../../components/page-header';
import { getPlatform } from '../../platform/bridge';
import { DataPanel } from './data-panel';
import { RecordPanel } from './record-panel';
import { YouPanel } from './you-panel';
import { couldNot } from '../../../shared/util/error-message';

export function AboutView() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getPlatform()
      .appInfo()
      .then(setInfo, (e: unknown) => setError(couldNot('read the app information', e)));
  }, []);
  return (
    <>
      <PageHeader title="About Levelset" subtitle="Offline-first promotion calibration. Your data stays on this machine unless you export a file." />
      {error ? <p role="alert">{error}</p> : null}
      <dl className="about-facts">
        <dt>Version</dt>
        <dd data-testid="app-version">{info?.version ?? '…'}</dd>
        <dt>Data folder</dt>
        <dd data-testid="data-folder">{info?.dataFolder ?? '…'}</dd>
        <dt>Running as</dt>
        <dd>{info ? (info.shell === 'electron' ? `Desktop app (${info.platform})` : 'Web page') : '…'}</dd>
      </dl>
      <YouPanel />
      <DataPanel />
      <RecordPanel />
    </>
  );
}
