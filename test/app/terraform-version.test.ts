import { compareVersions, minimumTerraformVersion, withRequiredVersion } from "../../app/terraform-version";

const withPostcondition = {
  data: { okta_groups: { g: { lifecycle: { postcondition: [{ condition: "${true}", error_message: "x" }] } } } },
};

describe("minimumTerraformVersion", () => {
  test("takes the newest version among the features used", () => {
    expect(minimumTerraformVersion({ terraform: { required_providers: { okta: {} } } })?.version).toBe("0.13.0");
    expect(minimumTerraformVersion({ terraform: { required_providers: { cloudflare: {} } } })?.version).toBe("1.0.0");
    expect(minimumTerraformVersion(withPostcondition)).toMatchObject({
      version: "1.2.0",
      feature: "lifecycle preconditions and postconditions",
    });
    expect(
      minimumTerraformVersion({ ...withPostcondition, terraform: { backend: { s3: { use_lockfile: true } } } })
        ?.version,
    ).toBe("1.10.0");
    expect(minimumTerraformVersion({ import: [{ to: "a.b", id: "x" }] })?.version).toBe("1.5.0");
    expect(minimumTerraformVersion({ terraform: { cloud: { organization: "acme" } } })?.version).toBe("1.1.0");
    expect(minimumTerraformVersion({ locals: { a: "${sensitive(1)}" } })?.version).toBe("0.15.0");
  });

  test("a precondition counts as a postcondition does; a plain lifecycle does not", () => {
    expect(minimumTerraformVersion({ resource: { r: { a: { lifecycle: { precondition: [] } } } } })?.version).toBe(
      "1.2.0",
    );
    expect(
      minimumTerraformVersion({ resource: { r: { a: { lifecycle: { prevent_destroy: true } } } } }),
    ).toBeUndefined();
  });

  test("withRequiredVersion writes it into the terraform block, keeping what is there", () => {
    const tf = withRequiredVersion({ ...withPostcondition, terraform: { backend: { local: {} } } });
    expect(tf.terraform).toEqual({ backend: { local: {} }, required_version: ">= 1.2.0" });
    expect(withRequiredVersion({}).terraform).toBeUndefined();
  });

  test("compares versions numerically, part by part", () => {
    expect(compareVersions("1.10.0", "1.2.0")).toBeGreaterThan(0);
    expect(compareVersions("1.2.0", "1.2")).toBe(0);
    expect(compareVersions("0.15.0", "1.0.0")).toBeLessThan(0);
  });
});
