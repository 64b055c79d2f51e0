import { join } from "path";
import { describeSpecs } from "./support/specs";

describeSpecs(join(__dirname, "compat"));
