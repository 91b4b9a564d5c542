import { existsSync } from 'node:fs';
import { sourceOf } from './source-of.mjs';

/**
 * Strips the types from each file without checking them, in a fraction of the time the TypeScript
 * plugin takes to check the whole program; the widget builds check every file in src/.
 */
export const transpileOnly = () => {
  let typescript;
  return {
    name: 'transpile-only',
    async buildStart() {
      typescript = (await import('typescript')).default;
    },
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const file = sourceOf(source, importer);
      return existsSync(file) ? file : null;
    },
    transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const { ScriptTarget, ModuleKind } = typescript;
      const { outputText } = typescript.transpileModule(code, { compilerOptions: { target: ScriptTarget.ES2021, module: ModuleKind.ESNext, isolatedModules: true }, fileName: id });
      return { code: outputText, map: null };
    },
  };
};
