/**
 * The boundary around every route and the print view: a render error in one
 * view shows what failed and how to get out, instead of unmounting the whole
 * app (React removes the tree above an uncaught render error, which left a
 * blank window with no way back). The shell keys it by page, so moving to
 * another page starts with a fresh boundary (and another tab of a session
 * clears the error); "Reload view" renders the same
 * view again. Each error is logged once, through the platform bridge.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../../shared/util/error-message';

export const PRINT_FAILED_ATTRIBUTE = 'data-print-failed';

interface Props {
  /** The route shown inside, for the log and the message (e.g. "decisions"). */
  route: string;
  /**
   * Set around the print view: a failure is also put on the document as
   * `data-print-failed` (the message), so the desktop PDF export, which
   * waits for `data-print-ready`, fails at once with it (electron/print.ts).
   */
  printView?: boolean;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Bumped by "Reload view" so the view mounts again from scratch (its hooks re-read the database). */
  attempt: number;
}

/** The error in one short line: messages can be huge (a whole record) or not an Error at all. */
export function shortErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : 'an unexpected error';
  const line = (text.split('\n')[0] ?? '').trim() || 'an unexpected error';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(shortErrorMessage(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const message = errorMessage(error);
    const stack = [error instanceof Error ? error.stack : undefined, info.componentStack].filter(Boolean).join('\n');
    // The bridge (with its IPC schemas) is loaded here rather than with the startup chunk.
    void import('../platform/bridge')
      .then(({ getPlatform }) => getPlatform().logError({ message, route: this.props.route, ...(stack ? { stack } : {}) }))
      .catch(() => undefined);
    if (this.props.printView) document.documentElement.setAttribute(PRINT_FAILED_ATTRIBUTE, shortErrorMessage(error));
  }

  override componentDidUpdate(previous: Props): void {
    // Kept across a session's tabs (the shell keys it by page): another tab is another view, so a failed one is not shown over it.
    if (previous.route !== this.props.route && this.state.error) this.reload();
  }

  override componentWillUnmount(): void {
    if (this.props.printView) document.documentElement.removeAttribute(PRINT_FAILED_ATTRIBUTE);
  }

  private readonly reload = () => {
    if (this.props.printView) document.documentElement.removeAttribute(PRINT_FAILED_ATTRIBUTE);
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
  };

  private readonly goToStart = () => {
    // The default route; if the failing view is already the start, "#/" still changes the hash and re-keys the boundary.
    window.location.hash = window.location.hash === '#/frameworks' ? '#/' : '#/frameworks';
  };

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (!error) return <ViewAttempt key={attempt}>{this.props.children}</ViewAttempt>;
    return (
      <section className="error-boundary" role="alert" aria-labelledby="error-boundary-title">
        <h1 id="error-boundary-title">This view could not be shown: {shortErrorMessage(error)}</h1>
        <p>The rest of Levelset still works, and nothing was changed. Reload the view to try again, or go to the start.</p>
        <div className="error-boundary-actions">
          <button type="button" className="button button-primary" onClick={this.reload}>
            Reload view
          </button>
          <button type="button" className="button button-secondary" onClick={this.goToStart}>
            Go to start
          </button>
        </div>
      </section>
    );
  }
}

/** A keyed wrapper so a reload remounts the children rather than reusing their failed state. */
function ViewAttempt({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
