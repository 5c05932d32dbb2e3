import type { StaffSession } from '../../domain/staff/staff-sessions.js';
import type { AdminContext } from '../../web/admin/admin-context.js';

/** Request-scoped values of the staff screens. */
export type AdminEnv = {
  Variables: {
    requestId: string;
    /** The signed-in session; absent only on the sign-in and invitation pages. */
    staff: StaffSession;
    ctx: AdminContext;
  };
};
