// Builds dist/engine.cjs (after tsc): dist/engine.js with react-pdf and every other import except React bundled
// into one CommonJS file, which src/node-engine.ts loads through V8's code cache. One file instead of ~150 modules,
// and CommonJS because Node 20 can cache the bytecode of a script it compiles with `vm`, not of an ES module.
// Also writes dist/engine.cjs.LICENSES.txt: the notices of every package whose code the bundle carries.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(pkg, 'dist/engine.js');
const outfile = join(pkg, 'dist/engine.cjs');

/**
 * Replaces `find` in a dependency's module with `replace`, exactly `count` times, or fails the build: these edits
 * are written against one version of the module and must not silently miss after an update.
 */
function edit(source, file, find, replace, count) {
  const found = source.split(find).length - 1;
  if (found !== count)
    throw new Error(`${file} changed: expected ${count}× ${JSON.stringify(find)}, found ${found}`);
  return source.split(find).join(replace);
}

/**
 * pdfkit:
 * - it loads its standard fonts' metrics with a `require` made by `createRequire(import.meta.url)`, which a bundler
 *   cannot see: the bundle would look for `#standard-fonts/…` beside itself at run time and fail. The plain
 *   `require` lets esbuild resolve pdfkit's own `imports` map and bundle the metrics.
 * - it imports AES (for encrypted PDFs, which this package never makes) at the top, and the AES module builds its
 *   tables when evaluated (≈ 20 ms of a fresh process): required on first use instead.
 */
const pdfkitEdits = {
  name: 'pdfkit-edits',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      source = edit(source, args.path, "require$1('#standard-fonts/", "require('#standard-fonts/", 14);
      source = edit(
        source,
        args.path,
        "import { cbc, ecb } from '@noble/ciphers/aes';",
        "const cbc = (...a) => require('@noble/ciphers/aes').cbc(...a), ecb = (...a) => require('@noble/ciphers/aes').ecb(...a);",
        1,
      );
      // A new font object per text run, compared with the cached one by JSON-encoding both fonts' name tables
      // (≈ 5 % of a warm render): the object a fontkit font ended up as is kept per document and reused. The id
      // counter still advances as before, and only a font that became its name's cached object is kept, so the
      // fonts, ids and bytes are the ones the unedited code makes.
      // (\u007b is `{`: the line has a template literal's placeholder, which a plain string must not look like.)
      const idLine = 'const id = `F$\u007b++this._fontCount}`;';
      source = edit(
        source,
        args.path,
        `${idLine}\n    this._font = PDFFontFactory.open(this, src, family, id);`,
        [
          idLine,
          "    const kept = typeof src?.layout === 'function' ? (this._nianbaoFonts ??= new Map()).get(src) : undefined;",
          '    if (kept) {',
          '      this._font = kept;',
          '      return this;',
          '    }',
          '    this._font = PDFFontFactory.open(this, src, family, id);',
        ].join('\n'),
        1,
      );
      source = edit(
        source,
        args.path,
        '    if ((font = this._fontFamilies[this._font.name]) && isEqualFont(this._font, font)) {\n      this._font = font;\n      return this;\n    }',
        [
          '    if ((font = this._fontFamilies[this._font.name]) && isEqualFont(this._font, font)) {',
          '      this._font = font;',
          "      if (typeof src?.layout === 'function') this._nianbaoFonts.set(src, font);",
          '      return this;',
          '    }',
          "    if (typeof src?.layout === 'function' && !cacheKey && this._font.name && !this._fontFamilies[this._font.name]) this._nianbaoFonts.set(src, this._font);",
        ].join('\n'),
        1,
      );
      // Every document opens Helvetica (pdfkit's default font, never drawn here), and StandardFont parsed its
      // metrics anew each time: ≈ 2,700 kerning pairs into an object keyed by name pairs (≈ 1 % of a warm render).
      // The parsed metrics are only read after construction, so one parse per standard font is kept per process;
      // the font object, its id and its dictionary are still made per document.
      source = edit(
        source,
        args.path,
        '    this.font = new AFMFont(fontData);',
        '    this.font = nianbaoAfm.get(fontData) ?? nianbaoAfm.set(fontData, new AFMFont(fontData)).get(fontData);',
        1,
      );
      source = edit(
        source,
        args.path,
        'class AFMFont {',
        'const nianbaoAfm = new WeakMap();\nclass AFMFont {',
        1,
      );
      return { contents: source, loader: 'js' };
    });
  },
};

/**
 * @react-pdf/layout's new paginator (`experimentalPagination`) paginates the whole document a second time when any
 * page has a `render` prop, because a render prop may read `totalPages`. The page number reads only `pageNumber`
 * and says so with `nianbaoReadsTotals: false` on its View (see document.ts): such render props no longer ask for
 * the second round (≈ 0.8× a warm render, the same bytes: the first round already gave each page its number).
 */
