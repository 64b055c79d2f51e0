import { CheckStatus, CheckSummary, Runbook, RunbookApp, RunbookStep } from "./model";

/** The whole runbook as Markdown: what `npm run runbook` prints, and `npm run check` with each step's check. */
export function renderMarkdown(rb: Runbook): string {
  const intro = rb.summary ? checkIntro(rb.name, rb.summary) : runbookIntro(rb.name);
  return [intro, ...rb.apps.map(renderAppMarkdown)].join("\n\n") + "\n";
}

function runbookIntro(name: string): string {
  return [
    `# Runbook: ${name}`,
    "",
    "What Terraform cannot do for this setup, in the order of Cloudflare's guides. Steps marked [x] are done by Terraform",
    "and listed to keep that order. Commands print values from the deployed stacks: run them after `cdktf deploy`, in a",
    "private terminal (some print secrets).",
  ].join("\n");
}

function checkIntro(name: string, s: CheckSummary): string {
  return [
    `# Runbook check: ${name}`,
    "",
    "Each step against what the live Okta and Cloudflare APIs show. Steps marked [x] are done by Terraform or seen done;",
    '"NOT DONE" means an API shows the step is not done; "could not check" says why no API shows it.',
    "",
    `**${s.pass} done, ${s.fail} not done, ${s.unknown} could not check.**`,
  ].join("\n");
}

const checkWords: Record<CheckStatus, string> = { pass: "done", fail: "NOT DONE", unknown: "could not check" };

/** One app's steps: a section of the runbook, and the `runbook` output of the app's stack. */
export function renderAppMarkdown(app: RunbookApp): string {
  return [`## ${app.label} (${app.app})`, "", ...app.steps.map((s, i) => renderStep(s, i + 1))].join("\n");
}

function renderStep(step: RunbookStep, n: number): string {
  const marker = `${n}. `;
  // Sub-items nest under a list item only when indented past its marker ("10. " is wider than "9. ").
  const item = (text: string) => `${" ".repeat(marker.length)}- ${text}`;
  const ticked = step.done || step.check?.status === "pass";
  const lines = [`${marker}[${ticked ? "x" : " "}] **${step.title}**`];
  if (step.check) lines.push(item(`Check: ${checkWords[step.check.status]} — ${step.check.detail}`));
  lines.push(item(`Where: ${step.where}`), item(`${step.done ? "" : "Do: "}${step.action}`));
  // One group per line: a name may hold a comma ("IT Help-Desk, Tier 2"), so a joined list would misread.
  if (step.groups !== undefined)
    lines.push(
      item(`Groups:${step.groups.length === 0 ? " none" : ""}`),
      ...step.groups.map((g) => `  ${item(code(g))}`),
    );
  else if (step.value !== undefined) lines.push(item(`Value: ${code(step.value)}`));
  if (step.command !== undefined) lines.push(item(`Get it: ${code(step.command)}`));
  for (const note of step.notes ?? []) lines.push(item(`Note: ${note}`));
  return lines.join("\n");
}

/** An inline code span that survives backticks in the text. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 || text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
