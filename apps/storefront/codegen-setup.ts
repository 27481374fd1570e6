// Vitest global setup: the specs import src/api/generated, which is generated rather than committed, so
// write it before any of them loads (a file whose text is unchanged is left alone). A document that asks
// for something schema.graphql lacks fails the run here, with codegen's message.
import { generate } from '@graphql-codegen/cli';
import config from './codegen';

export default async function setup(): Promise<void> {
  await generate(config, true);
}