function skipTotalsRound(source, path) {
  return edit(
    source,
    path,
    'const needsTotalsRound = (root) => root.children.some((page) => hasDynamic(page) || page.props?.layout);',
    [
      'const readsTotals = (node) => (isDynamic(node) && node.props.nianbaoReadsTotals !== false) || (node.children || []).some(readsTotals);',
      'const needsTotalsRound = (root) => root.children.some((page) => readsTotals(page) || page.props?.layout);',
    ].join('\n'),
    1,
  );
}

/**
 * @react-pdf/layout sets every text node's lines with textkit (shaping, line breaking, glyph runs) from scratch,
 * though most of a report's texts recur: the statute's labels and headings are the same in every report, and a
 * table's zeros are the same text at the same width dozens of times (320 text layouts a seed render, 119 of them
 * distinct). textkit's result is a pure function of the attributed string (text and run attributes), the container
 * (width, height, lines) and the options (hyphenation callback), so it is kept per process, keyed by those, and the
 * same lines are reused; nothing downstream changes lines in place (pagination slices them into new arrays, the
 * renderer copies glyphs before use). Objects that are not plain data (fontkit fonts, callbacks, image bytes) key by
 * identity, so a new font is a new key. Texts beside floats (exclusions, laid out per page) are never kept. The
 * store holds at most TEXT_LAYOUTS_KEPT layouts (≈ 16 KB each) and drops the least recently used first, so the texts
 * every report has stay while one report's own texts make way.
 */
function cacheTextLayouts(layoutSource, path) {
  const source = edit(
    layoutSource,
    path,
    [
      '    const lines = engine(attributedString, container, options);',
      '    return lines.reduce((acc, line) => [...acc, ...line], []);',
    ].join('\n'),
    [
      '    const key = nianbaoTextKey(attributedString, container, options);',
      '    const kept = key === undefined ? undefined : nianbaoTextLayouts.get(key);',
      '    if (kept) {',
      '      nianbaoTextLayouts.delete(key);',
      '      nianbaoTextLayouts.set(key, kept);',
      '      return kept;',
      '    }',
      '    const lines = engine(attributedString, container, options);',
      '    const laid = lines.reduce((acc, line) => [...acc, ...line], []);',
      '    if (key !== undefined) {',
      '      if (nianbaoTextLayouts.size >= TEXT_LAYOUTS_KEPT) nianbaoTextLayouts.delete(nianbaoTextLayouts.keys().next().value);',
      '      nianbaoTextLayouts.set(key, laid);',
      '    }',
      '    return laid;',
    ].join('\n'),
    1,
  );
  return [
    'const TEXT_LAYOUTS_KEPT = 1000;',
    'const nianbaoTextLayouts = new Map();',
    'const nianbaoIds = new WeakMap();',
    'let nianbaoNextId = 0;',
    'const nianbaoIdOf = (value) => {',
    '  let id = nianbaoIds.get(value);',
    '  if (id === undefined) nianbaoIds.set(value, (id = ++nianbaoNextId));',
    '  return id;',
    '};',
    // The key is the three values written out with every kind told apart: strings quoted, numbers JSON cannot
    // write tagged n, functions (f) and objects that are not plain data (o) by identity, plain objects as their own
    // keys and values (undefined values left out, as JSON does), arrays in order; anything else (a symbol, a
    // bigint) or a structure nested past 64 levels makes the text unkept. Written by hand: JSON.stringify with a
    // replacer called back for every value was ≈ 2 % of a warm render and ≈ 4 % of a cold one.
    'const nianbaoKeyOf = (value, depth) => {',
    "  if (depth > 64) throw new Error('too deep to key');",
    '  switch (typeof value) {',
    "    case 'string': return JSON.stringify(value);",
    "    case 'number': return Number.isFinite(value) ? '' + value : 'n' + value;",
    "    case 'boolean': return value ? 'true' : 'false';",
    "    case 'undefined': return 'u';",
    "    case 'function': return 'f' + nianbaoIdOf(value);",
    "    case 'object': {",
    "      if (value === null) return 'null';",
    '      if (Array.isArray(value)) {',
    "        let out = '[';",
    "        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + nianbaoKeyOf(value[i], depth + 1);",
    "        return out + ']';",
    '      }',
    '      const proto = Object.getPrototypeOf(value);',
    "      if (proto !== Object.prototype && proto !== null) return 'o' + nianbaoIdOf(value);",
    "      let out = '{';",
    '      for (const key of Object.keys(value)) {',
    '        const part = value[key];',
    "        if (part !== undefined) out += JSON.stringify(key) + ':' + nianbaoKeyOf(part, depth + 1) + ',';",
    '      }',
    "      return out + '}';",
    '    }',
    '    default:',
    "      throw new Error('unkeyable value');",
    '  }',
    '};',
    'const nianbaoTextKey = (attributedString, container, options) => {',
    '  if ((container.exclusions?.length ?? 0) > 0) return undefined;',
    '  try {',
    '    return nianbaoKeyOf([attributedString, container, options], 0);',
    '  } catch {',
    '    return undefined;',
    '  }',
    '};',
    source,
  ].join('\n');
}

