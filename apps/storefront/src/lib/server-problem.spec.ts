import { describe, expect, it } from 'vitest';
import { RequestError } from './graphql';
import { hasPath, serverProblemField } from './server-problem';

const refusal = (field?: unknown) =>
  new RequestError('BAD_USER_INPUT', 'refused', field === undefined ? {} : { field });
const values = { budget: '1', ratio: '10', variants: [{ retailPrice: '' }], choice: { role: 'PURCHASER' } };
const has = (name: string) => hasPath(values, name);

describe('serverProblemField', () => {
  it('names the form field the server refused, through the form’s own names', () => {
    expect(serverProblemField(refusal('ratio'), has)).toBe('ratio');
    expect(serverProblemField(refusal('canteenBudget'), has, { canteenBudget: 'budget' })).toBe('budget');
    expect(serverProblemField(refusal('role'), has, { role: 'choice.role' })).toBe('choice.role');
    expect(serverProblemField(refusal('variants[0].retailPrice'), has)).toBe('variants.0.retailPrice');
  });

  it('leaves a refusal without a field, or naming none of the form’s, to the page-level notice', () => {
    expect(serverProblemField(null, has)).toBeNull();
    expect(serverProblemField(refusal(), has)).toBeNull();
    expect(serverProblemField(refusal(42), has)).toBeNull();
    expect(serverProblemField(refusal('orgId'), has)).toBeNull();
    expect(serverProblemField(refusal('variants[3].retailPrice'), has)).toBeNull();
    expect(serverProblemField(refusal('toString'), has)).toBeNull();
  });
});
