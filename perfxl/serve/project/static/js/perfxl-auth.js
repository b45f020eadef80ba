// perfxl: carry the server's access token (when `perfxl serve` uses one) on the add-in's own requests.
//
// Excel opens the task pane at the URL written in the manifest, which the server gives as
// taskpane.html?perfxl_token=<token>: Excel cannot add a header to that first load. This classic
// script runs while the page is parsed (before xlwings' module scripts and custom-functions code),
// keeps the token for the page's session and adds it as the X-Perfxl-Token header to every
// same-origin XMLHttpRequest (xlwings' xwRequest: functions, buttons) and fetch. It never sends the
// token to another origin, and leaves the Authorization header to xlwings' Entra ID sign-in.
(function () {
  const KEY = "perfxlToken";
  let token = null;
  try {
    token = new URLSearchParams(window.location.search).get("perfxl_token");
  } catch (e) {
    token = null;
  }
  try {
    if (token) {
      sessionStorage.setItem(KEY, token);
    } else {
      token = sessionStorage.getItem(KEY);
    }
  } catch (e) {
    // no sessionStorage (private mode): the URL still carries the token on this page
  }
  if (!token) {
    return;
  }

  function sameOrigin(url) {
    try {
      return new URL(url, window.location.href).origin === window.location.origin;
    } catch (e) {
      return false;
    }
  }

  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.perfxlSameOrigin = sameOrigin(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.perfxlSameOrigin) {
      this.setRequestHeader("X-Perfxl-Token", token);
    }
    return send.apply(this, arguments);
  };

  if (typeof window.fetch === "function") {
    const originalFetch = window.fetch.bind(window);
    window.fetch = function (input, init) {
      const url = typeof input === "string" || input instanceof URL ? String(input) : input.url;
      if (!sameOrigin(url)) {
        return originalFetch(input, init);
      }
      const headers = new Headers((init && init.headers) || (input instanceof Request ? input.headers : undefined));
      headers.set("X-Perfxl-Token", token);
      return originalFetch(input, Object.assign({}, init || {}, { headers: headers }));
    };
  }
})();
