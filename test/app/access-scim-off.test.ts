import { exampleConfigInput } from "../support/helpers";
import { readStacks, runMain, writeConfig } from "../support/run-main";

// accessLogin.scim.enabled: false. Access reads a user's groups only from what Access SCIM pushes, so
// with SCIM off no Access group can match anyone: the messages must say so (adding the group to
// pushGroups used to be the suggested fix, and gave the same error again), and nothing SCIM-only
// may be required or synthesized.

/** The example with Access SCIM off and no dashboard SCIM, edited by `edit`. */
function scimOff(edit: (raw: ReturnType<typeof exampleConfigInput>) => void = () => undefined) {
  const raw = exampleConfigInput();
  raw.accessLogin.scim = { enabled: false };
  delete raw.accessApplications;
  delete raw.dashboardScim;
  edit(raw);
  return runMain(writeConfig(raw));
}

const wiki = { name: "Wiki", domain: "wiki.acme.example", allowGroups: ["Engineering"] };

test("an application's group, with SCIM off, gets the SCIM-off fix; following the pushGroups hint no longer loops", () => {
  const first = scimOff((raw) => (raw.accessApplications = [wiki]));
  expect(first.code).toBe(1);
  expect(first.stderr).toContain(
    'accessApplications.0.allowGroups: ["Engineering"] is not valid. "Engineering" has no Access group. Access groups match the groups Access SCIM pushes, and Access SCIM is off: set accessLogin.scim.enabled to true',
  );
  // What the old message asked for: add the group to pushGroups. Same cause, so the same (now right) advice.
  const pushed = scimOff((raw) => {
    raw.accessApplications = [wiki];
    raw.accessLogin.scim = { enabled: false, assignedGroups: ["Engineering"], pushGroups: ["Engineering"] };
  });
  expect(pushed.stderr).toContain("Access SCIM is off: set accessLogin.scim.enabled to true");
  // The advice works: SCIM on, with the group assigned and pushed.
  const on = scimOff((raw) => {
    raw.accessApplications = [wiki];
    raw.accessLogin.scim = { enabled: true, assignedGroups: ["Engineering"], pushGroups: ["Engineering"] };
  });
  expect([on.code, on.stderr]).toEqual([0, ""]);
});

test("an Access group with SCIM off says SCIM is off", () => {
  const result = scimOff((raw) => (raw.accessLogin.accessGroups = ["Engineering"]));
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("accessLogin.accessGroups");
  expect(result.stderr).toContain("Access SCIM is off: set accessLogin.scim.enabled to true");
});

test("SCIM off needs no scim.assignedGroups, makes no SCIM or policies stack, and looks up only the OIDC app's groups", () => {
  const result = scimOff((raw) => (raw.accessLogin.assignedGroups = ["Engineering"]));
  expect([result.code, result.stderr]).toEqual([0, ""]);
  const stacks = readStacks(result.outdir);
  expect(Object.keys(stacks).sort()).toEqual(["cloudflare-access", "okta-access-oidc"]);
  expect(JSON.stringify(stacks["okta-access-oidc"].data)).not.toContain("Finance");
});

test("SCIM on still requires scim.assignedGroups, and names enabled: false as the other way out", () => {
  const result = scimOff((raw) => (raw.accessLogin.scim = { enabled: true }));
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'accessLogin.scim.assignedGroups is missing. Add it: the Okta groups the Access SCIM app provisions, e.g. ["Engineering"]; or set enabled to false to turn Access SCIM off.',
  );
});
