import { removeRunTempDir } from "./support/run-temp-dir";

export default function globalTeardown(): void {
  removeRunTempDir();
}
