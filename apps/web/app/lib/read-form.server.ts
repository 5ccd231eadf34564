/** The encodings an HTML form posts in. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * An action's form fields. A body that is not a form (415) or cannot be parsed as one (400) is
 * the sender's mistake, answered as such instead of failing the action with a 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!FORM_TYPES.includes(type)) {
    throw new Response('Unsupported Media Type: send a form', { status: 415 });
  }
  try {
    return await request.formData();
  } catch {
    throw new Response('Bad Request: the form could not be read', { status: 400 });
  }
}
