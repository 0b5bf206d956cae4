// Lints Cypher with Neo4j's own parser and semantic analysis (offline).
// Reads a JSON list of {name, text} from stdin; prints a JSON list of
// {name, severity, message, line} for every error and deprecation warning.
// Undefined-parameter diagnostics are dropped: parameters come at run time.
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const queries = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const problems = [];
for (const { name, text } of queries) {
  const { diagnostics } = lintCypherQuery(text, {}, {});
  for (const d of diagnostics) {
    if (!isNotParamError(d)) continue; // isNotParamError is true for everything but "parameter not defined"
    // severity 1 = error, 2 = warning (the linter's warnings are deprecations)
    problems.push({ name, severity: d.severity === 1 ? 'error' : 'warning',
                    message: d.message, line: d.range.start.line + 1 });
  }
}
process.stdout.write(JSON.stringify(problems));
