import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One test file at a time: the end-to-end files hold Discord's 3-second acknowledgement window against a
    // stand-in in the same process, and a neighbouring file's CPU load on a 2-core machine must not eat into it.
    fileParallelism: false,
    coverage: { include: ['src/core/**', 'src/presenters/**'] },
  },
});
