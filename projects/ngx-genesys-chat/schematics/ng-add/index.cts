import {
  chain,
  type Rule,
  type SchematicContext,
  SchematicsException,
  type Tree,
} from '@angular-devkit/schematics';
import { addRootImport, addRootProvider } from '@schematics/angular/utility';
import { isStandaloneApp } from '@schematics/angular/utility/ng-ast-utils';
import { getMainFilePath } from '@schematics/angular/utility/standalone/util';
import { cspPrintout } from './csp.cjs';
import { type ExistingConfig, findExistingConfigs, replaceConfig } from './existing.cjs';
import { type NgAddOptions, type WantedConfig, wantedConfig } from './options.cjs';
import { resolveProject, type TargetProject } from './project.cjs';
import { findRow } from './region-table.cjs';

export type { NgAddOptions } from './options.cjs';
// For the build (schema.json's region lists) and the README test (the CSP block).
export { cspDirectives, cspLines, cspPrintout } from './csp.cjs';
export { findRow, schemaChoices } from './region-table.cjs';

/**
 * `ng add ngx-genesys-chat`: adds provideGenesysChat(...) to a standalone app (app.config.ts or
 * bootstrapApplication, through Angular's own addRootProvider) or GenesysChatModule.forRoot(...)
 * to an NgModule app's root module (addRootImport), and prints the CSP sources of the region.
 * An app that is already configured is left alone, and told so, unless --replace replaces its config.
 */
export function ngAdd(options: NgAddOptions): Rule {
  return async (tree: Tree, context: SchematicContext) => {
    const wanted = wantedConfig(options);
    const project = await resolveProject(tree, options.project);
    const existing = findExistingConfigs(tree, project.sourceRoot);
    if (existing.length > 1) {
      throw new SchematicsException(
        `ngx-genesys-chat: ${project.name} configures the library ${existing.length} times:\n` +
          existing.map((e) => `  ${where(e)}: ${e.text}`).join('\n') +
          '\nKeep one, then run ng add again.',
      );
    }
    if (existing.length === 1)
      return reconfigure(tree, context, existing[0], wanted, options.replace);
    return chain([await addConfig(tree, project, wanted), reportAdded(project, wanted)]);
  };
}

/** The app is configured already: say so and change nothing, or with --replace replace the config. */
function reconfigure(
  tree: Tree,
  context: SchematicContext,
  existing: ExistingConfig,
  wanted: WantedConfig,
  replace: boolean | undefined,
): void {
  const log = context.logger;
  const current = existing.environment
    ? findRow({ environment: existing.environment })
    : existing.region !== undefined
      ? findRow({ region: existing.region })
      : undefined;
  if (existing.deploymentId === wanted.deploymentId && current === wanted.row) {
    log.info(
      `ngx-genesys-chat: already configured with these settings, nothing changed:\n  ${where(existing)}: ${existing.text}`,
    );
  } else if (!replace) {
    log.warn(
      `ngx-genesys-chat: already configured, nothing changed:\n  ${where(existing)}: ${existing.text}\n` +
        `To replace its config with ${wanted.text}, run ng add ngx-genesys-chat again with --replace ` +
        "(ng add's own --force only lets files be overwritten).",
    );
    // The CSP of the config the app really has, or none when it is not written as literals.
    if (current) log.info(`\n${cspPrintout(current)}`);
    return;
  } else {
    const now = replaceConfig(tree, existing, wanted.text);
    log.info(
      `ngx-genesys-chat: replaced the config in ${where(existing)}:\n  was: ${existing.text}\n  now: ${now}`,
    );
  }
  log.info(`\n${cspPrintout(wanted.row)}`);
}

/** The insertion, by Angular's AST utilities (never by text search). */
async function addConfig(tree: Tree, project: TargetProject, wanted: WantedConfig): Promise<Rule> {
  let standalone: boolean;
  try {
    standalone = isStandaloneApp(tree, await getMainFilePath(tree, project.name));
  } catch {
    throw new SchematicsException(
      `ngx-genesys-chat: cannot find how ${project.name} bootstraps (its build target's main file); ` +
        `add provideGenesysChat(${wanted.text}) to its providers by hand.`,
    );
  }
  return standalone
    ? addRootProvider(
        project.name,
        ({ code, external }) =>
          code`${external('provideGenesysChat', 'ngx-genesys-chat')}(${wanted.text})`,
      )
    : addRootImport(
        project.name,
        ({ code, external }) =>
          code`${external('GenesysChatModule', 'ngx-genesys-chat')}.forRoot(${wanted.text})`,
      );
}

/** Reports what the tree now holds, read back from it, so the message cannot claim a change that did not happen. */
function reportAdded(project: TargetProject, wanted: WantedConfig): Rule {
  return (tree, context) => {
    const [added] = findExistingConfigs(tree, project.sourceRoot);
    if (!added) {
      throw new SchematicsException(
        `ngx-genesys-chat: could not add the config to ${project.name}; add provideGenesysChat(${wanted.text}) by hand.`,
      );
    }
    context.logger.info(`ngx-genesys-chat: added ${added.text} to ${where(added)}`);
    context.logger.info(`\n${cspPrintout(wanted.row)}`);
  };
}

function where(e: ExistingConfig): string {
  return `${e.path.replace(/^\//, '')}:${e.line}`;
}
