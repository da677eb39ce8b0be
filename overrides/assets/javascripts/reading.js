/*
 * Reading on a phone: wide diagrams and tables scroll in their own box, which the keyboard
 * can reach, and any diagram or image opens full screen, where it zooms (pinch, wheel,
 * keys, buttons) and pans (drag, arrow keys), and closes with Esc, the back button or its
 * close button.
 *
 * Zooming and panning are Panzoom's (@panzoom/panzoom, served by the site); the dialog is
 * the browser's own <dialog>, which keeps focus inside and closes on Esc. The diagram is a
 * copy of the drawn SVG, taken from the shadow root Material draws into (mermaid-loader.js
 * hands it over with the `book:diagram` event) or from the page when it was drawn at build
 * time. Words come from hooks/book/strings.py, through the page (partials/book-reading.html).
 */
(function () {
  "use strict";

  var words = {};
  var roots = new WeakMap();
  var viewer = null;
  var panzoom = null;
  var opener = null;
  var pushed = false;
  var ignoreNextPop = false;
  var pushWhenBack = false;

  var ICONS = {
    open: "M5 5h5V3H3v7h2zm5 14H5v-5H3v7h7zm11-5h-2v5h-5v2h7zm-2-4h2V3h-7v2h5z",
    zoomIn: "M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14m.5-7H9v2H7v1h2v2h1v-2h2V9h-2z",
    zoomOut: "M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14M7 9h5v1H7z",
    reset: "M12 5V1L7 6l5 5V7c3.31 0 6 2.69 6 6s-2.69 6-6 6-6-2.69-6-6H4c0 4.42 3.58 8 8 8s8-3.58 8-8-3.58-8-8-8",
    close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",
  };

  function readWords() {
    var source = document.getElementById("book-reading-words");
    try { words = source ? JSON.parse(source.textContent) : {}; } catch (error) { words = {}; }
  }

  function icon(name) {
    return '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="' + ICONS[name] + '"/></svg>';
  }

  function button(className, label, iconName) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.setAttribute("aria-label", label || "");
    element.title = label || "";
    element.innerHTML = icon(iconName);
    return element;
  }

  function captionOf(figure) {
    var caption = figure && figure.querySelector("figcaption");
    if (!caption) return "";
    var copy = caption.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  // --- Boxes that scroll --------------------------------------------------------------
  var watched = new WeakSet();
  var resizes = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { markScrolling(entry.target); });
  }) : null;

  // How wide a box's content is. A diagram drawn at build time keeps its natural width
  // (reading.css), so its SVG says it without the browser laying out a diagram the reader
  // has not reached (content-visibility: auto), as scrollWidth would.
  function contentWidth(box) {
    var svg = box.classList.contains("book-diagram") ? box.firstElementChild : null;
    if (svg && svg.tagName.toLowerCase() === "svg" && svg.width && svg.width.baseVal.value) {
      return svg.width.baseVal.value;
    }
    return box.scrollWidth;
  }

  function markScrolling(box) {
    var scrolls = contentWidth(box) > box.clientWidth + 1;
    // In a figure the hint shares a row with the viewer's button, under the diagram.
    var row = box.nextElementSibling && box.nextElementSibling.classList.contains("book-figure__tools")
      ? box.nextElementSibling : null;
    var hint = row ? row.querySelector(".book-scroll-hint")
      : box.nextElementSibling && box.nextElementSibling.classList.contains("book-scroll-hint") ? box.nextElementSibling : null;
    // A code block is announced as code already: it only needs to be reached (#21). Material
    // makes it focusable on devices with hover only, and takes tabindex off elsewhere.
    var code = box.tagName === "CODE";
    if (scrolls) {
      if (!box.hasAttribute("data-book-scrolls")) {
        box.setAttribute("data-book-scrolls", "");
        if (!code) {
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", regionName(box));
        }
      }
      box.tabIndex = 0;
      if (code) return;
      if (!hint) {
        hint = document.createElement("span");
        hint.className = "book-scroll-hint";
        hint.setAttribute("aria-hidden", "true");
        hint.textContent = words.scrollHint || "";
        if (row) row.prepend(hint); else box.after(hint);
      }
    } else if (box.hasAttribute("data-book-scrolls")) {
      box.removeAttribute("data-book-scrolls");
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
      if (hint) hint.remove();
    }
  }

  // A scroll box is a landmark region and needs a name of its own on the page: a figure's
  // caption, or a table's column headings.
  function regionName(box) {
    var caption = captionOf(box.closest("figure"));
    if (caption) return caption;
    var headings = Array.prototype.map.call(box.querySelectorAll("th"), function (cell) {
      return cell.textContent.trim();
    }).filter(Boolean).join(", ");
    return headings ? (words.table || "") + ": " + headings : words.scrollRegion || "";
  }

  // A diagram drawn at build time that is wider than its column opens with its first node
  // (the first Mermaid made: the flowchart's first statement) in view, as near the middle as
  // the width allows: a left-to-right flow at its left edge, a top-down one where its root
  // is, and a top-down one that Mermaid laid out in a row (inside a subgraph) at its start.
  // Once the browser has drawn it: while its drawing is skipped (content-visibility: auto)
  // there is no width to scroll. Never after the reader has scrolled it.
  function firstNode(svg) {
    var first = null, lowest = Infinity;
    svg.querySelectorAll('g.node[id*="-flowchart-"]').forEach(function (node) {
      var made = /-(\d+)$/.exec(node.id);
      if (made && Number(made[1]) < lowest) { lowest = Number(made[1]); first = node; }
    });
    return first;
  }

  function openAtFirstNode(box) {
    var spare = box.scrollWidth - box.clientWidth;
    var node = spare > 1 && box.scrollLeft === 0 ? firstNode(box.firstElementChild) : null;
    if (!node) return;
    var drawn = node.getBoundingClientRect(), frame = box.getBoundingClientRect();
    var middle = drawn.left + drawn.width / 2 - frame.left - box.clientLeft;
    box.scrollLeft = Math.max(0, Math.min(spare, middle - box.clientWidth / 2));
  }

  function openWhenDrawn(box) {
    var drawing = box.firstElementChild;
    if (!box.classList.contains("book-diagram") || !drawing || drawing.tagName.toLowerCase() !== "svg") return;
    requestAnimationFrame(function () {
      if (drawing.checkVisibility && !drawing.checkVisibility({ contentVisibilityAuto: true })) {
        box.addEventListener("contentvisibilityautostatechange", function drawn(event) {
          if (event.skipped) return;
          box.removeEventListener("contentvisibilityautostatechange", drawn);
          requestAnimationFrame(function () { openAtFirstNode(box); });
        });
      } else {
        openAtFirstNode(box);
      }
    });
  }

  function watch(box) {
    if (!box || watched.has(box)) return;
    watched.add(box);
    openWhenDrawn(box);
    // The observer reports each box once the browser has laid the page out anyway: measuring
    // here instead, box after box between the page's own changes, made it lay the page out
    // once per box while it loads (most of the main thread this file cost on a phone).
    if (resizes) resizes.observe(box); else markScrolling(box);
  }

  function diagramBox(figure) {
    for (var child = figure.firstElementChild; child; child = child.nextElementSibling) {
      if (child.tagName !== "FIGCAPTION" && !child.classList.contains("book-figure__tools")) return child;
    }
    return null;
  }

  // --- The full-screen viewer ---------------------------------------------------------
  function buildViewer() {
    var dialog = document.createElement("dialog");
    dialog.className = "book-viewer";
    dialog.setAttribute("aria-label", words.viewer || "");
    var tools = document.createElement("div");
    tools.className = "book-viewer__tools";
    var zoomIn = button("book-viewer__zoom-in", words.zoomIn, "zoomIn");
    var zoomOut = button("book-viewer__zoom-out", words.zoomOut, "zoomOut");
    var reset = button("book-viewer__reset", words.reset, "reset");
    var close = button("book-viewer__close", words.close, "close");
    close.autofocus = true;
    tools.append(zoomIn, zoomOut, reset, close);
    var stage = document.createElement("div");
    stage.className = "book-viewer__stage";
    var caption = document.createElement("p");
    caption.className = "book-viewer__caption";
    dialog.append(stage, tools, caption);
    document.body.appendChild(dialog);

    zoomIn.addEventListener("click", function () { if (panzoom) panzoom.zoomIn(); });
    zoomOut.addEventListener("click", function () { if (panzoom) panzoom.zoomOut(); });
    reset.addEventListener("click", fit);
    close.addEventListener("click", function () { dialog.close(); });
    stage.addEventListener("wheel", function (event) { if (panzoom) panzoom.zoomWithWheel(event); }, { passive: false });
    dialog.addEventListener("keydown", function (event) {
      if (!panzoom || event.altKey || event.ctrlKey || event.metaKey) return;
      var step = 60;
      var moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (event.key === "+" || event.key === "=") panzoom.zoomIn();
      else if (event.key === "-" || event.key === "_") panzoom.zoomOut();
      else if (event.key === "0") fit();
      else if (moves[event.key]) {
        var scale = panzoom.getScale();
        panzoom.pan(moves[event.key][0] / scale, moves[event.key][1] / scale, { relative: true });
      } else return;
      event.preventDefault();
    });
    dialog.addEventListener("close", closed);
    return dialog;
  }

  function fit() {
    if (!panzoom) return;
    var stage = viewer.querySelector(".book-viewer__stage");
    var content = viewer.querySelector(".book-viewer__content");
    var width = content.offsetWidth, height = content.offsetHeight;
    var room = stage.getBoundingClientRect();
    var scale = width && height ? Math.min((room.width - 32) / width, (room.height - 120) / height) : 1;
    panzoom.reset({ animate: false });
    panzoom.zoom(Math.max(0.1, Math.min(scale, 4)), { animate: false });
  }

  function copyOf(figure) {
    var content = document.createElement("div");
    content.className = "book-viewer__content";
    var image = figure.querySelector("img");
    var box = diagramBox(figure);
    var root = box && roots.get(box);
    var svg = root ? root.querySelector("svg")
      : box && (box instanceof SVGSVGElement ? box : box.querySelector("svg"));
    if (svg) {
      var copy = svg.cloneNode(true);
      if (root) {
        // The SVG's own <style> addresses it by id: the copy keeps its id inside a shadow
        // root of its own, as the original does, so that the page holds no id twice.
        content.attachShadow({ mode: "open" }).appendChild(copy);
      } else {
        content.appendChild(copy);
      }
      var size = svg.getBoundingClientRect();
      content.style.width = size.width + "px";
      content.style.height = size.height + "px";
    } else if (image) {
      var picture = new Image();
      picture.src = image.currentSrc || image.src;
      picture.alt = image.alt;
      content.appendChild(picture);
    }
    return content;
  }

  function open(figure, trigger) {
    viewer = viewer || buildViewer();
    var stage = viewer.querySelector(".book-viewer__stage");
    stage.replaceChildren(copyOf(figure));
    viewer.querySelector(".book-viewer__caption").textContent = captionOf(figure);
    opener = trigger || null;
    viewer.showModal();
    var content = stage.firstElementChild;
    panzoom = window.Panzoom(content, { maxScale: 12, minScale: 0.05, step: 0.5, cursor: "grab" });
    var picture = content.querySelector("img");
    if (picture && !picture.complete) picture.addEventListener("load", fit, { once: true });
    fit();
    viewer.querySelector(".book-viewer__close").focus();
    // Opened again before the browser went back from the last time: add the entry once it has.
    if (ignoreNextPop) pushWhenBack = true;
    else history.pushState({ bookViewer: true }, "");
    pushed = true;
  }

  function closed() {
    if (panzoom) panzoom.destroy();
    panzoom = null;
    viewer.querySelector(".book-viewer__stage").replaceChildren();
    if (pushWhenBack) {
      pushWhenBack = pushed = false;
    } else if (pushed) {
      // Closed by Esc or a button: take back the history entry that opening added.
      pushed = false;
      ignoreNextPop = true;
      history.back();
    }
    if (opener && opener.isConnected) opener.focus();
    opener = null;
  }

  // The back button closes the viewer and stays on the page. Listening in the capture
  // phase comes before Material's instant navigation, which would load the page again.
  window.addEventListener("popstate", function (event) {
    if (ignoreNextPop) {
      ignoreNextPop = false;
      event.stopImmediatePropagation();
      if (pushWhenBack) {
        pushWhenBack = false;
        history.pushState({ bookViewer: true }, "");
      }
    } else if (viewer && viewer.open) {
      pushed = false;
      event.stopImmediatePropagation();
      viewer.close();
    }
  }, true);

  function offerViewer(figure, shown) {
    if (!figure || figure.querySelector(":scope > .book-figure__tools")) return;
    // Under the diagram or image, beside the scroll hint: not over the drawing, and not in
    // the caption, which names the figure for screen readers.
    var row = document.createElement("div");
    row.className = "book-figure__tools";
    var trigger = button("book-viewer__open", words.open, "open");
    trigger.addEventListener("click", function () { open(figure, trigger); });
    row.appendChild(trigger);
    shown.after(row);
  }

  function setUp(figure) {
    if (figure.classList.contains("book-figure--mermaid")) {
      var box = diagramBox(figure);
      // Only once the diagram is drawn (or was drawn at build time): the fenced source is
      // not worth a full screen.
      if (!box || (box.tagName === "PRE" && box.classList.contains("mermaid"))) return;
      offerViewer(figure, box);
      watch(box);
    } else if (figure.querySelector("img")) {
      offerViewer(figure, diagramBox(figure));
    }
  }

  function page() {
    readWords();
    document.querySelectorAll(".md-typeset .book-figure").forEach(setUp);
    document.querySelectorAll(".md-typeset .md-typeset__scrollwrap").forEach(watch);
    // Later than Material's own code-block setup, which removes tabindex on a phone.
    setTimeout(function () {
      document.querySelectorAll(".md-typeset pre > code").forEach(watch);
    });
  }

  document.addEventListener("book:diagram", function (event) {
    var host = event.target;
    roots.set(host, event.detail.root);
    var figure = host.closest && host.closest(".book-figure");
    if (figure) setUp(figure);
  });

  // On a phone, Material opens the drawer at the current Part's own panel; it opens at the
  // book's top level instead, where every Part shows its title: any chapter is then two
  // taps away (its Part, then the chapter).
  var phone = window.matchMedia ? window.matchMedia("(max-width: 76.234375em)") : null;
  document.addEventListener("change", function (event) {
    var drawer = event.target;
    if (drawer.id !== "__drawer" || !drawer.checked || !phone || !phone.matches) return;
    document.querySelectorAll(".md-nav--primary .md-nav__toggle:checked").forEach(function (toggle) {
      toggle.checked = false;
    });
  });

  // A click on a diagram or an image opens it too (the button is the keyboard's way); not a
  // click on the figure's "그림 설명", which opens that text where it is.
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || target.closest("a, button, .book-viewer, .book-figure__description")) return;
    var figure = target.closest(".md-typeset .book-figure");
    if (!figure || target.closest("figcaption")) return;
    var trigger = figure.querySelector(":scope > .book-figure__tools > .book-viewer__open");
    if (trigger) open(figure, trigger);
  });

  // Material swaps the page in place on instant navigation, and announces each page.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(page);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", page);
  } else {
    page();
  }
})();
