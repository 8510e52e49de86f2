// The rows an approval adds — contract rows, certificates, history, 新着情報, mails — written in one statement: one
// INSERT … SELECT FROM json_populate_recordset per table, each a data-modifying WITH part of the same statement, instead
// of the unit of work's change sets and one round trip per table. Foreign keys are checked at the end of the
// statement (the rows of one part may refer to those of another), UNIQUE constraints and triggers as for any insert.
// The entities stay managed afterwards (the flush that follows writes only the changes to loaded rows).
import { ReferenceKind, helper, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { quoteIdent } from '../common/sql.js';

type Row = Record<string, unknown>;

/** The columns of an entity class, computed once: each column's name and how its value is read from an entity. */
interface Column {
  name: string;
  read: (entity: Record<string, unknown>) => unknown;
}
const columnsOf = new WeakMap<EntityMetadata, Column[]>();

function columns(meta: EntityMetadata): Column[] {
  let known = columnsOf.get(meta);
  if (known) return known;
  known = [];
  const props = meta.properties as Record<string, EntityProperty>;
  // A flattened embeddable's column is read through its owner(s): place_postal_code = entity.place?.postalCode.
  const reader = (prop: EntityProperty): ((entity: Record<string, unknown>) => unknown) => {
    if (!prop.embedded) return (e) => e[prop.name];
    const [owner, name] = prop.embedded as [string, string];
    const parent = reader(props[owner]!);
    return (e) => (parent(e) as Record<string, unknown> | null | undefined)?.[name];
  };
  const rootOf = (prop: EntityProperty): EntityProperty => (prop.embedded ? rootOf(props[prop.embedded[0] as string]!) : prop);
  for (const prop of meta.props as EntityProperty[]) {
    if (prop.persist === false || prop.formula || !prop.fieldNames?.length) continue;
    if (prop.kind === ReferenceKind.SCALAR) {
      // A column of a flattened embeddable (an embeddable stored as one JSON column is written by its owner prop).
      if (prop.embedded && rootOf(prop).object) continue;
      const read = reader(prop);
      known.push({ name: prop.fieldNames[0]!, read });
    } else if (prop.kind === ReferenceKind.EMBEDDED) {
      if (prop.object && !prop.embedded) known.push({ name: prop.fieldNames[0]!, read: reader(prop) });
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      if (prop.fieldNames.length !== 1) throw new Error(`bulkInsert: composite reference ${meta.className}.${prop.name}`);
      const read = reader(prop);
      known.push({ name: prop.fieldNames[0]!, read: (e) => (read(e) as { id?: unknown } | null | undefined)?.id ?? (read(e) === null ? null : undefined) });
    }
  }
  columnsOf.set(meta, known);
  return known;
}

/** A value as JSON for json_populate_recordset (dates as ISO instants; arrays and objects as they are). */
const jsonValue = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * Inserts every new entity the unit of work has been asked to persist, in one statement, and marks them managed.
 * Entities with a generated key (application_history's serial) get it from the statement.
 */
export async function insertPersisted(em: EntityManager): Promise<number> {
  const uow = em.getUnitOfWork();
  const stack = uow.getPersistStack();
  const fresh = [...stack].filter((e) => !helper(e).__managed && !helper(e).__originalEntityData);
  if (!fresh.length) return 0;
  const byMeta = new Map<EntityMetadata, object[]>();
  for (const entity of fresh) {
    const meta = helper(entity).__meta as EntityMetadata;
    byMeta.set(meta, [...(byMeta.get(meta) ?? []), entity]);
  }
  const schema = em.config.get('schema') ?? 'public';
  const params: unknown[] = [];
  const parts: string[] = [];
  const generated: Array<{ alias: string; entities: object[]; key: string; pk: string; numeric: boolean }> = [];
  for (const [meta, entities] of byMeta) {
    const cols = columns(meta);
    const rows: Row[] = entities.map((e) => {
      const row: Row = {};
      for (const c of cols) {
        const v = c.read(e as Record<string, unknown>);
        if (v !== undefined) row[c.name] = jsonValue(v);
      }
      return row;
    });
    // The columns some row has a value for (a key the database generates is left to it).
    const used = cols.map((c) => c.name).filter((name) => rows.some((r) => name in r));
    // Schema-qualified: the row type of table "line" is not the built-in geometric type line.
    const table = `${quoteIdent(meta.schema ?? schema)}.${quoteIdent(meta.tableName)}`;
    const list = used.map(quoteIdent).join(', ');
    const alias = `i${parts.length}`;
    params.push(JSON.stringify(rows));
    const pkProp = meta.properties[meta.primaryKeys[0] as never] as EntityProperty | undefined;
    const missingKey = pkProp && !used.includes(pkProp.fieldNames[0]!);
    if (missingKey) generated.push({ alias, entities, key: pkProp.name, pk: pkProp.fieldNames[0]!, numeric: pkProp.runtimeType === 'number' });
    parts.push(`${alias} as (insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ?::json)${missingKey ? ` returning ${quoteIdent(pkProp.fieldNames[0]!)}` : ''})`);
  }
  const select = generated.length
    ? generated.map((g) => `(select json_agg(${quoteIdent(g.pk)}) from ${g.alias}) as ${g.alias}`).join(', ')
    : '1 as done';
  const [row] = await em.execute<Array<Record<string, unknown>>>(`with ${parts.join(', ')} select ${select}`, params);
  for (const g of generated) {
    const keys = (row?.[g.alias] ?? []) as unknown[];
    // One generated key per row, in the order the rows were given (in practice one history entry per statement).
    // (A bigint key is a string in the entity, as the ORM reads it.)
    g.entities.forEach((e, i) => ((e as Record<string, unknown>)[g.key] = keys[i] === undefined || g.numeric ? keys[i] : String(keys[i])));
  }
  for (const entity of fresh) {
    stack.delete(entity);
    // Managed, with what was written as its loaded state: a later flush sees no change.
    uow.register(entity, undefined, { refresh: false });
    helper(entity).__originalEntityData = em.getComparator().prepareEntity(entity);
  }
  return fresh.length;
}
