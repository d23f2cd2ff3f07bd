// The studio's live preview: the editor works without it (Preview button); with it, the preview follows the typing.
(function () {
  var form = document.querySelector("form[data-preview]");
  var source = form && form.querySelector("textarea[name=source]");
  if (!source) {
    return;
  }
  var timer = null;
  var pending = null;
  function show(id, text) {
    var node = document.getElementById(id);
    if (node) {
      node.textContent = text || "";
    }
  }
  function refresh() {
    var body = new FormData(form);
    body.set("action", "preview");
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    fetch(form.getAttribute("data-preview"), { method: "POST", body: body, credentials: "same-origin", signal: pending.signal })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        show("preview-error", result.error);
        show("preview-subject", result.subject);
        show("preview-text", result.text);
        show("sms-count", result.length);
        var frame = document.getElementById("preview-html");
        if (frame && result.ok) {
          frame.setAttribute("srcdoc", result.html || "");
        }
        form.setAttribute("data-previewed", String(Date.now()));
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          show("preview-error", "The preview could not be loaded: " + error.message);
        }
      });
  }
  source.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  });
})();
