// Prints the closing line CI reads: "N passed, N failed[, N skipped]", from
// vitest's JSON report. If the run stopped before tests (typecheck, lint or
// build failed), there is no report: that counts as one failure.
import { existsSync, readFileSync } from "node:fs";

const [reportPath, rcText] = process.argv.slice(2);
const rc = Number(rcText ?? "1");
let passed = 0;
let failed = 0;
let skipped = 0;
if (reportPath && existsSync(reportPath)) {
  const r = JSON.parse(readFileSync(reportPath, "utf8"));
  passed = r.numPassedTests ?? 0;
  failed = (r.numFailedTests ?? 0) + brokenSuites(r);
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (rc !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);

// A file that failed without a failing test (e.g. it did not import) is one failure.
function brokenSuites(r) {
  return (r.testResults ?? []).filter((s) => s.status === "failed" && !(s.assertionResults ?? []).some((a) => a.status === "failed")).length;
}
