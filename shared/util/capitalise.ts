/** The text with its first letter upper case: a stored value (a level's scope or autonomy) shown as a label. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Text that starts a sentence: its first letter upper case past any emphasis or punctuation before it ("*ran*" → "*Ran*"); an "iOS" or "eBPF" (a capital right after it) stays. */
export function capitaliseSentence(text: string): string {
  return text.replace(/^([^\p{L}\p{N}]*)(\p{Ll})(?!\p{Lu})/u, (_, lead: string, letter: string) => `${lead}${letter.toUpperCase()}`);
}
