// The waiting page of a PDF keeps its status line up to date without being
// reloaded: it asks the server every few seconds how the PDF goes and
// writes the answer into the line, a live region that screen readers read
// out when it changes. When the PDF is ready it says so and the link says
// "Open"; nothing moves the reader away from the page. Without scripts the
// page works as before: its link fetches the PDF, or this page again.
(function () {
  "use strict";
  var status = document.getElementById("pdf-status");
  var link = document.getElementById("pdf-open");
  if (!status || !link || !window.fetch) {
    return;
  }
  var progress = status.getAttribute("data-progress");
  var delay = 2000;
  function ask() {
    fetch(progress, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (resp) {
        if (!resp.ok) {
          throw new Error("status " + resp.status);
        }
        return resp.json();
      })
      .then(function (p) {
        if (p.message && status.textContent !== p.message) {
          status.textContent = p.message;
        }
        if (p.state === "ready") {
          if (p.open) {
            link.textContent = p.open;
          }
          return;
        }
        if (p.state !== "failed") {
          setTimeout(ask, delay);
        }
      })
      .catch(function () {
        // The server may be restarting: ask again, less often.
        delay = Math.min(delay * 2, 30000);
        setTimeout(ask, delay);
      });
  }
  setTimeout(ask, delay);
})();
