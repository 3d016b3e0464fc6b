#!/usr/bin/env python3
"""Regenerate gazetteer/countries.tsv from the npm package `i18n-iso-countries` (MIT licence):
ISO 3166-1 alpha-2 codes with their Chinese names (langs/zh.json; the first name is the label,
further names are aliases). Bracketed qualifiers are dropped: 刚果（金） → 刚果（金） and 刚果.

usage: scripts/gen-countries.py [--package DIR]
  Without --package the script runs `npm pack i18n-iso-countries@VERSION` in a temporary folder.
Standard library only; output is deterministic.
"""
import argparse, json, os, subprocess, tarfile, tempfile, unicodedata

VERSION = "7.14.0"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "gazetteer", "countries.tsv")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--package")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pkg = a.package
        if not pkg:
            subprocess.run(["npm", "pack", f"i18n-iso-countries@{VERSION}", "--silent"], cwd=tmp,
                           check=True, stdout=subprocess.DEVNULL)
            with tarfile.open(os.path.join(tmp, f"i18n-iso-countries-{VERSION}.tgz")) as t:
                t.extractall(tmp, filter="data")
            pkg = os.path.join(tmp, "package")
        with open(os.path.join(pkg, "langs", "zh.json"), encoding="utf-8") as f:
            countries = json.load(f)["countries"]
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# i18n-iso-countries {VERSION} (npm, MIT), langs/zh.json; scripts/gen-countries.py\n")
        f.write("code\tname\taliases\n")
        for code in sorted(countries):
            names = countries[code] if isinstance(countries[code], list) else [countries[code]]
            names = [unicodedata.normalize("NFKC", n) for n in names]
            aliases = []
            for n in names[1:] + [n.split("(")[0] for n in names if "(" in n]:
                if n and n != names[0] and n not in aliases:
                    aliases.append(n)
            f.write(f"{code}\t{names[0]}\t{'|'.join(aliases)}\n")


if __name__ == "__main__":
    main()
