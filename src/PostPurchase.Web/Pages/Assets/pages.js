// Progressive enhancement only: every page works without this file.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.dataset.submitted === "yes") {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = "yes";
  var buttons = form.querySelectorAll("button[type=submit]");
  // The button that submitted (the first one when Enter was pressed); a form may have several (Preview, Save).
  var submitter = event.submitter || buttons[0];
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].setAttribute("disabled", "disabled");
    // A disabled button is not submitted; keep the submitter's value in the form.
    if (buttons[i] === submitter && buttons[i].name) {
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = buttons[i].name;
      hidden.value = buttons[i].value;
      form.appendChild(hidden);
    }
  }
});
