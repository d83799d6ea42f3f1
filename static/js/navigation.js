/* The main menu behind a "Menu" button on small screens (issue 15 §2).
 * Without JavaScript the whole menu shows, as on a wide screen. With it, on a narrow screen the
 * menu starts closed and the button (aria-expanded, aria-controls) opens and closes it. */
(function () {
  "use strict";
  var button = document.querySelector(".zw-menu-button");
  var menu = document.getElementById("hoofdmenu");
  if (!button || !menu) { return; }
  var narrow = window.matchMedia("(max-width: 47.99em)");
  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("zw-nav--closed", !open);
  }
  function apply() {
    button.hidden = !narrow.matches;
    setOpen(!narrow.matches);
  }
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && narrow.matches && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
  narrow.addEventListener("change", apply);
  apply();
})();
