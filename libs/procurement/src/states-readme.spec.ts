import { expectReadmeStates } from '@bangfu/testing';
import { describe, it } from 'vitest';
import { PROCUREMENT_STATE_MACHINES } from './purchase-request.states';

describe('README States section', () => {
  it('is what the state machines generate (npm run docs:states rewrites it)', () => {
    expectReadmeStates(new URL('../README.md', import.meta.url), PROCUREMENT_STATE_MACHINES);
  });
});
