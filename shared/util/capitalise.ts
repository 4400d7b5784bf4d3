/** The text with its first letter upper case: a stored value (a level's scope or autonomy) shown as a label. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
