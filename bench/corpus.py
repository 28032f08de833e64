"""Deterministic synthetic corpora for the benchmarks.

generate(dest, n, seed) writes dest/index.md and dest/articles/a00001.md ...
a0000n.md: front matter like a real zhpress article and a body of about 1,900
CJK characters made of paragraphs of the seed interview, with `##` headings,
the odd fenced code block and links to other articles of the corpus.
The same (n, seed) always gives byte-identical files.

CLI: python bench/corpus.py N DEST [--seed S] [--seed-file PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

SEED_NAME = "000_0f5bff219df3d558.txt"
DEFAULT_SEED_FILE = Path(__file__).resolve().parents[1].parent / "shared/seed" / SEED_NAME
FALLBACK_SEED_FILE = Path("/work/shared/seed") / SEED_NAME

TARGET_CJK_CHARS = 1900
UNDATED_EVERY = 25  # every 25th article has no date key
YEAR_ONLY_SHARE = 0.06
CODE_BLOCK_SHARE = 0.08
LINK_SHARE = 0.3

TAGS = [
    "產業互聯網", "雲計算", "零售", "政務", "醫療", "教育",
    "金融科技", "智慧城市", "人工智能", "安全", "組織架構", "開放生態",
]
HEADINGS = [
    "從消費互聯網到產業互聯網", "組織架構調整", "行業專家團隊", "客戶需求",
    "技術中台", "數據與安全", "生態夥伴", "零售的數字化", "政務服務",
    "醫療與教育", "雲的基礎設施", "內部流程", "人才與文化", "一年之後",
    "下一步",
]
TITLE_HEADS = [
    "湯道生談", "騰訊", "專訪:", "CSIG一周年:", "對話:", "深度:", "觀察:",
]
TITLE_TOPICS = [
    "產業互聯網", "To B業務", "雲與智慧產業", "智慧零售", "數字政務",
    "騰訊雲", "組織變革", "集團軍作戰", "政企市場", "英雄聯盟",
]
TITLE_TAILS = [
    "的第一年", "的下半場", "的真實挑戰", "如何落地", "還有多遠",
    "與行業專家", "從連接到賦能", "為什麼難", "",
]
SPEAKERS = ["湯道生", "馬化騰", "劉熾平", "任宇昕", "盧山", "湯道生"]
INTERVIEWERS = ["謝麗容", "王小明", "李華", "陳靜", "張偉"]
EDITORS = ["馬克", "周曉", "林一", "黃蓉"]
CODE_BLOCKS = [
    ("python", "def gmv(orders):\n    return sum(o.amount for o in orders)\n"),
    ("yaml", "region: ap-guangzhou\ninstances: 3\nservice: tke\n"),
    ("json", '{"tenant": "csig", "plan": "to-b", "nodes": 128}\n'),
    ("bash", "tccli cvm DescribeInstances --region ap-shanghai\n"),
]
CJK = re.compile(r"[\u3400-\u9fff]")


def read_seed_paragraphs(seed_file: Path | None = None) -> list[str]:
    """Paragraphs of the seed article, without speaker line and credit line."""
    path = seed_file or (DEFAULT_SEED_FILE if DEFAULT_SEED_FILE.exists() else FALLBACK_SEED_FILE)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines[1:-1] if line.strip()]


def slug(i: int) -> str:
    return f"a{i:05d}"


def cjk_count(text: str) -> int:
    return len(CJK.findall(text))


def make_title(rng: random.Random) -> str:
    """A headline; must stay the first draw from an article's rng (see link_target)."""
    return rng.choice(TITLE_HEADS) + rng.choice(TITLE_TOPICS) + rng.choice(TITLE_TAILS)


def title_of(i: int, seed: int) -> str:
    return make_title(random.Random(seed + i))


def make_date(i: int, rng: random.Random) -> str | None:
    if i % UNDATED_EVERY == 0:
        return None
    year = rng.randint(2015, 2025)
    if rng.random() < YEAR_ONLY_SHARE:
        return str(year)
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def make_summary(paragraphs: list[str], rng: random.Random) -> str:
    sentences = [s for p in paragraphs for s in p.split("。") if 20 <= len(s) <= 80]
    return rng.choice(sentences) + "。"


