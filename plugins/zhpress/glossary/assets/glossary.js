/* zhpress/glossary: definitions where terms are read.
 *
 * A term is a <button class="zhpress-term" aria-describedby="zhpress-tip-ID">;
 * an entity link may be described the same way. The definition
 * (<div role="tooltip" hidden>) is shown on hover, on keyboard focus and on
 * tap or click; it stays while the pointer is on it, and Escape, a tap
 * elsewhere or moving on hides it. Screen readers announce it with the mark
 * (aria-describedby) whether it is shown or not.
 */
(function () {
  "use strict";
  var SELECTOR = ".zhpress-term[aria-describedby], .zhpress-entity[aria-describedby]";
  var GAP = 6;      // px between the mark and its definition
  var MARGIN = 8;   // px kept free at the viewport's edges
  var current = null;  // {mark, tip, pinned}
  var hideTimer = 0;

  function tipOf(mark) {
    var id = mark.getAttribute("aria-describedby");
    var tip = id && document.getElementById(id);
    return tip && tip.classList.contains("zhpress-tip") ? tip : null;
  }

  function place(mark, tip) {
    var rects = mark.getClientRects();
    var box = rects.length ? rects[0] : mark.getBoundingClientRect();
    var parent = tip.offsetParent || document.documentElement;
    var origin = parent.getBoundingClientRect();
    var width = tip.offsetWidth;
    var viewport = document.documentElement.clientWidth;
    var left = Math.max(MARGIN, Math.min(box.left, viewport - width - MARGIN));
    var top = box.bottom + GAP;
    if (top + tip.offsetHeight > window.innerHeight - MARGIN && box.top - GAP - tip.offsetHeight > MARGIN) {
      top = box.top - GAP - tip.offsetHeight;  // above the mark when there is no room below
    }
    tip.style.left = (left - origin.left + parent.scrollLeft - parent.clientLeft) + "px";
    tip.style.top = (top - origin.top + parent.scrollTop - parent.clientTop) + "px";
  }

  function show(mark, pinned) {
    clearTimeout(hideTimer);
    var tip = tipOf(mark);
    if (!tip) return;
    if (current && current.mark !== mark) hide();
    tip.hidden = false;
    place(mark, tip);
    mark.classList.add("zhpress-mark--open");
    current = {mark: mark, tip: tip, pinned: pinned || (current && current.mark === mark && current.pinned)};
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!current) return;
    current.tip.hidden = true;
    current.mark.classList.remove("zhpress-mark--open");
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      if (current && !current.pinned && !current.tip.matches(":hover") &&
          !current.mark.matches(":hover") && document.activeElement !== current.mark) hide();
    }, 250);
  }

  function markOf(target) {
    return target && target.closest ? target.closest(SELECTOR) : null;
  }

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    var mark = markOf(event.target);
    if (mark) show(mark, false);
    else if (current && current.tip.contains(event.target)) clearTimeout(hideTimer);
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse" || !current) return;
    if (markOf(event.target) === current.mark || current.tip.contains(event.target)) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var mark = markOf(event.target);
    if (mark) show(mark, false);
    else if (current && !current.tip.contains(event.target)) hide();
  });
  document.addEventListener("focusout", function (event) {
    if (current && markOf(event.target) === current.mark && !current.pinned) hideSoon();
  });
  document.addEventListener("click", function (event) {
    var mark = markOf(event.target);
    if (mark && mark.classList.contains("zhpress-term")) {
      // A tap or click pins the definition; a second one on the same term hides it.
      if (current && current.mark === mark && current.pinned) hide();
      else show(mark, true);
      return;
    }
    if (current && !current.tip.contains(event.target) && markOf(event.target) !== current.mark) hide();
  });
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && current) {
      hide();
    }
  });
  window.addEventListener("resize", function () {
    if (current) place(current.mark, current.tip);
  });
})();
