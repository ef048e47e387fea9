/**
 * The API reference as people read it, made from the OpenAPI document: each operation with its
 * parameters (type, bounds, whether required) and responses, then each schema's fields. Pure.
 */
type Json = Record<string, unknown>;

export interface FieldView {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

export interface OperationView {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly signedIn: boolean;
  readonly parameters: readonly (FieldView & { readonly where: string })[];
  readonly responses: readonly {
    readonly status: string;
    readonly description: string;
    readonly schema: string | null;
  }[];
}

export interface SchemaView {
  readonly name: string;
  readonly description: string;
  readonly fields: readonly FieldView[];
}

export interface ApiReferenceView {
  readonly title: string;
  readonly version: string;
  readonly description: string;
  readonly base: string;
  readonly operations: readonly OperationView[];
  readonly schemas: readonly SchemaView[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SAFE_LIMIT = Number.MAX_SAFE_INTEGER;

const asJson = (value: unknown): Json => (value !== null && typeof value === 'object' ? (value as Json) : {});
const refName = (ref: unknown): string | null => (typeof ref === 'string' ? (ref.split('/').at(-1) ?? null) : null);

/** A schema in words: "integer, 1 to 500", "string (date)", "array of Council", "one of: good, inadequate". */
export function describeType(schema: unknown): string {
  const node = asJson(schema);
  const ref = refName(node.$ref);
  if (ref) return ref;
  if (Array.isArray(node.enum)) return `one of: ${node.enum.map(String).join(', ')}`;
  if (node.const !== undefined) return `always ${String(node.const)}`;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = node[key];
    if (Array.isArray(options)) {
      const parts = options.map(describeType);
      const nullable = parts.includes('null');
      const rest = parts.filter((part) => part !== 'null');
      return `${rest.join(' or ')}${nullable ? ', or null' : ''}`;
    }
  }
  const type = Array.isArray(node.type)
    ? node.type.filter((part) => part !== 'null').join(' or ') + (node.type.includes('null') ? ', or null' : '')
    : String(node.type ?? 'any value');
  if (type === 'array') return `list of ${describeType(node.items)}`;
  if (type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object')
    return `object of ${describeType(node.additionalProperties)} values`;
  const bounds: string[] = [];
  const min =
    typeof node.minimum === 'number'
      ? node.minimum
      : typeof node.exclusiveMinimum === 'number'
        ? node.exclusiveMinimum + 1
        : undefined;
  const max = typeof node.maximum === 'number' && Math.abs(node.maximum) < SAFE_LIMIT ? node.maximum : undefined;
  if (min !== undefined && max !== undefined) bounds.push(`${min} to ${max}`);
  else if (min !== undefined) bounds.push(`${min} or more`);
  else if (max !== undefined) bounds.push(`at most ${max}`);
  if (typeof node.minLength === 'number' || typeof node.maxLength === 'number')
    bounds.push(`${node.minLength ?? 0} to ${node.maxLength ?? 'any number of'} characters`);
  if (typeof node.format === 'string') bounds.push(node.format === 'date' ? 'a date, YYYY-MM-DD' : node.format);
  if (typeof node.pattern === 'string' && node.format === undefined) bounds.push(`matching ${node.pattern}`);
  return bounds.length > 0 ? `${type}, ${bounds.join(', ')}` : type;
}

function fieldsOf(schema: Json): FieldView[] {
  const properties = asJson(schema.properties);
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    type: describeType(property),
    required: required.has(name),
    description: typeof asJson(property).description === 'string' ? String(asJson(property).description) : '',
  }));
}

export function apiReferenceView(document: Json): ApiReferenceView {
  const info = asJson(document.info);
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const operations: OperationView[] = [];
  for (const [path, item] of Object.entries(asJson(document.paths))) {
    for (const method of METHODS) {
      const operation = asJson(asJson(item)[method]);
      if (Object.keys(operation).length === 0) continue;
      const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).map((parameter) => {
        const p = asJson(parameter);
        return {
          name: String(p.name),
          where: String(p.in),
          type: describeType(p.schema),
          required: p.required === true,
          description: typeof p.description === 'string' ? p.description : '',
        };
      });
      const body = asJson(asJson(asJson(operation.requestBody).content)['application/json']).schema;
      if (body)
        parameters.push({
          name: 'body',
          where: 'body',
          type: describeType(body),
          required: asJson(operation.requestBody).required === true,
          description: 'JSON',
        });
      const responses = Object.entries(asJson(operation.responses)).map(([status, response]) => {
        const content = asJson(asJson(response).content);
        const first = Object.values(content)[0];
        return {
          status,
          description: String(asJson(response).description ?? ''),
          schema: first ? describeType(asJson(first).schema) : null,
        };
      });
      operations.push({
        id: `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, ''),
        method: method.toUpperCase(),
        path,
        summary: String(operation.summary ?? ''),
        signedIn: Array.isArray(operation.security) && operation.security.length > 0,
        parameters,
        responses,
      });
    }
  }
  const schemas = Object.entries(asJson(asJson(document.components).schemas))
    .map(([name, schema]) => ({
      name,
      description: String(asJson(schema).description ?? ''),
      fields: fieldsOf(asJson(schema)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    title: String(info.title ?? 'API'),
    version: String(info.version ?? ''),
    description: String(info.description ?? ''),
    base: String(asJson(servers[0]).url ?? ''),
    operations,
    schemas,
  };
}
