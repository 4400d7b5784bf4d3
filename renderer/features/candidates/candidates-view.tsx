/**
 * Candidates: for a manager or the chair, the people considered in the
 * active cycle, with their current and target levels and how much evidence
 * has been logged. Searchable by name, manager or team; archived candidates
 * are hidden unless asked for.
 *
 * Routes: `#/candidates` the list, `#/candidates/new` the form for a new
 * candidate, `#/candidates/<id>` the candidate's page with their evidence
 * log, `#/candidates/<id>/edit` the form for an existing candidate.
 */
import { CandidateList } from './candidate-list';
import { CandidatePage } from './candidate-page';
import { EditCandidateForm, NewCandidateForm } from './candidate-form';
import './candidates.css';

export function CandidatesView({ params = [] }: { params?: string[] }) {
  const [first, second] = params;
  if (first === 'new') return <NewCandidateForm />;
  if (first && second === 'edit') return <EditCandidateForm key={first} id={first} />;
  if (first) return <CandidatePage key={first} id={first} />;
  return <CandidateList />;
}
