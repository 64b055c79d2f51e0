import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { runMain } from "../support/run-main";

interface BadConfigCase {
  /** Fixture file name; a name that does not exist tests the missing-file message. */
  readonly file: string;
  readonly why?: string;
  /** Each must appear in the message. */
  readonly fragments: string[];
  /** None may appear in the message (e.g. a credential pasted into the config). */
  readonly absent?: string[];
}

const dir = join(__dirname, "..", "fixtures", "bad-configs");
const cases = JSON.parse(readFileSync(join(dir, "cases.json"), "utf8")) as BadConfigCase[];

describe("bad configs through the synth entry point", () => {
  test("the corpus covers every fixture and at least 30 cases", () => {
    const fixtures = readdirSync(dir).filter((f) => f !== "cases.json");
    expect(
      cases
        .map((c) => c.file)
        .filter((f) => existsSync(join(dir, f)))
        .sort(),
    ).toEqual(fixtures.sort());
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(existsSync(join(dir, "does-not-exist.json"))).toBe(false);
  });

  test.each(cases.map((c) => [c.file, c] as const))("%s", (_, c) => {
    const { code, stderr, outdir } = runMain(join(dir, c.file));
    expect(code).toBe(1);
    for (const fragment of c.fragments) expect(stderr).toContain(fragment);
    for (const text of c.absent ?? []) expect(stderr).not.toContain(text);
    // One message for a person: no stack trace, and nothing synthesized from a bad config.
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toContain("Synth failed");
    expect(existsSync(outdir)).toBe(false);
  });
});
