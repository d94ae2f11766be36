// The staff UI's only script: select-all, the soft-lock heartbeat and the critical banner.
// Served from this origin (CSP script-src 'self'); writes text with textContent only.
"use strict";
(function () {
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  const all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", function () {
      document.querySelectorAll('input[name="case_id"]').forEach(function (box) {
        box.checked = all.checked;
      });
    });
  }

  const page = document.getElementById("case");
  if (page && csrf) {
    const id = page.dataset.caseId;
    const beat = function () {
      fetch("/cases/" + encodeURIComponent(id) + "/viewing", {
        method: "POST", credentials: "same-origin", headers: {"X-CSRF-Token": csrf},
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
        if (!data) { return; }
        const box = document.getElementById("viewers");
        document.getElementById("viewer-list").textContent = data.others.join(", ");
        box.hidden = data.others.length === 0;
      }).catch(function () {});
    };
    setInterval(beat, 30000);
  }

  const banner = document.getElementById("critical-banner");
  if (banner) {
    const poll = function () {
      fetch("/queue/critical", {credentials: "same-origin"})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          const list = document.getElementById("critical-list");
          list.replaceChildren();
          data.critical.forEach(function (cid) {
            const a = document.createElement("a");
            a.href = "/cases/" + Number(cid);
            a.textContent = "#" + Number(cid);
            list.append(a, " ");
          });
          banner.hidden = data.critical.length === 0;
        }).catch(function () {});
    };
    setInterval(poll, 60000);
  }
})();
