import { readFileSync } from 'node:fs';
import { readStatesSection, type StateMachine, statesSection } from '@bangfu/core';
import { expect } from 'vitest';

/** Fails when a lib README's States section is not what its machine definitions generate. */
export function expectReadmeStates(readme: URL, machines: readonly StateMachine<any, any, any>[]): void {
  const section = readStatesSection(readFileSync(readme, 'utf8'));
  expect(section, `${readme.pathname}: run npm run docs:states`).toBe(statesSection(machines));
}
