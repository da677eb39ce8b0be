/*
 * Material draws each diagram with window.mermaid and, when there is none, loads Mermaid
 * from a CDN. This stand-in is defined on every page (it is tiny) so that never happens,
 * even after instant navigation; the real library is imported from this site only when a
 * page asks for its first diagram, as an ES module that fetches just the chunks its diagram
 * types need.
 *
 * It also keeps every label legible in both palettes: Material's dark palette writes light
 * text on every node, also on the authors' light fills (`style B fill:#FFF3CD`) and inside
 * light subgraphs, and an author's `color:#fff` may not read on its own fill. Each text
 * whose ink does not reach 4.5:1 on what lies beneath it gets dark or light ink instead.
 * This is the client-side path; diagrams drawn at build time carry their colours already.
 */
(function () {
  "use strict";
  var moduleUrl = new URL("../vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src).href;
  var settings = {};
  var library = null;

  // Diagrams are drawn at their natural size (labels at 16 px) and scroll inside their
  // figure when wider than the column (reading.css): with Mermaid's default `useMaxWidth` a
  // wide flowchart was shrunk to the column, its labels to 2-9 px on a phone.
  var NATURAL_SIZE = { useMaxWidth: false };
  var DIAGRAM_TYPES = ["flowchart", "sequence", "state", "er", "class", "gantt", "journey",
    "pie", "requirement", "mindmap", "timeline", "gitGraph", "c4", "quadrantChart", "xyChart",
    "sankey", "block", "packet", "architecture", "kanban", "radar"];
  // The book's typeface (reading.css), also for Mermaid's measurements of each label.
  var FONT_FAMILY = '"Pretendard Variable", Pretendard, "Apple SD Gothic Neo", "Malgun Gothic", ' +
    '"Noto Sans KR", "Noto Sans CJK KR", sans-serif';
  var DARK_INK = "#1d1d20";
  var LIGHT_INK = "#ffffff";
  var drawn = [];

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

  function fontsFor(text) {
    // Mermaid measures each label as it draws; with the slices of Pretendard that the
    // diagram's text needs loaded first, it measures the font the reader then sees.
    if (!document.fonts || !document.fonts.load) return Promise.resolve();
    return Promise.all([
      document.fonts.load('16px "Pretendard Variable"', text),
      document.fonts.load('bold 16px "Pretendard Variable"', text),
    ]).catch(function () {});
  }

  // Colours, as WCAG measures them.
  function parse(color) {
    var m = color && color.match(/[\d.]+/g);
    if (!m || m.length < 3) return null;
    return [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1];
  }

  function over(top, bottom) {
    var a = top[3];
    return [0, 1, 2].map(function (i) { return top[i] * a + bottom[i] * (1 - a); }).concat([1]);
  }

  function channel(value) {
    var c = value / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  function luminance(c) {
    return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  }

  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  function pageBackground(element) {
    var layers = [];
    for (var e = element; e && e.nodeType === 1; e = e.parentElement || (e.getRootNode().host || null)) {
      var c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce(function (acc, c) { return over(c, acc); }, [255, 255, 255, 1]);
  }

  var SHAPES = "rect, polygon, circle, ellipse, path";
  var overridden = new WeakMap();

  function restore(element) {
    var saved = overridden.get(element);
    if (!saved) return;
    ["color", "fill"].forEach(function (name) {
      element.style.setProperty(name, saved[name][0], saved[name][1]);
    });
    overridden.delete(element);
  }

  function shapeColour(shape) {
    var style = getComputedStyle(shape);
    var fill = parse(style.fill);
    if (!fill || style.fill === "none") return null;
    fill[3] *= parseFloat(style.fillOpacity) * parseFloat(style.opacity);
    return fill[3] > 0 ? fill : null;
  }

  function under(shape, x, y) {
    var box = shape.getBoundingClientRect();
    if (x < box.left || x > box.right || y < box.top || y > box.bottom) return false;
    var matrix = shape.getScreenCTM && shape.getScreenCTM();
    if (!matrix || !shape.isPointInFill) return true;
    return shape.isPointInFill(new DOMPoint(x, y).matrixTransform(matrix.inverse()));
  }

  // Every text of a diagram gets ink that reads at 4.5:1 on the colour actually beneath it:
  // the node's own fill, or a subgraph's light fill under a node that has none, or the page.
  // An author's `color:` is kept where it reads, and replaced where it does not (Mermaid
  // writes it `!important`, so the replacement is an inline `!important` too).
  function inkEverything(root) {
    var svg = root.querySelector("svg");
    if (!svg) return;
    var base = pageBackground(svg.parentNode.host || svg.parentElement || svg);
    var shapes = Array.prototype.slice.call(svg.querySelectorAll(SHAPES)).filter(function (shape) {
      return !shape.closest("defs, marker, .edgePaths, .edgePath, .flowchart-link") && shapeColour(shape);
    });
    var walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    var inks = [];
    for (var text = walker.nextNode(); text; text = walker.nextNode()) {
      var ink = text.parentElement;
      if (!text.data.trim() || !ink || ink.closest("style, title, desc")) continue;
      if (inks.indexOf(ink) < 0) inks.push(ink);
    }
    inks.forEach(restore);
    inks.forEach(function (ink) {
      var range = document.createRange();
      range.selectNodeContents(ink);
      var box = range.getBoundingClientRect();
      if (!box.width || !box.height) return;
      var x = box.left + box.width / 2, y = box.top + box.height / 2;
      var behind = base;
      shapes.forEach(function (shape) {
        // Shapes drawn before the text, in document order, lie beneath it.
        if (shape.compareDocumentPosition(ink) & Node.DOCUMENT_POSITION_FOLLOWING && under(shape, x, y)) {
          behind = over(shapeColour(shape), behind);
        }
      });
      // HTML labels may carry their own background (edge labels do).
      var backgrounds = [];
      for (var e = ink; e && e !== svg && !(e instanceof SVGElement); e = e.parentElement) {
        var bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg[3] > 0) backgrounds.unshift(bg);
      }
      backgrounds.forEach(function (bg) { behind = over(bg, behind); });
      var html = !(ink instanceof SVGElement);
      var style = getComputedStyle(ink);
      var current = parse(html ? style.color : style.fill);
      if (!current || contrast(over(current, behind), behind) >= 4.5) return;
      var better = contrast(parse("rgb(29, 29, 32)"), behind) >= contrast([255, 255, 255, 1], behind)
        ? DARK_INK : LIGHT_INK;
      overridden.set(ink, {
        color: [ink.style.getPropertyValue("color"), ink.style.getPropertyPriority("color")],
        fill: [ink.style.getPropertyValue("fill"), ink.style.getPropertyPriority("fill")],
      });
      ink.style.setProperty(html ? "color" : "fill", better, "important");
    });
  }

  function inkAll() {
    drawn = drawn.filter(function (root) { return root.host && root.host.isConnected; });
    drawn.forEach(inkEverything);
  }

  // The palette switch changes the colours beneath the text, but draws nothing again.
  new MutationObserver(function () { requestAnimationFrame(inkAll); })
    .observe(document.body || document.documentElement, { attributes: true, attributeFilter: ["data-md-color-scheme"], subtree: false });
  if (window.matchMedia) {
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
      requestAnimationFrame(inkAll);
    });
  }

  function drawnInto(root) {
    drawn.push(root);
    inkEverything(root);
    // reading.js sizes the figure's scroll box and offers the full-screen view.
    root.host.dispatchEvent(new CustomEvent("book:diagram", { bubbles: true, detail: { root: root } }));
  }

  window.mermaid = {
    initialize: function (config) {
      settings = Object.assign({}, config, {
        startOnLoad: false,
        fontFamily: FONT_FAMILY,
        themeVariables: Object.assign({}, config && config.themeVariables, { fontFamily: FONT_FAMILY }),
      });
      DIAGRAM_TYPES.forEach(function (type) {
        settings[type] = Object.assign({}, config && config[type], NATURAL_SIZE);
      });
      if (library) library.then(function (mermaid) { mermaid.initialize(settings); });
    },
    render: function (id, text) {
      return Promise.all([load(), fontsFor(text)]).then(function (loaded) {
        return loaded[0].render(id, text).then(function (result) {
          // Natural size on screen; on paper the page's width (reading.css sets the
          // variable for print: the shadow root lets custom properties in, not rules).
          var svg = result.svg.replace(/^<svg /, '<svg style="max-width: var(--book-diagram-max-width, none); height: auto" ');
          // Material calls `fn` with the diagram's shadow root once the SVG is in the page,
          // so the text is inked where it is, without parsing the SVG a second time.
          return Object.assign({}, result, { svg: svg, fn: drawnInto });
        });
      });
    },
  };
})();
