/**
 * The names src/core/defaults.ts gives (the on-demand files, the version's placeholder), for the
 * build: the source imports the same module, so a name is written in one place. Its types stripped,
 * the module runs here as it is.
 */
import { readFileSync } from 'node:fs';
import typescript from 'typescript';

const source = readFileSync(new URL('../../src/core/defaults.ts', import.meta.url), 'utf8');
const module = typescript.transpile(source, { module: typescript.ModuleKind.ESNext, target: typescript.ScriptTarget.ES2021 });

export const { INTERFACE_FILE, LOG_FILE, CONFIG_ERRORS_FILE, VERSION } = await import(`data:text/javascript,${encodeURIComponent(module)}`);
