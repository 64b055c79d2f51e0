/**
 * Type-checking runs separately (npm run typecheck); jest only transpiles (isolatedModules in
 * tsconfig.json makes ts-jest transpile each file alone), which keeps it fast.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // Both cores: jest's default on a 2-core machine is one worker, and the files are CPU-bound.
  maxWorkers: 2,
  setupFiles: ["<rootDir>/test/jest.setup.ts"],
  transform: { "^.+\\.ts$": "ts-jest" },
};
