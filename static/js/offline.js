// Registers the Zorgwijzer service worker so public pages can be read offline.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
      // Offline reading is an extra; the site works without it.
    });
  });
}
