/**
 * Type-checking runs separately (npm run typecheck); jest only transpiles (isolatedModules in
 * tsconfig.json makes ts-jest transpile each file alone), which keeps it fast.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  setupFiles: ["<rootDir>/test/jest.setup.ts"],
  transform: { "^.+\\.ts$": "ts-jest" },
};
