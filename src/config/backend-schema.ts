import * as z from "zod";
import { literalText } from "../validation";

/** Where each stack keeps its state. Credentials come from the backend's own environment variables. */
export const backendSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("local"),
      directory: literalText().default("."),
    }),
    z
      .strictObject({
        type: z.literal("s3"),
        bucket: literalText().min(3),
        region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: 'Use an AWS region name, e.g. "eu-west-1".' }),
        keyPrefix: literalText().default("cdktf-okta-cloudflare"),
        encrypt: z.boolean().default(true),
        useLockfile: z.boolean().optional(),
        dynamodbTable: literalText().optional(),
        kmsKeyId: literalText().optional(),
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
      organization: literalText(),
      workspacePrefix: z.string().regex(/^[A-Za-z0-9_-]+$/, { message: "Use letters, digits, - and _ (workspace names)." }),
      hostname: literalText().optional(),
    }),
  ],
  // Only an unknown or missing `type` gets this message; the other issues get the usual fixes.
  { error: (issue) => (issue.code === "invalid_union" ? 'Use "local", "s3" or "cloud".' : undefined) },
);

export type BackendConfig = z.output<typeof backendSchema>;
