"""Unit tests of zhpress.text.punctuation: half-width marks in Chinese context,
corner quotes, and the issue list the check plugin reports."""
from __future__ import annotations

import random
import re

import pytest

from zhpress.text.punctuation import (
    CJK_CHARS,
    FULLWIDTH,
    Issue,
    apply_issues,
    find_halfwidth,
    fix_punctuation,
    is_cjk,
    is_cjk_letter,
    to_corner_quotes,
)

# The seed article (seed/000_0f5bff219df3d558.txt), verbatim: it went through a
# mechanical conversion and has half-width punctuation all over.
SEED = """湯道生
去年9月30日,騰訊進行了一次組織架構調整。在這次調整中,新成立的云與智慧產業事業群(CSIG)被認為是騰訊向產業互聯網進軍的標志。騰訊在To C(消費者)端積累多年,正在拓展深化,重點布局To B(企業)和To G(政府)業務,并且不再是內部賽馬式的分兵種作戰,而是BG(事業群)化的集團軍作戰。
云與智慧產業事業群涉及的行業非常多,這一年來,我們的核心工作是搭建理解每個行業的專業團隊,在外內部培養不同領域的專家,和我們一起探索產業互聯網的業務。
我們不可能獨力深刻了解那么多不同的行業,每個行業的水都挺深,團隊在不斷學習每一個行業的理念、玩法、核心需求和痛點。騰訊進入產業互聯網,目標是帶著數字化技術,從另一個角度成為行業的助手。
“9·30”組織變革后,騰訊集團將“科技向善”作為使命和愿景,云與智慧產業事業群主要服務To B和To G市場,更強調圍繞騰訊價值觀延展,不僅需要客戶導向,更要求口碑、用戶價值。
如何贏得口碑?首先是態度,過去一年中,我本人在內部牽頭傾聽客戶的聲音,加強對服務團隊的投入,越是投入,聽到的客戶要求就越多、聽到的對騰訊的期待就越多,這是我們的任務,也是我們的機會。
騰訊在個人用戶市場有強大、多元化的資源和基因積累,這將成為我們開拓產業互聯網市場的利器,但具體怎么做,需要平衡和智慧。
戰略很多時候是在做選擇題,尤其是競爭激烈的市場中,我們還是清楚騰訊在這個新戰場上的比較優勢和相應路徑的。
比如,微信擁有龐大的生態,這是騰訊的獨特優勢,這個優勢可以幫助我們在C To B的戰略上想得更多一點,挖得更深一點。又比如在零售、教育、醫療和汽車等垂直行業,我們會特別利用騰訊這些年所積累下來的To C能力,諸如微信支付、游戲、音樂和視頻。這都是在我們做To B和To G業務時可調用的能力。
今天中國的數字化市場,每個選手都有不同的能力,有人是硬件出身,有人是互聯網偏某一類服務,認清騰訊在通訊、音視頻、廣告業務領域的優勢,以及在營銷方面的經驗,基于騰訊的原有優勢來延展To B和To G服務,客戶認可,做起來也相對得心應手。
有一個案例我不得不提到,廣東省政府牽頭的“數字廣東”戰略中,被最多提及的是“粵省事”服務,服務中融合了騰訊包括微信在內的多個To C能力,是騰訊在數字政務中找到能發揮To C優勢的最佳契合點。
微信,是騰訊開拓數字政務市場的一個重要工具。無論是老百姓還是政府工作人員,微信都在承擔連接功能,所以有人說,微信是騰訊在B市場的一個重要入口。
不過,我不會用入口這個說法。入口,意味著掌控,意味著引流。還是以數字廣東為例,企業微信服務于公務員溝通的需要,承擔的是一個通訊工具的功能,我關心的是,面對不同類型的客戶不同的溝通需要,我們的工具能不能提供更好的服務。
換句話說,騰訊所有在個人消費者市場積累的優勢和資源,都可以成為我們開拓政府和企業市場的利器,這需要一個目標統一的戰略來承接和指導。
所謂戰略,最終是選擇并用好自己的優勢并加以延展。
我們一直在反思、探索,我們該做什么?不做什么?騰訊集團早期做拍拍,想進入電商領域,后來發現,除了自己做,還有更合適的選擇,就是投資京東和其他電商平臺,從自研轉到投資。后來我們又看到,線上線下的戰略聯動,有很多需求并不是投資一些公司就可以解決的,所以我們也會自己做一些事情。
在一些騰訊沒有直接進入的細分市場,我們反而會找到機會。比如有的零售店不太愿意和有競爭關系的平臺商合作,騰訊不做零售,和他們沒有競爭關系,我們為他們提供智慧零售方案,通過掃碼購把線上、線下通過兩撥人打通,讓到家的服務更頻繁。這種零售方案引流的客戶,是線下忠實的顧客,可大大提升GMV(平臺總交易量)。
對于零售商來說,微信開放平臺的小程序是去中心化的,零售企業可以長期自我管理。通過這樣的方式,我們在某個領域可以慢慢地、越來越深入地參與進去幫助該領域的企業。
有人問我,從C端觸發需求,騰訊的B端業務是否能夠重現微信紅包那樣的跨越式增長?微信紅包其實是一個極端例子,網絡效應強,正常來說,To B業務不會出現這么強的效果。騰訊在C端的資源優勢肯定是能在B端發揮出來的,但怎么用、怎么做,每個行業的方式不一樣。
如果騰訊要在B端市場繼續深挖下去,只依靠C端資源,服務能力是有限的。僅是零售領域,這么多零售商和品牌商,騰訊無法獨力服務。最終打磨出來的運營方式,還是要把它輸送出去給我們的服務商、給我們的生態合作伙伴,讓他們去服務于更大范圍的零售客戶群體。
騰訊在這個生態中是什么位置和邊界?我目前沒有很清晰的答案。但有一點可以肯定,我們希望服務的產業越來越多,但騰訊不可能把每件事都干了,有些事,即便階段性干了,初衷也是把模式走通。這應該已經是行業的共識了。
騰訊在個人消費者市場的優勢并不萬能,不能全部嫁接到政企市場。有一些場景,典型的像工業領域的智能制造,比較復雜,騰訊的C端優勢幾乎沒有用武之地。
在這種情況下,我們的辦法是,選定某一些行業重點做,花大精力把行業的特色做透。此時,我們的努力方向更多基于技術,不斷打磨算法,建立一個體系。
這些領域目前確實不是特別能發揮C端優勢,相信總有機會、總有一天我們會形成閉環。以工業制造領域為例,最后生產出來的產品還是會通過后面的環節到消費者。把前面的事情掰開了揉碎了做透了,后面需要的時候我們可以隨時拿出我們的C端能力。
產業互聯網中,騰訊扮演的角色之一,是打通不同的產業,農業是第一產業,工業是第二產業,服務業是第三產業。光是服務產業,再細分還可以分為好幾層,比如金融、零售消費,它們其實都是屬于服務端的范疇。我最近常問自己,怎么把不同的環節打通?這是我們的機會嗎?
產業互聯網不是之前的把IT技術用在某個行業,而是需要聯動,讓每個環節的參與者有更強的信息互動,他們不僅為了提升生產質量,更在意用戶滿意度,如果我們能把前端用戶連接到后端生產,這個價值是最大的,今天只有少部分行業在初步嘗試這一點。
在實踐中,我們也在學習新的打法。騰訊擅長線上,但B端市場并不是線上全閉環的,線下的功夫更重要。比如,如何吸引潛在客戶,打法和線上完全不同。這時候注重的是區域覆蓋,需要能摸得著、看得到的人,哪怕不是騰訊的銷售,也得是騰訊的合作伙伴,代表騰訊把產品、服務給到客戶。在這個市場,線上的玩法完全失靈。
外界關心騰訊的B戰略,問得最多的一個問題是,騰訊總部是否給CSIG下達過具體的營收指標,或者用戶KPI?我想說的是,1999年如果你只用收入去衡量騰訊的價值,那么你一定錯過了今天的騰訊。當今天面對產業互聯網時,這個道理仍然適用。
開端第一年,我們如履薄冰,所有的事情,從內部到外部、從基礎到進階,都需要強大的內心和適應力。
B市場需要持續的投入,是件燒錢事兒,好處是一旦規模化后壁壘也很高。前提是沉得住氣,忍受得了寂寞。這一年來,做得最多的,其實是最基礎的工作。
跟原來To C預付費的業務相比,To B的業務模式復雜得多,為了把我們的業務通道完全打開,這一年我比較大力推進內部經營管理系統的升級和改造。從原來的銷售管理系統,到服務的CRM,再到合同、銷售業績考核、交付項目管理,甚至每個產品的報價規則管理,過去這么多環節都沒有一套很好的系統串起來,這件事很基礎,而且不得不做。目標是要把業務流程打通。
我也爭取到了很多公司其他團隊的幫助,比如財經線的IT把我們的財務需求作為很高優先級來滿足。一年后,我終于能看到這些都在一步一步改善,系統也在一步一步優化。
系統通道打開后,下一步要做的是完善內部流程。我們的團隊這一年已經進化很快,但還有很大提升空間,這個提升過程可能需要幾年。
服務生態的建設也需要進一步提升,我能感受到,騰訊的技術能力已經被初步認可,但政企市場需要大量的人力服務,我們需要更多人,我們需要很多不同類型的人融合到一起,建立一個新的“英雄聯盟”。
(此文由本刊記者謝麗容采訪整理;編輯:馬克)"""
SEED_LINES = [line for line in SEED.splitlines() if line]

