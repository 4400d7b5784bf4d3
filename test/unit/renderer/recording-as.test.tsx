// @vitest-environment jsdom
/** The session page's "Recording as" line names the stored profile, with the role when there is one. */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/database';
import { saveProfile } from '../../../renderer/db/profile';
import { RecordingAs } from '../../../renderer/features/calibration/session/recording-as';

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => cleanup());

describe('RecordingAs', () => {
  it('names the person and role the audit trail records, and says it is the chair on a shared machine', async () => {
    await saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' });
    render(<RecordingAs />);
    const line = await screen.findByText(/^Recording as/);
    expect(line.textContent).toBe('Recording as Dana Whitfield (Committee chair) — on a shared committee machine this is the chair’s profile. Change in About');
    expect(screen.getByRole('link', { name: 'Change in About' }).getAttribute('href')).toBe('#/about');
  });

  it('shows the name alone when no role is given, and follows a change', async () => {
    await saveProfile(db, { name: 'Sam Okafor', role: '' });
    render(<RecordingAs />);
    expect((await screen.findByText(/^Recording as/)).textContent).toContain('Recording as Sam Okafor — on a shared');
    await saveProfile(db, { name: 'Priyanka Rao', role: 'HR partner' });
    await waitFor(() => expect(screen.getByText(/^Recording as/).textContent).toMatch(/^Recording as Priyanka Rao \(HR partner\) — /));
  });
});
