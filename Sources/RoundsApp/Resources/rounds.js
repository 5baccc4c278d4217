"use strict";
document.querySelectorAll("[data-limits]").forEach(function (field) {
  var output = document.createElement("p");
  output.className = "hint counter";
  output.setAttribute("aria-live", "polite");
  field.insertAdjacentElement("afterend", output);
  var limits = field.dataset.limits.split(",").map(function (pair) {
    var parts = pair.split(":");
    return { name: parts[0], limit: Number(parts[1]) };
  });
  var countsWords = field.dataset.words !== undefined;
  function update() {
    var text = field.value.replace(/\r\n?/g, "\n");
    var count = Array.from(text).length;
    var words = text.trim() === "" ? 0 : text.trim().split(/\s+/).length;
    output.textContent = (countsWords ? words + " words · " : "") + limits.map(function (l) {
      var over = count - l.limit;
      return l.name + ": " + count + " / " + l.limit + (over > 0 ? " (" + over + " over)" : "");
    }).join(" · ");
    output.classList.toggle("over", limits.some(function (l) { return count > l.limit; }));
  }
  field.addEventListener("input", update);
  update();
});
var passage = document.querySelector("textarea[name=quote]");
document.querySelectorAll(".reviewed-text").forEach(function (text) {
  if (!passage) { return; }
  text.addEventListener("mouseup", function () {
    var selection = window.getSelection();
    if (!selection.rangeCount) { return; }
    var copy = selection.getRangeAt(0).cloneContents();
    copy.querySelectorAll("sup").forEach(function (mark) { mark.remove(); });
    if (copy.textContent.trim() !== "") { passage.value = copy.textContent; passage.focus(); }
  });
});
document.querySelectorAll("table.rank-list tbody").forEach(function (body) {
  var dragged = null;
  Array.from(body.rows).forEach(function (row) {
    // Only rows with a "move to rank" field can be dropped elsewhere (a couple's pairs have none).
    if (!row.querySelector("input[name=position]")) { return; }
    row.draggable = true;
    row.addEventListener("dragstart", function (event) {
      dragged = row;
      event.dataTransfer.effectAllowed = "move";
      row.classList.add("dragging");
    });
    row.addEventListener("dragend", function () { row.classList.remove("dragging"); dragged = null; });
    row.addEventListener("dragover", function (event) { if (dragged) { event.preventDefault(); } });
    row.addEventListener("drop", function (event) {
      event.preventDefault();
      if (!dragged || dragged === row) { return; }
      var position = dragged.querySelector("input[name=position]");
      position.value = Array.from(body.rows).indexOf(row) + 1;
      position.form.submit();
    });
  });
});
// The menu starts open so it works without this script; on narrow screens it folds behind its
// "Menu" button, and opens again when the window is wide enough for it.
var menu = document.querySelector("details.menu");
if (menu && window.matchMedia) {
  var narrow = window.matchMedia("(max-width: 40rem)");
  var fit = function () { menu.open = !narrow.matches; };
  narrow.addEventListener("change", fit);
  fit();
}
// An error summary's link focuses its field (a fragment link alone only scrolls), with the field's
// label in view above it.
document.querySelectorAll(".error-summary a[href^='#']").forEach(function (link) {
  link.addEventListener("click", function (event) {
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) { return; }
    var field = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
    if (!field) { return; }
    event.preventDefault();
    (field.closest(".field") || target).scrollIntoView();
    field.focus({ preventScroll: true });
  });
});
