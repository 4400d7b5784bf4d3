/**
 * Votes on the candidate on screen: for each committee member a silent
 * pre-vote before the discussion and a final vote after it, each saved the
 * moment it is chosen. Pre-votes stay hidden (a vote is shown only as
 * "recorded") until someone presses "Reveal pre-votes", which the parent
 * keeps per candidate. Once final votes are in and the pre-votes revealed,
 * "How votes moved" says who changed their mind and by what rule.
 */
import { useState } from 'react';
import { tallyVotes, voteMovementSummary } from '../../../../shared/calibration/votes';
import type { Candidate, CommitteeMember, Framework, Outcome, Vote } from '../../../../shared/domain';
import { db } from '../../../db/database';
import { recordVote } from '../../../db/sessions';
import { useUiStore } from '../../../state/ui-store';
import { OUTCOME_CHOICES, ROLE_LABEL, levelCode, levelsByTrack, outcomeLabel } from './labels';

type Phase = Vote['phase'];

const PHASE_LABEL: Record<Phase, string> = { pre: 'Pre-vote', post: 'Final vote' };

export function voteGroupId(candidateId: string, memberId: string, phase: Phase): string {
  return `vote-${phase}-${candidateId}-${memberId}`;
}

function voteText(framework: Framework, vote: Pick<Vote, 'outcome' | 'levelId'> | undefined): string {
  if (!vote) return 'No vote';
  return vote.outcome === 'promote-other' ? `${outcomeLabel(vote.outcome)} (${levelCode(framework, vote.levelId)})` : outcomeLabel(vote.outcome);
}

interface CellDraft {
  picked?: Outcome;
  levelId?: string;
}

