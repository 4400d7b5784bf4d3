/**
 * Real values at every boundary (issue 12): the impossible dates and
 * timestamps the fuzzing found are refused by the shared schemas, with one
 * sentence naming the field and the value; cross-field checks of a row; rows
 * that name rows that do not exist; and a backup whose audit chain is broken.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CycleSchema, DecisionSchema, IsoDateSchema, IsoTimestampSchema, PacketSchema, danglingReferences, type ReferencedRecords } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { openBundle, type BundleContent } from '../../../shared/exchange/bundle-format';
import { createBackup, openBackup, type BackupTables } from '../../../shared/backup/backup-format';
import { canonicalJson, sha256Hex } from '../../../shared/exchange/canonical-json';
import { timestampProblem } from '../../../shared/util/dates';
import { refusalFrom } from '../../../shared/util/refusal';
import { calibrationRows } from '../../fixtures/db/calibration-rows';

const AT = '2026-11-02T10:00:00.000Z';

function sampleContent(): BundleContent {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
  return { cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets };
}

/** A plain bundle around any content with a correct checksum: what a buggy or hostile exporter could write. */
async function handMade(content: unknown): Promise<string> {
  const checksum = await sha256Hex(canonicalJson(content));
  return JSON.stringify({ format: 'levelset.bundle', schemaVersion: 1, createdAt: AT, appVersion: '0.1.0', encrypted: false, checksum: { algorithm: 'SHA-256', value: checksum }, content });
}

describe('dates and timestamps', () => {
  it.each(['2026-00-15', '0000-01-01', '2026-02-30', '2026-13-01', '2101-01-01', '1969-12-31'])('refuses the date %s', (date) => {
    const result = IsoDateSchema.safeParse(date);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toContain(`“${date}”`);
  });

  it.each([
    '2026-02-30T10:00:00.000Z', // no such day
    '2026-00-15T10:00:00.000Z',
    '0000-01-01T00:00:00.000Z', // before 1970
    '2026-01-01T24:00:00.000Z', // no such hour
    '2026-01-01T10:60:00.000Z',
    '2026-01-01T10:00:60.000Z',
    '2101-01-01T00:00:00.000Z', // past 2100
    '9999-12-31T23:59:59.999Z',
    '2026-01-01T10:00:00.000', // no zone: not an instant
    '2026-01-01 10:00:00Z',
    '2026-01-01T10:00:00.000+02:00', // a real instant, but not the stored (UTC) form
  ])('refuses the timestamp %s', (value) => {
    const result = IsoTimestampSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
  });

  it('accepts real instants at the edges of the range', () => {
    for (const value of ['1970-01-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '2100-12-31T23:59:59.999Z', '2026-03-14T09:30:00Z']) {
      expect(IsoTimestampSchema.safeParse(value).success).toBe(true);
    }
  });

  it('reads offsets as instants: the range is checked in UTC', () => {
    expect(timestampProblem('2026-03-14T09:30:00+05:30')).toBeNull();
    // 23:59 at UTC-01:00 on the last day is already 2101 in UTC.
    expect(timestampProblem('2100-12-31T23:59:00-01:00')).toMatch(/outside the years/);
    expect(timestampProblem('2026-03-14T09:30:00+24:00')).toMatch(/offset/);
  });

  it('refuses a bundle with an impossible evidence date, naming the item, the field and the value', async () => {
    const content = sampleContent();
    const evidence = content.evidence.map((e, i) => (i === 2 ? { ...e, date: '2026-02-30' } : e));
    const result = await openBundle(await handMade({ ...content, evidence }));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.field).toBe('evidence[2].date');
    expect(result.error.message).toBe("The bundle's content is not valid: evidence[2].date: “2026-02-30” is not a real calendar date");
  });

  it('refuses a bundle whose submitted packet says something its snapshot does not', async () => {
    // Found trying the chair's flow: an edited summary beside the frozen one was imported, and the packet showed it.
    const content = sampleContent();
    const at = content.packets.findIndex((p) => p.status === 'submitted' && p.snapshot);
    const packets = content.packets.map((p, i) => (i === at ? { ...p, summary: 'Rewritten in the file after the submission.' } : p));
    const result = await openBundle(await handMade({ ...content, packets }));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.field).toBe(`packets[${at}].summary`);
    expect(result.error.message).toContain('differs from what was submitted (its snapshot)');
  });

  it('refuses a bundle whose packet was updated past 2100', async () => {
    const content = sampleContent();
    const packets = content.packets.map((p, i) => (i === 0 ? { ...p, updatedAt: '2150-01-01T00:00:00.000Z' } : p));
    const result = await openBundle(await handMade({ ...content, packets }));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.field).toBe('packets[0].updatedAt');
    expect(result.error.message).toContain('outside the years Levelset accepts (1970 to 2100)');
  });
});

