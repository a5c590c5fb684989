// The generated-PIN page's "Stampa" button; without JavaScript the browser's own print command does the same.
/* global document, window */
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
