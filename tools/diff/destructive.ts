import type { AttributeChange, StackDiff } from "./compare";
import { forcesReplacement } from "./force-new";
import type { Block, StackModel, SynthModel } from "./load";
import { redact } from "./redact";

export type DestructiveKind = "state-moves" | "replaced" | "destroyed" | "groups-unassigned";

const ORDER: DestructiveKind[] = ["state-moves", "destroyed", "replaced", "groups-unassigned"];

/** A change that loses state, access or provisioning: what happens and what to do, in plain words. */
export interface DestructiveChange {
  kind: DestructiveKind;
  stack: string;
  /** The resource's Terraform address (base side); absent for a state move. */
  resource?: string;
  effect: string;
  action: string;
  /** The attribute or backend changes behind it, redacted like the rest of the diff. */
  causes?: AttributeChange[];
  /** Okta groups no longer assigned to a SCIM app. */
  groups?: string[];
}

/** What losing each watched resource costs, and the config key that guards it. */
interface Role {
  name: (attributes: Record<string, unknown>) => string;
  loss: string;
  /** Config keys whose `false` lets it go (prevent_destroy). */
  optOut: string[];
  redo: string;
}

/** "the Okta SCIM app "Cloudflare Access SCIM"": the kind, and the resource's own name if it has one. */
const quoted = (key: string, kind: string) => (a: Record<string, unknown>) =>
  typeof a[key] === "string" ? `${kind} "${String(redact(a[key], key, false))}"` : kind;

const ROLES: Record<string, Role> = {
  cloudflare_zero_trust_access_identity_provider: {
    name: () => "the Zero Trust login method",
    loss: "nobody signs in to Access with Okta until a login method exists again, and a new one has a new ID and a new SCIM secret: Access SCIM stops until a person enters that secret in the Okta SCIM app",
    optOut: ["accessLogin.preventDestroy"],
    redo: "enter the new SCIM secret in Okta (`npm run runbook`)",
  },
  okta_app_oauth: {
    name: quoted("label", "the Okta OIDC app"),
    loss: "a new app has a new client ID and secret and no assignments yet: nobody signs in to Access with Okta until the login method has the new credentials",
    optOut: ["accessLogin.preventDestroy"],
    redo: "deploy the OIDC and Access stacks together",
  },
  okta_app_saml: {
    name: quoted("label", "the Okta SCIM app"),
    loss: "a new app provisions nothing until a person sets up its provisioning again (base URL, token, To App settings, pushed groups)",
    optOut: ["accessLogin.scim.preventDestroy", "dashboardScim.preventDestroy"],
    redo: "redo the app's steps (`npm run runbook`)",
  },
  cloudflare_account_token: {
    name: quoted("name", "the account token"),
    loss: "the old token stops working, and Okta's dashboard SCIM app fails to provision until a person enters the new one",
    optOut: ["dashboardScim.token.preventDestroy"],
    redo: "enter the new token in the Okta app (`npm run runbook`)",
  },
  cloudflare_zero_trust_access_application: {
    name: quoted("name", "the Access application"),
    loss: "a new application has a new AUD tag, so origins that check the old one in `Cf-Access-Jwt-Assertion` refuse every request until updated, and its domain is not behind Access between the destroy and the create",
    optOut: [],
    redo: "update the AUD tag wherever an origin checks it",
  },
};

function roleAction(role: Role, undo: string): string {
  const keys = role.optOut.map((k) => `\`${k}\``).join(" or ");
  const guard = keys ? `set ${keys} to false for this change, then ` : "";
  return `If this is not meant, ${undo}. If it is, ${guard}${role.redo}.`;
}

const typeOf = (address: string) => address.slice(0, address.lastIndexOf("."));

