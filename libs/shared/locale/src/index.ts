export * from './shanghai';
export * from './yuan';
