import { ProviderRelease } from "./providers";

/** Exit codes of `npm run test:e2e`; CI treats PROVIDERS_UNAVAILABLE as a loud skip, any other failure as a failure. */
export const EXIT = { PASSED: 0, FAILED: 1, PROVIDERS_UNAVAILABLE: 3 } as const;

/** The steps of one stack, in order; a stack stops at its first failing step. */
export const STEPS = ["init", "validate", "plan", "apply", "replan", "protected-destroy", "deleted-mapping"] as const;
export type Step = (typeof STEPS)[number];

export interface StackResult {
  readonly stack: string;
  /** The step that failed and why (one line); undefined when every step passed. */
  readonly failure?: { readonly step: Step; readonly reason: string };
}

/**
 * `e2e <stack>: validate=ok plan=ok apply=ok replan=no-changes` when every step passed; else the
 * steps that passed, then the failing one and why, e.g. `... apply=ok replan=failed (1 to change)`.
 */
export function summaryLine(result: StackResult): string {
  const ok: Record<Step, string | undefined> = {
    init: undefined,
    validate: "validate=ok",
    plan: "plan=ok",
    apply: "apply=ok",
    replan: "replan=no-changes",
    "protected-destroy": undefined,
    "deleted-mapping": undefined,
  };
  const failedAt = result.failure ? STEPS.indexOf(result.failure.step) : STEPS.length;
  const parts = STEPS.slice(0, failedAt).flatMap((s) => ok[s] ?? []);
  if (result.failure) parts.push(`${result.failure.step}=failed (${result.failure.reason})`);
  return `e2e ${result.stack}: ${parts.join(" ")}`;
}

/** The first error Terraform printed, on one line, without its box drawing. */
export function firstError(output: string): string {
  const lines = output.split("\n").map((l) => l.replace(/^[│╷╵] ?/, "").trimEnd());
  const i = lines.findIndex((l) => l.trim().startsWith("Error:"));
  if (i === -1)
    return (
      lines
        .filter((l) => l.trim())
        .slice(-1)[0]
        ?.trim() ?? "no output"
    );
  // The detail is the first unindented line after it; indented lines quote the source.
  const detail = lines.slice(i + 1).find((l) => l !== "" && !/^\s/.test(l));
  return [lines[i].trim().replace(/^Error:\s*/, ""), detail].filter(Boolean).join(": ");
}

/** What a plan would change, from its "Plan: 1 to add, 0 to change, 0 to destroy." line. */
export function planSummary(output: string): string {
  return /Plan: [^\n.]+/.exec(output)?.[0] ?? "changes planned";
}

/** A provider the proxy would not serve: one line naming the module, version and the proxy's error. */
export interface Unavailable {
  readonly release: ProviderRelease;
  readonly error: string;
}

export function unavailableLine(u: Unavailable): string {
  const module = `${u.release.module}@${u.release.version}`;
  // go starts its message with the module version, which the line names already.
  const error = u.error.startsWith(`${module}: `) ? u.error.slice(module.length + 2) : u.error;
  return `e2e providers unavailable: ${u.release.source} ${u.release.release}: Go module ${module}: ${error}`;
}
