import { useRunTempDir } from "./run-temp-dir";

export default function globalSetup(): void {
  useRunTempDir();
}
