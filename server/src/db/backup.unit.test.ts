import { describe, expect, it } from 'vitest';
import { chooseTool, majorOf, noTool, type Tool } from './backup.js';

const tool = (major: number): Tool => ({ path: `/pg${major}/pg_dump`, major, version: `pg_dump (PostgreSQL) ${major}.1` });

describe('the client program for a server', () => {
  it('reads the major version from --version', () => {
    expect(majorOf('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)')).toBe(15);
    expect(majorOf('pg_restore (PostgreSQL) 18.0')).toBe(18);
    expect(majorOf('pg_dump (PostgreSQL) 9.6.24')).toBe(9.6);
    expect(majorOf('pg_dump 15')).toBeUndefined();
  });

  it('pg_dump: the server\'s major, else the oldest newer one; never an older one', () => {
    const tools = [tool(15), tool(17), tool(18)];
    expect(chooseTool(tools, 17)?.major).toBe(17);
    expect(chooseTool(tools, 16)?.major).toBe(17);
    expect(chooseTool(tools, 14)?.major).toBe(15);
    expect(chooseTool([tool(15)], 18)).toBeUndefined();
    expect(chooseTool([], 15)).toBeUndefined();
  });

  it('pg_restore: one that reads the archive (at least its pg_dump\'s major), the server\'s own when it can', () => {
    // A 15 archive into an 18 server: pg_restore 15 will do when it is all there is; 18 is preferred.
    expect(chooseTool([tool(15)], 18, 15)?.major).toBe(15);
    expect(chooseTool([tool(15), tool(18)], 18, 15)?.major).toBe(18);
    expect(chooseTool([tool(15), tool(16)], 18, 15)?.major).toBe(16);
    // An 18 archive: no older pg_restore reads it.
    expect(chooseTool([tool(15)], 15, 18)).toBeUndefined();
    expect(chooseTool([tool(15), tool(18)], 15, 18)?.major).toBe(18);
  });

  it('without one, the refusal names the version to install and what was found', () => {
    const message = noTool('pg_dump', 18, [tool(15)]).message;
    expect(message).toContain('pg_dump 18 以上が必要です (見つかったもの: 15 (/pg15/pg_dump))');
    expect(message).toContain('postgresql-client-18');
    expect(noTool('pg_restore', 15, []).message).toContain('見つかったもの: なし');
  });
});
