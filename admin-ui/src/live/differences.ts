/**
 * How many rows of a list a fresh reading would change: rows that came, rows that went and rows whose version moved
 * (「N件の更新があります」 counts what the reviewer would see change, not every event heard).
 */
export const differences = (shown: ReadonlyArray<{ id: string; version?: number }>, fresh: ReadonlyArray<{ id: string; version?: number }>): number => {
  const before = new Map(shown.map((r) => [r.id, r.version]));
  const after = new Map(fresh.map((r) => [r.id, r.version]));
  let n = 0;
  for (const [id, version] of after) if (!before.has(id) || before.get(id) !== version) n += 1;
  for (const id of before.keys()) if (!after.has(id)) n += 1;
  return n;
};
