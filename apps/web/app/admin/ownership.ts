/** The page an author meets for a colleague's post: the admin layout shows it as "Not allowed". */
export function notYourPost(): Response {
  return new Response('This post belongs to another author', {
    status: 403,
    statusText: 'Forbidden',
  });
}
