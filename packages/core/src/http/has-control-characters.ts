// C0 controls, DEL and the C1 range: none belongs in an id, a header value or an API key.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** True when `text` holds a control character (CR, LF, NUL, ...). */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}
