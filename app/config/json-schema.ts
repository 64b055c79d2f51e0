import * as z from "zod";
import { configSchema } from "./schema";

/** JSON Schema of the config file (input form: defaulted fields are optional), for editors via `$schema`. */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: "cdktf-okta-cloudflare config" }, null, 2)}\n`;
}
