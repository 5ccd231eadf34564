/** Any address no other route claims: the root error boundary renders the 404 page. */
export function loader(): never {
  throw new Response('Not Found', { status: 404 });
}

export default function Unreachable() {
  return null;
}
