// C0 controls, DEL and the C1 range (ESC, CSI, OSC...): what lets a text move the cursor, clear the
// screen, retitle the window or hide what follows when it reaches a terminal.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Shows every control character of `text` as a visible escape (`\u001b`), so vendor text printed for a
 * person never drives the terminal. For the human output only: `--json` escapes them itself.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
