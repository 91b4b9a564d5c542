#!/usr/bin/env node
/**
 * cookie-consent draft <policy.txt|->: prints a draft config (JSON) for the privacy policy in the
 * file, or on standard input, and lists on stderr what the policy did not say.
 */
import { readFileSync } from 'node:fs';
import { draftConfig, formatConfigErrors, parseConfig } from '../dist-cli/draft.js';

const USAGE = 'Usage: cookie-consent draft <policy.txt|->\n  Prints a draft cookie-consent.json for the privacy policy in the file ("-" reads standard input).';

const [command, file, ...rest] = process.argv.slice(2);
if (command === '--help' || command === '-h') {
  console.log(USAGE);
  process.exit(0);
}
if (command !== 'draft' || !file || rest.length) {
  console.error(USAGE);
  process.exit(2);
}

let policy;
try {
  // File descriptor 0 is standard input, so "-" works for pipes and redirects alike.
  policy = readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (error) {
  console.error(`cookie-consent: cannot read ${file === '-' ? 'standard input' : file}: ${error.message}`);
  process.exit(1);
}

const { config, notes } = draftConfig(policy);
const { errors } = parseConfig(config);
if (errors.length) {
  console.error(formatConfigErrors(errors));
  process.exit(1);
}
for (const note of notes) console.error(`cookie-consent: ${note}`);
process.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
