// Reads tagged PDFs as Firefox's pdf.js does for screen readers (getStructTree and
// getTextContent) and prints, for each file, one JSON line that tests/tools/structcheck.py
// compares with the document model (`ipkval report --dump`):
//   file, lang (the Document element's /Lang), title (document information),
//   elements: the structure elements that hold content, in reading order (pages in order,
//     each page's tree in order; an element over several pages once), each with its
//     role, the roles above it, its text, /Alt and /Lang,
//   links: each Link element's text and the page (from 1) its annotation leads to,
//   problems: content outside the tree and the artifacts (text, or a painting
//     operator, outside any marked content; marked content whose id no element holds).
// usage: node pdfjs-read.mjs FILE.pdf...   (pdfjs-dist from build/pdfjs, see Makefile)
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const require = createRequire(path.resolve(process.env.PDFJS_DIR || "build/pdfjs") + "/");
const pdfjs = await import(require.resolve("pdfjs-dist/legacy/build/pdf.mjs"));
const { OPS } = pdfjs;

// Operators that put something on the page.
const PAINT = new Set(["stroke", "closeStroke", "fill", "eoFill", "fillStroke", "eoFillStroke",
	"closeFillStroke", "closeEOFillStroke", "showText", "showSpacedText", "nextLineShowText",
	"nextLineSetSpacingShowText", "paintImageXObject", "paintInlineImageXObject",
	"shadingFill"].map((n) => OPS[n]));

async function pageContent(page, n, problems) {
	const text = new Map();	// marked-content id -> its text
	const tc = await page.getTextContent({ includeMarkedContent: true });
	const stack = [];
	for (const it of tc.items) {
		if (it.type === "beginMarkedContent" || it.type === "beginMarkedContentProps") {
			stack.push(it);
			continue;
		}
		if (it.type === "endMarkedContent") {
			stack.pop();
			continue;
		}
		const owner = [...stack].reverse().find((m) => m.id || m.tag === "Artifact");
		if (!owner) {
			if (it.str.trim() !== "")
				problems.push(`page ${n}: text outside any marked content: "${it.str}"`);
			continue;
		}
		if (owner.id)
			text.set(owner.id, (text.get(owner.id) || "") + it.str + (it.hasEOL ? " " : ""));
	}
	const ops = await page.getOperatorList();
	let depth = 0;
	for (const fn of ops.fnArray) {
		if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps)
			depth++;
		else if (fn === OPS.endMarkedContent)
			depth--;
		else if (depth === 0 && PAINT.has(fn)) {
			problems.push(`page ${n}: painting outside any marked content (operator ${fn})`);
			break;
		}
	}
	return { text, ids: tc.items.filter((i) => i.id).map((i) => i.id) };
}

async function read(file) {
	const data = new Uint8Array(readFileSync(file));
	const doc = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
	const meta = await doc.getMetadata();
	const out = { file, lang: null, title: meta.info.Title || null, elements: [], links: [],
		problems: [] };
	const seen = new Set(), text = new Map(), annots = new Map(), inTree = new Set();
	const pages = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const c = await pageContent(page, n, out.problems);
		for (const [k, v] of c.text)
			text.set(k, (text.get(k) || "") + v);
		for (const a of await page.getAnnotations())
			if (a.subtype === "Link" && Array.isArray(a.dest))
				annots.set(a.id, (await doc.getPageIndex(a.dest[0])) + 1);
		pages.push({ n, tree: await page.getStructTree(), ids: c.ids });
	}
	for (const { n, tree } of pages) {
		const walk = (node, above) => {
			const kids = node.children || [];
			// A Span (a word broken over two lines) reads as its /ActualText.
			const parts = kids.filter((k) => k.type === "content" || k.role === "Span")
			    .map((k) => k.role === "Span" ? { alt: k.alt ?? "" } : { id: k.id });
			const content = kids.filter((k) => k.type === "content").map((k) => k.id);
			for (const k of kids)
				if (k.role === "Span")
					(k.children || []).forEach((s) => s.id && inTree.add(s.id));
			// An OBJR is "annotation" when it is the element's only kid, else "object".
			const links = kids.filter((k) => k.type === "annotation" ||
			    k.type === "object").map((k) => k.id);
			content.forEach((id) => inTree.add(id));
			if (node.role === "Document" && node.lang)
				out.lang = node.lang;
			if (node.role && node.role !== "Span" && (parts.length > 0 || links.length > 0)) {
				// An element whose only kid is a Span is told by the Span's marked
				// content: two table headers "Bruker-medvirkning" in one document
				// are two elements.
				const spans = kids.filter((k) => k.role === "Span")
				    .flatMap((k) => (k.children || []).map((s) => s.id)).filter((id) => id);
				const key = node.role + " " + (content[0] || links[0] || spans[0] ||
				    JSON.stringify(parts));
				if (!seen.has(key)) {
					seen.add(key);
					const e = { role: node.role, above: above.join("/"), page: n, parts };
					if (node.alt !== undefined)
						e.alt = node.alt;
					if (node.lang !== undefined)
						e.lang = node.lang;
					out.elements.push(e);
					for (const l of links)
						e.link = annots.get(l.replace(/^pdfjs_internal_id_/, "")) ?? null;
				}
			}
			for (const k of kids)
				if (k.role && k.role !== "Span")
					walk(k, node.role ? [...above, node.role] : above);
		};
		if (tree)
			walk(tree, []);
		else
			out.problems.push(`page ${n}: no structure tree`);
	}
	for (const e of out.elements) {
		e.text = e.parts.map((p) => p.id ? text.get(p.id) || "" : p.alt).join("")
		    .replace(/\s+/g, " ").trim();
		delete e.parts;
		if (e.role === "Link")
			out.links.push({ text: e.text, page: e.link });
	}
	for (const { n, ids } of pages)
		for (const id of ids)
			if (!inTree.has(id))
				out.problems.push(`page ${n}: marked content ${id} belongs to no element`);
	await doc.destroy();
	return out;
}

for (const file of process.argv.slice(2))
	process.stdout.write(JSON.stringify(await read(file)) + "\n");
