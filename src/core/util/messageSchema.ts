/**
 * One description per direction of a webview protocol gives both the message type and its
 * guard, so the two cannot drift apart: `{ open: { id: isId } }` describes `{ type: 'open'; id: string }`
 * and the function that accepts exactly that. Anything else (an unknown type, a missing or
 * ill-typed field, a type like "toString" from the prototype) is refused.
 */
export type Check<T> = (value: unknown) => value is T;
export type Fields = Record<string, Check<unknown>>;
export type MessageDescription = Record<string, Fields>;

type Checked<F extends Fields> = { [K in keyof F]: F[K] extends Check<infer T> ? T : never };
type Flat<T> = { [K in keyof T]: T[K] };

/** The union of messages a description allows. */
export type MessageOf<D extends MessageDescription> = { [K in keyof D & string]: Flat<{ type: K } & Checked<D[K]>> }[keyof D & string];

export function messageGuard<D extends MessageDescription>(description: D): Check<MessageOf<D>> {
  return (m): m is MessageOf<D> => {
    if (!m || typeof m !== 'object') return false;
    const msg = m as Record<string, unknown>;
    if (typeof msg.type !== 'string' || !Object.hasOwn(description, msg.type)) return false;
    return Object.entries(description[msg.type]).every(([field, check]) => check(msg[field]));
  };
}

/** A guard for a plain object with these fields (webview state, say). */
export function objectGuard<F extends Fields>(fields: F): Check<Flat<Checked<F>>> {
  return (v): v is Flat<Checked<F>> => !!v && typeof v === 'object' && Object.entries(fields).every(([field, check]) => check((v as Record<string, unknown>)[field]));
}

export const isId: Check<string> = (v): v is string => typeof v === 'string' && v.length > 0 && v.length < 200;
export const isNumber: Check<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);

export function isStringUpTo(max: number): Check<string> {
  return (v): v is string => typeof v === 'string' && v.length < max;
}

export function oneOf<const T extends string>(...values: readonly T[]): Check<T> {
  return (v): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
}

/** The handlers for every message of a union but `ready`, which the webview host answers itself. */
export type MessageHandlers<M extends { type: string }> = { [K in Exclude<M['type'], 'ready'>]: (message: Extract<M, { type: K }>) => unknown };
