// CSV exports over HTTP, for the console's CSVダウンロード and for integrators:
//   GET /exports/applications.csv  利用申込一覧 (the list's filter: queue, status, kind, q, assigneeId, receivedFrom,
//                                   receivedTo, officeCode; sort=RECEIVED_AT|RECEIPT_NO|DESIRED_START_DATE|STATUS, order=ASC|DESC)
//   GET /exports/audit-log.csv     監査ログ (actions, staffId, from, to)
//   GET /exports/emails.csv        送信ログ (status, templateKey, q, applicationId, possibleDuplicate)
//   GET /exports/offices.csv       事業所一覧 (q, status)
// A list parameter repeats or takes commas (status=RECEIVED,IN_REVIEW). The caller's token as for /graphql
// (Authorization: Bearer), the same roles and key scope as the GraphQL list. Refusals are JSON { code, message,
// fieldErrors? } before any row is read. Rows stream from a database cursor at the pace the client reads (bounded memory
// whatever the count); a client that goes away ends the query. Every export is audited (CSV_EXPORT) with its row count.
import { pipeline } from 'node:stream/promises';
import express, { type Request, type Response } from 'express';
import {
  coerceInputValue, getNamedType, getNullableType, isEnumType, isListType, parse,
  type GraphQLInputObjectType, type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import { logger } from '../common/logger.js';
import { todayInJapan } from '../common/dates.js';
import { DomainError, ErrorCode, type FieldError, badInput, forbidden, unauthenticated } from '../common/errors.js';
import { sendError } from '../common/httpErrors.js';
import { requestLogFields } from '../common/requestId.js';
import { numbered } from '../db/prepared.js';
import { KEY_ACCESS, roles, type ApiKeyScope } from '../graphql/access.js';
import { requestContext } from '../graphql/context.js';
import { inputErrors } from '../graphql/inputLimits.js';
import { schema } from '../graphql/schema.js';
import type { Services } from '../graphql/services.js';
import { audit } from '../staff/audit.js';
import { authenticate } from '../staff/authentication.js';
import { SCOPE_LABEL } from '../staff/keyScope.js';
import { CsvEncoder } from './csv.js';
import { EXPORT_LISTS, type ExportArgs, type ExportList } from './lists.js';
import { AuditAction } from '../common/enums.js';

/** Rows fetched from the cursor at a time: a few hundred KB of CSV, whatever the list's size. */
const BATCH_ROWS = 500;
/**
 * PostgreSQL times a cursor's statement from its first fetch to its last, so the pool's 30 s statement timeout would cut
 * off a large export read by a slow client; an export's own connection allows this long instead (a runaway still ends).
 */
const EXPORT_STATEMENT_TIMEOUT = '15min';

/** The list's GraphQL operation as a document, for the schema's own length and ID checks of its arguments. */
const documents = new Map<string, OperationDefinitionNode & { document: ReturnType<typeof parse> }>();
function operationOf(list: ExportList) {
  let op = documents.get(list.name);
  if (!op) {
    const sort = list.params ? ', $sort: ApplicationSort' : '';
    const document = parse(`query($filter: ${list.filterType}${sort}) { ${list.operation}(filter: $filter${list.params ? ', sort: $sort' : ''}) { __typename } }`);
    op = Object.assign(document.definitions[0] as OperationDefinitionNode, { document });
    documents.set(list.name, op);
  }
  return op;
}

/** A query parameter's text as its input type takes it: lists split on commas, booleans from true/false. */
function asInput(values: string[], type: GraphQLInputType): unknown {
  const t = getNullableType(type);
  const one = (v: string) => (getNamedType(t).name === 'Boolean' ? ({ true: true, '1': true, false: false, '0': false } as Record<string, boolean>)[v] ?? v : v);
  if (isListType(t)) return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean).map(one);
  return one(values[0]!);
}

/**
 * The request's parameters as the GraphQL list's arguments, validated like them: each parameter is a field of the
 * list's filter input (or sort/order), coerced by its GraphQL type (enums, booleans, IDs) and measured by the schema's
 * input limits. An unknown or malformed parameter is BAD_USER_INPUT naming it.
 */
function exportArgs(s: GraphQLSchema, list: ExportList, query: Request['query']): ExportArgs {
  const filterType = s.getType(list.filterType) as GraphQLInputObjectType;
  const errors: FieldError[] = [];
  const args: { filter: Record<string, unknown>; sort: Record<string, unknown> } = { filter: {}, sort: {} };
  const paths = new Map<string, string>();
  for (const [param, given] of Object.entries(query)) {
    const texts = (Array.isArray(given) ? given : [given]).filter((v): v is string => typeof v === 'string');
    if (texts.length === 0 || texts.length !== (Array.isArray(given) ? given.length : 1)) {
      errors.push({ path: param, message: `${param} の指定が正しくありません。` });
      continue;
    }
    const extra = list.params?.[param];
    const field = extra ? (s.getType(extra[1]) as GraphQLInputObjectType).getFields()[extra[2]] : filterType.getFields()[param];
    if (!field) {
      const known = [...Object.keys(filterType.getFields()), ...Object.keys(list.params ?? {})];
      errors.push({ path: param, message: `${param} というパラメータはありません (指定できるもの: ${known.join(', ')})。` });
      continue;
    }
    if (texts.every((t) => t.trim() === '')) continue; // an empty filter box is no filter, as in the console
    if (!isListType(getNullableType(field.type)) && texts.length > 1) {
      errors.push({ path: param, message: `${param} は1つだけ指定してください。` });
      continue;
    }
    const value = coerceInputValue(asInput(texts, field.type), field.type, (_path, invalid) => {
      const named = getNamedType(field.type);
      errors.push({
        path: param,
        message: isEnumType(named)
          ? `${param} に「${String(invalid)}」は指定できません (${named.getValues().map((v) => v.name).join(', ')} のいずれか)。`
          : `${param} の値「${String(invalid)}」が正しくありません。`,
      });
    });
    const [target, name] = extra ? [args.sort, extra[2]] : [args.filter, param];
    target[name] = value;
    paths.set(extra ? `sort.${extra[2]}` : `filter.${param}`, param);
  }
  if (errors.length) throw badInput(errors);
  const op = operationOf(list);
  const limits = inputErrors(s, op.document, op, args);
  if (limits.length) throw badInput(limits.map((e) => renamed(e, paths)));
  return { filter: Object.keys(args.filter).length ? args.filter : undefined, sort: Object.keys(args.sort).length ? args.sort : undefined };
}