def front_matter(meta: dict) -> str:
    """YAML front matter; free text is written as JSON strings, which YAML reads as-is."""
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {item}" for item in value)
        elif key in ("title", "summary"):
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        else:
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def article_meta(i: int, rng: random.Random, paragraphs: list[str]) -> dict:
    meta = {
        "title": make_title(rng),
        "speaker": rng.choice(SPEAKERS),
        "interviewer": rng.choice(INTERVIEWERS),
        "editor": rng.choice(EDITORS),
    }
    date = make_date(i, rng)
    if date is not None:
        meta["date"] = date
    meta["tags"] = rng.sample(TAGS, rng.randint(1, 3))
    meta["summary"] = make_summary(paragraphs, rng)
    return meta


def pick_paragraphs(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Paragraphs in seed order until about TARGET_CJK_CHARS CJK characters."""
    average = sum(map(cjk_count, paragraphs)) / len(paragraphs)
    chosen, total = [], 0
    for index in rng.sample(range(len(paragraphs)), len(paragraphs)):
        if total >= TARGET_CJK_CHARS - average / 2:
            break
        chosen.append(index)
        total += cjk_count(paragraphs[index])
    return [paragraphs[index] for index in sorted(chosen)]


def link_target(i: int, n: int, rng: random.Random) -> int | None:
    if n < 2 or rng.random() >= LINK_SHARE:
        return None
    target = rng.randint(1, n - 1)
    return target if target < i else target + 1


def code_block(rng: random.Random) -> str | None:
    if rng.random() >= CODE_BLOCK_SHARE:
        return None
    lang, code = rng.choice(CODE_BLOCKS)
    return f"```{lang}\n{code}```"


def article_body(i: int, n: int, seed: int, rng: random.Random, paragraphs: list[str]) -> str:
    blocks = pick_paragraphs(paragraphs, rng)
    headings = rng.sample(HEADINGS, rng.randint(3, 4))
    gaps = sorted(rng.sample(range(1, len(blocks)), len(headings)))
    for offset, (gap, heading) in enumerate(zip(gaps, headings)):
        blocks.insert(gap + offset, f"## {heading}")
    target = link_target(i, n, rng)
    if target is not None:
        where = rng.randrange(len(blocks))
        link = f"延伸閱讀:[{title_of(target, seed)}]({slug(target)}.md)。"
        blocks.insert(where + 1, link)
    code = code_block(rng)
    if code is not None:
        blocks.insert(rng.randrange(len(blocks)) + 1, code)
    return "\n\n".join(blocks) + "\n"


def article(i: int, n: int, seed: int, paragraphs: list[str]) -> str:
    rng = random.Random(seed + i)
    meta = article_meta(i, rng, paragraphs)
    return front_matter(meta) + "\n" + article_body(i, n, seed, rng, paragraphs)


def home_page(n: int) -> str:
    return (
        front_matter({"title": "首頁"})
        + f"\n# 首頁\n\n本站收錄 {n} 篇訪談與評論,按發表日期排列。\n"
    )


def remove_stale_articles(articles_dir: Path, n: int) -> None:
    for path in articles_dir.glob("a[0-9][0-9][0-9][0-9][0-9].md"):
        if int(path.stem[1:]) > n:
            path.unlink()


def generate(dest_dir: Path, n: int, seed: int = 0, seed_file: Path | None = None) -> None:
    paragraphs = read_seed_paragraphs(seed_file)
    articles_dir = Path(dest_dir) / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_articles(articles_dir, n)
    (Path(dest_dir) / "index.md").write_text(home_page(n), encoding="utf-8")
    for i in range(1, n + 1):
        text = article(i, n, seed, paragraphs)
        (articles_dir / f"{slug(i)}.md").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("dest", type=Path, help="directory to write (docs_dir)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seed-file", type=Path, default=None)
    args = parser.parse_args()
    generate(args.dest, args.n, args.seed, args.seed_file)


if __name__ == "__main__":
    main()
