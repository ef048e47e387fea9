#!/usr/bin/env node
// Installed entry point: runs the TypeScript CLI with Node's built-in type stripping (Node 24+).
import { runCli } from '../src/cli/main.ts';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
