/**
 * `cookie-consent rewrite <files or folders> [--out DIR] [--config cookie-consent.json]`: the
 * server rewrite at build time, for static sites. Every tag the config holds is rewritten into held
 * markup for a first visit (nothing granted), in place or into another folder, and each change is
 * printed with its file, line and column. A held tag is never held again, so a second run changes
 * nothing.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseConfig } from '../core/config/parse-config.js';
import type { ConsentConfig } from '../core/config/config-types.js';
import { createRewriter, type HeldTag } from '../server/html-rewriter.js';
import { loadParser } from '../server/parse5-parser.js';
import { urlHold, type PageAddress } from '../server/url-hold.js';

const USAGE = [
  'Usage: cookie-consent rewrite <files or folders…> [--out DIR] [--config cookie-consent.json]',
  '  Rewrites the tags the config holds (scripts, iframes, images, early links, inline scripts naming',
  '  a held host) into held markup, so no browser fetches them before consent. Folders are searched',
  '  for .html and .htm files. Without --out the files are rewritten in place; with it, each is',
  '  written under DIR at its path relative to the folder named (a file named on its own: at the top).',
  '  The config defaults to ./cookie-consent.json. Prints each change as file:line:column.',
  '  Exits 1 when a file cannot be parsed (not UTF-8, binary, or cut off inside a tag, comment or',
  '  doctype; it is left as it is), 2 for a wrong command or a config that cannot be used.',
].join('\n');

/** Tokenizer errors that mean the end of the file is cut off inside markup, which the browser then drops or swallows. */
const TRUNCATED = /^eof-(in-tag|before-tag-name|in-comment|in-doctype|in-cdata|in-script-html-comment-like-text)$/;

interface Job {
  /** The file to read. */
  file: string;
  /** Where to write it. */
  target: string;
}

/** The files named, and every .html/.htm file under the folders named, with where each is written. */
function jobs(paths: string[], out: string | undefined): Job[] {
  const found: Job[] = [];
  const visit = (path: string, top: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        const child = join(path, entry);
        // The output folder may sit inside the input one: its files are results, not sources.
        if (entry === 'node_modules' || entry.startsWith('.') || (out && resolve(child) === resolve(out))) continue;
        if (statSync(child).isDirectory() || /\.html?$/i.test(entry)) visit(child, top);
      }
    } else {
      found.push({ file: path, target: out ? join(out, top === path ? basename(path) : relative(top, path)) : path });
    }
  };
  for (const path of paths) visit(path, path);
  return found;
}

function readRules(path: string): ConsentConfig['hosts'] | string {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return `cannot read the config ${path}: ${(error as Error).message}`;
  }
  const { config, errors } = parseConfig(json);
  if (errors.length) return `invalid config ${path}, so nothing is rewritten:${errors.map((error) => `\n  ${error.path}: ${error.message}`).join('')}`;
  if (!Object.keys(config.hosts).length) return `the config ${path} has no "hosts": nothing would be held`;
  return config.hosts;
}

/** Runs the command with its arguments (after "rewrite"); resolves to the exit code. */
export async function runRewrite(args: string[], log = console.log, warn = console.error): Promise<number> {
  const paths: string[] = [];
  let out: string | undefined;
  let configPath = 'cookie-consent.json';
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--help' || arg === '-h') {
      log(USAGE);
      return 0;
    }
    if (arg === '--out' || arg === '--config') {
      const value = args[++index];
      if (!value) {
        warn(`cookie-consent: ${arg} needs a value\n${USAGE}`);
        return 2;
      }
      if (arg === '--out') out = value;
      else configPath = value;
    } else if (arg.startsWith('-')) {
      warn(`cookie-consent: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else paths.push(arg);
  }
  if (!paths.length) {
    warn(USAGE);
    return 2;
  }
  const rules = readRules(configPath);
  if (typeof rules === 'string') {
    warn(`cookie-consent: ${rules}`);
    return 2;
  }
  let files: Job[];
  let Parser;
  try {
    files = jobs(paths, out);
    Parser = await loadParser();
  } catch (error) {
    warn(`cookie-consent: ${(error as Error).message}`);
    return 2;
  }

  let failed = 0;
  let changed = 0;
  for (const { file, target } of files) {
    const bytes = readFileSync(file);
    const problems: string[] = [];
    let html = '';
    try {
      html = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      problems.push(`${file}: not UTF-8 text`);
    }
    if (html.includes('\0')) problems.push(`${file}: binary (it contains NUL characters)`);
    const held: HeldTag[] = [];
    let output = '';
    if (!problems.length) {
      const page: PageAddress = {};
      const rewriter = createRewriter(Parser, {
        hold: urlHold(rules, () => false, page),
        page,
        onHeld: (tag) => held.push(tag),
        onParseError: ({ code, startLine, startCol }) => TRUNCATED.test(code) && problems.push(`${file}:${startLine}:${startCol}: cannot parse: ${code} (the file ends inside markup)`),
      });
      output = rewriter.write(html) + rewriter.end();
    }
    if (problems.length) {
      failed++;
      for (const problem of problems) warn(`cookie-consent: ${problem}; left as it is`);
      continue;
    }
    for (const { line, column, tag, category, what } of held) log(`${file}:${line}:${column}: held <${tag}> ${what} until consent to ${category}`);
    if (held.length) changed++;
    if (held.length || target !== file) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output);
    }
  }
  log(`cookie-consent: ${changed} of ${files.length} file${files.length === 1 ? '' : 's'} changed${failed ? `, ${failed} could not be parsed` : ''}`);
  return failed ? 1 : 0;
}
