// The test oracle: citeproc-js configured as Zotero configures it, run under Node from the same
// citeproc_commonjs.js file Offprint embeds, with Zotero's clipboard HTML built on a real HTML parser
// and serialiser (parse5, the one jsdom uses).  Written for Offprint's tests from Zotero's published
// behaviour (xpcom/style.js getCiteProc, xpcom/cite.js makeFormattedBibliography, xpcom/quickCopy.js
// getContentFromItems); it shares no code with Offprint's Python side.
//
// Input (stdin, JSON): {enginePath, localesDir, cases: [{name, styleId, xml, parentId, dependentLocale,
//   declaredLocale, userLocale, items, coins}]}.  Output (stdout, JSON): {name: {...}} per case.
"use strict";

const fs = require("fs");
const path = require("path");
const parse5 = require("parse5");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const CSL = require(input.enginePath);

const UPPERCASE_SUBTITLES = /^apa($|-)|^academy-of-management($|-)|^(freshwater-science)/;

function retrieveLocale(lang) {
  // Zotero.Cite.Locale.get: the file, or false when there is none
  try {
    return fs.readFileSync(path.join(input.localesDir, "locales-" + lang + ".xml"), "utf8");
  } catch (e) {
    return false;
  }
}

function shortId(id) {
  const m = id.match(/\/?([^/]+)$/);
  return m ? m[1] : id;
}

// Zotero.Style.prototype.getCiteProc(locale, format)
function getCiteProc(c, store, format) {
  let locale = c.userLocale || "en-US";
  let uppercaseSubtitles = UPPERCASE_SUBTITLES.test(shortId(c.styleId));
  let overrideLocale = false;
  if (c.parentId) {
    if (c.dependentLocale) {
      overrideLocale = true;
      locale = c.dependentLocale;
    }
    if (!uppercaseSubtitles) uppercaseSubtitles = UPPERCASE_SUBTITLES.test(shortId(c.parentId));
  }
  let xml = c.xml;
  if (c.declaredLocale) {
    // the current official release of this style declares its locale; the packaged file does not
    xml = xml.replace(/<style\b/, '<style default-locale="' + c.declaredLocale + '"');
  }
  const sys = {retrieveLocale: retrieveLocale, retrieveItem: (id) => store.get(id)};
  if (uppercaseSubtitles) sys.uppercase_subtitles = true;
  const engine = new CSL.Engine(sys, xml, locale, overrideLocale);
  engine.setOutputFormat(format);
  engine.opt.development_extensions.wrap_url_and_doi = true;
  engine.opt.development_extensions.parse_names = false;
  return engine;
}

// -- a DOM over parse5's tree ------------------------------------------------------------------------
function getAttr(node, name) {
  const attr = (node.attrs || []).find((a) => a.name === name);
  return attr ? attr.value : null;
}
function setAttr(node, name, value) {
  const attr = node.attrs.find((a) => a.name === name);
  if (attr) attr.value = value;
  else node.attrs.push({name: name, value: value});
}
function divsOfClass(node, cls, out) {
  out = out || [];
  for (const child of node.childNodes || []) {
    if (child.tagName === "div" && getAttr(child, "class") === cls) out.push(child);
    divsOfClass(child, cls, out);
  }
  return out;
}

