/**
 * The limits of a row and what a date is live in the shared schemas, once:
 * the write path refuses what the forms refuse, with the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { IsoTimestampSchema } from '../../../shared/domain/ids';
import { CANDIDATE_LIMITS, CandidateSchema, EVIDENCE_LIMITS, EvidenceSchema, IsoDateSchema, PACKET_LIMITS, PacketSchema } from '../../../shared/domain';

const AT = '2026-10-01T09:00:00.000Z';
const evidence = { id: 'e1', candidateId: 'c1', cycleId: 'y1', title: 'Ran the incident review', date: '2026-05-04', kind: 'incident', source: 'manager', createdAt: AT, updatedAt: AT };

describe('IsoDateSchema', () => {
  it('accepts real calendar dates, leap days included, and refuses impossible ones', () => {
    for (const date of ['2026-01-31', '2024-02-29', '2000-02-29', '2026-12-31']) expect(IsoDateSchema.safeParse(date).success, date).toBe(true);
    for (const date of ['2026-02-30', '2026-00-15', '2026-13-01', '2025-02-29', '1900-02-29', '2026-04-31', '2026-1-5']) expect(IsoDateSchema.safeParse(date).success, date).toBe(false);
  });

  it('refuses an evidence row dated on a day that does not exist', () => {
    expect(EvidenceSchema.safeParse(evidence).success).toBe(true);
    expect(EvidenceSchema.safeParse({ ...evidence, date: '2026-02-30' }).success).toBe(false);
  });
});

describe('row limits', () => {
  it('evidence: title, description, link length and link count', () => {
    expect(EvidenceSchema.safeParse({ ...evidence, title: 'x'.repeat(EVIDENCE_LIMITS.title) }).success).toBe(true);
    expect(EvidenceSchema.safeParse({ ...evidence, title: 'x'.repeat(EVIDENCE_LIMITS.title + 1) }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ ...evidence, description: 'x'.repeat(EVIDENCE_LIMITS.description + 1) }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ ...evidence, links: ['https://example.com/' + 'a'.repeat(EVIDENCE_LIMITS.link)] }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ ...evidence, links: Array.from({ length: EVIDENCE_LIMITS.links }, (_, i) => `https://example.com/${i}`) }).success).toBe(true);
    expect(EvidenceSchema.safeParse({ ...evidence, links: Array.from({ length: EVIDENCE_LIMITS.links + 1 }, (_, i) => `https://example.com/${i}`) }).success).toBe(false);
  });

  it('candidates: name, months in level and group attributes', () => {
    const candidate = { id: 'c1', cycleId: 'y1', name: 'Amara Okafor', manager: 'Alex Morgan', currentLevelId: 'l1', targetLevelId: 'l2', createdAt: AT, updatedAt: AT };
    expect(CandidateSchema.safeParse(candidate).success).toBe(true);
    expect(CandidateSchema.safeParse({ ...candidate, name: 'x'.repeat(CANDIDATE_LIMITS.name + 1) }).success).toBe(false);
    expect(CandidateSchema.safeParse({ ...candidate, timeInLevelMonths: CANDIDATE_LIMITS.monthsInLevel + 1 }).success).toBe(false);
    expect(CandidateSchema.safeParse({ ...candidate, groups: { ['k'.repeat(CANDIDATE_LIMITS.groupName + 1)]: 'v' } }).success).toBe(false);
    expect(CandidateSchema.safeParse({ ...candidate, groups: { location: 'v'.repeat(CANDIDATE_LIMITS.groupValue + 1) } }).success).toBe(false);
  });

  it('packets: summary, what they are not yet doing, and assessment notes', () => {
    const packet = { id: 'p1', candidateId: 'c1', cycleId: 'y1', targetLevelId: 'l2', revision: 1, status: 'draft', createdAt: AT, updatedAt: AT };
    expect(PacketSchema.safeParse({ ...packet, summary: 'x'.repeat(PACKET_LIMITS.summary) }).success).toBe(true);
    expect(PacketSchema.safeParse({ ...packet, summary: 'x'.repeat(PACKET_LIMITS.summary + 1) }).success).toBe(false);
    expect(PacketSchema.safeParse({ ...packet, notYetDoing: 'x'.repeat(PACKET_LIMITS.notYetDoing + 1) }).success).toBe(false);
    expect(PacketSchema.safeParse({ ...packet, assessments: { c1: { rating: 'partially', note: 'x'.repeat(PACKET_LIMITS.note + 1) } } }).success).toBe(false);
  });
});

describe('dates and timestamps remembered once they passed (issue 13)', () => {
  it('still refuses every bad value, with its own message, after many good ones and after the remembered set starts over', () => {
    const goodAt = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    // More good values than the set keeps, so it has started over at least once.
    for (let i = 0; i < 100_050; i++) expect(IsoTimestampSchema.safeParse(goodAt(i % 100_010)).success).toBe(true);
    for (let i = 0; i < 20_050; i++) expect(IsoDateSchema.safeParse(goodAt(i * 86_400).slice(0, 10)).success).toBe(true);
    const issue = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => r.error?.issues[0]?.message;
    expect(issue(IsoTimestampSchema.safeParse('2026-02-30T10:00:00.000Z'))).toBe('“2026-02-30T10:00:00.000Z” is not a real date and time (no such day)');
    expect(issue(IsoTimestampSchema.safeParse('2026-01-01T10:00:00.000+02:00'))).toBe('“2026-01-01T10:00:00.000+02:00” is not in UTC (expected it to end in Z)');
    expect(issue(IsoDateSchema.safeParse('2026-02-30'))).toBe('“2026-02-30” is not a real calendar date');
    expect(issue(IsoDateSchema.safeParse('2101-01-01'))).toBe('“2101-01-01” is outside the years 1970 to 2100');
    // A good value seen before is still good, and a bad one asked twice is refused twice.
    expect(IsoTimestampSchema.safeParse(goodAt(5)).success).toBe(true);
    expect(IsoTimestampSchema.safeParse('2026-02-30T10:00:00.000Z').success).toBe(false);
  });
});
