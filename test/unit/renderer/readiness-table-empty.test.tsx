// @vitest-environment jsdom
/**
 * A fairness readiness table with no group to list says why in words. A re-test found its headers over an empty body
 * in a finalized blind session: the attribute was withheld, and the sentence saying so was only in a rule no one saw.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WITHHELD_SENTENCE } from '../../../shared/calibration/fairness-groups';
import { ReadinessTable } from '../../../renderer/features/calibration/views/fairness-tables';

afterEach(() => cleanup());

describe('ReadinessTable', () => {
  it('says the attribute is withheld instead of drawing an empty table', () => {
    render(<ReadinessTable title="Readiness rate by gender" metric={{ metric: 'readiness', rule: '', reference: null, series: [], withheld: WITHHELD_SENTENCE }} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(`Readiness rate by gender: ${WITHHELD_SENTENCE}`)).toBeTruthy();
  });
});
