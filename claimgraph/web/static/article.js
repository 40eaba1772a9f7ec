// The article page: a click on a highlighted passage shows every item over it (innermost first) with
// its source chain and flags, copied from the server-rendered cards in #details (no HTML built here).
(function () {
  "use strict";
  var shown = document.getElementById("shown");
  var hint = document.getElementById("hint");
  var text = document.getElementById("text");
  if (!shown || !text) { return; }

  function show(ids, from) {
    shown.textContent = "";
    ids.forEach(function (id) {
      var card = document.getElementById("d-" + id);
      if (!card) { return; }
      var copy = card.cloneNode(true);
      copy.removeAttribute("id");
      copy.hidden = false;
      copy.setAttribute("data-item", id);
      shown.appendChild(copy);
    });
    if (hint) { hint.hidden = shown.childNodes.length > 0; }
    document.querySelectorAll(".seg.sel").forEach(function (el) { el.classList.remove("sel"); });
    if (ids.length) {
      document.querySelectorAll(".seg").forEach(function (el) {
        var own = (el.getAttribute("data-ids") || "").split(" ");
        if (own.indexOf(ids[0]) >= 0) { el.classList.add("sel"); }
      });
    }
    var panel = document.getElementById("panel");
    if (from === "list" && panel) { panel.scrollIntoView({block: "nearest"}); }
  }

  text.addEventListener("click", function (ev) {
    var seg = ev.target.closest(".seg");
    if (!seg) { return; }
    show((seg.getAttribute("data-ids") || "").split(" ").filter(Boolean), "text");
  });

  document.querySelectorAll(".claimref").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      var id = a.getAttribute("data-id");
      show([id], "list");
      var first = document.querySelector(".seg.sel");
      if (first) { first.scrollIntoView({block: "center", behavior: "smooth"}); }
    });
  });

  document.querySelectorAll(".legend input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });

  // /documents/ID#c3 (links from the claims table) opens that claim
  var target = decodeURIComponent((location.hash || "").slice(1)).replace(/[^A-Za-z0-9_-]/g, "_");
  if (target && document.getElementById("d-" + target)) {
    show([target], "hash");
    var first = document.querySelector(".seg.sel");
    if (first) { first.scrollIntoView({block: "center"}); }
  }
})();
