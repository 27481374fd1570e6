import { expectReadmeStates } from '@bangfu/testing';
import { describe, it } from 'vitest';
import { CERTIFICATION_STATE_MACHINES } from './certification.workflow';

describe('README States section', () => {
  it('is what the state machines generate (npm run docs:states rewrites it)', () => {
    expectReadmeStates(new URL('../README.md', import.meta.url), CERTIFICATION_STATE_MACHINES);
  });
});
