/**
 * Holds `src/` to its layout: every file in a layer, arrows between layers that go one way only
 * (entries → runtime → page → core), no import cycle (type-only imports, `export … from` and
 * `import()` of relative paths count: a type cycle still ties the files together for a reader),
 * and no file over 250 lines. What breaks these rules today is listed below by name, so that each
 * list only shrinks: a listed file or arrow that no longer breaks the rule fails the test until it
 * is taken off the list.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const src = join(root, 'src');
const MAX_LINES = 250;

/**
 * The layers, first match wins: `files` are paths under src/, `folders` hold every file below them.
 * `imports` says which layers a layer's files may import from (its own included). To place a new
 * file or folder, add it here.
 */
const LAYERS = [
  {
    name: 'entry',
    // The package's entries and commands: what a page, a server or a shell loads first.
    files: ['auto.ts', 'index.ts', 'interface.ts', 'server.ts', 'records/index.ts', 'records/cli.ts', 'draft/index.ts', 'define.ts', 'script-tag-shared.ts'],
    folders: ['cli'],
    imports: ['entry', 'view', 'runtime', 'page', 'i18n', 'core', 'server', 'records', 'draft'],
  },
  {
    name: 'view',
    // The elements that draw: they read the runtime's state and call its commands; the runtime
    // never calls them (it asks a view to open by an event), so no arrow comes back.
    folders: ['elements'],
    imports: ['view', 'runtime', 'page', 'i18n', 'core'],
  },
  {
    name: 'runtime',
    // The browser's running widget: the consent runtime, the page's one instance, the public API.
    files: ['api.ts'],
    folders: ['runtime'],
    imports: ['runtime', 'page', 'i18n', 'core'],
  },
  {
    name: 'page',
    // One owner for each side effect on the page: the blocker, the cookie jar and storage, the log.
    folders: ['page'],
    imports: ['page', 'i18n', 'core'],
  },
  { name: 'i18n', folders: ['i18n'], imports: ['i18n', 'core'] },
  // Pure rules and data: no DOM, and nothing outside core.
  { name: 'core', folders: ['core'], imports: ['core'] },
  // The Node side, each beside its entry: the server helper, the record service, the drafter.
  { name: 'server', folders: ['server'], imports: ['server', 'core'] },
  { name: 'records', folders: ['records'], imports: ['records', 'core'] },
  { name: 'draft', folders: ['draft'], imports: ['draft', 'core'] },
];

/**
 * Files over the limit today while they are being split; each must still be over it (take a file
 * off once it is split).
 */
const LONG_FILES = [
  'elements/cookie-consent/cookie-consent.ts',
  'page/blocker.ts',
  'core/config/parse-config.ts',
];

/**
 * Arrows that go the wrong way between layers or close a cycle today, in files being reshaped; each
 * must still exist (take it off once it is gone). They are left out of the layer and cycle checks.
 */
const KNOWN_ARROWS = [
  // The cosmetic keys check \`texts\` against the English strings' keys (core → i18n).
  'core/config/cosmetic.ts → i18n/en-GB.ts',
  // The blocker puts a placeholder where it holds an embed, typed by the element (page → view, type only).
  'page/blocker.ts → elements/placeholder/placeholder.ts',
  // The page's runtime imports the interface by default when it must draw the dialog (runtime → entry, dynamic).
  'runtime/page-runtime.ts → interface.ts',
];

/** Every TypeScript file under a folder, as paths relative to src/ with forward slashes. */
function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(src, path).split('\\').join('/')] : [];
  });
}

/** The file a relative specifier names: `./x.js` is `./x.ts`, a folder is its `index.ts`. */
function resolveImport(from, specifier) {
  const base = resolve(src, dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')];
  const found = candidates.find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
  return found && relative(src, found).split('\\').join('/');
}

/** The relative imports of a file: static, type-only, `export … from` and `import()` with a literal path. */
function importsOf(file, text) {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => {
      const target = resolveImport(file, specifier);
      assert.ok(target, `src/${file} imports ${specifier}, which is no file under src/`);
      return target;
    });
}

/** The layer a file belongs to, or undefined. */
function layerOf(file) {
  return LAYERS.find(({ files = [], folders = [] }) => files.includes(file) || folders.some((folder) => file.startsWith(`${folder}/`)));
}

/** The import cycles of a graph (file → files), each as the files around it, found by depth-first search. */
function findCycles(graph) {
  const cycles = [];
  const state = new Map();
  const stack = [];
  const visit = (file) => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

const files = sourceFiles(src).sort();
const texts = new Map(files.map((file) => [file, readFileSync(join(src, file), 'utf8')]));
/** Every arrow in src/, as `from → to`. */
const arrows = new Set(files.flatMap((file) => importsOf(file, texts.get(file)).map((target) => `${file} → ${target}`)));
/** The arrows the checks hold to the rules: all but the listed ones. */
const checked = [...arrows].filter((arrow) => !KNOWN_ARROWS.includes(arrow)).map((arrow) => arrow.split(' → '));
const lineCount = (file) => texts.get(file).split('\n').length - (texts.get(file).endsWith('\n') ? 1 : 0);

describe('source layout (src/)', () => {
  it('puts every file in a layer', () => {
    const unplaced = files.filter((file) => !layerOf(file));
    assert.deepEqual(unplaced, [], `files in no layer: add them to LAYERS in test/node/source-layout.test.mjs`);
  });

  it('has arrows between layers that go one way only', () => {
    const wrong = checked
      .filter(([from, to]) => layerOf(from) && layerOf(to) && !layerOf(from).imports.includes(layerOf(to).name))
      .map(([from, to]) => `src/${from} (${layerOf(from).name}) imports src/${to} (${layerOf(to).name})`);
    assert.deepEqual(wrong, [], 'an import goes the wrong way between layers');
  });

  it('has no import cycle, type-only imports included', () => {
    const graph = new Map(files.map((file) => [file, []]));
    for (const [from, to] of checked) graph.get(from).push(to);
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => `src/${file}`).join(' → '));
    assert.deepEqual(cycles, [], 'files import each other');
  });

  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = files.filter((file) => lineCount(file) > MAX_LINES && !LONG_FILES.includes(file)).map((file) => `src/${file}: ${lineCount(file)} lines`);
    assert.deepEqual(long, [], `split these files along their seams (at most ${MAX_LINES} lines each)`);
  });

  it('lists only files that are still over the limit', () => {
    const done = LONG_FILES.filter((file) => !texts.has(file) || lineCount(file) <= MAX_LINES);
    assert.deepEqual(done, [], 'no longer over the limit: take these off LONG_FILES in test/node/source-layout.test.mjs');
  });

  it('lists only arrows that still exist', () => {
    const gone = KNOWN_ARROWS.filter((arrow) => !arrows.has(arrow));
    assert.deepEqual(gone, [], 'these imports are gone: take them off KNOWN_ARROWS in test/node/source-layout.test.mjs');
  });
});
