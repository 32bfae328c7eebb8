// The dashboard page: renders /api/vaults and, on request, /api/accounts/{address}; with an injected
// EIP-1193 wallet (window.ethereum) it sends the vaults' ERC-7540 requests, cancels and claims.
// Amounts arrive as exact decimal strings with their raw integer units: they are shown at human
// scale (the rule of Readable.java) with the exact value on hover, focus and copy.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
let vaultsShown = [];
let account = null; // the connected wallet's address, lower case

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

/** Six significant digits, whole numbers from 100,000 up, thousands separated (Readable.java's rule). */
function readable(value) {
  const x = Number(value);
  return Math.abs(x) >= 1e5
    ? x.toLocaleString("en-US", { maximumFractionDigits: 0 })
    : x.toLocaleString("en-US", { maximumSignificantDigits: 6 });
}

/** A token amount: rounded text, the exact value on hover, focus and copy, USD beside it when known. */
function amount(a, usdPerUnit) {
  const exact = `${a.value} ${a.unit}`;
  const node = el("span", { class: "amount", title: exact, "data-exact": a.value, "data-raw": a.raw, tabindex: "0",
    "aria-label": exact }, `${readable(a.value)} ${a.unit}`);
  if (usdPerUnit === undefined || usdPerUnit === null) return node;
  return el("span", {}, node, el("span", { class: "usd" }, ` ≈ ${readable(Number(a.value) * Number(usdPerUnit))} USD`));
}

function usd(x) {
  return `${readable(x)} USD`;
}

function pct(x) {
  return x === null || x === undefined ? "n/a" : `${readable((x * 100).toFixed(2))} %`;
}

function facts(rows) {
  const dl = el("dl");
  for (const [label, field, value] of rows) {
    dl.append(el("dt", {}, label), el("dd", { "data-field": field }, value));
  }
  return dl;
}

async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `${url}: HTTP ${response.status}`);
  return body;
}

/** A line chart of (time, value) points with its range labelled; `format` writes the labels. */
function lineChart(points, name, format, cls) {
  const width = 600, height = 180, left = 12, right = 12, top = 22, bottom = 40;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", `chart ${cls}`);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("data-points", String(points.length));
  if (points.length === 0) {
    svg.setAttribute("aria-label", `${name}: no round has closed yet`);
    return svg;
  }
  const ts = points.map((p) => p.t), ys = points.map((p) => p.y);
  const t0 = Math.min(...ts), t1 = Math.max(...ts), y0 = Math.min(...ys), y1 = Math.max(...ys);
  svg.setAttribute("aria-label", `${name} from ${new Date(t0).toISOString().slice(0, 10)} to `
    + `${new Date(t1).toISOString().slice(0, 10)}, between ${format(y0)} and ${format(y1)}`);
  const x = (t) => (t1 === t0 ? width / 2 : left + ((t - t0) / (t1 - t0)) * (width - left - right));
  const y = (v) => (y1 === y0 ? (top + height - bottom) / 2 : height - bottom - ((v - y0) / (y1 - y0)) * (height - top - bottom));
  const line = document.createElementNS(SVG, "polyline");
  line.setAttribute("points", points.map((p) => `${x(p.t).toFixed(1)},${y(p.y).toFixed(1)}`).join(" "));
  svg.append(line);
  for (const p of points) {
    const dot = document.createElementNS(SVG, "circle");
    dot.setAttribute("cx", x(p.t).toFixed(1));
    dot.setAttribute("cy", y(p.y).toFixed(1));
    dot.setAttribute("r", "3");
    svg.append(dot);
  }
  const label = (text, lx, ly, anchor) => {
    const node = document.createElementNS(SVG, "text");
    node.setAttribute("x", String(lx));
    node.setAttribute("y", String(ly));
    node.setAttribute("text-anchor", anchor);
    node.textContent = text;
    svg.append(node);
  };
  label(`high ${format(y1)}`, left, 14, "start");
  label(`low ${format(y0)}`, left, height - 22, "start");
  label(new Date(t0).toISOString().slice(0, 10), left, height - 6, "start");
  label(new Date(t1).toISOString().slice(0, 10), width - right, height - 6, "end");
  return svg;
}

