/**
 * The chair's session writes (decide, finalize, reopen) in a connected
 * cycle go out as events to the committee (renderer/db/connected/local.ts),
 * applied here at once and everywhere from the stream. In a cycle that is
 * not connected they are the one-machine commands, unchanged. A member's
 * app in a connected cycle does not decide: it follows the chair's.
 */
import { commands } from '../../db/commands';
import { useSessionConnection } from '../../db/connected-hooks';
import type { DecisionDraft } from '../../db/sessions';

const CHAIR_ONLY = 'In a connected session only the chair decides, finalizes and reopens; this app shows the chair’s decisions as they arrive.';

export function useSessionWrites(sessionId: string) {
  const connection = useSessionConnection(sessionId);
  const connected = !!connection && connection.identity.role !== 'manager';
  const chair = connected && connection.identity.role === 'chair';
  const refuse = () => Promise.reject(new Error(CHAIR_ONLY));
  return {
    async saveDecision(input: DecisionDraft, at: string): Promise<{ decidedAt: string; outcome: DecisionDraft['outcome'] }> {
      if (!connected) return commands.saveDecision(input, at);
      if (!chair) return refuse();
      await commands.chairDecide(input, at);
      return { decidedAt: at, outcome: input.outcome };
    },
    async finalize(at: string): Promise<void> {
      if (!connected) await commands.finalizeSession(sessionId, at);
      else if (chair) await commands.chairFinalize(sessionId, at);
      else await refuse();
    },
    async reopen(reason: string, at: string): Promise<void> {
      if (!connected) await commands.reopenSession(sessionId, reason, at);
      else if (chair) await commands.chairReopen(sessionId, reason, at);
      else await refuse();
    },
  };
}
