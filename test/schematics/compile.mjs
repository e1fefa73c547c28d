// Type-checks files of a schematic's output tree with the TypeScript compiler API: the tree's
// files are served from memory under a folder inside this repository (so @angular/* resolve from
// its node_modules), and `ngx-genesys-chat` resolves to the library's source, whose real types
// the inserted config must satisfy. Only diagnostics in the tree's own files are returned.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { root } from './helpers.mjs';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const virtual = join(root, '.ng-add-virtual');

const options = {
  noEmit: true,
  strict: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: [],
  baseUrl: root,
  paths: { 'ngx-genesys-chat': ['projects/ngx-genesys-chat/src/public-api.ts'] },
};

// Library and @angular/* declarations parse once for all the tests in a file.
const onDisk = new Map();

/** Diagnostics, as `path:line: message` strings, for `paths` (tree paths such as /projects/shop/src/app/app.config.ts). */
export function diagnostics(tree, paths) {
  const inTree = (file) =>
    file.startsWith(`${virtual}/`) && tree.exists(file.slice(virtual.length));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  const dirExists = host.directoryExists?.bind(host) ?? ts.sys.directoryExists;
  host.directoryExists = (dir) =>
    tree.files.some((f) => `${virtual}${f}`.startsWith(`${dir}/`)) || dirExists(dir);
  host.fileExists = (file) => inTree(file) || fileExists.call(host, file);
  host.readFile = (file) =>
    inTree(file) ? tree.readText(file.slice(virtual.length)) : readFile.call(host, file);
  host.getSourceFile = (file, language) =>
    inTree(file)
      ? ts.createSourceFile(file, tree.readText(file.slice(virtual.length)), language, true)
      : (onDisk.get(file) ?? onDisk.set(file, getSourceFile.call(host, file, language)).get(file));
  const roots = paths.map((p) => resolve(virtual, `.${p}`));
  const program = ts.createProgram(roots, options, host);
  return program
    .getSourceFiles()
    .filter((f) => f.fileName.startsWith(`${virtual}/`))
    .flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)])
    .map((d) => {
      const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0;
      const file = d.file ? d.file.fileName.slice(virtual.length) : '?';
      return `${file}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}
