// The error model: its categories, codes and HTTP mapping (see ./steppenet-error.ts).
export * from './error-codes.js';
export * from './steppenet-error.js';
export * from './http-error.js';
