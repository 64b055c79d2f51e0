/** Type-checking runs separately (npm run typecheck); jest only transpiles, which keeps it fast. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true }] },
};
