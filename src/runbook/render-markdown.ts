import { Runbook, RunbookApp, RunbookStep } from "./model";

/** The whole runbook as Markdown: what `npm run runbook` prints. */
export function renderMarkdown(rb: Runbook): string {
  const intro = [
    `# Runbook: ${rb.name}`,
    "",
    "What Terraform cannot do for this setup, in the order of Cloudflare's guides. Steps marked [x] are done by Terraform",
    "and listed to keep that order. Commands print values from the deployed stacks: run them after `cdktf deploy`, in a",
    "private terminal (some print secrets).",
  ].join("\n");
  return [intro, ...rb.apps.map(renderAppMarkdown)].join("\n\n") + "\n";
}

/** One app's steps: a section of the runbook, and the `runbook` output of the app's stack. */
export function renderAppMarkdown(app: RunbookApp): string {
  return [`## ${app.label} (${app.app})`, "", ...app.steps.map((s, i) => renderStep(s, i + 1))].join("\n");
}

function renderStep(step: RunbookStep, n: number): string {
  const marker = `${n}. `;
  // Sub-items nest under a list item only when indented past its marker ("10. " is wider than "9. ").
  const item = (text: string) => `${" ".repeat(marker.length)}- ${text}`;
  const lines = [`${marker}[${step.done ? "x" : " "}] **${step.title}**`, item(`Where: ${step.where}`), item(`${step.done ? "" : "Do: "}${step.action}`)];
  if (step.value !== undefined) lines.push(item(`Value: ${code(step.value)}`));
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
