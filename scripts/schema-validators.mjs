// Compiles the roadmap schema to JavaScript at build time (ajv's standalone code), so neither
// bundle carries ajv's compiler and an author's first load does not pay for compiling. esbuild
// serves the code as the module src/core/loading/schemaValidators (typed by its .d.ts).
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const moduleFile = resolve('src/core/loading/schemaValidators.js');

/** The validators' source: `roadmap` (layer items loosened to "string or object") and `layer`. */
export function validatorsSource(schemaFile = 'media/schema/roadmap.schema.json') {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  // Quiz items are checked by src/core/quiz/quizCheck.ts, one sentence per rule of the format;
  // the schema's copy of them serves editors, and here would only repeat those problems less clearly.
  schema.$defs.quiz = {};
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true } });
  ajv.addSchema(schema);
  // Each layer object is checked on its own, so an author sees the layer's problems, not anyOf noise.
  const root = JSON.parse(JSON.stringify(schema));
  root.$id = `${schema.$id}#root`;
  root.properties.layers.items = { type: ['string', 'object'] };
  ajv.addSchema(root);
  const code = standaloneCode(ajv, { roadmap: root.$id, layer: `${schema.$id}#/$defs/layer` });
  return `${code}\nexport const propertiesOf = ${JSON.stringify(propertyNames(schema))};\n`;
}

/** The property names each object of the schema allows, so a message on an unknown one can list them. */
function propertyNames(schema) {
  const names = (def) => Object.keys(def.properties).filter((k) => k !== '$schema');
  const out = { roadmap: names(schema) };
  for (const [name, def] of Object.entries(schema.$defs)) if (def.type === 'object' && def.properties) out[name] = names(def);
  return out;
}

/** esbuild: `./schemaValidators` in src/core/loading resolves to the generated code. */
export const schemaValidatorsPlugin = {
  name: 'schema-validators',
  setup(build) {
    build.onResolve({ filter: /\/schemaValidators$/ }, (args) => {
      const path = resolve(args.resolveDir, args.path);
      return path === moduleFile.replace(/\.js$/, '') ? { path: moduleFile, namespace: 'schema-validators' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'schema-validators' }, () => ({
      contents: validatorsSource(),
      loader: 'js',
      resolveDir: dirname(moduleFile),
      watchFiles: [resolve('media/schema/roadmap.schema.json')],
    }));
  },
};
