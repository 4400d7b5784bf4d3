export * from './ids';
export * from './framework';
export * from './cycle';
export * from './candidate';
export * from './evidence';
export * from './packet';
export * from './session';
export * from './audit';
