import { customType } from 'drizzle-orm/pg-core';

/**
 * A text column for codes from outside (CORDIS project and organisation ids): compared and
 * sorted byte by byte (collation "C"), never as words. A bulk load builds its keys and indexes
 * again afterwards (decision 017), and on a server whose default collation is a language's —
 * en_US.UTF-8, or even C.UTF-8 before PostgreSQL 17 — those builds sort through the C library's
 * strcoll without abbreviated keys; "C" sorts by memcmp. PGlite's databases are "C" already.
 */
export const code = customType<{ data: string }>({
  dataType: () => 'text collate "C"',
});
