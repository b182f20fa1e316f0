#!/usr/bin/env node
// Loader shim: lets the `federation` command run its TypeScript source directly.
require('tsx/cjs');
require('../src/cli/main.ts');
