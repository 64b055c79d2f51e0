import { BenchReport, markdown, Ratio, targetsMissed } from "../../tools/bench";
import { ApiCallEstimate } from "../../tools/bench/api-calls";

// The bench's verdict (timing itself lives in `npm run bench`, never in a test): both ratios and the
// 1,000-groups figure are printed, and a missed target is named so the run exits 3.

const t = (label: string, medianMs: number) => ({ label, medianMs, runs: 7 });
const ratio = (measured: number, baseline: number, target: number): Ratio => ({
  measured: t("m", measured),
  baseline: t("b", baseline),
  ratio: measured / baseline,
  target,
});
const calls: ApiCallEstimate = {
  buckets: { "/api/v1/apps": 22, "/api/v1/groups": 12 } as ApiCallEstimate["buckets"],
  pushGroupMappings: 2000,
  byType: {},
  unmodelled: [],
};
const scale = (groups: number, ms: number) => ({
  groups,
  as: "names" as const,
  synth: t(`synth ${groups}`, ms),
  stacks: ["a"],
  calls,
  largestPlan: { stack: "a", calls: 14 },
});

function report(edit: Partial<BenchReport> = {}): BenchReport {
  return {
    node: "v20",
    runs: 7,
    appCommand: "node tools/run.js app",
    modules: ["@cdktf/provider-okta/lib/app-oauth"],
    app: ratio(360, 330, 1.2),
    appBundle: ratio(420, 330, Infinity),
    clis: { runbook: ratio(420, 400, 1.5), "stack-order": ratio(90, 85, 1.5) },
    npm: ratio(340, 90, Infinity),
    scaling: 2.2,
    scales: [scale(10, 400), scale(100, 480), scale(1000, 880)],
    ...edit,
  };
}

test("every target met: nothing missed; the Markdown has the app and CLI ratios and the 1,000-groups figure", () => {
  expect(targetsMissed(report())).toEqual([]);
  const text = markdown(report());
  expect(text).toContain("| app command `node tools/run.js app`, config/example.json | 360 ms | 330 ms | 1.09x floor");
  expect(text).toContain(
    "| `npm run runbook` (`node tools/run.js runbook`) | 420 ms | 400 ms | 1.05x in-process | <= 1.5x: yes |",
  );
  expect(text).toContain("| 1000 groups | 880 ms | 2.20x 10 groups | <= 3x: yes |");
});

test("each missed target is named: app over 1.2x the floor, a CLI over 1.5x, 1,000 groups over 3x", () => {
  const missed = targetsMissed(
    report({ app: ratio(400, 330, 1.2), clis: { diff: ratio(200, 80, 1.5) }, scaling: 3.4 }),
  );
  expect(missed).toEqual([
    "the app command took 1.21x the floor (target <= 1.2x)",
    "diff took 2.50x its in-process work (target <= 1.5x)",
    "synth at 1,000 groups took 3.40x 10 groups (target <= 3x)",
  ]);
  expect(markdown(report({ app: ratio(400, 330, 1.2) }))).toContain("<= 1.2x: **no**");
});
