export * from './special-functions';
export * from './summary';
