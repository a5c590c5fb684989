// Header helpers that behave as Go's net/textproto does, since Mailpit's /headers answer is Go's header map.

/** Go's textproto.CanonicalMIMEHeaderKey: "message-ID" → "Message-Id"; keys with odd characters stay as they are. */
export function canonicalHeaderKey(key: string): string {
  if (!/^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/.test(key)) return key;
  let upper = true;
  let out = "";
  for (const ch of key) {
    out += upper ? ch.toUpperCase() : ch.toLowerCase();
    upper = ch === "-";
  }
  return out;
}

/** The header block of a raw message: everything before the first empty line. */
export function headerBlock(raw: Buffer): string {
  const text = raw.toString("latin1");
  const crlf = text.indexOf("\r\n\r\n");
  const lf = text.indexOf("\n\n");
  const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
  const block = end >= 0 ? text.slice(0, end) : text;
  // Header bytes are mostly ASCII; re-read as UTF-8 so 8-bit (SMTPUTF8) headers show as sent.
  return Buffer.from(block, "latin1").toString("utf8");
}

/** Header map as Go's mail.ReadMessage builds it: canonical keys, unfolded values, keys sorted. */
export function headerMap(raw: Buffer): Record<string, string[]> {
  const map = new Map<string, string[]>();
  let current: { key: string; value: string } | null = null;
  const flush = () => {
    if (!current) return;
    const key = canonicalHeaderKey(current.key);
    const list = map.get(key) ?? [];
    list.push(current.value.trim());
    map.set(key, list);
    current = null;
  };
  for (const line of headerBlock(raw).split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && current) {
      (current as { value: string }).value += " " + line.trim();
      continue;
    }
    flush();
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    current = { key: line.slice(0, colon).trim(), value: line.slice(colon + 1) };
  }
  flush();
  const sorted: Record<string, string[]> = {};
  for (const key of [...map.keys()].sort()) sorted[key] = map.get(key)!;
  return sorted;
}
