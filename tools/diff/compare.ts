import { type DestructiveChange, destructiveChanges } from "./destructive";
import { flatten } from "./flatten";
import type { Block, StackModel, SynthModel } from "./load";
import { hasSecretName, redact } from "./redact";

/** One leaf attribute that differs; `old`/`new` are absent when the attribute is. Values are redacted. */
export interface AttributeChange {
  path: string;
  old?: unknown;
  new?: unknown;
}

export interface BlockRef {
  name: string;
  constructPath?: string;
  /** For an added resource: a removed one of the same type with identical attributes. */
  possiblyMovedFrom?: string;
}

export interface BlockChange {
  name: string;
  constructPath?: string;
  changes: AttributeChange[];
}

export interface BlockDiff {
  added: BlockRef[];
  removed: BlockRef[];
  changed: BlockChange[];
}

export type StackStatus = "added" | "removed" | "changed" | "unchanged";

export interface StackDiff {
  name: string;
  status: StackStatus;
  possiblyRenamedFrom?: string;
  possiblyRenamedTo?: string;
  resources: BlockDiff;
  outputs: BlockDiff;
  variables: BlockDiff;
  /** Backend, required providers, provider configuration, stack dependencies. */
  settings: AttributeChange[];
}

export interface Counts {
  added: number;
  removed: number;
  changed: number;
}

export interface Diff {
  base: string;
  head: string;
  changed: boolean;
  /** Changes that lose state, access or provisioning; a reviewer reads these first. */
  destructive: DestructiveChange[];
  summary: {
    stacks: Counts & { unchanged: number };
    resources: Counts;
    outputs: Counts;
    variables: Counts;
    settings: number;
  };
  stacks: StackDiff[];
}

type Kind = "resources" | "outputs" | "variables";

/** The attribute that holds an output's or variable's value, which `sensitive: true` protects. */
const VALUE_ATTRIBUTE: Partial<Record<Kind, string>> = { outputs: "value", variables: "default" };

/** Stacks whose resource addresses overlap at least this much are reported as a possible rename. */
const RENAME_SIMILARITY = 0.5;

function isValuePath(path: string, attribute: string): boolean {
  return path === attribute || path.startsWith(`${attribute}.`) || path.startsWith(`${attribute}[`);
}

function protectsValue(kind: Kind, name: string, path: string, blocks: (Block | undefined)[]): boolean {
  const attribute = VALUE_ATTRIBUTE[kind];
  if (!attribute || !isValuePath(path, attribute)) return false;
  return hasSecretName(name) || blocks.some((b) => b?.attributes.sensitive === true);
}

function diffAttributes(
  base: Record<string, unknown>,
  head: Record<string, unknown>,
  sensitive: (path: string) => boolean,
): AttributeChange[] {
  const before = flatten(base);
  const after = flatten(head);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: AttributeChange[] = [];
  for (const path of paths) {
    const [old, now] = [before.get(path), after.get(path)];
    if (before.has(path) && after.has(path) && JSON.stringify(old) === JSON.stringify(now)) continue;
    const hidden = sensitive(path);
    changes.push({
      path,
      ...(before.has(path) ? { old: redact(old, path, hidden) } : {}),
      ...(after.has(path) ? { new: redact(now, path, hidden) } : {}),
    });
  }
  return changes;
}

function ref(name: string, block: Block): BlockRef {
  return { name, ...(block.constructPath ? { constructPath: block.constructPath } : {}) };
}

function resourceType(address: string): string {
  return address.slice(0, address.lastIndexOf("."));
}

/**
 * A resource whose construct path (and so its address) changed but whose attributes did not is
 * destroyed and re-created by Terraform: point at the likely original so a `moved` block can be added.
 */
function markMoves(diff: BlockDiff, base: Record<string, Block>, head: Record<string, Block>): void {
  const unmatched = new Set(diff.removed.map((r) => r.name));
  for (const added of diff.added) {
    const same = JSON.stringify(head[added.name].attributes);
    const origin = [...unmatched].find(
      (name) => resourceType(name) === resourceType(added.name) && JSON.stringify(base[name].attributes) === same,
    );
    if (origin) {
      added.possiblyMovedFrom = origin;
      unmatched.delete(origin);
    }
  }
}

