/* zhpress: the 繁/简 switch keeps the reader's section and remembers the choice. */
(function () {
  "use strict";
  var KEY = "zhpress.variant";

  // The heading the reader is in: the last one whose top is above the fold line.
  function currentSection() {
    var headings = document.querySelectorAll(".md-content h2[id], .md-content h3[id]");
    var line = 80, found = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top <= line) found = headings[i];
      else break;
    }
    return found ? "#" + encodeURIComponent(found.id) : "";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-zhpress-variant]");
    if (!link) return;
    try { localStorage.setItem(KEY, link.getAttribute("data-zhpress-variant")); } catch (e) { /* private mode */ }
    var hash = currentSection() || location.hash;
    if (hash) {
      event.preventDefault();
      location.href = link.href.split("#")[0] + hash;
    }
  });
})();

/* The drawer and search toggles start closed, also when the browser restores
   form state on back/forward (what Material's autocomplete="off" did). */
window.addEventListener("pageshow", function () {
  ["__drawer", "__search"].forEach(function (id) {
    var toggle = document.getElementById(id);
    if (toggle && toggle.checked && !toggle.hasAttribute("data-zhpress-keep")) toggle.checked = false;
  });
});