HALF = ",;:?!()"


def assert_fixed(text: str, expected: str, before: str = "", after: str = "", repair: bool = False) -> None:
    assert fix_punctuation(text, before, after, repair=repair) == expected
    # One scanner: the reported issues reproduce the fix exactly.
    assert apply_issues(text, find_halfwidth(text, before, after, repair=repair)) == expected
    # Idempotent.
    assert fix_punctuation(expected, before, after, repair=repair) == expected


# --- Seed sentences ------------------------------------------------------------

SEED_CASES = [
    (
        "去年9月30日,騰訊進行了一次組織架構調整。",
        "去年9月30日，騰訊進行了一次組織架構調整。",
    ),
    (
        "在這次調整中,新成立的云與智慧產業事業群(CSIG)被認為是騰訊向產業互聯網進軍的標志。",
        "在這次調整中，新成立的云與智慧產業事業群（CSIG）被認為是騰訊向產業互聯網進軍的標志。",
    ),
    (
        "騰訊在To C(消費者)端積累多年,正在拓展深化,重點布局To B(企業)和To G(政府)業務,"
        "并且不再是內部賽馬式的分兵種作戰,而是BG(事業群)化的集團軍作戰。",
        "騰訊在To C（消費者）端積累多年，正在拓展深化，重點布局To B（企業）和To G（政府）業務，"
        "并且不再是內部賽馬式的分兵種作戰，而是BG（事業群）化的集團軍作戰。",
    ),
    (
        "“9·30”組織變革后,騰訊集團將“科技向善”作為使命和愿景,",
        "“9·30”組織變革后，騰訊集團將“科技向善”作為使命和愿景，",
    ),
    (
        "如何贏得口碑?首先是態度,過去一年中,",
        "如何贏得口碑？首先是態度，過去一年中，",
    ),
    (
        "我們一直在反思、探索,我們該做什么?不做什么?騰訊集團早期做拍拍,",
        "我們一直在反思、探索，我們該做什么？不做什么？騰訊集團早期做拍拍，",
    ),
    (
        "這種零售方案引流的客戶,是線下忠實的顧客,可大大提升GMV(平臺總交易量)。",
        "這種零售方案引流的客戶，是線下忠實的顧客，可大大提升GMV（平臺總交易量）。",
    ),
    (
        "騰訊總部是否給CSIG下達過具體的營收指標,或者用戶KPI?我想說的是,1999年如果你只用收入去衡量騰訊的價值,",
        "騰訊總部是否給CSIG下達過具體的營收指標，或者用戶KPI？我想說的是，1999年如果你只用收入去衡量騰訊的價值，",
    ),
    (
        "(此文由本刊記者謝麗容采訪整理;編輯:馬克)",
        "（此文由本刊記者謝麗容采訪整理；編輯：馬克）",
    ),
    (
        "微信,是騰訊開拓數字政務市場的一個重要工具。",
        "微信，是騰訊開拓數字政務市場的一個重要工具。",
    ),
    (
        "跟原來To C預付費的業務相比,To B的業務模式復雜得多,",
        "跟原來To C預付費的業務相比，To B的業務模式復雜得多，",
    ),
]


