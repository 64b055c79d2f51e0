import { parseConfig } from "../../app/config/load";
import { exampleConfigInput, synthApp } from "../support/helpers";

function withBackend(backend: unknown) {
  const input = exampleConfigInput();
  input.backend = backend as never;
  return synthApp(input);
}

describe("backends", () => {
  test("local: a relative state path per stack, read the same way by consumers", () => {
    const app = withBackend({ type: "local" });
    expect(app.stack("okta-access-oidc").terraform.backend.local.path).toBe(
      "../../../terraform.okta-access-oidc.tfstate",
    );
    const remote =
      app.stack("cloudflare-access").data.terraform_remote_state["cross-stack-reference-input-okta-access-oidc"];
    expect(remote.config.path).toBe("../../../terraform.okta-access-oidc.tfstate");
  });

  test("s3: one key per stack under the prefix, native locking, remote state following it", () => {
    const app = withBackend({
      type: "s3",
      bucket: "acme-tf",
      region: "eu-west-1",
      keyPrefix: "identity",
      useLockfile: true,
    });
    expect(app.stack("cloudflare-access").terraform.backend.s3).toEqual({
      bucket: "acme-tf",
      key: "identity/acme/cloudflare-access.tfstate",
      region: "eu-west-1",
      encrypt: true,
      use_lockfile: true,
    });
    const remote =
      app.stack("cloudflare-access").data.terraform_remote_state["cross-stack-reference-input-okta-access-oidc"];
    expect(remote).toMatchObject({
      backend: "s3",
      config: { bucket: "acme-tf", key: "identity/acme/okta-access-oidc.tfstate" },
    });
  });

  test("cloud: one named workspace per stack, remote state reading the producer's workspace", () => {
    const app = withBackend({ type: "cloud", organization: "acme", workspacePrefix: "identity" });
    expect(app.stack("okta-access-scim").terraform.cloud).toEqual({
      organization: "acme",
      workspaces: { name: "identity-okta-access-scim" },
    });
    const remote =
      app.stack("okta-access-scim").data.terraform_remote_state["cross-stack-reference-input-cloudflare-access"];
    expect(remote).toMatchObject({
      backend: "remote",
      config: { organization: "acme", workspaces: { name: "identity-cloudflare-access" } },
    });
  });

  test.each([
    [{ type: "gcs" }, /backend\.type.*"local", "s3" or "cloud"/],
    [{ type: "s3", region: "eu-west-1", useLockfile: true }, /backend\.bucket/],
    [{ type: "s3", bucket: "acme-tf", region: "eu-west-1" }, /backend\.useLockfile is missing\. Pick a state lock/],
    [{ type: "cloud", workspacePrefix: "identity" }, /backend\.organization/],
  ])("refuses %j", (backend, message) => {
    const input = exampleConfigInput();
    input.backend = backend as never;
    expect(() => parseConfig(input)).toThrow(message);
  });
});
