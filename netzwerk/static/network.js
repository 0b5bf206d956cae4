// The network view: starts vis-network (served by the app, static/vendor/) on the data block
// the page carries as JSON. No inline script (the CSP allows only 'self'); names and tooltips
// are text: vis-network draws labels on the canvas and sets string tooltips as innerText.
"use strict";
(function () {
  function start() {
    var holder = document.getElementById("network");
    var source = document.getElementById("network-data");
    if (!holder || !source || typeof vis === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var nodes = new vis.DataSet(data.nodes);
    var edges = new vis.DataSet(data.edges);
    var network = new vis.Network(holder, {nodes: nodes, edges: edges}, data.options);

    function settled() {
      // physics off once the layout is stable: a big graph must not keep the page busy
      network.setOptions({physics: false});
      holder.dataset.state = "stable";
    }
    network.once("stabilizationIterationsDone", settled);
    if (!data.options.physics || data.options.physics.enabled === false) { settled(); }

    // a white background, so the PNG is readable outside the page too
    network.on("beforeDrawing", function (context) {
      context.save();
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, context.canvas.width, context.canvas.height);
      context.restore();
    });

    network.on("click", function (params) {
      if (params.nodes.length !== 1) { return; }
      var node = nodes.get(params.nodes[0]);
      // only the app's own pages: a path, never another host or a javascript: URL
      if (node && typeof node.url === "string" && /^\/(?![\/\\])/.test(node.url)) {
        window.location.assign(node.url);
      }
    });

    var button = document.getElementById("network-png");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var canvas = holder.querySelector("canvas");
        if (!canvas) { return; }
        var link = document.createElement("a");
        link.download = button.dataset.filename || "netzwerk.png";
        link.href = canvas.toDataURL("image/png");
        document.body.appendChild(link);
        link.click();
        link.remove();
      });
    }
    holder.dataset.nodes = String(nodes.length);
    holder.netzwerkNetwork = network;  // for the browser tests: node positions on the page
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
