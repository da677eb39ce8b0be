/*
 * Accessibility (#21) for what Material builds in the browser:
 *
 * - A box that scrolls sideways (a wide table in Material's scroll wrapper, a code block, a
 *   wide diagram) can be reached with Tab and scrolled with the arrow keys: it gets
 *   tabindex="0" while it overflows (WCAG 2.1.1; axe: scrollable-region-focusable).
 * - With navigation.indexes, a Part's sub-navigation is labelled by its expand toggle, which
 *   holds only an icon: the <nav> had no name (axe: landmark-unique) and the toggle none
 *   either. The toggle gets the Part's title as visually hidden words, which name both.
 *
 * Runs on every page Material shows, including after instant navigation (document$).
 */
(function () {
  "use strict";
  var SCROLLERS = ".md-typeset__scrollwrap, .md-content pre > code, .md-content .mermaid, .md-content .book-figure";

  function markScrollers() {
    document.querySelectorAll(SCROLLERS).forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-book-scroll", "");
      } else if (!scrolls && box.hasAttribute("data-book-scroll")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-book-scroll");
      }
    });
  }

  function nameSectionNavs() {
    document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var toggle = document.getElementById(nav.getAttribute("aria-labelledby"));
      var title = nav.querySelector(":scope > .md-nav__title");
      var text = title && title.textContent.trim();
      if (!toggle || !text || toggle.textContent.trim()) return;
      // Words in the toggle name it and the <nav> it labels (a <label> may not carry aria-label).
      var words = document.createElement("span");
      words.className = "book-visually-hidden";
      words.textContent = text;
      toggle.appendChild(words);
    });
  }

  function run() {
    nameSectionNavs();
    markScrollers();
  }

  var timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(markScrollers, 150);
  }
  window.addEventListener("resize", later);
  // Diagrams drawn in the browser (and images) change their box's width after the page shows.
  new MutationObserver(later).observe(document.body, { childList: true, subtree: true });
  window.addEventListener("load", later);

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
