import { useRunTempDir } from "./support/run-temp-dir";

export default function globalSetup(): void {
  useRunTempDir();
}
