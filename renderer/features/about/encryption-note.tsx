/**
 * What About → Data says about encryption at rest: plainly whether the data
 * on this computer is encrypted by the app, and if not, why and what to do.
 */
import { queries } from '../../db/queries';

export const BROWSER_NOTE = 'In a browser, Levelset does not encrypt your data; use the desktop app for encryption at rest.';

export function EncryptionNote({ shell }: { shell: 'electron' | 'browser' }) {
  if (shell === 'browser') return <p className="encryption-note">{BROWSER_NOTE}</p>;
  const state = queries.encryption();
  if (state.mode === 'on') {
    return (
      <p className="encryption-note">
        Encrypted at rest: names, evidence, packet text, decisions, notes and the automatic backups are encrypted on this computer with a key kept by the system keychain. Manager and team names stay readable in the database files so the app can group by them. A backup you
        export with “Back up now” is not encrypted: keep it somewhere safe.
      </p>
    );
  }
  if (state.mode === 'locked') {
    return (
      <p role="alert" className="field-error encryption-note">
        Your data is encrypted and cannot be opened: {state.reason} Nothing is changed until it can be. Start Levelset from the user account that set it up, with its keychain unlocked.
      </p>
    );
  }
  return (
    <p className="encryption-note">
      Your data is not encrypted by the app: {state.reason ?? 'this system offers no keychain.'} On Linux, install and unlock a keyring (GNOME Keyring or KWallet) and restart Levelset to turn encryption on.
    </p>
  );
}
