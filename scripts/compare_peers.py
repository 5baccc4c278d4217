"""Runs PyPI `matching` (HospitalResident, resident-optimal) on an instance file written by
`rounds-bench generate`, checks that its matching equals the one Rounds wrote, and prints its solve time.

usage: compare_peers.py INSTANCE.json ROUNDS_RESULT.json
"""
import json
import sys
import threading
import time
import warnings

from matching.games import HospitalResident


def main(instance_path, result_path):
    with open(instance_path) as handle:
        instance = json.load(handle)
    if instance.get("couples"):
        sys.exit("matching handles single applicants only; generate with --couples 0")
    resident_prefs = {a["id"]: a["ranking"] for a in instance["applicants"]}
    hospital_prefs = {p["id"]: p["ranking"] for p in instance["programs"]}
    capacities = {p["id"]: p["capacity"] for p in instance["programs"]}
    # Residents and hospitals no one ranks must still appear on both sides for the library.
    for program in hospital_prefs:
        hospital_prefs[program] = [a for a in hospital_prefs[program] if a in resident_prefs]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities, clean=True)
        built = time.perf_counter()
        solution = game.solve(optimal="resident")
        solved = time.perf_counter()

    theirs = {}
    for hospital, residents in solution.items():
        for resident in residents:
            theirs[resident.name] = hospital.name
    with open(result_path) as handle:
        ours = json.load(handle)["assignments"]
    if theirs != ours:
        differing = sorted(set(theirs.items()) ^ set(ours.items()))[:10]
        sys.exit(f"matchings differ ({len(set(theirs.items()) ^ set(ours.items()))} pairs), e.g. {differing}")
    print(f"{(built - started) * 1000:.1f} {(solved - built) * 1000:.1f} {len(ours)}")


if __name__ == "__main__":
    # The library deep-copies its player graph recursively; give it room (in a thread with a big stack).
    sys.setrecursionlimit(10_000_000)
    threading.stack_size(1 << 29)
    failure = []

    def run():
        try:
            main(sys.argv[1], sys.argv[2])
        except SystemExit as exit:
            failure.append(exit.code)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    if failure:
        sys.exit(failure[0])
