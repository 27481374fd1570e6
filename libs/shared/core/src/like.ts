/** Escapes LIKE/ILIKE wildcards so user text matches literally (use with the default `\` escape). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` for a substring match of user text, wildcards escaped. */
export function likeContains(text: string): string {
  return `%${likeEscape(text)}%`;
}