function diffBlocks(kind: Kind, base: Record<string, Block>, head: Record<string, Block>): BlockDiff {
  const diff: BlockDiff = { added: [], removed: [], changed: [] };
  const names = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
  for (const name of names) {
    const [old, now] = [base[name], head[name]];
    if (!old) diff.added.push(ref(name, now));
    else if (!now) diff.removed.push(ref(name, old));
    else {
      const changes = diffAttributes(old.attributes, now.attributes, (path) =>
        protectsValue(kind, name, path, [old, now]),
      );
      if (changes.length > 0) diff.changed.push({ ...ref(name, now), changes });
    }
  }
  if (kind === "resources") markMoves(diff, base, head);
  return diff;
}

function emptyStack(name: string): StackModel {
  return { name, resources: {}, outputs: {}, variables: {}, settings: {} };
}

function isEmpty(d: BlockDiff): boolean {
  return d.added.length + d.removed.length + d.changed.length === 0;
}

function diffStack(name: string, base: StackModel | undefined, head: StackModel | undefined): StackDiff {
  const [old, now] = [base ?? emptyStack(name), head ?? emptyStack(name)];
  const resources = diffBlocks("resources", old.resources, now.resources);
  const outputs = diffBlocks("outputs", old.outputs, now.outputs);
  const variables = diffBlocks("variables", old.variables, now.variables);
  // An added or removed stack's settings are its whole configuration: nothing to compare them with.
  const settings = base && head ? diffAttributes(old.settings, now.settings, () => false) : [];
  let status: StackStatus = "unchanged";
  if (!base) status = "added";
  else if (!head) status = "removed";
  else if (![resources, outputs, variables].every(isEmpty) || settings.length > 0) status = "changed";
  return { name, status, resources, outputs, variables, settings };
}

function similarity(a: StackModel, b: StackModel): number {
  const [x, y] = [new Set(Object.keys(a.resources)), new Set(Object.keys(b.resources))];
  const shared = [...x].filter((k) => y.has(k)).length;
  const union = new Set([...x, ...y]).size;
  return union === 0 ? 0 : shared / union;
}

/** A renamed stack is a removed one plus an added one; pair them when their resources mostly match. */
function markRenames(stacks: StackDiff[], base: SynthModel, head: SynthModel): void {
  const removed = stacks.filter((s) => s.status === "removed");
  for (const added of stacks.filter((s) => s.status === "added")) {
    let best: StackDiff | undefined;
    let bestScore = RENAME_SIMILARITY;
    for (const candidate of removed) {
      const score = similarity(base[candidate.name], head[added.name]);
      if (!candidate.possiblyRenamedTo && score >= bestScore) [best, bestScore] = [candidate, score];
    }
    if (best) {
      added.possiblyRenamedFrom = best.name;
      best.possiblyRenamedTo = added.name;
    }
  }
}

function count(stacks: StackDiff[], kind: Kind): Counts {
  const sum = (pick: (d: BlockDiff) => unknown[]) => stacks.reduce((n, s) => n + pick(s[kind]).length, 0);
  return { added: sum((d) => d.added), removed: sum((d) => d.removed), changed: sum((d) => d.changed) };
}

/** Compares two synthesized apps. `labels` name the two sides for the reader (a git ref, a directory). */
export function compare(base: SynthModel, head: SynthModel, labels: { base: string; head: string }): Diff {
  const names = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
  const stacks = names.map((name) => diffStack(name, base[name], head[name]));
  markRenames(stacks, base, head);
  const withStatus = (status: StackStatus) => stacks.filter((s) => s.status === status).length;
  return {
    ...labels,
    changed: stacks.some((s) => s.status !== "unchanged"),
    destructive: destructiveChanges(stacks, base, head),
    summary: {
      stacks: {
        added: withStatus("added"),
        removed: withStatus("removed"),
        changed: withStatus("changed"),
        unchanged: withStatus("unchanged"),
      },
      resources: count(stacks, "resources"),
      outputs: count(stacks, "outputs"),
      variables: count(stacks, "variables"),
      settings: stacks.reduce((n, s) => n + s.settings.length, 0),
    },
    stacks,
  };
}
