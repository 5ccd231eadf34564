import { useRouteLoaderData } from '@remix-run/react';
import { type SessionUser } from '@inkwell/contract';

/** What the admin layout route (routes/admin.tsx) loads for every page under it. */
export interface AdminLayoutData {
  user: SessionUser;
  csrfToken: string;
}

export const ADMIN_LAYOUT_ROUTE = 'routes/admin';

export function useAdminLayout(): AdminLayoutData {
  const data = useRouteLoaderData<AdminLayoutData>(ADMIN_LAYOUT_ROUTE);
  if (!data) throw new Error('useAdminLayout() is only for pages under /admin');
  return data;
}
