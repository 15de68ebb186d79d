#!/usr/bin/env node
import { runCli } from './run-cli.js';
import { runAsProcess } from './run-as-process.js';

runAsProcess(runCli);
