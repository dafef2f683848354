import ts from "typescript";

// Finds what a component shows a person without the catalogue: JSX text with
// letters, and string literals in user-facing attributes or in the value of a
// JSX expression ({cond ? "Yes" : "No"}). Used by literal-strings.test.ts.

/** Attributes a person reads or hears (a screen reader), and this codebase's props that end up as such text. */
const USER_FACING_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
  "description",
  "eyebrow",
  "subtitle",
  "hint",
  "partsLabel",
  "emptyText",
  "fallback",
]);

/**
 * Words that are the same in every language and may stand as literals: the
 * product's name, SI units and symbols, and acronyms operators read as is.
 * Keep it short: a sentence is never made of these alone.
 */
export const UNTRANSLATED_WORDS = new Set([
  "Rackmind",
  "GPU",
  "PUE",
  "UTC",
  "XID",
  "UUID",
  "RMA",
  "IT",
  "CO₂e",
  "°C",
  "W",
  "kW",
  "kWh",
  "MiB",
  "GiB",
  "ms",
  "s",
  "min",
  "h",
  "d",
  "U",
  "p50",
  "p95",
  "p99",
  "PSI",
]);

export type Literal = { line: number; text: string };

const hasLetter = (text: string) => /\p{L}/u.test(text);

/** Whether `text` needs a translation: it has letters, and not only untranslatable words. */
export function needsTranslation(text: string): boolean {
  if (!hasLetter(text)) return false;
  const words = text.match(/°?[\p{L}][\p{L}\p{N}₂]*/gu) ?? [];
  return words.some((w) => !UNTRANSLATED_WORDS.has(w));
}

/** The literal strings an expression's value can be (not its conditions, call arguments or keys). */
function valueLiterals(expr: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr) || ts.isTemplateExpression(expr))
    return [expr];
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr))
    return valueLiterals(expr.expression);
  if (ts.isConditionalExpression(expr)) return [...valueLiterals(expr.whenTrue), ...valueLiterals(expr.whenFalse)];
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken)
      return [...valueLiterals(expr.left), ...valueLiterals(expr.right)];
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return valueLiterals(expr.right);
    if (op === ts.SyntaxKind.PlusToken) return [...valueLiterals(expr.left), ...valueLiterals(expr.right)];
  }
  return [];
}

function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
  return node.getText();
}

/** Every user-facing literal in a .tsx source, with its line. */
export function findLiterals(fileName: string, source: string): Literal[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) => {
    const normalised = text.replace(/\s+/g, " ").trim();
    if (needsTranslation(normalised))
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: normalised });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) add(node, node.text);
    else if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText())) {
      const init = node.initializer;
      if (init && ts.isStringLiteral(init)) add(init, init.text);
      else if (init && ts.isJsxExpression(init) && init.expression)
        for (const lit of valueLiterals(init.expression)) add(lit, literalText(lit));
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      for (const lit of valueLiterals(node.expression)) add(lit, literalText(lit));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** A `t("key")` call whose key is known where it is written, with the namespace its translator was made for. */
export type KeyUse = { line: number; key: string; isPrefix: boolean };

const TRANSLATOR_FACTORIES = new Set(["useTranslations", "getTranslations"]);

function namespaceOf(expr: ts.Expression | undefined): string | null {
  let e = expr;
  while (e && (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e))) e = e.expression;
  if (!e || !ts.isCallExpression(e) || !TRANSLATOR_FACTORIES.has(e.expression.getText())) return null;
  const arg = e.arguments[0];
  return arg && ts.isStringLiteral(arg) ? arg.text : null;
}

/** Each translator variable's namespace, from `const t = useTranslations("ns")` and `const [, t] = await Promise.all([…])`. */
function bindings(decl: ts.VariableDeclaration): [string, string][] {
  if (ts.isIdentifier(decl.name)) {
    const ns = namespaceOf(decl.initializer);
    return ns ? [[decl.name.text, ns]] : [];
  }
  let init = decl.initializer;
  while (init && ts.isAwaitExpression(init)) init = init.expression;
  if (!ts.isArrayBindingPattern(decl.name) || !init || !ts.isCallExpression(init)) return [];
  const list = init.arguments[0];
  if (!list || !ts.isArrayLiteralExpression(list)) return [];
  return decl.name.elements.flatMap((el, i): [string, string][] => {
    if (!ts.isBindingElement(el) || !ts.isIdentifier(el.name)) return [];
    const ns = namespaceOf(list.elements[i]);
    return ns ? [[el.name.text, ns]] : [];
  });
}

/** Every catalogue key a file asks a translator for, fully qualified ("overview.stats.sites"). */
export function findKeyUses(fileName: string, source: string): KeyUse[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const uses: KeyUse[] = [];
  const scopes: Map<string, string>[] = [new Map()];
  const lookup = (name: string) => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const ns = scopes[i]!.get(name);
      if (ns !== undefined) return ns;
    }
    return null;
  };
  const visit = (node: ts.Node) => {
    const isScope = ts.isFunctionLike(node);
    if (isScope) scopes.push(new Map());
    if (ts.isVariableDeclaration(node)) for (const [name, ns] of bindings(node)) scopes.at(-1)!.set(name, ns);
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const target = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
      const ns = ts.isIdentifier(target) && (method === null || method === "rich") ? lookup(target.text) : null;
      const arg = node.arguments[0];
      const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      if (ns !== null && arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)))
        uses.push({ line, key: `${ns}.${arg.text}`, isPrefix: false });
      else if (ns !== null && arg && ts.isTemplateExpression(arg) && arg.head.text.endsWith("."))
        uses.push({ line, key: `${ns}.${arg.head.text.slice(0, -1)}`, isPrefix: true });
    }
    ts.forEachChild(node, visit);
    if (isScope) scopes.pop();
  };
  visit(file);
  return uses;
}
