/* In-place filtering and sorting of the tracker's table of actions, kept in the page's address.
 *
 * Progressive enhancement: without this script the table, and the facet pages it links to, work
 * as they are. With it, a form above the table narrows the rows by theme, department, plan,
 * status, RAG and words, and sorts them by any column (also from the column headings, which
 * become buttons); a live region says how many actions are shown. Every control is a native,
 * labelled form control or button.
 *
 * The filters and the order are written into the address (?rag=red&sort=overdue-descending), so a
 * filtered view can be bookmarked or sent to a colleague, and opening that address shows it again.
 * Values that are not among the choices are ignored.
 */
(function () {
  "use strict";

  var RESULT_DELAY_MS = 300;
  var WORDS = "words";
  var SORT = "sort";
  var DIRECTIONS = ["ascending", "descending"];

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

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (option) { return option.value === value; });
  }

  function enhance(table) {
    if (table.getAttribute("data-enhanced") === "true") { return; }
    table.setAttribute("data-enhanced", "true");
    var facets = {};
    try { facets = JSON.parse(table.getAttribute("data-facets") || "{}"); } catch (error) { facets = {}; }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
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
      select.addEventListener("change", function () { apply(true); remember(); });
      form.appendChild(field(facet.label, select, "tracker-filter-" + kind));
      selects.push(select);
    });

    var search = make("input", { type: "search", name: WORDS });
    search.setAttribute("autocomplete", "off");
    form.appendChild(field("Words", search, "tracker-filter-text"));

    // Sorting from the form as well as the headings: on a phone the headings are not shown.
    var sorting = make("select", { name: SORT });
    sorting.appendChild(new Option("Overdue first", ""));
    headings.forEach(function (heading) {
      var key = heading.getAttribute("data-key");
      if (!key || !heading.getAttribute("data-sort")) { return; }
      var name = heading.textContent.trim();
      sorting.appendChild(new Option(name + ", ascending", key + "-ascending"));
      sorting.appendChild(new Option(name + ", descending", key + "-descending"));
    });
    form.appendChild(field("Sort by", sorting, "tracker-sort"));

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
    search.addEventListener("input", function () { apply(false); remember(); });

    function order(column, direction, byValue) {
      var sorted = rows.slice().sort(function (a, b) {
        var result = 0;
        if (column !== null) {
          result = String(sortValue(a, column, byValue)).localeCompare(
            String(sortValue(b, column, byValue)), undefined, { numeric: true });
        }
        if (result === 0) {
          return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
        }
        return direction === "descending" ? -result : result;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
    }

    // Sort by a column's key and a direction; an empty key is the page's own order.
    function sortBy(choice) {
      var parts = choice.split("-");
      var direction = parts.pop();
      var key = parts.join("-");
      var column = -1;
      headings.forEach(function (heading, index) {
        heading.removeAttribute("aria-sort");
        if (heading.getAttribute("data-key") === key) { column = index; }
      });
      if (!choice || column < 0 || DIRECTIONS.indexOf(direction) < 0) {
        sorting.value = "";
        order(null, "ascending", false);
        return "";
      }
      headings[column].setAttribute("aria-sort", direction);
      sorting.value = choice;
      order(column, direction, headings[column].getAttribute("data-sort") === "value");
      return headings[column].textContent.trim() + ", " + direction;
    }

    headings.forEach(function (heading) {
      var key = heading.getAttribute("data-key");
      if (!key || !heading.getAttribute("data-sort")) { return; }
      var button = make("button", { type: "button" });
      while (heading.firstChild) { button.appendChild(heading.firstChild); }
      heading.appendChild(button);
      button.addEventListener("click", function () {
        var direction = heading.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        count.textContent = "Sorted by " + sortBy(key + "-" + direction) + ".";
        remember();
      });
    });
    sorting.addEventListener("change", function () {
      var said = sortBy(sorting.value);
      count.textContent = said ? "Sorted by " + said + "." : "Overdue first.";
      remember();
    });

    // The address holds the view: only choices that differ from the default are written.
    function remember() {
      var query = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        if (select.value) { query.set(select.name, select.value); } else { query.delete(select.name); }
      });
      if (search.value.trim()) { query.set(WORDS, search.value.trim()); } else { query.delete(WORDS); }
      if (sorting.value) { query.set(SORT, sorting.value); } else { query.delete(SORT); }
      var text = query.toString();
      var address = window.location.pathname + (text ? "?" + text : "") + window.location.hash;
      try { window.history.replaceState(window.history.state, "", address); } catch (error) { /* a file: page */ }
    }

    function recall() {
      var query = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var value = query.get(select.name);
        select.value = value !== null && hasOption(select, value) ? value : "";
      });
      search.value = query.get(WORDS) || "";
      sortBy(query.get(SORT) || "");
    }

    clear.addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      search.value = "";
      sortBy("");
      apply(true);
      remember();
    });

    recall();
    apply(true);
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
