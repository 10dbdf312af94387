/**
 * Parses the beginning of a JSON document as it streams in: open strings,
 * arrays and objects are closed, a dangling key or comma dropped, so the
 * 写作 screen can show a section's paragraphs while the model writes them
 * (and a cut-off answer still yields what was complete). Pure.
 */
export function parsePartialJson(prefix: string): unknown {
  const stack: ("{" | "[")[] = [];
  let inString = false;
  let escape = false;
  let out = "";
  // Where the output can be cut back to if the tail is an incomplete value or key.
  let safe = 0;
  let safeStack: ("{" | "[")[] = [];
  const mark = () => {
    safe = out.length;
    safeStack = [...stack];
  };
  for (const c of prefix) {
    if (inString) {
      if (escape) escape = false;
      else if (c === "\\") escape = true;
      else if (c === '"') inString = false;
      out += c;
      if (!inString && stack.at(-1) === "[") mark();
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    if (c === "{" || c === "[") {
      stack.push(c);
      out += c;
      mark();
      continue;
    }
    if (c === "}" || c === "]") {
      stack.pop();
      out += c;
      mark();
      continue;
    }
    out += c;
    if (c === ",") mark();
  }
  const close = (s: string, st: ("{" | "[")[]) => s + st.slice().reverse().map((b) => (b === "{" ? "}" : "]")).join("");
  // An open string inside an array (a paragraph being written) is shown as far as it goes.
  if (inString && stack.at(-1) === "[") {
    const text = escape ? out.slice(0, -1) : out.replace(/\\u[0-9a-fA-F]{0,3}$/, "");
    const attempt = tryParse(close(`${text}"`, stack));
    if (attempt.ok) return attempt.value;
  }
  for (const candidate of [close(out, stack), close(out.slice(0, safe).replace(/,\s*$/, ""), safeStack)]) {
    const attempt = tryParse(candidate.replace(/,(\s*[}\]])/g, "$1"));
    if (attempt.ok) return attempt.value;
  }
  return undefined;
}

function tryParse(s: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(s) };
  } catch {
    return { ok: false };
  }
}
