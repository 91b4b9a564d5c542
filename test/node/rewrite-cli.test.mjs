/**
 * `cookie-consent rewrite`: the server rewrite at build time, run as a site would run it. Needs
 * `npm run build` (or `npm install`) first for dist-cli/rewrite.js.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/cookie-consent.mjs', import.meta.url));
const fixture = (name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const page = readFileSync(fixture('vendor-snippets.html'), 'utf8');

let site;
const run = (...args) => spawnSync(process.execPath, [bin, 'rewrite', ...args], { cwd: site, encoding: 'utf8' });

describe('cookie-consent rewrite', () => {
  beforeEach(() => {
    site = mkdtempSync(join(tmpdir(), 'cc-rewrite-'));
    mkdirSync(join(site, 'public/blog'), { recursive: true });
    copyFileSync(fixture('vendor-snippets.json'), join(site, 'cookie-consent.json'));
    copyFileSync(fixture('vendor-snippets.html'), join(site, 'public/index.html'));
    writeFileSync(join(site, 'public/blog/post.htm'), '<p>A post</p>\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n');
    writeFileSync(join(site, 'public/plain.html'), '<p>Nothing to hold</p>');
    writeFileSync(join(site, 'public/style.css'), 'body{background:url(https://www.facebook.com/x.png)}');
  });
  after(() => rmSync(site, { recursive: true, force: true }));

  it('rewrites a folder in place, printing each change with file, line and column', () => {
    const result = run('public');
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.deepEqual(lines.filter((line) => line.startsWith('public/blog/')), ['public/blog/post.htm:2:1: held <iframe> https://www.youtube.com/embed/x until consent to advertising']);
    assert.ok(lines.includes('public/index.html:8:1: held <script> https://www.googletagmanager.com/gtag/js?id=G-TEST123 until consent to analytics'), result.stdout);
    assert.ok(lines.includes('public/index.html:36:11: held <img> https://www.facebook.com/tr?id=123456789012345&ev=PageView&noscript=1 until consent to advertising'), result.stdout);
    assert.equal(lines.filter((line) => line.startsWith('public/index.html:')).length, 7);
    assert.equal(lines.at(-1), 'cookie-consent: 2 of 3 files changed');
    assert.equal(readFileSync(join(site, 'public/blog/post.htm'), 'utf8'), '<p>A post</p>\n<iframe data-category="advertising" data-src="https://www.youtube.com/embed/x"></iframe>\n');
    assert.equal(readFileSync(join(site, 'public/plain.html'), 'utf8'), '<p>Nothing to hold</p>');
    assert.match(readFileSync(join(site, 'public/style.css'), 'utf8'), /url\(https:\/\/www\.facebook\.com/, 'only HTML files are touched');
  });

  it('is idempotent: a second run changes nothing', () => {
    assert.equal(run('public').status, 0);
    const once = readFileSync(join(site, 'public/index.html'), 'utf8');
    const again = run('public');
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout.trim(), 'cookie-consent: 0 of 3 files changed');
    assert.equal(readFileSync(join(site, 'public/index.html'), 'utf8'), once);
  });

  it('writes to an output folder, keeping paths, and leaves the sources alone', () => {
    const result = run('public', 'public/index.html', '--out', 'build', '--config', 'cookie-consent.json');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(join(site, 'public/index.html'), 'utf8'), page);
    assert.match(readFileSync(join(site, 'build/blog/post.htm'), 'utf8'), /data-src="https:\/\/www\.youtube\.com/);
    assert.equal(readFileSync(join(site, 'build/plain.html'), 'utf8'), '<p>Nothing to hold</p>');
    assert.match(readFileSync(join(site, 'build/index.html'), 'utf8'), /<script type="text\/plain" data-category="analytics" async data-src=/);
  });

  for (const [name, content, problem] of [
    ['cut off inside a tag', '<p>cut <img src="https://www.youtube.com/x"', /broken\.html:1:44: cannot parse: eof-in-tag/],
    ['cut off inside a comment', '<p>x</p><!-- <iframe src="https://www.youtube.com/x">', /broken\.html:1:\d+: cannot parse: eof-in-comment/],
    ['not UTF-8', Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x74, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]), /broken\.html: not UTF-8 text/],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /broken\.html: not UTF-8 text|broken\.html: binary/],
    ['binary that is valid UTF-8', '<p>\0\0\0</p>', /broken\.html: binary/],
  ]) {
    it(`exits 1 for a file ${name}, leaves it as it is, and still rewrites the rest`, () => {
      writeFileSync(join(site, 'public/broken.html'), content);
      const result = run('public');
      assert.equal(result.status, 1, result.stdout);
      assert.match(result.stderr, problem);
      assert.deepEqual(readFileSync(join(site, 'public/broken.html')), Buffer.from(content));
      assert.match(readFileSync(join(site, 'public/blog/post.htm'), 'utf8'), /data-category="advertising"/);
      assert.match(result.stdout, /2 of 4 files changed, 1 could not be parsed/);
    });
  }

  it('exits 2 for a config it cannot use, naming the problem, and changes nothing', () => {
    writeFileSync(join(site, 'cookie-consent.json'), JSON.stringify({ provider: { name: 'X', policyUrl: '/p' }, hosts: { analytics: 'x' } }));
    const result = run('public');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /invalid config cookie-consent\.json, so nothing is rewritten:\n {2}hosts\.analytics: /);
    assert.equal(readFileSync(join(site, 'public/index.html'), 'utf8'), page);
    assert.equal(run('public', '--config', 'missing.json').status, 2);
    assert.equal(run().status, 2);
    assert.equal(run('public', '--frobnicate').status, 2);
    assert.ok(!existsSync(join(site, 'build')));
  });
});
