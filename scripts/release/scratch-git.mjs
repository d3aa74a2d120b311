// Git in the temporary copy only: a history for `changeset version` and tags for `changeset publish`.
import { execFileSync } from 'node:child_process';

/** A fixed identity, so commits and annotated tags work on a machine with no git config. */
export const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'release check',
  GIT_AUTHOR_EMAIL: 'release-check@example.invalid',
  GIT_COMMITTER_NAME: 'release check',
  GIT_COMMITTER_EMAIL: 'release-check@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Whether a `git` binary is on PATH (without one, the check runs `changeset publish --no-git-tag`). */
export function hasGit() {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function git(cwd, args) {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...GIT_IDENTITY },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Makes `repo` a fresh repository (branch main) with everything committed. */
export function initGit(repo) {
  if (!hasGit()) return;
  git(repo, ['init', '--quiet', '--initial-branch=main']);
  commitAll(repo, 'release check: copy of the working tree');
}

export function commitAll(repo, message) {
  if (!hasGit()) return;
  git(repo, ['add', '--all']);
  git(repo, ['commit', '--quiet', '--allow-empty', '--no-verify', '--message', message]);
}
