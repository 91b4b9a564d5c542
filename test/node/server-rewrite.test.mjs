/**
 * The HTML rewrite of `cookie-consent/server` (rewriteStream, rewriteNodeStream): what it holds,
 * what it leaves alone, and a parser corpus whose output must parse (with parse5, the tree builder of
 * the same parser family the browser's spec describes) to the input's tree once each held element
 * is restored as the blocker restores it. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Cookies from 'js-cookie';
import { readConsent, rewriteNodeStream, rewriteStream } from '../../dist/server.js';

const root = new URL('../../', import.meta.url);
// The tree builder of the parse5 the rewriting stream tokenizes with.
const fromRewriter = createRequire(createRequire(import.meta.url).resolve('parse5-html-rewriting-stream'));
const parse5 = await import(fromRewriter.resolve('parse5'));

const config = {
  provider: { name: 'Example Ltd', policyUrl: '/privacy' },
  categories: ['necessary', 'analytics', 'advertising'],
  hosts: { analytics: ['*.stats.example'], advertising: ['ads.example', '*.youtube.com'] },
};
const vendorConfig = JSON.parse(readFileSync(new URL('test/fixtures/vendor-snippets.json', root), 'utf8'));
const vendorPage = readFileSync(new URL('test/fixtures/vendor-snippets.html', root), 'utf8');

/** The Cookie header of a visitor who decided, granting `granted`. */
const decided = (granted, categories = ['necessary', 'analytics', 'advertising']) =>
  `cookie_consent=${Cookies.converter.write(
    JSON.stringify({
      version: 1,
      id: '3f2b8c1e-1d2a-4b3c-8d4e-5f6a7b8c9d0e',
      timestamp: new Date().toISOString(),
      revision: 1,
      categories: Object.fromEntries(categories.map((id) => [id, id === 'necessary' || granted.includes(id)])),
      services: {},
      gpc: false,
    }),
  )}`;

/** Rewrites `chunks` (strings or bytes) through the web stream; `held` lists what it held. */
async function rewrite(chunks, { source = '', conf = config, url } = {}) {
  const held = [];
  const input = new ReadableStream({
    start(controller) {
      for (const chunk of [chunks].flat()) controller.enqueue(chunk);
      controller.close();
    },
  });
  const html = await new Response(input.pipeThrough(rewriteStream(source, conf, { url, onHeld: (tag) => held.push(tag) }))).text();
  return { html, held };
}

/**
 * A parse5 tree as plain data, attributes sorted, template contents included. Scripting on, a
 * noscript's content is text the browser never parses: it is compared as the tree it would be with
 * scripting off, restored, since the rewrite holds what is in it for visitors without scripts.
 */
function shape(node) {
  if (node.nodeName === '#text') return node.value;
  if (node.nodeName === '#comment') return { comment: node.data };
  let children = (node.content ?? node).childNodes ?? [];
  if (node.tagName === 'noscript' && children.length === 1 && children[0].nodeName === '#text') {
    const fragment = parse5.parseFragment(children[0].value, { scriptingEnabled: false });
    restore(fragment);
    children = fragment.childNodes;
  }
  const attrs = (node.attrs ?? []).map(({ name, value }) => `${name}=${value}`).sort();
  return { tag: node.tagName ?? node.nodeName, namespace: node.namespaceURI, attrs, children: children.map(shape) };
}

/** Undoes the held form on every element with data-category, as the blocker's release does. */
function restore(node) {
  for (const child of (node.content ?? node).childNodes ?? []) restore(child);
  const attrs = node.attrs;
  if (!attrs?.some(({ name }) => name === 'data-category')) return;
  const script = node.tagName === 'script' && attrs.some(({ name, value }) => name === 'type' && value === 'text/plain');
  node.attrs = attrs
    .filter(({ name }) => name !== 'data-category' && !(script && name === 'type'))
    .map(({ name, value }) => (/^data-(src|srcset|href)$/.test(name) || (script && name === 'data-type') ? { name: name.slice(5), value } : { name, value }));
}

