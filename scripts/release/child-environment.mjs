// The environment of every command the release check runs.
import { GIT_IDENTITY } from './scratch-git.mjs';

/** Variables a package manager sets for a script (`pnpm release:check`) that must not leak into the copy's commands. */
const SCRIPT_VARIABLES =
  /^(npm_(lifecycle|package|command|execpath|node_execpath)|npm_config_(user_agent|frozen_lockfile|verify_deps_before_run)$|pnpm_config_|PNPM_SCRIPT_SRC_DIR$)/i;

/** The parent's environment without package-manager script variables; no telemetry, no update checks. */
export function childEnvironment() {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !SCRIPT_VARIABLES.test(key)),
  );
  return {
    ...inherited,
    ...GIT_IDENTITY,
    CI: 'true',
    TURBO_TELEMETRY_DISABLED: '1',
    TURBO_DAEMON: 'false',
    DO_NOT_TRACK: '1',
    NO_UPDATE_NOTIFIER: '1',
    FORCE_COLOR: '0',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}
