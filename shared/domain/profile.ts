/**
 * The person using this copy of Levelset: named on every audit entry they
 * cause. On a committee's shared machine it is the chair's profile.
 */
import { z } from 'zod';
import { labelText } from './label-text';

export const ProfileSchema = z.object({
  name: labelText().trim().min(1, 'Give your name: it is recorded on every change you make.').max(120, 'Keep the name under 120 characters.'),
  role: labelText().trim().max(120, 'Keep the role under 120 characters.').default(''),
});
export type Profile = z.infer<typeof ProfileSchema>;

export { PROFILE_KEY } from './profile-keys';
