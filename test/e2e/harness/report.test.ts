import { providerReleases } from "../../../e2e/harness/providers";
import { firstError, planSummary, summaryLine, unavailableLine } from "../../../e2e/harness/report";

describe("summary lines", () => {
  test("a stack that passed every step: exactly the line the README shows", () => {
    expect(summaryLine({ stack: "okta-access-oidc" })).toBe(
      "e2e okta-access-oidc: validate=ok plan=ok apply=ok replan=no-changes",
    );
  });

  test("a failing step: the steps before it, then the step and why", () => {
    expect(summaryLine({ stack: "s", failure: { step: "init", reason: "no provider" } })).toBe(
      "e2e s: init=failed (no provider)",
    );
    expect(summaryLine({ stack: "s", failure: { step: "apply", reason: "boom" } })).toBe(
      "e2e s: validate=ok plan=ok apply=failed (boom)",
    );
    expect(
      summaryLine({
        stack: "s",
        failure: { step: "replan", reason: "Plan: 0 to add, 1 to change, 0 to destroy: okta_app_saml.a" },
      }),
    ).toBe(
      "e2e s: validate=ok plan=ok apply=ok replan=failed (Plan: 0 to add, 1 to change, 0 to destroy: okta_app_saml.a)",
    );
    expect(summaryLine({ stack: "s", failure: { step: "protected-destroy", reason: "not refused" } })).toBe(
      "e2e s: validate=ok plan=ok apply=ok replan=no-changes protected-destroy=failed (not refused)",
    );
  });

  test("firstError: Terraform's first error and its first detail line, without the box", () => {
    const output = [
      "╷",
      "│ Error: Duplicate object key",
      "│ ",
      "│   on cdk.tf.json line 12, in locals:",
      '│   12:   "ids": "${{ for g in ... }}"',
      "│     ├────────────────",
      '│     │ g.name is "Eng"',
      "│ ",
      "│ Two different items produced the key \"Eng\" in this 'for' expression.",
      "╵",
    ].join("\n");
    expect(firstError(output)).toBe(
      "Duplicate object key: Two different items produced the key \"Eng\" in this 'for' expression.",
    );
    expect(firstError("just this\n")).toBe("just this");
    expect(planSummary("...\nPlan: 0 to add, 2 to change, 0 to destroy.\n")).toBe(
      "Plan: 0 to add, 2 to change, 0 to destroy",
    );
  });

  test("a provider the proxy refuses: one line naming the Go module, version and the proxy's error", () => {
    const module = "github.com/okta/terraform-provider-okta@v0.0.0-20250610104238-1924ec5199ea";
    const error = `${module}: reading https://proxy.golang.org/github.com/okta/terraform-provider-okta/@v/v0.0.0-20250610104238-1924ec5199ea.info: 403 Forbidden server response: This module version is not available.`;
    expect(unavailableLine({ release: providerReleases[0], error })).toBe(
      `e2e providers unavailable: okta/okta 4.20.0: Go module ${module}: reading https://proxy.golang.org/github.com/okta/terraform-provider-okta/@v/v0.0.0-20250610104238-1924ec5199ea.info: 403 Forbidden server response: This module version is not available.`,
    );
  });
});