/**
 * @react-pdf/layout gives every node's style to its yoga node (twice a render: the first pass and the relayout of
 * each output page) through `compose` of 37 curried setters, and each setter rebuilt its method names from
 * template strings and ran a regular expression over every number to look for a percent sign (≈ 10 % of a warm
 * render, most of it call overhead, not yoga). The same setters are called, in the same order, with the same
 * arguments: names computed once per setter, the 37 calls written out in compose's order (last to first).
 */
function directYogaSetters(source, path) {
  let out = edit(
    source,
    path,
    [
      'const setYogaValue = (attr, edge) => (value) => (node) => {',
      '    const { yogaNode } = node;',
      '    if (!isNil(value) && yogaNode) {',
      '        const hasEdge = !isNil(edge);',
      '        const fixedMethod = `set$\u007bupperFirst(attr)}`;',
      '        const autoMethod = `$\u007bfixedMethod}Auto`;',
      '        const percentMethod = `$\u007bfixedMethod}Percent`;',
      '        const percent = matchPercent(value);',
    ].join('\n'),
    [
      'const setYogaValue = (attr, edge) => {',
      '    const hasEdge = !isNil(edge);',
      '    const fixedMethod = `set$\u007bupperFirst(attr)}`;',
      '    const autoMethod = `$\u007bfixedMethod}Auto`;',
      '    const percentMethod = `$\u007bfixedMethod}Percent`;',
      '    const apply = (value, node) => nianbaoSetYogaValue(attr, edge, hasEdge, fixedMethod, autoMethod, percentMethod, value, node);',
      '    const curried = (value) => (node) => apply(value, node);',
      '    curried.nianbaoApply = apply;',
      '    return curried;',
      '};',
      'const nianbaoSetYogaValue = (attr, edge, hasEdge, fixedMethod, autoMethod, percentMethod, value, node) => {',
      '    const { yogaNode } = node;',
      '    if (!isNil(value) && yogaNode) {',
      '        const percent = matchPercent(value);',
    ].join('\n'),
    1,
  );
  out = edit(
    out,
    path,
    "    return setYogaValue('flexGrow')(value || 0)(node);",
    '    return nianbaoFlexGrow(value || 0, node);',
    1,
  );
  out = edit(
    out,
    path,
    "    return setYogaValue('flexShrink')(value || 1)(node);",
    '    return nianbaoFlexShrink(value || 1, node);',
    1,
  );
  out = edit(
    out,
    path,
    "const setFlexBasis = setYogaValue('flexBasis');",
    [
      "const setFlexBasis = setYogaValue('flexBasis');",
      "const nianbaoFlexGrow = setYogaValue('flexGrow').nianbaoApply;",
      "const nianbaoFlexShrink = setYogaValue('flexShrink').nianbaoApply;",
    ].join('\n'),
    1,
  );
  // compose(f1, …, f37)(node) runs f37 first and f1 last; every argument is read before any setter runs.
  const composed =
    '    compose(setNodeHeight(node), setWidth(node.style.width), setMinWidth(node.style.minWidth), setMaxWidth(node.style.maxWidth), setMinHeight(node.style.minHeight), setMaxHeight(node.style.maxHeight), setMarginTop(node.style.marginTop), setMarginRight(node.style.marginRight), setMarginBottom(node.style.marginBottom), setMarginLeft(node.style.marginLeft), setPaddingTop(node.style.paddingTop), setPaddingRight(node.style.paddingRight), setPaddingBottom(node.style.paddingBottom), setPaddingLeft(node.style.paddingLeft), setPositionType(node.style.position), setPositionTop(node.style.top), setPositionRight(node.style.right), setPositionBottom(node.style.bottom), setPositionLeft(node.style.left), setBorderTop(node.style.borderTopWidth), setBorderRight(node.style.borderRightWidth), setBorderBottom(node.style.borderBottomWidth), setBorderLeft(node.style.borderLeftWidth), setDisplay(node.style.display), setFlexDirection(node.style.flexDirection), setAlignSelf(node.style.alignSelf), setAlignContent(node.style.alignContent), setAlignItems(node.style.alignItems), setJustifyContent(node.style.justifyContent), setFlexWrap(node.style.flexWrap), setOverflow(node.style.overflow), setAspectRatio(node.style.aspectRatio), setFlexBasis(node.style.flexBasis), setFlexGrow(node.style.flexGrow), setFlexShrink(node.style.flexShrink), setRowGap(node.style.rowGap), setColumnGap(node.style.columnGap))(node);';
  const calls = [...composed.matchAll(/(set\w+)\((node(?:\.style\.\w+)?)\)/g)].map((m) => [m[1], m[2]]);
  if (calls.length !== 37 || calls[0][0] !== 'setNodeHeight')
    throw new Error(`${path}: setYogaValues' setter list did not parse (${calls.length})`);
  const direct = new Set([
    'setWidth',
    'setMinWidth',
    'setMaxWidth',
    'setMinHeight',
    'setMaxHeight',
    'setMarginTop',
    'setMarginRight',
    'setMarginBottom',
    'setMarginLeft',
    'setPaddingTop',
    'setPaddingRight',
    'setPaddingBottom',
    'setPaddingLeft',
    'setPositionTop',
    'setPositionRight',
    'setPositionBottom',
    'setPositionLeft',
    'setBorderTop',
    'setBorderRight',
    'setBorderBottom',
    'setBorderLeft',
    'setFlexBasis',
    'setRowGap',
    'setColumnGap',
  ]);
  const lines = calls.map(([fn, arg], i) => {
    const value = arg === 'node' ? null : `v${i}`;
    return { fn, arg, value };
  });
  const body = [
    '    const style = node.style;',
    // setNodeHeight(node) is evaluated first, as compose's first argument.
    '    const height = setNodeHeight(node);',
    ...lines
      .slice(1)
      .map(({ value, arg }) => `    const ${value} = style.${arg.slice('node.style.'.length)};`),
    ...lines
      .slice(1)
      .reverse()
      .map(({ fn, value }) =>
        direct.has(fn) ? `    ${fn}.nianbaoApply(${value}, node);` : `    ${fn}(${value})(node);`,
      ),
    '    height(node);',
  ];
  out = edit(out, path, composed, body.join('\n'), 1);
  return out;
}

