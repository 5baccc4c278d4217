"""Decides exactly whether an instance with couples has a stable matching, by either definition of
scripts/check_stability.py, with the CP-SAT solver of Google OR-Tools (Apache-2.0, from PyPI; not a
dependency of Rounds: only this script uses it). The engine's heuristics cannot tell "no stable
matching exists" from "none found"; this can, given time.

usage: python3 scripts/exact_stable.py INSTANCE.json --rule rounds|kpr [--hint RESULT.json]
       [--seconds N] [--workers N] [--output MATCHING.json]
prints one line of JSON: {"rule", "status" (FEASIBLE/OPTIMAL: a stable matching exists and is
written with --output; INFEASIBLE: none exists; UNKNOWN: undecided in the time), "seconds"}.

The model: one 0/1 variable per (single, ranked program) and per (couple, joint-list entry), at most
one each; each program's holds counted in its own rank order (C[p][i] = holds among its first i), at
most its capacity. Stability is one clause per list entry: the applicant (or couple) holds this entry
or a better one, or a program of the entry refuses, and a refusal is only allowed when the program's
count of better-ranked holds (with the couple's own members taken out as each rule says) reaches
its capacity. The rules' cases are those of check_stability.py, which judges the result again."""
import argparse
import itertools
import json
import os
import random
import sys
import time

from ortools.sat.python import cp_model

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_stability  # noqa: E402  (the same judge as scripts/compare-peers)


