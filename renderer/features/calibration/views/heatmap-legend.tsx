/** The heatmap's legend: what each fill, "4 ev" and "↻3q" mean, so no colour stands alone. */
import { COVERAGE_SCALE } from './palette';
import { RATING_TEXT } from './rating';

export function Legend() {
  const steps = [
    { key: 'none', text: `${RATING_TEXT.none.glyph} ${RATING_TEXT.none.long}` },
    { key: 'not-yet', text: `${RATING_TEXT['not-yet'].glyph} ${RATING_TEXT['not-yet'].label}` },
    { key: 'partially', text: `${RATING_TEXT.partially.glyph} ${RATING_TEXT.partially.label}` },
    { key: 'consistently', text: `${RATING_TEXT.consistently.glyph} ${RATING_TEXT.consistently.label}` },
    { key: 'ready', text: `${RATING_TEXT.consistently.glyph} ${RATING_TEXT.consistently.label} and sustained` },
  ] as const;
  return (
    <ul className="cv-legend" aria-label="Legend">
      {steps.map((s) => (
        <li key={s.key}>
          <span className="cv-swatch" style={{ background: COVERAGE_SCALE[s.key] }} aria-hidden="true" />
          {s.text}
        </li>
      ))}
      <li>
        <span className="cv-legend-key">4 ev</span> evidence items linked
      </li>
      <li>
        <span className="cv-legend-key">↻3q</span> sustained, evidence in 3 quarters
      </li>
    </ul>
  );
}
