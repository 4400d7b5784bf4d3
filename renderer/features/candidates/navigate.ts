/** Moves to another hash route (routes.ts); a plain function so components can call it after an async write. */
export function navigateTo(href: string): void {
  window.location.hash = href;
}
