/**
 * The chair's session writes (decide, finalize, reopen) in a connected
 * cycle go out as events to the committee (renderer/db/connected/local.ts),
 * applied here at once and everywhere from the stream. In a cycle that is
 * not connected they are the one-machine commands, unchanged. A member's
 * app in a connected cycle does not decide: it follows the chair's.
 */
import { commands } from '../../db/app-commands';
import { sessionConnection } from '../../db/connection-hook';
import type { DecisionDraft } from '../../db/sessions';

const CHAIR_ONLY = 'In a connected session only the chair decides, finalizes and reopens; this app shows the chair’s decisions as they arrive.';

/**
 * How this app writes to the session, read at the moment of the write (not
 * from a live query, which is still loading on the first render: a write
 * then would take the one-machine path in a connected cycle and never
 * reach the committee).
 */
async function writerOf(sessionId: string): Promise<'local' | 'chair' | 'member'> {
  const connection = await sessionConnection(sessionId);
  if (!connection || connection.identity.role === 'manager') return 'local';
  return connection.identity.role === 'chair' ? 'chair' : 'member';
}

export function useSessionWrites(sessionId: string) {
  const refuse = () => Promise.reject(new Error(CHAIR_ONLY));
  return {
    async saveDecision(input: DecisionDraft, at: string): Promise<{ decidedAt: string; outcome: DecisionDraft['outcome']; unchanged?: true }> {
      const writer = await writerOf(sessionId);
      if (writer === 'local') return commands.saveDecision(input, at);
      if (writer === 'member') return refuse();
      await commands.chairDecide(input, at);
      return { decidedAt: at, outcome: input.outcome };
    },
    async finalize(at: string): Promise<void> {
      const writer = await writerOf(sessionId);
      if (writer === 'local') await commands.finalizeSession(sessionId, at);
      else if (writer === 'chair') await commands.chairFinalize(sessionId, at);
      else await refuse();
    },
    async reopen(reason: string, at: string): Promise<void> {
      const writer = await writerOf(sessionId);
      if (writer === 'local') await commands.reopenSession(sessionId, reason, at);
      else if (writer === 'chair') await commands.chairReopen(sessionId, reason, at);
      else await refuse();
    },
  };
}
