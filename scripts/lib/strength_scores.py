"""Scores for scripts/strength: mutation score per Java module from PIT's mutations.xml, line and
branch coverage per contract from solidity-coverage's coverage-summary.json, checked against the
thresholds file. Standard library only.

usage: strength_scores.py all|java|contracts REPORT_DIR THRESHOLDS EXCLUSIONS
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

MODULES = ("greeks", "strategy")


def rows(path, fields):
    """Non-comment lines of a whitespace-separated file, the last field taking the rest of the line."""
    out = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, fields - 1)
            if len(parts) < fields:
                sys.exit(f"strength: {os.path.basename(path)} line {number} needs {fields} fields: '{line}'")
            out.append((number, parts))
    return out


def read_thresholds(path):
    thresholds = {}
    for number, (kind, name, minimum) in rows(path, 3):
        if kind not in ("mutation", "branch"):
            sys.exit(f"strength: strength-thresholds line {number}: kind must be mutation or branch, got '{kind}'")
        try:
            thresholds[(kind, name)] = float(minimum)
        except ValueError:
            sys.exit(f"strength: strength-thresholds line {number}: minimum must be a number, got '{minimum}'")
    return thresholds


def read_exclusions(path):
    exclusions = []
    for number, (module, cls, method, line, mutator, reason) in rows(path, 6):
        if module not in MODULES:
            sys.exit(f"strength: strength-exclusions line {number}: module must be one of {MODULES}, got '{module}'")
        exclusions.append({"where": number, "key": (module, cls, method, line, mutator), "reason": reason, "used": 0})
    return exclusions


def mutation_scores(report_dir, exclusions, lines, survivors_out):
    scores = {}
    for module in MODULES:
        path = os.path.join(report_dir, "pit", module, "mutations.xml")
        if not os.path.exists(path):
            sys.exit(f"strength: no PIT report for {module} at {path}")
        killed = total = excluded = 0
        survivors = []
        for m in ET.parse(path).getroot():
            key = (module, m.findtext("mutatedClass"), m.findtext("mutatedMethod"), m.findtext("lineNumber"),
                   m.findtext("mutator").rsplit(".", 1)[-1])
            detected = m.get("detected") == "true"
            match = next((e for e in exclusions if e["key"] == key), None)
            # An equivalent mutant that timed out was stopped by the machine's load, not by a test.
            if match and (not detected or m.get("status") == "TIMED_OUT"):
                match["used"] += 1
                excluded += 1
                continue
            total += 1
            if detected:
                killed += 1
            else:
                survivors.append(f"{key[1]}.{key[2]}:{key[3]} {key[4]} {m.get('status')}: {m.findtext('description')}")
        score = 100.0 * killed / total if total else 100.0
        scores[module] = score
        lines.append(f"mutation  {module:<24} {killed:>5} / {total:<5} = {score:5.1f}%"
                     + (f"  ({excluded} equivalent excluded)" if excluded else ""))
        survivors_out[module] = sorted(survivors)
    for e in exclusions:
        if not e["used"]:
            sys.exit(f"strength: strength-exclusions line {e['where']} matches no surviving mutant: {' '.join(e['key'])}"
                     " (delete it, or correct it)")
    return scores


def branch_scores(report_dir, lines):
    path = os.path.join(report_dir, "solidity", "coverage-summary.json")
    if not os.path.exists(path):
        sys.exit(f"strength: no solidity-coverage summary at {path}")
    with open(path, encoding="utf-8") as f:
        summary = json.load(f)
    scores = {}
    for file, cov in sorted(summary.items()):
        if file == "total" or "/interfaces/" in file:
            continue
        name = os.path.basename(file)
        b = cov["branches"]
        scores[name] = b["pct"] if b["total"] else 100.0
        lines.append(f"branch    {name:<24} lines {cov['lines']['pct']:5.1f}%  branches {b['covered']:>3} / {b['total']:<3}"
                     f" = {scores[name]:5.1f}%")
    t = summary["total"]
    lines.append(f"contracts all files: lines {t['lines']['pct']:.1f}%, branches {t['branches']['pct']:.1f}%")
    return scores


def uncovered_branches(report_dir, contracts):
    """Where each contract under its threshold missed: a branch is reached only by some runs when the
    tests depend on timing or randomness, so the line says which one it was this time."""
    with open(os.path.join(report_dir, "solidity", "coverage-final.json"), encoding="utf-8") as f:
        final = json.load(f)
    found = []
    for file, cov in sorted(final.items()):
        if os.path.basename(file) not in contracts:
            continue
        for branch, counts in cov["b"].items():
            missed = [str(side) for side, count in enumerate(counts) if count == 0]
            if missed:
                found.append(f"  not reached: {os.path.basename(file)} line {cov['branchMap'][branch]['line']}"
                             f" ({cov['branchMap'][branch]['type']}), side {', '.join(missed)} of {len(counts)}")
    return found


def main():
    what, report_dir, thresholds_path, exclusions_path = sys.argv[1:5]
    thresholds = read_thresholds(thresholds_path)
    lines = []
    scores = {}
    survivors = {}
    if what in ("all", "java"):
        for module, score in mutation_scores(report_dir, read_exclusions(exclusions_path), lines, survivors).items():
            scores[("mutation", module)] = score
        for module, listed in survivors.items():
            with open(os.path.join(report_dir, f"survivors-{module}.txt"), "w", encoding="utf-8") as f:
                f.write("".join(s + "\n" for s in listed))
    if what in ("all", "contracts"):
        for name, score in branch_scores(report_dir, lines).items():
            scores[("branch", name)] = score
    failures = []
    for (kind, name), minimum in sorted(thresholds.items()):
        if (kind == "mutation" and what == "contracts") or (kind == "branch" and what == "java"):
            continue
        if (kind, name) not in scores:
            failures.append(f"{kind} {name}: no such {'module' if kind == 'mutation' else 'contract'} in the reports")
        elif scores[(kind, name)] < minimum:
            failures.append(f"{kind} {name}: {scores[(kind, name)]:.1f}% is under the threshold {minimum:.1f}%")
    lines.append("thresholds: scripts/strength-thresholds; reports: .volvault/strength/ "
                 "(pit/<module>/index.html, survivors-<module>.txt, solidity/index.html)")
    lines += [f"UNDER THRESHOLD: {f}" for f in failures]
    if failures and what in ("all", "contracts"):
        lines += uncovered_branches(report_dir, [name for (kind, name), _ in sorted(thresholds.items())
                                                 if kind == "branch" and scores.get((kind, name), 100.0) < thresholds[(kind, name)]])
    text = "\n".join(lines) + "\n"
    with open(os.path.join(report_dir, f"summary-{what}.txt"), "w", encoding="utf-8") as f:
        f.write(text)
    print(text, end="")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
