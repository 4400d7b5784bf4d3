/**
 * Words, glyphs and small formatting the session views share: outcome and
 * status labels, rating glyphs, level names and durations. (Blind mode's
 * redaction of names is shared/calibration/blind.ts, applied in the data hook.)
 */
import type { AssessmentRating, Framework, Level, Outcome, Session } from '../../../../shared/domain';
import { OUTCOME_LABELS, OUTCOMES } from '../../../../shared/calibration/common';
import { RATING_TEXT } from '../views/rating';
import { levelCodeOf, levelOf } from '../../../../shared/domain/level-lookup';

export const OUTCOME_CHOICES: ReadonlyArray<{ value: Outcome; label: string }> = OUTCOMES.map((value) => ({ value, label: OUTCOME_LABELS[value] }));

export function outcomeLabel(outcome: Outcome | null | undefined): string {
  return outcome ? OUTCOME_LABELS[outcome] : '—';
}

export const STATUS_LABEL: Record<Session['status'], string> = { planned: 'Planned', live: 'Live', finalized: 'Finalized' };

export const ROLE_LABEL: Record<Session['members'][number]['role'], string> = { chair: 'Chair', member: 'Member', 'hr-partner': 'HR partner' };
/** The role inside a sentence: "(chair)", but "(HR partner)", not "(hr partner)". */
export const ROLE_IN_SENTENCE: Record<Session['members'][number]['role'], string> = { chair: 'chair', member: 'member', 'hr-partner': 'HR partner' };

/** A glyph and a word for every rating, so the rating never rests on colour. A rating as the session's views show it: the glyph and the word of the analysis views (views/rating.tsx), in full. */
export const RATING_VIEW: Record<AssessmentRating | 'none', { glyph: string; label: string }> = {
  consistently: { glyph: RATING_TEXT.consistently.glyph, label: RATING_TEXT.consistently.long },
  partially: { glyph: RATING_TEXT.partially.glyph, label: RATING_TEXT.partially.long },
  'not-yet': { glyph: RATING_TEXT['not-yet'].glyph, label: RATING_TEXT['not-yet'].long },
  none: { glyph: RATING_TEXT.none.glyph, label: RATING_TEXT.none.long },
};

export function levelName(framework: Pick<Framework, 'levels'>, id: string | null | undefined): string {
  if (!id) return 'No level';
  const level = levelOf(framework, id);
  return level ? `${level.code} ${level.title}` : 'Unknown level';
}

export function levelCode(framework: Pick<Framework, 'levels'>, id: string | null | undefined): string {
  if (!id) return '—';
  return levelCodeOf(framework, id, 'Unknown level');
}

/** Levels grouped by track in ladder order, for selects and checkbox groups. */
export function levelsByTrack(framework: Pick<Framework, 'tracks' | 'levels'>): Array<{ trackId: string; trackName: string; levels: Level[] }> {
  return framework.tracks.map((t) => ({
    trackId: t.id,
    trackName: t.name,
    levels: framework.levels.filter((l) => l.trackId === t.id).sort((a, b) => a.order - b.order),
  }));
}

/** "IC4.2": the level code and the criterion's position in its level (the shared rule). */
export { criterionCodes } from '../../../../shared/domain/framework';

/** Seconds as "m:ss" (or "h:mm:ss"). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export { plural } from '../../../../shared/util/plural';
