/**
 * Code blocks scroll sideways on narrow screens; a keyboard user can only scroll what can take
 * focus, so every <pre> of the API's (already sanitized) HTML gets tabindex="0".
 */
export function makeCodeBlocksFocusable(html: string): string {
  return html.replace(/<pre(?=[\s>])(?![^>]*\stabindex=)/gi, '<pre tabindex="0"');
}
