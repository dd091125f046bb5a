export * from './aggregate';
export * from './bfgs';
export * from './special-functions';
export * from './summary';