/**
 * @react-pdf/fns' matchPercent runs a regular expression over the string form of whatever it is given; the layout
 * asks it about every number of every style, twice a render. A number, null or undefined never prints a `%`, and
 * neither does a string without one, so those answer null (as the expression does) without it.
 */
const fnsEdits = {
  name: 'fns-edits',
  setup(b) {
    b.onLoad({ filter: /[\\/]@react-pdf[\\/]fns[\\/]lib[\\/]index\.js$/ }, (args) => ({
      contents: edit(
        readFileSync(args.path, 'utf8'),
        args.path,
        'const matchPercent = (value) => {\n    const match = PERCENT_REGEX.exec(`$\u007bvalue}`);',
        [
          'const matchPercent = (value) => {',
          "    if (typeof value === 'number' || value === null || value === undefined || (typeof value === 'string' && !value.includes('%')))",
          '        return null;',
          '    const match = PERCENT_REGEX.exec(`$\u007bvalue}`);',
        ].join('\n'),
        1,
      ),
      loader: 'js',
    }));
  },
};

/**
 * @react-pdf/stylesheet resolves each style key through its handler, which returns a new one-key object with a
 * computed key (`{ [key]: value }`, made in dictionary mode) that is then `Object.assign`ed into the result; most
 * keys are plain units, numbers, colours or kept values. For those four handlers the value they would return is
 * assigned directly (`Object.assign` assigns, so the result is the same object, key order included).
 */
function directStyleHandlers(source, path) {
  for (const handler of [
    'const processNumberValue = (key, value) => ({\n    [key]: parseFloat$1(value),\n});',
    'const processUnitValue = (key, value, container) => ({\n    [key]: transformUnit(container, value),\n});',
    'const processColorValue = (key, value) => {\n    const result = { [key]: transformColor(value) };\n    return result;\n};',
    'const processNoopValue = (key, value) => ({\n    [key]: value,\n});',
  ])
    edit(source, path, handler, handler, 1);
  return edit(
    source,
    path,
    [
      '        const resolved = shorthands[key](key, value, container, style);',
      '        Object.assign(resolvedStyle, resolved);',
    ].join('\n'),
    [
      '        const handler = shorthands[key];',
      '        if (handler === processUnitValue)',
      '            resolvedStyle[key] = transformUnit(container, value);',
      '        else if (handler === processNoopValue)',
      '            resolvedStyle[key] = value;',
      '        else if (handler === processNumberValue)',
      '            resolvedStyle[key] = parseFloat$1(value);',
      '        else if (handler === processColorValue)',
      '            resolvedStyle[key] = transformColor(value);',
      '        else',
      '            Object.assign(resolvedStyle, handler(key, value, container, style));',
    ].join('\n'),
    1,
  );
}

/**
 * @react-pdf/stylesheet resolves media queries by rebuilding the style object once per key (`{ ...acc, [key]:
 * value }`), quadratic in the number of keys; a node's style here is its resolved, inherited style (≈ 30 keys), and
 * every node's style goes through it in the first pass and again in each page's relayout. The same object, built
 * by assignment in the same key order; `@media` keys and a `__proto__` key (which assignment would treat as the
 * prototype) still take the original spread.
 */
