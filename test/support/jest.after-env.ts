import { removeTempDirs } from "./temp-dir";

// One hook per test file, outside every describe: the specs a runner loads share it.
afterAll(removeTempDirs);
