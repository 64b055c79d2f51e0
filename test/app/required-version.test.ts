import { exampleConfigInput, synthApp } from "../support/helpers";

function requiredVersions(backend?: unknown): Record<string, string> {
  const input = exampleConfigInput();
  if (backend) input.backend = backend as never;
  const app = synthApp(input);
  return Object.fromEntries(
    Object.keys(app.manifest.stacks).map((name) => [name, app.stack(name).terraform.required_version]),
  );
}

describe("required_version", () => {
  test("each stack states the oldest Terraform that runs it: postconditions 1.2, cloudflare's protocol 6 1.0", () => {
    expect(requiredVersions()).toEqual({
      "okta-access-oidc": ">= 1.2.0", // okta_groups postconditions
      "cloudflare-access": ">= 1.0.0", // cloudflare provider 5.x: plugin protocol 6
      "okta-access-scim": ">= 0.13.0",
      "cloudflare-access-policies": ">= 1.0.0",
      "cloudflare-dashboard-scim": ">= 1.2.0", // permission group postcondition
      "okta-dashboard-scim": ">= 1.2.0",
    });
  });

  test("S3 native locking raises every stack to 1.10; the cloud block needs 1.1", () => {
    const s3 = requiredVersions({ type: "s3", bucket: "acme-tf", region: "eu-west-1", useLockfile: true });
    expect(new Set(Object.values(s3))).toEqual(new Set([">= 1.10.0"]));
    const cloud = requiredVersions({ type: "cloud", organization: "acme", workspacePrefix: "identity" });
    expect(cloud["okta-access-scim"]).toBe(">= 1.1.0");
    expect(cloud["okta-access-oidc"]).toBe(">= 1.2.0");
  });
});
