export * from './enums';
export * from './org';
export * from './users';
export * from './columns';
export * from './articles';
export * from './media';
export * from './events';
export * from './site';
