/** Roles on the employee record (DESIGN §2). Only admins grant `hr` or `admin`. */
export const ROLES = ['employee', 'manager', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Admins may do everything HR can (DESIGN §2). */
export function actsAsHr(role: Role): boolean {
  return role === 'hr' || role === 'admin';
}
