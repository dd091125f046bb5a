export * from './special-functions';
