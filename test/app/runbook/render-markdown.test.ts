import { runbook, RunbookApp } from "../../../app/runbook/model";
import { code, renderAppMarkdown, renderMarkdown } from "../../../app/runbook/render-markdown";

const app: RunbookApp = {
  id: "access-scim",
  label: "Access SCIM",
  app: "SCIM 2.0 Test App (Header Auth)",
  stack: "okta-access-scim",
  steps: [
    { id: "add-app", title: "Add it", where: "A > B", action: "Done by Terraform.", done: true },
    {
      id: "api-token",
      title: "API Token",
      where: "A > C",
      action: "Paste it.",
      command: "terraform output -raw scim_secret",
      done: false,
      notes: ["No Bearer prefix."],
    },
    { id: "push-groups", title: "Push Groups", where: "A > D", action: "Push them.", value: "Eng, Fin", done: false },
  ],
};

describe("renderAppMarkdown", () => {
  it("numbers steps in order, ticks what Terraform did, and shows where, value, command and notes", () => {
    expect(renderAppMarkdown(app)).toBe(
      [
        "## Access SCIM (SCIM 2.0 Test App (Header Auth))",
        "",
        "1. [x] **Add it**",
        "   - Where: A > B",
        "   - Done by Terraform.",
        "2. [ ] **API Token**",
        "   - Where: A > C",
        "   - Do: Paste it.",
        "   - Get it: `terraform output -raw scim_secret`",
        "   - Note: No Bearer prefix.",
        "3. [ ] **Push Groups**",
        "   - Where: A > D",
        "   - Do: Push them.",
        "   - Value: `Eng, Fin`",
      ].join("\n"),
    );
  });

  it("lists groups one per line, so a name with a comma reads as one group", () => {
    const groups = ["IT Help-Desk, Tier 2", "Finance"];
    const step = {
      id: "push-groups",
      title: "Push Groups",
      where: "A > D",
      action: "Push them.",
      value: '"IT Help-Desk, Tier 2", "Finance"',
      groups,
      done: false,
    };
    expect(
      renderAppMarkdown({ ...app, steps: [step] })
        .split("\n")
        .slice(-3),
    ).toEqual(["   - Groups:", "     - `IT Help-Desk, Tier 2`", "     - `Finance`"]);
  });

  it("indents a step's details past its number, so they stay in the item from step 10 on", () => {
    const many = { ...app, steps: Array.from({ length: 10 }, () => app.steps[0]) };
    expect(renderAppMarkdown(many).split("\n").slice(-3)).toEqual([
      "10. [x] **Add it**",
      "    - Where: A > B",
      "    - Done by Terraform.",
    ]);
  });
});

describe("renderMarkdown", () => {
  it("titles the runbook with the config name and has a section per app", () => {
    const md = renderMarkdown(runbook("acme", [app, { ...app, id: "dashboard-scim", label: "Dashboard SCIM" }]));
    expect(md.startsWith("# Runbook: acme\n")).toBe(true);
    expect(md.match(/^## /gm)).toHaveLength(2);
    expect(md.endsWith("\n")).toBe(true);
  });
});

describe("code", () => {
  it("keeps backticks in a value inside the code span", () => {
    expect(code("a`b")).toBe("`` a`b ``");
    expect(code("plain")).toBe("`plain`");
  });
});

describe("checked runbook (npm run check)", () => {
  const checked = {
    ...runbook("acme", [
      {
        ...app,
        steps: [
          app.steps[0],
          { ...app.steps[1], check: { status: "pass" as const, detail: "Cloudflare holds 2 SCIM user(s)." } },
          { ...app.steps[2], check: { status: "fail" as const, detail: "Finance: not pushed." } },
        ],
      },
    ]),
    summary: { pass: 1, fail: 1, unknown: 0 },
  };

  it("ticks a step the APIs show done, and puts each check first under its step", () => {
    const md = renderAppMarkdown(checked.apps[0]);
    expect(md).toContain(
      "2. [x] **API Token**\n   - Check: done — Cloudflare holds 2 SCIM user(s).\n   - Where: A > C\n   - Do: Paste it.",
    );
    expect(md).toContain("3. [ ] **Push Groups**\n   - Check: NOT DONE — Finance: not pushed.\n");
  });

  it("titles the check and counts the results", () => {
    const md = renderMarkdown(checked);
    expect(md.startsWith("# Runbook check: acme\n")).toBe(true);
    expect(md).toContain("**1 done, 1 not done, 0 could not check.**");
  });
});
