import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, runCommand } from './helpers/run-cli';

// Runs a command under a pseudo-terminal of 120×40 with python3's pty module (CI has python3, not tmux),
// copying everything the command draws to stdout and exiting with its exit code.
const PTY_RUNNER = `
import fcntl, os, pty, struct, sys, termios
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    os.execv(sys.argv[1], sys.argv[1:])
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    os.write(1, data)
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`;

function hasPython(): boolean {
  try {
    execFileSync('python3', ['-c', 'import pty, termios, fcntl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the demo in a terminal', () => {
  it('requires python3 with the pty module to drive a pseudo-terminal', () => {
    expect(hasPython(), 'python3 with pty is needed for the live-view test').toBe(true);
  });

  it('draws a live view that updates in place, then the summary table, and exits 0', async () => {
    const result = await runCommand('python3', ['-c', PTY_RUNNER, process.execPath, CLI], {
      env: { TERM: 'xterm-256color' }, // a colour terminal, whatever the CI machine's TERM
      timeoutMs: 35_000,
    });
    expect(result.code).toBe(0);
    expect(result.durationMs).toBeLessThan(30_000);
    const screen = result.stdout;
    // log-update redraws the rows in place: erase line + cursor up, many times over.
    const erases = screen.split('\u001b[2K\u001b[1A').length - 1;
    expect(erases).toBeGreaterThan(50);
    expect(screen).toContain('\u001b[?25l'); // cursor hidden while drawing…
    expect(screen).toContain('\u001b[?25h'); // …and shown again at the end
    expect(screen).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/); // spinners while tasks run
    expect(screen).toContain('\u001b[32m'); // colours in a terminal
    const plain = stripAnsi(screen).replaceAll('\r', '');
    expect(plain).toMatch(/Watching 9 tasks · 0 running · 9 settled/);
    expect(plain).toMatch(/provider\s+reference\s+status\s+duration\s+steps\s+cost\s+output or error/);
    expect(plain).toContain('All 9 tasks reached their scripted status');
    // No plain change lines in a terminal: the view is redrawn instead.
    expect(plain).not.toMatch(/^\s*\+\d+\.\ds {2}\S+ {2}running/m);
    // The final table fits the 120-column terminal.
    const table = plain.split('\n').slice(plain.split('\n').findIndex((line) => line.startsWith('provider')));
    for (const line of table.slice(0, 10)) expect(line.length).toBeLessThanOrEqual(120);
  });
});

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}
