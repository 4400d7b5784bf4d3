// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_NOTE, EncryptionNote } from '../../../renderer/features/about/encryption-note';
import { unlockDatabase } from '../../../renderer/db/unlock';

afterEach(cleanup);

describe('About → Data on encryption at rest', () => {
  it('says plainly that a browser does not encrypt the data', () => {
    unlockDatabase(null);
    render(<EncryptionNote shell="browser" />);
    expect(screen.getByText(BROWSER_NOTE).textContent).toBe('In a browser, Levelset does not encrypt your data; use the desktop app for encryption at rest.');
  });

  it('on the desktop says whether the data is encrypted, and why not when it is not', () => {
    unlockDatabase({ status: 'unavailable', reason: 'this system has no keyring (GNOME Keyring or KWallet) for Levelset to use, so your data is not encrypted by the app.' });
    const { unmount } = render(<EncryptionNote shell="electron" />);
    expect(document.body.textContent).toMatch(/not encrypted by the app: this system has no keyring/);
    unmount();
    unlockDatabase({ status: 'locked', reason: 'the system keychain would not unseal the key that opens your data.' });
    render(<EncryptionNote shell="electron" />);
    expect(screen.getByRole('alert').textContent).toMatch(/cannot be opened: the system keychain would not unseal/);
    cleanup();
    unlockDatabase({ status: 'on', key: Buffer.from(new Uint8Array(32).fill(7)).toString('base64') });
    render(<EncryptionNote shell="electron" />);
    expect(document.body.textContent).toMatch(/^Encrypted at rest/);
  });
});