/** A field error of the GraphQL argument path (filter.q) under the parameter's name (q). */
function renamed(e: FieldError, paths: Map<string, string>): FieldError {
  const path = e.path.replace(/\[\d+\]$/, '');
  const param = paths.get(path) ?? path.replace(/^filter\./, '');
  return { path: param, message: e.message.split(e.path).join(param) };
}

/** `attachment` with an ASCII name and the Japanese one (RFC 5987), dated by the server's clock. */
function disposition(list: ExportList, now: Date): string {
  const day = todayInJapan(now).replace(/-/g, '');
  return `attachment; filename="${list.name}_${day}.csv"; filename*=UTF-8''${encodeURIComponent(`${list.title}_${day}.csv`)}`;
}

export function exportRoutes(orm: MikroORM, services: Services): express.Router {
  const router = express.Router();
  const pool = orm.em.getConnection().getNativeClient() as unknown as Promise<pg.Pool>;

  router.get('/:file', async (req: Request, res: Response) => {
    const list = EXPORT_LISTS.find((l) => `${l.name}.csv` === req.params.file);
    const em = orm.em.fork();
    try {
      if (!list) throw new DomainError(ErrorCode.NOT_FOUND, `書き出しは ${EXPORT_LISTS.map((l) => `${l.name}.csv`).join(', ')} のいずれかです。`);
      const principal = await authenticate(em, services, req.headers.authorization, req.ip);
      if (principal.roles.length === 0) throw unauthenticated();
      // The GraphQL list's own rule (graphql/access.ts): its roles, and an API key's scope for it.
      if (!roles(list.operation).some((r) => principal.roles.includes(r))) throw forbidden();
      const scope = (KEY_ACCESS as Partial<Record<string, { scope: ApiKeyScope }>>)[list.operation]?.scope;
      if (principal.apiKey && scope && !principal.apiKey.scopes.includes(scope)) {
        throw forbidden(`このAPIキーには「${SCOPE_LABEL[scope]}」の権限がありません。`);
      }
      const args = exportArgs(await schema(), list, req.query);
      const ctx = requestContext(em, principal, services, req.ip);
      let statement;
      try {
        statement = await list.statement(ctx, args);
      } catch (e) {
        const fieldErrors = e instanceof DomainError ? (e.extensions.fieldErrors as FieldError[] | undefined) : undefined;
        if (fieldErrors) throw badInput(fieldErrors.map((f) => renamed(f, new Map())));
        throw e;
      }

      const client = await (await pool).connect();
      await client.query(`set statement_timeout = '${EXPORT_STATEMENT_TIMEOUT}'`);
      const rows = new QueryStream(numbered(statement.sql), [...statement.params], { batchSize: BATCH_ROWS });
      const csv = new CsvEncoder(list.columns);
      let failure: unknown;
      res.status(200);
      res.setHeader('content-type', 'text/csv; charset=utf-8; header=present');
      res.setHeader('content-disposition', disposition(list, services.clock.now()));
      res.setHeader('cache-control', 'no-store');
      try {
        await pipeline(client.query(rows), csv, res);
      } catch (e) {
        failure = e;
      } finally {
        // The connection is closed, not pooled: a cursor cut short (the client left, the database failed) ends with
        // its backend, nothing of the query left running, and no connection keeps the export's timeout.
        client.release(true);
      }
      const left = !!failure && (res.destroyed || req.destroyed) && !res.writableFinished;
      if (failure && !left) logger.error({ err: failure, ...requestLogFields() }, 'CSV export failed mid-stream');
      audit(em, {
        action: AuditAction.CSV_EXPORT, staff: ctx.staff, apiKey: principal.apiKey, target: list.name, ip: req.ip,
        detail: `${list.title} ${csv.rows}件${failure ? (left ? ' (中断: 接続が切れました)' : ' (中断: エラー)') : ''} filter=${JSON.stringify(args.filter ?? {})}${args.sort ? ` sort=${JSON.stringify(args.sort)}` : ''}`,
      });
      await em.flush();
      if (failure && !res.destroyed) res.destroy();
    } catch (e) {
      if (res.headersSent) {
        logger.error({ err: e, ...requestLogFields() }, 'CSV export failed');
        res.destroy();
        return;
      }
      sendError(res, e, 'CSV export');
    }
  });
  return router;
}
