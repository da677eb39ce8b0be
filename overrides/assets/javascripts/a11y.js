/*
 * Accessibility (#21) for what Material builds in the browser:
 *
 * - Boxes that scroll sideways (tables, code, wide diagrams) are reading.js's: it makes each
 *   focusable while it overflows (WCAG 2.1.1; axe: scrollable-region-focusable), one
 *   mechanism for #19's scroll cue and #21's keyboard access.
 * - With navigation.indexes, a Part's sub-navigation is labelled by its expand toggle, which
 *   holds only an icon: the <nav> had no name (axe: landmark-unique) and the toggle none
 *   either. The toggle gets visually hidden words, "<its title> 목록", which name both
 *   apart from the table of contents' <nav> of a heading with the Part's title.
 *
 * - A heading's sub-list in the table of contents is named "'<heading>' 절의 제목들", not
 *   by the heading alone (a "## 목차" heading clashed with the table of contents itself).
 *
 * Runs on every page Material shows, including after instant navigation (document$).
 */
(function () {
  "use strict";
  // The words, like reading.js's, come from hooks/book/strings.py (partials/book-reading.html).
  function words(key) {
    var source = document.getElementById("book-reading-words");
    try { return source ? JSON.parse(source.textContent)[key] || "" : ""; } catch (error) { return ""; }
  }

  function partNavWords() {
    return words("partNav");
  }

  // Material names a heading's sub-list in the table of contents after the heading, so a
  // "## 목차" heading's <nav> took the table of contents' own name (axe: landmark-unique).
  function nameTocSections() {
    var pattern = words("tocSection");
    if (!pattern) return;
    document.querySelectorAll(".md-nav--secondary nav.md-nav[aria-label]").forEach(function (nav) {
      if (nav.dataset.bookNamed) return;
      nav.setAttribute("aria-label", pattern.replace("{title}", nav.getAttribute("aria-label")));
      nav.dataset.bookNamed = "1";
    });
  }

  function nameSectionNavs() {
    var pattern = partNavWords();
    document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var toggle = document.getElementById(nav.getAttribute("aria-labelledby"));
      var title = nav.querySelector(":scope > .md-nav__title");
      var text = title && title.textContent.trim();
      if (!toggle || !text || toggle.textContent.trim()) return;
      // Words in the toggle name it and the <nav> it labels (a <label> may not carry aria-label).
      var words = document.createElement("span");
      words.className = "book-visually-hidden";
      words.textContent = pattern ? pattern.replace("{title}", text) : text;
      toggle.appendChild(words);
    });
  }

  function run() {
    nameSectionNavs();
    nameTocSections();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
