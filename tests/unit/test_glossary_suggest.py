"""zhpress.glossary.suggest on real lines of the archives in
tests/fixtures/real (and a few synthetic ones, marked as such, where no real
line there exercises a rule): a bracket after a term is a definition only
when it reads as a name; acronyms in code (also over lines and in fences
inside block quotes) and in link targets are never suggested."""
from __future__ import annotations

import pytest

from conftest import REPO
from zhpress.glossary.prose import prose_lines
from zhpress.glossary.suggest import is_definition, suggestions
from zhpress.siteconfig import site_config_of

SITE = site_config_of(REPO)


def terms(source: str) -> list[str]:
    return [s.term for s in suggestions(source, lambda term: SITE.find(term) is not None)]


def definitions(source: str) -> list[tuple[str, str]]:
    found = suggestions(source, lambda term: SITE.find(term) is not None)
    return [(s.term, s.message.split("'")[3]) for s in found if "is defined in the text as" in s.message]


@pytest.mark.parametrize("line", [
    # parts of a series; real ones follow Chinese text: gasolin,
    # howto-write-a-smart-contract.md; mogeko, 093.md; poychang,
    # 1970-01-01-note-plantuml.md; gasolin, 无知者的安全.md
    "title: 如何撰寫智能合約(Smart Contract)?(I)",
    "- [RSA 算法原理（一）](https://www.ruanyifeng.com/blog/2013/06/rsa_algorithm_part_one.html)",
    "- [用筆記也可以管理專案(一)：PlantUML](https://jonny-huang.github.io/projects/01_plantuml/)",
    "--from [[阅读的未来] 电子书的前世今生（上）](http://apple4.us/2010/04/future-reading-siracusa-ebook.html), "
    "[下](http://apple4.us/2010/04/future-reading-siracusa-ebook-2.html)",
    # synthetic: no real line in the fixtures has a series part right after a Latin term
    "title: 認識 Docker（上）",
    "title: 學 React（一）",
    "title: 聊 Bot（下篇）",
    # asides, examples and numbers in brackets after a term: mogeko, 010.md and
    # 096.md; poychang, 2019-04-25-all-version-of-dotnet-framework-runtime-download-link.md;
    # gasolin, made-an-nutrition-bot.md, tooling-in-2019-Mar.md, what-is-smart-contract.md;
    # mogeko, 004.md
    "2. 刷入第三方 Recovery（例如 TWRP）",
    "然后，进入第三方 Recovery（以 twrp 为例），安装刷机包 -> 找到我让你放在硬盘中的那个包（后缀为 .zip）-> 滑动滑块，"
    "开始刷机 -> 刷好后立即重启",
    "重启后找到一个名为 Magisk Manager（图标是一个面具，绿色背景），这是 Magisk 的管理程序，"
    "你可以在这里下载、安装、升级、卸载你的 Magisk 和 Magisk 模块。",
    "Magisk 与 Xposed 是可以互相兼容的，你甚至可以通过 Magisk 来安装 Xposed（安装 Xposed 后就不能绕过 SafetyNet 了）。",
    "> 框架组件所必须的渲染 JS（如 React、Svelte）都会随着页面一同下载。",
    ".NET Framework 4.8 很有可能是最後一版了，相信絕對不會有 .NET Framework 5.0（畢竟有 .NET Core 了）",
    "developer channel可以用Push Message API(也就是bottender範例中接的sendText)。",
    "* :closed_lock_with_key:密碼管理：Bitwarden，Duo Mobile（2步驟認證）",
    "之前還有其他能用來撰寫智能合約的語言如Serpent(類Python)、lll(類Fortran)，但目前看到所有公開的智能合約都是使用solidity撰寫。",
    "ABI（JSON格式）檔案在從原始碼編譯成ByteCode時會一併產生。",
    "在使用 Hexo Hey 之前，我一直在使用 VSCode（配合 vscode-hexo 插件）来管理博客。",
    # synthetic: no real line in the fixtures has, after a capitalised term, a
    # bracket of Chinese words only that is an aside, a version or a condition
    "改用 Hexo（大家都在用）架站。",
    "## Hexo（5.0 版本）",
    "Android 4.4（含）以上的裝置",
])
def test_a_bracket_that_is_no_name_is_no_definition(line):
    assert definitions(line) == []


