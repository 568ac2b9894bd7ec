#!/usr/bin/env python3
# check-scenarios.py: the built-in role-play scenarios against their format
# (data/scenarios/README.md, version 1), as TAP: each file valid (no
# dangling links, unreachable nodes, dead ends or loops; one best choice per
# decision point; known competencies, techniques and parent types), with 8
# or more decision points and 2 or more endings; and the library as a whole
# at least 10 scenarios covering all seven parent types, ids unique.
# usage: check-scenarios.py DATA/SCENARIOS
import json, re, sys

COMP = {"genuineness","respect","listening","summarising","asking-further","transparency","equal-partner","plain-language"}
TECH = {"genuineness","respect","listening","lsd","transparency","equal-partner","plain-language","van-der-pas"}
TYPES = {"non-cooperating","overprotective","avoiding","neglecting","perfectionist","dissatisfied","quarrelling"}
LEVELS = {"fluent","basic","little"}
CHANNELS = {"face-to-face","phone","home-visit"}
KINDS = {"good","mixed","poor"}

def check(path):
    errs = []
    def e(p, m): errs.append(f"{path}: {p}: {m}")
    d = json.load(open(path, encoding="utf-8"))
    for k, t in [("format",str),("version",int),("id",str),("title",str),("summary",str),("persona",dict),
                 ("context",str),("channel",str),("objectives",list),("competencies",list),("start",str),("nodes",list)]:
        if not isinstance(d.get(k), t): e("$."+k, f"missing or not {t.__name__}")
    if errs: return errs
    if d["format"] != "betrokken-scenario": e("$.format", "wrong")
    if d["version"] != 1: e("$.version", "not 1")
    if not re.fullmatch(r"[a-z0-9-]+", d["id"]): e("$.id", "bad id")
    p = d["persona"]
    for k in ("name","role","situation","parent_type","dutch_level"):
        if not isinstance(p.get(k), str): e("$.persona."+k, "missing")
    if p.get("parent_type") not in TYPES: e("$.persona.parent_type", "unknown")
    if p.get("dutch_level") not in LEVELS: e("$.persona.dutch_level", "unknown")
    if d["channel"] not in CHANNELS: e("$.channel", "unknown")
    if not 1 <= len(d["objectives"]) <= 5: e("$.objectives", "1..5")
    for i, c in enumerate(d["competencies"]):
        if c not in COMP: e(f"$.competencies[{i}]", "unknown")
    ids = {}
    for i, n in enumerate(d["nodes"]):
        if not isinstance(n.get("id"), str): e(f"$.nodes[{i}].id", "missing"); continue
        if n["id"] in ids: e(f"$.nodes[{i}].id", "duplicate")
        ids[n["id"]] = i
    if d["start"] not in ids: e("$.start", "no such node")
    decision = 0; endings = 0; edges = {}
    for i, n in enumerate(d["nodes"]):
        base = f"$.nodes[{i}]"
        if not isinstance(n.get("line"), str): e(base+".line", "missing")
        for k in ("direction","narration"):
            if k in n and not isinstance(n[k], str): e(base+"."+k, "not a string")
        kinds = [k for k in ("choices","open","ending") if k in n]
        if len(kinds) != 1: e(base, "needs exactly one of choices/open/ending"); continue
        out = []
        if "choices" in n:
            cs = n["choices"]
            if not 1 <= len(cs) <= 5: e(base+".choices", "1..5 choices")
            if len(cs) >= 2:
                decision += 1
                if sum(1 for c in cs if c.get("best") is True) != 1: e(base+".choices", "exactly one best")
            for j, c in enumerate(cs):
                cb = f"{base}.choices[{j}]"
                for k in ("text","next","technique","feedback"):
                    if not isinstance(c.get(k), str) or not c.get(k): e(cb+"."+k, "missing")
                if c.get("technique") not in TECH: e(cb+".technique", "unknown")
                if not isinstance(c.get("scores"), dict): e(cb+".scores", "missing")
                else:
                    for k, v in c["scores"].items():
                        if k not in COMP: e(cb+".scores."+k, "unknown competency")
                        if not isinstance(v, int) or not -2 <= v <= 2: e(cb+".scores."+k, "-2..2")
                if c.get("next") not in ids: e(cb+".next", f"no node {c.get('next')!r}")
                out.append(c.get("next"))
        elif "open" in n:
            o = n["open"]
            if not isinstance(o.get("prompt"), str): e(base+".open.prompt", "missing")
            for j, r in enumerate(o.get("rubric", [])):
                if r.get("competency") not in COMP: e(f"{base}.open.rubric[{j}].competency", "unknown")
                if not isinstance(r.get("text"), str): e(f"{base}.open.rubric[{j}].text", "missing")
            if not o.get("rubric"): e(base+".open.rubric", "missing")
            if o.get("next") not in ids: e(base+".open.next", "no such node")
            out.append(o.get("next"))
        else:
            endings += 1
            en = n["ending"]
            if en.get("kind") not in KINDS: e(base+".ending.kind", "unknown")
            for k in ("title","text"):
                if not isinstance(en.get(k), str) or not en.get(k): e(base+".ending."+k, "missing")
        edges[n["id"]] = [x for x in out if x in ids]
    # reachability and loops
    if d["start"] in ids:
        seen = set(); stack = [d["start"]]
        while stack:
            x = stack.pop()
            if x in seen: continue
            seen.add(x); stack.extend(edges.get(x, []))
        for nid, i in ids.items():
            if nid not in seen: e(f"$.nodes[{i}]", f"node {nid!r} unreachable")
        state = {}
        def dfs(x, trail):
            state[x] = 1
            for y in edges.get(x, []):
                if state.get(y) == 1: e(f"$.nodes[{ids[y]}]", f"loop via {x!r} -> {y!r}")
                elif y not in state: dfs(y, trail)
            state[x] = 2
        dfs(d["start"], [])
    if decision < 8: e("$.nodes", f"only {decision} decision points (need 8)")
    if endings < 2: e("$.nodes", f"only {endings} endings (need 2)")
    return errs, decision, endings, len(d["nodes"])


import glob, os
folder = sys.argv[1]
files = sorted(glob.glob(os.path.join(folder, '*.json')))
n = 0
ok_all = True
types = set(); ids = {}
print(f"1..{len(files) + 1}")
for f in files:
    n += 1
    name = os.path.basename(f)
    try:
        r = check(f)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        r = [f"{name}: {exc}"]
    if isinstance(r, list):
        errs = r
    else:
        errs, dec, end, nodes = r
    if errs:
        ok_all = False
        print(f"not ok {n} - {name}")
        for e in errs:
            print(f"# {e}")
        continue
    d = json.load(open(f, encoding="utf-8"))
    types.add(d["persona"]["parent_type"])
    ids.setdefault(d["id"], []).append(name)
    print(f"ok {n} - {name}: {nodes} nodes, {dec} decision points, {end} endings")
n += 1
problems = []
if len(files) < 10: problems.append(f"only {len(files)} scenarios, the library needs 10")
if TYPES - types: problems.append("parent types not covered: " + ", ".join(sorted(TYPES - types)))
for i, names in ids.items():
    if len(names) > 1: problems.append(f"id {i} in " + ", ".join(names))
print(("ok" if not problems else "not ok") + f" {n} - the library: {len(files)} scenarios, {len(types)} of 7 parent types")
for p in problems: print(f"# {p}")
