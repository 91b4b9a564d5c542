/**
 * Collapses the white space and comments inside Lit `css` templates, which terser leaves alone
 * because they are strings. Only safe rewrites: no spaces around { } ; , > or after a colon, and
 * no leading zero before a decimal point.
 */
export const minifyCssTemplates = () => ({
  name: 'minify-css-templates',
  transform(code, id) {
    if (!/\.[tj]s$/.test(id) || !/css\s*`/.test(code)) return null;
    const minified = code.replace(/css\s*`([^`]*)`/g, (_, body) =>
      `css\`${body
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        // 0.5rem → .5rem (a zero after a digit or a dot is part of a larger number and stays).
        .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2')
        .trim()}\``,
    );
    return { code: minified, map: null };
  },
});
