// Reads a PDF's structure tree back with Mozilla's pdf.js (npm pdfjs-dist, installed into tools/ by
// .ci/run) and prints it as JSON: one tree per page, each content leaf replaced by the text pdf.js
// extracted inside that marked content. Usage: node struct-tree.mjs <pdfjs module> <file.pdf>
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [modulePath, file] = process.argv.slice(2);
const pdfjs = await import(pathToFileURL(modulePath).href);
const data = new Uint8Array(readFileSync(file));
const doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;

const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent({ includeMarkedContent: true });
  // Text inside each marked-content id; text outside any id is reported as untagged.
  const text = new Map();
  const stack = [];
  let untagged = "";
  let artifacts = 0;
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
      stack.push(item.id ?? (item.tag === "Artifact" ? "artifact" : null));
      continue;
    }
    if (item.type === "endMarkedContent") { stack.pop(); continue; }
    if (item.str === undefined) continue;
    const id = [...stack].reverse().find((s) => s !== null);
    if (id === "artifact") { artifacts += item.str.length; continue; }
    if (id === undefined) { untagged += item.str; continue; }
    text.set(id, (text.get(id) ?? "") + item.str + (item.hasEOL ? " " : ""));
  }
  const fill = (node) => {
    if (node.type === "content") return { text: text.get(node.id) ?? "" };
    if (node.type === "annotation" || node.type === "object") return { annotation: true };
    const out = { role: node.role };
    if (node.alt) out.alt = node.alt;
    if (node.lang) out.lang = node.lang;
    out.children = (node.children ?? []).map(fill);
    return out;
  };
  const tree = await page.getStructTree();
  pages.push({ page: n, tree: tree ? fill(tree) : null, untagged, artifacts });
}
process.stdout.write(JSON.stringify(pages));