@pytest.mark.parametrize("text, expected", SEED_CASES)
def test_seed_sentences(text, expected):
    # The seed says it came through a mechanical conversion: its marks are
    # the converter's, repaired after Latin words too.
    assert text in SEED.replace("\n", "")
    assert_fixed(text, expected, repair=True)


def test_seed_last_line_exact():
    assert SEED_LINES[-1] == "(此文由本刊記者謝麗容采訪整理;編輯:馬克)"
    assert fix_punctuation(SEED_LINES[-1], repair=True) == "（此文由本刊記者謝麗容采訪整理；編輯：馬克）"


# --- Mixed Chinese and English -------------------------------------------------

# Repair mode: text that came through a mechanical conversion.
MIXED_CASES = [
    ("To B業務,騰訊", "To B業務，騰訊"),  # CJK on the left
    ("微信支付、游戲,音樂", "微信支付、游戲，音樂"),
    ("To B,騰訊", "To B，騰訊"),  # Latin on the left, CJK on the right
    ("Hello, 世界", "Hello，世界"),  # and the space after it goes
    ("騰訊, Tencent", "騰訊，Tencent"),
    ("騰訊 , 公司", "騰訊，公司"),  # spaces on both sides go
    ("例如:CRM系統", "例如：CRM系統"),
    ("說明: 這是", "說明：這是"),
    ("第1,第2", "第1，第2"),  # digit on the left, CJK on the right
    ("用Yahoo!奇摩", "用Yahoo！奇摩"),  # Latin word inside Chinese text
    ("你用iPhone?", "你用iPhone？"),
    ("是 Node.js?還是", "是 Node.js？還是"),
    ("真的嗎...?", "真的嗎...？"),  # ellipsis kept, question mark converted
    ("什么?!", "什么？！"),
    ("好!!!", "好！！！"),
    ("是嗎? OK", "是嗎？OK"),
    ("騰訊(Tencent)的", "騰訊（Tencent）的"),  # Latin content after CJK
    ("To B (企業) 和To G", "To B（企業）和To G"),
    ("(AI)技術", "（AI）技術"),  # opens the run, Chinese follows
    ("好,(AI)", "好，（AI）"),  # context created by a conversion
    ("注意:(1)項", "注意：（1）項"),
    ("騰訊(what?)是", "騰訊（what？）是"),
    ("比分3:2,中國隊贏了", "比分3:2，中國隊贏了"),
    ("“好”?", "“好”？"),  # quotes are transparent for context
    ('他說"OK"?', '他說"OK"？'),
    ("好,“你好”", "好，“你好”"),
    ("騰訊\n,公司", "騰訊\n，公司"),  # newlines are never removed
]


