"""Counts blocking pairs of a matching by both stability definitions, independently of the Swift engine,
so Rounds' and matchrp's results are judged by the same code.
usage: python3 scripts/check_stability.py INSTANCE.json MATCHING [--table]
prints {"rounds": N, "kpr": M}, or "N / M" with --table.
MATCHING is either a Rounds result (.json, "assignments") or matchrp output ("r RID PID" lines, PID -1
for none, ids as in scripts/peer_instances.py: resident n is "r<n>", program n is "P<n>").

rounds: a couple judging a better pair may count the seats its members hold now as free (both move).
kpr: Kojima, Pathak and Roth (2013): each program judges the member joining it against everyone it
holds now, the couple's own members included; a member who stays where they are needs no new acceptance."""
import json
import sys


def read_matching(path):
    if path.endswith(".json"):
        return json.load(open(path))["assignments"]
    matching = {}
    for line in open(path):
        if line.startswith("r "):
            _, resident, program = line.split()
            if program != "-1":
                matching["r" + resident] = "P" + program
    return matching


def count(instance, matching):
    capacity = {p["id"]: p["capacity"] for p in instance["programs"]}
    rank = {p["id"]: {a: i for i, a in enumerate(p["ranking"])} for p in instance["programs"]}
    held = {p: [] for p in capacity}
    for applicant, program in matching.items():
        held[program].append(applicant)

    def accepts(p, a, leaving=()):
        if a not in rank[p]:
            return False
        others = [x for x in held[p] if x not in leaving]
        return len(others) < capacity[p] or rank[p][a] < max(rank[p][x] for x in others)

    def accepts_both(p, a, b, leaving=()):
        if a not in rank[p] or b not in rank[p] or capacity[p] < 2:
            return False
        worse = max(rank[p][a], rank[p][b])
        better = sum(1 for x in held[p] if x not in leaving and rank[p][x] < worse)
        return better + 2 <= capacity[p]

    found = {"rounds": 0, "kpr": 0}
    for single in instance["applicants"]:
        a = single["id"]
        for p in single["ranking"]:
            if matching.get(a) == p:
                break
            if accepts(p, a):
                found["rounds"] += 1
                found["kpr"] += 1
                break
    for couple in instance.get("couples", []):
        a, b = couple["members"]
        current = (matching.get(a), matching.get(b))
        for first, second in couple["ranking"]:
            if (first, second) == current:
                break
            if first is not None and first == second:
                ours = accepts_both(first, a, b, (a, b))
            else:
                ours = (first is None or accepts(first, a, (a, b))) and (second is None or accepts(second, b, (a, b)))
            stays_a, stays_b = first == current[0], second == current[1]
            if first is not None and first == second and not stays_a and not stays_b:
                theirs = accepts_both(first, a, b)
            elif first is not None and first == second:
                # One member is there already and keeps the seat; the program must take the other besides.
                stayer, joiner = (a, b) if stays_a else (b, a)
                others = [x for x in held[first] if x != stayer]
                room = capacity[first] - 1
                theirs = joiner in rank[first] and room > 0 and (
                    len(others) < room or rank[first][joiner] < max(rank[first][x] for x in others))
            else:
                theirs = (first is None or stays_a or accepts(first, a)) and (second is None or stays_b or accepts(second, b))
            found["rounds"] += ours
            found["kpr"] += theirs
    return found


if __name__ == "__main__":
    found = count(json.load(open(sys.argv[1])), read_matching(sys.argv[2]))
    print(f"{found['rounds']} / {found['kpr']}" if sys.argv[3:] == ["--table"] else json.dumps(found))
