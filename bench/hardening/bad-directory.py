#!/usr/bin/env python3
"""The "bad directory" of issues 2 and 11: good articles mixed with bad inputs, one of them a 12 MB one-line
text, read by `sitrep extract DIR`. Checks that the run ends in time, that every good document is written,
and that every bad input is named on standard error. All text is generated here (no outside data).

    python3 bench/hardening/bad-directory.py SITREP [DIR]     # SITREP: path of the sitrep executable
"""
import gzip, json, os, random, resource, subprocess, sys, tempfile, time

CLAUSES_EN = ["Gunmen attacked a checkpoint near {p} on {d}, killing {n} police officers, officials said.",
              "Shelling hit the outskirts of {p}, wounding {n} civilians, the regional governor said.",
              "Hundreds of farmers marched through {p} to demand lower fuel prices; the rally ended peacefully.",
              "Rebels said they had captured {p} after heavy fighting, a claim the army denied."]
CLAUSES_RO = ["Oameni inarmati au atacat un post de control langa {p}, ucigand {n} politisti, au anuntat oficialii.",
              "Bombardamentele au lovit periferia orasului {p}, ranind {n} civili, a declarat guvernatorul.",
              "Sute de fermieri au manifestat la {p} pentru preturi mai mici la carburanti; protestul a fost pasnic."]
PLACES = ["Gao", "Kharkiv", "Idlib", "Goma", "Marib", "Kunduz", "Cluj-Napoca", "Chisinau"]
DAYS = ["Monday", "Tuesday", "Friday", "Sunday"]


def article(rng, romanian):
    clauses = CLAUSES_RO if romanian else CLAUSES_EN
    return " ".join(rng.choice(clauses).format(p=rng.choice(PLACES), d=rng.choice(DAYS), n=rng.randint(2, 40))
                    for _ in range(rng.randint(3, 6)))


def build(root):
    rng = random.Random(20201)
    good = set()        # ids of the documents that must be written
    bad = []            # (file, what stderr must say)
    for i in range(40):
        name = f"a{i:02d}.txt" if i < 20 else f"z{i:02d}.txt"   # some before the huge file, some after it
        with open(os.path.join(root, name), "w") as f:
            f.write(f"date 2024-03-{1 + i % 28:02d} " + article(rng, i % 3 == 0))
        good.add(name)
    # 12 MB on one line, sorted between the a* and z* files: read (the default limit is 16 MB), and it must
    # not block the ones after it.
    clause = "Three soldiers were killed and "
    with open(os.path.join(root, "m-huge.txt"), "w") as f:
        f.write(clause * (12 * 1024 * 1024 // len(clause)))
    good.add("m-huge.txt")
    # A 20 MB JSON Lines line between two good ones: over the limit, named and skipped unread.
    with open(os.path.join(root, "n-oversize.jsonl"), "w") as f:
        f.write(json.dumps({"id": "n1", "text": article(rng, False)}) + "\n")
        f.write(json.dumps({"id": "n2", "text": clause * (20 * 1024 * 1024 // len(clause))}) + "\n")
        f.write(json.dumps({"id": "n3", "text": article(rng, True)}) + "\n")
    good.update(["n1", "n3"])
    bad.append(("n-oversize.jsonl:2", "maximum document size"))
    # JSON Lines, 1,000 lines, a lone surrogate escape on line 3, a line nested 1,000 deep on line 7.
    lines = []
    for n in range(1, 1001):
        record = {"id": f"j{n}", "text": article(rng, n % 2 == 0), "published": "2024-03-10"}
        lines.append(json.dumps(record))
        good.add(f"j{n}")
    lines[2] = '{"id": "j3", "text": "x \\udc00 y"}'
    good.discard("j3")
    bad.append(("corpus.jsonl:3", "lone surrogate"))
    deep = '{"a": ' * 1000 + "1" + "}" * 1000
    lines[6] = '{"id": "j7", "text": "%s", "extra": %s}' % (article(rng, False), deep)
    with open(os.path.join(root, "corpus.jsonl"), "w") as f:
        f.write("\n".join(lines) + "\n")
    # ACLED CSV with a stray quote on line 3.
    rows = ["event_id_cnty,event_date,notes,source"]
    for n in range(1, 11):
        notes = article(rng, False).replace('"', "")
        rows.append(f'C{n},2024-02-{n:02d},"{notes}",Wire' if n != 2 else f'C{n},2024-02-{n:02d},"{notes},Wire')
        if n != 2:
            good.add(f"C{n}")
    bad.append(("events.csv:3", "stray quote"))
    with open(os.path.join(root, "events.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    # Compressed inputs: whole ones are read, truncated ones named.
    for name, body, ids in [("gz-whole.txt.gz", "date 2024-03-02 " + article(rng, False), ["gz-whole.txt.gz"]),
                            ("gz-cut.txt.gz", "date 2024-03-02 " + " ".join(article(rng, False) for _ in range(300)), []),
                            ("gz-cut.html.gz", "<html><body><article><p>" + "</p><p>".join(article(rng, False) for _ in range(300)) + "</p></article></body></html>", []),
                            ("gz-cut.jsonl.gz", "\n".join(json.dumps({"id": f"g{n}", "text": article(rng, False)}) for n in range(1, 400)) + "\n", None)]:
        data = gzip.compress(body.encode("utf-8"))
        whole = not name.startswith("gz-cut")
        with open(os.path.join(root, name), "wb") as f:
            f.write(data if whole else data[: len(data) * 2 // 3])
        if whole:
            good.update(ids)
        else:
            bad.append((name, "truncated"))
    return good, bad


def main():
    sitrep = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="sitrep-bad-directory-")
    os.makedirs(root, exist_ok=True)
    good, bad = build(root)
    out = os.path.join(root, "..", os.path.basename(root) + "-out.jsonl")
    print(f"load average {open('/proc/loadavg').read().split()[:3]}; {sitrep} extract {root} --format jsonl --out {out}")
    start = time.monotonic()
    try:
        run = subprocess.run([sitrep, "extract", root, "--format", "jsonl", "--out", out], capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        print("TIMEOUT after 600 s")
        return 1
    wall = time.monotonic() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    written = set()
    if os.path.exists(out):
        with open(out) as f:
            for line in f:
                written.add(json.loads(line)["document"]["id"])
    missing = sorted(good - written)
    unnamed = [(f, why) for f, why in bad if not any(f in line and why in line for line in run.stderr.splitlines())]
    print(f"exit {run.returncode}, wall {wall:.1f} s, CPU {usage.ru_utime + usage.ru_stime:.1f} s, max RSS {usage.ru_maxrss / 1024:.0f} MB")
    print(f"good documents written {len(good & written)}/{len(good)}; bad inputs named {len(bad) - len(unnamed)}/{len(bad)}")
    for name in missing[:10]:
        print(f"  missing: {name}")
    for f, why in unnamed:
        print(f"  not named: {f} ({why})")
    print("stderr:\n  " + "\n  ".join(run.stderr.splitlines()[:20]))
    ok = wall < 60 and not missing and not unnamed
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
