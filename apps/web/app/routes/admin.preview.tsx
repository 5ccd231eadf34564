import { type ActionFunctionArgs } from '@remix-run/node';
import { adminAct } from '../admin/session.server.js';

/** The editor's live preview: Markdown in, the public renderer's HTML out (through the API). */
export async function action(args: ActionFunctionArgs) {
  return adminAct(args, async (api, form) => {
    const markdown = form.get('markdown');
    return api.post('/api/admin/posts/preview', {
      body: { markdown: typeof markdown === 'string' ? markdown.replace(/\r\n?/g, '\n') : '' },
    });
  });
}
