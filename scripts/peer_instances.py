"""Writes a matching instance shaped like the experiments of aperrault/stable-matching-suite, in both
Rounds' JSON format and that suite's text format (`r`, `c`, `p` lines with integer ids).

Shape: every resident ranks 12 programs (popular programs more often); 5 % of residents are in couples,
and a couple's joint list is all 144 pairs of its members' lists ordered by the sum of the two ranks,
followed by each member's programs with the other member unmatched. Programs rank everyone who ranked
them by a shared score plus noise. Positions equal residents.

usage: peer_instances.py RESIDENTS SEED OUT.json OUT.txt
"""
import json
import random
import sys

LIST_LENGTH = 12
COUPLE_SHARE = 0.05
RESIDENTS_PER_PROGRAM = 10


def generate(residents, seed):
    rng = random.Random(seed)
    programs = max(2, residents // RESIDENTS_PER_PROGRAM)
    capacity = [RESIDENTS_PER_PROGRAM] * programs
    # Popularity falls off with the program's index (a Zipf-like market), so lists overlap.
    weights = [1.0 / (index + 1) ** 0.6 for index in range(programs)]
    lists = []
    for _ in range(residents):
        chosen = []
        seen = set()
        while len(chosen) < min(LIST_LENGTH, programs):
            program = rng.choices(range(programs), weights)[0]
            if program not in seen:
                seen.add(program)
                chosen.append(program)
        lists.append(chosen)
    score = [rng.random() for _ in range(residents)]
    couple_count = int(residents * COUPLE_SHARE) // 2
    couples = [(2 * index, 2 * index + 1) for index in range(couple_count)]
    in_couple = {member for couple in couples for member in couple}
    couple_lists = []
    for first, second in couples:
        pairs = [(a, b, rank_a + rank_b, rank_a) for rank_a, a in enumerate(lists[first]) for rank_b, b in enumerate(lists[second])]
        pairs.sort(key=lambda pair: (pair[2], pair[3]))
        joint = [(a, b) for a, b, _, _ in pairs]
        joint += [(a, -1) for a in lists[first]] + [(-1, b) for b in lists[second]]
        couple_lists.append(joint)
    applicants_of = [[] for _ in range(programs)]
    for resident, ranked in enumerate(lists):
        for program in ranked:
            applicants_of[program].append(resident)
    program_lists = []
    for program in range(programs):
        noisy = {resident: score[resident] + rng.gauss(0, 0.1) for resident in applicants_of[program]}
        program_lists.append(sorted(applicants_of[program], key=lambda resident: -noisy[resident]))
    return capacity, lists, couples, couple_lists, in_couple, program_lists


def main(residents, seed, json_path, text_path):
    capacity, lists, couples, couple_lists, in_couple, program_lists = generate(residents, seed)
    name_program = lambda index: f"P{index}"
    name_resident = lambda index: f"r{index}"
    document = {
        "programs": [
            {"id": name_program(index), "capacity": capacity[index], "ranking": [name_resident(r) for r in ranked]}
            for index, ranked in enumerate(program_lists)
        ],
        "applicants": [
            {"id": name_resident(index), "ranking": [name_program(p) for p in ranked]}
            for index, ranked in enumerate(lists) if index not in in_couple
        ],
        "couples": [
            {
                "members": [name_resident(first), name_resident(second)],
                "ranking": [[name_program(a) if a >= 0 else None, name_program(b) if b >= 0 else None] for a, b in joint],
            }
            for (first, second), joint in zip(couples, couple_lists)
        ],
    }
    with open(json_path, "w") as handle:
        json.dump(document, handle)
    with open(text_path, "w") as handle:
        for index, ranked in enumerate(lists):
            if index not in in_couple:
                handle.write(f"r {index} {' '.join(map(str, ranked))}\n")
        for couple_id, ((first, second), joint) in enumerate(zip(couples, couple_lists)):
            handle.write(f"c {couple_id} {first} {second} {' '.join(f'{a} {b}' for a, b in joint)}\n")
        for index, ranked in enumerate(program_lists):
            handle.write(f"p {index} {capacity[index]} {' '.join(map(str, ranked))}\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4])
