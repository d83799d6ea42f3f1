// The print button of a self-test result: shown and wired only when JavaScript runs
// (without it, the browser's own print command prints the same page with the print stylesheet).
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-zw-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});
