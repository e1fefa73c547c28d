/** Genesys' limit on custom attributes: UTF-8 bytes of all keys plus all values (server error 4013 above it). */
export const MAX_CUSTOM_ATTRIBUTE_BYTES = 2048;
