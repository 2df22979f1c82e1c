/**
 * Every request body is a strict object, checked when a route is registered: an unknown field (say
 * `roles` sent to `PUT /api/me/locale`) is refused with a 400 naming it, never silently dropped — a
 * dropped field hides a client's mistake and invites probing for fields a route might one day read. A
 * route whose body schema lets unknown fields through (z.object, z.looseObject, at any depth) stops the
 * start with its method, path and where in the body.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';

interface Def { type: string; catchall?: Inner; shape?: Record<string, Inner>; innerType?: Inner; element?: Inner; options?: Inner[]; in?: Inner; out?: Inner; left?: Inner; right?: Inner; valueType?: Inner; getter?: () => Inner }
interface Inner { _zod?: { def: Def } }

/** The places in a schema where an object lets unknown fields through ('' is the body itself). */
export function looseObjectsIn(schema: unknown, path = '', seen = new Set<unknown>()): string[] {
  const def = (schema as Inner | undefined)?._zod?.def;
  if (!def || seen.has(schema)) return [];
  seen.add(schema);
  const at = (p: string) => (path ? `${path}.${p}` : p);
  switch (def.type) {
    case 'object': {
      const own = def.catchall?._zod?.def.type === 'never' ? [] : [path || '(body)'];
      return [...own, ...Object.entries(def.shape ?? {}).flatMap(([k, v]) => looseObjectsIn(v, at(k), seen))];
    }
    case 'array': return looseObjectsIn(def.element, at('[]'), seen);
    case 'union': return (def.options ?? []).flatMap((o) => looseObjectsIn(o, path, seen));
    case 'intersection': return [...looseObjectsIn(def.left, path, seen), ...looseObjectsIn(def.right, path, seen)];
    case 'pipe': return looseObjectsIn(def.in, path, seen);
    case 'record': return looseObjectsIn(def.valueType, at('*'), seen);
    case 'lazy': return def.getter ? looseObjectsIn(def.getter(), path, seen) : [];
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'catch': case 'readonly': case 'nonoptional':
      return looseObjectsIn(def.innerType, path, seen);
    default: return [];
  }
}

export function requireStrictBodies(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const body = (route.schema as { body?: z.ZodType } | undefined)?.body;
    if (!body) return;
    const loose = looseObjectsIn(body);
    if (loose.length) {
      throw new Error(`Route ${[route.method].flat().join(',')} ${route.url}: the body lets unknown fields through at ${loose.join(', ')} — use z.strictObject`);
    }
  });
}