function VoteCell({
  sessionId,
  candidate,
  member,
  phase,
  vote,
  hidden,
  framework,
}: {
  sessionId: string;
  candidate: Candidate;
  member: CommitteeMember;
  phase: Phase;
  vote: Vote | undefined;
  hidden: boolean;
  framework: Framework;
}) {
  const announce = useUiStore((s) => s.announce);
  const [draft, setDraft] = useState<CellDraft>({});
  const groupId = voteGroupId(candidate.id, member.id, phase);
  const shown = hidden ? undefined : vote;
  const outcomeOnScreen = hidden ? draft.picked : (vote?.outcome ?? draft.picked);
  const levelOnScreen = draft.levelId ?? shown?.levelId ?? '';
  const otherLevels = levelsByTrack(framework)
    .map((t) => ({ ...t, levels: t.levels.filter((l) => l.id !== candidate.targetLevelId) }))
    .filter((t) => t.levels.length > 0);

  async function record(outcome: Outcome, levelId: string | null) {
    try {
      await recordVote(db, { sessionId, candidateId: candidate.id, memberId: member.id, phase, outcome, levelId: outcome === 'promote-other' ? levelId : null }, new Date().toISOString());
    } catch (error) {
      announce(`Could not record the ${PHASE_LABEL[phase].toLowerCase()} of ${member.name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  }

  function pick(outcome: Outcome) {
    setDraft((d) => ({ ...d, picked: outcome }));
    void record(outcome, draft.levelId ?? shown?.levelId ?? null);
  }

  function pickLevel(levelId: string) {
    setDraft({ picked: 'promote-other', levelId });
    void record('promote-other', levelId || null);
  }

  const legend = `${PHASE_LABEL[phase]} of ${member.name}`;
  return (
    <fieldset className="vote-cell" id={groupId} data-phase={phase}>
      <legend className="vote-cell-legend">
        {PHASE_LABEL[phase]} <span className="visually-hidden">of {member.name}</span>
      </legend>
      <div className="vote-options">
        {OUTCOME_CHOICES.map((o) => (
          <label key={o.value} className="vote-option">
            <input type="radio" name={groupId} value={o.value} checked={shown?.outcome === o.value} onChange={() => pick(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {outcomeOnScreen === 'promote-other' ? (
        <label className="vote-level">
          Level <span className="visually-hidden">for the {legend.toLowerCase()}</span>
          <select value={levelOnScreen} onChange={(e) => pickLevel(e.target.value)}>
            <option value="">Choose a level…</option>
            {otherLevels.map((t) => (
              <optgroup key={t.trackId} label={t.trackName}>
                {t.levels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.code} {l.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      ) : null}
      <p className="vote-state">
        {hidden ? (vote ? <><span aria-hidden="true">✓ </span>Recorded, hidden until the pre-votes are revealed</> : 'No pre-vote yet') : vote ? <><span aria-hidden="true">✓ </span>{voteText(framework, vote)}</> : `No ${PHASE_LABEL[phase].toLowerCase()} yet`}
      </p>
    </fieldset>
  );
}

export function VotesPanel({
  sessionId,
  candidate,
  members,
  votes,
  framework,
  revealed,
  onReveal,
  readOnly,
}: {
  sessionId: string;
  candidate: Candidate;
  members: CommitteeMember[];
  /** This candidate's votes in this session. */
  votes: Vote[];
  framework: Framework;
  revealed: boolean;
  onReveal: () => void;
  readOnly: boolean;
}) {
  const byKey = new Map(votes.map((v) => [`${v.memberId}:${v.phase}`, v]));
  const preCount = members.filter((m) => byKey.has(`${m.id}:pre`)).length;
  const postCount = members.filter((m) => byKey.has(`${m.id}:post`)).length;
  const showPre = revealed || readOnly;
  const tally = tallyVotes(votes, { candidateIds: [candidate.id], memberIds: members.map((m) => m.id) })[0];
  const summary = tally ? voteMovementSummary([tally]) : null;
  const memberName = new Map(members.map((m) => [m.id, m.name]));

  return (
    <section className="presenter-panel" aria-labelledby="presenter-votes-title">
      <div className="presenter-panel-head">
        <h3 id="presenter-votes-title">Votes</h3>
        <p className="muted">
          Pre-votes {preCount} of {members.length} · final votes {postCount} of {members.length}
        </p>
      </div>
      {readOnly ? null : (
        <div className="vote-reveal">
          {revealed ? (
            <p>Pre-votes are shown. They stay in the record as cast before the discussion.</p>
          ) : (
            <>
              <p>Pre-votes are silent: each member votes before the discussion, and the votes stay hidden until they are revealed.</p>
              <button type="button" className="button button-secondary" onClick={onReveal}>
                Reveal pre-votes
              </button>
            </>
          )}
        </div>
      )}
      <ul className="vote-members">
        {members.map((m) => (
          <li key={m.id} className="vote-member">
            <p className="vote-member-name">
              {m.name} <span className="muted">· {ROLE_LABEL[m.role]}</span>
            </p>
            {readOnly ? (
              <p className="vote-readonly">
                Pre-vote: <strong>{voteText(framework, byKey.get(`${m.id}:pre`))}</strong> · Final vote: <strong>{voteText(framework, byKey.get(`${m.id}:post`))}</strong>
              </p>
            ) : (
              <div className="vote-cells">
                <VoteCell key={`${candidate.id}:pre`} sessionId={sessionId} candidate={candidate} member={m} phase="pre" vote={byKey.get(`${m.id}:pre`)} hidden={!showPre} framework={framework} />
                <VoteCell key={`${candidate.id}:post`} sessionId={sessionId} candidate={candidate} member={m} phase="post" vote={byKey.get(`${m.id}:post`)} hidden={false} framework={framework} />
              </div>
            )}
          </li>
        ))}
      </ul>
      {tally && tally.post.total > 0 ? (
        <div className="vote-movement" aria-labelledby="presenter-movement-title">
          <h4 id="presenter-movement-title">How votes moved</h4>
          {showPre && summary ? (
            <>
              <p>
                <strong>
                  {summary.changed} of {summary.pairs}
                </strong>{' '}
                {summary.pairs === 1 ? 'member' : 'members'} who voted before and after the discussion changed their vote.
                {tally.pre.total > 0 && tally.pre.majority !== tally.post.majority ? ' The majority changed.' : ''}
              </p>
              <ul>
                {tally.movement.map((mv) => (
                  <li key={mv.memberId}>
                    {memberName.get(mv.memberId) ?? 'Former member'}: {mv.pre ? voteText(framework, { outcome: mv.pre, levelId: mv.preLevelId }) : 'no pre-vote'} →{' '}
                    {mv.post ? voteText(framework, { outcome: mv.post, levelId: mv.postLevelId }) : 'no final vote'}
                    {mv.changed ? <strong> (changed)</strong> : mv.pre && mv.post ? ' (same)' : ''}
                  </li>
                ))}
              </ul>
              <p className="field-hint">
                {summary.rule} Final votes: {tally.post.majorityRule.rule}
              </p>
            </>
          ) : (
            <p className="muted">Reveal the pre-votes to see how the discussion moved the votes.</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
