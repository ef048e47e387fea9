/** The pieces every part of the OpenAPI document is built from: schema refs, JSON and file responses, the common parameters. */
import { z } from 'zod';

export type JsonObject = Record<string, unknown>;

/** A ref to a schema that has an id in zod's registry (the schemas give theirs with .meta({ id })). */
export function ref(schema: z.ZodType): JsonObject {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('schema without an id');
  return { $ref: `#/components/schemas/${id}` };
}

/** A JSON response; with `etag`, its ETag header (the version to send back in If-Match). */
export function jsonResponse(description: string, schema: JsonObject, etag = false): JsonObject {
  return {
    description,
    content: { 'application/json': { schema } },
    ...(etag
      ? {
          headers: {
            ETag: {
              description: 'The version of the resource, W/"<version>": send it back in If-Match',
              schema: { type: 'string' },
            },
          },
        }
      : {}),
  };
}

/** A file in the response body, of this media type. */
export function fileResponse(description: string, type: string): JsonObject {
  return { description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } };
}

/** The bearer-token routes' security requirement. */
export const bearerSecurity = [{ bearerToken: [] }];

export const urnParameter: JsonObject = {
  name: 'urn',
  in: 'path',
  required: true,
  description: "The council's Ofsted URN",
  schema: { type: 'string', pattern: '^\\d{1,10}$' },
};
