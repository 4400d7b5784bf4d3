/**
 * What a passphrase for a file that leaves the machine (a bundle, an
 * exported backup) must be, checked the same way in both export forms.
 */
export const MIN_PASSPHRASE_LENGTH = 8;

/** Shown beside the passphrase fields. */
export const PASSPHRASE_HINT = `At least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are easy to remember and hard to guess. A forgotten passphrase cannot be recovered.`;

/** Why the passphrase and its repetition cannot be used, or null. */
export function passphraseProblem(passphrase: string, repeated: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (passphrase !== repeated) return 'The two passphrases differ.';
  return null;
}

/** Which of the two fields a passphrase problem is about (the one to mark invalid and focus), or null. */
export function passphraseProblemField(passphrase: string, repeated: string): 'passphrase' | 'repeated' | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return 'passphrase';
  return passphrase !== repeated ? 'repeated' : null;
}
