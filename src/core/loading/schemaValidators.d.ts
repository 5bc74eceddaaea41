// The roadmap schema compiled to code at build time (scripts/schema-validators.mjs); there is no
// source file, esbuild generates the module.
import type { ValidateFunction } from 'ajv';

/** The whole roadmap, with each layer only required to be a file name or an object. */
export declare const roadmap: ValidateFunction;
/** One layer, checked on its own. */
export declare const layer: ValidateFunction;
/** The property names each object allows: "roadmap" and each object definition of the schema (layer, topic, subtopic, resource, …). */
export declare const propertiesOf: Readonly<Record<string, readonly string[]>>;
