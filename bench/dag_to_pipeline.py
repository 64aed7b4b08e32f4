#!/usr/bin/env python3
"""Turns a DAG workload (dag.json from the shared gen_dag.py) into a Pipewright pipeline:
one stage, one job per node, each with its `needs`, so pwctl runs exactly the DAG ninja runs."""
import json
import sys


def quote(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


def main():
    dag = json.load(open(sys.argv[1]))
    lines = [f"name: {dag['name']}", "stages:", "  - name: all", "    jobs:"]
    for job in dag["jobs"]:
        needs = ", ".join(job["needs"])
        lines.append(f"      - name: {job['name']}")
        lines.append(f"        commands: [{quote(job['command'])}]")
        lines.append(f"        needs: [{needs}]")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