function optionFacts(o, v) {
  if (!o) return el("p", { class: "note", "data-field": "option" }, "No option written this round.");
  const sold = el("span", {}, amount(o.size), " (", amount(o.unsold), " unsold)");
  return facts([
    ["Type", "option-type", o.type],
    ["Strike", "strike", usd(o.strikeUsd)],
    ["Expiry", "expiry", `${o.expiry.replace("T", " ").replace("Z", " UTC")} (${o.timeLeft} left)`],
    ["Sold", "option-size", sold],
    ["Premium", "premium", amount(o.premium, v.assetPriceUsd)],
    ["Strike / spot", "moneyness", `${o.strikeOverSpot.toFixed(4)} (${o.moneyness})`],
    ["Implied vol at roll", "implied-vol", pct(Number(o.impliedVol))],
  ]);
}

function table(caption, headers, rows, attrs = {}) {
  const head = el("tr", {}, ...headers.map((h) => el("th", { scope: "col" }, h)));
  const t = el("table", attrs, el("caption", {}, caption), el("thead", {}, head), el("tbody", {}, ...rows));
  return el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": caption }, t);
}

function cell(field, content) {
  return el("td", { "data-field": field }, content ?? "–");
}

function keeperTable(actions) {
  if (actions.length === 0) return el("p", { class: "note" }, "No keeper action yet.");
  return table("The keeper's recent actions, newest first", ["When (UTC)", "Action", "What and why"], actions.map((a) => {
    const why = el("td", {}, a.detail);
    if (a.reason) why.append(el("br"), el("span", { class: "note" }, a.reason));
    return el("tr", {}, el("td", {}, a.time.replace("T", " ").replace("Z", "")), el("td", {}, a.action), why);
  }));
}

function roundTable(v) {
  if (v.rounds.length === 0) return el("p", { class: "note" }, "No round has closed yet.");
  const rows = v.rounds.slice().reverse().map((r) => {
    const losing = r.pnl && Number(r.pnl.value) < 0;
    return el("tr", { "data-round": String(r.round), class: losing ? "loss" : "" },
      cell("round", String(r.round)),
      cell("closed", r.closedAt.slice(0, 10)),
      cell("strike", r.strikeUsd === null ? null : `${r.type} ${usd(r.strikeUsd)}`),
      cell("size-sold", amount(r.sizeSold)),
      cell("premium", amount(r.premium)),
      cell("settlement", r.settlementPriceUsd === null ? null : usd(r.settlementPriceUsd)),
      cell("payout", r.payout === null ? null : amount(r.payout)),
      cell("pnl", r.pnl === null ? null : amount(r.pnl)),
      cell("fees", amount(r.fees)),
      cell("round-return", r.roundReturn === null ? null : pct(r.roundReturn)),
      cell("vol", r.impliedVol === null ? null : `${pct(Number(r.impliedVol))} / ${pct(r.realizedVol)}`));
  });
  return table("Every closed round, newest first (losing rounds marked)",
    ["Round", "Closed", "Strike", "Size sold", "Premium", "Settled at", "Payout", "P&L before fees", "Fees",
      "Share price change", "Vol implied / realized"], rows, { class: "rounds" });
}

