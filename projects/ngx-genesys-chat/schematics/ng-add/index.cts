import {
  type Rule,
  type SchematicContext,
  SchematicsException,
  type Tree,
} from '@angular-devkit/schematics';
import { REGIONS } from './regions.cjs';

export interface NgAddOptions {
  project?: string;
  deploymentId?: string;
  region?: string;
  environment?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `ng add ngx-genesys-chat`: adds provideGenesysChat(...) to a standalone app's app.config.ts, or
 * GenesysChatModule.forRoot(...) to an NgModule app's root module, and prints the
 * Content-Security-Policy hosts the deployment's region needs.
 */
export function ngAdd(options: NgAddOptions): Rule {
  return (tree: Tree, context: SchematicContext) => {
    const deploymentId = (options.deploymentId ?? '').trim();
    if (!UUID.test(deploymentId)) {
      throw new SchematicsException(
        `ngx-genesys-chat: --deployment-id must be the Messenger deployment UUID (Admin > Message > Messenger Deployments).`,
      );
    }
    const row = options.environment
      ? REGIONS.find((r) => r.environment === options.environment)
      : REGIONS.find((r) => r.region === (options.region ?? ''));
    if (!row || (options.environment && options.region)) {
      throw new SchematicsException(
        `ngx-genesys-chat: give exactly one of --region (such as eu-west-1) and --environment (such as prod-euw1).`,
      );
    }
    const key = options.environment
      ? `environment: '${row.environment}'`
      : `region: '${row.region}'`;
    const config = `{ deploymentId: '${deploymentId}', ${key} }`;

    const root = projectRoot(tree, options.project);
    const appConfig = `${root}src/app/app.config.ts`;
    // Angular 21 names it app-module.ts; older workspaces app.module.ts.
    const appModule =
      [`${root}src/app/app-module.ts`, `${root}src/app/app.module.ts`].find((p) =>
        tree.exists(p),
      ) ?? `${root}src/app/app.module.ts`;
    if (tree.exists(appConfig)) {
      addToArray(
        tree,
        appConfig,
        /providers\s*:\s*\[/,
        `provideGenesysChat(${config})`,
        `import { provideGenesysChat } from 'ngx-genesys-chat';`,
      );
      context.logger.info(`ngx-genesys-chat: added provideGenesysChat(${config}) to ${appConfig}`);
    } else if (tree.exists(appModule)) {
      addToArray(
        tree,
        appModule,
        /imports\s*:\s*\[/,
        `GenesysChatModule.forRoot(${config})`,
        `import { GenesysChatModule } from 'ngx-genesys-chat';`,
      );
      context.logger.info(
        `ngx-genesys-chat: added GenesysChatModule.forRoot(${config}) to ${appModule}`,
      );
    } else {
      throw new SchematicsException(
        `ngx-genesys-chat: found neither ${appConfig} nor ${appModule}; add provideGenesysChat(${config}) by hand.`,
      );
    }

    const d = row.domain;
    context.logger.info(
      [
        '',
        `Content-Security-Policy for ${row.region} (${row.environment}), if your site sends one:`,
        `  script-src   'nonce-…' 'strict-dynamic' https://apps.${d}`,
        `  connect-src  https://api-cdn.${d} https://api.${d} wss://webmessaging.${d}`,
        `  img-src      https://api-cdn.${d}`,
        `  frame-src    (none known; UNCONFIRMED whether Messenger frames anything, watch CSP reports)`,
        `  trusted-types ngx-genesys-chat angular   (with require-trusted-types-for 'script')`,
        "Also add this site to the deployment's allowed domains in Genesys Cloud.",
      ].join('\n'),
    );
    return tree;
  };
}

function projectRoot(tree: Tree, project: string | undefined): string {
  const workspace = tree.read('angular.json');
  if (!workspace) return '';
  const projects =
    (JSON.parse(workspace.toString('utf8')) as { projects?: Record<string, { root?: string }> })
      .projects ?? {};
  const name = project ?? Object.keys(projects)[0];
  const root = projects[name]?.root ?? '';
  return root ? `${root.replace(/\/$/, '')}/` : '';
}

/** Adds `entry` as the first element of the array that `opening` starts, and the import, once. */
function addToArray(
  tree: Tree,
  path: string,
  opening: RegExp,
  entry: string,
  importLine: string,
): void {
  let text = tree.readText(path);
  if (text.includes(entry.split('(')[0] + '(')) return; // already added
  const match = opening.exec(text);
  if (!match)
    throw new SchematicsException(
      `ngx-genesys-chat: no "${opening.source}" in ${path}; add ${entry} by hand.`,
    );
  const at = match.index + match[0].length;
  text = `${text.slice(0, at)}\n    ${entry},${text.slice(at)}`;
  const imports = [...text.matchAll(/^import .*;$/gm)];
  const afterImports = imports.length
    ? imports[imports.length - 1].index! + imports[imports.length - 1][0].length
    : 0;
  text = `${text.slice(0, afterImports)}\n${importLine}${text.slice(afterImports)}`;
  tree.overwrite(path, text);
}
