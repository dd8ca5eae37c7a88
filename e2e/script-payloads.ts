// Script payloads in every free-text field of a write route, found from the route's own request
// schema in the OpenAPI document (the same zod schema that validates it): strings that are not
// ids, enums, addresses or codes, and {fi, sv, en} texts. A field the route refuses the payload
// in (422 naming its path) goes back to its plain value; refusing markup is fine, running it is not.

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  $ref?: string;
};
export type OpenApi = {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
  >;
};

/** Markup that would run if any page put user text into the DOM as HTML. */
export function scriptPayload(marker: string): string {
  return `${marker} <img src=x onerror="window.__xss='${marker}'"><script>window.__xss='${marker}'</script><svg onload="window.__xss='${marker}'"></svg>`;
}

const NOT_FREE_TEXT =
  /(^id$|Id$|Ids$|url|website|email|phone|^unit$|code$|country|language|lang$|slug|token|password|^kind$|^type$)/i;

function isString(schema: JsonSchema): boolean {
  if (schema.anyOf) return schema.anyOf.some(isString);
  return schema.type === 'string' && !schema.enum && !schema.format && !schema.pattern;
}

function maxLength(schema: JsonSchema): number {
  if (schema.anyOf) return Math.max(...schema.anyOf.map(maxLength));
  return schema.maxLength ?? 10_000;
}

function objectSchema(schema: JsonSchema): JsonSchema | null {
  if (schema.properties) return schema;
  return schema.anyOf?.find((s) => s.properties) ?? null;
}

type Path = (string | number)[];

/** Every free-text leaf of `schema`, as paths into a body, with the room each has. */
function freeTextPaths(schema: JsonSchema, base: unknown, path: Path = []): { path: Path; max: number }[] {
  const object = objectSchema(schema);
  if (object?.properties) {
    const value = (base ?? {}) as Record<string, unknown>;
    return Object.entries(object.properties).flatMap(([key, child]) => {
      if (NOT_FREE_TEXT.test(key)) return [];
      if (isString(child)) return [{ path: [...path, key], max: maxLength(child) }];
      const localized = objectSchema(child);
      if (localized?.properties && ['fi', 'sv', 'en'].every((l) => l in localized.properties!))
        return ['fi', 'sv', 'en'].map((l) => ({
          path: [...path, key, l],
          max: maxLength(localized.properties![l]!),
        }));
      if (localized && key in value) return freeTextPaths(localized, value[key], [...path, key]);
      const items = child.items ?? child.anyOf?.find((s) => s.items)?.items;
      if (items && Array.isArray(value[key]))
        return (value[key] as unknown[]).flatMap((item, i) =>
          isString(items)
            ? [{ path: [...path, key, i], max: maxLength(items) }]
            : freeTextPaths(items, item, [...path, key, i]),
        );
      return [];
    });
  }
  return [];
}

function setPath(target: Record<string, unknown>, path: Path, value: unknown): void {
  let node: Record<string | number, unknown> = target;
  for (const step of path.slice(0, -1)) {
    node[step] ??= {};
    node = node[step] as Record<string | number, unknown>;
  }
  node[path.at(-1)!] = value;
}

function getPath(target: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, step) => (node as Record<string | number, unknown> | undefined)?.[step],
    target,
  );
}

export type PayloadWrite = { response: unknown; fields: string[] };

/**
 * Sends `base` to a write route with the payload in every free-text field; fields whose payload
 * the route refuses go back to `base`. Returns the answer and the fields that carry a payload.
 */
export async function writeWithPayloads(
  openapi: OpenApi,
  send: (method: string, path: string, body: unknown) => Promise<{ status: number; body: unknown }>,
  method: string,
  routePath: string,
  concretePath: string,
  base: Record<string, unknown>,
  marker: string,
): Promise<PayloadWrite> {
  const schema =
    openapi.paths[routePath]?.[method.toLowerCase()]?.requestBody?.content['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${routePath} has no JSON request body in the OpenAPI document`);
  let fields = freeTextPaths(schema, base);
  for (let attempt = 0; attempt < 5; attempt++) {
    const body = structuredClone(base);
    for (const { path, max } of fields) {
      const plain = getPath(base, path);
      const text = `${typeof plain === 'string' && plain ? `${plain} ` : ''}${scriptPayload(marker)}`;
      setPath(body, path, text.slice(0, max));
    }
    const answer = await send(method, concretePath, body);
    if (answer.status < 300) return { response: answer.body, fields: fields.map((f) => f.path.join('.')) };
    const details = (answer.body as { error?: { details?: unknown } }).error?.details;
    const issues = (
      Array.isArray(details) ? details : ((details as { issues?: unknown[] })?.issues ?? [])
    ) as {
      path: Path;
    }[];
    const refused = new Set(issues.map((i) => i.path.join('.')));
    const before = fields.length;
    fields = fields.filter(
      (f) => ![...refused].some((r) => f.path.join('.').startsWith(r) || r.startsWith(f.path.join('.'))),
    );
    if (fields.length === before)
      throw new Error(
        `${method} ${concretePath} refused the body: ${answer.status} ${JSON.stringify(answer.body)}`,
      );
  }
  throw new Error(`${method} ${concretePath}: no body with payloads accepted`);
}