function proofTable(v) {
  const p = v.proofs;
  const ignored = p.ignored ? ` ${p.ignored} entr${p.ignored === 1 ? "y" : "ies"} by other addresses ignored.` : "";
  const intro = el("p", { class: "note", "data-field": "proofs-note" },
    "Each round the keeper commits in KeeperLog to a hash of its inputs (market data, configuration, code version) "
    + `and of its decision; only entries sent by the vault's keeper count.${ignored}`);
  const short = (h) => el("code", { title: h }, `${h.slice(0, 10)}…${h.slice(-6)}`);
  const code = el("p", { class: "note", "data-field": "proofs-code" },
    "This dashboard replays with code version ", short(p.codeVersion.replace("classes ", "")),
    " (a hash of every class of the pricing and strategy modules and of the keeper's decision path); "
    + "a round whose inputs carry another version was decided by other code.");
  if (p.trusted.length === 0) return el("div", {}, intro, code, el("p", { class: "note" }, "No entry from the keeper yet."));
  const sameCode = (c) => (c === null ? "–"
    : c === p.codeVersion ? "this dashboard's" : el("span", {}, "other: ", short(c.replace("classes ", ""))));
  const err = (x) => (x === null ? "–" : pct(x));
  return el("div", {}, intro, code, table("The keeper's records, newest first: what the backtester decides from the recorded inputs,"
    + " what the chain opened, and the tracking error between them",
    ["Round", "Recorded (UTC)", "Inputs hash", "Decision hash", "Code version", "Backtester decides", "Chain opened",
      "Tracking error: strike / size / expiry"],
    p.trusted.slice().reverse().map((r) => {
      const x = r.replay;
      const chain = x.chainStrikeUsd === null ? x.status
        : `strike ${usd(x.chainStrikeUsd)} x ${readable(x.chainSize)}, expiring ${x.chainExpiry.slice(0, 16).replace("T", " ")}`;
      const error = x.strikeError === null ? "–"
        : `${err(x.strikeError)} / ${err(x.sizeError)} / ${readable((x.expiryDifference / 3600).toFixed(2))} h`;
      return el("tr", { "data-round": String(r.round), "data-status": x.status },
        cell("round", String(r.round)), cell("time", r.time.replace("T", " ").replace("Z", "")),
        cell("inputs-hash", short(r.inputsHash)), cell("decision-hash", short(r.decisionHash)),
        cell("code-version", sameCode(x.code)),
        cell("backtest", x.backtestWrite === null ? x.status : x.backtestWrite), cell("chain", chain),
        cell("tracking-error", error));
    }), { class: "proofs" }));
}

function performance(v) {
  const p = v.performance;
  const chartPoints = p.chart.map((c) => ({ t: Date.parse(c.time), y: c.valueUsd }));
  const ddPoints = p.chart.map((c) => ({ t: Date.parse(c.time), y: -c.drawdown }));
  const rows = [
    ["Since the first close", "return-inception", p.sinceInception === null ? "n/a"
      : `${pct(p.sinceInception)} over ${readable(p.days.toFixed(1))} days`],
    ["APY (compounded)", "apy", p.annualized === null ? "not shown: under a year of history" : pct(p.annualized)],
    ["Last 30 days", "return-30d", p.last30Days === null ? "history shorter than 30 days" : pct(p.last30Days)],
    ["Last 90 days", "return-90d", p.last90Days === null ? "history shorter than 90 days" : pct(p.last90Days)],
    ["Max drawdown", "max-drawdown", pct(p.maxDrawdown)],
    ["Realized vol / target", "realized-vs-target", `${pct(p.realizedVol)} / ${pct(p.targetVol)}`],
    ["Premium collected", "premium-total", amount(p.premium, v.assetPriceUsd)],
    ["Fees charged", "fees-total", amount(p.fees, v.assetPriceUsd)],
  ];
  return el("div", {},
    facts(rows),
    el("p", { class: "note", "data-field": "rule" }, p.rule),
    el("h4", {}, "USD value of one share"),
    lineChart(chartPoints, "USD value of one share", (y) => usd(y), "value"),
    el("h4", {}, "Drawdown from the highest value so far"),
    lineChart(ddPoints, "Drawdown", (y) => pct(y), "drawdown"));
}

