import type { z } from "zod";
import { downloadWithToken } from "./download";
import { HttpError, request } from "./http";

/** Query parameters; undefined and empty values are left out. */
export type Query = Record<string, string | number | undefined>;

/** A path with the query parameters that have a value. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** REST calls in the signed-in user's name. */
export interface RestClient {
  get<S extends z.ZodType>(schema: S, path: string, query?: Query): Promise<z.output<S>>;
  post<S extends z.ZodType>(schema: S, path: string, body: unknown): Promise<z.output<S>>;
  put<S extends z.ZodType>(schema: S, path: string, body: unknown): Promise<z.output<S>>;
  patch<S extends z.ZodType>(schema: S, path: string, body: unknown): Promise<z.output<S>>;
  delete<S extends z.ZodType>(schema: S, path: string): Promise<z.output<S>>;
  /** Saves the answer of a GET as a file. */
  download(path: string, query: Query, fallbackName: string): Promise<void>;
}

/** A client for one session: a refused token (401) ends the session instead of showing an error. */
export function createRestClient(token: string, onUnauthorized: () => void): RestClient {
  const guard = async <T>(call: Promise<T>): Promise<T> => {
    try {
      return await call;
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) onUnauthorized();
      throw error;
    }
  };
  return {
    get: (schema, path, query) => guard(request(schema, "GET", withQuery(path, query), { token })),
    post: (schema, path, body) => guard(request(schema, "POST", path, { token, body })),
    put: (schema, path, body) => guard(request(schema, "PUT", path, { token, body })),
    patch: (schema, path, body) => guard(request(schema, "PATCH", path, { token, body })),
    delete: (schema, path) => guard(request(schema, "DELETE", path, { token })),
    download: (path, query, fallbackName) =>
      guard(downloadWithToken(withQuery(path, query), token, fallbackName)),
  };
}
