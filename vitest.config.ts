import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: keep parallel files low so ffmpeg-heavy tests do not starve each other.
    maxWorkers: 2,
    pool: 'forks',
    globalSetup: ['tests/helpers/global-setup.ts'],
  },
});
