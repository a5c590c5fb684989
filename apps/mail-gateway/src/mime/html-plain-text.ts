// The `Text` Mailpit gives a message with no text part: its MIME library (enmime v2.4.1, envelope.go:214-221) turns the
// HTML into text with github.com/inbucket/html2text v1.0.0 (FromString, default options). This follows that
// converter's rules on the same kind of tree: parse5, like Go's x/net/html, builds the tree the HTML standard
// prescribes, so misnested or unclosed markup reads the same way.
import { parse } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";

type ParentNode = DefaultTreeAdapterMap["parentNode"];
type ChildNode = DefaultTreeAdapterMap["childNode"];
type Element = DefaultTreeAdapterMap["element"];

/** Go's unicode.IsSpace. */
const SPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const isSpace = (ch: string | undefined) => ch !== undefined && SPACE.test(ch);
const TRIM =
  /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+|[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/g;
/** Go's strings.TrimSpace. */
const goTrim = (s: string) => s.replace(TRIM, "");

/** Lines inside a blockquote are wrapped at this many characters. */
const MAX_LINE = 74;

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value ?? "";
const isElement = (n: ChildNode | undefined): n is Element => n !== undefined && "tagName" in n;
const isText = (n: ChildNode | undefined): n is DefaultTreeAdapterMap["textNode"] => n?.nodeName === "#text";

class Writer {
  out = "";
  prefix = "";
  endsWithSpace = false;
  justClosedDiv = false;
  quoteLevel = 0;
  lineLength = 0;
  inPre = false;

  children(node: ParentNode): void {
    for (const child of node.childNodes) this.node(child);
  }

  node(node: ChildNode): void {
    if (isText(node)) {
      this.emit(this.inPre ? node.value : goTrim(node.value.replace(/[ \r\n\t]+/g, " ")));
    } else if (isElement(node)) {
      this.element(node);
    }
  }

  element(el: Element): void {
    this.justClosedDiv = false;
    switch (el.tagName) {
      case "br":
        return this.emit("\n");
      case "h1":
      case "h2":
      case "h3": {
        const sub = new Writer();
        sub.children(el);
        const text = sub.out;
        const width = Math.max(0, ...text.split("\n").map((l) => [...l].length - 1));
        const divider = (el.tagName === "h1" ? "*" : "-").repeat(width);
        if (el.tagName === "h3") return this.emit(`\n\n${text}\n${divider}\n\n`);
        return this.emit(`\n\n${divider}\n${text}\n${divider}\n\n`);
      }
      case "blockquote":
        this.quoteLevel++;
        this.prefix = ">".repeat(this.quoteLevel) + " ";
        this.emit("\n");
        if (this.quoteLevel === 1) this.emit("\n");
        this.children(el);
        this.quoteLevel--;
        this.prefix = ">".repeat(this.quoteLevel) + (this.quoteLevel > 0 ? " " : "");
        return this.emit("\n\n");
      case "div": {
        if (this.lineLength > 0) this.emit("\n");
        this.children(el);
        if (!this.justClosedDiv) this.emit("\n");
        this.justClosedDiv = true;
        return;
      }
      case "li":
        this.emit("* ");
        this.children(el);
        return this.emit("\n");
      case "b":
      case "strong": {
        const sub = new Writer();
        sub.endsWithSpace = true;
        sub.children(el);
        return this.emit(`*${sub.out}*`);
      }
      case "a":
        return this.link(el);
      case "p":
      case "ul":
      case "table":
        this.emit("\n\n");
        this.children(el);
        return this.emit("\n\n");
      case "pre":
        this.inPre = true;
        this.children(el);
        this.inPre = false;
        return;
      case "style":
      case "script":
      case "head":
        return;
      default:
        return this.children(el);
    }
  }

  link(el: Element): void {
    const first = el.childNodes[0];
    const only = el.childNodes.length === 1 ? first : undefined;
    const linkText = isText(only) ? only.value : "";
    if (isElement(only) && only.tagName === "img") {
      const alt = attr(only, "alt");
      if (alt) this.emit(alt);
    } else {
      this.children(el);
    }
    const href = goTrim(attr(el, "href")).replace(/^mailto:/, "");
    if (href && href !== linkText) this.emit(`( ${href} )`);
  }

  emit(data: string): void {
    if (data === "") return;
    for (const line of this.#wrap(data)) {
      const chars = [...line];
      if (!isSpace(chars[0]) && !this.endsWithSpace && !data.startsWith(".")) {
        this.out += " ";
        this.lineLength++;
      }
      this.endsWithSpace = isSpace(chars[chars.length - 1]);
      for (const ch of chars) {
        this.out += ch;
        this.lineLength++;
        if (ch === "\n") {
          this.lineLength = 0;
          this.out += this.prefix;
        }
      }
    }
  }

  /** Inside a blockquote, long text is broken at a space before MAX_LINE (or after it, when a word is longer). */
  #wrap(data: string): string[] {
    if (this.quoteLevel === 0) return [data];
    const lines: string[] = [];
    let chars = [...data];
    let existing = this.lineLength;
    if (existing >= MAX_LINE) {
      lines.push("\n");
      existing = 0;
    }
    while (chars.length + existing > MAX_LINE) {
      let i = MAX_LINE - existing;
      while (i >= 0 && !isSpace(chars[i])) i--;
      if (i === -1) {
        i = MAX_LINE - existing;
        while (i < chars.length && !isSpace(chars[i])) i++;
      }
      lines.push(chars.slice(0, i).join("") + "\n");
      while (i < chars.length && isSpace(chars[i])) i++;
      chars = chars.slice(i);
      existing = 0;
    }
    if (chars.length > 0) lines.push(chars.join(""));
    return lines;
  }
}