const stylesheetEdits = {
  name: 'stylesheet-edits',
  setup(b) {
    b.onLoad({ filter: /[\\/]@react-pdf[\\/]stylesheet[\\/]lib[\\/]index\.js$/ }, (args) => ({
      contents: edit(
        directStyleHandlers(readFileSync(args.path, 'utf8'), args.path),
        args.path,
        [
          'const resolveMediaQueries = (container, style) => {',
          '    return Object.entries(style).reduce((acc, [key, value]) => {',
          "        if (key.startsWith('@media')) {",
          '            return { ...acc, ...matchMedia({ [key]: value }, container) };',
          '        }',
          '        return { ...acc, [key]: value };',
          '    }, {});',
          '};',
        ].join('\n'),
        [
          'const resolveMediaQueries = (container, style) => {',
          '    let acc = {};',
          '    for (const [key, value] of Object.entries(style)) {',
          "        if (key.startsWith('@media'))",
          '            acc = { ...acc, ...matchMedia({ [key]: value }, container) };',
          "        else if (key === '__proto__')",
          '            acc = { ...acc, [key]: value };',
          '        else',
          '            acc[key] = value;',
          '    }',
          '    return acc;',
          '};',
        ].join('\n'),
        1,
      ),
      loader: 'js',
    }));
  },
};

/**
 * @react-pdf/layout's new paginator lays the whole document out once, cuts it into pages, and then lays every
 * output page out again from scratch (`relayoutPage`): a new yoga node, 37 style setters and a read-back of ten
 * computed values for every node of the page (≈ 20 % of a warm render). Most of a page's nodes sit inside boxes
 * that land on it whole (a table's row units, a heading kept with its table): the paginator keeps such a box's
 * subtree as the first pass laid it out ("the yoga boxes below it are still valid", its own comment), and yoga
 * places children relative to their parent, so the relayout recomputes the same numbers for everything inside.
 *
 * So a whole box with children, in a column, without render props or floats inside, enters the page's yoga tree
 * as a leaf of its first-pass height; its position comes from yoga as before and its subtree keeps the first
 * pass's boxes (styles are still resolved and inherited as before). After the page's layout, every such leaf must
 * have come out exactly its first-pass width and height; if yoga grew, shrank or stretched any (a page whose
 * content does not fit, a flex-grown box), the page is laid out again the original way, so the boxes are always
 * the ones the unedited relayout computes.
 */
function keepWholeSubtrees(source, path) {
  let out = edit(
    source,
    path,
    [
      '    if (!placed.children || isWhole(placed)) {',
      '        return [{ ...node, box: { ...node.box, top: borderTop } }];',
      '    }',
    ].join('\n'),
    [
      '    if (!placed.children || isWhole(placed)) {',
      '        const whole = { ...node, box: { ...node.box, top: borderTop } };',
      '        if (nianbaoKeepable(node))',
      '            whole.nianbaoFirstPass = true;',
      '        return [whole];',
      '    }',
    ].join('\n'),
    1,
  );
  out = edit(
    out,
    path,
    [
      'const createYogaNodes = (page, fontStore, yoga) => (node) => {',
      '    const yogaNode = yoga.node.create();',
      '    const result = Object.assign({}, node, { yogaNode });',
      '    setYogaValues(result);',
      '    if (isLayoutElement(node) && node.children) {',
      '        const resolveChild = compose(insertYogaNodes(yogaNode), createYogaNodes(page, fontStore, yoga));',
    ].join('\n'),
    [
      'let nianbaoKeeping = true;',
      // A whole box of the first pass: its subtree and its size as that pass laid them out.
      'const nianbaoKeepable = (node) => node.children?.length > 0 &&',
      '    node.type !== P.Text && node.type !== P.Note && node.type !== P.Svg &&',
      "    typeof node.box?.width === 'number' && typeof node.box?.height === 'number' &&",
      '    !hasDynamic(node) && nianbaoNoFloats(node);',
      "const nianbaoNoFloats = (node) => node.style?.float !== 'left' && node.style?.float !== 'right' &&",
      '    (node.children || []).every(nianbaoNoFloats);',
      // Every kept leaf came out of the page layout at its first-pass size.
      'const nianbaoKeptSizesHold = (node) => node.nianbaoKept',
      '    ? node.yogaNode.getComputedWidth() === node.box.width && node.yogaNode.getComputedHeight() === node.box.height',
      '    : (node.children || []).every(nianbaoKeptSizesHold);',
      'const createYogaNodes = (page, fontStore, yoga, inColumn = false) => (node) => {',
      '    const yogaNode = yoga.node.create();',
      '    const result = Object.assign({}, node, { yogaNode });',
      '    setYogaValues(result);',
      '    if (inColumn && nianbaoKeeping && node.nianbaoFirstPass === true) {',
      '        yogaNode.setHeight(node.box.height);',
      '        result.nianbaoKept = true;',
      '        return result;',
      '    }',
      '    if (isLayoutElement(node) && node.children) {',
      '        const direction = node.style?.flexDirection;',
      "        const column = direction !== 'row' && direction !== 'row-reverse';",
      '        const resolveChild = compose(insertYogaNodes(yogaNode), createYogaNodes(page, fontStore, yoga, column));',
    ].join('\n'),
    1,
  );
  out = edit(
    out,
    path,
    [
      '    const newNode = Object.assign({}, node, { box });',
      '    if (!node.children)',
      '        return newNode;',
      '    const children = node.children.map(persistDimensions);',
    ].join('\n'),
    [
      '    const newNode = Object.assign({}, node, { box });',
      '    if (!node.children || node.nianbaoKept)',
      '        return newNode;',
      '    const children = node.children.map(persistDimensions);',
    ].join('\n'),
    1,
  );
  out = edit(
    out,
    path,
    [
      'const resolvePageDimensions = (page, fontStore, yoga) => {',
      '    if (isNil(page))',
      '        return null;',
      '    return compose(destroyYogaNodes, freeYogaNodes, persistDimensions, calculateLayout, createYogaNodes(page, fontStore, yoga))(page);',
      '};',
    ].join('\n'),
    [
      'const resolvePageDimensions = (page, fontStore, yoga) => {',
      '    if (isNil(page))',
      '        return null;',
      '    const laid = calculateLayout(createYogaNodes(page, fontStore, yoga)(page));',
      '    if (nianbaoKeptSizesHold(laid))',
      '        return compose(destroyYogaNodes, freeYogaNodes, persistDimensions)(laid);',
      '    freeYogaNodes(laid);',
      '    nianbaoKeeping = false;',
      '    try {',
      '        return compose(destroyYogaNodes, freeYogaNodes, persistDimensions, calculateLayout, createYogaNodes(page, fontStore, yoga))(page);',
      '    }',
      '    finally {',
      '        nianbaoKeeping = true;',
      '    }',
      '};',
    ].join('\n'),
    1,
  );
  return out;
}