const tree = (html, scriptingEnabled) => {
  const document = parse5.parse(html, { scriptingEnabled });
  restore(document);
  return shape(document);
};

/** The corpus: each case with the tags it must hold. */
const CORPUS = [
  ['malformed nesting and an unclosed table', '<p>unclosed <b>bold <i>both</b> text</i><div><table><tr><td>cell<img src="https://ads.example/p.gif"></table>', ['img']],
  ['attributes in every quoting', `<img src=https://ads.example/a.gif alt='single' title="double &quot;q&quot;" data-x=a&amp;b><iframe SRC = 'https://ads.example/e' width=560 ></iframe>`, ['img', 'iframe']],
  ['uppercase tags and attributes', '<SCRIPT SRC="https://cdn.stats.example/x.js" ASYNC></SCRIPT><IMG SRCSET="https://ads.example/1.png 1x, https://ads.example/2.png 2x">', ['script', 'img']],
  ['a template', '<template id="t"><img src="https://ads.example/t.gif"><script src="https://ads.example/t.js"></script></template>', ['img', 'script']],
  ['inline SVG: its own script and image are left, an img breaks out of it', '<svg><script href="https://ads.example/s.js"></script><script src="https://ads.example/s2.js"></script><iframe src="https://ads.example/f"></iframe><image href="https://ads.example/i.png"/><foreignObject><iframe src="https://ads.example/in-html"></iframe></foreignObject></svg><svg><img src="https://ads.example/out.gif"></svg>', ['iframe', 'img']],
  ['scripts containing "</scr" + "ipt>"', `<script>document.write("<script src='https://ads.example/w.js'></scr" + "ipt>");</script><script>var s = '<!--<script>'; var t = '</scr' + 'ipt>';</script><p>after</p>`, ['script']],
  ['character references in URLs', '<img src="https://ads.example/p.gif?a=1&amp;b=2&lt;3" alt="&copy;">', ['img']],
  ['a noscript pixel and frame', '<body><noscript><img height="1" src="https://ads.example/tr?id=1&amp;ev=PageView"/><iframe src="https://www.youtube.com/embed/x"></iframe></noscript><p>x</p>', ['img', 'iframe']],
  ['tags in comments, textarea, title and style are text', '<!-- <img src="https://ads.example/c.gif"> --><textarea><img src="https://ads.example/x"></textarea><title><script src="https://ads.example/t.js"></script></title><style>a{background:url(https://ads.example/bg.png)}</style>', []],
  ['early links and the page\'s own markup', '<link rel="preload" as="script" href="https://ads.example/a.js"><link rel="stylesheet" href="https://ads.example/a.css"><link rel=dns-prefetch href="//x.stats.example"><script type="text/plain" data-category="analytics" src="https://cdn.stats.example/y.js"></script>', ['link', 'link']],
  ['JSON and template scripts are never run, so never held', '<script type="application/json">{"u":"https://ads.example/x"}</script><script type="text/template"><img src="https://ads.example/y"></script>', []],
  ['the vendor snippets', vendorPage, null],
];

