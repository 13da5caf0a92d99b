import type { Express } from "express";
import { z } from "zod";

/** A route as Express holds it. */
export interface ExpressRoute {
  method: string;
  path: string;
}

const Layer = z.object({
  route: z
    .object({ path: z.union([z.string(), z.array(z.string())]), methods: z.record(z.string(), z.boolean()) })
    .optional(),
});

/** Every method and path registered straight on the app (the REST API registers its routes there). */
export function expressRoutes(app: Express): ExpressRoute[] {
  const stack: unknown = Reflect.get(Reflect.get(app, "router") ?? {}, "stack");
  if (!Array.isArray(stack)) return [];
  return stack.flatMap((layer: unknown) => {
    const route = Layer.safeParse(layer).data?.route;
    if (!route) return [];
    const paths = Array.isArray(route.path) ? route.path : [route.path];
    return paths.flatMap((path) =>
      Object.entries(route.methods)
        .filter(([method, on]) => on && method !== "_all")
        .map(([method]) => ({ method, path })),
    );
  });
}