// Zotero.Cite.makeFormattedBibliography(cslEngine, "html"), COinS given per item id
function formattedHtml(bib, coins) {
  const output = [bib[0].bibstart];
  for (let i = 0; i < bib[1].length; i++) {
    output.push(bib[1][i]);
    for (const itemID of bib[0].entry_ids[i]) {
      const co = coins[itemID];
      if (!co) continue;
      output.push('  <span class="Z3988" title="' +
        co.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") + '"></span>\n');
    }
  }
  output.push(bib[0].bibend);
  const body = parse5.parseFragment(output.join(""));

  let maxOffset = parseInt(bib[0].maxoffset);
  const entrySpacing = parseInt(bib[0].entryspacing);
  let lineSpacing = parseInt(bib[0].linespacing);
  const hangingIndent = bib[0].hangingindent;
  const secondFieldAlign = bib[0]["second-field-align"];
  const leftMarginDivs = divsOfClass(body, "csl-left-margin");
  const multiField = !!leftMarginDivs.length;
  maxOffset = Math.max(1, maxOffset - 2);
  if (lineSpacing <= 1.35) lineSpacing = 1.35;

  const root = body.childNodes.find((n) => n.tagName);
  let style = getAttr(root, "style") || "";
  style += "line-height: " + lineSpacing + "; ";
  if (hangingIndent && !multiField) style += "margin-left: 2em; text-indent:-2em;";
  if (style) setAttr(root, "style", style);

  const entries = divsOfClass(body, "csl-entry");
  entries.forEach((div, i) => {
    let divStyle = getAttr(div, "style") || "";
    if (multiField) divStyle += "clear: left; ";
    if (entrySpacing && i !== entries.length - 1) divStyle += "margin-bottom: " + entrySpacing + "em;";
    if (divStyle) setAttr(div, "style", divStyle);
  });
  const rightPadding = .5;
  for (const div of leftMarginDivs) {
    let divStyle = "float: left; padding-right: " + rightPadding + "em;";
    if (secondFieldAlign) divStyle += "text-align: right; width: " + maxOffset + "em;";
    setAttr(div, "style", divStyle);
  }
  for (const div of divsOfClass(body, "csl-right-inline")) {
    let divStyle = "margin: 0 .4em 0 " + (secondFieldAlign ? maxOffset + rightPadding : "0") + "em;";
    if (hangingIndent) divStyle += "padding-left: 2em; text-indent:-2em;";
    setAttr(div, "style", divStyle);
  }
  for (const div of divsOfClass(body, "csl-indent")) {
    setAttr(div, "style", "margin: .5em 0 0 2em; padding: 0 0 .2em .5em; border-left: 5px solid #ccc;");
  }
  return parse5.serialize(body);
}

// Zotero.Cite.makeFormattedBibliographyOrCitationList(engine, items, format)
function bibliographyOrList(engine, items, format, coins) {
  engine.updateItems(items.map((i) => i.id));
  const bib = engine.makeBibliography();
  if (bib) {
    const entries = bib[1].slice();
    const formatted = format === "html" ? formattedHtml(bib, coins) : bib[0].bibstart + bib[1].join("") + bib[0].bibend;
    return {formatted: formatted, entries: entries};
  }
  const citations = [];
  for (const item of items) {
    const outList = engine.appendCitationCluster({citationItems: [{id: item.id}], properties: {}}, true);
    for (const [pos, text] of outList) citations[pos] = text;
  }
  let formatted;
  if (engine.opt.class === "note") {
    formatted = format === "html"
      ? "<ol>\n\t<li>" + citations.join("</li>\n\t<li>") + "</li>\n</ol>"
      : citations.map((c, i) => (i + 1) + ". " + c + "\r\n").join("");
  } else {
    formatted = citations.join(format === "html" ? "<br />" : "\r\n");
  }
  return {formatted: formatted, entries: null};
}

// Building an engine takes a second or more: one per style and format serves every case of that style,
// reset to an empty processor state (citeproc-js's restoreProcessorState()) before each use, which is the
// state of the fresh engine Zotero's Quick Copy asks getCiteProc for.
const engines = {};
let currentItems = {};
function engineFor(c, format) {
  const key = [c.styleId, c.dependentLocale, c.declaredLocale, c.userLocale, format].join("|");
  if (!engines[key]) {
    engines[key] = getCiteProc(c, {get: (id) => currentItems[id]}, format);
  }
  const engine = engines[key];
  engine.restoreProcessorState();
  engine.setOutputFormat(format);
  return engine;
}

const results = {};
for (const c of input.cases) {
  currentItems = {};
  for (const item of c.items) currentItems[item.id] = item;
  const out = {};
  for (const format of ["html", "text"]) {
    const made = bibliographyOrList(engineFor(c, format), c.items, format, c.coins || {});
    out["bibliography_" + format] = made.formatted;
    out["entries_" + format] = made.entries;
  }
  // Quick Copy with shift: one cluster, empty properties, from a "text" engine
  const engine = engineFor(c, "text");
  engine.updateItems(c.items.map((i) => i.id));
  const citation = {citationItems: c.items.map((i) => ({id: i.id})), properties: {}};
  out.citation_html = engine.previewCitationCluster(citation, [], [], "html");
  out.citation_text = engine.previewCitationCluster(citation, [], [], "text");
  results[c.name] = out;
}
process.stdout.write(JSON.stringify(results));
