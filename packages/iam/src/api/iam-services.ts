/** The IAM use cases the handlers call. */
import type { AccessKeysService } from '../services/access-keys-service.js';
import type { PoliciesService } from '../services/policies-service.js';
import type { PrincipalPoliciesService } from '../services/principal-policies-service.js';
import type { RolesService } from '../services/roles-service.js';
import type { UsersService } from '../services/users-service.js';

export interface IamServices {
  readonly users: UsersService;
  readonly accessKeys: AccessKeysService;
  readonly roles: RolesService;
  readonly policies: PoliciesService;
  readonly principalPolicies: PrincipalPoliciesService;
}
