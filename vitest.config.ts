import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Examples import the package by its names, as a user's code would.
    alias: [
      { find: /^steppenet$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^steppenet\/core$/, replacement: fileURLToPath(new URL('./src/core/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
