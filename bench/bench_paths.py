"""Latency of learning-path queries: on the embedded graph and on a generated 20,000-node graph."""

from __future__ import annotations

import random
import time

from bench import time_calls
from kg.paths import learning_path, learning_paths, plan
from kg.project import project, projection
from kg.store import Store
from kg.synthetic import career_graph, to_rdf

N_QUERIES = 200
BIG = 20_000


def main() -> None:
    rng = random.Random(0)

    store = Store.default()
    t0 = time.perf_counter()
    G = projection(store)
    print(
        f"embedded graph: {len(store.graph)} triples -> projection of {G.number_of_nodes()} nodes, "
        f"{G.number_of_edges()} edges in {(time.perf_counter() - t0) * 1000:.0f} ms"
    )
    roles = sorted((n for n, t in G.nodes(data="type") if t == "role"), key=str)
    skills = sorted((n for n, t in G.nodes(data="type") if t == "skill"), key=str)
    labels = [G.nodes[r]["label"] for r in roles]
    pairs = [(rng.choice(roles), rng.choice(roles)) for _ in range(N_QUERIES)]
    print(
        time_calls(
            "embedded: learning_path(G, role, role)",
            [lambda s=s, t=t: learning_path(G, s, t) for s, t in pairs],
        ).line()
    )
    named = [(rng.choice(labels), rng.choice(labels)) for _ in range(N_QUERIES)]
    print(
        time_calls(
            "embedded: plan(store, name, name)  (names, cached projection)",
            [lambda s=s, t=t: plan(store, s, t) for s, t in named],
        ).line()
    )
    print(
        time_calls(
            "embedded: plan(..., know=3 skills, alternatives=2)",
            [
                lambda s=s, t=t: plan(
                    store, s, t, know=[G.nodes[k]["label"] for k in rng.sample(skills, 3)], alternatives=2
                )
                for s, t in named[:50]
            ],
        ).line()
    )

    t0 = time.perf_counter()
    big = career_graph(BIG, seed=0)
    gen = time.perf_counter() - t0
    n_roles = sum(1 for _, t in big.nodes(data="type") if t == "role")
    print(
        f"generated graph: {big.number_of_nodes()} nodes ({n_roles} roles), {big.number_of_edges()} edges "
        f"in {gen:.1f} s"
    )
    t0 = time.perf_counter()
    rdf = to_rdf(big)
    t1 = time.perf_counter()
    big_projected = project(rdf)
    t2 = time.perf_counter()
    print(
        f"generated graph as RDF: {len(rdf)} triples in {t1 - t0:.1f} s; projection rebuilt in {t2 - t1:.1f} s "
        f"({big_projected.number_of_nodes()} nodes)"
    )
    big_roles = sorted(n for n, t in big.nodes(data="type") if t == "role")
    big_skills = sorted(n for n, t in big.nodes(data="type") if t == "skill")
    big_pairs = [(rng.choice(big_roles), rng.choice(big_roles)) for _ in range(N_QUERIES)]
    print(
        time_calls(
            f"{BIG // 1000}k nodes: learning_path(G, role, role)",
            [lambda s=s, t=t: learning_path(big, s, t) for s, t in big_pairs],
        ).line()
    )
    print(
        time_calls(
            f"{BIG // 1000}k nodes: learning_path(G, None, role, known=5 skills)",
            [
                lambda t=t: learning_path(big, None, t, known=dict.fromkeys(rng.sample(big_skills, 5), 3))
                for _, t in big_pairs
            ],
        ).line()
    )
    print(
        time_calls(
            f"{BIG // 1000}k nodes: learning_paths(G, role, role, k=3)",
            [lambda s=s, t=t: learning_paths(big, s, t, 3) for s, t in big_pairs[:30]],
        ).line()
    )
    switched = 0
    for s, t in big_pairs:
        switched += learning_path(big, s, t).switch
    print(f"   ({switched} of {len(big_pairs)} random pairs have no progression chain: direct switch)")


if __name__ == "__main__":
    main()