def build(instance, rule):
    model = cp_model.CpModel()
    capacity = {p["id"]: p["capacity"] for p in instance["programs"]}
    position = {p["id"]: {a: i for i, a in enumerate(p["ranking"])} for p in instance["programs"]}
    at = {}  # (applicant, program) -> list of (variable) whose sum says the applicant is there
    single_vars = {}
    couple_vars = {}
    for single in instance["applicants"]:
        a = single["id"]
        row = []
        for p in single["ranking"]:
            if a in position.get(p, {}):
                v = model.NewBoolVar(f"x_{a}_{p}")
                at.setdefault((a, p), []).append(v)
                row.append((p, v))
            else:
                row.append((p, None))
        single_vars[a] = row
        model.AddAtMostOne(v for _, v in row if v is not None)
    for index, couple in enumerate(instance.get("couples", [])):
        a, b = couple["members"]
        row = []
        for first, second in couple["ranking"]:
            ok = (first is None or a in position.get(first, {})) and (second is None or b in position.get(second, {}))
            ok = ok and not (first is not None and first == second and capacity[first] < 2)
            if ok:
                v = model.NewBoolVar(f"y_{index}_{len(row)}")
                if first is not None:
                    at.setdefault((a, first), []).append(v)
                if second is not None:
                    at.setdefault((b, second), []).append(v)
                row.append((first, second, v))
            else:
                row.append((first, second, None))
        couple_vars[index] = row
        model.AddAtMostOne(v for _, _, v in row if v is not None)
    # z[a, p]: the applicant holds a seat at p (a sum of at most one true variable).
    z = {}
    for key, variables in at.items():
        if len(variables) == 1:
            z[key] = variables[0]
        else:
            zv = model.NewBoolVar(f"z_{key[0]}_{key[1]}")
            model.Add(zv == sum(variables))
            z[key] = zv
    # C[p][i]: holds at p among its first i ranked applicants.
    counts = {}
    for p in instance["programs"]:
        pid, cap = p["id"], p["capacity"]
        prefix = [0]
        for i, a in enumerate(p["ranking"]):
            term = z.get((a, pid))
            if term is None:
                prefix.append(prefix[-1])
                continue
            c = model.NewIntVar(0, cap, f"c_{pid}_{i + 1}")
            model.Add(c == prefix[-1] + term)
            prefix.append(c)
        counts[pid] = prefix
        model.Add(prefix[-1] <= cap)

    def better(p, a):
        return counts[p][position[p][a]]

    def at_least(expression, least, enforce):
        """expression >= least whenever every literal of `enforce` is true."""
        if isinstance(expression, int):
            if expression < least:
                model.AddBoolOr([literal.Not() for literal in enforce])
        else:
            model.Add(expression >= least).OnlyEnforceIf(enforce)

    def zz(a, p):
        return z.get((a, p), 0)

    for a, row in single_vars.items():
        held = []
        for p, v in row:
            if v is None:
                continue
            held.append(v)
            # Holds this program or a better one, or p is full with applicants it ranks above a.
            full = model.NewBoolVar("")
            at_least(better(p, a), capacity[p], [full])
            model.AddBoolOr(held + [full])
    for index, couple in enumerate(instance.get("couples", [])):
        a, b = couple["members"]
        held = []
        for first, second, v in couple_vars[index]:
            if v is None:
                continue  # a program does not rank its member: never a blocking pair
            held.append(v)
            options = list(held)
            if first is not None and first == second:
                p, cap = first, capacity[first]
                pa, pb = position[p][a], position[p][b]
                top, bottom = (a, b) if pa < pb else (b, a)
                if rule == "rounds":
                    # Both judged against the others held there, the couple's own seats free.
                    r = model.NewBoolVar("")
                    at_least(better(p, bottom) - zz(top, p), cap - 1, [r])
                    options.append(r)
                else:
                    za, zb = zz(a, p), zz(b, p)
                    r = model.NewBoolVar("")
                    # za and zb are variables: this entry itself puts each member at p.
                    # Neither there: both must fit among those held.
                    at_least(better(p, bottom), cap - 1, [r, za.Not(), zb.Not()])
                    # One stays: the other joins against the rest (the stayer taken out), one seat less.
                    at_least(better(p, b) - (1 if pa < pb else 0), cap - 1, [r, za])
                    at_least(better(p, a) - (1 if pb < pa else 0), cap - 1, [r, zb])
                    options.append(r)
            else:
                for member, partner, p in ((a, b, first), (b, a, second)):
                    if p is None:
                        continue
                    r = model.NewBoolVar("")
                    if rule == "rounds":
                        # The partner's seat there counts as free if the partner is ranked above.
                        correction = zz(partner, p) if position[p].get(partner, 10**9) < position[p][member] else 0
                        at_least(better(p, member) - correction, capacity[p], [r])
                    else:
                        # A member who stays needs no acceptance; one who joins is judged against all held.
                        at_least(better(p, member), capacity[p], [r])
                        stays = zz(member, p)
                        if not isinstance(stays, int):
                            model.AddImplication(r, stays.Not())
                    options.append(r)
            model.AddBoolOr(options)
    return model, single_vars, couple_vars


def solve(instance, rule, seconds=None, workers=1, hint=None):
    """(status name, matching or None)."""
    model, single_vars, couple_vars = build(instance, rule)
    if hint is not None:
        for a, row in single_vars.items():
            for p, v in row:
                if v is not None:
                    model.AddHint(v, hint.get(a) == p)
        for index, couple in enumerate(instance.get("couples", [])):
            a, b = couple["members"]
            current = (hint.get(a), hint.get(b))
            for first, second, v in couple_vars[index]:
                if v is not None:
                    model.AddHint(v, (first, second) == current)
    solver = cp_model.CpSolver()
    if seconds is not None:
        solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = workers
    status = solver.Solve(model)
    if status not in (cp_model.FEASIBLE, cp_model.OPTIMAL):
        return solver.StatusName(status), None
    assignments = {}
    for a, row in single_vars.items():
        for p, v in row:
            if v is not None and solver.Value(v):
                assignments[a] = p
    for index, couple in enumerate(instance.get("couples", [])):
        a, b = couple["members"]
        for first, second, v in couple_vars[index]:
            if v is not None and solver.Value(v):
                if first is not None:
                    assignments[a] = first
                if second is not None:
                    assignments[b] = second
    return solver.StatusName(status), assignments


