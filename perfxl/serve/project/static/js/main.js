// perfxl add-in: ribbon actions and the task pane (replaces xlwings Server's static/js/main.js).
//
// The manifest's ExecuteFunction buttons name the actions bound below with
// Office.actions.associate; each posts the workbook to /xlwings/custom-scripts-call/<script>
// through xlwings.runPython (xlwings Server's custom-scripts/index.js), whose Python side is
// perfxl's own validate/score/clear macros. The task pane then reads perfxl's 校验结果 sheet
// (the workbook is the record of the last validation) and lists its findings.
// Outside Excel (a plain browser, or Office.js unavailable) the pane says so and stays quiet.

const configElement = document.getElementById("perfxl-config");
const perfxl = configElement ? JSON.parse(configElement.textContent || "{}") : null;
const SEVERITIES = ["错误", "警告", "提示"];
const SEVERITY_CLASS = { 错误: "perfxl-error", 警告: "perfxl-warning", 提示: "perfxl-info" };
const MAX_LISTED = 200;
const READY_TIMEOUT_MS = 10000;

function officeLoaded() {
  return typeof Office !== "undefined" && typeof Office.onReady === "function";
}

function inExcel() {
  return officeLoaded() && typeof Excel !== "undefined" && Boolean(Office.context && Office.context.host);
}

function setStatus(text, kind = "secondary") {
  const el = document.getElementById("perfxl-status");
  if (!el) return;
  el.className = `alert alert-${kind} small`;
  el.textContent = text;
}

async function authArgs() {
  const auth =
    typeof globalThis.getAuth === "function" ? await globalThis.getAuth() : { token: "", provider: "" };
  return { auth: auth.token, headers: { "Auth-Provider": auth.provider } };
}

async function runScript(scriptName, errorDisplayMode) {
  if (!inExcel() || !globalThis.xlwings) {
    setStatus("需要在 Excel 中使用：请从“绩效自评”选项卡打开本窗格。", "warning");
    return;
  }
  await globalThis.xlwings.runPython({ scriptName, errorDisplayMode, ...(await authArgs()) });
  await refreshSummary();
}

// ---------------------------------------------------------------- ribbon actions

async function onValidate(event) {
  try {
    await runScript("validate", "alert");
  } finally {
    event.completed();
  }
}

async function onScore(event) {
  try {
    await runScript("score", "alert");
  } finally {
    event.completed();
  }
}

async function onClear(event) {
  try {
    await runScript("clear", "alert");
  } finally {
    event.completed();
  }
}

async function onHelp(event) {
  try {
    openHelp();
  } finally {
    event.completed();
  }
}

// The ribbon's FunctionNames (templates/manifest.xml) → handlers; tests read this table.
globalThis.perfxlRibbonActions = {
  "perfxl-validate": onValidate,
  "perfxl-score": onScore,
  "perfxl-clear": onClear,
  "perfxl-help": onHelp,
};

function associateRibbonActions() {
  if (!officeLoaded() || !Office.actions || typeof Office.actions.associate !== "function") {
    return false;
  }
  Office.actions.associate("perfxl-validate", onValidate);
  Office.actions.associate("perfxl-score", onScore);
  Office.actions.associate("perfxl-clear", onClear);
  Office.actions.associate("perfxl-help", onHelp);
  return true;
}

function helpUrl() {
  const link = document.getElementById("perfxl-help-link");
  return link ? link.href : window.location.origin + "/help";
}

function openHelp() {
  if (inExcel() && Office.context.ui && Office.context.ui.displayDialogAsync) {
    Office.context.ui.displayDialogAsync(helpUrl(), { height: 70, width: 50 });
  } else {
    window.open(helpUrl(), "_blank", "noopener");
  }
}

// ---------------------------------------------------------------- the 校验结果 summary

async function readResultSheet() {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    for (const ws of sheets.items) {
      if (!ws.name.startsWith(perfxl.resultSheet)) continue;
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("values,rowIndex,columnIndex");
      await context.sync();
      if (used.isNullObject || used.rowIndex !== 0 || used.columnIndex !== 0) continue;
      if (used.values[0][0] !== perfxl.resultTitle) continue;
      return { sheet: ws.name, rows: used.values };
    }
    return null;
  });
}

// The 单元格 column holds =HYPERLINK("#'sheet'!E7","E7"): Excel reports the display text, a
// payload replay may report the formula; either way the address is its last quoted argument.
function cellText(value) {
  const text = String(value ?? "").trim();
  const link = text.match(/^=HYPERLINK\(.*,\s*"((?:[^"]|"")*)"\)$/i);
  return link ? link[1].replace(/""/g, '"') : text;
}