/** Where Terraform keeps a stack's state: the backend type and the settings that locate it. */
const STATE_LOCATION: Record<string, string[]> = {
  local: ["path", "workspace_dir"],
  s3: ["bucket", "key", "workspace_key_prefix"],
  cloud: ["hostname", "organization", "workspaces"],
  remote: ["hostname", "organization", "workspaces"],
};

function stateLocation(stack: StackModel): string {
  const terraform = (stack.settings.terraform ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  const [type, settings] = terraform.cloud
    ? ["cloud", terraform.cloud]
    : (Object.entries(terraform.backend ?? {})[0] ?? ["local", {}]);
  // Another backend type: any of its settings may say where the state is.
  const keys = STATE_LOCATION[type] ?? Object.keys(settings).sort();
  return JSON.stringify([type, keys.map((k) => settings[k] ?? null)]);
}

const STATE_ACTION =
  "Move the state before this deploys (`terraform state pull` with the old settings, `terraform state push` with the new, or `terraform init -migrate-state`), or keep the old config `name` and `backend` settings.";

function stateMoves(s: StackDiff, base: SynthModel, head: SynthModel): DestructiveChange[] {
  if (s.possiblyRenamedFrom) {
    return [
      {
        kind: "state-moves",
        stack: s.name,
        effect: `\`${s.possiblyRenamedFrom}\` is renamed \`${s.name}\`, which starts with an empty state: Terraform creates all its resources again next to the existing ones (duplicates, or errors where names must be unique).`,
        action:
          "Keep the stack's name, or move its state (`terraform state pull` in the old stack, `terraform state push` in the new) before this deploys.",
      },
    ];
  }
  if (s.status !== "changed" || stateLocation(base[s.name]) === stateLocation(head[s.name])) return [];
  return [
    {
      kind: "state-moves",
      stack: s.name,
      effect: `\`${s.name}\` keeps its state somewhere new, which starts empty: Terraform creates all its resources again next to the existing ones (duplicates, or errors where names must be unique), and the old state still lists them.`,
      action: STATE_ACTION,
      causes: s.settings.filter((c) => /^terraform\.(backend|cloud)\b/.test(c.path)),
    },
  ];
}

/** Where a base resource lives in the head: the same address, or a `moved` block's target. */
function headAddress(address: string, head: StackModel): string | undefined {
  if (head.resources[address]) return address;
  const moved = (head.moved ?? []).find((m) => m.from === address && head.resources[m.to]);
  return moved?.to;
}

function replacements(name: string, base: StackModel, head: StackModel): DestructiveChange[] {
  const found: DestructiveChange[] = [];
  for (const [address, old] of Object.entries(base.resources)) {
    const type = typeOf(address);
    const role = ROLES[type];
    if (!role) continue;
    const target = headAddress(address, head);
    const what = role.name(old.attributes);
    if (!target) {
      const added = Object.keys(head.resources).filter((a) => typeOf(a) === type && !base.resources[a]);
      const recreated = added.length > 0 ? ` and creates ${added.map((a) => `\`${a}\``).join(", ")} instead` : "";
      found.push({
        kind: "destroyed",
        stack: name,
        resource: address,
        effect: `Terraform destroys ${what}${recreated}: ${role.loss}.`,
        action: roleAction(
          role,
          `keep the resource, or add a \`moved\` block from \`${address}\` to ${added.length === 1 ? `\`${added[0]}\`` : "its new address"}`,
        ),
      });
      continue;
    }
    const now = head.resources[target].attributes;
    const forced = forcesReplacement(type, old.attributes, now);
    if (forced.length === 0) continue;
    found.push({
      kind: "replaced",
      stack: name,
      resource: address,
      effect: `Terraform replaces (destroys, then creates) ${what} because ${forced.map((a) => `\`${a}\``).join(", ")} changed: ${role.loss}.`,
      action: roleAction(role, "keep the old value"),
      causes: forced.map((a) => ({
        path: a,
        ...(a in old.attributes ? { old: redact(old.attributes[a], a, false) } : {}),
        ...(a in now ? { new: redact(now[a], a, false) } : {}),
      })),
    });
  }
  return found;
}

// The quoted key takes only JSON's escapes, so JSON.parse reads it.
const LOCAL_KEY =
  // eslint-disable-next-line no-control-regex -- JSON strings exclude raw control characters
  /^\$\{local\.[\w-]+(?:\.([A-Za-z_][\w-]*)|\[("(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*")\])\}$/;
const DATA_GROUP = /^\$\{(data\.okta_group\.[\w-]+)\.id\}$/;

/**
 * A group's name from the expression that assigns it (`${local.ids.Engineering}`,
 * `${local.ids["Cloudflare Admins"]}`, `${data.okta_group.x.id}`), so two lists compare by group.
 */
function groupName(id: unknown, stack: StackModel): string {
  const text = String(id);
  const local = LOCAL_KEY.exec(text);
  // A quoted key is an HCL string: `$${` and `%%{` in it are a literal `${` and `%{`.
  if (local) return local[1] ?? (JSON.parse(local[2]) as string).replace(/([$%])\1\{/g, "$1{");
  const data = DATA_GROUP.exec(text);
  const name = data && stack.resources[data[1]]?.attributes.name;
  return typeof name === "string" ? name : text;
}

function assignedGroups(block: Block | undefined, stack: StackModel): Set<string> {
  const groups = block?.attributes.group;
  // A list built by an expression cannot be read here: no group is named, none is claimed removed.
  if (!Array.isArray(groups)) return new Set();
  return new Set((groups as Array<{ id?: unknown }>).map((g) => groupName(g.id, stack)));
}

const SCIM_APP = /^\$\{(okta_app_saml\.[\w-]+)\.id\}$/;

function unassignedGroups(name: string, base: StackModel, head: StackModel): DestructiveChange[] {
  const found: DestructiveChange[] = [];
  for (const [address, old] of Object.entries(base.resources)) {
    const app = typeOf(address) === "okta_app_group_assignments" && SCIM_APP.exec(String(old.attributes.app_id));
    if (!app) continue;
    const target = headAddress(address, head);
    const now = assignedGroups(target ? head.resources[target] : undefined, head);
    const removed = [...assignedGroups(old, base)].filter((g) => !now.has(g)).sort();
    if (removed.length === 0) continue;
    const label = ROLES.okta_app_saml.name(base.resources[app[1]]?.attributes ?? {});
    const shown = removed.map((g) => String(redact(g, "group", false)));
    found.push({
      kind: "groups-unassigned",
      stack: name,
      resource: address,
      effect: `${shown.map((g) => `"${g}"`).join(", ")} ${removed.length === 1 ? "is" : "are"} no longer assigned to ${label}: Okta deprovisions ${removed.length === 1 ? "its" : "their"} members from Cloudflare (Deactivate Users), unless another assigned group still holds them.`,
      action: target
        ? "If this is not meant, put the groups back in the app's `assignedGroups`. If it is, check who is in them: they lose what SCIM gave them."
        : `If this is not meant, keep the assignments resource or add a \`moved\` block from \`${address}\` to its new address.`,
      groups: shown,
    });
  }
  return found;
}

/**
 * The changes a reviewer must not miss: stacks whose state moves, watched resources destroyed or
 * replaced (see force-new.ts), groups taken off a SCIM app. Stacks removed from the app are left
 * alone: `cdktf deploy` does not destroy them.
 */
export function destructiveChanges(stacks: StackDiff[], base: SynthModel, head: SynthModel): DestructiveChange[] {
  const found = stacks.flatMap((s) => [
    ...stateMoves(s, base, head),
    ...(s.status === "changed"
      ? [...replacements(s.name, base[s.name], head[s.name]), ...unassignedGroups(s.name, base[s.name], head[s.name])]
      : []),
  ]);
  // Like with like: a new config name moves every stack, and those entries read best together.
  return found.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
