// Times Typst (npm @myriaddreamin/typst-ts-node-compiler) on the .typ files the Bench wrote, for
// `asan-briefs bench` to set beside our PDF engine. Usage:
//   node typst-bench.cjs <package folder> <job.json> cold|warm
// job.json: { "fonts": folder, "files": [{ "typ": path, "pdf": path }], "runs": n }
// cold: compile each file once and write its PDF (the caller times the whole process).
// warm: one compiler kept for the whole run; per file, prints one JSON line with the median
// compile-and-export time (wall and this process's CPU, ms) with the memo cache emptied before each
// run ("fresh", every page set again), with it kept and the file unchanged ("memoized": every
// layout is found in the cache, which `typst watch` never meets, since it recompiles on a change),
// and with it kept after a one-word edit in the middle of the file ("edited", as `typst watch`
// recompiles after a keystroke: only what the edit touched is set again).
'use strict';
const fs = require('fs');
const [modulePath, jobPath, mode] = process.argv.slice(2);
const { NodeCompiler } = require(modulePath);
const job = JSON.parse(fs.readFileSync(jobPath, 'utf8'));
// The root is "/", so the absolute figure paths in the sources resolve.
const compiler = NodeCompiler.create({ workspace: '/', fontArgs: [{ fontPaths: [job.fonts] }] });

function compile(file) {
  const result = compiler.compile({ mainFilePath: file.typ });
  const document = result.result;
  if (!document) {
    result.printErrors();
    throw new Error(`typst could not compile ${file.typ}`);
  }
  const pdf = compiler.pdf(document);
  return { pages: document.numOfPages, pdf };
}

function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(action, runs, before) {
  const times = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    if (before) before(i);
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    action();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1e3);
  }
  return { wall: median(times), cpu: median(cpus) };
}

// The source with one word more in the string literal nearest the middle: a new word each run, so
// that no earlier compile's layout of that paragraph is in the cache.
function edited(source, run) {
  const at = source.indexOf('#"', Math.floor(source.length / 2));
  return at < 0 ? source + `\n#"edit${run}"` : source.slice(0, at + 2) + `edit${run} ` + source.slice(at + 2);
}

for (const file of job.files) {
  if (mode === 'cold') {
    fs.writeFileSync(file.pdf, compile(file).pdf);
    continue;
  }
  const { pages, pdf } = compile(file);
  fs.writeFileSync(file.pdf, pdf);
  // Warm-up: native code needs no JIT, but the first runs load the fonts and fill the caches.
  for (let i = 0; i < 3; i++) compile(file);
  const fresh = time(() => compile(file), job.runs, () => compiler.evictCache(0));
  const memoized = time(() => compile(file), job.runs);
  const source = fs.readFileSync(file.typ, 'utf8');
  compile(file);
  const edit = time(() => compile(file), job.runs, run => compiler.addSource(file.typ, edited(source, run)));
  compiler.addSource(file.typ, source);
  console.log(JSON.stringify({ typ: file.typ, pages, fresh: fresh.wall, freshCpu: fresh.cpu, memoized: memoized.wall, memoizedCpu: memoized.cpu, edited: edit.wall, editedCpu: edit.cpu }));
}
