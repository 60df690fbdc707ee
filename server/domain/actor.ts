import { type Role } from './roles';

/** Who did something: the OPENID the server saw and the role they acted in. */
export interface Actor {
  readonly openid: string;
  readonly role: Role | 'system';
}
