/** A promotion cycle: pins one framework version and an evidence window. */
import { z } from 'zod';
import { labelText } from './label-text';
import { IdSchema, IsoDateSchema, TrackedSchema } from './ids';

export const CycleStatusSchema = z.enum(['open', 'in-calibration', 'closed']);

export const CycleSchema = TrackedSchema.extend({
  id: IdSchema,
  name: labelText().min(1, 'a cycle needs a name'),
  opensOn: IsoDateSchema,
  closesOn: IsoDateSchema,
  /** The framework version this cycle is judged against; moved only deliberately. */
  frameworkVersionId: IdSchema,
  /** Evidence dated inside this window counts; by default the four quarters before closing. */
  evidenceFrom: IsoDateSchema,
  evidenceTo: IsoDateSchema,
  status: CycleStatusSchema.default('open'),
}).superRefine((cycle, ctx) => {
  // ISO dates compare as text; the same day for both ends is allowed.
  if (cycle.closesOn < cycle.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: `the cycle closes (${cycle.closesOn}) before it opens (${cycle.opensOn})` });
  if (cycle.evidenceTo < cycle.evidenceFrom) ctx.addIssue({ code: 'custom', path: ['evidenceTo'], message: `the evidence window ends (${cycle.evidenceTo}) before it starts (${cycle.evidenceFrom})` });
});
export type Cycle = z.infer<typeof CycleSchema>;
