#!/usr/bin/env node
/**
 * cookie-consent draft <policy.txt|->: prints a draft config (JSON) for the privacy policy in the
 * file, or on standard input. On stderr it reports each decision with the sentence it came from,
 * and what it could not decide. Text that is no policy at all (empty, binary, JSON) exits 1.
 */
import { readFileSync } from 'node:fs';
import { draftConfig, formatConfigErrors, formatConfigWarnings, parseConfig } from '../dist-cli/draft.js';

const USAGE = [
  'Usage: cookie-consent draft <policy.txt|->',
  '  Prints a draft cookie-consent.json for the privacy policy in the file ("-" reads standard input).',
  '  Reports each decision, with the sentence it came from, and what is left to check on standard error.',
  '  Exits 1 for text that is no privacy policy (empty, binary, JSON) and 2 for a wrong command.',
  'Usage: cookie-consent records serve|purge …: the consent-record service (cookie-consent records --help).',
].join('\n');

const [command, file, ...rest] = process.argv.slice(2);
// The consent-record service has a module of its own; `serve` resolves once the server has stopped.
if (command === 'records') process.exit(await (await import('../dist/records-cli.js')).main(process.argv.slice(3)));
if (command === 'rewrite') process.exit(await (await import('../dist-cli/rewrite.js')).runRewrite(process.argv.slice(3)));
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

const result = draftConfig(policy);
if (!result.ok) {
  console.error(`cookie-consent: cannot draft a config from ${file === '-' ? 'standard input' : file}: ${result.error}`);
  process.exit(1);
}
const { config, decisions, notes } = result;
// A draft is held to the schema: a mistake even in the lenient keys (texts, ui) is the drafter's own.
const { errors, warnings } = parseConfig(config);
if (errors.length || warnings.length) {
  if (errors.length) console.error(formatConfigErrors(errors));
  if (warnings.length) console.error(formatConfigWarnings(warnings));
  process.exit(1);
}
// The report: each decision with the policy's words it came from, then what is left to decide.
for (const { decision, source } of decisions) console.error(`cookie-consent: decided: ${decision}${source ? `\n    from: ${/^https?:/.test(source) ? source : `"${source}"`}` : ''}`);
for (const note of notes) console.error(`cookie-consent: to check: ${note}`);
process.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
