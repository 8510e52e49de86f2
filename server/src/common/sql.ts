/** A SQL identifier (table or column) quoted for PostgreSQL; names come from code and metadata, never from input. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
