// perfxl: let the task pane open quietly in a plain browser (preview, offline checks, tests).
//
// A classic script, so it runs while the page is parsed, before xlwings' module scripts and
// before Office.onReady() settles. Office always opens an add-in page with `_host_Info` in its
// URL (or inside a host web view); without any of these signs the page is a plain browser, where
// Office.js never attaches to Excel. There, and only there:
//  - Office.context.requirements, which xlwings' start-up code reads, answers "not supported";
//  - if Office.js itself could not be downloaded, an inert stand-in takes its place;
//  - the task pane's auto-reload (meant for an Excel that restored the pane too early) is skipped.
(function () {
  const hostHints =
    /[?&#]_host_Info=/i.test(window.location.href) ||
    /host_Info|_xdm_/i.test(window.name || "") ||
    Boolean(window.chrome && window.chrome.webview) ||
    Boolean(window.webkit && window.webkit.messageHandlers) ||
    window.parent !== window;
  const plainBrowser = !hostHints;
  globalThis.perfxlPlainBrowser = plainBrowser;
  if (!plainBrowser) return;
  // xlwings' "the add-in didn't load" prompt is for an Excel that lost its pane (css/perfxl.css)
  document.documentElement.classList.add("perfxl-preview");

  try {
    // xlwings' taskpane-reload.js reads this counter when it decides to reload; at the budget it
    // shows its prompt instead, which the perfxl-preview class keeps hidden.
    sessionStorage.setItem("xlwingsTaskpaneReloadCount", "999");
  } catch (e) {
    /* no sessionStorage: taskpane-reload.js then never auto-reloads either */
  }

  // Office.js in a plain browser resolves Office.onReady() without Office.context.requirements,
  // which xlwings' own onReady callbacks read (custom-functions-code.js, utils.js); a thrown
  // callback would also stop the callbacks queued after it. This first-queued callback gives
  // them an answer instead: no requirement set is supported outside Excel.
  const noRequirements = { isSetSupported: () => false };
  function stubRequirements() {
    if (typeof Office !== "undefined" && Office.context && !Office.context.requirements) {
      Office.context.requirements = noRequirements;
      console.info("perfxl: Office.js is not attached to Excel (plain browser); Excel features are off.");
    }
  }
  if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
    stubRequirements();
    Office.onReady(stubRequirements);
  } else {
    // Office.js could not be downloaded (blocked, offline CDN): an inert stand-in, so xlwings'
    // scripts start without errors and main.js can say what happened.
    const ready = Promise.resolve({ host: null, platform: null });
    globalThis.Office = {
      perfxlStub: true,
      onReady: (callback) => (callback ? ready.then(callback) : ready),
      context: { requirements: noRequirements },
      actions: { associate() {} },
    };
    if (typeof CustomFunctions === "undefined") globalThis.CustomFunctions = { associate() {} };
    console.info("perfxl: Office.js could not be loaded; the task pane is shown as a preview.");
  }
})();
