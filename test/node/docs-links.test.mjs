/**
 * The documentation is a set of pages that link to each other and to the source: every relative
 * link in them names a file that exists, and every #anchor a heading of that page.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = ['README.md', 'CHANGELOG.md', 'test/README.md', 'bench/README.md', 'demo/README.md', 'seeds/README.md', ...readdirSync(join(root, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
const anchorsOf = (text) => new Set([...text.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) => anchorOf(heading)));

/** Markdown links outside code: [text](target), with the target's #anchor split off. */
function linksOf(text) {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map(([, target]) => target).filter((target) => !/^[a-z]+:/i.test(target));
}

describe('documentation links', () => {
  it('reads every page', () => {
    for (const page of PAGES) assert.ok(existsSync(join(root, page)), page);
    assert.ok(PAGES.length > 10);
  });

  for (const page of PAGES.filter((file) => existsSync(join(root, file)))) {
    it(`${page}: every relative link and anchor resolves`, () => {
      const text = readFileSync(join(root, page), 'utf8');
      const broken = [];
      for (const link of linksOf(text)) {
        const [path, anchor] = link.split('#');
        const target = path ? join(dirname(join(root, page)), path) : join(root, page);
        if (!existsSync(target)) broken.push(`${link} (no ${relative(root, target)})`);
        else if (anchor && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(anchor)) broken.push(`${link} (no heading #${anchor})`);
      }
      assert.deepEqual(broken, []);
    });
  }

  it('finds a broken link when there is one', () => {
    assert.deepEqual(linksOf('see [x](docs/nowhere.md#a) and `[y](code.md)`'), ['docs/nowhere.md#a']);
    assert.equal(anchorOf('On the server: `cookie-consent/server`'), 'on-the-server-cookie-consentserver');
  });
});
