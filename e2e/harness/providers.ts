import { compareVersions, TerraformJson } from "../../app/terraform-version";
import { GoBinary } from "./go-module";
import { satisfies } from "./versions";

/** A provider release, and the Go module version that builds it. */
export interface ProviderRelease extends GoBinary {
  /** Registry source address, e.g. "okta/okta". */
  readonly source: string;
  /** The release as Terraform sees it (the mirror's directory name), e.g. "4.20.0". */
  readonly release: string;
}

const OKTA = "github.com/okta/terraform-provider-okta";
const CLOUDFLARE = "github.com/cloudflare/terraform-provider-cloudflare";

/**
 * Releases the stacks can ask for. Neither module path carries /vN, so tags >= v2 are reachable
 * only as pseudo-versions of the tagged commit (v0.0.0-<UTC commit time>-<12 hex>). okta builds
 * its version in (a constant); cloudflare's main package reads `main.version`.
 */
export const providerReleases: readonly ProviderRelease[] = [
  {
    source: "okta/okta",
    release: "4.20.0",
    module: OKTA,
    version: "v0.0.0-20250610104238-1924ec5199ea",
    pkg: OKTA,
    ldflags: [],
  },
  {
    source: "okta/okta",
    release: "6.12.0",
    module: OKTA,
    version: "v0.0.0-20260610080325-e59c130b0b6e",
    pkg: OKTA,
    ldflags: [],
  },
  {
    source: "cloudflare/cloudflare",
    release: "5.14.0",
    module: CLOUDFLARE,
    version: "v0.0.0-20251206005714-262c3ddc4869",
    pkg: CLOUDFLARE,
    ldflags: ["-X main.version=5.14.0"],
  },
];

/** Every (source, constraint) the stacks' `required_providers` declare, each once. */
export function requiredProviders(stacks: readonly TerraformJson[]): Array<{ source: string; constraint: string }> {
  const seen = new Map<string, { source: string; constraint: string }>();
  for (const tf of stacks) {
    for (const p of Object.values<{ source: string; version: string }>(tf.terraform?.required_providers ?? {})) {
      seen.set(`${p.source} ${p.version}`, { source: p.source, constraint: p.version });
    }
  }
  // Code-point order: stable on every machine, whatever its locale.
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

/** The newest known release of `source` that meets `constraint`; throws naming what to add. */
export function releaseFor(source: string, constraint: string, releases = providerReleases): ProviderRelease {
  const fit = releases
    .filter((r) => r.source === source && satisfies(r.release, constraint))
    .sort((a, b) => compareVersions(b.release, a.release));
  if (fit.length === 0)
    throw new Error(
      `no known release of ${source} meets "${constraint}": add one to providerReleases in e2e/harness/providers.ts`,
    );
  return fit[0];
}

/** The releases a set of stacks needs, each once. */
export function releasesFor(stacks: readonly TerraformJson[], releases = providerReleases): ProviderRelease[] {
  const picked = requiredProviders(stacks).map((p) => releaseFor(p.source, p.constraint, releases));
  return [...new Set(picked)];
}
