import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// Static checks over lib/'s source (lib/testing/messages.test.ts): which
// catalogue keys the code names, and where it still hands the user an
// English sentence instead of a catalogue message (lib/i18n/message.ts).

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every .ts file under `directory` (relative to the repository), generated code left out. */
export function typeScriptFiles(directory: string): string[] {
  return fs.readdirSync(path.join(ROOT, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${directory}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : typeScriptFiles(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

export function parse(file: string, text = fs.readFileSync(path.join(ROOT, file), 'utf8')): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

const literalText = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

const where = (source: ts.SourceFile, node: ts.Node) => `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

/** The namespace of the translator `t` a call uses: getTranslations('ns') declared in an enclosing block, '' for a parameter or no namespace. */
function translatorNamespace(call: ts.Node): string | null {
  for (let scope: ts.Node | undefined = call.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((parameter) => parameter.name.getText() === 't')) return '';
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (declaration.name.getText() !== 't' || !declaration.initializer) continue;
        const initializer = ts.isAwaitExpression(declaration.initializer) ? declaration.initializer.expression : declaration.initializer;
        if (ts.isCallExpression(initializer) && /^(getTranslations|useTranslations|translatorFor)$/.test(initializer.expression.getText())) {
          return literalText(initializer.arguments[0]) ?? '';
        }
      }
    }
  }
  return null;
}

/** The catalogue keys named literally: `message('key', …)` and `t('key', …)` (with its translator's namespace). */
export function catalogueKeysUsed(source: ts.SourceFile): { key: string; at: string }[] {
  const keys: { key: string; at: string }[] = [];
  walk(source, (node) => {
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
    const key = literalText(node.arguments[0]);
    if (key === null) return;
    if (node.expression.text === 'message') keys.push({ key, at: where(source, node) });
    if (node.expression.text === 't') {
      const namespace = translatorNamespace(node);
      if (namespace !== null) keys.push({ key: namespace ? `${namespace}.${key}` : key, at: where(source, node) });
    }
  });
  return keys;
}

/** Top-level `const NAME = …` and `function NAME` of a file, and where its imports come from. */
type FileBindings = { values: Map<string, ts.Node>; imports: Map<string, string> };
const bindingsCache = new Map<string, FileBindings>();

function bindingsOf(source: ts.SourceFile): FileBindings {
  const cached = bindingsCache.get(source.fileName);
  if (cached) return cached;
  const values = new Map<string, ts.Node>();
  const imports = new Map<string, string>();
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) values.set(declaration.name.text, declaration.initializer);
      }
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      values.set(statement.name.text, statement);
    } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text.startsWith('.')) {
      const target = path.join(path.dirname(source.fileName), `${statement.moduleSpecifier.text}.ts`);
      const named = statement.importClause?.namedBindings;
      if (named && ts.isNamedImports(named)) for (const element of named.elements) imports.set(element.name.text, target);
    }
  }
  const bindings = { values, imports };
  bindingsCache.set(source.fileName, bindings);
  return bindings;
}

/** What a name stands for: its declaration in this file, or in the relative module it is imported from. */
function resolve(source: ts.SourceFile, name: string): { source: ts.SourceFile; node: ts.Node } | null {
  const bindings = bindingsOf(source);
  const local = bindings.values.get(name);
  if (local) return { source, node: local };
  const from = bindings.imports.get(name);
  if (!from || !fs.existsSync(path.join(ROOT, from))) return null;
  const imported = parse(from);
  const node = bindingsOf(imported).values.get(name);
  return node ? { source: imported, node } : null;
}

/** What a function gives back: its arrow body or its return statements. */
function returnedExpressions(node: ts.Node): ts.Node[] {
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && !ts.isBlock(node.body)) return [node.body];
  const returned: ts.Node[] = [];
  const body = ts.isFunctionLike(node) ? (node as ts.FunctionLikeDeclaration).body : undefined;
  if (body) walk(body, (inner) => {
    if (ts.isReturnStatement(inner) && inner.expression) returned.push(inner.expression);
  });
  return returned;
}

/**
 * Text that reaches the user as it is: a string or template literal, a
 * concatenation holding one, or a constant or function (of this file or a
 * relative import) that stands for one.
 */
function isPlainText(node: ts.Node, source: ts.SourceFile = node.getSourceFile(), depth = 0): boolean {
  if (depth > 4) return false;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return true;
  if (ts.isParenthesizedExpression(node)) return isPlainText(node.expression, source, depth);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return isPlainText(node.left, source, depth) || isPlainText(node.right, source, depth);
  if (ts.isConditionalExpression(node)) return isPlainText(node.whenTrue, source, depth) || isPlainText(node.whenFalse, source, depth);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return isPlainText(node.right, source, depth);
  if (ts.isIdentifier(node)) {
    const target = resolve(source, node.text);
    return !!target && !ts.isFunctionLike(target.node) && isPlainText(target.node, target.source, depth + 1);
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
    // message(…) is the catalogue message itself, whatever its encoding looks like.
    if (node.expression.text === 'message') return false;
    const target = resolve(source, node.expression.text);
    return !!target && returnedExpressions(target.node).some((returned) => isPlainText(returned, target.source, depth + 1));
  }
  return false;
}

/** Field errors given inline: `{ quote: ['…'] }`. */
function plainFieldErrors(node: ts.Node | undefined): ts.Node[] {
  if (!node || !ts.isObjectLiteralExpression(node)) return [];
  return node.properties.flatMap((property) =>
    ts.isPropertyAssignment(property) && ts.isArrayLiteralExpression(property.initializer) ? property.initializer.elements.filter((element) => isPlainText(element)) : [],
  );
}

/** Properties whose value the user reads: zod's `error`/`message`, and the field builders' messages (lib/validation/fields.ts). */
const MESSAGE_PROPERTIES = new Set(['error', 'message', 'required', 'tooLong', 'oneLine', 'tooDeep']);
/** zod checks whose last argument is the message: `.min(1, '…')`, `.regex(re, '…')`, `.refine(fn, '…')`. */
const CHECKS_WITH_MESSAGE = new Set(['min', 'max', 'length', 'regex', 'refine', 'nonempty', 'gt', 'gte', 'lt', 'lte']);
/** Builders whose only argument is the message. */
const MESSAGE_BUILDERS = new Set(['idField', 'optionalIdField', 'slugField']);

function extendsMutationError(node: ts.Node): boolean {
  for (let scope: ts.Node | undefined = node.parent; scope; scope = scope.parent) {
    if (ts.isClassDeclaration(scope)) {
      return !!scope.heritageClauses?.some((clause) => clause.types.some((type) => /^(MutationError|ForbiddenError)$/.test(type.expression.getText())));
    }
  }
  return false;
}

/**
 * Where the code hands the user a sentence instead of a catalogue message: a
 * MutationError's message or inline field errors, a zod message, a field
 * builder's message.
 */
export function plainMessages(source: ts.SourceFile): string[] {
  const found: ts.Node[] = [];
  walk(source, (node) => {
    if (ts.isNewExpression(node) && node.expression.getText() === 'MutationError') {
      const [, text, fieldErrors] = node.arguments ?? [];
      if (text && isPlainText(text)) found.push(text);
      found.push(...plainFieldErrors(fieldErrors));
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword && extendsMutationError(node)) {
      const [, text, fieldErrors] = node.arguments;
      if (text && isPlainText(text)) found.push(text);
      found.push(...plainFieldErrors(fieldErrors));
    }
    if (ts.isPropertyAssignment(node) && MESSAGE_PROPERTIES.has(node.name.getText()) && isPlainText(node.initializer)) found.push(node.initializer);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && CHECKS_WITH_MESSAGE.has(node.expression.name.text)) {
      const last = node.arguments.at(-1);
      if (node.arguments.length >= 2 && last && isPlainText(last)) found.push(last);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && MESSAGE_BUILDERS.has(node.expression.text)) {
      found.push(...node.arguments.filter((argument) => isPlainText(argument)));
    }
    // A default message in a builder's signature: slugField(refusal = '…').
    if (ts.isParameter(node) && node.initializer && isPlainText(node.initializer) && ts.isFunctionDeclaration(node.parent) && MESSAGE_BUILDERS.has(node.parent.name?.text ?? '')) {
      found.push(node.initializer);
    }
  });
  return found.map((node) => `${where(source, node)}: ${node.getText().slice(0, 80)}`);
}
