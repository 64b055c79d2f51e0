import { removeRunTempDir } from "./run-temp-dir";

export default function globalTeardown(): void {
  removeRunTempDir();
}