describe('cross-field checks', () => {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });

  it('a cycle closes on or after it opens, and its evidence window ends on or after it starts', () => {
    expect(CycleSchema.safeParse(sample.cycle).success).toBe(true);
    expect(CycleSchema.safeParse({ ...sample.cycle, opensOn: sample.cycle.closesOn }).success).toBe(true);
    const closes = CycleSchema.safeParse({ ...sample.cycle, opensOn: '2026-06-01', closesOn: '2026-05-31' });
    expect(closes.error?.issues.map((i) => i.path.join('.'))).toEqual(['closesOn']);
    const window = CycleSchema.safeParse({ ...sample.cycle, evidenceFrom: '2026-01-02', evidenceTo: '2026-01-01' });
    expect(window.error?.issues.map((i) => i.path.join('.'))).toEqual(['evidenceTo']);
  });

  it('a packet is not submitted before it was created', () => {
    const packet = sample.packets[0]!;
    const created = '2026-05-01T10:00:00.000Z';
    expect(PacketSchema.safeParse({ ...packet, createdAt: created, updatedAt: created, submittedAt: created }).success).toBe(true);
    const early = PacketSchema.safeParse({ ...packet, createdAt: created, updatedAt: created, submittedAt: '2026-04-30T10:00:00.000Z' });
    expect(early.error?.issues.map((i) => i.path.join('.'))).toEqual(['submittedAt']);
  });

  it('a submitted revision is what its snapshot froze: summary, what is not there yet, ratings and notes, target level', () => {
    const submitted = sample.packets.find((p) => p.status === 'submitted' && p.snapshot && Object.keys(p.assessments).length > 0)!;
    expect(PacketSchema.safeParse(submitted).success).toBe(true);
    expect(PacketSchema.safeParse({ ...submitted, status: 'superseded' }).success).toBe(true);
    const [first] = Object.keys(submitted.assessments) as [string];
    const edits: Array<[string, Partial<typeof submitted>]> = [
      ['summary', { summary: `${submitted.summary} (edited in the file)` }],
      ['notYetDoing', { notYetDoing: 'Written after the submission.' }],
      ['assessments', { assessments: { ...submitted.assessments, [first]: { rating: 'consistently', note: 'Upgraded in the file.' } } }],
      ['targetLevelId', { targetLevelId: null }],
    ];
    for (const [field, edit] of edits) {
      const parsed = PacketSchema.safeParse({ ...submitted, ...edit });
      expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`), field).toEqual([`${field}: differs from what was submitted (its snapshot): a submitted revision is read-only`]);
    }
    // A draft has no snapshot to differ from.
    const draft = sample.packets.find((p) => p.status === 'draft')!;
    expect(PacketSchema.safeParse({ ...draft, summary: 'Still being written' }).success).toBe(true);
  });

  it('a decision is not decided before it was created (the same instant written two ways is not "before")', async () => {
    const { decisions } = await calibrationRows(sample);
    const decision = decisions[0]!;
    expect(DecisionSchema.safeParse({ ...decision, createdAt: '2026-05-01T10:00:00.000Z', decidedAt: '2026-05-01T10:00:00Z' }).success).toBe(true);
    const early = DecisionSchema.safeParse({ ...decision, createdAt: '2026-05-01T10:00:00.000Z', decidedAt: '2026-05-01T09:59:59.999Z' });
    expect(early.error?.issues.map((i) => i.path.join('.'))).toEqual(['decidedAt']);
  });
});

describe('references between rows', () => {
  let tables: BackupTables;
  let text: string;
  beforeAll(async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
    const cal = await calibrationRows(sample);
    tables = { frameworks: [sample.framework], cycles: [sample.cycle], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets, sessions: cal.sessions, votes: cal.votes, decisions: cal.decisions, audit: cal.audit, meta: cal.meta };
    text = await createBackup(tables, { createdAt: AT, appVersion: 'test', databaseVersion: 2 });
  });

  it('finds none in consistent records', () => {
    expect(danglingReferences(tables)).toEqual([]);
  });

  const kinds: Array<[keyof ReferencedRecords, string, string]> = [
    ['cycles', 'frameworkVersionId', 'framework version'],
    ['candidates', 'cycleId', 'cycle'],
    ['evidence', 'candidateId', 'candidate'],
    ['evidence', 'cycleId', 'cycle'],
    ['packets', 'candidateId', 'candidate'],
    ['packets', 'cycleId', 'cycle'],
    ['sessions', 'cycleId', 'cycle'],
    ['sessions', 'candidateIds', 'candidate'],
    ['votes', 'sessionId', 'session'],
    ['votes', 'candidateId', 'candidate'],
    ['decisions', 'sessionId', 'session'],
    ['decisions', 'candidateId', 'candidate'],
  ];
  it.each(kinds)('finds a %s row whose %s names nothing', (table, field, target) => {
    const rows = tables[table] as unknown as Array<Record<string, unknown>>;
    const edited = rows.map((row, i) => (i === 0 ? { ...row, [field]: Array.isArray(row[field]) ? ['ghost'] : 'ghost' } : row));
    const found = danglingReferences({ ...tables, [table]: edited } as ReferencedRecords);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ table, index: 0, field, missing: 'ghost' });
    expect(found[0]?.message).toMatch(new RegExp(`names ${target} "ghost", which does not exist\\.$`));
    // Ids known to exist elsewhere (already in the database) are not dangling.
    expect(danglingReferences({ ...tables, [table]: edited } as ReferencedRecords, { [found[0]!.table === table ? targetTable(field) : table]: ['ghost'] })).toEqual([]);
  });

  /** Edits the parsed backup and writes it back with a checksum that fits. */
  async function resealed(edit: (t: Record<string, Array<Record<string, unknown>>>) => void): Promise<string> {
    const file = JSON.parse(text) as { tables: Record<string, Array<Record<string, unknown>>>; checksum: { value: string } };
    edit(file.tables);
    file.checksum.value = await sha256Hex(canonicalJson(file.tables));
    return JSON.stringify(file);
  }

  it('openBackup refuses a vote for a candidate that does not exist, naming it', async () => {
    const result = await openBackup(
      await resealed((t) => {
        t.votes![0]!.candidateId = 'nobody';
      }),
    );
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.code).toBe('invalid');
    expect(result.error.field).toBe('tables.votes[0].candidateId');
    expect(result.error.message).toContain('names candidate "nobody", which does not exist.');
  });

  it('openBackup refuses a backup whose audit chain is broken, even when records and head agree', async () => {
    const result = await openBackup(
      await resealed((t) => {
        // Rewrite what the first entry says it did; its hash no longer covers it.
        t.audit![0]!.actor = 'someone else';
      }),
    );
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.code).toBe('tampered');
    expect(result.error.field).toBe('tables.audit');
    expect(result.error.message).toMatch(/^The backup's audit trail is broken at entry 0 /);
  });
});

function targetTable(field: string): keyof ReferencedRecords {
  if (field === 'frameworkVersionId') return 'frameworks';
  if (field === 'cycleId') return 'cycles';
  if (field === 'sessionId') return 'sessions';
  return 'candidates';
}

describe('refusals stay short', () => {
  it('refuses deeply nested JSON with a sentence, not a stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    // A deep value where the checksum has to read it: the bundle's content.
    const envelope = `"format":"levelset.bundle","schemaVersion":1,"createdAt":"2026-01-01T00:00:00.000Z","appVersion":"1","encrypted":false,"checksum":{"algorithm":"SHA-256","value":"${'0'.repeat(64)}"}`;
    const bundle = await openBundle(`{${envelope},"content":{"candidates":${deep}}}`);
    const backup = await openBackup(`{"format":"levelset.backup","x":${deep}}`);
    for (const result of [bundle, backup]) {
      if (result.ok) throw new Error('expected a refusal');
      expect(result.error.message).toBe('The file nests more than 64 levels deep (line 1), so it was not read.');
    }
    // A deep value the checks never walk (the header is refused first) is refused by the header's sentence.
    const headerFirst = await openBundle(`{"format":"levelset.bundle","x":${deep}}`);
    if (headerFirst.ok) throw new Error('expected a refusal');
    expect(headerFirst.error.message).toBe('The bundle is damaged: schemaVersion must be a whole number from 1 to 2.');
  });

  it('names a huge bad value in a few words, not the value', async () => {
    const content = sampleContent();
    const candidates = content.candidates.map((c, i) => (i === 0 ? { ...c, name: 'x'.repeat(70_000) } : c));
    const result = await openBundle(await handMade({ ...content, candidates }));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.message).toBe("The bundle's content is not valid: candidates[0].name: is longer than 200 characters");
  });

  it('says a missing field is missing and a wrong type by its type', async () => {
    const content = sampleContent();
    const { title: _dropped, ...untitled } = content.evidence[0]!;
    const evidence = [untitled, { ...content.evidence[1]!, links: { 0: 'x' } }, ...content.evidence.slice(2)];
    const result = await openBundle(await handMade({ ...content, evidence }));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.issues?.map((i) => i.message)).toEqual(['evidence[0].title: is missing', 'evidence[1].links: should be a list, not an object']);
  });
});

describe('refusalFrom', () => {
  it('says a stack overflow as nesting, and never shows an object or a stack', () => {
    expect(refusalFrom(new RangeError('Maximum call stack size exceeded'), 'The bundle')).toBe('The bundle is nested too deeply to be read.');
    expect(refusalFrom({ toString: () => '[object Object]' }, 'The backup')).toBe('The backup could not be read.');
    const error = new Error(`bad ${'x'.repeat(5_000)}\n    at parse (file.js:1:1)`);
    const text = refusalFrom(error, 'The file');
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text).not.toMatch(/\n| at parse/);
  });

  it('words the first zod issue of a thrown ZodError', () => {
    const thrown = (() => {
      try {
        IsoDateSchema.parse('2026-02-30');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(refusalFrom(thrown, 'The request')).toBe('The request is not valid: “2026-02-30” is not a real calendar date.');
  });
});
