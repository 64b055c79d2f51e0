import { writeFileSync } from "fs";
import { configJsonSchema } from "../src/config/json-schema";

// Regenerates config/config.schema.json from the zod schema; a test fails when it is stale.
writeFileSync("config/config.schema.json", configJsonSchema());
process.stdout.write("wrote config/config.schema.json\n");
