import { execFileSync, spawnSync } from "child_process";
import { writeFileSync } from "fs";
import { join } from "path";
import { Fn, TerraformLocal, TerraformOutput, TerraformStack, Testing, Token } from "../../../src/cdktf";
import {
  fnStringArgument,
  hclQuoted,
  terraformLiteral,
  terraformLiterals,
} from "../../../src/private/terraform-literal";
import { tempDir } from "../../support/temp-dir";

const texts = [
  "50% ${team}",
  "%{if true}x%{endif}",
  "$${already}",
  'a "quoted" \\ path',
  "line\nbreak",
  '${file("/nonexistent")}',
];

describe("terraformLiteral", () => {
  test("escapes interpolations and directives in literal text", () => {
    expect(terraformLiteral("Okta ${x} %{if}")).toBe("Okta $${x} %%{if}");
    expect(terraformLiteral("$${x}")).toBe("$$${x}");
    expect(terraformLiteral("plain")).toBe("plain");
  });

  test("keeps cdktf references as references", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const local = new TerraformLocal(stack, "l", "v");
    const value = terraformLiteral(`\${x} ${local.asString}`);
    new TerraformOutput(stack, "o", { value });
    expect(JSON.parse(Testing.synth(stack)).output.o.value).toBe("$${x} ${local.l}");
  });

  test("terraformLiterals escapes strings and keys of plain objects and lists, not class instances", () => {
    const instance = new (class Thing {
      readonly text = "${x}";
    })();
    const result = terraformLiterals({ "k ${a}": ["${b}"], nested: { value: "%{c}" }, instance });
    expect(result).toEqual({ "k $${a}": ["$${b}"], nested: { value: "%%{c}" }, instance });
    expect(result.instance).toBe(instance);
  });
});

// The only judge of an escape is Terraform: it reads back each text exactly, as a value, as a map
// key, inside a hand-written expression and as a cdktf Fn argument. Needs no provider.
const terraform = spawnSync("terraform", ["version"], { encoding: "utf8" }).status === 0;

(terraform ? describe : describe.skip)("the real Terraform reads each escaped text back exactly", () => {
  test.each(texts.map((t) => [JSON.stringify(t), t]))("%s", (_, text) => {
    const stack = new TerraformStack(Testing.app(), "s");
    const map = new TerraformLocal(stack, "map", terraformLiterals({ [text]: text }));
    new TerraformOutput(stack, "value", { value: terraformLiteral(text) });
    new TerraformOutput(stack, "key", { value: Fn.element(Fn.keys(map.asAnyMap), 0) });
    new TerraformOutput(stack, "quoted", { value: `\${[${hclQuoted(text)}][0]}` });
    new TerraformOutput(stack, "lookup", { value: Token.asString(Fn.lookup(map.asAnyMap, fnStringArgument(text))) });
    const dir = tempDir();
    writeFileSync(join(dir, "main.tf.json"), Testing.synth(stack));
    const run = (...args: string[]) =>
      execFileSync("terraform", args, {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" },
      });
    run("init", "-input=false", "-no-color");
    run("apply", "-auto-approve", "-input=false", "-no-color");
    const outputs = JSON.parse(run("output", "-json")) as Record<string, { value: string }>;
    expect(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, v.value]))).toEqual({
      value: text,
      key: text,
      quoted: text,
      lookup: text,
    });
  });
});
