#!/usr/bin/env node
// The `kenno` command. Kenno is written in TypeScript and run through tsx, so a checkout
// needs no compile step: `npx kenno …` and `npm start` work straight after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