@pytest.mark.parametrize("text, expected", MIXED_CASES)
def test_mixed_chinese_english_repaired(text, expected):
    assert_fixed(text, expected, repair=True)


# Faithful mode (every source that does not say it came through a mechanical
# conversion): what the author wrote in Latin context stays.
FAITHFUL_CASES = [
    ("Yahoo!奇摩", "Yahoo!奇摩"),  # a name with its mark
    ("用Yahoo!奇摩", "用Yahoo!奇摩"),
    ("::first-line 的用法", "::first-line 的用法"),  # a CSS pseudo-element
    ("使用 :hover 選擇器", "使用 :hover 選擇器"),
    ("使用:hover", "使用:hover"),  # a colon before Latin is a symbol
    ("利用 ! 這個運算子", "利用 ! 這個運算子"),  # an operator alone between spaces
    ("這是 attacks work? 好", "這是 attacks work? 好"),  # an English title
    ("React,然後我們", "React,然後我們"),  # after an English word
    ("來自Google,但是", "來自Google,但是"),
    ("用戶KPI?我想", "用戶KPI?我想"),
    ("To B,騰訊", "To B,騰訊"),
    ("Hello, 世界", "Hello, 世界"),
    ("比分3:2,中國隊", "比分3:2,中國隊"),
    ("價格:100元", "價格:100元"),
    ("騰訊(what?)是", "騰訊（what?）是"),  # the pair still converts
    ('他說"OK"?', '他說"OK"?'),
    ("騰訊 , 公司", "騰訊 , 公司"),
    # Chinese context converts as before
    ("騰訊,公司", "騰訊，公司"),
    ("好嗎?是的", "好嗎？是的"),
    ("說明: 這是", "說明：這是"),
    ("的是,1999年", "的是，1999年"),  # a comma touching Chinese on its left
    ("騰訊,Google", "騰訊，Google"),
    ("騰訊, Tencent", "騰訊，Tencent"),
    ("真的嗎...?", "真的嗎...？"),
    ("什么?!", "什么？！"),
    ("“好”?", "“好”？"),
    ('他說"好",然後', '他說"好"，然後'),
    ("好,(AI)", "好，（AI）"),
    ("(AI),然後", "（AI），然後"),
    ("騰訊(Tencent)的", "騰訊（Tencent）的"),
    # Real cases where AutoCorrect and the first version of these rules
    # differed (bench/punctuation_vs_autocorrect.py on tests/fixtures/real):
    ("比如把输入的「!=」直接显示成「≠」", "比如把输入的「!=」直接显示成「≠」"),  # an operator
    ("去了？”Σ(っ °Д °;)っ", "去了？”Σ(っ °Д °;)っ"),  # a face, not a bracket pair
    ("為什麼稱作IPv6,而非繼IPv4之後", "為什麼稱作IPv6,而非繼IPv4之後"),  # after a name, as written
]