@pytest.mark.parametrize("line, found", [
    # gasolin: Material-Design（物質設計）是什麼？.md, prepare-for-eth2.md (two),
    # howto-write-a-simple-token.md, 一分鐘-TurboGears-簡介.md; mogeko, 036.md
    ("title: Material Design（物質設計）是什麼？", [("Material Design", "物質設計")]),
    ("3. 運行 Ethereum 2.0 的 Validator（驗證者節點）", [("Validator", "驗證者節點")]),
    ("在 WAN（外部網路）端設定頁面的`Port Forwarding`，或`虛擬伺服器`設定中，將以下 port 綁定到樹莓派4的內網IP：",
     [("WAN", "外部網路")]),
    ("這邊使用`SimpleToken.deployed().then`語句來取得SimpleToken合約的Instance(實例)，並存到`contract`變數中，以方便後續的呼叫。",
     [("Instance", "實例")]),
    ("TurboGears 利用 CherryPy(網頁控制框架), Kid(樣板系統), Mochikit(Javascript 函式庫), SQLObject(資料庫物件模型)"
     "這幾個套件為主體, 朝著簡單易用又靈活的方向, 做到快速網頁應用程式開發的功能. ",
     [("CherryPy", "網頁控制框架"), ("Kid", "樣板系統"), ("SQLObject", "資料庫物件模型")]),
    ("这里需要警示一下，设定太低可能会导致 **Steam** 暂时封禁你的 IP，让所有的登陆都会出现 「InvalidPassword（无效密码）」报错。",
     [("InvalidPassword", "无效密码")]),
    ("騰訊在XYZ(新詞)上", [("XYZ", "新詞")]),
])
def test_a_short_name_in_brackets_is_a_definition(line, found):
    assert definitions(line) == found


@pytest.mark.parametrize("gloss, expected", [
    ("上", False), ("下篇", False), ("第二部分", False), ("一", False), ("完", False), ("含", False),
    ("5.0 版本", False), ("2步驟認證", False), ("也就是侵權", False), ("图标是一个面具，绿色背景", False),
    ("平臺總交易量", True), ("驗證者節點", True), ("消費者", True), ("資料庫物件模型", True), ("物質設計", True),
])
def test_what_reads_as_a_definition(gloss, expected):
    assert is_definition(gloss) is expected


def test_acronyms_in_code_over_lines_are_not_suggested():
    # synthetic: no real line in the fixtures has an acronym in inline code
    # that runs over two lines of one paragraph.
    source = "查詢時用 `SELECT NAME,\nEMAIL FROM USERS` 取出資料，\n在 DB 裡面找到結果\n"
    assert terms(source) == ["DB"]


def test_a_fence_inside_a_block_quote_is_code():
    # mogeko, 053.md: a fence opened and closed inside a quote.
    source = ("> 用 Chrome 浏览器进行下载会报错，推荐在命令行中用 `wget` 或 `curl` 等工具下载\n>\n> ```shell\n"
              "> $ wget https://github.com/Mogeko/android-toolchain/releases/download/4.9/"
              "android-toolchain-linux-x86_64-arm64.tgz\n> ```\n")
    assert [number for number, _ in prose_lines(source)] == [1, 2]
    # synthetic: a fence opened inside a quote and closed outside it, then one
    # with a space before its info string (no real line in the fixtures has either).
    source = ("> 引用的程式：\n> ```js\nLET X = 1\n```\n> 上面是 SQL 的寫法\n\n``` c\n"
              "CONST_VALUE\n```\n")
    assert terms(source) == ["SQL"]


def test_acronyms_in_link_targets_and_urls_are_not_suggested():
    # poychang, 1970-01-01-note-dotnet-core.md: a target holding parentheses.
    source = ("- REF: [依據執行方式將標準查詢運算式分類](https://docs.microsoft.com/zh-tw/previous-versions/visualstudio/"
              "visual-studio-2008/bb882641(v=vs.90)?WT.mc_id=DT-MVP-5003022)\n"
              "- [連結](<https://EXAMPLE.com/ABC>) 與 https://QQQ.example/RRR，MDN 的解釋\n"
              "[ref]: https://example.com/SSS \"TTT\"\n"
              "<pre>UUU</pre> <code>VVV</code> <span title=\"WWW\">文字</span>\n")
    assert terms(source) == ["REF", "MDN"]


def test_abbreviations_in_brackets_are_abbreviations_not_translations():
    # gasolin, 19-服務品質-QoS.md (title and line 8); zhdbk3, 2025-year-end-musings.md;
    # gasolin, 用-IFTTT-做自動生活紀錄-LifeLog.md (LifeLog: camel case, no abbreviation)
    source = ("title: 19. 服務品質 (QoS)\n\nIPv6 使用訊流標籤(Flow Labels) 與 Traffic Classes 支援服務品質. "
              "我們可以使用 \"tc\" 指令來控制(包含在 \"iproute\"套件中). \n"
              "> ⚠️ _**警告**：本文包含对性别烦躁（GD）、轻生想法、社会问题等的直接描写，可能触发创伤、引起不适，请量力阅读。_\n"
              "我的生活紀錄 (LifeLog)現在能自動記錄的資料有：\n")
    found = suggestions(source, lambda term: False)
    assert [(s.line, s.term) for s in found if "abbreviation" in s.message] == [(1, "QoS"), (4, "GD")]


def test_prose_lines_keep_line_numbers_and_front_matter_values():
    source = "---\ntitle: ABC\n# a comment GHI\n---\n\n`x\ny` DEF\n\n    indented JKL\n"
    assert list(prose_lines(source)) == [(2, "title: ABC"), (7, "   DEF")]
