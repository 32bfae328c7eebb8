// The dashboard page: renders /api/vaults and, on request, /api/accounts/{address}. Amounts come
// as exact decimal strings and are shown as they are; only the chart converts them to numbers.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function amount(a) {
  return `${a.value} ${a.unit}`;
}

function usd(x) {
  return x.toLocaleString("en-US", { maximumFractionDigits: 2 }) + " USD";
}

function pct(x) {
  return (x * 100).toFixed(2) + " %";
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

/** Share price per round close, plus the live price now: an SVG line with its range labelled. */
function chart(vault) {
  const points = vault.priceHistory.map((p) => ({ t: Date.parse(p.time), y: Number(p.price) }));
  points.push({ t: Date.parse(vault.chainTime), y: Number(vault.sharePrice.value) });
  const width = 600, height = 180, left = 12, right = 12, top = 22, bottom = 40;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "chart");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("data-points", String(points.length));
  const ts = points.map((p) => p.t), ys = points.map((p) => p.y);
  const t0 = Math.min(...ts), t1 = Math.max(...ts), y0 = Math.min(...ys), y1 = Math.max(...ys);
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
  // Highest price above the plot, lowest below it, the dates spanned underneath.
  label(`high ${y1} ${vault.asset}`, left, 14, "start");
  label(`low ${y0} ${vault.asset}`, left, height - 22, "start");
  label(new Date(t0).toISOString().slice(0, 10), left, height - 6, "start");
  label(new Date(t1).toISOString().slice(0, 10), width - right, height - 6, "end");
  return svg;
}

function optionFacts(o) {
  if (!o) return el("p", { class: "note", "data-field": "option" }, "No option written this round.");
  return facts([
    ["Type", "option-type", o.type],
    ["Strike", "strike", `${o.strikeUsd} USD`],
    ["Expiry", "expiry", `${o.expiry} (${o.timeLeft} left)`],
    ["Sold", "option-size", `${amount(o.size)} (${amount(o.unsold)} unsold)`],
    ["Premium", "premium", amount(o.premium)],
    ["Strike / spot", "moneyness", `${o.strikeOverSpot.toFixed(4)} (${o.moneyness})`],
    ["Implied vol at roll", "implied-vol", pct(Number(o.impliedVol))],
  ]);
}

function keeperTable(actions) {
  if (actions.length === 0) return el("p", { class: "note" }, "No keeper action yet.");
  const table = el("table", {}, el("tr", {}, el("th", {}, "When"), el("th", {}, "Action"), el("th", {}, "What and why")));
  for (const a of actions) {
    const why = el("td", {}, a.detail);
    if (a.reason) why.append(el("br"), el("span", { class: "note" }, a.reason));
    table.append(el("tr", {}, el("td", {}, a.time.replace("T", " ").replace("Z", "")), el("td", {}, a.action), why));
  }
  return table;
}

function vaultCard(v) {
  const g = v.greeks, vol = v.volatility, f = v.fees;
  return el("section", { class: "vault", "data-address": v.address },
    el("h2", {}, v.name, el("span", { class: "kind" }, v.kind)),
    facts([
      ["Address", "address", v.address],
      ["TVL", "tvl", amount(v.tvl)],
      ["Share price", "share-price", amount(v.sharePrice)],
      ["Shares", "total-supply", amount(v.totalSupply)],
      ["Round", "round", String(v.round)],
      ["Oracle price", "oracle-price", `${v.oraclePriceUsd} USD`],
    ]),
    el("h3", {}, "Share price history"),
    chart(v),
    el("h3", {}, "Option written"),
    optionFacts(v.option),
    el("h3", {}, "Greeks in dollars"),
    facts([
      ["Delta", "delta", usd(g.deltaUsd)],
      ["Gamma (per 1 % move)", "gamma", usd(g.gammaUsdPerPct)],
      ["Vega (per vol point)", "vega", usd(g.vegaUsdPerVolPoint)],
      ["Theta (per day)", "theta", usd(g.thetaUsdPerDay)],
    ]),
    el("h3", {}, "Volatility"),
    facts([
      ["Realized", "realized-vol", vol.realized === null ? "n/a" : pct(vol.realized)],
      ["Target", "target-vol", pct(vol.target)],
    ]),
    el("p", { class: "note" }, vol.note),
    el("h3", {}, "Fees"),
    facts([
      ["Management", "management-fee", `${f.managementBps} bps a year`],
      ["Performance", "performance-fee", `${f.performanceBps} bps of gains`],
      ["Accrued", "fees-accrued", amount(f.accrued)],
      ["Charged so far", "fees-charged", amount(f.charged)],
      ["Claimed so far", "fees-claimed", amount(f.claimed)],
    ]),
    el("h3", {}, "Keeper's recent actions"),
    keeperTable(v.keeperActions));
}

async function loadVaults() {
  const status = document.getElementById("chain-status");
  try {
    const vaults = await getJson("api/vaults");
    document.getElementById("vaults").replaceChildren(...vaults.map(vaultCard));
    status.textContent = vaults.length ? `chain time ${vaults[0].chainTime}` : "no vaults";
    document.body.setAttribute("data-loaded", "true");
  } catch (e) {
    status.textContent = e.message;
    status.className = "error";
  }
}

async function showAccount(event) {
  event.preventDefault();
  const result = document.getElementById("account-result");
  const address = document.getElementById("account-address").value.trim();
  result.replaceChildren(el("p", { class: "note" }, "loading…"));
  try {
    const account = await getJson(`api/accounts/${encodeURIComponent(address)}`);
    const table = el("table", { id: "positions" }, el("tr", {},
      ...["Vault", "Shares", "Value", "Pending deposit", "Pending redeem", "Claimable shares", "Claimable assets",
        "Pending becomes claimable"].map((h) => el("th", {}, h))));
    for (const p of account.positions) {
      const cell = (field, text) => el("td", { "data-field": field }, text);
      table.append(el("tr", { "data-vault": p.vault },
        cell("symbol", p.symbol), cell("shares", amount(p.shares)), cell("value", amount(p.value)),
        cell("pending-deposit", amount(p.pendingDeposit)), cell("pending-redeem", amount(p.pendingRedeem)),
        cell("claimable-shares", amount(p.claimableShares)), cell("claimable-assets", amount(p.claimableAssets)),
        cell("claimable-after", p.claimableAfter || "nothing pending")));
    }
    result.replaceChildren(table);
  } catch (e) {
    result.replaceChildren(el("p", { class: "error", id: "account-error" }, e.message));
  }
}

document.getElementById("account-form").addEventListener("submit", showAccount);
loadVaults();
