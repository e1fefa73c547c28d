// Bundles the demo's server entry (projects/demo/src/main.server.ts) for Node. The Angular CLI's
// own server build needs @angular/ssr, which this registry does not carry at the pinned version,
// so the demo is bundled with esbuild and rendered with @angular/platform-server's
// renderApplication, compiling the demo's components just in time.
import { build } from 'esbuild';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export async function buildServerBundle(outfile = resolve(root, 'out-tsc/ssr/main.server.mjs')) {
  await build({
    entryPoints: [resolve(root, 'projects/demo/src/main.server.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: resolve(root, 'projects/demo/tsconfig.app.json'),
    external: ['@angular/*', 'rxjs', 'rxjs/*', 'tslib'],
    // The demo consumes the built library, exactly as an app would.
    alias: {
      'ngx-genesys-chat': resolve(root, 'dist/ngx-genesys-chat/fesm2022/ngx-genesys-chat.mjs'),
      'ngx-genesys-chat/router': resolve(root, 'dist/ngx-genesys-chat/fesm2022/ngx-genesys-chat-router.mjs'),
      'ngx-genesys-chat/regions': resolve(root, 'dist/ngx-genesys-chat/fesm2022/ngx-genesys-chat-regions.mjs'),
    },
    logLevel: 'warning',
  });
  return outfile;
}