def tiny_instance(rng):
    """A random market small enough to enumerate: 1-3 programs of 1-2 seats, 0-3 singles, 1-2 couples
    whose lists mix pairs in one program and null halves; programs leave some applicants unranked."""
    programs = [f"P{i}" for i in range(rng.randint(1, 3))]
    singles = [f"s{i}" for i in range(rng.randint(0, 3))]
    couples = [(f"a{i}", f"b{i}") for i in range(rng.randint(1, 2))]
    everyone = singles + [member for couple in couples for member in couple]
    instance = {"programs": [], "applicants": [], "couples": []}
    for p in programs:
        ranked = [a for a in everyone if rng.random() < 0.85]
        rng.shuffle(ranked)
        instance["programs"].append({"id": p, "capacity": rng.randint(1, 2), "ranking": ranked})
    for s in singles:
        instance["applicants"].append({"id": s, "ranking": rng.sample(programs, rng.randint(1, len(programs)))})
    for a, b in couples:
        pairs = [(x, y) for x in programs + [None] for y in programs + [None] if (x, y) != (None, None)]
        instance["couples"].append({"members": [a, b], "ranking": [list(pair) for pair in rng.sample(pairs, rng.randint(1, min(6, len(pairs))))]})
    return instance


def stable_exists_by_enumeration(instance):
    """{rule: whether some matching has no blocking pair}, by trying every matching."""
    capacity = {p["id"]: p["capacity"] for p in instance["programs"]}
    ranked = {p["id"]: set(p["ranking"]) for p in instance["programs"]}
    choices = [[None] + [{s["id"]: p} for p in s["ranking"]] for s in instance["applicants"]]
    for couple in instance["couples"]:
        a, b = couple["members"]
        choices.append([None] + [{m: p for m, p in ((a, first), (b, second)) if p is not None} for first, second in couple["ranking"]])
    exists = {"rounds": False, "kpr": False}
    for combination in itertools.product(*choices):
        matching = {}
        for choice in combination:
            matching.update(choice or {})
        load = {}
        for applicant, program in matching.items():
            load[program] = load.get(program, 0) + 1
        if any(a not in ranked[p] for a, p in matching.items()) or any(load[p] > capacity[p] for p in load):
            continue
        found = check_stability.count(instance, matching)
        for rule in exists:
            exists[rule] = exists[rule] or found[rule] == 0
    return exists


def self_check(count, seed):
    """The model against enumeration on `count` tiny random instances: the same answer to "does a stable
    matching exist" by both rules, and every matching the solver gives has no blocking pair."""
    rng = random.Random(seed)
    disagreements = 0
    none_exists = {"rounds": 0, "kpr": 0}
    for _ in range(count):
        instance = tiny_instance(rng)
        truth = stable_exists_by_enumeration(instance)
        for rule in ("rounds", "kpr"):
            status, matching = solve(instance, rule)
            if matching is None:
                none_exists[rule] += 1
            if (matching is not None) != truth[rule] or (matching is not None and check_stability.count(instance, matching)[rule] != 0):
                disagreements += 1
                print(json.dumps({"rule": rule, "enumeration": truth[rule], "solver": status, "instance": instance}))
    print(json.dumps({"instances": count, "disagreements": disagreements, "no_stable_matching": none_exists}))
    return 1 if disagreements else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("instance", nargs="?")
    parser.add_argument("--rule", choices=["rounds", "kpr"], default="rounds")
    parser.add_argument("--self-check", type=int, metavar="N", help="compare with enumeration on N tiny instances")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hint")
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--output")
    args = parser.parse_args()
    if args.self_check:
        return self_check(args.self_check, args.seed)
    instance = json.load(open(args.instance))
    hint = json.load(open(args.hint))["assignments"] if args.hint else None
    started = time.time()
    status, matching = solve(instance, args.rule, args.seconds, args.workers, hint)
    if matching is not None and args.output:
        json.dump({"assignments": matching}, open(args.output, "w"))
    print(json.dumps({"rule": args.rule, "status": status, "seconds": round(time.time() - started, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
