import { expectReadmeStates } from '@bangfu/testing';
import { describe, it } from 'vitest';
import { SUPPLIER_STATE_MACHINES } from './admission';

describe('README States section', () => {
  it('is what the state machines generate (npm run docs:states rewrites it)', () => {
    expectReadmeStates(new URL('../README.md', import.meta.url), SUPPLIER_STATE_MACHINES);
  });
});
