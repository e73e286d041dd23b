#!/usr/bin/env node
// npm links this file when it installs the package, which may be before `prepare` has compiled
// the kit, so the command itself lives in the compiled output.
await import('../dist/kit/cli.js')
