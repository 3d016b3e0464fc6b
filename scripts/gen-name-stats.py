#!/usr/bin/env python3
"""Regenerate the character-level name statistics: gazetteer/surnames.tsv and gazetteer/name-chars.tsv.

Sources:
  * the 百家姓 (Hundred Family Surnames, public domain) plus common compound surnames, listed below;
  * counts learned from the People's Daily January 1998 POS-tagged corpus (research-use data, not
    redistributed: only per-character counts leave this script, never a name or a sentence).
    In that corpus a Chinese name is a surname token and a given-name token, both tagged nr
    (江/nr 泽民/nr); other nr tokens are mostly transliterated foreign names (克林顿/nr).

usage: scripts/gen-name-stats.py PATH/TO/tagged-days01-24.txt
Standard library only; output is deterministic.
"""
import collections, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "gazetteer")

BAIJIAXING = """赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎
鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄
和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭
梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚
程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫
宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴鬱胥能苍双
闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍卻璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容
向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空
曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公仉督岳帅缑亢况郈有琴归海晋楚闫法汝鄢涂钦商牟佘佴
伯赏墨哈谯笪年爱阳佟言福肖付覃""".replace("\n", "")
COMPOUND = """万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠
公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司徒 司空 亓官 司寇 子车 颛孙 端木 巫马 公西 漆雕
乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 羊舌 微生 梁丘 左丘 东门 西门 南宫""".split()

TOKEN = re.compile(r"\[?([^\s/\[\]]+)/([A-Za-z]+)\]?[a-z]*")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    surname = collections.Counter()
    given1 = collections.Counter()   # first character of a two-character given name
    given2 = collections.Counter()   # second character of a two-character given name
    given_single = collections.Counter()  # one-character given name
    translit = collections.Counter()  # characters of other nr tokens of 3+ characters (foreign names)
    left = collections.Counter()     # the character just before a person name
    right = collections.Counter()    # the character just after a person name
    total = collections.Counter()    # every character of the corpus
    # Counted once per distinct name, so that one much-reported person does not weigh like thousands.
    full_names, other_names = set(), set()
    for line in open(sys.argv[1], encoding="utf-8"):
        toks = [(w, t) for w, t in TOKEN.findall(line)]
        if toks and toks[0][1] == "m" and re.match(r"\d{8}-", toks[0][0]):
            toks = toks[1:]
        for w, _ in toks:
            total.update(w)
        i = 0
        while i < len(toks):
            w, t = toks[i]
            if t != "nr":
                i += 1
                continue
            end = i + 1
            if len(w) <= 2 and end < len(toks) and toks[end][1] == "nr" and len(toks[end][0]) <= 2:
                full_names.add((w, toks[end][0]))
                end += 1
            elif len(w) >= 3:
                other_names.add(w)
            if i > 0:
                left[toks[i - 1][0][-1]] += 1
            if end < len(toks):
                right[toks[end][0][0]] += 1
            i = end

    for sur, given in full_names:
        surname[sur] += 1
        if len(given) == 2:
            given1[given[0]] += 1
            given2[given[1]] += 1
        else:
            given_single[given] += 1
    for w in other_names:
        if w[0] not in surname:
            translit.update(c for c in w if c != "·")

    known = set(BAIJIAXING) | set(COMPOUND)
    with open(os.path.join(OUT, "surnames.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# surnames: 百家姓 and compound surnames (public domain) plus any surname seen at least 3 times\n")
        f.write("# in People's Daily 1998-01 days 1-24; count = distinct names with it there. scripts/gen-name-stats.py\n")
        f.write("surname\tcount\n")
        names = sorted(known | {s for s, c in surname.items() if c >= 3 and len(s) <= 2},
                       key=lambda s: (-surname[s], s))
        for s in names:
            f.write(f"{s}\t{surname[s]}\n")
    chars = sorted(set(given1) | set(given2) | set(given_single) | set(translit) | set(left) | set(right),
                   key=lambda c: (-(given1[c] + given2[c] + given_single[c] + translit[c]), c))
    with open(os.path.join(OUT, "name-chars.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# per-character counts (per distinct name; left/right/total per occurrence) learned from People's Daily 1998-01 days 1-24 (scripts/gen-name-stats.py):\n")
        f.write("# given1/given2 = 1st/2nd character of two-character given names, single = one-character given\n")
        f.write("# names, translit = characters of transliterated names, left/right = character just before/after a\n")
        f.write("# person name, total = occurrences anywhere in the corpus. The first data line (char = *) holds totals.\n")
        f.write("char\tgiven1\tgiven2\tsingle\ttranslit\tleft\tright\ttotal\n")
        sums = [sum(c.values()) for c in (given1, given2, given_single, translit, left, right, total)]
        f.write("*\t" + "\t".join(map(str, sums)) + "\n")
        for c in chars:
            f.write(f"{c}\t{given1[c]}\t{given2[c]}\t{given_single[c]}\t{translit[c]}\t{left[c]}\t{right[c]}\t{total[c]}\n")
    print(f"{len(names)} surnames, {len(chars)} characters", file=sys.stderr)


if __name__ == "__main__":
    main()
