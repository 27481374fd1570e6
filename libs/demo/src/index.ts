export * from './demo-data';
export * from './seed';
export * from './demo-catalog';
export * from './seed-catalog';
export * from './demo-activity';
export * from './seed-activity';