function parseResult(result) {
  const header = perfxl.resultHeader;
  const at = result.rows.findIndex((row) => header.every((h, i) => row[i] === h));
  if (at < 0) return null;
  const col = (name) => header.indexOf(name);
  const findings = result.rows
    .slice(at + 1)
    .filter((row) => row[col("代码")] !== "" && SEVERITIES.includes(row[col("级别")]))
    .map((row) => ({
      severity: row[col("级别")],
      code: String(row[col("代码")]),
      sheet: String(row[col("工作表")]),
      cell: cellText(row[col("单元格")]),
      message: String(row[col("问题说明")]),
    }));
  return { sheet: result.sheet, legend: String(result.rows[1]?.[0] || ""), findings };
}

async function goTo(sheet, cell) {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

function renderSummary(summary) {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  const list = document.getElementById("perfxl-findings");
  const text = document.getElementById("perfxl-summary");
  list.replaceChildren();
  if (!summary) {
    text.textContent = "尚无校验结果。点击“校验”后，这里会列出每个问题，点击可跳到对应单元格。";
  } else {
    summary.findings.forEach((f) => (counts[f.severity] += 1));
    text.textContent = summary.findings.length
      ? `共 ${summary.findings.length} 个问题（“${summary.sheet}”工作表）。点击单元格可跳转。`
      : "上次校验未发现问题。";
    for (const f of summary.findings.slice(0, MAX_LISTED)) {
      const li = document.createElement("li");
      const sev = document.createElement("span");
      sev.className = `perfxl-count perfxl-sev ${SEVERITY_CLASS[f.severity]}`;
      sev.textContent = f.severity;
      const cell = document.createElement("button");
      cell.type = "button";
      cell.className = "perfxl-cell";
      cell.textContent = `${f.sheet}!${f.cell}`;
      cell.addEventListener("click", () => goTo(f.sheet, f.cell).catch((e) => console.warn(e)));
      const message = document.createElement("div");
      message.textContent = f.message;
      const code = document.createElement("span");
      code.className = "perfxl-code";
      code.textContent = ` ${f.code}`;
      li.append(sev, cell, code, message);
      list.append(li);
    }
  }
  for (const el of document.querySelectorAll("[data-count]")) {
    el.textContent = summary ? String(counts[el.dataset.count]) : "–";
  }
}

async function refreshSummary() {
  if (!perfxl || !inExcel()) return;
  try {
    const raw = await readResultSheet();
    renderSummary(raw ? parseResult(raw) : null);
  } catch (error) {
    console.warn("perfxl: could not read the 校验结果 sheet", error);
  }
}

// The summary logic, for checks outside Excel (tests feed it a 校验结果 sheet's values).
globalThis.perfxlPane = { parseResult, renderSummary };

// ---------------------------------------------------------------- start-up

function localiseReloadPrompt() {
  const box = document.querySelector("#xlwings-office-ready-error .xlwings-office-ready-error-inner > div");
  if (box) box.textContent = "加载项未能正常加载。";
  const reload = document.getElementById("xlwings-taskpane-reload-btn");
  if (reload) reload.textContent = "重新加载";
  const cancel = document.getElementById("xlwings-taskpane-reload-cancel-btn");
  if (cancel) cancel.textContent = "取消";
}

function wireButtons(enabled) {
  for (const button of document.querySelectorAll("[data-perfxl-script]")) {
    button.disabled = !enabled;
    if (enabled && !button.dataset.wired) {
      button.dataset.wired = "1";
      button.addEventListener("click", async () => {
        button.disabled = true;
        try {
          await runScript(button.dataset.perfxlScript, "taskpane");
        } finally {
          button.disabled = false;
        }
      });
    }
  }
}

async function start() {
  if (!perfxl) return; // a page without the pane (e.g. the alert dialog)
  document.documentElement.lang = "zh-CN";
  document.title = "绩效自评 · perfxl";
  localiseReloadPrompt();
  renderSummary(null);
  if (!officeLoaded()) {
    setStatus("未能加载 Office.js：请确认 Excel 能访问本服务器。离开 Excel 时本窗格只作预览。", "warning");
    return;
  }
  const associated = associateRibbonActions();
  const ready = Office.onReady();
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), READY_TIMEOUT_MS));
  let info = await Promise.race([ready, timeout]);
  if (info === null) {
    setStatus("正在等待 Excel 就绪…", "secondary");
    info = await ready;
  }
  if (!associated) associateRibbonActions();
  if (Office.perfxlStub) {
    setStatus("未能加载 Office.js：请确认 Excel 能访问本服务器。离开 Excel 时本窗格只作预览。", "warning");
    return;
  }
  if (!info || !info.host) {
    setStatus("当前不在 Excel 中：本页面只作预览。请在 Excel 的“绩效自评”选项卡中打开任务窗格。", "secondary");
    return;
  }
  setStatus("已连接 Excel。", "success");
  wireButtons(true);
  await refreshSummary();
}

start();
