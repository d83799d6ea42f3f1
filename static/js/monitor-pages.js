/* The questionnaire of the weerbaarheidsmonitor one scale per page (issue 15 §4).
 * Without JavaScript the whole form shows at once, as before. With it, each scale
 * (section.zw-survey__scale) is a page with "Vorige" and "Volgende" buttons and a progress text
 * ("Onderdeel 3 van 10", aria-live polite). The form stays one form: answers on other pages stay
 * in it, so going back and forward keeps them, and nothing is sent until "Versturen" (or
 * "Opslaan en later verder"). "Volgende" first checks that every question on the page has an
 * answer. All texts come from data attributes of the form, so they are translated by Django. */
(function () {
  "use strict";
  var form = document.querySelector("form.zw-survey[data-pages]");
  if (!form) { return; }
  var pages = Array.prototype.slice.call(form.querySelectorAll(".zw-survey__scale"));
  if (pages.length < 2) { return; }
  var send = form.querySelector("button[value='versturen']");
  var current = 0;

  var progress = document.createElement("p");
  progress.className = "utrecht-paragraph zw-survey__progress";
  progress.setAttribute("aria-live", "polite");
  progress.id = "vragenlijst-voortgang";
  form.insertBefore(progress, pages[0]);

  var nav = document.createElement("div");
  nav.className = "zw-form-actions zw-survey__nav";
  var previous = button(form.dataset.previous, "utrecht-button--secondary-action");
  var next = button(form.dataset.next, "utrecht-button--primary-action");
  nav.appendChild(previous);
  nav.appendChild(next);
  form.insertBefore(nav, pages[pages.length - 1].nextSibling);

  function button(text, kind) {
    var made = document.createElement("button");
    made.type = "button";
    made.className = "utrecht-button " + kind;
    made.textContent = text;
    return made;
  }

  function items(section) {
    return Array.prototype.slice.call(section.querySelectorAll("fieldset.zw-survey__item"));
  }

  function answered(fieldset) {
    return fieldset.querySelector("input[type='radio']:checked") !== null;
  }

  function clearError(fieldset) {
    var error = fieldset.querySelector(".zw-survey__page-error");
    if (error) {
      error.remove();
      fieldset.removeAttribute("aria-describedby");
    }
    if (!fieldset.querySelector(".utrecht-form-field-error-message")) {
      fieldset.classList.remove("utrecht-form-fieldset--invalid");
    }
  }

  function showError(fieldset) {
    if (fieldset.querySelector(".utrecht-form-field-error-message")) { return; }
    var error = document.createElement("div");
    error.className = "utrecht-form-field-error-message zw-survey__page-error";
    error.id = fieldset.id + "-fout";
    var text = document.createElement("p");
    text.textContent = form.dataset.required;
    error.appendChild(text);
    fieldset.insertBefore(error, fieldset.querySelector(".zw-survey__options"));
    fieldset.classList.add("utrecht-form-fieldset--invalid");
    fieldset.setAttribute("aria-describedby", error.id);
  }

  function show(index, focus) {
    current = Math.max(0, Math.min(index, pages.length - 1));
    pages.forEach(function (page, number) { page.hidden = number !== current; });
    previous.hidden = current === 0;
    next.hidden = current === pages.length - 1;
    if (send) { send.hidden = current !== pages.length - 1; }
    progress.textContent = form.dataset.progress
      .replace("{current}", String(current + 1))
      .replace("{total}", String(pages.length));
    if (focus) {
      var heading = pages[current].querySelector("h2");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      progress.scrollIntoView({ block: "start" });
    }
  }

  previous.addEventListener("click", function () { show(current - 1, true); });
  next.addEventListener("click", function () {
    var open = items(pages[current]).filter(function (fieldset) { return !answered(fieldset); });
    items(pages[current]).forEach(clearError);
    if (open.length) {
      open.forEach(showError);
      open[0].querySelector("input[type='radio']").focus();
      return;
    }
    show(current + 1, true);
  });
  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset.zw-survey__item");
    if (fieldset) { clearError(fieldset); }
  });

  function pageOf(element) {
    return pages.findIndex(function (page) { return page.contains(element); });
  }

  // A link of the error summary ("#vraag-WD2") opens the page with that question.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#vraag-']");
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("href").slice(1));
    var index = target ? pageOf(target) : -1;
    if (index >= 0) { show(index, false); }
  });

  // Start where something needs an answer: the first question the server marked, else the first
  // unanswered one (a resumed draft), else the last page.
  var start = form.querySelector("fieldset.utrecht-form-fieldset--invalid");
  if (!start) {
    start = items(form).filter(function (fieldset) { return !answered(fieldset); })[0];
  }
  show(start ? pageOf(start) : pages.length - 1, false);
})();
