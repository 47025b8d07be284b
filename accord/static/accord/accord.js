// Accord's page behaviour: no inline scripts, so a strict Content-Security-Policy can forbid them.
document.addEventListener("change", function (event) {
  if (event.target.matches("[data-autosubmit]")) {
    event.target.form.submit();
  }
});
