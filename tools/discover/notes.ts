import { ZeroTrustObject } from "../check/cloudflare-api";
import { OktaAppSummary } from "../check/okta-api";
import { serviceText } from "../check/redact";

/** What discover found, what the first plan will change, and what a person must decide; each step adds to them. */
export interface Notes {
  readonly found: string[];
  /** Where the hand-made setup differs from what the draft declares: the first plan changes these. */
  readonly differences: string[];
  readonly questions: string[];
}

/** Text the services sent, as printed: nothing token-shaped, no control characters (see redact.ts). The draft keeps it exact. */
export const shown = (text: unknown) => serviceText(String(text), []);
export const app = (a: OktaAppSummary) => `"${shown(a.label)}" (${shown(a.id)})`;
export const obj = (o: ZeroTrustObject) => `"${shown(o.name)}" (${shown(o.id)})`;
export const names = (values: readonly string[]) => values.map((v) => `"${shown(v)}"`).join(", ") || "none";