describe('cookie-consent/server: the HTML rewrite', () => {
  describe('parser corpus: the output parses as the input does, except the held tags', () => {
    for (const [name, html, tags] of CORPUS) {
      it(name, async () => {
        const conf = tags ? config : vendorConfig;
        const { html: output, held } = await rewrite(html, { conf });
        if (tags) assert.deepEqual(held.map((each) => each.tag), tags);
        else assert.equal(held.length, 7, 'every vendor snippet is held');
        if (tags?.length === 0) assert.equal(output, html, 'nothing held, so the output is the input byte for byte');
        for (const scripting of [true, false]) assert.deepEqual(tree(output, scripting), tree(html, scripting), `scripting ${scripting ? 'on' : 'off'}`);
        // With every tag restored equal, the held ones must differ: nothing held fetches.
        for (const each of held) assert.ok(!output.includes(` src="${each.what}"`) && !output.includes(` href="${each.what}"`), `${each.what} is still live`);
      });
    }
  });

  it('gives the same output for a page split into two chunks at every point, as strings and as UTF-8 bytes', async () => {
    const sample = `<!doctype html><head><title>Café ✓ 😀</title>${CORPUS.slice(0, 8).map(([, html]) => html).join('\n')}<p>the end — fin</p>`;
    const whole = (await rewrite(sample)).html;
    const bytes = Buffer.from(sample);
    for (let at = 1; at < sample.length; at++) {
      assert.equal((await rewrite([sample.slice(0, at), sample.slice(at)])).html, whole, `split as a string at ${at}: ${JSON.stringify(sample.slice(at - 10, at + 10))}`);
    }
    for (let at = 1; at < bytes.length; at++) {
      assert.equal((await rewrite([bytes.subarray(0, at), bytes.subarray(at)])).html, whole, `split as bytes at ${at}`);
    }
  });

  it('holds every vendor snippet for a first visit, and leaves a returning visitor what they granted as written', async () => {
    const first = (await rewrite(vendorPage, { conf: vendorConfig })).html;
    const analyticsTag = '<script async src="https://www.googletagmanager.com/gtag/js?id=G-TEST123"></script>';
    assert.ok(!first.includes(analyticsTag));
    assert.ok(first.includes('<script type="text/plain" data-category="analytics" async data-src="https://www.googletagmanager.com/gtag/js?id=G-TEST123"></script>'));
    assert.ok(first.includes('<iframe data-category="advertising" width="560" height="315" data-src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=TestShareId"'));

    const { html, held } = await rewrite(vendorPage, { conf: vendorConfig, source: { headers: { cookie: decided(['analytics']) } } });
    assert.ok(html.includes(analyticsTag), 'the analytics tag is not untouched for a visitor who granted analytics');
    const hotjar = vendorPage.slice(vendorPage.indexOf('<script>\n    (function(h,o'), vendorPage.indexOf('</head>'));
    assert.ok(html.includes(hotjar), 'the Hotjar snippet is not untouched for a visitor who granted analytics');
    assert.deepEqual([...new Set(held.map((each) => each.category))], ['advertising']);
    assert.equal(held.length, 3, 'the Meta Pixel, its noscript image and the YouTube frame stay held');

    const everything = await rewrite(vendorPage, { conf: vendorConfig, source: readConsent(decided(['analytics', 'advertising']), vendorConfig) });
    assert.equal(everything.html, vendorPage, 'a visitor who granted everything gets the page byte for byte');
  });

  it('withholds what Global Privacy Control withdraws, as readConsent does', async () => {
    const gpcConfig = { ...vendorConfig, categories: ['necessary', 'analytics', { id: 'advertising', saleOrSharing: true }] };
    const request = new Request('https://www.example.co.uk/', { headers: { cookie: decided(['analytics', 'advertising']), 'sec-gpc': '1' } });
    const { held } = await rewrite(vendorPage, { conf: gpcConfig, source: request });
    assert.deepEqual([...new Set(held.map((each) => each.category))], ['advertising']);
  });

  it('resolves relative URLs against a <base> on another origin, and leaves them alone otherwise', async () => {
    const html = '<img src="/own.gif"><base href="https://ads.example/"><img src="pixel.gif"><script src="//ads.example/p.js"></script>';
    const { held } = await rewrite(html, { url: 'https://www.example.co.uk/page' });
    assert.deepEqual(held.map((each) => `${each.tag} ${each.what}`), ['img pixel.gif', 'script //ads.example/p.js']);
    const { held: own } = await rewrite('<base href="/sub/"><img src="pixel.gif">', { url: 'https://www.example.co.uk/page' });
    assert.deepEqual(own, []);
  });

  it('reports each held tag with its line and column, inside a noscript too', async () => {
    const { held } = await rewrite('<p>\n  <img src="https://ads.example/a.gif">\n<noscript>x<img src="https://ads.example/b.gif">\n<iframe src="https://ads.example/f"></iframe></noscript>', {});
    assert.deepEqual(held.map(({ line, column, tag }) => `${line}:${column} ${tag}`), ['2:3 img', '3:12 img', '4:1 iframe']);
  });

  it('holds everything on another origin for an invalid config, naming its problem, so the page decides with its own', async () => {
    const errors = [];
    const error = console.error;
    console.error = (message) => errors.push(message);
    try {
      const invalid = { provider: { name: 'X', policyUrl: '/p' }, hosts: 'ads.example' };
      const { html } = await rewrite('<img src="https://cdn.other.example/x.png"><img src="https://www.example.co.uk/own.png"><img src="/own.png">', { conf: invalid, url: 'https://www.example.co.uk/' });
      assert.equal(html, '<img data-category="" data-src="https://cdn.other.example/x.png"><img src="https://www.example.co.uk/own.png"><img src="/own.png">');
      await rewrite('<p>again</p>', { conf: invalid });
      assert.equal(errors.length, 1, 'the problem is named once per config');
      assert.match(errors[0], /invalid config[\s\S]*\n {2}hosts: /);
    } finally {
      console.error = error;
    }
  });

  it('sends the first bytes before the page has ended, through the Node stream', async () => {
    const stream = rewriteNodeStream('', config);
    const received = [];
    stream.on('data', (chunk) => received.push(chunk.toString()));
    const ended = new Promise((resolve) => stream.on('end', resolve));
    stream.write(Buffer.from('<!doctype html><head><script src="https://ads.example/a.js"></script><p>'));
    // The parser loads on the first chunk; from then on each chunk is answered at once.
    while (!received.length) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(received, ['<!doctype html><head><script type="text/plain" data-category="advertising" data-src="https://ads.example/a.js"></script><p>']);
    stream.write('<b>more</b>');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(received.slice(1), ['<b>more</b>'], 'a chunk written once the parser is loaded waits for nothing');
    stream.end('end</p>');
    await ended;
    assert.deepEqual(received.slice(1), ['<b>more</b>', 'end</p>']);
  });

  it('rewrites through Node pipes as through the web stream', async () => {
    let output = '';
    for await (const chunk of Readable.from([vendorPage.slice(0, 700), vendorPage.slice(700)]).pipe(rewriteNodeStream('', vendorConfig))) output += chunk;
    assert.equal(output, (await rewrite(vendorPage, { conf: vendorConfig })).html);
  });

  it('reads consent without the parser installed, and names the package when a rewrite needs it', () => {
    // A resolve hook that makes parse5-html-rewriting-stream missing, as on a site that never installed it.
    const hook = `data:text/javascript,${encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === 'parse5-html-rewriting-stream') throw Object.assign(new Error('Cannot find package'), { code: 'ERR_MODULE_NOT_FOUND' });
      return next(specifier, context);
    }`)}`;
    const script = `import { register } from 'node:module';
      register(${JSON.stringify(hook)});
      const { readConsent, rewriteStream } = await import(${JSON.stringify(new URL('dist/server.js', root).href)});
      console.log(readConsent('', { provider: { name: 'X', policyUrl: '/p' } }).problem);
      try { await new Response(new Response('<p>').body.pipeThrough(rewriteStream('', {}))).text(); } catch (error) { console.log(error.message); }`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(root) });
    const [problem, message] = result.stdout.trim().split('\n');
    assert.equal(problem, 'missing', result.stderr);
    assert.match(message ?? '', /needs the package parse5-html-rewriting-stream \(npm install parse5-html-rewriting-stream\)/);
  });
});
