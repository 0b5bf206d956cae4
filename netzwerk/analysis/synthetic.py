"""Realistic network graphs of any size, as graph records: for the benchmark and scale tests.

Districts in cities; actors active in one or two districts of their city, with fields of action;
people working at one actor (some at two, some at none); acquaintances mostly among people of
the same district; cooperation mostly next door; round tables of a district's actors; a few
actors and people with no link at all. Seeded: the same size gives the same graph.
"""
import random

FIELDS = ("counselling", "language", "youth", "housing", "work", "health", "culture", "sport")


def network(size, seed=1):
    """(nodes, edges) with about `size` nodes: 25% actors, 70% people, 5% round tables."""
    rng = random.Random(seed)
    n_districts = max(4, size // 200)
    cities = max(1, n_districts // 10)
    districts = [f"d{i}" for i in range(n_districts)]
    city_of = {d: i % cities for i, d in enumerate(districts)}
    by_city = {}
    for d in districts:
        by_city.setdefault(city_of[d], []).append(d)
    nodes, edges = [], []
    actors, people, tables = [], [], []
    by_district = {d: [] for d in districts}
    for i in range(max(2, size * 25 // 100)):
        home = rng.choice(districts)
        active = [home] + ([rng.choice(by_city[city_of[home]])] if rng.random() < 0.3 else [])
        uid = f"a{i}"
        actors.append(uid)
        for d in set(active):
            by_district[d].append(uid)
        nodes.append({"uid": uid, "label": "Actor", "name": f"Akteur {i}", "districts": sorted(set(active)),
                      "fields": rng.sample(FIELDS, rng.choice((1, 1, 2)))})
    home_of = {}
    for i in range(max(2, size * 70 // 100)):
        uid = f"p{i}"
        people.append(uid)
        nodes.append({"uid": uid, "label": "Person", "name": f"Person {i}", "districts": []})
        r = rng.random()
        employers = [] if r < 0.08 else rng.sample(actors, 2 if r > 0.92 else 1)
        for actor in employers:
            edges.append({"a": uid, "b": actor, "type": "WORKS_AT"})
        home_of[uid] = nodes[int(employers[0][1:])]["districts"][0] if employers else rng.choice(districts)
    people_in = {d: [] for d in districts}
    for uid in people:
        people_in[home_of[uid]].append(uid)
    for uid in people:
        if rng.random() < 0.05:
            continue  # knows nobody here yet
        for _ in range(rng.choice((1, 2, 3, 4))):
            pool = people_in[home_of[uid]] if rng.random() < 0.75 else people
            other = rng.choice(pool)
            if other != uid:
                edges.append({"a": uid, "b": other, "type": "KNOWS"})
    for uid in actors:
        if rng.random() < 0.6:
            home = nodes[int(uid[1:])]["districts"][0]
            pool = by_district[home] if rng.random() < 0.8 else actors
            other = rng.choice(pool)
            if other != uid:
                edges.append({"a": uid, "b": other, "type": "COOPERATES_WITH"})
    for i in range(max(1, size * 5 // 100)):
        uid = f"r{i}"
        tables.append(uid)
        home = rng.choice(districts)
        nodes.append({"uid": uid, "label": "RoundTable", "name": f"Runder Tisch {i}", "districts": [home]})
        pool = by_district[home] or actors
        for actor in rng.sample(pool, min(len(pool), rng.choice((2, 4, 6)))):
            edges.append({"a": actor, "b": uid, "type": "MEMBER_OF"})
    return nodes, edges
