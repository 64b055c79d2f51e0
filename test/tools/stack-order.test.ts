import * as path from "path";
import { main, stackOrder } from "../../tools/stack-order";
import { captureIo, FIXTURES } from "../support/tools";

describe("stackOrder", () => {
  it("puts each stack after the stacks it depends on, ties by name", () => {
    expect(
      stackOrder({
        "cloudflare-access": ["okta-access-oidc"],
        "okta-access-scim": ["cloudflare-access", "okta-access-oidc"],
        "okta-access-oidc": [],
        "cloudflare-dashboard-scim": [],
        "okta-dashboard-scim": ["cloudflare-dashboard-scim"],
      }),
    ).toEqual([
      "cloudflare-dashboard-scim",
      "okta-access-oidc",
      "cloudflare-access",
      "okta-access-scim",
      "okta-dashboard-scim",
    ]);
  });

  it("rejects cycles and unknown dependencies by name", () => {
    expect(() => stackOrder({ a: ["b"], b: ["a"], c: [] })).toThrow("dependency cycle between stacks: a, b");
    expect(() => stackOrder({ a: ["gone"] })).toThrow("stack a depends on gone, which is not in the manifest");
  });
});

describe("stack-order CLI", () => {
  it("prints one stack per line from an outdir manifest", async () => {
    const io = captureIo();
    expect(await main([path.join(FIXTURES, "head")], io)).toBe(0);
    expect(io.stdout()).toBe(
      "cloudflare-dashboard-scim\nokta-access-oidc\ncloudflare-access\nokta-access-scim-header\n",
    );
  });

  it("exits 1 with one line when there is no manifest", async () => {
    const io = captureIo();
    expect(await main(["/nonexistent"], io)).toBe(1);
    expect(io.stderr()).toMatch(
      /^stack-order: manifest\.json not found at \/nonexistent\/manifest\.json: run `npm run synth` first/,
    );
    expect(io.stderr().trimEnd().split("\n")).toHaveLength(1);
  });
});