@pytest.mark.parametrize("text, expected", FAITHFUL_CASES)
def test_faithful_latin_context(text, expected):
    assert_fixed(text, expected)


# --- Brackets ------------------------------------------------------------------

BRACKET_CASES = [
    ("(外層(內層)文字)", "（外層（內層）文字）"),
    ("騰訊(見(附錄)說明)", "騰訊（見（附錄）說明）"),
    ("(see (中文))", "（see（中文））"),  # the space before a converted bracket goes
    ("函數f(x)的值", "函數f(x)的值"),  # code-like call after Latin
    ("Tencent(2019)年報", "Tencent(2019)年報"),
    ("騰訊(2019)", "騰訊（2019）"),
    ("中文 (see RFC 1234) 中文", "中文（see RFC 1234）中文"),
    ("騰訊(a", "騰訊(a"),  # unbalanced: left alone
    ("騰訊)a", "騰訊)a"),
    ("(騰訊", "(騰訊"),
    ("騰訊)", "騰訊)"),
    ("(騰訊(a)", "(騰訊（a）"),  # the balanced inner pair converts, the stray does not
    ("1) 中文", "1) 中文"),  # list marker
    ("騰訊()", "騰訊()"),  # empty pair
    ("(好:)", "（好：）"),  # a matched pair wins over an emoticon reading
]


@pytest.mark.parametrize("text, expected", BRACKET_CASES)
def test_brackets(text, expected):
    assert_fixed(text, expected)


@pytest.mark.parametrize("text", [c[0] for c in BRACKET_CASES] + ["(a(中)b", "中(a)b)", "((中)", "(中))"])
def test_brackets_stay_balanced(text):
    # The converted brackets, in order, always form balanced pairs.
    depth = 0
    for issue in find_halfwidth(text):
        if issue.char == "(":
            depth += 1
        elif issue.char == ")":
            depth -= 1
            assert depth >= 0, text
    assert depth == 0, text


# --- Never touched -------------------------------------------------------------