/**
 * tiny-inflate is a DEFLATE decoder in JavaScript; unicode-trie (fontkit's and textkit's Unicode property tables)
 * inflates its tables with it when a fresh process first needs them (≈ 6 % of a cold render). Node's zlib decodes
 * the same raw DEFLATE streams natively; DEFLATE decoding is deterministic, so the bytes are the ones tiny-inflate
 * writes, into the same destination, returned the same way (the destination, or a copy of its written part). Any
 * stream zlib refuses goes to tiny-inflate as before, errors included.
 */
const nativeInflate = {
  name: 'native-inflate',
  setup(b) {
    b.onLoad({ filter: /[\\/]tiny-inflate[\\/]index\.js$/ }, (args) => ({
      contents: edit(
        readFileSync(args.path, 'utf8'),
        args.path,
        'module.exports = tinf_uncompress;',
        [
          'module.exports = function nianbaoInflate(source, dest) {',
          '  let out;',
          '  try {',
          "    out = require('node:zlib').inflateRawSync(source);",
          '  } catch {',
          '    return tinf_uncompress(source, dest);',
          '  }',
          '  if (out.length >= dest.length) {',
          '    dest.set(out.subarray(0, dest.length));',
          '    return dest;',
          '  }',
          '  dest.set(out);',
          "  return typeof dest.slice === 'function' ? dest.slice(0, out.length) : dest.subarray(0, out.length);",
          '};',
        ].join('\n'),
        1,
      ),
      loader: 'js',
    }));
  },
};

/** The edits of @react-pdf/layout above, in one load of its module. */
const layoutEdits = {
  name: 'layout-edits',
  setup(b) {
    b.onLoad({ filter: /[\\/]@react-pdf[\\/]layout[\\/]lib[\\/]index\.js$/ }, (args) => ({
      contents: keepWholeSubtrees(
        directYogaSetters(
          cacheTextLayouts(skipTotalsRound(readFileSync(args.path, 'utf8'), args.path), args.path),
          args.path,
        ),
        args.path,
      ),
      loader: 'js',
    }));
  },
};

/**
 * fontkit's TrueType subsetter decodes every glyph it copies into a subset (all its contours and points) only to
 * learn whether the glyph is a composite, whose component ids it must rewrite. A glyph's record starts with its
 * number of contours (an int16, negative for a composite), so the copied bytes say it without a decode: simple
 * glyphs are copied as before, undecoded; composites, and every glyph of a variable font (re-encoded from its
 * path), are still decoded. The subset's bytes are the same.
 */
const fontkitSubsetEdits = {
  name: 'fontkit-subset-edits',
  setup(b) {
    b.onLoad({ filter: /[\\/]fontkit[\\/]dist[\\/]module\.mjs$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      source = edit(
        source,
        args.path,
        [
          '    _addGlyph(gid) {',
          '        let glyph = this.font.getGlyph(gid);',
          '        let glyf = glyph._decode();',
          '        // get the offset to the glyph from the loca table',
          '        let curOffset = this.font.loca.offsets[gid];',
          '        let nextOffset = this.font.loca.offsets[gid + 1];',
          "        let stream = this.font._getTableStream('glyf');",
          '        stream.pos += curOffset;',
          '        let buffer = stream.readBuffer(nextOffset - curOffset);',
        ].join('\n'),
        [
          '    _addGlyph(gid) {',
          '        let glyph = this.font.getGlyph(gid);',
          '        let curOffset = this.font.loca.offsets[gid];',
          '        let nextOffset = this.font.loca.offsets[gid + 1];',
          "        let stream = this.font._getTableStream('glyf');",
          '        stream.pos += curOffset;',
          '        let buffer = stream.readBuffer(nextOffset - curOffset);',
          '        const contours = buffer.length >= 2 ? ((buffer[0] << 24) >> 16) | buffer[1] : 0;',
          '        let glyf = buffer.length > 0 && (contours < 0 || this.font._variationProcessor) ? glyph._decode() : null;',
        ].join('\n'),
        1,
      );
      return { contents: source, loader: 'js' };
    });
  },
};

