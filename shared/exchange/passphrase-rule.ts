/**
 * What a passphrase for a file that leaves the machine (a bundle, an
 * exported backup) must be, checked the same way in both export forms.
 */
export const MIN_PASSPHRASE_LENGTH = 8;

/** Shown beside the passphrase fields. */
export const PASSPHRASE_HINT = `At least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are easy to remember and hard to guess. A forgotten passphrase cannot be recovered.`;

/** What is wrong with a passphrase and its repetition, and which of the two fields it is about (to mark and focus); null when they can be used. */
export function passphraseFault(passphrase: string, repeated: string): { field: 'passphrase' | 'repeated'; message: string } | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return { field: 'passphrase', message: `Use at least ${MIN_PASSPHRASE_LENGTH} characters.` };
  if (passphrase !== repeated) return { field: 'repeated', message: 'The two passphrases differ.' };
  return null;
}

/** Why the passphrase and its repetition cannot be used, or null. */
export function passphraseProblem(passphrase: string, repeated: string): string | null {
  return passphraseFault(passphrase, repeated)?.message ?? null;
}
