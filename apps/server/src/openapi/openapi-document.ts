import { z } from "zod";
import { ApiError } from "@handoff/contracts";
import { SCOPED_ROUTES } from "../api-keys/key-scopes";
import { API_ROUTES, type ApiRoute } from "./api-routes";

/** `/api/teams/:id` as OpenAPI writes it: `/api/teams/{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, "{$1}");

// Request schemas are described as clients send them, responses as the server answers; what JSON
// Schema cannot say (a transform, a refinement) is left open rather than failing the document.
const jsonSchema = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });

/** One route's OpenAPI operation object. */
export function operation(route: ApiRoute) {
  const scopes = SCOPED_ROUTES.filter((s) => s.method === route.method && s.path === route.path).map(
    (s) => s.scope,
  );
  const parameters: Array<{ name: string | undefined; in: string; required: boolean; schema: unknown }> = [
    ...route.path.matchAll(/:([A-Za-z]+)/g),
  ].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = route.query ? jsonSchema(route.query, "input") : null;
  if (query && typeof query.properties === "object" && query.properties !== null) {
    for (const [name, schema] of Object.entries(query.properties))
      parameters.push({ name, in: "query", required: false, schema });
  }
  return {
    tags: [route.tag],
    summary: route.summary,
    ...(parameters.length ? { parameters } : {}),
    ...(route.access === "public"
      ? { security: [] }
      : {
          security: [{ session: [] }, ...(scopes.length ? [{ apiKey: scopes }] : [])],
          "x-access": route.access,
        }),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(route.body, "input") } },
          },
        }
      : {}),
    responses: {
      "2XX": {
        description: "Success",
        ...(route.response
          ? { content: { "application/json": { schema: jsonSchema(route.response, "output") } } }
          : {}),
      },
      default: {
        description:
          "An error: 400 bad input, 401 not signed in or a revoked key, 403 not allowed, 404 not found, 409 conflict",
        content: {
          "application/json": { schema: jsonSchema(z.object({ error: ApiError }), "output") },
        },
      },
    },
  };
}

/** The OpenAPI 3.1 document of the REST API, built from the route table and the contracts schemas. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Handoff Desk API",
      version: "1",
      description:
        "Console users send their session token, other systems an API key with the scopes a route lists: `Authorization: Bearer <token or key>`.",
    },
    components: {
      securitySchemes: {
        session: {
          type: "http",
          scheme: "bearer",
          description: "A console session token (POST /api/auth/login)",
        },
        apiKey: { type: "http", scheme: "bearer", description: "An API key (hk_...) with the scopes listed" },
      },
    },
    paths,
  };
}
