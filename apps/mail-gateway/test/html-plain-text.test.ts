// The Text Mailpit derives from an HTML-only message: enmime v2.4.1 (envelope.go:214-221) calls
// github.com/inbucket/html2text v1.0.0 FromString with default options. Each expected answer below is that library's
// own test vector (html2text_test.go, line of the input given), so the converter is held to it, not to itself.
// Mailpit's snippet and search text come from Mailpit's other converter, internal/html2text Strip (v1.30.5).
import { describe, expect, it } from "vitest";
import { htmlToPlainText, stripHtml } from "../src/mime/html-plain-text.ts";
import { createSnippet } from "../src/mime/parse.ts";

const vectors: [line: number, html: string, text: string][] = [
  [78, "  \ttext\ntext\n", "text text"],
  [90, "test&nbsp;&nbsp;&nbsp; text&nbsp;", "test\u00a0\u00a0\u00a0 text"],
  [118, "Test text<br>Test", "Test text\nTest"],
  [126, "<p>Test text</p><p>Test text</p>", "Test text\n\nTest text"],
  [138, "\n<p>Test text<br> \tTest text<br></p>\n", "Test text\nTest text"],
  [142, "Test text<br><BR />Test text", "Test text\n\nTest text"],
  [146, "<pre>test1\ntest 2\n\ntest  3</pre>", "test1\ntest 2\n\ntest  3"],
  [421, "<li class='123'>item 1</li> <li>item 2</li>\n_", "* item 1\n* item 2\n_"],
  [461, `<a href="http://example.com/">Link</a>`, "Link ( http://example.com/ )"],
  [465, `<a href="http://example.com/"><span class="a">Link</span></a>`, "Link ( http://example.com/ )"],
  [
    602,
    `<a href="http://example.com/"><img src="http://example.ru/hello.jpg" alt="Example"></a>`,
    "Example ( http://example.com/ )",
  ],
  [638, "\t<h1>\nTest line 1<br>Test 2</h1> ", "***********\nTest line 1\nTest 2\n***********"],
  [
    650,
    "<h1><a href='http://example.com/'>Test</a></h1>",
    "****************************\nTest ( http://example.com/ )\n****************************",
  ],
  [683, "\t<b>Test line 1<br>Test 2</b> ", "*Test line 1\nTest 2*"],
  [720, "Test 1<div>Test 2</div> <div>Test 3</div>Test 4", "Test 1\nTest 2\nTest 3\nTest 4"],
  [
    745,
    "<div>level 0<blockquote>level 1<br><blockquote>level 2</blockquote>level 1</blockquote><div>level 0</div></div>",
    "level 0\n> \n> level 1\n> \n>> level 2\n> \n> level 1\n\nlevel 0",
  ],
  [
    765,
    "<blockquote>Lorem ipsum Commodo id consectetur pariatur ea occaecat minim aliqua ad sit consequat quis ex commodo Duis incididunt eu mollit consectetur fugiat voluptate dolore in pariatur in commodo occaecat Ut occaecat velit esse labore aute quis commodo non sit dolore officia Excepteur cillum amet cupidatat culpa velit labore ullamco dolore mollit elit in aliqua dolor irure do</blockquote>",
    "> \n> Lorem ipsum Commodo id consectetur pariatur ea occaecat minim aliqua ad\n> sit consequat quis ex commodo Duis incididunt eu mollit consectetur fugiat\n> voluptate dolore in pariatur in commodo occaecat Ut occaecat velit esse\n> labore aute quis commodo non sit dolore officia Excepteur cillum amet\n> cupidatat culpa velit labore ullamco dolore mollit elit in aliqua dolor\n> irure do",
  ],
  [826, "<html><head><title>Title</title></head><body></body></html>", ""],
];

describe("the Text of an HTML-only message, as Mailpit derives it", () => {
  it.each(vectors)("html2text_test.go:%i", (_line, html, text) => {
    expect(htmlToPlainText(html)).toBe(text);
  });
});

describe("snippet and search text, as Mailpit's Strip makes them", () => {
  it("reads text nodes, block ends as spaces, no script or title (internal/html2text/html2text.go:33-46)", () => {
    expect(
      stripHtml(
        "<html><head><title>T</title></head><body><p>Prima</p><p>Seconda<br>riga</p><script>x()</script></body></html>",
        false,
      ),
    ).toBe("Prima Seconda riga");
  });

  it("adds http links only when asked, as the search text does (internal/storage/utils.go:60)", () => {
    const html = `<p>Vai al <a href="https://www.inps.it/ripristino">modulo</a></p>`;
    expect(stripHtml(html, false)).toBe("Vai al modulo");
    expect(stripHtml(html, true)).toBe("Vai al modulo https://www.inps.it/ripristino");
    // Its loop compares each node's Data with the skipped tag names, and a text node's Data is its text (:49-51).
    expect(stripHtml("<p>Apri il <a href='https://www.inps.it'>link</a></p>", false)).toBe("Apri il");
  });

  it("cuts the snippet at 200 bytes, not characters, at a character boundary (internal/tools/snippets.go:25-69)", () => {
    // 150 "è" are 300 bytes; the cut at byte 200 backs up to byte 198, and truncate drops the character before it.
    const snippet = createSnippet("è".repeat(150), "");
    expect(snippet).toBe(`${"è".repeat(99)}...`);
    expect(createSnippet("a".repeat(200), "")).toBe("a".repeat(200));
    expect(createSnippet("a".repeat(201), "")).toBe(`${"a".repeat(200)}...`);
  });
});
