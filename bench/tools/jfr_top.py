#!/usr/bin/env python3
"""Summarises a JFR recording's CPU samples: the hottest frames (self) and the methods whose
frames are on the most samples (inclusive), optionally only for threads whose name matches.

usage: jfr_top.py recording.jfr [thread-substring] [top]
"""
import collections
import json
import subprocess
import sys


def main():
    path = sys.argv[1]
    thread_filter = sys.argv[2] if len(sys.argv) > 2 else ""
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    own = collections.Counter()
    inclusive = collections.Counter()
    total = 0
    for e in events:
        thread = (e["values"].get("sampledThread") or {}).get("javaName") or ""
        if thread_filter not in thread:
            continue
        frames = (e["values"].get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        total += 1
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
        own[names[0]] += 1
        for n in set(names):
            inclusive[n] += 1
    print(f"{total} samples" + (f" on threads matching '{thread_filter}'" if thread_filter else ""))
    print("\nself:")
    for n, c in own.most_common(top):
        print(f"  {100.0 * c / total:5.1f}%  {n}")
    print("\ninclusive (io.kubesim and selected libraries):")
    shown = 0
    for n, c in inclusive.most_common():
        if n.startswith(("io.kubesim", "tools.jackson.databind.ObjectMapper", "org.h2.mvstore.FileStore",
                         "org.h2.engine.Session.commit", "org.apache.catalina.connector", "sun.nio.ch.FileDispatcherImpl.force")):
            print(f"  {100.0 * c / total:5.1f}%  {n}")
            shown += 1
            if shown >= top:
                break


if __name__ == "__main__":
    main()
