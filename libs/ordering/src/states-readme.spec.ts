import { expectReadmeStates } from '@bangfu/testing';
import { describe, it } from 'vitest';
import { ORDERING_STATE_MACHINES } from './order-transitions';

describe('README States section', () => {
  it('is what the state machines generate (npm run docs:states rewrites it)', () => {
    expectReadmeStates(new URL('../README.md', import.meta.url), ORDERING_STATE_MACHINES);
  });
});
