// Mailpit's /view/{ID}.html (server/apiv1/testing.go, v1.30.5): the HTML part with `cid:` links pointing at the parts
// API, and with `embed=1` every link opening in a new window plus the script that tells Mailpit's UI the height.
import { randomBytes } from "node:crypto";
import { parse, serialize, type DefaultTreeAdapterMap } from "parse5";
import type { StoredPart } from "../db/schema.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const escapeRegExp = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * testing.go:148-175 linkInlineImages: `="cid:<id>"` becomes `="/api/v1/message/<ID>/part/<PartID>"`, inline parts
 * first, then attachments. The closing set is Mailpit's `["|'\\s|\\/|>|;]`: in its raw Go string `\\s` is a backslash
 * and the letter s, not white space.
 */
export function linkInlineImages(html: string, id: string, parts: StoredPart[]): string {
  let out = html;
  for (const part of parts) {
    if (!part.ContentID) continue;
    const re = new RegExp(`(=["']?)(cid:${escapeRegExp(part.ContentID)})(["|'\\\\s/>;])`, "gi");
    const url = `/api/v1/message/${id}/part/${part.PartID}`;
    for (const m of [...out.matchAll(re)]) out = out.replaceAll(m[0], `${m[1]}${url}${m[3]}`);
  }
  return out;
}

function walk(node: Node, visit: (el: Element) => void): void {
  if ("tagName" in node) visit(node);
  if ("childNodes" in node) for (const child of node.childNodes) walk(child, visit);
}

function setAttribute(el: Element, name: string, value: string): void {
  const found = el.attrs.find((a) => a.name === name);
  if (found) found.value = value;
  else el.attrs.push({ name, value });
}

/** testing.go:67-98: links open in a new window, and a script posts the page height to the parent frame. */
export function embedHtml(html: string): { html: string; nonce: string } {
  const doc = parse(html);
  walk(doc, (el) => {
    if (el.tagName !== "a") return;
    setAttribute(el, "target", "_blank");
    setAttribute(el, "rel", "noreferrer noopener");
  });
  const nonce = randomBytes(16).toString("base64url");
  const script = `<script nonce="${nonce}">window.addEventListener("load", () => { if (typeof window.parent === "object") window.parent.postMessage({ messageHeight: document.body.scrollHeight }, "*"); });</script>`;
  return { html: serialize(doc).replaceAll("</body>", `${script}</body>`), nonce };
}
