export * from './aggregate';
export * from './bfgs';
export * from './bgnbd';
export * from './bgnbd-fit';
export * from './bgnbd-likelihood';
export * from './special-functions';
export * from './summary';