function actForm(v) {
  const id = (name) => `${name}-${v.address}`;
  const form = el("form", { class: "act", "data-vault": v.address },
    el("label", { for: id("amount") }, `Amount (${v.asset} to deposit, or ${v.symbol} to redeem)`),
    el("input", { id: id("amount"), name: "amount", inputmode: "decimal", autocomplete: "off", "data-field": "act-amount" }),
    el("div", { class: "buttons" },
      ...[["request-deposit", "Request deposit"], ["request-redeem", "Request redeem"],
        ["cancel-deposit", "Cancel pending deposit"], ["cancel-redeem", "Cancel pending redeem"],
        ["claim-shares", "Claim shares"], ["claim-assets", "Claim assets"]]
        .map(([action, text]) => el("button", { type: "button", "data-action": action, disabled: "" }, text))));
  form.addEventListener("click", (e) => {
    const action = e.target.getAttribute && e.target.getAttribute("data-action");
    if (action) act(v, action, form.querySelector("input").value.trim());
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  return form;
}

function vaultCard(v) {
  const g = v.greeks, vol = v.volatility, f = v.fees;
  return el("section", { class: "vault", "data-address": v.address, "aria-labelledby": `title-${v.address}` },
    el("h2", { id: `title-${v.address}` }, v.name, el("span", { class: "kind" }, v.kind)),
    facts([
      ["TVL", "tvl", amount(v.tvl, v.assetPriceUsd)],
      ["Share price", "share-price", amount(v.sharePrice, v.assetPriceUsd)],
      ["Shares", "total-supply", amount(v.totalSupply)],
      ["Round", "round", String(v.round)],
      ["Oracle price", "oracle-price", usd(v.oraclePriceUsd)],
      ["Address", "address", el("code", {}, v.address)],
    ]),
    el("h3", {}, "Performance"),
    performance(v),
    el("h3", {}, "Rounds"),
    roundTable(v),
    el("h3", {}, "Option written this round"),
    optionFacts(v.option, v),
    el("h3", {}, "Greeks in dollars"),
    facts([
      ["Delta", "delta", usd(g.deltaUsd)],
      ["Gamma (per 1 % move)", "gamma", usd(g.gammaUsdPerPct)],
      ["Vega (per vol point)", "vega", usd(g.vegaUsdPerVolPoint)],
      ["Theta (per day)", "theta", usd(g.thetaUsdPerDay)],
    ]),
    el("h3", {}, "Volatility of the underlying"),
    facts([
      ["Realized (oracle, 30 days)", "realized-vol", vol.realized === null ? "n/a" : pct(vol.realized)],
      ["Target", "target-vol", pct(vol.target)],
    ]),
    el("p", { class: "note" }, vol.note),
    el("h3", {}, "Fees"),
    facts([
      ["Management", "management-fee", `${f.managementBps / 100} % a year`],
      ["Performance", "performance-fee", `${f.performanceBps / 100} % of gains above the high-water mark`],
      ["Accrued", "fees-accrued", amount(f.accrued, v.assetPriceUsd)],
      ["Charged so far", "fees-charged", amount(f.charged, v.assetPriceUsd)],
      ["Claimed so far", "fees-claimed", amount(f.claimed, v.assetPriceUsd)],
    ]),
    el("h3", {}, "Deposit, redeem, cancel, claim"),
    actForm(v),
    el("h3", {}, "Keeper"),
    keeperTable(v.keeperActions),
    el("h3", {}, "Proof of backtest"),
    proofTable(v));
}

async function loadVaults() {
  const status = document.getElementById("chain-status");
  document.body.setAttribute("data-loaded", "false");
  try {
    vaultsShown = await getJson("api/vaults");
    document.getElementById("vaults").replaceChildren(...vaultsShown.map(vaultCard));
    status.textContent = vaultsShown.length ? `chain time ${vaultsShown[0].chainTime.replace("T", " ").replace("Z", " UTC")}` : "no vaults";
    enableActions();
    document.body.setAttribute("data-loaded", "true");
  } catch (e) {
    status.textContent = e.message;
    status.className = "error";
  }
}

function positionRows(p, v) {
  const price = v ? v.assetPriceUsd : undefined;
  return el("tr", { "data-vault": p.vault },
    cell("symbol", p.symbol), cell("shares", amount(p.shares)), cell("value", amount(p.value, price)),
    cell("cost-basis", amount(p.costBasis, price)), cell("unrealized-pnl", amount(p.unrealizedPnl, price)),
    cell("realized-pnl", amount(p.realizedPnl, price)),
    cell("pending-deposit", amount(p.pendingDeposit)), cell("pending-redeem", amount(p.pendingRedeem)),
    cell("claimable-shares", amount(p.claimableShares)), cell("claimable-assets", amount(p.claimableAssets)),
    cell("claimable-after", p.claimableAfter || "nothing pending"));
}

const EVENT_WORDS = {
  DepositRequest: "deposit requested", DepositRequestCancelled: "deposit request cancelled",
  RedeemRequest: "redeem requested", RedeemRequestCancelled: "redeem request cancelled",
  Deposit: "shares claimed", Withdraw: "assets claimed",
  TransferIn: "shares received", TransferOut: "shares sent",
};

function historyTable(positions) {
  const rows = [];
  for (const p of positions) {
    for (const a of p.history) {
      rows.push({ block: a.block, row: el("tr", { "data-event": a.event, "data-vault": p.vault },
        cell("time", a.time.replace("T", " ").replace("Z", "")), cell("vault", p.symbol),
        cell("event", EVENT_WORDS[a.event] || a.event), cell("amount", amount(a.amount)),
        cell("round", a.round === null ? null : String(a.round)),
        cell("round-price", a.roundPrice === null ? (a.round === null ? null : "round still open") : readable(a.roundPrice)),
        cell("converted", a.converted === null ? null : amount(a.converted)),
        cell("counterparty", a.counterparty)) });
    }
  }
  rows.sort((x, y) => y.block - x.block);
  if (rows.length === 0) return el("p", { class: "note" }, "No request, claim or transfer yet.");
  return table("History, newest first: each request with the round whose close processed it and that round's price per share;"
    + " each transfer with the cost basis that moved with the shares",
    ["Time (UTC)", "Vault", "What", "Amount", "Round", "Round price per share", "Turned into / basis moved", "From / to"],
    rows.map((r) => r.row), { id: "history" });
}

async function showAccount(event) {
  if (event) event.preventDefault();
  const result = document.getElementById("account-result");
  const address = document.getElementById("account-address").value.trim();
  result.replaceChildren(el("p", { class: "note" }, "loading…"));
  try {
    const view = await getJson(`api/accounts/${encodeURIComponent(address)}`);
    const byAddress = Object.fromEntries(vaultsShown.map((v) => [v.address, v]));
    const positions = table("Position per vault (cost basis: average cost of the shares from processed requests; shares sent"
      + " to another address leave at average cost, shares received enter at the vault's share price at the block of the transfer)",
      ["Vault", "Shares", "Value", "Cost basis", "Unrealized P&L", "Realized P&L", "Pending deposit", "Pending redeem",
        "Claimable shares", "Claimable assets", "Pending becomes claimable"],
      view.positions.map((p) => positionRows(p, byAddress[p.vault])), { id: "positions" });
    const csv = el("a", { id: "history-csv", href: `api/accounts/${view.address}/history.csv`, download: "" },
      "Download the history as CSV");
    result.replaceChildren(positions, csv, historyTable(view.positions));
    result.setAttribute("data-account", view.address);
  } catch (e) {
    result.replaceChildren(el("p", { class: "error", id: "account-error" }, e.message));
  }
}

// ---- wallet -------------------------------------------------------------------------------------

function say(text, isError = false) {
  const node = document.getElementById("wallet-status");
  node.textContent = text;
  node.className = isError ? "error" : "";
}

function enableActions() {
  for (const b of document.querySelectorAll("form.act button")) b.disabled = account === null;
}

async function connect() {
  if (!window.ethereum) {
    say("No wallet found: install a browser wallet (an EIP-1193 provider) to act from this page.", true);
    return;
  }
  try {
    const accounts = await window.ethereum.request({ method: "eth_requestAccounts" });
    account = accounts[0].toLowerCase();
    document.getElementById("wallet-account").textContent = account;
    document.getElementById("account-address").value = account;
    enableActions();
    say(`Connected ${account}.`);
    await showAccount();
  } catch (e) {
    say(`The wallet refused: ${e.message}`, true);
  }
}

/** Decimal text to integer units, refusing anything that is not a positive amount with at most `decimals` decimals. */
function parseUnits(text, decimals, field) {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(`${field} must be a positive decimal number, was '${text}'`);
  const [whole, fraction = ""] = text.split(".");
  if (fraction.length > decimals) throw new Error(`${field} has at most ${decimals} decimals, was '${text}'`);
  const units = BigInt(whole + fraction.padEnd(decimals, "0"));
  if (units === 0n) throw new Error(`${field} must be more than zero, was '${text}'`);
  return units;
}

const word = (x) => x.toString(16).padStart(64, "0");
const addressWord = (a) => word(BigInt(a));

function calldata(selector, ...words) {
  return selector + words.join("");
}

async function waitForReceipt(hash) {
  for (let i = 0; i < 600; i++) {
    const receipt = await window.ethereum.request({ method: "eth_getTransactionReceipt", params: [hash] });
    if (receipt) {
      if (receipt.status !== "0x1") throw new Error(`transaction ${hash} reverted`);
      return receipt;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`transaction ${hash} not mined after 150 s`);
}

async function send(to, data, what) {
  say(`${what}: confirm in your wallet…`);
  const hash = await window.ethereum.request({ method: "eth_sendTransaction", params: [{ from: account, to, data }] });
  say(`${what}: sent ${hash}, waiting for it to be mined…`);
  await waitForReceipt(hash);
  return hash;
}

async function act(v, action, text) {
  const s = v.wallet.selectors;
  const me = addressWord(account);
  try {
    const position = (await getJson(`api/accounts/${account}`).catch(() => ({ positions: [] })))
      .positions.find((p) => p.vault === v.address);
    const raw = (field) => BigInt(position ? position[field].raw : 0);
    let hash;
    switch (action) {
      case "request-deposit": {
        const assets = parseUnits(text, v.wallet.assetDecimals, "amount");
        const allowance = BigInt(await window.ethereum.request({ method: "eth_call",
          params: [{ to: v.wallet.asset, data: calldata(s.allowance, me, addressWord(v.address)) }, "latest"] }));
        if (allowance < assets) {
          await send(v.wallet.asset, calldata(s.approve, addressWord(v.address), word(assets)), `Approve ${text} ${v.asset}`);
        }
        hash = await send(v.address, calldata(s.requestDeposit, word(assets), me, me), `Request a deposit of ${text} ${v.asset}`);
        break;
      }
      case "request-redeem": {
        const shares = parseUnits(text, v.wallet.shareDecimals, "amount");
        hash = await send(v.address, calldata(s.requestRedeem, word(shares), me, me), `Request to redeem ${text} ${v.symbol}`);
        break;
      }
      case "cancel-deposit":
      case "cancel-redeem": {
        const deposit = action === "cancel-deposit";
        const pending = raw(deposit ? "pendingDeposit" : "pendingRedeem");
        if (pending === 0n) throw new Error(`nothing pending to cancel in ${v.symbol}`);
        hash = await send(v.address, calldata(deposit ? s.cancelDepositRequest : s.cancelRedeemRequest, word(pending), me, me),
          `Cancel the pending ${deposit ? "deposit" : "redeem"}`);
        break;
      }
      case "claim-shares":
      case "claim-assets": {
        const shares = action === "claim-shares";
        const claimable = raw(shares ? "claimableShares" : "claimableAssets");
        if (claimable === 0n) throw new Error(`nothing to claim in ${v.symbol} yet`);
        hash = await send(v.address, calldata(shares ? s.mint : s.withdraw, word(claimable), me, me),
          `Claim ${shares ? "shares" : "assets"}`);
        break;
      }
      default:
        throw new Error(`unknown action ${action}`);
    }
    // Refresh first, then say Done: whoever acts next finds the forms the refresh drew, not the old ones.
    await loadVaults();
    await showAccount();
    say(`Done: ${hash}`);
    document.body.setAttribute("data-last-tx", hash);
  } catch (e) {
    say(e.message, true);
  }
}

// Copying a rounded amount copies its exact value.
document.addEventListener("copy", (e) => {
  const selection = document.getSelection();
  const anchor = selection && selection.anchorNode;
  const node = anchor && (anchor.nodeType === Node.ELEMENT_NODE ? anchor : anchor.parentElement);
  const exact = node && node.closest("[data-exact]");
  if (exact && exact.contains(selection.focusNode)) {
    e.clipboardData.setData("text/plain", exact.getAttribute("data-exact"));
    e.preventDefault();
  }
});
document.getElementById("account-form").addEventListener("submit", showAccount);
document.getElementById("connect").addEventListener("click", connect);
loadVaults();
