/*
 * Material draws each diagram with window.mermaid and, when there is none, loads Mermaid
 * from a CDN. This stand-in is defined on every page (it is tiny) so that never happens,
 * even after instant navigation; the real library is imported from this site only when a
 * page asks for its first diagram, as an ES module that fetches just the chunks its diagram
 * types need.
 *
 * It also keeps the authors' coloured nodes (`style B fill:#FFF3CD`) legible: Material's
 * dark palette writes light text on every node, so a node with a fill of its own gets dark
 * or light text, whichever contrasts more with that fill.
 */
(function () {
  "use strict";
  var moduleUrl = new URL("../vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src).href;
  var settings = {};
  var library = null;

  var FILL_CSS =
    ".book-fill-light .nodeLabel, .book-fill-light .nodeLabel *, .book-fill-light text," +
    " .book-fill-light .cluster-label span { color: #1d1d20 !important; fill: #1d1d20 !important; }" +
    ".book-fill-dark .nodeLabel, .book-fill-dark .nodeLabel *, .book-fill-dark text," +
    " .book-fill-dark .cluster-label span { color: #ffffff !important; fill: #ffffff !important; }";

  function load() {
    if (!library) {
      library = import(moduleUrl).then(function (module) {
        var mermaid = module.default;
        mermaid.initialize(settings);
        return mermaid;
      });
    }
    return library;
  }

  function channel(value) {
    var c = value / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  function luminance(color) {
    var match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
    if (!match) return null;
    return 0.2126 * channel(+match[1]) + 0.7152 * channel(+match[2]) + 0.0722 * channel(+match[3]);
  }

  function markFilledNodes(root) {
    root.querySelectorAll(".node, .cluster").forEach(function (node) {
      var shape = node.querySelector(":scope > [style*='fill']");
      var light = shape ? luminance(shape.style.fill) : null;
      if (light === null) return;
      // Dark text (#1d1d20) when it contrasts more than white would.
      var darkText = (light + 0.05) / 0.0625 > 1.05 / (light + 0.05);
      node.classList.add(darkText ? "book-fill-light" : "book-fill-dark");
    });
  }

  window.mermaid = {
    initialize: function (config) {
      settings = Object.assign({}, config, {
        startOnLoad: false,
        themeCSS: ((config && config.themeCSS) || "") + FILL_CSS,
      });
      if (library) library.then(function (mermaid) { mermaid.initialize(settings); });
    },
    render: function (id, text) {
      return load().then(function (mermaid) {
        return mermaid.render(id, text).then(function (result) {
          // Material calls `fn` with the diagram's shadow root once the SVG is in the page,
          // so the nodes are marked where they are, without parsing the SVG a second time.
          return Object.assign({}, result, { fn: markFilledNodes });
        });
      });
    },
  };
})();
