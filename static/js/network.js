// The network page's drawing: Cytoscape.js (static/vendor/cytoscape) draws the links the page
// embeds as JSON (#network-data); the table beside it lists the same links and is the whole
// page without JavaScript. Pan by dragging, zoom with the wheel, a pinch or the buttons; the
// slider hides the links lighter than its value, in the drawing and in the table; a click on
// an arrow opens its "A on B" page, a click on a circle the actor's page.
(function () {
  "use strict";

  var STANCE_COLOURS = {
    negative: "#c0392b",
    positive: "#2e8b57",
    neutral: "#7d8794",
    mixed: "#7d4cb3",
  };
  // a second cue besides colour; the label on each arrow says the stance in words
  var STANCE_LINES = { negative: "solid", positive: "solid", neutral: "dashed", mixed: "dotted" };
  var KIND_COLOURS = {
    person: "#f0b85a",
    organization: "#6aaee8",
    country: "#6cc46c",
    group: "#b58be0",
  };
  var KIND_SHAPES = {
    person: "ellipse",
    organization: "round-rectangle",
    country: "diamond",
    group: "triangle",
  };

  function start() {
    var box = document.getElementById("network-graph");
    var source = document.getElementById("network-data");
    var figure = document.getElementById("network-figure");
    if (!box || !source || !figure || typeof window.cytoscape !== "function") return;
    var data = JSON.parse(source.textContent);
    figure.hidden = false;

    var busiest = 1;
    var heaviest = 1;
    data.nodes.forEach(function (n) { busiest = Math.max(busiest, n.statements); });
    data.edges.forEach(function (e) { heaviest = Math.max(heaviest, e.weight); });
    var elements = [];
    // a start on a circle, the busiest first (the page lists them so), then the force-directed
    // layout from there: the same links always make the same picture
    var radius = 60 * Math.sqrt(data.nodes.length);
    data.nodes.forEach(function (n, i) {
      var angle = (2 * Math.PI * i) / Math.max(data.nodes.length, 1);
      elements.push({
        group: "nodes",
        position: { x: radius * Math.cos(angle), y: radius * Math.sin(angle) },
        data: {
          id: n.id,
          label: n.label,
          kind: n.kind,
          url: n.url,
          statements: n.statements,
          size: Math.round(16 + 40 * Math.sqrt(n.statements / busiest)),
        },
      });
    });
    data.edges.forEach(function (e) {
      elements.push({
        group: "edges",
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          weight: e.weight,
          stance: e.stance,
          name: e.name,
          url: e.url,
          label: e.weight + " " + e.stance,
          width: 1.5 + 7 * (e.weight / heaviest),
        },
      });
    });

    var cy = window.cytoscape({
      container: box,
      elements: elements,
      wheelSensitivity: 0.4,
      minZoom: 0.15,
      maxZoom: 5,
      layout: {
        name: "cose",
        animate: false,
        randomize: false,
        padding: 16,
        nodeRepulsion: function () { return 6000; },
        idealEdgeLength: function () { return 70; },
        edgeElasticity: function () { return 80; },
        gravity: 1.2,
        numIter: 1500,
        componentSpacing: 30,
        nodeDimensionsIncludeLabels: true,
      },
      style: [
        {
          selector: "node",
          style: {
            width: "data(size)",
            height: "data(size)",
            label: "data(label)",
            "font-size": 15,
            color: "#1d2330",
            "text-valign": "bottom",
            "text-margin-y": 3,
            "text-wrap": "ellipsis",
            "text-max-width": "140px",
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.8,
            "text-background-padding": "1px",
            "border-width": 1,
            "border-color": "#3d4652",
            "min-zoomed-font-size": 6,
          },
        },
        {
          selector: "edge",
          style: {
            width: "data(width)",
            "curve-style": "bezier",
            "target-arrow-shape": "triangle",
            "arrow-scale": 1.1,
            opacity: 0.85,
            label: "data(label)",
            "font-size": 11,
            color: "#1d2330",
            "text-rotation": "autorotate",
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.85,
            "text-background-padding": "1px",
            "min-zoomed-font-size": 8,
          },
        },
        { selector: ".hover", style: { opacity: 1, "underlay-color": "#7aa7f0", "underlay-opacity": 0.35, "underlay-padding": 4 } },
        { selector: ".light", style: { display: "none" } },
      ],
    });
    Object.keys(KIND_COLOURS).forEach(function (kind) {
      cy.style().selector('node[kind = "' + kind + '"]').style({
        "background-color": KIND_COLOURS[kind],
        shape: KIND_SHAPES[kind],
      });
    });
    Object.keys(STANCE_COLOURS).forEach(function (stance) {
      cy.style().selector('edge[stance = "' + stance + '"]').style({
        "line-color": STANCE_COLOURS[stance],
        "target-arrow-color": STANCE_COLOURS[stance],
        "line-style": STANCE_LINES[stance],
      });
    });
    cy.style().update();

    // a phone's drawing of many links fits them at a zoom where no label reads: start from
    // their middle at a zoom where they do ("Fit" shows them all)
    var READABLE = 0.8;
    if (box.clientWidth < 600 && cy.zoom() < READABLE) {
      cy.zoom(READABLE);
      cy.center();
    }

    cy.on("tap", "edge, node", function (event) {
      window.location.assign(event.target.data("url"));
    });
    cy.on("mouseover", "edge, node", function (event) {
      event.target.addClass("hover");
      box.style.cursor = "pointer";
      box.title = event.target.isEdge()
        ? event.target.data("name") + ": " + event.target.data("weight") + " statement(s), mostly " + event.target.data("stance")
        : event.target.data("label") + ": " + event.target.data("statements") + " statement(s)";
    });
    cy.on("mouseout", "edge, node", function (event) {
      event.target.removeClass("hover");
      box.style.cursor = "";
      box.title = "";
    });

    figure.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var how = button.getAttribute("data-zoom");
        if (how === "fit") {
          cy.fit(cy.elements(":visible"), 24);
          return;
        }
        var centre = { x: box.clientWidth / 2, y: box.clientHeight / 2 };
        cy.zoom({ level: cy.zoom() * (how === "in" ? 1.3 : 1 / 1.3), renderedPosition: centre });
      });
    });

    var slider = document.getElementById("weight-slider");
    var shown = document.getElementById("weight-value");
    var status = document.getElementById("network-status");
    var field = document.getElementById("id_min_weight");
    var rows = document.querySelectorAll("#network-table tbody tr[data-weight]");
    var exports = document.querySelectorAll("a.export");

    function threshold(value) {
      var drawn = 0;
      cy.batch(function () {
        cy.edges().forEach(function (edge) {
          var light = edge.data("weight") < value;
          edge.toggleClass("light", light);
          if (!light) drawn += 1;
        });
        cy.nodes().forEach(function (node) {
          node.toggleClass("light", node.connectedEdges().not(".light").length === 0);
        });
      });
      rows.forEach(function (row) { row.hidden = Number(row.getAttribute("data-weight")) < value; });
      shown.textContent = value;
      status.textContent = drawn + " of " + data.edges.length + " links shown: those of at least " + value + " statement(s).";
      if (field) field.value = value > 1 ? value : "";
      exports.forEach(function (link) {
        var url = new URL(link.href, window.location.href);
        if (value > 1) url.searchParams.set("min_weight", value);
        else url.searchParams.delete("min_weight");
        link.href = url.pathname + url.search;
      });
    }
    if (slider && shown) {
      slider.addEventListener("input", function () { threshold(Number(slider.value)); });
    }

    box.setAttribute("data-ready", "true");
    window.newsappNetwork = cy; // the browser tests read the drawing through it
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
