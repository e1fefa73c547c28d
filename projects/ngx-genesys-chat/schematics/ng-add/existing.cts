import type { Tree } from '@angular-devkit/schematics';
// The TypeScript that @schematics/angular ships and uses itself, so the user's version does not matter.
import ts = require('@schematics/angular/third_party/github.com/Microsoft/TypeScript/lib/typescript');

/** A provideGenesysChat(...) or GenesysChatModule.forRoot(...) call already in the app. */
export interface ExistingConfig {
  path: string;
  line: number;
  /** The whole call as written, such as `provideGenesysChat({ … })`, and where it starts. */
  text: string;
  callStart: number;
  /** The first argument's span, or the point just inside `(` when there is none. */
  configStart: number;
  configEnd: number;
  /** String literals read from the config object, when it is one. */
  deploymentId?: string;
  region?: string;
  environment?: string;
}

const PACKAGE = 'ngx-genesys-chat';

/**
 * Finds every call that configures the library in the project's sources (specs excluded), by
 * syntax tree: a name in a comment or a string is not a call, and an aliased import still is.
 */
export function findExistingConfigs(tree: Tree, sourceRoot: string): ExistingConfig[] {
  const found: ExistingConfig[] = [];
  tree.getDir(sourceRoot).visit((path) => {
    if (!path.endsWith('.ts') || path.endsWith('.spec.ts') || path.endsWith('.d.ts')) return;
    if (path.includes('/node_modules/')) return;
    const text = tree.readText(path);
    if (!text.includes(PACKAGE)) return;
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    found.push(...callsIn(source));
  });
  return found;
}

function callsIn(source: ts.SourceFile): ExistingConfig[] {
  const names = importedNames(source);
  const calls: ExistingConfig[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && configures(node.expression, names))
      calls.push(describe(source, node));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

/** Local names bound by `import { provideGenesysChat as x, GenesysChatModule } from 'ngx-genesys-chat'`. */
function importedNames(source: ts.SourceFile): { provide: Set<string>; module: Set<string> } {
  const provide = new Set<string>();
  const module = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
      continue;
    if (statement.moduleSpecifier.text !== PACKAGE) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (imported === 'provideGenesysChat') provide.add(element.name.text);
      if (imported === 'GenesysChatModule') module.add(element.name.text);
    }
  }
  return { provide, module };
}

function configures(
  callee: ts.Expression,
  names: { provide: Set<string>; module: Set<string> },
): boolean {
  if (ts.isIdentifier(callee)) return names.provide.has(callee.text);
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'forRoot' &&
    ts.isIdentifier(callee.expression) &&
    names.module.has(callee.expression.text)
  );
}

function describe(source: ts.SourceFile, call: ts.CallExpression): ExistingConfig {
  const config = call.arguments[0];
  const start = config ? config.getStart(source) : call.arguments.pos;
  const result: ExistingConfig = {
    path: source.fileName,
    line: source.getLineAndCharacterOfPosition(call.getStart(source)).line + 1,
    text: call.getText(source),
    callStart: call.getStart(source),
    configStart: start,
    configEnd: config ? config.getEnd() : start,
  };
  if (config && ts.isObjectLiteralExpression(config)) {
    for (const property of config.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
      const value = property.initializer;
      if (!ts.isStringLiteralLike(value)) continue;
      const key = property.name.text;
      if (key === 'deploymentId' || key === 'region' || key === 'environment')
        result[key] = value.text;
    }
  }
  return result;
}

/** Replaces the config argument of an existing call with `text` (features after it stay); returns the new call. */
export function replaceConfig(tree: Tree, existing: ExistingConfig, text: string): string {
  const recorder = tree.beginUpdate(existing.path);
  recorder.remove(existing.configStart, existing.configEnd - existing.configStart);
  recorder.insertLeft(existing.configStart, text);
  tree.commitUpdate(recorder);
  const from = existing.configStart - existing.callStart;
  return `${existing.text.slice(0, from)}${text}${existing.text.slice(existing.configEnd - existing.callStart)}`;
}
