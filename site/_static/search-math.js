// Search results quote a page's text as Sphinx wrote it, before MathJax typeset it:
// show a formula's TeX without its delimiters ("any z", not "any \(z\)").
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined") return; // only the search page loads Search
  const toText = Search.htmlToText;
  Search.htmlToText = (html, anchor) => toText(html, anchor).replace(/\\[()[\]]/g, "");
});
