/**
 * Candidates: for a manager or the chair, the people considered in the
 * active cycle, with their current and target levels and how much evidence
 * has been logged. Searchable by name, manager or team; archived candidates
 * are hidden unless asked for.
 *
 * Routes: `#/candidates` the list, `#/candidates/new` the form for a new
 * candidate, `#/candidates/<id>` the candidate's page with their evidence
 * log, `#/candidates/<id>/edit` the form for an existing candidate.
 *
 * The candidate's page and the forms are chunks of their own, loaded when
 * first shown: they bring the write path, its schemas and the commands,
 * which the list does not need before its first rows (issue 13).
 */
import { lazy, Suspense } from 'react';
import { Loading } from '../../components/loading';
import { CandidateList } from './candidate-list';
import './candidates.css';

const CandidatePage = lazy(() => import('./candidate-page').then((m) => ({ default: m.CandidatePage })));
const NewCandidateForm = lazy(() => import('./candidate-form').then((m) => ({ default: m.NewCandidateForm })));
const EditCandidateForm = lazy(() => import('./candidate-form').then((m) => ({ default: m.EditCandidateForm })));

export function CandidatesView({ params = [] }: { params?: string[] }) {
  const [first, second] = params;
  if (!first) return <CandidateList />;
  return (
    <Suspense fallback={<Loading what={first === 'new' ? 'the form' : 'the candidate'} />}>
      {first === 'new' ? <NewCandidateForm /> : second === 'edit' ? <EditCandidateForm key={first} id={first} /> : <CandidatePage key={first} id={first} />}
    </Suspense>
  );
}
