import { readdirSync } from "fs";
import { join, relative } from "path";

const testRoot = join(__dirname, "..");

/**
 * Loads every `*.spec.ts` under `dir` into this test file, each in a describe block named by its
 * path under test/ (e.g. `src/okta/groups`). One jest test file per area, not per spec: jest gives
 * each test file a fresh module registry, and loading cdktf and the providers into each cost more
 * than most specs' own tests. Run one spec with `npx jest test/src -t src/okta/groups`.
 */
export function describeSpecs(dir: string): void {
  for (const file of specFiles(dir)) {
    describe(relative(testRoot, file).replace(/\.spec\.ts$/, ""), () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the spec inside this describe
      require(file);
    });
  }
}

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) =>
      e.isDirectory() ? specFiles(join(dir, e.name)) : e.name.endsWith(".spec.ts") ? [join(dir, e.name)] : [],
    );
}
