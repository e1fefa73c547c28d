/**
 * Every sessionStorage key this library writes starts with this (the stored identity is
 * `<prefix>identity.<deploymentId>`). A leaf module: the entry's test reset imports it without
 * pulling the lazy engine's storage code into an app's initial chunk.
 */
export const STORAGE_PREFIX = 'ngx-genesys-chat.';