/** The plain text Mailpit shows for an HTML-only message. */
export function htmlToPlainText(html: string): string {
  const writer = new Writer();
  writer.children(parse(html.replace(/^\uFEFF/, "")));
  return goTrim(writer.out.replaceAll("\n ", "\n").replace(/\n\n+/g, "\n\n"));
}

/** Elements (and, as Mailpit's loop compares node data, text nodes) whose content Mailpit's Strip leaves out. */
const STRIP_SKIP = new Set(["script", "title", "head", "link", "meta", "style", "noscript"]);
/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

/**
 * Mailpit's own internal/html2text Strip (v1.30.5), which makes the snippet and the search text of an HTML message:
 * the text nodes in order, block ends and <br> as spaces, every run of white space as one space; with `links`, the
 * http(s) targets of links too.
 */
export function stripHtml(html: string, links: boolean): string {
  const prepared = html
    .replace(
      /<\/(div|p|td|th|h[1-6]|ul|ol|li|address|article|aside|blockquote|dl|dt|footer|header|hr|main|nav|pre|table|thead|tfoot|video)></gi,
      "</$1> <",
    )
    .replace(/<(br \/|br)>/gi, " ")
    .replace(/<(img)/gi, " <$1");
  let out = "";
  const walk = (node: ParentNode) => {
    for (const child of node.childNodes) {
      const data = isText(child) ? child.value : isElement(child) ? child.tagName : child.nodeName;
      if (STRIP_SKIP.has(data)) continue;
      if (isText(child)) out += child.value;
      if (isElement(child)) walk(child);
      if (links && isElement(child) && child.tagName === "a") {
        for (const a of child.attrs)
          if (a.name === "href" && a.value.toLowerCase().startsWith("http")) out += ` ${a.value} `;
      }
    }
  };
  walk(parse(prepared));
  const printable = [...out.replaceAll("\uFEFF", " ")].map((ch) => (PRINTABLE.test(ch) ? ch : " ")).join("");
  return printable.replace(/[\t\n\f\r ]+/g, " ").replace(TRIM, "");
}
