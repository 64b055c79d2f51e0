import { isAbsolute, normalize } from "path";
import * as z from "zod";
import { literalText } from "../../src/private/validation";

/**
 * A backend setting. Terraform reads the backend block as plain text, but cdktf copies the same
 * settings into each consumer's `terraform_remote_state`, where `${` and `%{` start expressions: no
 * one escaping is right for both, so they are refused.
 */
function backendText() {
  return literalText().refine((v) => !/[$%]\{/.test(v), {
    message:
      'Leave out "${" and "%{": the same text is read literally by the backend and as a template by terraform_remote_state.',
  });
}

/** Where each stack keeps its state. Credentials come from the backend's own environment variables. */
export const backendSchema = z.discriminatedUnion(
  "type",
  [
    z
      .strictObject({
        type: z.literal("local"),
        directory: backendText().default("."),
        allowOutsideProject: z
          .boolean()
          .default(false)
          .describe("Lets directory point outside the project (absolute, or above it with .."),
      })
      .superRefine((b, ctx) => {
        if (!b.allowOutsideProject && !insideProject(b.directory)) {
          ctx.addIssue({
            code: "custom",
            path: ["directory"],
            message:
              "Use a path inside the project, relative to it (state files hold secrets); or set allowOutsideProject to true if this is deliberate.",
          });
        }
      }),
    z
      .strictObject({
        type: z.literal("s3"),
        bucket: backendText().min(3),
        region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: 'Use an AWS region name, e.g. "eu-west-1".' }),
        keyPrefix: backendText().default("cdktf-okta-cloudflare"),
        encrypt: z.boolean().default(true),
        useLockfile: z.boolean().optional(),
        dynamodbTable: backendText().optional(),
        kmsKeyId: backendText().optional(),
      })
      .superRefine((b, ctx) => {
        if (b.useLockfile === undefined && !b.dynamodbTable) {
          ctx.addIssue({
            code: "custom",
            path: ["useLockfile"],
            message: "Pick a state lock: set useLockfile to true (Terraform >= 1.10) or name a dynamodbTable.",
          });
        }
      }),
    z.strictObject({
      type: z.literal("cloud"),
      organization: backendText(),
      workspacePrefix: z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/, { message: "Use letters, digits, - and _ (workspace names)." }),
      hostname: backendText().optional(),
    }),
  ],
  // Only an unknown or missing `type` gets this message; the other issues get the usual fixes.
  { error: (issue) => (issue.code === "invalid_union" ? 'Use "local", "s3" or "cloud".' : undefined) },
);

/** True for a relative path that stays at or below the project's root once normalized. */
function insideProject(directory: string): boolean {
  const path = normalize(directory);
  return !isAbsolute(directory) && path !== ".." && !path.startsWith("../") && !/^[A-Za-z]:/.test(directory);
}

export type BackendConfig = z.output<typeof backendSchema>;
