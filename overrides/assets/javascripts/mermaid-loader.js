/*
 * Material draws each diagram with window.mermaid and, when there is none, loads Mermaid
 * from a CDN. This stand-in is defined on every page (it is tiny) so that never happens,
 * even after instant navigation; the real library is imported from this site only when a
 * page asks for its first diagram, as an ES module that fetches just the chunks its diagram
 * types need.
 */
(function () {
  "use strict";
  var moduleUrl = new URL("../vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src).href;
  var settings = {};
  var library = null;

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

  window.mermaid = {
    initialize: function (config) {
      settings = Object.assign({}, config, { startOnLoad: false });
      if (library) library.then(function (mermaid) { mermaid.initialize(settings); });
    },
    render: function (id, text) {
      return load().then(function (mermaid) { return mermaid.render(id, text); });
    },
  };
})();
