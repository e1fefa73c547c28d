// Imports one TypeScript source of the workspace into node --test: Node 20 cannot strip types, so
// the file is transpiled with the workspace's own `typescript` and its bare imports are resolved
// from here (a data: URL cannot resolve them itself).
import ts from 'typescript';
import { readFileSync } from 'node:fs';

export async function importTs(path, bareImports) {
  let js = ts.transpileModule(readFileSync(path, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  for (const name of bareImports) {
    js = js.replaceAll(`from '${name}'`, `from '${import.meta.resolve(name)}'`);
  }
  return import(`data:text/javascript,${encodeURIComponent(js)}`);
}
