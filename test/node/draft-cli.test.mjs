import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/cookie-consent.mjs', import.meta.url));

/** Runs the command line tool from the package root, as `npx cookie-consent …` would. */
const run = (args, input) => spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8' });

describe('cookie-consent draft', () => {
  before(() => {
    assert.ok(existsSync(new URL('../../dist-cli/draft.js', import.meta.url)), 'dist-cli/draft.js is missing: run `npm install` or `npm run build` first');
  });

  it('is built by `npm install` into its own folder, which the package ships and git ignores, and not into the served dist/', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(pkg.scripts.prepare, 'rollup -c --configDraftOnly');
    assert.ok(pkg.files.includes('dist-cli'), 'package.json "files" lists dist-cli');
    assert.match(readFileSync(new URL('../../.gitignore', import.meta.url), 'utf8'), /^dist-cli\/$/m);
    assert.match(readFileSync(bin, 'utf8'), /from '\.\.\/dist-cli\/draft\.js'/);
    assert.ok(existsSync(new URL('../../dist/cookie-consent.min.js', import.meta.url)), 'dist/ is built');
    assert.deepEqual(readdirSync(new URL('../../dist/', import.meta.url), { recursive: true }).filter((file) => /draft/.test(file)), []);
  });

  it('prints a draft config for a seed policy and lists what it could not find on stderr', () => {
    const result = run(['draft', 'seeds/claranet-soho/policy.txt']);
    assert.equal(result.status, 0, result.stderr);
    const config = JSON.parse(result.stdout);
    assert.equal(config.provider.name, 'Claranet Limited');
    assert.equal(config.provider.contact.email, 'privacy@uk.clara.net');
    assert.deepEqual(config.categories, ['necessary', 'preferences', 'analytics', 'advertising']);
    assert.ok(result.stdout.startsWith('{\n  "$schema"'), 'two-space indented JSON');
    assert.match(result.stderr, /^cookie-consent: to check: .*provider\.policyUrl is a placeholder/m);
    assert.match(result.stderr, /"example": true/);
  });

  it('reads standard input, and drafts necessary cookies only when the policy has no cookie section', () => {
    const result = run(['draft', '-'], 'Privacy notice\nWe are Acme Widgets Ltd. Email privacy@acme.example.co.uk.\n');
    assert.equal(result.status, 0, result.stderr);
    const config = JSON.parse(result.stdout);
    assert.equal(config.provider.name, 'Acme Widgets Ltd');
    assert.deepEqual(config.categories, ['necessary']);
    assert.deepEqual(config.cookies.map((cookie) => cookie.name), ['cookie_consent']);
    assert.match(result.stderr, /No section about cookies found/);
    assert.match(result.stderr, /No UK postal address found/);
  });

  it('reports each decision with the sentence it came from, and declares the cookies the policy names', () => {
    const result = run(['draft', 'test/draft/policies/prose-only.txt']);
    assert.equal(result.status, 0, result.stderr);
    const config = JSON.parse(result.stdout);
    assert.deepEqual(
      config.cookies.map((cookie) => [cookie.name, cookie.lifetime, cookie.domain, cookie.example]),
      [
        ['cookie_consent', 'P182D', undefined, undefined],
        ['NFSESSION', 'session', undefined, undefined],
        ['_ga', 'P2Y', undefined, undefined],
        ['IDE', 'P13M', 'doubleclick.net', undefined],
        ['example_preferences', 'P1Y', undefined, true],
      ],
    );
    assert.match(result.stderr, /^cookie-consent: decided: cookie IDE: advertising, P13M, on doubleclick\.net.*\n {4}from: "Our advertising partner, Google's DoubleClick, sets a third-party cookie named IDE/m);
    assert.match(result.stderr, /^cookie-consent: to check: .*"example": true/m);
  });

  describe('text that is no privacy policy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cookie-consent-draft-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const file = (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const CASES = [
      ['an empty file', () => file('empty.txt', ''), /the text is empty/],
      ['a binary file', () => process.execPath, /binary file, not text/],
      ['JSON cut short', () => file('config.json', readFileSync(new URL('../../seeds/call-flow/cookie-consent.json', import.meta.url), 'utf8').slice(0, 300)), /broken JSON/],
      ['a file with no policy text', () => file('notes.txt', 'Meeting notes: order more paper for the printer on Monday.\n'), /no privacy-policy text found/],
    ];
    for (const [what, path, message] of CASES) {
      it(`fails on ${what}, saying why, and prints no config`, () => {
        const result = run(['draft', path()]);
        assert.equal(result.status, 1, result.stderr);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /^cookie-consent: cannot draft a config from .*: /);
        assert.match(result.stderr, message);
      });
    }
  });

  it('explains its usage and fails without a command or file', () => {
    for (const args of [[], ['draft'], ['write', 'policy.txt']]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /Usage: cookie-consent draft <policy\.txt\|->/);
    }
  });

  it('fails with a clear message when the policy file cannot be read', () => {
    const result = run(['draft', 'seeds/no-such-provider/policy.txt']);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /cannot read seeds\/no-such-provider\/policy\.txt/);
  });
});
