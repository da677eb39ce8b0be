/*
 * Runs in the page book.mermaid_browser opens in Chromium: draws each diagram with the
 * site's Mermaid and typeface, and returns its SVG (or Mermaid's error).
 *
 * Colours stay Material's CSS variables, so one SVG serves both palettes. Here every such
 * variable is set to a marker colour, rgb(1, 2, n): a computed colour that is not a marker
 * is one an author wrote (`style B fill:#FFF3CD`, `color:#fff`, a classDef). Text on an
 * author's fill, or inside a subgraph the author filled, gets a fixed ink, dark or white,
 * whichever contrasts more, unless the author's own colour already reads at 4.5:1; an
 * author's colour on a node the palette paints goes back to the palette's ink. Done here,
 * on the drawn diagram, because the containing subgraph is only known from the layout,
 * and because Mermaid writes authors' colours `!important` inline, where no stylesheet
 * of the site can win.
 */
(function () {
  "use strict";
  var settings = window.bookRenderSettings;
  var THEMED = /^rgba?\(1, 2, \d+/;
  var DARK_INK = "#1d1d20";
  var LIGHT_INK = "#ffffff";
  var MIN_CONTRAST = 4.5;

  // Material's variables: the font one gets the site's typeface, the rest marker colours.
  var names = {};
  (settings.configuration.themeCSS.match(/var\(--[\w-]+/g) || []).forEach(function (v) { names[v.slice(4)] = true; });
  var declarations = Object.keys(names).map(function (name, index) {
    return name + ":" + (/font/.test(name) ? settings.fontFamily : "rgb(1, 2, " + (index + 1) + ")");
  });
  var root = document.createElement("style");
  root.textContent = ":root{" + declarations.join(";") + "}";
  document.head.appendChild(root);

  function parse(colour) {
    var m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(colour || "");
    return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
  }
  function channel(v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
  function luminance(c) { return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]); }
  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  var SHAPES = ":scope > rect, :scope > polygon, :scope > circle, :scope > ellipse, :scope > path," +
    " :scope > g.label-container > path, :scope > g.basic > path";
  var LABELS = ".nodeLabel, .nodeLabel *, .cluster-label span, .cluster-label p, .cluster-label div, text, tspan, .label div, .label span, .label p";

  // The author's fill of a node or subgraph, if it has one that hides what lies beneath.
  function authoredFill(group) {
    var shape = group.querySelector(SHAPES);
    if (!shape) return null;
    var style = getComputedStyle(shape);
    var fill = style.fill;
    if (!fill || fill === "none" || THEMED.test(fill)) return null;
    var colour = parse(fill);
    var opacity = parseFloat(style.fillOpacity || "1") * parseFloat(style.opacity || "1");
    return colour && colour[3] * opacity >= 0.9 ? colour : null;
  }

  function box(element) { return element.getBoundingClientRect(); }
  function inside(point, r) { return point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom; }

  function authoredInk(group) {
    var label = group.querySelector(".nodeLabel, .cluster-label span, text");
    if (!label) return null;
    var style = getComputedStyle(label);
    var ink = label.namespaceURI === "http://www.w3.org/2000/svg" && label.tagName !== "foreignObject" ? style.fill : style.color;
    return ink && !THEMED.test(ink) ? parse(ink) : null;
  }

  function setInk(group, ink) {
    group.querySelectorAll(LABELS).forEach(function (el) {
      el.style.setProperty("color", ink, "important");
      if (el.namespaceURI === "http://www.w3.org/2000/svg") el.style.setProperty("fill", ink, "important");
    });
  }

  function legibleInk(svg) {
    var clusters = Array.prototype.slice.call(svg.querySelectorAll(".cluster")).map(function (cluster) {
      var r = box(cluster.querySelector(SHAPES) || cluster);
      return { group: cluster, fill: authoredFill(cluster), rect: r, area: r.width * r.height };
    });
    var filled = clusters.filter(function (c) { return c.fill; }).sort(function (a, b) { return a.area - b.area; });

    function beneath(group) {
      var own = authoredFill(group);
      if (own) return own;
      var r = box(group), centre = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      var area = r.width * r.height;
      for (var i = 0; i < filled.length; i++) {
        var c = filled[i];
        if (c.group !== group && !c.group.contains(group) && c.area > area && inside(centre, c.rect)) return c.fill;
      }
      return null;
    }

    var groups = Array.prototype.slice.call(svg.querySelectorAll(".node, .cluster"));
    groups.forEach(function (group) {
      var background = beneath(group);
      var authored = authoredInk(group);
      if (!background) {
        // The palette paints this one: an author's fixed colour would fail in one of them.
        if (authored) setInk(group, "var(--md-mermaid-label-fg-color)");
        return;
      }
      if (authored && contrast(authored, background) >= MIN_CONTRAST) {
        // Mermaid puts the author's colour on the label's outer span only; the palette's
        // rule for the paragraph inside would win over it.
        setInk(group, "rgb(" + authored.slice(0, 3).join(", ") + ")");
        return;
      }
      var dark = contrast([29, 29, 32], background) >= contrast([255, 255, 255], background);
      group.classList.add(dark ? "book-fill-light" : "book-fill-dark");
      setInk(group, dark ? DARK_INK : LIGHT_INK);
    });
  }

  var serializer = new XMLSerializer();

  async function drawOne(item) {
    var out = document.getElementById("out");
    try {
      var result = await mermaid.render(item.id, item.text);
      out.innerHTML = result.svg;
      var svg = out.querySelector("svg");
      legibleInk(svg);
      var svgText = serializer.serializeToString(svg);
      out.innerHTML = "";
      return { svg: svgText };
    } catch (error) {
      var stray = document.getElementById("d" + item.id);
      if (stray) stray.remove();
      out.innerHTML = "";
      return { error: String((error && (error.message || error.str)) || error) };
    }
  }

  async function draw(batch) {
    var results = [];
    for (var i = 0; i < batch.length; i++) results.push(await drawOne(batch[i]));
    return results;
  }

  window.bookRender = { ready: false, draw: draw };
  mermaid.initialize(settings.configuration);
  Promise.all(settings.weights.map(function (weight) {
    return document.fonts.load(weight + ' 16px "' + settings.family + '"', "가A");
  })).then(function (faces) {
    window.bookRender.ready = faces.every(function (f) { return f.length > 0; }) ? true : "font";
  });
})();
