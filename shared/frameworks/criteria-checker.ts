/**
 * Flags criteria that cannot be judged fairly, for the framework editor and
 * import preview.
 *
 * Grounded in the seeds' "common failures": vague transition criteria
 * ("demonstrates leadership potential", "shows strategic thinking", "has
 * executive presence") mean different things to different managers and are
 * proxies for gut feel; a criterion must be specific enough to generate
 * evidence. Tenure-based promotion ("N years at level") is the most common
 * failure of all: promotion confirms what is already true, it does not
 * reward time served. Very short criteria ("Leadership") have the same
 * problem as vague ones.
 *
 * Time spans measured in quarters are deliberately not flagged: "operates at
 * the next level for two to three quarters" is the sustained-evidence rule the
 * product is built on, not tenure.
 *
 * The structural validator for the editor lives in validate.ts and is
 * re-exported here so the editor imports its checks from one place.
 */
import type { Criterion, Framework } from '../domain/framework';

export { validateFramework, type FrameworkEntity, type FrameworkIssue } from './validate';

export type CriterionFindingKind = 'vague' | 'tenure' | 'too-short';

export interface CriterionFinding {
  criterionId: string;
  kind: CriterionFindingKind;
  /** The words that triggered the finding, as written in the criterion. */
  phrase: string;
  reason: string;
}

interface PhraseRule {
  pattern: RegExp;
  reason: string;
}

const GUT_FEEL = 'It means different things to different managers, so it works as a proxy for gut feel rather than a criterion.';

/** Vague phrases, each with why it cannot generate evidence. Patterns are case-insensitive. */
export const VAGUE_PHRASES: readonly PhraseRule[] = [
  {
    // "demonstrates leadership potential", "high-potential"
    pattern: /\b(?:(?:shows?|showing|demonstrates?|demonstrating|displays?|has|have)\s+)?(?:leadership|high|strong|great|growth|future|huge|untapped|management)[-\s]potential\b/i,
    reason: `Potential is a forecast, not something anyone has seen happen. ${GUT_FEEL} Name what the person has already led or done.`,
  },
  {
    // "shows potential", "has a lot of potential to…", but not "highlights potential security issues"
    pattern:
      /\b(?:shows?|showing|demonstrates?|demonstrating|displays?|has|have|with)\s+(?:(?:the|a|lots?\s+of|great|real|clear|strong|high)\s+)*potential(?=\s*(?:$|[.,;:!?)]|(?:to|for|as|and|in|at|beyond)\b))/i,
    reason: `Potential is a forecast, not something anyone has seen happen. ${GUT_FEEL} Name what the person has already done.`,
  },
  {
    pattern: /\b(?:shows?|showing|demonstrates?|demonstrating|displays?|exhibits?|has|have)\s+(?:strong\s+|good\s+|clear\s+|real\s+|technical\s+|natural\s+)*leadership(?:\s+(?:skills|qualities|abilities|ability))?\b/i,
    reason: `"Shows leadership" is the usual example, in guides to writing career ladders, of a non-criterion. ${GUT_FEEL} Say what was led (a design, an incident, a project) and what came out of it.`,
  },
  {
    pattern: /\b(?:natural|born)[-\s]leader\b|\bleadership qualities\b/i,
    reason: `A trait, not a behaviour. ${GUT_FEEL} Describe what the person does that others follow.`,
  },
  {
    pattern: /\bstrategic(?:ally)?\s+think(?:ing|er|s)?\b|\bthinks?\s+strategically\b|\bstrategic\s+mindset\b/i,
    reason: `"Shows strategic thinking" is a vague transition criterion that guides to writing career ladders warn about. ${GUT_FEEL} Name the decision or plan that shows it (e.g. "wrote the two-year roadmap for the payments platform").`,
  },
  {
    pattern: /\bexecutive\s+presence\b|\bgravitas\b/i,
    reason: `"Executive presence" is named as a non-criterion in guides to writing career ladders; it rewards how someone comes across, which invites bias. Describe the outcome instead (e.g. "presents the quarterly plan to the leadership team and gets a decision").`,
  },
  {
    pattern: /\b(?:good|great|strong|excellent|effective)\s+communicator\b|\bcommunicates\s+well\b|\b(?:good|great|strong|excellent)\s+communication(?:\s+skills)?\b/i,
    reason: `A judgement of style with no observable outcome. Say what is communicated, to whom, and what it changes (e.g. "writes design docs that other teams can review without a meeting").`,
  },
  {
    pattern: /\bteam[-\s]player\b/i,
    reason: `Describes fitting in, not a behaviour; different managers read it differently. Name the collaboration (e.g. "reviews teammates' pull requests within a day").`,
  },
  {
    pattern: /\bthinks?\s+big\b|\bbig[-\s]picture\b|\bvisionary\b/i,
    reason: `Sounds like scope but names none. Say the size of the problem owned (a component, a system, a domain) and what was delivered.`,
  },
  {
    pattern: /\bculture[-\s](?:fit|add)\b|\bfits?\s+(?:in(?:to)?\s+)?(?:the|our)\s+culture\b/i,
    reason: `"Culture fit" rewards being similar to the people judging; it is a route for bias into promotion. Name the practice the person upholds instead.`,
  },
  {
    pattern: /\bpassion(?:ate)?\b/i,
    reason: `Enthusiasm is not evidence, and it favours whoever advocates loudest. Describe what the person does with it.`,
  },
  {
    pattern: /\b(?:rock\s?star|ninja|10x(?:\s+engineer)?|superstar|high[-\s]performer|top[-\s]performer)\b/i,
    reason: `A label, not a behaviour. ${GUT_FEEL}`,
  },
  {
    pattern: /\bgo(?:es)?\s+above\s+and\s+beyond\b|\bgo(?:es)?\s+the\s+extra\s+mile\b/i,
    reason: `Rewards visible extra effort, not the level's work, and every manager measures "beyond" from a different baseline. Name the result.`,
  },
  {
    pattern: /\bself[-\s]starter\b|\b(?:good|great|positive|right|can-do)\s+attitude\b/i,
    reason: `A personality description with no observable result. ${GUT_FEEL}`,
  },
  {
    pattern: /\b(?:good|strong|excellent|great|solid)\s+(?:technical\s+|engineering\s+|people\s+|interpersonal\s+|problem[-\s]solving\s+)?skills\b/i,
    reason: `Says "good at it" without saying at what. Name the task and what done well looks like.`,
  },
  {
    pattern: /\b(?:is|being)\s+(?:very\s+)?(?:smart|talented|gifted|brilliant)\b/i,
    reason: `A judgement of the person rather than of their work. ${GUT_FEEL}`,
  },
];

