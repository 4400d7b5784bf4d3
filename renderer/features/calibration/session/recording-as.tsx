/**
 * A quiet line by the session's actions naming who the audit trail records
 * for reveal, finalize and reopen, so the chair can check it is them before
 * acting on a shared machine.
 */
import { chairWhenNotRecorder } from '../../../../shared/calibration/session-record';
import type { CommitteeMember } from '../../../../shared/domain';
import { hrefFor } from '../../../app/routes';
import { useProfile } from '../../../db/profile-read';

export function RecordingAs() {
  const profile = useProfile();
  if (!profile) return null;
  return (
    <p className="field-hint session-recording-as">
      Recording as <strong>{profile.role ? `${profile.name} (${profile.role})` : profile.name}</strong> — on a shared committee machine this is the chair’s profile.{' '}
      <a href={hrefFor('about')}>Change in About</a>
    </p>
  );
}

/**
 * In the reveal, finalize and reopen dialogs: when the profile recording is
 * not the session's chair, the trail will name that profile, not the chair.
 * Said before they confirm, with where to change it; not refused (a chair may
 * hand the machine to the HR partner).
 */
export function NotTheChairNote({ members, action }: { members: readonly Pick<CommitteeMember, 'name' | 'role'>[]; action: string }) {
  const profile = useProfile();
  const chair = chairWhenNotRecorder(members, profile?.name);
  if (!chair || !profile) return null;
  return (
    <p className="session-dialog-warning">
      <strong>You are not the chair.</strong> The audit trail will say that {profile.name} {action}; this session’s chair is {chair}. If it should be the chair, cancel:
      About → You sets the name this machine records.
    </p>
  );
}
