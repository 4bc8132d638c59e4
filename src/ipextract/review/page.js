// ipextract review page: figure tooltips, flag spots, table sorting and filters.
// Everything it shows comes from the JSON block and is set as text (textContent), never as HTML.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("review-data").textContent);
  const text = document.getElementById("text");
  const tip = document.getElementById("tip");

  // --- Tooltip: metric, value, unit, qualifier, period of the figure under the pointer or focus.
  function append(parent, tag, className, content) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = content;
    parent.appendChild(element);
    return element;
  }

  let tipMark = null;  // the figure the tooltip is about, followed when the page scrolls

  function showTip(mark) {
    const record = data.records[mark.dataset.recordId];
    if (!record) return;
    tip.replaceChildren();
    append(tip, "div", "tip-metric", record.metric || "(no metric)");
    append(tip, "div", "tip-value", record.value + (record.unit ? " " + record.unit : ""));
    const facts = document.createElement("dl");
    const rows = [
      ["qualifier", record.qualifier],
      ["period", record.period || "—"],
      ["kind", record.kind],
      ["record", mark.dataset.recordId + (record.of ? " (of " + record.of + ")" : "")],
    ];
    if (record.flags.length) rows.push(["flags", record.flags.join(", ")]);
    for (const [name, value] of rows) {
      append(facts, "dt", "", name);
      append(facts, "dd", "", value);
    }
    tip.appendChild(facts);
    tip.hidden = false;
    const box = mark.getClientRects()[0] || mark.getBoundingClientRect();
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    const below = box.bottom + 8;
    tip.style.left = left + "px";
    tip.style.top = (below + height > window.innerHeight ? box.top - height - 8 : below) + "px";
    mark.setAttribute("aria-describedby", "tip");
    tipMark = mark;
  }

  function hideTip(mark) {
    tip.hidden = true;
    if (mark) mark.removeAttribute("aria-describedby");
    tipMark = null;
  }

  const figureOf = (target) => target.closest ? target.closest("[data-record-id]") : null;
  text.addEventListener("mouseover", (event) => {
    const mark = figureOf(event.target);
    if (mark) showTip(mark);
  });
  text.addEventListener("mouseout", (event) => {
    const mark = figureOf(event.target);
    if (mark && !mark.contains(event.relatedTarget)) hideTip(mark);
  });
  text.addEventListener("focusin", (event) => {
    const mark = figureOf(event.target);
    if (mark) showTip(mark);
  });
  text.addEventListener("focusout", (event) => hideTip(figureOf(event.target)));
  window.addEventListener("scroll", () => { if (tipMark) showTip(tipMark); }, { passive: true });

  // --- Flags: a click marks every spot of the flag; clicking it again moves to its next spot.
  let current = null;  // {id, spots, index}

  function clearFlag() {
    for (const spot of text.querySelectorAll(".is-marked")) spot.classList.remove("is-marked");
    for (const button of document.querySelectorAll("[data-flag-id][aria-pressed='true']")) {
      button.setAttribute("aria-pressed", "false");
      button.querySelector(".spot-position").textContent = "";
    }
    current = null;
  }

  function selectFlag(button) {
    const id = button.dataset.flagId;
    if (current && current.id === id) {
      current.index = (current.index + 1) % Math.max(current.spots.length, 1);
    } else {
      clearFlag();
      const parts = Array.from(text.querySelectorAll("[data-flag-span]"))
        .filter((element) => element.dataset.flagSpan === id);
      for (const part of parts) part.classList.add("is-marked");
      // A spot split where marks cross has further parts (data-part): scroll to its first.
      current = { id: id, spots: parts.filter((part) => !part.dataset.part), index: 0 };
      button.setAttribute("aria-pressed", "true");
    }
    const spot = current.spots[current.index];
    if (spot) {
      spot.scrollIntoView({ block: "center", behavior: "smooth" });
      button.querySelector(".spot-position").textContent =
        " · showing " + (current.index + 1) + " of " + current.spots.length;
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-flag-id]");
    if (button) selectFlag(button);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      clearFlag();
      hideTip(null);
    }
  });

  // --- Records table: sort by a column (numbers as numbers), filter by kind and by flags.
  const table = document.getElementById("records-table");
  const body = table.tBodies[0];
  const kindFilter = document.getElementById("filter-kind");
  const flaggedFilter = document.getElementById("filter-flagged");
  const shown = document.getElementById("shown");
  const collator = new Intl.Collator("zh-CN", { numeric: true });

  function sortKey(row, column) {
    const cell = row.cells[column];
    return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent;
  }

  table.tHead.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-column]");
    if (!button) return;
    const column = Number(button.dataset.column);
    const heading = button.parentElement;
    const ascending = heading.getAttribute("aria-sort") !== "ascending";
    for (const th of table.tHead.rows[0].cells) th.setAttribute("aria-sort", "none");
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const numeric = button.dataset.sortType === "num";
    const rows = Array.from(body.rows);
    rows.sort((a, b) => {
      const x = sortKey(a, column);
      const y = sortKey(b, column);
      const order = numeric ? parseFloat(x) - parseFloat(y) : collator.compare(x, y);
      return ascending ? order : -order;
    });
    body.append(...rows);
  });

  function applyFilters() {
    const kind = kindFilter.value;
    const flagged = flaggedFilter.value;
    let count = 0;
    for (const row of body.rows) {
      const visible = (!kind || row.dataset.kind === kind) && (!flagged || row.dataset.flagged === flagged);
      row.hidden = !visible;
      if (visible) count += 1;
    }
    shown.textContent = count + " of " + body.rows.length;
  }
  kindFilter.addEventListener("change", applyFilters);
  flaggedFilter.addEventListener("change", applyFilters);
})();
