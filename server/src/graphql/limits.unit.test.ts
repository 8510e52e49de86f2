// paging.ts (imported by limits.ts) declares type-graphql inputs, which need the Reflect polyfill first.
import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import fc from 'fast-check';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../common/paging.js';
import { LIMITS, listCost, listCostLimit, nestingDepth } from './limits.js';

/** listCost of a document's first operation, with its fragments. */
const cost = (query: string, variables: Record<string, unknown> = {}): number => {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return listCost(operation, fragments, variables);
};

describe('listCost: fields × the page sizes of the lists around them', () => {
  it('counts one per field without lists', () => {
    expect(cost('{ a b c }')).toBe(3);
    expect(cost('{ a { b { c } } }')).toBe(3);
  });

  it('multiplies the fields inside a list by its limit, not the list field itself', () => {
    // applications (1) + items (10) + id, name (10 each)
    expect(cost('{ applications(limit: 10) { items { id name } } }')).toBe(31);
    expect(cost('{ a(limit: 100) { b(limit: 100) { c } } }')).toBe(1 + 100 + 100 * 100);
  });

  it('reads limits from variables (missing, zero or not a number count as 1: GraphQL refuses a non-number Int)', () => {
    const q = 'query($n: Int) { list(limit: $n) { x y } }';
    expect(cost(q, { n: 50 })).toBe(1 + 2 * 50);
    expect(cost(q, {})).toBe(1 + 2);
    expect(cost(q, { n: 0 })).toBe(1 + 2);
    expect(cost(q, { n: 'many' })).toBe(1 + 2);
    expect(cost(q, { n: '7' })).toBe(1 + 2);
    // The fuzz test's find: an object whose toString is not a function made Number() throw (an internal error).
    expect(cost(q, { n: { toString: { a: 1 }, valueOf: null } })).toBe(1 + 2);
  });

  it(`counts a limit above the page maximum as ${MAX_PAGE_SIZE} and a negative one as 1`, () => {
    expect(cost('{ list(limit: 100000) { x } }')).toBe(1 + MAX_PAGE_SIZE);
    expect(cost('query($n: Int) { list(limit: $n) { x } }', { n: 1e9 })).toBe(1 + MAX_PAGE_SIZE);
    expect(cost('{ list(limit: -5) { x } }')).toBe(2);
    // Other arguments do not multiply.
    expect(cost('{ list(offset: 100, first: 100) { x } }')).toBe(2);
  });

  it('counts fragments (named and inline) as if written in place', () => {
    const inline = cost('{ list(limit: 20) { a b c { d } } }');
    expect(cost('{ list(limit: 20) { ...F } } fragment F on T { a b c { d } }')).toBe(inline);
    expect(cost('{ list(limit: 20) { ... on T { a b c { d } } } }')).toBe(inline);
    // An unknown fragment costs nothing (validation reports it).
    expect(cost('{ list(limit: 20) { ...Missing } }')).toBe(1);
  });

  it('answers Infinity for a fragment cycle instead of recursing forever', () => {
    expect(cost('{ a { ...A } } fragment A on T { b { ...A } }')).toBe(Infinity);
  });

  // A random tree of fields with random limits, rendered as a query, inline and through fragments.
  type Node = { limit?: number; children: Node[] };
  const limitArb = fc.option(fc.integer({ min: -10, max: 300 }), { nil: undefined });
  const nodes = (depth: number): fc.Arbitrary<Node[]> =>
    fc.array(fc.record({ limit: limitArb, children: depth === 0 ? fc.constant([]) : nodes(depth - 1) }), { minLength: depth === 4 ? 1 : 0, maxLength: 3 });
  const tree = nodes(4);
  const render = (nodes: Node[], fragments: string[] | undefined, prefix = 'f'): string =>
    nodes
      .map((n, i) => {
        const name = `${prefix}${i}`;
        const args = n.limit === undefined ? '' : `(limit: ${n.limit})`;
        if (!n.children.length) return `${name}${args}`;
        const body = render(n.children, fragments, `${name}_`);
        if (!fragments) return `${name}${args} { ${body} }`;
        fragments.push(`fragment Fr${name} on T { ${body} }`);
        return `${name}${args} { ...Fr${name} }`;
      })
      .join(' ');
  const model = (nodes: Node[], multiplier: number): number =>
    nodes.reduce((sum, n) => sum + multiplier + model(n.children, multiplier * (n.limit === undefined ? 1 : Math.min(MAX_PAGE_SIZE, Math.max(1, n.limit)))), 0);

  it('equals the product model on random queries, the same inline and through fragments', () => {
    fc.assert(
      fc.property(tree, (nodes) => {
        const inline = cost(`{ ${render(nodes, undefined)} }`);
        const fragments: string[] = [];
        const spread = cost(`{ ${render(nodes, fragments)} } ${fragments.join(' ')}`);
        expect(inline).toBe(model(nodes, 1));
        expect(spread).toBe(inline);
      }),
      { numRuns: 200 },
    );
  });

  it('never decreases when a limit grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (x, y) => {
        const q = 'query($a: Int, $b: Int) { l(limit: $a) { m(limit: $b) { z } w } }';
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(cost(q, { a: lo, b: 3 })).toBeLessThanOrEqual(cost(q, { a: hi, b: 3 }));
        expect(cost(q, { a: 3, b: lo })).toBeLessThanOrEqual(cost(q, { a: 3, b: hi }));
      }),
    );
  });
});

describe('listCostLimit (the Apollo plugin)', () => {
  const server = new ApolloServer<BaseContext>({
    typeDefs: 'type Item { id: ID! items(limit: Int): [Item!]! } type Query { items(limit: Int): [Item!]! }',
    resolvers: { Query: { items: () => [] }, Item: { items: () => [] } },
    plugins: [listCostLimit as unknown as ApolloServerPlugin<BaseContext>],
  });
  afterAll(() => server.stop());
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const res = await server.executeOperation({ query, variables });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult;
  };

  it(`lets a request up to ${LIMITS.maxListCost} through and refuses a larger one with BAD_USER_INPUT before resolving`, async () => {
    const ok = await run('{ items(limit: 100) { id items(limit: 100) { id } } }'); // 1 + 100 + 100 + 10000
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual({ items: [] });

    const big = await run('query($n: Int) { items(limit: 100) { items(limit: 100) { items(limit: $n) { id } } } }', { n: 3 });
    expect(big.data).toBeUndefined();
    expect(big.errors).toHaveLength(1);
    expect(big.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors![0]!.message).toContain(String(LIMITS.maxListCost));
    expect(big.errors![0]!.message).toContain(String(1 + 100 + 10_000 + 30_000));
  });
});

describe('nestingDepth: brackets and braces of a query text, outside strings and comments', () => {
  it('counts selections, arguments and list literals', () => {
    expect(nestingDepth('{ me { id } }')).toBe(2);
    expect(nestingDepth('query($s: [X!]) { a(f: { s: [[1]] }) { b } }')).toBe(5);
    expect(nestingDepth(`{ a(s: ${'['.repeat(10_000)}${']'.repeat(10_000)}) }`)).toBe(10_002);
  });

  it('skips strings (with escapes), block strings and comments', () => {
    expect(nestingDepth('{ a(q: "{{[[(\\" ]]") }')).toBe(2);
    expect(nestingDepth('{ a(q: """ {{{{ \\""" [[[ """) }')).toBe(2);
    expect(nestingDepth('# {{{{\n{ a }')).toBe(1);
  });
});
