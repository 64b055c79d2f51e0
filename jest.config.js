/**
 * Type-checking runs separately (npm run typecheck); jest only transpiles (isolatedModules in
 * tsconfig.json makes ts-jest transpile each file alone), which keeps it fast.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // Tests mirror the code they test (test/src, test/app, test/tools, ...), one file per unit;
  // shared helpers live in test/support/.
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  // Both cores: jest's default on a 2-core machine is one worker, and the files are CPU-bound.
  maxWorkers: 2,
  // One temp folder per run, removed at its end (test/support/run-temp-dir.ts).
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  // Jest's transform cache, kept out of the temp dir so a run leaves nothing there.
  cacheDirectory: "<rootDir>/node_modules/.cache/jest",
  setupFiles: ["<rootDir>/test/support/jest.setup.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/support/jest.after-env.ts"],
  transform: { "^.+\\.ts$": "ts-jest" },
};
