/** Type-checking runs separately (npm run typecheck); jest only transpiles (isolatedModules), which keeps it fast. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.ts$": "ts-jest" },
};
