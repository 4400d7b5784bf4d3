/**
 * The tables whose rows the audit trail records and replays (meta, coverage
 * and the trail itself are not records). A module of its own, without zod,
 * because the database definition needs it and is in the app's startup chunk.
 */
export const AUDITED_TABLES = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets', 'sessions', 'votes', 'decisions'] as const;
