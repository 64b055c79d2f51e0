import { startupSnapshot } from "v8";
import { main } from "./run";

// The app command's V8 startup snapshot (scripts/bundle.js builds it with `node --build-snapshot`
// from one bundle of this file with cdktf, the providers and zod inside): everything the app loads
// is evaluated once, at build time, and each synth starts from that heap instead of reading,
// compiling and running some 300 modules. It runs as `node --snapshot-blob <blob> -- [args]`,
// so the arguments start at argv[1].
startupSnapshot.setDeserializeMainFunction(() => {
  // process.cwd() is cached since build time, by Node and by graceful-fs (which cdktf loads and
  // which wraps process.cwd); a chdir to "." empties both caches, so relative paths resolve here.
  process.chdir(".");
  process.exitCode = main(process.env, process.stderr, { argv: process.argv.slice(1), stdout: process.stdout });
});
