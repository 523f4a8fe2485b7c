/**
 * The largest id (and other stored whole number such as a version or item key) a channel accepts: PostgreSQL's
 * `integer`, so the same input is refused in Danish on both engines instead of failing on the server.
 */
export const MAX_ID = 2_147_483_647;
