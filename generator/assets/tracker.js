/* In-place filtering and sorting of the tracker's table of actions.
 *
 * Progressive enhancement: without this script the table, and the facet pages it links to, work
 * as they are. With it, a form above the table narrows the rows by theme, department, plan,
 * status, RAG and text; the column headings become buttons that sort; and a live region says
 * how many actions are shown. Every control is a native, labelled form control or button.
 */
(function () {
  "use strict";

  var RESULT_DELAY_MS = 300;

  function make(tag, properties) {
    var element = document.createElement(tag);
    Object.keys(properties || {}).forEach(function (key) { element[key] = properties[key]; });
    return element;
  }

  // A label beside (not around) its control, so the control's name is the label alone.
  function field(text, control, id) {
    var wrapper = make("div", { className: "candour-tracker-filter" });
    control.id = id;
    var label = make("label", { htmlFor: id, textContent: text });
    wrapper.appendChild(label);
    wrapper.appendChild(control);
    return wrapper;
  }

  function sortValue(row, column, byValue) {
    var cell = row.cells[column];
    if (!cell) { return ""; }
    return byValue ? (cell.getAttribute("data-value") || "") : cell.textContent.trim().toLowerCase();
  }

  function enhance(table) {
    if (table.getAttribute("data-enhanced") === "true") { return; }
    table.setAttribute("data-enhanced", "true");
    var facets = {};
    try { facets = JSON.parse(table.getAttribute("data-facets") || "{}"); } catch (error) { facets = {}; }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var selects = [];

    var form = make("form", { className: "candour-tracker-filters" });
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter the actions");
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    Object.keys(facets).forEach(function (kind) {
      var facet = facets[kind];
      if (!facet.options || facet.options.length === 0) { return; }
      var select = make("select", { name: kind });
      select.appendChild(new Option("All", ""));
      facet.options.forEach(function (option) { select.appendChild(new Option(option[1], option[0])); });
      select.addEventListener("change", function () { apply(true); });
      form.appendChild(field(facet.label, select, "tracker-filter-" + kind));
      selects.push(select);
    });

    var search = make("input", { type: "search", name: "words" });
    search.setAttribute("autocomplete", "off");
    form.appendChild(field("Words", search, "tracker-filter-text"));

    var clear = make("button", { type: "button", textContent: "Show every action" });
    form.appendChild(clear);

    var count = make("p", { className: "candour-tracker-count" });
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");

    table.parentNode.insertBefore(form, table);
    table.parentNode.insertBefore(count, table);

    var pending = null;
    function announce() {
      var shown = rows.filter(function (row) { return !row.hidden; }).length;
      count.textContent = "Showing " + shown + " of " + rows.length + " action" +
        (rows.length === 1 ? "" : "s") + ".";
    }

    function apply(now) {
      var words = search.value.trim().toLowerCase();
      rows.forEach(function (row) {
        var match = selects.every(function (select) {
          if (!select.value) { return true; }
          var values = (row.getAttribute("data-" + select.name) || "").split(" ");
          return values.indexOf(select.value) !== -1;
        });
        row.hidden = !(match && (!words || row.textContent.toLowerCase().indexOf(words) !== -1));
      });
      window.clearTimeout(pending);
      // Typing announces once the reader pauses, not at every key.
      pending = window.setTimeout(announce, now ? 0 : RESULT_DELAY_MS);
    }
    search.addEventListener("input", function () { apply(false); });

    var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
    function order(column, direction, byValue) {
      var sorted = rows.slice().sort(function (a, b) {
        var result = 0;
        if (column !== null) {
          result = String(sortValue(a, column, byValue)).localeCompare(
            String(sortValue(b, column, byValue)), undefined, { numeric: true });
        }
        if (result === 0) {
          result = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
          return result;
        }
        return direction === "descending" ? -result : result;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
    }

    headings.forEach(function (heading, column) {
      var kind = heading.getAttribute("data-sort");
      if (!kind) { return; }
      var button = make("button", { type: "button" });
      while (heading.firstChild) { button.appendChild(heading.firstChild); }
      heading.appendChild(button);
      button.addEventListener("click", function () {
        var direction = heading.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        headings.forEach(function (other) { other.removeAttribute("aria-sort"); });
        heading.setAttribute("aria-sort", direction);
        order(column, direction, kind === "value");
        count.textContent = "Sorted by " + button.textContent.trim() + ", " + direction + ".";
      });
    });

    clear.addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      search.value = "";
      headings.forEach(function (heading) { heading.removeAttribute("aria-sort"); });
      order(null, "ascending", false);
      apply(true);
    });

    announce();
  }

  function run() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-tracker]"), enhance);
  }

  // Material's instant navigation swaps pages without reloading; document$ tells us when.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
}());
