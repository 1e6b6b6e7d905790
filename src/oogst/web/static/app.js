// oogst web UI: small enhancements over plain forms (everything also works without this file).
// Drag to reorder, a live faithfulness check while shortening, a scaled live preview,
// progress of a running ingestion, and panels that keep their scroll position.
"use strict";

(function () {
  document.documentElement.classList.add("js");
  const csrf = () => document.querySelector('meta[name="csrf-token"]').content;
  // the page's texts in its language (base.html writes them from the gettext catalogue)
  const T = JSON.parse(document.body.dataset.i18n || "{}");
  const t = (key, values) => (T[key] || key).replace(/%\((\w+)\)s/g, (_, k) => (values && k in values ? values[k] : ""));

  function post(url, fields) {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    return fetch(url, {
      method: "POST", body, credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf(), "Accept": "application/json" },
    });
  }

  // ---- preview: an A4 sheet scaled to its panel, reloaded after every change ----
  function setupPreview() {
    const sheet = document.getElementById("sheet");
    const frame = document.getElementById("preview");
    if (!sheet || !frame) return null;
    const fit = () => {
      const inner = sheet.clientWidth - 32;
      const scale = Math.max(0.2, Math.min(1, inner / frame.offsetWidth));
      sheet.style.setProperty("--scale", scale.toFixed(4));
    };
    new ResizeObserver(fit).observe(sheet);
    fit();
    return () => {
      const url = new URL(frame.src, location.href);
      url.searchParams.set("t", Date.now().toString());
      frame.src = url.pathname + url.search;
    };
  }

  // ---- drag and drop between and within sections ----
  function setupDrag(reloadPreview) {
    const area = document.getElementById("arrangement");
    if (!area) return;
    const digest = area.dataset.digest;
    let dragged = null;

    // only the handle starts a drag (text in the item stays selectable): an item becomes
    // draggable while the pointer is over its handle, which is before any button goes down
    area.addEventListener("pointerover", (ev) => {
      const handle = ev.target.closest(".drag-handle");
      if (handle) handle.closest(".item").setAttribute("draggable", "true");
    });
    area.addEventListener("pointerout", (ev) => {
      const handle = ev.target.closest(".drag-handle");
      if (handle && !dragged && ev.buttons === 0) handle.closest(".item").removeAttribute("draggable");
    });
    document.addEventListener("pointerup", () => {
      if (!dragged) area.querySelectorAll(".item[draggable]").forEach((el) => el.removeAttribute("draggable"));
    });
    area.addEventListener("dragstart", (ev) => {
      dragged = ev.target.closest(".item");
      if (!dragged) return;
      dragged.classList.add("is-dragging");
      ev.dataTransfer.effectAllowed = "move";
      ev.dataTransfer.setData("text/plain", dragged.dataset.item);
    });
    area.addEventListener("dragend", () => {
      if (dragged) {
        dragged.classList.remove("is-dragging");
        dragged.removeAttribute("draggable");
      }
      area.querySelectorAll(".is-over").forEach((z) => z.classList.remove("is-over"));
      dragged = null;
    });
    area.addEventListener("dragover", (ev) => {
      const zone = ev.target.closest(".dropzone");
      if (!zone || !dragged) return;
      ev.preventDefault();
      area.querySelectorAll(".is-over").forEach((z) => z !== zone && z.classList.remove("is-over"));
      zone.classList.add("is-over");
      const after = [...zone.querySelectorAll(":scope > .item:not(.is-dragging)")]
        .find((el) => ev.clientY < el.getBoundingClientRect().top + el.offsetHeight / 2);
      if (after) zone.insertBefore(dragged, after); else zone.appendChild(dragged);
    });
    area.addEventListener("drop", async (ev) => {
      const zone = ev.target.closest(".dropzone");
      if (!zone || !dragged) return;
      ev.preventDefault();
      const item = dragged;
      const index = [...zone.querySelectorAll(":scope > .item")].indexOf(item);
      const res = await post(`/digests/${digest}/items/move`, { item: item.dataset.item, to: zone.dataset.place, index });
      if (!res.ok) { location.reload(); return; }
      const select = item.querySelector('.move-form select');
      if (select) select.value = zone.dataset.place;
      reloadPreview && reloadPreview();
    });
  }

  // ---- live check of a shortened text ----
  function renderCheck(box, data) {
    box.replaceChildren();
    const verdict = document.createElement("p");
    verdict.className = "verdict " + (data.ok ? "verdict-ok" : "verdict-bad");
    verdict.textContent = data.ok ? t("faithful") : t("refused", { reason: data.reason || t("not_faithful") });
    box.appendChild(verdict);
    if (data.segments && data.segments.length) {
      const diff = document.createElement("p");
      diff.className = "diff";
      data.segments.forEach(([op, text], i) => {
        const el = document.createElement(op === "cut" ? "del" : op === "added" ? "ins" : "span");
        el.textContent = text;
        if (op === "cut") el.title = t("left_out");
        if (op === "added") el.title = t("not_in_source");
        diff.appendChild(el);
        if (i < data.segments.length - 1) diff.appendChild(document.createTextNode(" "));
      });
      box.appendChild(diff);
    }
  }

  function setupChecks() {
    document.querySelectorAll(".shorten-form").forEach((form) => {
      const area = form.querySelector("textarea");
      const box = form.querySelector(".check-result");
      const save = form.querySelector('button[type="submit"]');
      let timer = null, seq = 0;
      area.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const mine = ++seq;
          // (not form.elements.item: that is the collection's item() method)
          const item = form.querySelector('input[name="item"]').value;
          const res = await post(form.dataset.check, { item, text: area.value });
          if (mine !== seq) return;
          const data = await res.json().catch(() => ({}));
          if (!res.ok) {
            box.textContent = (data.error ? data.error + "; " : "") + t("unavailable");
            return;
          }
          renderCheck(box, data);
          save.disabled = !data.ok;
        }, 200);
      });
    });
  }

  // ---- keep each panel's scroll position across the reload after a form ----
  function setupScroll() {
    const panels = [...document.querySelectorAll(".panel")];
    if (!panels.length) return;
    const key = "oogst-scroll:" + location.pathname;
    const saved = JSON.parse(sessionStorage.getItem(key) || "null");
    if (saved && Date.now() - saved.at < 15000) {
      panels.forEach((p, i) => { p.scrollTop = saved.tops[i] || 0; });
      window.scrollTo(0, saved.page || 0);
    }
    sessionStorage.removeItem(key);
    document.addEventListener("submit", (ev) => {
      if (ev.target.closest(".panel") || ev.target.closest(".editor-head")) {
        sessionStorage.setItem(key, JSON.stringify({ at: Date.now(), tops: panels.map((p) => p.scrollTop), page: window.scrollY }));
      }
    });
  }

  // ---- small conveniences ----
  function setupForms() {
    document.addEventListener("submit", (ev) => {
      const form = ev.target;
      if (form.matches(".confirm") && !window.confirm(form.dataset.confirm)) ev.preventDefault();
    });
    const filters = document.getElementById("filters");
    if (filters) {
      filters.querySelectorAll("select, input[type=checkbox]").forEach((el) =>
        el.addEventListener("change", () => filters.requestSubmit()));
    }
  }

  // ---- progress of an ingestion run ----
  function pill(status) {
    const s = document.createElement("span");
    s.className = "pill pill-" + status;
    s.textContent = (T.status || {})[status] || status;
    return s;
  }

  function setupJob() {
    const box = document.getElementById("job");
    if (!box || box.dataset.finished === "true") return;
    const id = box.dataset.job;
    const tick = async () => {
      const res = await fetch(`/api/jobs/${id}`, { headers: { "Accept": "application/json" } });
      if (!res.ok) return;
      const job = await res.json();
      document.getElementById("job-state").replaceChildren(pill(job.state));
      const bar = document.getElementById("job-progress");
      bar.max = Math.max(job.total, 1);
      bar.value = job.total ? job.done : (job.finished ? 1 : 0);
      document.getElementById("job-count").textContent = t("of", { done: job.done, total: job.total });
      for (const [status, n] of Object.entries(job.counts)) {
        const el = document.querySelector(`#job-counts .count-${status} strong`);
        if (el) el.textContent = n;
      }
      const rows = document.getElementById("job-events");
      rows.replaceChildren(...job.events.map((e) => {
        const tr = document.createElement("tr");
        const a = document.createElement("td"); a.appendChild(pill(e.status));
        const b = document.createElement("td"); b.className = "url"; b.textContent = e.label || e.source;
        const c = document.createElement("td"); c.textContent = e.reason || "";
        tr.append(a, b, c);
        return tr;
      }));
      if (job.finished) {
        box.dataset.finished = "true";
        document.getElementById("job-next").hidden = false;
        if (job.error) location.reload();
      } else {
        setTimeout(tick, 600);
      }
    };
    setTimeout(tick, 300);
  }

  // ---- the exact page: progress while it is laid out, then what had to give ----
  function setupPageFit() {
    const box = document.getElementById("page-progress");
    if (!box) return;
    const image = document.getElementById("page-image");
    let waiting = 2;
    const done = () => { if (--waiting === 0) box.hidden = true; };
    if (image.complete && image.naturalWidth) done(); else image.addEventListener("load", done, { once: true });
    image.addEventListener("error", done, { once: true });
    fetch(box.dataset.fit, { headers: { "Accept": "application/json" } })
      .then((res) => res.json())
      .then((data) => {
        const card = document.getElementById("page-fit");
        if (data.warnings && data.warnings.length) {
          const list = document.createElement("ul");
          list.className = "warnings";
          data.warnings.forEach((w) => { const li = document.createElement("li"); li.textContent = w; list.appendChild(li); });
          card.appendChild(list);
        } else {
          const p = document.createElement("p");
          p.textContent = data.fits || data.error || "";
          card.appendChild(p);
        }
      })
      .catch(() => {})
      .finally(done);
  }

  document.addEventListener("DOMContentLoaded", () => {
    const reloadPreview = setupPreview();
    setupDrag(reloadPreview);
    setupChecks();
    setupScroll();
    setupForms();
    setupJob();
    setupPageFit();
  });
})();