UNCHANGED = [
    # numbers with separators, times, decimals, dates
    "共1,000元",
    "營收1,234,567元",
    "時間10:30開始",
    "比分3:2",
    "增長3.5%",
    "“9·30”之後",
    # URLs and e-mail addresses
    "請見https://example.com/a,b?c=1&d=(2)頁面",
    "網址www.example.com/path?q=1:2",
    "寫信到a.b@example.com",
    "見mailto:x@y.z頁",
    # HTML entities in source text
    "騰訊&amp;阿里",
    "騰訊&#59;阿里",
    # emoticons and faces
    "好開心:)",
    "好開心:-)",
    "好難過:(",
    "哈哈;)",
    "好:D",
    "(^_^)好",
    "好(T_T)",
    "好(>_<)",
    # ellipsis, stray marks that are not in Chinese context
    "等等...",
    "What?我不懂",  # a Latin sentence before Chinese: `?` belongs to it
    "Yahoo!奇摩",
    # Latin only
    "a, b",
    "Hello, world! How are you? (Fine: thanks; really.)",
    "See RFC 1234 (section 2), p. 3: done!",
    "f(x) = g(y); h(z)",
    "if (a && b) { return x ? y : z; }",
    "http://x.y/a,b",
    "10:30, 11:45",
    "",
    # already full-width
    "去年9月30日，騰訊進行了一次組織架構調整。",
    "（此文由本刊記者謝麗容采訪整理；編輯：馬克）",
    "如何贏得口碑？首先是態度！",
    "To B（企業）和To G（政府）",
    "「數字廣東」戰略中",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_unchanged(text):
    assert fix_punctuation(text) == text
    assert find_halfwidth(text) == []


def test_url_followed_by_chinese_comma():
    # The URL keeps its comma; the sentence comma after it converts.
    assert_fixed("見http://x.y/a,b,謝謝", "見http://x.y/a,b，謝謝", repair=True)
    assert_fixed("郵箱:a@b.com,謝謝", "郵箱：a@b.com，謝謝", repair=True)
    assert_fixed("見(https://a.b/c)", "見（https://a.b/c）")
    # Faithful: a comma that touches the address stays as written.
    assert_fixed("見http://x.y/a,b,謝謝", "見http://x.y/a,b,謝謝")


def test_colon_before_letter_is_not_an_emoticon():
    assert_fixed("例如:D公司", "例如：D公司", repair=True)


# --- Context across tags -------------------------------------------------------

CONTEXT_CASES = [
    # text, before, after, expected
    (",公司", "訊", "", "，公司"),  # <strong>騰訊</strong>,公司
    (",", "訊", "公", "，"),
    ("騰訊", "", ",", "騰訊"),  # only this run changes
    ("Tencent,", "", "騰", "Tencent,"),  # Tencent,<em>騰訊</em>: after a Latin word
    ("?", "麼", "", "？"),
    ("Hi!", "中", "", "Hi!"),
    ("!", "o", "很", "!"),  # <a>Yahoo</a>!很好
    ("(企業)", "B", "和", "（企業）"),
    ("(", "中", "", "("),  # a lone bracket is unbalanced in its run
    (", b", "a", "", ", b"),
    ("1,000", "共", "元", "1,000"),
    (":30", "10", "開", ":30"),
]


@pytest.mark.parametrize("text, before, after, expected", CONTEXT_CASES)
def test_before_after_context(text, before, after, expected):
    assert_fixed(text, expected, before, after)


def test_context_matters():
    assert fix_punctuation(",公司", before="a") == ",公司"  # touches the Latin word
    assert fix_punctuation(",公司", before="a", repair=True) == "，公司"  # right is CJK
    assert fix_punctuation("?", before="a") == "?"
    assert fix_punctuation("?", before="好") == "？"
    assert fix_punctuation(", world", before="o") == ", world"
    assert fix_punctuation(", world", before="好") == "，world"


# --- Issues --------------------------------------------------------------------


def test_issue_offsets_and_messages():
    text = "騰訊, 公司(CSIG)好?"
    issues = find_halfwidth(text)
    assert [(i.offset, i.char, i.replacement) for i in issues] == [
        (2, ",", "，"),
        (6, "(", "（"),
        (11, ")", "）"),
        (13, "?", "？"),
    ]
    for issue in issues:
        assert isinstance(issue, Issue)
        assert text[issue.offset] == issue.char
        assert issue.start <= issue.offset < issue.end
    assert issues[0].message == "half-width ',' in Chinese text; use '，'"
    assert issues[0].end == 4  # the comma absorbs the space after it
    assert apply_issues(text, issues) == "騰訊，公司（CSIG）好？"


def test_issue_offsets_with_context():
    issues = find_halfwidth("a,b", before="", after="")
    assert issues == []
    issues = find_halfwidth(" ,公司", before="訊")
    assert [(i.offset, i.start, i.end) for i in issues] == [(1, 0, 2)]


def test_issues_do_not_overlap():
    text = "好 , (企業) , 好"
    issues = find_halfwidth(text, repair=True)
    spans = [(i.start, i.end) for i in issues]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert fix_punctuation(text, repair=True) == "好，（企業），好"
    # Faithful: the pair converts and absorbs the spaces, so each comma then
    # touches Chinese (what a second call would see).
    assert fix_punctuation(text) == "好，（企業），好"
    assert fix_punctuation("好 , 企業") == "好 , 企業"  # alone between spaces


ALL_INPUTS = (
    SEED_LINES
    + [c[0] for c in SEED_CASES]
    + [c[0] for c in MIXED_CASES]
    + [c[0] for c in BRACKET_CASES]
    + UNCHANGED
)


def test_find_halfwidth_agrees_with_fix_everywhere():
    for text in ALL_INPUTS:
        issues = find_halfwidth(text)
        assert apply_issues(text, issues) == fix_punctuation(text), text
        for issue in issues:
            assert text[issue.offset] == issue.char
            assert issue.char in HALF
            assert issue.replacement == FULLWIDTH[issue.char]
            assert text[issue.start : issue.end].strip(" \t") == issue.char


def test_find_halfwidth_on_seed_reports_every_line():
    reported = 0
    for line in SEED_LINES:
        issues = find_halfwidth(line, repair=True)
        reported += len(issues)
        assert [line[i.offset] for i in issues] == [i.char for i in issues]
    # Every ,;:?!() of the seed is in Chinese context.
    assert reported == sum(SEED.count(ch) for ch in HALF)


# --- Whole seed ----------------------------------------------------------------


@pytest.mark.parametrize("index", range(len(SEED_LINES)))
def test_seed_line_idempotent(index):
    once = fix_punctuation(SEED_LINES[index])
    assert fix_punctuation(once) == once
    assert find_halfwidth(once) == []


def test_idempotent_on_all_inputs():
    for text in ALL_INPUTS:
        once = fix_punctuation(text)
        assert fix_punctuation(once) == once, text


_ADJACENT = re.compile(f"[{CJK_CHARS}][,;:?!()]|[,;:?!()][{CJK_CHARS}]")


def test_seed_has_no_halfwidth_next_to_cjk_after_fix():
    assert _ADJACENT.search(SEED)  # the seed really has the problem
    fixed = "\n".join(fix_punctuation(line, repair=True) for line in SEED_LINES)
    assert not _ADJACENT.search(fixed)
    assert not any(ch in fixed for ch in HALF)
    # Nothing else changed: same text once full-width marks are folded back.
    fold = str.maketrans("，；：？！（）", ",;:?!()")
    assert fixed.translate(fold) == "\n".join(SEED_LINES)


def test_seed_whole_text_as_one_run():
    assert fix_punctuation(SEED) == "\n".join(fix_punctuation(line) for line in SEED.split("\n"))


# --- Corner quotes -------------------------------------------------------------

QUOTE_CASES = [
    ("“他說‘好’”", "「他說『好』」"),
    ("騰訊集團將“科技向善”作為使命", "騰訊集團將「科技向善」作為使命"),
    ("“9·30”組織變革后", "「9·30」組織變革后"),  # no CJK inside, CJK outside
    ("他說“OK”", "他說「OK」"),
    ("引用 “The fox” 這句", "引用「The fox」這句"),
    ("‘好’", "『好』"),
    ("“Don’t”他說", "「Don’t」他說"),  # the apostrophe stays
    ("“Hello”", "“Hello”"),  # English: unchanged
    ("He said “Hello” and left", "He said “Hello” and left"),
    ("“未完", "“未完"),  # unbalanced
    ("「已經是」", "「已經是」"),
    ("‘90s “中”", "‘90s「中」"),
    ("「好”", "「好」"),  # half-converted pair: the curly half follows
    ("“a”“中”", "「a」「中」"),  # a converted neighbour is CJK context
]


@pytest.mark.parametrize("text, expected", QUOTE_CASES)
def test_corner_quotes(text, expected):
    assert to_corner_quotes(text) == expected
    assert to_corner_quotes(expected) == expected


def test_corner_quotes_context_and_seed():
    assert to_corner_quotes("“OK”", before="說") == "「OK」"
    assert to_corner_quotes("“OK”", before="a", after="b") == "“OK”"
    line = next(line for line in SEED_LINES if line.startswith("“9·30”"))
    out = to_corner_quotes(fix_punctuation(line))
    assert out.startswith("「9·30」組織變革后，騰訊集團將「科技向善」作為使命和愿景，")
    assert "“" not in out and "”" not in out
    # Corner brackets are CJK context for the punctuation fix, in either order.
    assert fix_punctuation(to_corner_quotes("說“好”?")) == "說「好」？"


# --- Character classes ---------------------------------------------------------


@pytest.mark.parametrize(
    "ch, expected",
    [
        ("騰", True),  # CJK Unified Ideographs
        ("㐀", True),  # Extension A
        ("𠀀", True),  # Extension B
        ("豈", True),  # compatibility ideograph U+F900
        ("。", True),  # CJK symbols and punctuation
        ("「", True),
        ("\u3000", True),  # ideographic space
        ("，", True),  # full-width forms
        ("（", True),
        ("ㄅ", True),  # bopomofo
        ("a", False),
        ("1", False),
        (",", False),
        ("·", False),
        ("“", False),
        ("é", False),
        ("", False),
    ],
)
def test_is_cjk(ch, expected):
    assert is_cjk(ch) is expected
    assert bool(re.fullmatch(f"[{CJK_CHARS}]", ch)) is expected if ch else True


def test_cjk_chars_in_a_class():
    pattern = re.compile(f"[{CJK_CHARS}]+")
    assert pattern.findall("To B(企業)和To G") == ["企業", "和"]
    assert pattern.findall("用戶KPI？我想") == ["用戶", "？我想"]


# --- Properties on generated text ---------------------------------------------

_ALPHABET = list("中文好騰訊，（）。、「」a bZ1 0,;:?!()()..“”‘’\"'-_^D&@/") + [
    "http://x.y/a,b",
    "x@y.com",
    "&amp;",
    "  ",
    "To B",
    "10:30",
    "1,000",
    ":)",
]


def _generated(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 16)))
        yield text, rng.choice(["", "中", "a", ","]), rng.choice(["", "中", "a", ")"])


