#!/usr/bin/env python3
"""Count string and char literals holding Chinese characters in src/ outside the test modules at the
end of each file, per file and in all: the measure of how many word lists are still written in
code rather than in gazetteer/ (tests/architecture.rs keeps lists out).

usage: scripts/count-chinese-literals.py [SRC-DIR]
"""
import re, sys, os
root = sys.argv[1] if len(sys.argv) > 1 else "src"
han = re.compile(r"[\u3400-\u9fff]")
lit = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)\'')
total = 0
per = {}
for dp, _, fs in os.walk(root):
    for f in fs:
        if not f.endswith(".rs"): continue
        p = os.path.join(dp, f)
        text = open(p, encoding="utf-8").read()
        # cut test modules: from '#[cfg(test)]' to end of file (they sit at the end by convention)
        i = text.find("#[cfg(test)]\nmod tests")
        if i >= 0: text = text[:i]
        # drop line comments
        text = "\n".join(l.split("//")[0] if '"' not in l.split("//")[0][-1:] else l for l in text.split("\n"))
        n = 0
        for line in text.split("\n"):
            s = line.strip()
            if s.startswith("//"): continue
            code = re.sub(r"//[^\"]*$", "", line)
            for m in lit.finditer(code):
                if han.search(m.group(0)): n += 1
        per[p] = n; total += n
for p, n in sorted(per.items(), key=lambda x: -x[1]):
    if n: print(f"{n:6} {p}")
print(f"{total:6} total")