const NUMBER_WORD = '(?:\\d+(?:\\.\\d+)?\\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|a\\s+few|several|many|a\\s+couple\\s+of|a\\s+number\\s+of)';
const SPAN = `${NUMBER_WORD}\\s*(?:-\\s*${NUMBER_WORD}\\s*)?(?:or\\s+more\\s+)?(?:years?|yrs?|months?)`;

const TENURE_REASON =
  'Time served is not a criterion. Promotion confirms that the person already operates at the next level; promoting because a number of years has passed is one of the most common ways promotions go wrong. Replace it with what the person does.';

/** Phrases that reward time served. */
export const TENURE_PHRASES: readonly PhraseRule[] = [
  {
    // "5 years at level", "two years in the role", "18 months in this position", "3 years of experience", "5+ years' experience"
    pattern: new RegExp(
      `\\b${SPAN}(?:['’]|\\s+of)?\\s+(?:(?:professional|relevant|industry|engineering|work|prior)\\s+)?(?:experience|service|tenure|seniority)\\b|\\b${SPAN}\\s+(?:at|in|on)\\s+(?:(?:the|this|their|a|his|her|current|previous)\\s+)*(?:level|role|position|grade|job|band|company)\\b`,
      'i',
    ),
    reason: TENURE_REASON,
  },
  {
    // "has been at this level for two years", "served 3 years"
    pattern: new RegExp(
      `\\b(?:been|served|stayed|remained)\\s+(?:(?:at|in|on)\\s+(?:(?:the|this|their|a|current)\\s+)*(?:level|role|position|grade|band|company)\\s+)?(?:for\\s+)?(?:at\\s+least\\s+|over\\s+|more\\s+than\\s+)?${SPAN}`,
      'i',
    ),
    reason: TENURE_REASON,
  },
  {
    // "at least 3 years", "minimum of two years"
    pattern: /\b(?:at\s+least|minimum\s+(?:of\s+)?)\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:years?|yrs?)\b/i,
    reason: TENURE_REASON,
  },
  {
    pattern: /\btenure\b|\btime\s+(?:in|at)\s+(?:the\s+)?(?:role|level|grade|position|band|company)\b|\btime[-\s]served\b|\blength\s+of\s+service\b|\byears\s+of\s+(?:experience|service)\b|\blong[-\s]serving\b/i,
    reason: TENURE_REASON,
  },
];

/** Shorter than this many words, a criterion cannot say what is done and how it would be seen. */
export const MIN_CRITERION_WORDS = 3;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Findings for one criterion's text; `criterionId` is filled in by `checkCriteria`. */
export function checkCriterionText(text: string): Array<Omit<CriterionFinding, 'criterionId'>> {
  const findings: Array<Omit<CriterionFinding, 'criterionId'>> = [];
  const trimmed = text.trim();
  if (trimmed === '') {
    return [{ kind: 'too-short', phrase: '', reason: 'The criterion is empty.' }];
  }
  if (wordCount(trimmed) < MIN_CRITERION_WORDS) {
    findings.push({
      kind: 'too-short',
      phrase: trimmed,
      reason: `Too short to generate evidence (under ${MIN_CRITERION_WORDS} words). Say what the person does and how you would see it done.`,
    });
  }
  const taken: Array<{ kind: CriterionFindingKind; from: number; to: number }> = [];
  for (const [kind, rules] of [
    ['vague', VAGUE_PHRASES],
    ['tenure', TENURE_PHRASES],
  ] as const) {
    for (const rule of rules) {
      const match = rule.pattern.exec(trimmed);
      if (!match || match[0].trim() === '') continue;
      const from = match.index;
      const to = from + match[0].length;
      // Several rules can catch the same words ("demonstrates leadership
      // potential"); report each stretch of text once per kind.
      if (taken.some((t) => t.kind === kind && from < t.to && t.from < to)) continue;
      taken.push({ kind, from, to });
      findings.push({ kind, phrase: match[0].trim(), reason: rule.reason });
    }
  }
  return findings;
}

/** Findings for every criterion, in the framework's order. */
export function checkCriteria(framework: Pick<Framework, 'criteria'> | readonly Pick<Criterion, 'id' | 'text'>[]): CriterionFinding[] {
  const criteria = 'criteria' in framework ? framework.criteria : framework;
  return criteria.flatMap((c) => checkCriterionText(c.text).map((f) => ({ criterionId: c.id, ...f })));
}