@pytest.mark.parametrize("repair", [False, True])
def test_properties_on_generated_text(repair):
    for text, before, after in _generated(3000, 20190930):
        once = fix_punctuation(text, before, after, repair=repair)
        issues = find_halfwidth(text, before, after, repair=repair)
        assert apply_issues(text, issues) == once, (text, before, after)
        assert fix_punctuation(once, before, after, repair=repair) == once, (text, before, after)
        depth = 0
        for issue in issues:
            assert text[issue.offset] == issue.char
            depth += {"(": 1, ")": -1}.get(issue.char, 0)
            assert depth >= 0
        assert depth == 0
        quoted = to_corner_quotes(text, before, after)
        assert to_corner_quotes(quoted, before, after) == quoted, (text, before, after)


def test_fast_path_returns_input():
    english = "The quick brown fox, jumps over (the) lazy dog: 10:30! " * 50
    assert fix_punctuation(english) is english
    chinese = "去年9月30日，騰訊進行了一次組織架構調整。" * 50
    assert fix_punctuation(chinese) is chinese
    assert to_corner_quotes(chinese) is chinese


def test_fullwidth_table_and_letters():
    assert FULLWIDTH == {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
    assert is_cjk_letter("騰") and is_cjk_letter("ㄅ")
    assert not is_cjk_letter("，") and not is_cjk_letter("「") and not is_cjk_letter("a")
