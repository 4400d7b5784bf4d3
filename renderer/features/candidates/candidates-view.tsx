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
import { Lazy, lazyCode } from '../../components/lazy-code';
import { Loading } from '../../components/loading';
import { CandidateList } from './candidate-list';
import './candidates.css';

const CANDIDATE_PAGE = lazyCode(() => import('./candidate-page').then((m) => m.CandidatePage));
const NEW_CANDIDATE_FORM = lazyCode(() => import('./candidate-form').then((m) => m.NewCandidateForm));
const EDIT_CANDIDATE_FORM = lazyCode(() => import('./candidate-form').then((m) => m.EditCandidateForm));

export function CandidatesView({ params = [] }: { params?: string[] }) {
  const [first, second] = params;
  if (!first) return <CandidateList />;
  if (first === 'new') return <Lazy code={NEW_CANDIDATE_FORM} props={{}} fallback={<Loading what="the form" />} />;
  const fallback = <Loading what="the candidate" />;
  if (second === 'edit') return <Lazy key={`edit:${first}`} code={EDIT_CANDIDATE_FORM} props={{ id: first }} fallback={fallback} />;
  return <Lazy key={first} code={CANDIDATE_PAGE} props={{ id: first }} fallback={fallback} />;
}
