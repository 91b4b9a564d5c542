import { expect } from '@open-wc/testing';

interface Named {
  name: string;
  default?: string;
}
interface ElementDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: Array<Named & { kind: string }>;
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  schemaVersion: string;
  modules: Array<{ path: string; declarations?: ElementDeclaration[]; exports?: Array<{ kind: string; name: string; declaration: { name: string; module: string } }> }>;
}

/** A file as the dev server serves it (TypeScript arrives compiled, with its templates intact). */
async function source(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '');
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

/** Every name in a static `part="…"` attribute; one attribute may hold several names. */
function partsIn(text: string): string[] {
  const names: string[] = [];
  for (const [, , value] of text.matchAll(/(?<![\w-])part=(["'])(.*?)\1/g)) names.push(...value.split(/\s+/).filter(Boolean));
  return sorted(names);
}

/** CSS rules whose selector starts with `:host`, as [selector, body] (no nesting in these styles). */
function hostRules(css: string): Array<[string, string]> {
  const rules: Array<[string, string]> = [];
  for (const [, selector, body] of withoutComments(css).matchAll(/([^{};`]*)\{([^{}]*)\}/g)) {
    if (selector.trim().startsWith(':host')) rules.push([selector.trim(), body]);
  }
  return rules;
}


/**
 * The public properties that reach rules reading `privateNames` (`--_cc-*`), through the plain
 * :host rule of the shared tokens: each private token's own declaration, followed to the tokens
 * it names in turn (`--_cc-focus` → `--_cc-link` → `--_cc-accent` → `--cc-accent`).
 */
function publicPropertiesBehind(tokensCss: string, privateNames: Iterable<string>): string[] {
  const body = hostRules(tokensCss).find(([selector]) => selector === ':host')?.[1] ?? '';
  const declarations = new Map([...body.matchAll(/(--_cc-[\w-]+)\s*:([^;]*)/g)].map(([, name, value]) => [name, value]));
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (text: string) => {
    for (const [name] of text.matchAll(/--cc-[\w-]+/g)) found.add(name);
    for (const [name] of text.matchAll(/--_cc-[\w-]+/g)) {
      if (seen.has(name)) continue;
      seen.add(name);
      visit(declarations.get(name) ?? '');
    }
  };
  visit([...privateNames].join(' '));
  return sorted(found);
}

/**
 * The public properties the plain `:host` rule reads, each with its light-theme fallback:
 * `var(--cc-accent, #0b57d0)` → ['--cc-accent', '#0b57d0']. Fallbacks may hold nested parentheses.
 */
function hostDefaults(css: string): Map<string, string> {
  const found = new Map<string, string>();
  const body = hostRules(css).find(([selector]) => selector === ':host')?.[1] ?? '';
  for (const match of body.matchAll(/var\(\s*(--cc-[\w-]+)\s*,/g)) {
    let depth = 1;
    let end = match.index! + match[0].length;
    while (end < body.length && depth > 0) {
      if (body[end] === '(') depth++;
      if (body[end] === ')') depth--;
      end++;
    }
    found.set(match[1], body.slice(match.index! + match[0].length, end - 1).trim());
  }
  return found;
}

describe('custom-elements.json', () => {
  let manifest: Manifest;
  const element = (tagName: string) => {
    for (const module of manifest.modules) {
      const declaration = module.declarations?.find((candidate) => candidate.tagName === tagName);
      if (declaration) return { module, declaration };
    }
    throw new Error(`custom-elements.json does not describe <${tagName}>`);
  };

  before(async () => {
    manifest = JSON.parse(await source('/custom-elements.json'));
  });

  it('is a Custom Elements Manifest 2.1.0', () => {
    expect(manifest.schemaVersion).to.equal('2.1.0');
    expect(manifest.modules.map((module) => module.path)).to.include('src/elements/cookie-consent/cookie-consent.ts');
  });

  it('points each custom element definition at a class the manifest describes', () => {
    const definitions = manifest.modules.flatMap((module) => module.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition');
    expect(definitions.map((entry) => entry.name).sort()).to.include('cookie-consent');
    for (const { name, declaration } of definitions) {
      const described = manifest.modules.find((module) => module.path === declaration.module)?.declarations?.find((candidate) => candidate.name === declaration.name);
      expect(described?.tagName, name).to.equal(name);
    }
  });

  describe('<cookie-consent>', () => {
    let elementSource: string;
    /** The shared tokens, whose plain :host rule reads every --cc-* property. */
    let stylesSource: string;
    /** The element, its banner's markup and the preferences panel it renders into its own shadow root. */
    let templateSource: string;
    before(async () => {
      elementSource = await source('/src/elements/cookie-consent/cookie-consent.ts');
      stylesSource = await source('/src/elements/theme.css.ts');
      templateSource = elementSource + (await source('/src/elements/cookie-consent/banner-content.ts')) + (await source('/src/elements/cookie-consent/preferences-panel.ts'));
    });

    it('names the class its module exports', () => {
      const { declaration } = element('cookie-consent');
      expect(elementSource).to.match(new RegExp(`export class ${declaration.name}\\b`));
    });

    it('documents the config attribute and the public methods, all present in the source', () => {
      const { declaration } = element('cookie-consent');
      const members = declaration.members!.map((member) => `${member.kind} ${member.name}`);
      expect(members).to.include.members(['field config', 'method showBanner', 'method showPreferences']);
      for (const method of declaration.members!.filter((member) => member.kind === 'method')) {
        expect(elementSource, method.name).to.match(new RegExp(`\\b${method.name}\\(`));
      }
    });

    it('has no part the source sets dynamically, which this check could not see', () => {
      expect(templateSource).not.to.match(/(?<![\w-])part=\$\{/);
    });

    it('lists exactly the parts the templates use', () => {
      const parts = partsIn(templateSource);
      expect(parts).not.to.be.empty;
      expect(sorted(element('cookie-consent').declaration.cssParts!.map((part) => part.name))).to.deep.equal(parts);
    });

    it('lists exactly the --cc-* custom properties the plain :host rule reads', () => {
      const read = sorted([...hostDefaults(stylesSource).keys()]);
      expect(read).not.to.be.empty;
      expect(sorted(element('cookie-consent').declaration.cssProperties!.map((property) => property.name))).to.deep.equal(read);
    });

    it('gives each custom property the fallback the plain :host rule gives it', () => {
      const documented = Object.fromEntries(element('cookie-consent').declaration.cssProperties!.map((property) => [property.name, property.default]));
      expect(documented).to.deep.equal(Object.fromEntries(hostDefaults(stylesSource)));
    });
  });

  describe('<cookie-consent-placeholder>', () => {
    let placeholderSource: string;
    before(async () => {
      placeholderSource = await source('/src/elements/placeholder/placeholder.ts');
    });

    it('names the class its module exports', () => {
      const { module, declaration } = element('cookie-consent-placeholder');
      expect(module.path).to.equal('src/elements/placeholder/placeholder.ts');
      expect(placeholderSource).to.match(new RegExp(`export class ${declaration.name}\\b`));
    });

    it('lists exactly the parts the template uses', () => {
      expect(placeholderSource).not.to.match(/(?<![\w-])part=\$\{/);
      const parts = partsIn(placeholderSource);
      expect(parts).not.to.be.empty;
      expect(sorted(element('cookie-consent-placeholder').declaration.cssParts!.map((part) => part.name))).to.deep.equal(parts);
    });

    it('lists exactly the --cc-* custom properties behind the tokens it reads, each with the shared default', async () => {
      const tokensSource = await source('/src/elements/theme.css.ts');
      expect(placeholderSource).to.include('tokens,');
      // Its own rules and the shared button look read private tokens; the shared :host rule reads
      // the font and text colour.
      expect(placeholderSource).to.include('buttonLook,');
      const buttonLook = withoutComments(tokensSource.slice(tokensSource.indexOf('export const BUTTON_LOOK'), tokensSource.indexOf('export const CONTROLS')));
      const read = [...`${withoutComments(placeholderSource)}${buttonLook}`.matchAll(/var\((--_cc-[\w-]+)/g)].map(([, name]) => name);
      const expected = sorted([...publicPropertiesBehind(tokensSource, [...read, '--_cc-fg']), '--cc-font', '--cc-font-size']);
      const documented = element('cookie-consent-placeholder').declaration.cssProperties!;
      expect(sorted(documented.map((property) => property.name))).to.deep.equal(expected);
      const defaults = hostDefaults(tokensSource);
      for (const property of documented) expect(property.default, property.name).to.equal(defaults.get(property.name));
    });
  });
});