/**
 * @react-pdf/hyphenate indexes its English patterns when imported (≈ 40–80 ms of a fresh process's start), though a
 * text with its own hyphenation callback (every text this package draws) never asks for them. The same hyphenator,
 * built on first use; the original module is checked so a changed one fails the build instead of being replaced.
 */
const lazyEnglishHyphenator = {
  name: 'lazy-english-hyphenator',
  setup(b) {
    b.onLoad({ filter: /[\\/]@react-pdf[\\/]hyphenate[\\/]lib[\\/]en-us\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const expected = [
        "import patterns from 'hyphen/patterns/en-us.js';",
        "import createHyphenator from './index.js';",
        'const { hyphenate, syllables } = createHyphenator(patterns);',
        'export { hyphenate, syllables, patterns };',
      ];
      if (
        source
          .split('\n')
          .filter((line) => line.trim() !== '')
          .join('\n') !== expected.join('\n')
      ) {
        throw new Error(`@react-pdf/hyphenate changed: ${args.path} is not the module this build replaces`);
      }
      return {
        contents: [
          "import createHyphenator from './index.js';",
          'let hyphenator;',
          'const english = () => {',
          "  const patterns = require('hyphen/patterns/en-us.js');",
          '  hyphenator ??= createHyphenator(patterns.default ?? patterns);',
          '  return hyphenator;',
          '};',
          'export const hyphenate = (word) => english().hyphenate(word);',
          'export const syllables = (word) => english().syllables(word);',
        ].join('\n'),
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};

/**
 * yoga-layout carries its WebAssembly as base64 and decodes it with a JavaScript loop, then probes `fetch` (which
 * makes Node load its HTTP client): ≈ 50 ms of a fresh process. Its loader takes the binary ready-made instead
 * (`wasmBinary`, emscripten's own option), decoded by Buffer in native code from the same base64.
 */
const yogaBinary = {
  name: 'yoga-wasm-binary',
  setup(b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]load\.js$/ }, (args) => {
      const binaries = join(dirname(args.path), '../binaries/yoga-wasm-base64-esm.js');
      const base64 = [
        ...readFileSync(binaries, 'utf8').matchAll(
          /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/g,
        ),
      ];
      if (base64.length !== 1)
        throw new Error(`${binaries} changed: expected one embedded wasm, found ${base64.length}`);
      const source = edit(
        readFileSync(args.path, 'utf8'),
        args.path,
        'wrapAssembly(await loadYogaImpl())',
        'wrapAssembly(await loadYogaImpl({ wasmBinary: YOGA_WASM }))',
        1,
      );
      return {
        contents: `const YOGA_WASM = Buffer.from(${JSON.stringify(base64[0][1])}, 'base64');\n${source}`,
        loader: 'js',
      };
    });
  },
};

const result = await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // React's production build is bundled too: this file has no components, so no React element or hook crosses
  // between it and the caller's React, and a caller that never sets NODE_ENV (a CLI, a script, most servers) would
  // otherwise run the development builds of React and of react-pdf's reconciler on every render (≈ 0.85× a warm
  // render, ≈ 40 ms less to compile in a fresh process). The main entry keeps the caller's React and NODE_ENV.
  // Every NODE_ENV test in the bundled code is decided at build time: only production branches are kept.
  // Whitespace and syntax only: identifiers keep their names, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // `import()` would need a module loader that a `vm` script does not have; Node built-ins are plain requires.
  supported: { 'dynamic-import': false },
  define: {
    'process.env.NODE_ENV': '"production"',
    'import.meta.url': '__nianbao_import_meta_url',
    'import.meta.resolve': '__nianbao_import_meta_resolve',
  },
  banner: {
    js: [
      '"use strict";',
      'var __nianbao_import_meta_url = require("node:url").pathToFileURL(__filename).href;',
      'var __nianbao_import_meta_resolve = (s) => require("node:url").pathToFileURL(require.resolve(s)).href;',
    ].join('\n'),
  },
  plugins: [
    pdfkitEdits,
    layoutEdits,
    fnsEdits,
    stylesheetEdits,
    nativeInflate,
    fontkitSubsetEdits,
    lazyEnglishHyphenator,
    yogaBinary,
  ],
  metafile: true,
  logLevel: 'warning',
});

