import type { AttributeChange, BlockDiff, Counts, Diff, StackDiff } from "./compare";
import type { DestructiveChange, DestructiveKind } from "./destructive";
import { REDACTED } from "./redact";

/** Long values (policies, JSON documents) are cut so one attribute cannot flood the PR comment. */
const MAX_VALUE_LENGTH = 160;

function code(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function show(value: unknown): string {
  if (value === undefined) return "(none)";
  if (value === REDACTED) return REDACTED;
  const text = JSON.stringify(value);
  return code(text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text);
}

function changeLines(changes: AttributeChange[], indent: string): string[] {
  return changes.map((c) => `${indent}- ${code(c.path)}: ${show(c.old)} -> ${show(c.new)}`);
}

function counts(label: string, c: Counts): string {
  return `${label}: ${c.added} added, ${c.removed} removed, ${c.changed} changed`;
}

function blockSection(title: string, d: BlockDiff): string[] {
  if (d.added.length + d.removed.length + d.changed.length === 0) return [];
  const lines = [`**${title}**`, ""];
  for (const a of d.added) {
    const moved = a.possiblyMovedFrom
      ? ` (possibly moved from ${code(a.possiblyMovedFrom)}: Terraform destroys and re-creates it unless a \`moved\` block says so)`
      : "";
    lines.push(`- added ${code(a.name)}${moved}`);
  }
  for (const r of d.removed) lines.push(`- removed ${code(r.name)}`);
  for (const c of d.changed) lines.push(`- changed ${code(c.name)}`, ...changeLines(c.changes, "  "));
  return [...lines, ""];
}

function stackHeading(s: StackDiff): string {
  if (s.possiblyRenamedFrom) return `### ${code(s.name)}: added (possibly renamed from ${code(s.possiblyRenamedFrom)})`;
  if (s.possiblyRenamedTo) return `### ${code(s.name)}: removed (possibly renamed to ${code(s.possiblyRenamedTo)})`;
  return `### ${code(s.name)}: ${s.status}`;
}

function stackSection(s: StackDiff): string[] {
  const lines = [stackHeading(s), ""];
  // cdktf deploy neither moves state between stacks nor destroys a stack that left the app.
  if (s.possiblyRenamedFrom) {
    lines.push(
      "> A renamed stack gets a new Terraform state: its resources are created anew unless the state is moved.",
      "",
    );
  }
  if (s.status === "removed") {
    lines.push(
      `> \`cdktf deploy\` does not destroy a removed stack: run \`cdktf destroy ${s.name}\` from the base first, or its resources stay.`,
      "",
    );
  }
  lines.push(
    ...blockSection("Resources", s.resources),
    ...blockSection("Outputs", s.outputs),
    ...blockSection("Variables", s.variables),
  );
  if (s.settings.length > 0) lines.push("**Settings**", "", ...changeLines(s.settings, ""), "");
  return lines;
}

const KIND: Record<DestructiveKind, string> = {
  "state-moves": "state moves",
  replaced: "replaced",
  destroyed: "destroyed",
  "groups-unassigned": "members deprovisioned",
};

function destructiveEntry(d: DestructiveChange): string[] {
  const where = d.resource ? `${code(d.stack)} ${code(d.resource)}` : code(d.stack);
  return [`- **${where}: ${KIND[d.kind]}.** ${d.effect} **To do:** ${d.action}`, ...changeLines(d.causes ?? [], "  ")];
}

/** First in the comment, so the review cannot miss it and a cut comment still shows it. */
function destructiveSection(changes: DestructiveChange[]): string[] {
  if (changes.length === 0) return [];
  return ["## Destructive changes", "", ...changes.flatMap(destructiveEntry), ""];
}

/**
 * The diff as a pull-request comment: destructive changes (if any), heading, one summary line, a
 * section per stack that differs.
 */
export function renderMarkdown(diff: Diff): string {
  const lines = [
    ...destructiveSection(diff.destructive),
    `## Synthesized diff: ${code(diff.base)} -> ${code(diff.head)}`,
    "",
  ];
  if (!diff.changed) {
    lines.push("No changes: every stack synthesizes to the same Terraform configuration.");
    return lines.join("\n") + "\n";
  }
  const { stacks, resources, outputs, variables, settings } = diff.summary;
  lines.push(
    [
      `**Stacks: ${stacks.added} added, ${stacks.removed} removed, ${stacks.changed} changed, ${stacks.unchanged} unchanged**`,
      counts("resources", resources),
      counts("outputs", outputs),
      ...(variables.added + variables.removed + variables.changed > 0 ? [counts("variables", variables)] : []),
      ...(settings > 0 ? [`settings: ${settings} changed`] : []),
    ].join(" · "),
    "",
  );
  for (const s of diff.stacks) if (s.status !== "unchanged") lines.push(...stackSection(s));
  return lines.join("\n").trimEnd() + "\n";
}
