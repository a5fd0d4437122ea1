// Opens pages in headless Chromium through puppeteer-core and checks each at every width: axe-core's
// violations, horizontal overflow, console errors, Content-Security-Policy violations, failed requests,
// images or fonts that did not load, and Korean word units (어절) split across lines. Both npm packages are installed into tools/ by .ci/run.
// The pages are served over HTTP from one folder (as a host serves the site), never from file://,
// so relative links, font preloads with crossorigin and the CSP behave as they do on the web.
// Usage: node browser-check.mjs <node_modules> <chromium> <root> <output dir> <width,width> <page>...
// Writes a screenshot per page and width and results.json (a result per page and width) to the output dir.
import { createServer } from "node:http";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, normalize, extname, sep, resolve } from "node:path";

const [modules, chromium, root, shots, widthList, ...pages] = process.argv.slice(2);
const require = createRequire(join(resolve(modules), "noop.js"));
const puppeteer = require("puppeteer-core");
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const widths = widthList.split(",").map(Number);

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml",
  ".woff2": "font/woff2", ".pdf": "application/pdf", ".xml": "application/xml", ".atom": "application/atom+xml",
};
const server = createServer(async (request, response) => {
  // Browsers ask every host for /favicon.ico unasked; it is not a page's request, so not its error.
  if (request.url === "/favicon.ico") { response.writeHead(204).end(); return; }
  const path = normalize(join(root, decodeURIComponent(new URL(request.url, "http://x").pathname)));
  if (!path.startsWith(normalize(root) + sep)) { response.writeHead(403).end(); return; }
  try {
    const body = await readFile(path);
    response.writeHead(200, { "Content-Type": types[extname(path)] ?? "application/octet-stream" }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}/`;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  timeout: 120000,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"],
});
await mkdir(shots, { recursive: true });
const results = [];
try {
  for (const relative of pages) {
    for (const width of widths) {
      const page = await browser.newPage();
      const problems = [];
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warn") problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
      page.on("response", (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`); });
      // What the page made the browser download, by kind: the page weight a first visit pays.
      const downloads = [];
      page.on("requestfinished", (request) => downloads.push(request.response()?.buffer()
        .then((body) => ({ kind: request.resourceType(), url: request.url().slice(origin.length), bytes: body.length }))
        .catch(() => null)));
      // Added by DevTools, so the page's policy (script-src by hash) does not apply to it.
      await page.evaluateOnNewDocument(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
      });
      await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
      await page.goto(origin + relative, { waitUntil: "networkidle0", timeout: 120000 });
      // Scrolled through once, as a reader does, so lazy images load; then every image must have.
      const images = await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
          window.scrollTo(0, y);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        window.scrollTo(0, 0);
        await Promise.all([...document.images].map((i) => i.complete ? null : new Promise((resolve) => { i.onload = i.onerror = resolve; })));
        return [...document.images].map((i) => ({ src: i.getAttribute("src"), width: i.naturalWidth }));
      });
      for (const image of images.filter((i) => i.width === 0)) problems.push(`image did not load: ${image.src}`);
      const fonts = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].map((f) => ({ family: f.family, weight: f.weight, style: f.style, status: f.status }));
      });
      const bodyFamily = await page.evaluate(() => getComputedStyle(document.body).fontFamily.split(",")[0].trim().replace(/^"|"$/g, ""));
      for (const font of fonts.filter((f) => f.status === "error")) problems.push(`font failed: ${font.family} ${font.weight} ${font.style}`);
      // KLREQ as far as CSS allows (word-break: keep-all): every space-separated unit with Hangul in it (an 어절)
      // of the body's paragraphs and list items lies on one line; its boxes on two lines do not overlap vertically.
      const eojeol = await page.evaluate(() => {
        const split = [];
        let checked = 0;
        for (const block of document.querySelectorAll(".brief-body p, .brief-body li")) {
          const chars = [];
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (n.parentElement.closest("p, li") !== block) continue;
            for (let i = 0; i < n.data.length; i++) chars.push([n, i]);
          }
          const text = chars.map(([n, i]) => n.data[i]).join("");
          for (const m of text.matchAll(/\S+/g)) {
            if (!/[\uAC00-\uD7A3]/.test(m[0]) || m[0].includes("://")) continue;
            const range = document.createRange();
            const [startNode, startOffset] = chars[m.index];
            const [endNode, endOffset] = chars[m.index + m[0].length - 1];
            range.setStart(startNode, startOffset);
            range.setEnd(endNode, endOffset + 1);
            const lines = [];
            for (const r of [...range.getClientRects()].filter((r) => r.width > 0))
              if (!lines.some((l) => r.top < l.bottom && r.bottom > l.top)) lines.push(r);
            checked++;
            if (lines.length > 1) split.push(m[0]);
          }
        }
        return { checked, split: split.slice(0, 10) };
      });
      // Inline code as the browser sets it: the width of its text and its font size, so the test can read
      // the code face's size correction (its @font-face's size-adjust) back from the advances.
      const code = await page.evaluate(() => [...document.querySelectorAll("main code")].map((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        return { text: c.textContent, width: range.getBoundingClientRect().width, size: parseFloat(getComputedStyle(c).fontSize) };
      }));
      // Wider than the viewport: the document itself, and any element whose box reaches past the right
      // edge outside a scroll region (a table inside its focusable region may be wider: it scrolls).
      const overflow = await page.evaluate(() => {
        const view = document.documentElement.clientWidth;
        const inScroller = (element) => {
          for (let e = element.parentElement; e; e = e.parentElement) {
            const x = getComputedStyle(e).overflowX;
            if (x === "auto" || x === "scroll" || x === "hidden") return true;
          }
          return false;
        };
        const offenders = [...document.body.querySelectorAll("*")]
          .filter((e) => e.getBoundingClientRect().right > view + 0.5 && !inScroller(e))
          .slice(0, 10)
          .map((e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.className ? "." + String(e.className).split(" ").join(".") : ""} right=${Math.round(e.getBoundingClientRect().right)}`);
        return { scrollWidth: document.documentElement.scrollWidth, clientWidth: view, offenders };
      });
      await page.evaluate(axeSource);
      const axe = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ["violations"] });
        return {
          passes: result.passes.length,
          violations: result.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
          })),
        };
      });
      const fetched = (await Promise.all(downloads)).filter((d) => d !== null);
      const screenshot = join(shots, `${relative.replaceAll("/", "_")}.${width}.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      results.push({
        page: relative, width, bodyFamily, rulesPassed: axe.passes, violations: axe.violations, problems, overflow, eojeol, code,
        fetched,
        fontsLoaded: fonts.filter((f) => f.status === "loaded").map((f) => `${f.family} ${f.weight} ${f.style}`), screenshot,
      });
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
await writeFile(join(shots, "results.json"), JSON.stringify(results, null, 1));