// The lazy hyphenator must answer exactly as the original: bundle both alone and compare a few words.
const englishModule = Object.keys(result.metafile.inputs).find((input) =>
  /[\\/]@react-pdf[\\/]hyphenate[\\/]lib[\\/]en-us\.js$/.test(input),
);
if (!englishModule)
  throw new Error('react-pdf no longer imports @react-pdf/hyphenate/en-us: review the build plugins');
async function englishSyllables(plugins) {
  const out = await build({
    stdin: {
      contents: "import { syllables } from './en-us.js'; module.exports = (w) => syllables(w);",
      resolveDir: dirname(join(pkg, englishModule)),
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    plugins,
    logLevel: 'silent',
  });
  const module = { exports: {} };
  new Function('module', 'require', out.outputFiles[0].text)(module, createRequire(import.meta.url));
  return module.exports;
}
const words = ['hyphenation', 'information', 'government', 'disclosure', 'annual', 'x'];
const [original, lazy] = await Promise.all([englishSyllables([]), englishSyllables([lazyEnglishHyphenator])]);
if (original('hyphenation').length < 2) throw new Error('the English hyphenator check saw no hyphenation');
for (const word of words) {
  if (JSON.stringify(original(word)) !== JSON.stringify(lazy(word))) {
    throw new Error(`lazy hyphenator differs on "${word}": ${original(word)} vs ${lazy(word)}`);
  }
}

// The native inflate must give tiny-inflate's bytes: both decode the same streams (text, random bytes, a stream
// that fills the destination exactly, one shorter than it).
{
  const { deflateRawSync, inflateRawSync } = await import('node:zlib');
  const tinyFile = Object.keys(result.metafile.inputs).find((input) =>
    /[\\/]tiny-inflate[\\/]index\.js$/.test(input),
  );
  if (!tinyFile)
    throw new Error('the engine no longer bundles tiny-inflate: review the native-inflate plugin');
  const load = async (plugins) => {
    const out = await build({
      entryPoints: [join(pkg, tinyFile)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      plugins,
      logLevel: 'silent',
    });
    const module = { exports: {} };
    new Function('module', 'exports', 'require', out.outputFiles[0].text)(
      module,
      module.exports,
      createRequire(import.meta.url),
    );
    return module.exports;
  };
  const [tiny, native] = await Promise.all([load([]), load([nativeInflate])]);
  const random = new Uint8Array(50_000);
  for (let i = 0, x = 7; i < random.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    random[i] = x >>> 24;
  }
  const text = new TextEncoder().encode('政府信息公开工作年度报告 '.repeat(3000));
  for (const data of [random, text]) {
    const packed = deflateRawSync(data);
    for (const size of [data.length, data.length + 100]) {
      const a = tiny(packed, new Uint8Array(size));
      const b = native(packed, new Uint8Array(size));
      if (
        a.length !== b.length ||
        Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0 ||
        inflateRawSync(packed).length !== data.length
      )
        throw new Error(`native inflate differs from tiny-inflate (${data.length} bytes into ${size})`);
    }
  }
}

// A dynamic import left in the bundle would fail only when reached; refuse to ship one.
const code = readFileSync(outfile, 'utf8');
const leftover = code.match(/\bimport\(\s*["'`]/);
if (leftover)
  throw new Error(
    `dist/engine.cjs still has a dynamic import near: ${code.slice(leftover.index, leftover.index + 80)}`,
  );

// ---- third-party notices: one section per bundled package, with its license file's text
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  // The package root is the nearest package.json with a name (nested ones like esm/package.json only set a type).
  let dir = dirname(join(pkg, input));
  let meta;
  for (; dir.includes('node_modules'); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    meta = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
    if (meta?.name) break;
  }
  if (!dir.includes('node_modules') || packages.has(dir)) continue;
  packages.set(dir, meta);
}
const sections = [...packages]
  .map(([dir, meta]) => {
    const licenseFile = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
    const license = meta.license ?? 'see the package';
    const text = licenseFile
      ? readFileSync(join(dir, licenseFile), 'utf8').trim()
      : [
          `${license} license; the published package has no license file.`,
          meta.author ? `Author: ${typeof meta.author === 'string' ? meta.author : meta.author.name}` : '',
          meta.repository
            ? `Source: ${typeof meta.repository === 'string' ? meta.repository : meta.repository.url}`
            : '',
        ]
          .filter(Boolean)
          .join('\n');
    return { name: `${meta.name}@${meta.version}`, license, text };
  })
  .sort((a, b) => a.name.localeCompare(b.name));
writeFileSync(
  `${outfile}.LICENSES.txt`,
  [
    'dist/engine.cjs of @nianbao/pdf carries code of the packages below, each under its own license.',
    '',
    ...sections.map((s) => `==== ${s.name} (${s.license})\n\n${s.text}\n`),
  ].join('\n'),
);
console.log(
  `engine: ${relative(pkg, outfile)} ${(code.length / 1024 / 1024).toFixed(1)} MB, ${sections.length} bundled packages`,
);
