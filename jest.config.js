/**
 * Type-checking runs separately (npm run typecheck); jest only transpiles (isolatedModules in
 * tsconfig.json makes ts-jest transpile each file alone), which keeps it fast.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // One test file per area (test/src.test.ts loads every test/src/**/*.spec.ts, see
  // test/support/specs.ts): each test file reloads cdktf and the providers, which cost more than
  // most specs. Folders of few, slow tests (examples/) keep their own test file.
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  // Both cores: jest's default on a 2-core machine is one worker, and the files are CPU-bound.
  maxWorkers: 2,
  // One temp folder per run, removed at its end (test/support/run-temp-dir.ts).
  globalSetup: "<rootDir>/test/global-setup.ts",
  globalTeardown: "<rootDir>/test/global-teardown.ts",
  // Jest's transform cache, kept out of the temp dir so a run leaves nothing there.
  cacheDirectory: "<rootDir>/node_modules/.cache/jest",
  setupFiles: ["<rootDir>/test/jest.setup.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/jest.after-env.ts"],
  transform: { "^.+\\.ts$": "ts-jest" },
};
