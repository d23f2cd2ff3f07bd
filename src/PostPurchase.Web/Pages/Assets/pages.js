// Progressive enhancement only: every page works without this file.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.dataset.submitted === "yes") {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = "yes";
  var buttons = form.querySelectorAll("button[type=submit]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].setAttribute("disabled", "disabled");
    // A disabled button is not submitted; keep its value in the form.
    if (buttons[i].name) {
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = buttons[i].name;
      hidden.value = buttons[i].value;
      form.appendChild(hidden);
    }
  }
});
