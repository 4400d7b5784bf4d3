/**
 * The credential fields of the kind the organisation's server uses: a user
 * name and password, a token, an nkey seed, or a user JWT with its seed (a
 * .creds file). Secrets are password fields and never prefilled.
 */
import type { ConnectionAuth } from '../../../shared/connected/state';
import type { KeptAuth } from '../../db/connected/connection';

export type AuthKind = ConnectionAuth['kind'];
export interface AuthDraft {
  kind: AuthKind;
  user: string;
  password: string;
  token: string;
  seed: string;
  jwt: string;
}

export const BLANK_AUTH: AuthDraft = { kind: 'user-password', user: '', password: '', token: '', seed: '', jwt: '' };

export const AUTH_KINDS: { value: AuthKind; label: string }[] = [
  { value: 'user-password', label: 'User name and password' },
  { value: 'token', label: 'Token' },
  { value: 'nkey', label: 'Nkey seed' },
  { value: 'creds', label: 'Creds (user JWT and seed)' },
];

/** The draft as the settings schema takes it (the schema checks the shapes). */
export function authOf(d: AuthDraft): ConnectionAuth {
  switch (d.kind) {
    case 'user-password':
      return { kind: 'user-password', user: d.user.trim(), password: d.password };
    case 'token':
      return { kind: 'token', token: d.token.trim() };
    case 'nkey':
      return { kind: 'nkey', seed: d.seed.trim() };
    case 'creds':
      return { kind: 'creds', jwt: d.jwt.trim(), seed: d.seed.trim() };
  }
}

/** The draft as saved: with every secret field left empty, the saved sign-in's secret is kept (`savedKind`: how it signs in). */
export function authToSave(d: AuthDraft, savedKind: AuthKind | undefined): ConnectionAuth | KeptAuth {
  const empty = !d.password && !d.token.trim() && !d.seed.trim() && !d.jwt.trim();
  return empty && d.kind === savedKind ? { kind: d.kind, keep: true, ...(d.kind === 'user-password' ? { user: d.user.trim() } : {}) } : authOf(d);
}

/** `savedKind`: changing saved settings, whose secret an empty field keeps (said beside each secret of that kind). */
export function AuthFields({ idBase, draft, onChange, savedKind }: { idBase: string; draft: AuthDraft; onChange: (next: AuthDraft) => void; savedKind?: AuthKind }) {
  const set = (key: keyof AuthDraft) => (e: { target: { value: string } }) => onChange({ ...draft, [key]: e.target.value });
  const keeps = draft.kind === savedKind;
  const secret = { type: 'password', autoComplete: 'off', spellCheck: false, placeholder: keeps ? 'Saved; leave empty to keep it' : undefined } as const;
  return (
    <>
      <label htmlFor={`${idBase}-kind`}>Sign in with</label>
      <select id={`${idBase}-kind`} value={draft.kind} onChange={(e) => onChange({ ...draft, kind: e.target.value as AuthKind })}>
        {AUTH_KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
      {draft.kind === 'user-password' ? (
        <>
          <label htmlFor={`${idBase}-user`}>User name</label>
          <input id={`${idBase}-user`} type="text" autoComplete="off" value={draft.user} onChange={set('user')} />
          <label htmlFor={`${idBase}-password`}>Password</label>
          <input id={`${idBase}-password`} {...secret} value={draft.password} onChange={set('password')} />
        </>
      ) : null}
      {draft.kind === 'token' ? (
        <>
          <label htmlFor={`${idBase}-token`}>Token</label>
          <input id={`${idBase}-token`} {...secret} value={draft.token} onChange={set('token')} />
        </>
      ) : null}
      {draft.kind === 'creds' ? (
        <>
          <label htmlFor={`${idBase}-jwt`}>User JWT</label>
          <input id={`${idBase}-jwt`} {...secret} value={draft.jwt} onChange={set('jwt')} />
        </>
      ) : null}
      {draft.kind === 'nkey' || draft.kind === 'creds' ? (
        <>
          <label htmlFor={`${idBase}-seed`}>Nkey seed</label>
          <input id={`${idBase}-seed`} {...secret} placeholder={secret.placeholder ?? 'SU…'} value={draft.seed} onChange={set('seed')} />
        </>
      ) : null}
    </>
  );
}

/** The server address field with its hint, the first row of both connection forms (chair or member, and joining). */
export function ServerAddressField({ idBase, value, onChange }: { idBase: string; value: string; onChange: (value: string) => void }) {
  return (
    <>
      <label htmlFor={`${idBase}-url`}>Server address</label>
      <div>
        <input id={`${idBase}-url`} type="text" inputMode="url" autoComplete="off" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} placeholder="wss://nats.example.com:443" />
        <span className="field-hint">Ask whoever runs your organisation’s NATS server. It starts with wss:// (ws:// only for a server on this computer).</span>
      </div>
    </>
  );
}
