/** The Trusted Types policy name to list in a `trusted-types` CSP directive. */
export const TRUSTED_TYPES_POLICY_NAME = 'ngx-genesys-chat';
