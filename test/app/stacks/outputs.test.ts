import { Testing, TerraformStack } from "../../../src/cdktf";
import { attributeOutput, outputName, stackOutput } from "../../../app/stacks/outputs";

// A value has one name: the construct attribute's, in snake_case in `terraform output`.

test("an output is named after the attribute it holds, in snake_case", () => {
  expect(outputName("loginMethodId")).toBe("login_method_id");
  expect(outputName("scimBaseUrl")).toBe("scim_base_url");
  expect(outputName("tokenValue")).toBe("token_value");
  expect(stackOutput<{ scimSecret: string }>("cloudflare-access", "scimSecret")).toEqual({
    stack: "cloudflare-access",
    output: "scim_secret",
  });
});

test("attributeOutput writes the attribute's value under that name, sensitive when asked", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const construct = { tokenValue: "the value", tokenId: "the id" };
  attributeOutput(stack, construct, "tokenValue", "The token", true);
  attributeOutput(stack, construct, "tokenId", "Its ID");
  const outputs = JSON.parse(Testing.synth(stack)).output;
  expect(outputs).toEqual({
    token_value: { value: "the value", description: "The token", sensitive: true },
    token_id: { value: "the id", description: "Its ID", sensitive: false },
  });
});
