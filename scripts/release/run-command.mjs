// Runs a command as its own process group, with a time limit, its output kept in a log file.
// Every running child is tracked so a failure or a signal can stop it (and its children) by its id.
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';

const running = new Set();

/**
 * Runs `command args` in `cwd` and resolves with `{ code, stdout, stderr, ms }` (never rejects on a
 * non-zero exit; `code` is null when the time limit killed it). Output goes to `log` when given.
 */
export function runCommand(command, args, { cwd, env, timeoutMs = 120_000, log } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    if (log) appendFileSync(log, `\n$ ${[command, ...args].join(' ')}   (in ${cwd ?? process.cwd()})\n`);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (log) appendFileSync(log, chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (log) appendFileSync(log, chunk);
    });
    const timer = setTimeout(() => {
      stderr += `\n[release-check] killed after ${timeoutMs} ms\n`;
      killGroup(child, 'SIGKILL');
    }, timeoutMs);
    const finish = (code, error) => {
      clearTimeout(timer);
      running.delete(child);
      if (error) stderr += `\n${error.message}\n`;
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    };
    child.on('error', (error) => finish(127, error));
    child.on('close', (code) => finish(code));
  });
}

/** Starts a long-running process (a server) in its own group; the caller stops it with `stopProcess`. */
export function startProcess(command, args, { cwd, env, log }) {
  const child = spawn(command, args, {
    cwd,
    env: env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  const write = (chunk) => log && appendFileSync(log, chunk);
  child.stdout.on('data', write);
  child.stderr.on('data', write);
  return child;
}

/** Stops a child started here (and its process group) by its id: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(child, graceMs = 3_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Kills every child still running (used on failure paths and signals). */
export function killAllChildren() {
  for (const child of running) killGroup(child, 'SIGKILL');
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {}
  }
}

/** The last `lines` lines of a text or of a file. */
export function tail(textOrFile, lines = 40, { file = false } = {}) {
  const text = file ? readFileSync(textOrFile, 'utf8') : textOrFile;
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
